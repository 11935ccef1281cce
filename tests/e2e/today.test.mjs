// Today, the home screen (issue 11, item 3): a mood in one tap becomes a journal entry,
// with "Add more" and Undo, and a failed save never loses the tap; the next session,
// homework and the day's prompt appear only when they have something to show. Offline,
// with the service worker in control and the host stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openOffline, appReady, storedRecords, simulateFullDisk, dayFromNow, until, seedEntries } from './helpers.mjs';

const checkIn = (page) => page.getByRole('region', { name: 'How are you right now?' });
const mood = (page, word) => checkIn(page).getByRole('button', { name: word, exact: true });
const status = (page) => checkIn(page).getByRole('status');
const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
const live = async (page) => (await storedRecords(page, 'journal_entry')).filter((r) => !r.deleted);

test('one tap on a mood saves an entry; Add more opens it in the full form; Undo takes it back', async (t) => {
  const { page, server } = await openOffline(t, '');
  assert.deepEqual((await checkIn(page).getByRole('button').allTextContents()).map((s) => s.trim()), ['Very low', 'Low', 'Okay', 'Good', 'Very good']);
  assert.equal(await checkIn(page).locator('svg').count(), 5, 'each mood has its mark beside its word');

  // One tap, and it is saved: the screen says which mood and when.
  await mood(page, 'Okay').click();
  await status(page).filter({ hasText: /^Saved: Okay, \d{1,2}:\d{2}/ }).waitFor();
  const [saved] = await live(page);
  assert.equal(saved.body.mood, 3);
  assert.equal(saved.body.text, '');

  // Reloaded, the journal has it.
  await page.goto(server.url + 'journal');
  await appReady(page);
  await entries(page).first().getByText('Okay').waitFor();
  assert.equal(await entries(page).count(), 1);

  // "Add more" opens that entry, its mood chosen, in the full form.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await mood(page, 'Good').click();
  await status(page).filter({ hasText: /^Saved: Good, / }).waitFor();
  await status(page).getByRole('link', { name: 'Add more' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit entry' }).waitFor();
  assert.ok(await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Good', exact: true }).isChecked());
  assert.match(page.url(), /write\?id=/);
  await page.getByLabel("What's on your mind?").fill('A walk helped.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await entries(page).filter({ hasText: 'A walk helped.' }).waitFor();
  assert.equal((await live(page)).length, 2, 'Add more changed the entry, it did not make another');

  // Undo takes a tap back.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await mood(page, 'Very low').click();
  await status(page).filter({ hasText: /^Saved: Very low, / }).waitFor();
  await until(async () => (await live(page)).length === 3, 'the third entry stored');
  await status(page).getByRole('button', { name: 'Undo' }).click();
  await status(page).filter({ hasText: 'Removed.' }).waitFor();
  await until(async () => (await live(page)).length === 2, 'the undone entry gone from the journal');
  await page.reload();
  await appReady(page);
  await page.goto(server.url + 'journal');
  await entries(page).filter({ hasText: 'A walk helped.' }).waitFor();
  assert.equal(await entries(page).count(), 2);
  assert.equal(await entries(page).filter({ hasText: 'Very low' }).count(), 0);
});

test('a check-in that cannot be saved says so and offers the full form with the mood kept', async (t) => {
  const { page, context } = await openOffline(t, '', { allowErrors: [/quota|QuotaExceeded/i] });
  await simulateFullDisk(context);
  await page.reload();
  await appReady(page);
  await page.evaluate(() => { window.__diskFull = true; });
  await mood(page, 'Low').click();
  await checkIn(page).getByText("Your check-in (Low) couldn't be saved.", { exact: false }).waitFor();
  assert.equal(await status(page).getByText('Saved:').count(), 0);
  assert.equal((await live(page)).length, 0);

  await page.evaluate(() => { window.__diskFull = false; });
  await checkIn(page).getByRole('link', { name: 'Write it in the full form' }).click();
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
  assert.ok(await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Low', exact: true }).isChecked());
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  const [kept] = await live(page);
  assert.equal(kept.body.mood, 2);
});

/// The day's prompt for a weekday, as domain::today chooses it for an empty week.
const PROMPT = { 1: 'Plan something nice', 2: 'Plan something nice', 3: 'Make time to rest', 4: 'Make time to rest', 5: 'Note a win', 6: 'Note a win', 0: 'Note a win' };

test('Today changes as data appears: an empty profile shows only what it can offer', async (t) => {
  const { page, server } = await openOffline(t, '');
  const main = page.getByRole('main');
  await mood(page, 'Okay').waitFor();
  // What an empty profile offers: a mood, help, the week, writing, and the day's prompt.
  await main.getByRole('link', { name: "I'm struggling" }).waitFor();
  await main.getByRole('link', { name: 'My week' }).waitFor();
  const weekday = await page.evaluate(() => new Date().getDay());
  await main.getByRole('link', { name: PROMPT[weekday] }).waitFor();
  // Nothing planned: no session line, no homework.
  assert.equal(await main.getByRole('link', { name: /^Next session:/ }).count(), 0);
  assert.equal(await main.getByRole('link', { name: /^Homework:/ }).count(), 0);
  assert.equal(await main.getByRole('link', { name: 'Prepare for my session' }).count(), 0, 'nothing to prepare for');
  assert.equal(await main.getByRole('region', { name: "This week's plans" }).count(), 0, 'no plans, no plans section');

  // A session tomorrow: its line and countdown show, and the win prompt appears once.
  await page.goto(server.url + 'sessions?appointment=new');
  const form = page.getByRole('region', { name: 'Add a session' });
  await form.getByLabel('Day').fill((await dayFromNow(page, 1)).value);
  await form.getByLabel('Starts at').fill('18:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('region', { name: 'Next session' }).getByText('tomorrow', { exact: false }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const next = main.getByRole('link', { name: /^Next session: .*(6:00.PM|18:00).*tomorrow/ });
  await next.waitFor();
  // The session is near: the way to prepare for it is beside it.
  await main.getByRole('link', { name: 'Prepare for my session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Prepare for my session' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await next.waitFor();
  assert.equal(await main.getByRole('link', { name: 'Note a win' }).count(), 1, 'one way to note a win, not two');

  // Homework: it shows, by name.
  await page.goto(server.url + 'homework');
  await page.getByRole('link', { name: 'Add homework' }).click();
  const hw = page.getByRole('region', { name: 'Add homework' });
  await hw.getByLabel('What to do').fill('Walk after lunch');
  await hw.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('region', { name: 'To do' }).getByText('Walk after lunch').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await main.getByRole('link', { name: 'Homework: Walk after lunch, not done yet' }).waitFor();
  await next.waitFor();
});

test("a plan and a rest this week show on Today and in My week, and the day's prompt stops asking for them", async (t) => {
  const { page, server } = await openOffline(t, 'look-forward');
  const main = page.getByRole('main');
  const today = (await dayFromNow(page, 0)).value;
  const plan = page.getByRole('region', { name: 'Plan something' });
  await plan.getByLabel('What would you like to do?').fill('Swim at the lido');
  await plan.getByLabel('Day').fill(today);
  await plan.getByLabel('Time (optional)').fill('23:30');
  await plan.getByLabel('With whom (optional)').fill('Sam');
  await plan.getByRole('button', { name: 'Save this plan' }).click();
  await main.getByText('Swim at the lido').first().waitFor();

  await page.goto(server.url + 'rest');
  await appReady(page);
  const rest = page.getByRole('region', { name: 'Log some rest' });
  await rest.getByLabel('What did you do?').fill('A long bath');
  await rest.getByLabel('Day').fill(today);
  await rest.getByLabel('How restored do you feel?').fill('7');
  await rest.getByRole('button', { name: 'Save this rest' }).click();
  await main.getByText('A long bath').first().waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const plans = main.getByRole('region', { name: "This week's plans" });
  await plans.getByText('Swim at the lido').waitFor();
  // Planned and rested this week: the prompt asks only for a win, whatever the day.
  await main.getByRole('link', { name: 'Note a win' }).click();
  const wins = page.getByRole('region', { name: 'Wins' });
  await wins.getByLabel("Something I handled in a way I'm pleased with").fill('Said no to an extra shift');
  await wins.getByRole('button', { name: 'Save this win' }).click();
  await wins.getByText('Saved. Well done for noticing it.').waitFor();
  // With all three, the prompt has nothing left to ask.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await plans.getByText('Swim at the lido').waitFor();
  await until(async () => {
    let shown = 0;
    for (const name of ['Plan something nice', 'Make time to rest', 'Note a win']) shown += await main.getByRole('link', { name }).count();
    return shown === 0;
  }, 'no prompt left');

  await main.getByRole('link', { name: 'My week' }).click();
  const week = page.getByRole('main');
  await week.getByRole('link', { name: /23:30: Planned: Swim at the lido \(with Sam\)/ }).waitFor();
  await week.getByRole('link', { name: 'Rest: A long bath (restored 7/10)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rest and self-care' }).waitFor();
});

test('after a few entries Today offers a passcode once ("Not now" is kept); a backup reminder shows when it is due', async (t) => {
  const { page, server } = await openOffline(t, '');
  const main = page.getByRole('main');
  const offer = main.getByRole('link', { name: 'Set a passcode' });
  await mood(page, 'Okay').waitFor();
  assert.equal(await offer.count(), 0, 'nothing to offer on an empty journal');
  const now = Date.now();
  await seedEntries(page, [1, 2, 3, 4, 5].map((n) => ({ id: `e${n}`, at: now - n * 3600_000, mood: 3, text: `Entry ${n}` })));
  await page.reload();
  await appReady(page);
  await offer.click();
  await page.getByRole('region', { name: 'Passcode lock' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await main.getByRole('button', { name: 'Not now' }).click();
  assert.equal(await offer.count(), 0);
  await page.reload();
  await appReady(page);
  await mood(page, 'Okay').waitFor();
  assert.equal(await offer.count(), 0, '"Not now" is kept');

  // A reminder every week, and no backup yet: Today says so, and leads to Backup and export.
  await page.goto(server.url + 'settings');
  await appReady(page);
  await page.getByLabel('Remind me to make a backup').selectOption({ label: 'Every week' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await main.getByText('It has been a while since your last backup.').waitFor();
  await main.getByRole('link', { name: 'Make a backup' }).click();
  await page.getByRole('heading', { level: 1, name: 'Backup and export' }).waitFor();
});
