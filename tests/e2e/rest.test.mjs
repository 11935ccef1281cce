// Rest and self-care (issue 11, item 2): the self-care plan kept across a reload (one
// plan, changed in place); a rest logged with how restored, the gentle optional question,
// a rating of 11 refused with a message; rest next to mood from the journal by week, in
// words and a table; a draft kept; offline; axe light and dark; 320 px at 200 % text;
// the way in from Sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, axe, textSize, valueOf, openOffline, dayFromNow, storedRecords, dbReady, seedEntries, seedRecords } from './helpers.mjs';

async function logRest(page, { what, day, restored, felt }) {
  const form = page.getByRole('region', { name: 'Log some rest' });
  await form.getByLabel('What did you do?').fill(what);
  if (day) await form.getByLabel('Day').fill(day);
  if (restored !== undefined) await form.getByLabel('How restored do you feel?').fill(String(restored));
  if (felt) await form.getByRole('radio', { name: felt }).check();
  await form.getByRole('button', { name: 'Save this rest' }).click();
}

test('the self-care plan is kept across a reload, and changed in place', async (t) => {
  const { page } = await openApp(t, 'rest');
  const plan = page.getByRole('region', { name: 'My self-care plan' });
  await plan.getByLabel('Things that nourish my body').fill('Sleep by eleven\nA walk after lunch');
  await plan.getByLabel('Things that nourish my mind').fill('Reading <i>fiction</i>');
  await plan.getByLabel("Boundaries I'm practising").fill('No work messages after seven');
  await plan.getByRole('button', { name: 'Save my plan' }).click();
  await plan.getByText('Saved on this device.').waitFor();

  await page.reload();
  const again = page.getByRole('region', { name: 'My self-care plan' });
  assert.equal(await valueOf(again.getByLabel('Things that nourish my body'), 'Sleep by eleven\nA walk after lunch', 10_000), 'Sleep by eleven\nA walk after lunch');
  assert.equal(await again.getByLabel('Things that nourish my mind').inputValue(), 'Reading <i>fiction</i>');
  assert.equal(await again.getByLabel("Boundaries I'm practising").inputValue(), 'No work messages after seven');

  await again.getByLabel("Boundaries I'm practising").fill('No work messages after seven\nSaying no to extra shifts');
  await again.getByRole('button', { name: 'Save my plan' }).click();
  await again.getByText('Saved on this device.').waitFor();
  const stored = await storedRecords(page, 'self_care');
  assert.equal(stored.length, 1, 'one plan, changed in place');
  assert.equal(stored[0].body.boundaries, 'No work messages after seven\nSaying no to extra shifts');
});

test('a rest is logged with how restored and the gentle question; 11 is refused with a message', async (t) => {
  const { page } = await openApp(t, 'rest');
  const form = page.getByRole('region', { name: 'Log some rest' });
  await form.getByText('Rest you log will be listed here. Ten quiet minutes count.').waitFor();
  await form.getByText('Both happen, and both are okay.', { exact: false }).waitFor();

  await logRest(page, { what: 'Scrolled my phone on the sofa', restored: 11, felt: 'More like numbing out' });
  await form.getByRole('alert').getByText('Choose how restored you feel: a whole number from 0 to 10.').waitFor();
  assert.equal((await storedRecords(page, 'rest_log')).length, 0, 'nothing saved');
  await form.getByLabel('How restored do you feel?').fill('4');
  await form.getByRole('button', { name: 'Save this rest' }).click();
  await form.getByText('Saved. Good for you for taking a break.').waitFor();

  // The question is optional.
  await logRest(page, { what: 'Read in the <b>garden</b>', restored: 8 });
  const list = form.getByRole('list', { name: 'My rest' });
  await list.getByText('Read in the <b>garden</b>', { exact: true }).waitFor();
  assert.equal(await list.locator('b').count(), 0, 'text renders as text');
  await list.getByText('Restored: 4 out of 10 · More like numbing out').waitFor();
  await list.getByText('Restored: 8 out of 10', { exact: true }).waitFor();
  await page.reload();
  await page.getByRole('list', { name: 'My rest' }).getByText('Scrolled my phone on the sofa').waitFor();
});

test('rest next to mood from the journal, by week, in words and a table', async (t) => {
  const { page, server } = await openApp(t, 'rest');
  const rm = page.getByRole('region', { name: 'Rest and mood' });
  await rm.getByText("Once you log some rest, you'll see it here next to your mood, week by week.").waitFor();
  const d = {};
  for (const n of [-21, -14, -7]) d[n] = await dayFromNow(page, n);
  // Three weeks apart: well rested and a good mood, then little rest and a low mood.
  await seedRecords(page, 'rest_log', [
    { what: 'Long walk', day: d[-21].value, restored: 8, felt: 'rest' },
    { what: 'Nap', day: d[-14].value, restored: 2, felt: null },
    { what: 'Bath', day: d[-7].value, restored: 8 },
  ]);
  await seedEntries(page, [
    { id: 'a', at: d[-21].noon, offset_min: d[-21].offset, mood: 5 },
    { id: 'b', at: d[-14].noon, offset_min: d[-14].offset, mood: 1 },
    { id: 'c', at: d[-7].noon, offset_min: d[-7].offset, mood: 4 },
  ]);
  await page.goto(server.url + 'rest');
  const region = page.getByRole('region', { name: 'Rest and mood' });
  await region.getByText('In the weeks you felt more restored, your mood was clearly higher than in the other weeks.').waitFor();
  await region.getByRole('button', { name: 'Show rest next to mood as a table' }).click();
  const table = region.getByRole('table', { name: 'Rest next to mood, by week' });
  const rows = await table.getByRole('row').allInnerTexts();
  assert.equal(rows.length, 4, 'a heading row and three weeks');
  assert.match(rows[1], /1[\s\S]*8 out of 10[\s\S]*Very good/);
  assert.match(rows[2], /1[\s\S]*2 out of 10[\s\S]*Very low/);
});

test('a rest being written is kept as a draft; Sessions links here', async (t) => {
  const { page } = await openApp(t, 'sessions');
  await page.getByRole('link', { name: 'Rest and self-care' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rest and self-care' }).waitFor();
  const form = page.getByRole('region', { name: 'Log some rest' });
  await form.getByLabel('What did you do?').fill('Sat by the window with tea');
  await page.waitForTimeout(900);
  await page.reload();
  const again = page.getByRole('region', { name: 'Log some rest' }).getByLabel('What did you do?');
  assert.equal(await valueOf(again, 'Sat by the window with tea', 10_000), 'Sat by the window with tea');
});

test('with the server stopped and no network, Rest opens, a rest is logged and the plan saved', async (t) => {
  const { page } = await openOffline(t, 'rest');
  await page.getByRole('heading', { level: 1, name: 'Rest and self-care' }).waitFor();
  await logRest(page, { what: 'Stretching', restored: 6, felt: 'Like real rest' });
  await page.getByRole('list', { name: 'My rest' }).getByText('Restored: 6 out of 10 · Like real rest').waitFor();
  const plan = page.getByRole('region', { name: 'My self-care plan' });
  await plan.getByLabel('Things that nourish my body').fill('Water');
  await plan.getByRole('button', { name: 'Save my plan' }).click();
  await plan.getByText('Saved on this device.').waitFor();
  await page.getByRole('region', { name: 'Rest and mood' }).getByText('When you also note your mood in the journal', { exact: false }).waitFor();
});

for (const colorScheme of ['light', 'dark']) {
  test(`Rest passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page, server } = await openApp(t, 'rest', { colorScheme });
    await logRest(page, { what: 'An afternoon with nothing planned, in the park near the river', restored: 7, felt: 'Not sure' });
    await page.getByRole('list', { name: 'My rest' }).getByText('Restored: 7 out of 10 · Not sure').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await page.goto(server.url + 'rest');
    await page.getByRole('list', { name: 'My rest' }).waitFor();
    await page.getByRole('region', { name: 'Rest and mood' }).getByRole('button', { name: 'Show rest next to mood as a table' }).click();
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll');
    assert.deepEqual(await axe(page), []);
  });
}
