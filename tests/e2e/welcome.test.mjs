// First run (issue 11, item 4): a person's first visit opens Welcome, which says what
// Between is for and that everything stays on this device, offers where to start and
// confirms the crisis region; "Get help now" stays reachable, "Skip" is one tap, and it
// never shows again. A person who already has records never sees it. Offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openOffline, appReady, seedEntries } from './helpers.mjs';

const heading = (page, name) => page.getByRole('main').getByRole('heading', { level: 1, name, exact: true });

test('a first visit opens Welcome: where to start ("write" opens the entry form) and the region confirmed', async (t) => {
  const { page } = await openOffline(t, '', { firstRun: true });
  await heading(page, 'Welcome').waitFor();
  const main = page.getByRole('main');
  await main.getByText('Everything you write stays on this device.', { exact: false }).waitFor();
  const start = page.getByRole('region', { name: 'Where would you like to start?' });
  assert.deepEqual((await start.getByRole('link').allTextContents()).map((s) => s.trim()),
    ['Write how I\'m doing', 'Set up my coping box', 'Fill in my safety plan', 'Add my next session']);
  // The crisis region, guessed from the browser's language, is asked about and confirmed.
  const help = page.getByRole('region', { name: 'Help when you need it' });
  await help.getByText('It shows the lines for the United States. Is that where you are?').waitFor();
  await help.getByRole('button', { name: "Yes, that's right" }).click();
  await help.getByText('Showing lines for the United States.').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('between.region')), '"us"');
  // Choosing another region says so at once.
  await help.getByLabel('Your region').selectOption({ label: 'United Kingdom' });
  await help.getByText('Showing lines for the United Kingdom.').waitFor();

  await start.getByRole('link', { name: "Write how I'm doing" }).click();
  await heading(page, 'New entry').waitFor();
  // Back on Today, Welcome is not shown again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await heading(page, 'Today').waitFor();
});

test('Skip is one tap, Welcome never shows again, and Get help now is reachable from it', async (t) => {
  const { page, server, context } = await openOffline(t, '', { firstRun: true });
  await heading(page, 'Welcome').waitFor();
  // The way to help is there, as on every screen.
  await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
  await heading(page, 'Get help now').waitFor();
  await page.goBack();
  await heading(page, 'Welcome').waitFor();

  await page.getByRole('main').getByRole('link', { name: 'Skip', exact: true }).click();
  await heading(page, 'Today').waitFor();
  await page.getByRole('region', { name: 'How are you right now?' }).waitFor();
  // Reopened, in this tab and a new one: Today, not Welcome.
  await page.reload();
  await appReady(page);
  await heading(page, 'Today').waitFor();
  const other = await context.newPage();
  await other.goto(server.url);
  await appReady(other);
  await heading(other, 'Today').waitFor();
  await other.getByRole('region', { name: 'How are you right now?' }).waitFor();
  assert.equal(await other.getByRole('heading', { name: 'Welcome' }).count(), 0);
  assert.ok(!other.url().endsWith('/welcome'));
});

test('a returning person with records never sees Welcome', async (t) => {
  const { page, server } = await openApp(t, 'journal', { firstRun: true });
  await seedEntries(page, [{ at: Date.now() - 3600_000, mood: 4, text: 'Written before Welcome existed' }]);
  await page.goto(server.url);
  await appReady(page);
  await page.getByRole('region', { name: 'How are you right now?' }).waitFor();
  await heading(page, 'Today').waitFor();
  // Still Today a moment later: no late move to Welcome.
  await page.waitForTimeout(500);
  await heading(page, 'Today').waitFor();
  assert.ok(!page.url().endsWith('/welcome'));
  assert.equal(await page.evaluate(() => localStorage.getItem('between.welcomed')), 'true');
});
