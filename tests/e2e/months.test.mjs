// The journal read a month at a time (issue 8): the first screen and Patterns come from
// the month summaries, older pages and search from the full entries, and a change in
// another tab still shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, appReady, writeEntry, seedEntries } from './helpers.mjs';

const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
const count = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('status');
const WORDS = ['Very low', 'Low', 'Okay', 'Good', 'Very good'];

test('entries over six months: newest first, older ones load, an old one is found, Patterns shows each month', async (t) => {
  const { page } = await openApp(t, 'journal', { timezoneId: 'UTC' });
  const day = 24 * 3600 * 1000;
  const noon = new Date();
  noon.setUTCHours(12, 0, 0, 0);
  // One entry every two and a half days, back about six months; each month's entries
  // share a mood, so each month's average is that mood.
  const n = 72;
  const seeded = Array.from({ length: n }, (_, i) => {
    const at = noon.getTime() - Math.round(i * 2.5 * day);
    const month = new Date(at).getUTCMonth();
    return {
      at,
      mood: 1 + (month % 5),
      text: i === n - 1 ? 'The oldest words, about the harbour' : `Entry ${i} of the months`,
    };
  });
  await seedEntries(page, seeded);
  await page.reload();
  await appReady(page);

  // Newest first.
  await entries(page).first().filter({ hasText: 'Entry 0 of the months' }).waitFor();
  await count(page).filter({ hasText: `${n} entries` }).waitFor();
  const shownFirst = await entries(page).allTextContents();
  assert.ok(shownFirst.length < n, `a first page only (${shownFirst.length})`);
  assert.match(shownFirst[1], /Entry 1 of the months/);

  // Older ones load, down to the oldest.
  const oldest = page.getByText('The oldest words, about the harbour', { exact: true });
  for (let i = 0; i < 6 && !(await oldest.isVisible()); i++) {
    const before = await entries(page).count();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((n) => document.querySelectorAll('.entry').length > n, before, { timeout: 5_000 });
  }
  await oldest.waitFor();
  assert.equal(await entries(page).count(), n);

  // Search finds the old entry by its text.
  await page.getByRole('searchbox', { name: 'Search entries' }).fill('harbour');
  await count(page).filter({ hasText: `1 of ${n} match` }).waitFor();
  assert.deepEqual(await entries(page).allTextContents().then((l) => l.length), 1);
  await entries(page).filter({ hasText: 'The oldest words, about the harbour' }).waitFor();

  // Patterns: every month's mood.
  await page.getByRole('link', { name: 'Patterns', exact: true }).click();
  const mood = page.getByRole('region', { name: 'Mood over time' });
  await mood.getByText('All time', { exact: true }).click();
  await mood.getByRole('button', { name: 'Show as a table' }).click();
  const months = [...new Set(seeded.map((e) => new Date(e.at).getUTCMonth() + 12 * new Date(e.at).getUTCFullYear()))].sort((a, b) => a - b);
  const expected = months.map((m) => {
    const v = 1 + ((m % 12) % 5);
    return `${v} (${WORDS[v - 1]})`;
  });
  assert.ok(expected.length >= 6, `entries in ${expected.length} months`);
  await mood.getByRole('table').locator('tbody tr').nth(expected.length - 1).waitFor();
  const cells = await mood.getByRole('table').locator('tbody td:first-of-type').allTextContents();
  assert.deepEqual(cells, expected);
  const since = page.getByRole('region', { name: 'Since my last session' });
  await since.waitFor();
});

test('a new entry written in a second tab shows in the first tab\'s list and Patterns', async (t) => {
  const { page: a, context, server } = await openApp(t, 'journal');
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  await seedEntries(a, [
    { at: now - 40 * day, mood: 2, text: 'Last month, seeded' },
    { at: now - 80 * day, mood: 4, text: 'Two months ago, seeded' },
  ]);
  await a.reload();
  await appReady(a);
  await count(a).filter({ hasText: '2 entries' }).waitFor();
  await entries(a).first().filter({ hasText: 'Last month, seeded' }).waitFor();

  const b = await context.newPage();
  await b.goto(server.url + 'journal');
  await appReady(b);
  await writeEntry(b, 'Written in the second tab');

  await entries(a).first().filter({ hasText: 'Written in the second tab' }).waitFor();
  await count(a).filter({ hasText: '3 entries' }).waitFor();
  // Patterns in the first tab (read from the month summaries) counts it, and the
  // next one written in the second tab while Patterns is open.
  await a.getByRole('link', { name: 'Patterns', exact: true }).click();
  const entriesSince = a.getByRole('region', { name: 'Since my last session' }).locator('p').first();
  await entriesSince.filter({ hasText: /^Since then you wrote 1 entry on 1 day\b/ }).waitFor();
  await writeEntry(b, 'And another from the second tab');
  await entriesSince.filter({ hasText: /^Since then you wrote 2 entries on 1 day\b/ }).waitFor();
});
