// Progress (issue 10, item 6): log a win and see it, change and delete it with undo,
// skills learned from the coping box, "How far you have come" in plain sentences from
// seeded entries, sessions, homework and check-ins, the gentle prompt before a session,
// no streak words anywhere, offline, axe light and dark, 320 px at 200 % text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openApp, axe, textSize, dbReady, seedEntries, valueOf, openOffline, dayFromNow, seedRecords } from './helpers.mjs';

async function logWin(page, text, day) {
  const wins = page.getByRole('region', { name: 'Wins' });
  await wins.getByLabel("Something I handled in a way I'm pleased with").fill(text);
  if (day) await wins.getByLabel('When').fill(day);
  await wins.getByRole('button', { name: 'Save this win' }).click();
  await wins.getByRole('list', { name: 'My wins' }).getByText(text, { exact: true }).waitFor();
}

test('a win being written is kept as a draft across a reload', async (t) => {
  const { page } = await openApp(t, 'progress');
  const field = page.getByRole('region', { name: 'Wins' }).getByLabel("Something I handled in a way I'm pleased with");
  await field.fill('I went to the party for an hour');
  // The draft is written once typing pauses (as in forms.test.mjs).
  await page.waitForTimeout(900);
  await page.reload();
  const again = page.getByRole('region', { name: 'Wins' }).getByLabel("Something I handled in a way I'm pleased with");
  await again.waitFor();
  assert.equal(await valueOf(again, 'I went to the party for an hour', 10_000), 'I went to the party for an hour', 'the draft comes back');
});

const NO_STREAKS = ['streak', 'in a row', 'missed', 'days off', 'broke your', 'failed'];

test('a win is logged with today as its day, listed newest first as text, and kept after a reload', async (t) => {
  const { page } = await openApp(t, 'progress');
  const wins = page.getByRole('region', { name: 'Wins' });
  await wins.getByText('Your wins will be listed here. Small ones count too.').waitFor();
  const today = await dayFromNow(page, 0);
  assert.equal(await wins.getByLabel('When').inputValue(), today.value, 'today unless changed');

  // Nothing written: a plain message, nothing saved.
  await wins.getByRole('button', { name: 'Save this win' }).click();
  await wins.getByRole('alert').getByText('Write a few words about what you handled.').waitFor();

  const earlier = await dayFromNow(page, -3);
  await logWin(page, 'I asked my manager for a day off', earlier.value);
  await wins.getByText('Saved. Well done for noticing it.').waitFor();
  assert.equal(await wins.getByLabel('When').inputValue(), today.value, 'the form is ready for the next win');
  await logWin(page, 'I went to the <b>shop</b> alone');

  const list = wins.getByRole('list', { name: 'My wins' });
  const items = list.getByRole('listitem');
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).innerText(), new RegExp(`${today.words}[\\s\\S]*I went to the <b>shop</b> alone`));
  assert.match(await items.nth(1).innerText(), new RegExp(`${earlier.words}[\\s\\S]*I asked my manager for a day off`));
  assert.equal(await list.locator('b').count(), 0, 'text renders as text');

  await page.reload();
  await page.getByRole('list', { name: 'My wins' }).getByText('I asked my manager for a day off').waitFor();
  assert.equal(await page.getByRole('list', { name: 'My wins' }).getByRole('listitem').count(), 2);
});

test('a win is changed from its menu, deleted, and brought back with Undo', async (t) => {
  const { page } = await openApp(t, 'progress');
  await logWin(page, 'I said how I felt');
  const today = await dayFromNow(page, 0);
  const wins = page.getByRole('region', { name: 'Wins' });

  await wins.getByRole('button', { name: `Actions for the win of ${today.words}: I said how I felt` }).click();
  await page.getByRole('menuitem', { name: 'Change' }).click();
  const text = wins.getByLabel("Something I handled in a way I'm pleased with");
  await wins.getByRole('heading', { name: 'Change this win' }).waitFor();
  assert.equal(await text.inputValue(), 'I said how I felt');
  const yesterday = await dayFromNow(page, -1);
  await text.fill('I said how I felt, calmly');
  await wins.getByLabel('When').fill(yesterday.value);
  await wins.getByRole('button', { name: 'Save', exact: true }).click();
  await wins.getByRole('heading', { name: 'Log a win' }).waitFor();
  const list = wins.getByRole('list', { name: 'My wins' });
  await list.getByText('I said how I felt, calmly').waitFor();
  await list.getByText(yesterday.words).waitFor();
  assert.equal(await list.getByRole('listitem').count(), 1, 'changed, not added');

  await wins.getByRole('button', { name: `Actions for the win of ${yesterday.words}: I said how I felt, calmly` }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await wins.getByText('Your wins will be listed here. Small ones count too.').waitFor();
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await wins.getByRole('list', { name: 'My wins' }).getByText('I said how I felt, calmly').waitFor();
  await page.reload();
  await page.getByRole('list', { name: 'My wins' }).getByText('I said how I felt, calmly').waitFor();
});

test('How far you have come tells the journey in plain sentences, newest first; skills learned are listed', async (t) => {
  const { page, server } = await openApp(t, 'progress');
  const d = {};
  for (const n of [-100, -95, -90, -22, -10, -5, -4, -3, -2]) d[n] = await dayFromNow(page, n);
  // Journal: a low first month, a good last month.
  await seedEntries(page, [
    { id: 'a', at: d[-100].noon, offset_min: d[-100].offset, mood: 1, text: 'first' },
    { id: 'b', at: d[-95].noon, offset_min: d[-95].offset, mood: 2 },
    { id: 'c', at: d[-10].noon, offset_min: d[-10].offset, mood: 4 },
    { id: 'd', at: d[-5].noon, offset_min: d[-5].offset, mood: 4 },
  ]);
  // PHQ-9: 14 (moderate), then 8 (mild).
  await seedRecords(page, 'check_in', [
    { questionnaire: 'phq9', answers: [2, 2, 2, 2, 2, 2, 2, 0, 0], at: d[-90].noon, offset_min: d[-90].offset },
    { questionnaire: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], at: d[-3].noon, offset_min: d[-3].offset },
  ]);
  // Weekly from 22 days ago at 10:00: sessions 22, 15, 8 and 1 days ago.
  await seedRecords(page, 'appointment', [
    { start: `${d[-22].value}T10:00:00`, minutes: 50, repeat: 'weekly', until: null, skipped: [], place: '', with: '', contact: '' },
  ]);
  await seedRecords(page, 'homework', [
    { title: 'Walk', kind: 'for_myself', instructions: '', due: null, times_a_week: 3, closed: false,
      done: [{ at: d[-4].noon, offset_min: d[-4].offset, went: 6, note: '' }, { at: d[-2].noon, offset_min: d[-2].offset, went: null, note: '' }] },
  ]);
  await seedRecords(page, 'coping_card', [
    { kind: 'skill', title: 'Opposite action', text: 'Do the opposite of what the feeling urges.', order: 1 },
    { kind: 'comfort', title: 'A warm drink', text: '', order: 2 },
  ]);
  await page.goto(server.url + 'progress');
  await appReady(page);
  await logWin(page, 'I rang my sister');
  const today = await dayFromNow(page, 0);

  const journey = page.getByRole('list', { name: 'How far you have come' });
  await journey.getByText('You started writing on', { exact: false }).waitFor();
  assert.deepEqual(await journey.getByRole('listitem').allInnerTexts(), [
    'Your mood in your first month of writing was mostly low; in the last month it was mostly good.',
    `You noted a win on ${today.words}.`,
    `You have had four therapy sessions since ${d[-22].words}.`,
    `You have done homework twice, most recently on ${d[-2].words}.`,
    `Your PHQ-9 went from 14 (moderate) on ${d[-90].words} to 8 (mild) on ${d[-3].words}.`,
    `You started writing on ${d[-100].words}.`,
  ]);

  const skills = page.getByRole('region', { name: 'Skills learned' });
  await skills.getByText('Opposite action').waitFor();
  await skills.getByText(`· added ${today.words}`).waitFor();
  assert.equal(await skills.getByText('A warm drink').count(), 0, 'only skill cards');

  const words = (await page.getByRole('main').innerText()).toLowerCase();
  for (const w of NO_STREAKS) assert.ok(!words.includes(w), `no "${w}" on Progress`);
});

test('the day before a session, a gentle prompt asks for a win; not when the session is days away', async (t) => {
  const { page, server } = await openApp(t, 'progress');
  const wins = page.getByRole('region', { name: 'Wins' });
  await wins.getByLabel("Something I handled in a way I'm pleased with").waitFor();
  assert.equal(await wins.getByText("Anything you're pleased with this week?", { exact: false }).count(), 0, 'no session, no prompt');
  const tomorrow = await dayFromNow(page, 1);
  await seedRecords(page, 'appointment', [
    { start: `${tomorrow.value}T16:00:00`, minutes: 50, repeat: 'weekly', until: null, skipped: [], place: '', with: '', contact: '' },
  ]);
  await page.goto(server.url + 'progress');
  await page.getByRole('region', { name: 'Wins' }).getByText("Your session is tomorrow. Anything you're pleased with this week?").waitFor();
  await logWin(page, 'I kept my evening walk');
});

test('with the server stopped and no network, Progress opens and a win is logged', async (t) => {
  const { page, context, server } = await openOffline(t, 'progress');
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
  await logWin(page, 'I made it through a hard morning');
  await page.getByRole('list', { name: 'How far you have come' }).getByText('You noted a win on', { exact: false }).waitFor();
});

for (const colorScheme of ['light', 'dark']) {
  test(`Progress passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page, server } = await openApp(t, 'progress', { colorScheme });
    await logWin(page, 'I asked for help at work, which is hard for me, and it went better than I feared');
    await page.getByRole('list', { name: 'How far you have come' }).waitFor();
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await page.goto(server.url + 'progress');
    await page.getByRole('list', { name: 'My wins' }).waitFor();
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll');
    assert.deepEqual(await axe(page), []);
  });
}
