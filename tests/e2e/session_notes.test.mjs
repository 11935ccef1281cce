// After a session (issue 10, item 3): a short record (day, what I took away, new
// homework, skills, how I feel), homework records made from it, a coping card made of a
// skill in one tap, past sessions browsable (newest first, read whole, change, delete
// with undo), bad input refused in words, the draft kept, offline, axe, 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, axe, textSize, valueOf, openOffline, dayFromNow, storedRecords } from './helpers.mjs';

/// A weekly series on Sessions that began `days` from today (negative: in the past).
async function addWeekly(page, days) {
  const next = page.getByRole('region', { name: 'Next session' });
  await next.getByRole('link', { name: 'Add a session' }).click();
  const form = page.getByRole('region', { name: 'Add a session' });
  await form.getByLabel('Day').waitFor();
  await form.getByLabel('Day').fill((await dayFromNow(page, days)).value);
  await form.getByLabel('Starts at').fill('16:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await next.getByRole('heading', { name: 'Next session' }).waitFor();
}

/// The stored bodies of one kind of record, deleted ones left out.
async function stored(page, kind) {
  return (await storedRecords(page, kind)).filter((r) => r.deleted === null).map((r) => r.body);
}

const writing = (page) => page.getByRole('region', { name: 'How was your session?' });
const past = (page) => page.getByRole('region', { name: 'Past sessions' });

/// Fills the form and saves it; ends on "Saved.".
async function writeNote(page, { day, tookAway = '', homework = '', skills = '', feeling } = {}) {
  const form = writing(page);
  await form.getByLabel('Day of the session').waitFor();
  if (day) await form.getByLabel('Day of the session').fill(day);
  if (tookAway) await form.getByLabel('What I took away').fill(tookAway);
  if (homework) await form.getByLabel('New homework (optional, one a line)').fill(homework);
  if (skills) await form.getByLabel('Skills I learned (optional, one a line)').fill(skills);
  if (feeling) await form.getByRole('radio', { name: feeling, exact: true }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
}

test('a record after a session: saved with two skills and homework; the homework is stored, a skill becomes a coping card, and removing the appointment keeps the record', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  // A weekly series that began ten days ago: the last session was three days ago, the next is in four.
  await addWeekly(page, -10);
  const last = await dayFromNow(page, -3);
  const next = await dayFromNow(page, 4);
  await page.goto(server.url + 'after-session');
  const form = writing(page);
  assert.equal(await valueOf(form.getByLabel('Day of the session'), last.value), last.value, 'starts on the last session');
  await form.getByText(`due by your next session on ${next.words}`, { exact: false }).waitFor();
  await writeNote(page, {
    tookAway: 'I can notice a thought without <b>obeying</b> it.',
    homework: 'Notice three good things each day',
    skills: 'Box breathing\nOpposite action',
    feeling: 'Good',
  });
  // The record is shown as saved, text as text.
  await form.getByText('I can notice a thought without <b>obeying</b> it.').waitFor();
  await form.getByRole('listitem').filter({ hasText: 'Notice three good things each day' }).waitFor();
  await form.getByText('Feeling after it: good').waitFor();

  // The homework is a homework record, due by the next session.
  const homework = await stored(page, 'homework');
  assert.equal(homework.length, 1);
  assert.equal(homework[0].title, 'Notice three good things each day');
  assert.equal(homework[0].kind, 'other');
  assert.equal(homework[0].due, next.value);
  const notes = await stored(page, 'session');
  assert.equal(notes.length, 1);
  assert.deepEqual(notes[0].skills, ['Box breathing', 'Opposite action']);

  // One tap makes a coping card of a skill, and says so.
  await form.getByRole('button', { name: 'Make a coping card of “Box breathing”' }).click();
  await form.getByText('“Box breathing” is now a card in your coping box.').waitFor();
  await form.getByRole('button', { name: 'Make a coping card of “Opposite action”' }).waitFor();
  const cards = await stored(page, 'coping_card');
  assert.deepEqual(cards.map((c) => [c.kind, c.title]), [['skill', 'Box breathing']]);

  // In the past sessions list: day, what was taken away, skills, feeling.
  const item = past(page).getByRole('listitem').filter({ hasText: last.words });
  await item.getByText('I can notice a thought without <b>obeying</b> it.').waitFor();
  await item.getByText('Skills: Box breathing, Opposite action').waitFor();
  await item.getByText('Feeling after it: good').waitFor();

  // It shows in the coping box.
  await page.goto(server.url + 'coping');
  await page.getByRole('region', { name: 'Your cards' }).getByText('Box breathing').first().waitFor();

  // Removing the appointment never removes the record.
  await page.goto(server.url + 'sessions');
  const upcoming = page.getByRole('region', { name: 'Next session' });
  await upcoming.getByRole('button', { name: /^Actions for the session of/ }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  await upcoming.getByText('No session planned yet.').waitFor();
  await page.goto(server.url + 'after-session');
  await past(page).getByRole('listitem').filter({ hasText: last.words }).getByText('Skills: Box breathing, Opposite action').waitFor();
  assert.equal((await stored(page, 'session')).length, 1);
});

test('past sessions: newest first, read whole, changed without making homework twice, deleted with undo', async (t) => {
  const { page } = await openApp(t, 'after-session');
  const today = await dayFromNow(page, 0);
  assert.equal(await valueOf(writing(page).getByLabel('Day of the session'), today.value), today.value, 'no session yet: today');
  const older = await dayFromNow(page, -8);
  const newer = await dayFromNow(page, -1);
  await writeNote(page, { day: older.value, tookAway: 'The first one. '.repeat(30) + 'The very end.', homework: 'Walk after lunch' });
  await writing(page).getByRole('link', { name: 'Write about another session' }).click();
  await writeNote(page, { day: newer.value, tookAway: 'The second one.' });

  const items = past(page).getByRole('listitem');
  await items.nth(1).getByText(older.words).waitFor();
  assert.match(await items.nth(0).innerText(), new RegExp(newer.words), 'newest first');

  // Read the older one whole.
  await past(page).getByRole('button', { name: `Actions for the session of ${older.words}` }).click();
  await page.getByRole('menuitem', { name: 'Read it whole' }).click();
  const one = page.getByRole('region', { name: 'A past session' });
  await one.getByText('The very end.', { exact: false }).waitFor();

  // Change it: the form holds what was saved; homework already made is not made again.
  await one.getByRole('link', { name: 'Change' }).click();
  const change = page.getByRole('region', { name: 'Change this record' });
  assert.equal(await valueOf(change.getByLabel('New homework (optional, one a line)'), 'Walk after lunch'), 'Walk after lunch');
  await change.getByLabel('What I took away').fill('Shorter now.');
  await change.getByLabel('New homework (optional, one a line)').fill('Walk after lunch\nCall my sister');
  await change.getByRole('button', { name: 'Save' }).click();
  await change.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await past(page).getByRole('listitem').filter({ hasText: older.words }).getByText('Shorter now.').waitFor();
  const titles = (await stored(page, 'homework')).map((h) => h.title).sort();
  assert.deepEqual(titles, ['Call my sister', 'Walk after lunch']);

  // Delete, then Undo.
  await past(page).getByRole('button', { name: `Actions for the session of ${newer.words}` }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  await past(page).getByText('The second one.').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await past(page).getByText('The second one.').waitFor();
});

test('an empty record and a day still to come are refused in words; what was typed is kept as a draft across a reload', async (t) => {
  const { page } = await openApp(t, 'after-session');
  const form = writing(page);
  await form.getByLabel('Day of the session').waitFor();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').filter({ hasText: "There's nothing to save yet" }).waitFor();

  const tomorrow = await dayFromNow(page, 1);
  await form.getByLabel('Day of the session').fill(tomorrow.value);
  await form.getByLabel('What I took away').fill('Be kind to myself');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').filter({ hasText: "That day hasn't come yet." }).waitFor();
  assert.deepEqual(await stored(page, 'session'), [], 'nothing saved');

  await page.waitForTimeout(600);
  await page.reload();
  const again = writing(page);
  await again.getByText('We kept what you were writing.').waitFor();
  assert.equal(await again.getByLabel('What I took away').inputValue(), 'Be kind to myself');
  assert.equal(await again.getByLabel('Day of the session').inputValue(), tomorrow.value);
});

test('with the server stopped and no network, a record is written and listed', async (t) => {
  const { page, context, server } = await openOffline(t, 'after-session');
  await writeNote(page, { tookAway: 'Written offline.', skills: 'Grounding' });
  await past(page).getByText('Written offline.').waitFor();
  await writing(page).getByRole('button', { name: 'Make a coping card of “Grounding”' }).click();
  await writing(page).getByText('“Grounding” is now a card in your coping box.').waitFor();
});

for (const colorScheme of ['light', 'dark']) {
  test(`after a session passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page } = await openApp(t, 'after-session', { colorScheme });
    await writeNote(page, { tookAway: 'A long thought about what happened in the room today and afterwards.', skills: 'Box breathing', feeling: 'Okay' });
    assert.deepEqual(await axe(page), []);
    await writing(page).getByRole('link', { name: 'Write about another session' }).click();
    await writing(page).getByLabel('What I took away').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await page.reload();
    await past(page).getByText('Skills: Box breathing').waitFor();
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll');
  });
}
