// Patterns on a known data set: the figures a person reads are the right ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, appReady, seedEntries, DIST } from './helpers.mjs';

test('patterns show the right figures for a seeded journal', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page } = await launch(t, { origin: server.origin, timezoneId: 'UTC' });
  await page.goto(server.url + 'patterns');
  await appReady(page);
  // Noon UTC on each of the last three days, plus an evening entry.
  const noon = new Date();
  noon.setUTCHours(12, 0, 0, 0);
  const day = 24 * 3600 * 1000;
  const at = (daysAgo, hours = 0) => noon.getTime() - daysAgo * day + hours * 3600 * 1000;
  await seedEntries(page, [
    { at: at(1), mood: 1, triggers: ['Work'], emotions: ['Anxious'], symptoms: [{ name: 'Anxiety', value: 8 }] },
    { at: at(1, 7), mood: 2, emotions: ['Anxious', 'Tired'], symptoms: [{ name: 'Anxiety', value: 6 }] },
    { at: at(2), mood: 4, triggers: ['Family'], symptoms: [{ name: 'Anxiety', value: 2 }] },
    { at: at(3), mood: 5, emotions: ['Calm'], for_session: true },
  ]);
  await page.reload();
  await appReady(page);

  const since = page.getByRole('region', { name: 'Since my last session' });
  const value = (term) => since.locator(`dt:text-is("${term}") + dd`);
  assert.equal(await value('Entries').textContent(), '4 entries on 3 days');
  assert.equal(await value('Average mood').textContent(), '3 (Okay)');
  assert.equal(await value('Emotions most often').textContent(), 'Anxious (2), Calm (1), Tired (1)');
  assert.equal(await value('Marked for your session').textContent(), '1');
  assert.match(await value('Hardest day').textContent(), /\(1\.5 \(Low\)\)$/);

  const mood = page.getByRole('region', { name: 'Mood over time' });
  await mood.getByText('Week', { exact: true }).click();
  await mood.getByRole('button', { name: 'Show as a table' }).click();
  const cells = await mood.getByRole('table').locator('tbody td:first-of-type').allTextContents();
  assert.deepEqual(cells, ['5 (Very good)', '4 (Good)', '1.5 (Low)']);
  assert.match(await mood.getByRole('img').getAttribute('aria-label'), /3 points/);

  const triggers = page.getByRole('region', { name: 'Triggers' });
  const work = triggers.getByRole('row', { name: /^Work/ });
  assert.deepEqual(await work.getByRole('cell').allTextContents(), ['1', '1', '1.5 (Low)', '4.5 (Very good)']);
  const family = triggers.getByRole('row', { name: /^Family/ });
  assert.deepEqual(await family.getByRole('cell').allTextContents(), ['1', '1', '4 (Good)', '3.3 (Okay)']);

  const symptoms = page.getByRole('region', { name: 'Symptoms' });
  const anxiety = symptoms.getByRole('row', { name: /^Anxiety/ });
  assert.deepEqual(await anxiety.getByRole('cell').allTextContents(), ['5.3/10', '5.3/10', '–', '3']);

  const times = page.getByRole('region', { name: 'Time of day' });
  assert.deepEqual(await times.getByRole('row', { name: /^Afternoon/ }).getByRole('cell').allTextContents(), ['3', '3.3 (Okay)']);
  assert.deepEqual(await times.getByRole('row', { name: /^Evening/ }).getByRole('cell').allTextContents(), ['1', '2 (Low)']);

  const calendar = page.getByRole('region', { name: 'Mood calendar' });
  const twoDaysAgo = new Date(at(2));
  if (twoDaysAgo.getUTCMonth() === new Date().getUTCMonth()) {
    await calendar.getByRole('cell', { name: /: 4 \(Good\)$/ }).waitFor();
  }
  await calendar.getByText('Very good', { exact: true }).waitFor();
});

test('patterns follow new entries without a reload', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page } = await launch(t, { origin: server.origin });
  await page.goto(server.url + 'journal');
  await appReady(page);
  const entriesFigure = () => page.getByRole('region', { name: 'Since my last session' }).locator('dt:text-is("Entries") + dd');
  for (const [n, mood] of [[1, 'Good'], [2, 'Low']]) {
    await page.getByRole('link', { name: 'New entry' }).click();
    await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: mood, exact: true }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Patterns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patterns' }).waitFor();
    await page.waitForFunction(([n]) => [...document.querySelectorAll('dt')].some((dt) => dt.textContent === 'Entries' && dt.nextElementSibling.textContent === (n === 1 ? '1 entry on 1 day' : `${n} entries on 1 day`)), [n]);
    assert.equal(await entriesFigure().textContent(), n === 1 ? '1 entry on 1 day' : `${n} entries on 1 day`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  }
  await page.getByRole('main').getByRole('link', { name: 'Patterns' }).click();
  const avg = page.getByRole('region', { name: 'Since my last session' }).locator('dt:text-is("Average mood") + dd');
  assert.equal(await avg.textContent(), '3 (Okay)');
});
