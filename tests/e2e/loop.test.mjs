// The therapy loop's ways in (issue 10): Today shows the homework due soonest and, the
// day before a session, the gentle prompt to note a win; Sessions leads to homework,
// writing about the last session, and Progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, dayFromNow } from './helpers.mjs';

test('Today shows the homework due soonest and, the day before a session, the prompt to note a win', async (t) => {
  const { page, server } = await openApp(t, '');
  // Nothing planned: neither shows.
  await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /^Homework:/ }).count(), 0);
  assert.equal(await page.getByText('Anything you\'re pleased with this week?', { exact: false }).count(), 0);

  // A session tomorrow, and one piece of homework.
  await page.goto(server.url + 'sessions?appointment=new');
  const form = page.getByRole('region', { name: 'Add a session' });
  await form.getByLabel('Day').fill((await dayFromNow(page, 1)).value);
  await form.getByLabel('Starts at').fill('18:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('region', { name: 'Next session' }).getByText('tomorrow', { exact: false }).waitFor();
  const between = page.getByRole('region', { name: 'Between sessions' });
  await between.getByRole('link', { name: 'My homework' }).click();
  await page.getByRole('heading', { level: 1, name: 'Homework' }).waitFor();
  await page.getByRole('link', { name: 'Add homework' }).click();
  const hw = page.getByRole('region', { name: 'Add homework' });
  await hw.getByLabel('What to do').fill('Walk after lunch');
  await hw.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('region', { name: 'To do' }).getByText('Walk after lunch').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByText('Your session is tomorrow. Anything you\'re pleased with this week?').waitFor();
  await page.getByRole('link', { name: 'Homework: Walk after lunch, not done yet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Homework' }).waitFor();

  // Sessions leads to Progress too.
  await page.goto(server.url + 'sessions');
  await page.getByRole('region', { name: 'Between sessions' }).getByRole('link', { name: 'Progress: wins and how far you have come' }).click();
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
});
