// Patterns in plain words (issue 9, item 4): each part leads with a sentence a person
// would say, then its chart, then the numbers behind "Show as a table".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, appReady, seedEntries, axe, textSize, DIST } from './helpers.mjs';

const DAY = 24 * 3600 * 1000;
/// Noon UTC `daysAgo` days back, moved by `hours`.
function at(daysAgo, hours = 0) {
  const noon = new Date();
  noon.setUTCHours(12, 0, 0, 0);
  return noon.getTime() - daysAgo * DAY + hours * 3600 * 1000;
}
const sleep = (hours) => ({ name: 'Sleep (hours)', value: hours });
const anxiety = (value) => ({ name: 'Anxiety', value });

/// A past week that was harder than the week before: low moods, the trigger "work"
/// and short nights on the hard days; two good mornings the week before.
const JOURNAL = [
  { at: at(1), mood: 1, triggers: ['Work'], emotions: ['Anxious'], symptoms: [anxiety(8), sleep(5)] },
  { at: at(1, 7), mood: 2, emotions: ['Anxious', 'Tired'], symptoms: [anxiety(6)] },
  { at: at(2), mood: 4, triggers: ['Family'], symptoms: [sleep(8)], for_session: true },
  { at: at(3), mood: 1, triggers: ['Work'], emotions: ['Anxious'], symptoms: [anxiety(7), sleep(4)] },
  { at: at(8, -4), mood: 4, emotions: ['Calm'], symptoms: [anxiety(3), sleep(7)] },
  { at: at(9, -3), mood: 4, symptoms: [anxiety(3), sleep(9)] },
];

async function openPatterns(t, entries, options = {}) {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const browser = await launch(t, { origin: server.origin, timezoneId: 'UTC', ...options });
  const { page } = browser;
  await page.goto(server.url + 'patterns');
  await appReady(page);
  if (entries.length) {
    await seedEntries(page, entries);
    await page.reload();
    await appReady(page);
  }
  await page.getByRole('region', { name: 'Mood over time' }).waitFor();
  return browser;
}

const sentence = (page, part) => page.getByRole('region', { name: part }).locator('p').first();

test('each part of Patterns leads with a sentence a person would say', async (t) => {
  const { page } = await openPatterns(t, JOURNAL);
  const expected = {
    'Since my last session': 'Since then you wrote 4 entries on 3 days, and your mood was clearly lower than in the 8 days before.',
    'Mood over time': 'This past week your mood was clearly lower than the week before.',
    Emotions: 'You felt anxious most often, mostly on days with the trigger “work”.',
    Triggers: 'On days with the trigger “work” your mood was clearly lower than on other days.',
    Symptoms: 'This past week “anxiety” was clearly higher than the week before.',
    Sleep: 'On days you slept under 6 hours your mood was clearly lower than on days you slept longer.',
    'Time of day': 'You write most often in the afternoon, and your mood was highest in the morning.',
  };
  for (const [part, words] of Object.entries(expected)) {
    await sentence(page, part).filter({ hasText: words }).waitFor({ timeout: 10_000 });
    assert.equal(await sentence(page, part).textContent(), words, part);
  }
  assert.match(await sentence(page, 'Mood calendar').textContent(), /^In \w+ \d{4} you noted a mood on \d+ days?/);
  // No averages as numbers in what a person reads first, and no tables until asked.
  for (const part of [...Object.keys(expected), 'Mood calendar']) {
    assert.doesNotMatch(await sentence(page, part).textContent(), /\(\d|\d\.\d/, part);
  }
  assert.equal(await page.getByRole('main').getByRole('table', { name: /Average mood|Triggers|Symptoms|Sleep|Emotions/ }).count(), 0);
  // A new person's "what Patterns will show" is not there for a journal over a week old.
  assert.equal(await page.getByRole('region', { name: 'What Patterns will show' }).count(), 0);
});

test('"Show as a table" opens the numbers behind a part, named by its caption', async (t) => {
  const { page } = await openPatterns(t, JOURNAL);
  const mood = page.getByRole('region', { name: 'Mood over time' });
  await mood.getByText('Week', { exact: true }).click();
  const show = mood.getByRole('button', { name: 'Show as a table' });
  assert.equal(await show.getAttribute('aria-expanded'), 'false');
  await show.click();
  const hide = mood.getByRole('button', { name: 'Hide the table' });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  const table = mood.getByRole('table', { name: 'Average mood, week' });
  assert.deepEqual(await table.locator('tbody td:first-of-type').allTextContents(), ['1 (Very low)', '4 (Good)', '1.5 (Low)']);
  assert.match(await mood.getByRole('img').getAttribute('aria-label'), /3 points/);
  await hide.click();
  assert.equal(await mood.getByRole('table').count(), 0);

  const triggers = page.getByRole('region', { name: 'Triggers' });
  await triggers.getByRole('button', { name: 'Show as a table' }).click();
  const tt = triggers.getByRole('table', { name: 'Triggers and mood on days with and without them' });
  assert.deepEqual(await tt.getByRole('row', { name: /^Work/ }).getByRole('cell').allTextContents(), ['2', '2', '1.3 (Very low)', '4 (Good)']);
  assert.deepEqual(await tt.getByRole('row', { name: /^Family/ }).getByRole('cell').allTextContents(), ['1', '1', '4 (Good)', '2.6 (Okay)']);

  const since = page.getByRole('region', { name: 'Since my last session' });
  await since.getByRole('button', { name: 'Show as a table' }).click();
  const st = since.getByRole('table', { name: 'Since my last session, in numbers' });
  assert.deepEqual(await st.getByRole('row', { name: /^Entries/ }).getByRole('cell').allTextContents(), ['4 entries on 3 days']);
  assert.deepEqual(await st.getByRole('row', { name: /^Average mood / }).first().getByRole('cell').allTextContents(), ['2 (Low)']);
  assert.deepEqual(await st.getByRole('row', { name: /^Emotions most often/ }).getByRole('cell').allTextContents(), ['Anxious (3), Tired (1)']);
  assert.deepEqual(await st.getByRole('row', { name: /^Marked for your session/ }).getByRole('cell').allTextContents(), ['1']);

  const symptoms = page.getByRole('region', { name: 'Symptoms' });
  await symptoms.getByRole('button', { name: 'Show as a table' }).click();
  const anx = symptoms.getByRole('table', { name: /^Symptoms/ }).getByRole('row', { name: /^Anxiety/ });
  assert.deepEqual(await anx.getByRole('cell').allTextContents(), ['7/10', '3/10', '5.4/10', '5']);

  const sleepPart = page.getByRole('region', { name: 'Sleep' });
  await sleepPart.getByRole('button', { name: 'Show short and long nights as a table' }).click();
  const split = sleepPart.getByRole('table', { name: 'Mood after short and long nights' });
  assert.deepEqual(await split.getByRole('row', { name: /^Under 6 hours/ }).getByRole('cell').allTextContents(), ['2', '1.3 (Very low)']);
  assert.deepEqual(await split.getByRole('row', { name: /^6 hours or more/ }).getByRole('cell').allTextContents(), ['3', '4 (Good)']);

  const times = page.getByRole('region', { name: 'Time of day' });
  await times.getByRole('button', { name: 'Show as a table' }).click();
  assert.deepEqual(await times.getByRole('row', { name: /^Afternoon/ }).getByRole('cell').allTextContents(), ['3', '2 (Low)']);
  assert.deepEqual(await times.getByRole('row', { name: /^Morning/ }).getByRole('cell').allTextContents(), ['2', '4 (Good)']);
});

test('calendar days carry their mood in words and in its shape, not colour alone', async (t) => {
  const { page } = await openPatterns(t, JOURNAL);
  const calendar = page.getByRole('region', { name: 'Mood calendar' });
  // Yesterday (moods 1 and 2: "Low") and three days ago ("Very low"), in their month.
  for (const [daysAgo, name, word] of [[1, /: 1\.5 \(Low\)$/, 'Low'], [3, /: 1 \(Very low\)$/, 'Very low']]) {
    const month = new Date(at(daysAgo)).getUTCMonth();
    if (month !== new Date().getUTCMonth()) await calendar.getByRole('button', { name: 'Previous month' }).click();
    const cell = calendar.getByRole('cell', { name });
    await cell.waitFor();
    const shape = await cell.locator('svg').innerHTML();
    const legend = calendar.getByRole('list', { name: 'Legend' }).getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${word}$`) });
    assert.equal(shape, await legend.locator('svg').innerHTML(), `the ${word} day has the ${word} shape`);
    if (month !== new Date().getUTCMonth()) await calendar.getByRole('button', { name: 'Next month' }).click();
  }
  const low = await calendar.getByRole('list', { name: 'Legend' }).getByRole('listitem').filter({ hasText: /^\s*Low$/ }).locator('svg').innerHTML();
  const veryLow = await calendar.getByRole('list', { name: 'Legend' }).getByRole('listitem').filter({ hasText: /^\s*Very low$/ }).locator('svg').innerHTML();
  assert.notEqual(low, veryLow);
  // The mood chart's points have the moods' shapes too.
  const mood = page.getByRole('region', { name: 'Mood over time' });
  await mood.getByText('Week', { exact: true }).click();
  const shapes = await mood.getByRole('img').locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  assert.equal(shapes.length, 3);
  assert.equal(new Set(shapes).size, 3, 'Very low, Good and Low points have three different shapes');
});

for (const [n, label] of [[0, 'no entries'], [1, 'one entry'], [3, 'three entries']]) {
  test(`a new person with ${label} sees what Patterns will show and when, not tables of "none"`, async (t) => {
    const entries = [
      { at: at(0, -2), mood: 4, emotions: ['Calm'] },
      { at: at(1), mood: 4 },
      { at: at(2), mood: 3 },
    ].slice(0, n);
    const { page } = await openPatterns(t, entries);
    const coming = page.getByRole('region', { name: 'What Patterns will show' });
    await coming.waitFor();
    await coming.getByText('After a week of entries, you\'ll see how your mood moves from day to day.').waitFor();
    const main = page.getByRole('main');
    const week = await sentence(page, 'Mood over time').textContent();
    if (n === 0) {
      assert.equal(week, 'After a week of entries, you\'ll see how your mood moves from day to day.');
      assert.equal(await sentence(page, 'Since my last session').textContent(), 'Nothing written since then yet.');
      await main.getByRole('link', { name: 'Write an entry now' }).waitFor();
    } else {
      // What is honestly true already.
      assert.equal(week, 'After a week of entries, you\'ll see how your mood moves from day to day. So far your mood has been good on average.');
      assert.match(await sentence(page, 'Since my last session').textContent(), new RegExp(`^Since then you wrote ${n} entr(y|ies) on ${n} days?`));
    }
    assert.equal(await sentence(page, 'Sleep').textContent(), 'Note how long you slept in an entry and Patterns can compare your mood after short and long nights.');
    assert.match(await sentence(page, 'Triggers').textContent(), /^When you name what set a feeling off/);
    assert.match(await sentence(page, 'Symptoms').textContent(), /^When you note symptoms/);
    assert.doesNotMatch(await main.innerText(), /\bnone\b/i);
    // Nothing to show as a table for parts with nothing yet.
    for (const part of ['Triggers', 'Symptoms', 'Sleep']) {
      assert.equal(await page.getByRole('region', { name: part }).getByRole('button', { name: 'Show as a table' }).count(), 0, part);
    }
  });
}

test('Patterns at 320 px with 200 % text: nothing scrolls sideways, tables opened', async (t) => {
  const { page } = await openPatterns(t, JOURNAL);
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  await sentence(page, 'Sleep').filter({ hasText: /^On days you slept/ }).waitFor();
  const show = page.getByRole('button', { name: /^Show (.* )?as a table$/ });
  while (await show.count()) await show.first().click();
  assert.equal(await page.getByRole('main').getByRole('table').count(), 9, 'eight tables opened, and the calendar');
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth, clientWidth: document.scrollingElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `Patterns scrolls sideways (${scrollWidth} > ${clientWidth})`);
  // Nothing cut off inside: every table and chart ends within the screen.
  const over = await page.getByRole('main').locator('table, svg').evaluateAll((els) => els
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 1 && (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5))
    .length);
  assert.equal(over, 0);
});

for (const colorScheme of ['light', 'dark']) {
  test(`Patterns, tables opened, has no axe violations (${colorScheme})`, async (t) => {
    const { page } = await openPatterns(t, JOURNAL, { colorScheme });
    await sentence(page, 'Sleep').filter({ hasText: /^On days you slept/ }).waitFor();
    const show = page.getByRole('button', { name: /^Show (.* )?as a table$/ });
    while (await show.count()) await show.first().click();
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    assert.deepEqual(await axe(page), []);
  });
}

test('patterns follow new entries without a reload', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page } = await launch(t, { origin: server.origin });
  await page.goto(server.url + 'journal');
  await appReady(page);
  const since = () => sentence(page, 'Since my last session');
  for (const [n, mood] of [[1, 'Good'], [2, 'Low']]) {
    await page.getByRole('link', { name: 'New entry' }).click();
    await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: mood, exact: true }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Patterns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patterns' }).waitFor();
    const words = n === 1 ? 'Since then you wrote 1 entry on 1 day' : `Since then you wrote ${n} entries on 1 day`;
    await since().filter({ hasText: words }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  }
  await page.getByRole('main').getByRole('link', { name: 'Patterns' }).click();
  await since().filter({ hasText: /^Since then you wrote 2 entries on 1 day, and your mood was okay on average\.$/ }).waitFor();
});
