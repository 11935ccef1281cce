// Homework (issue 10, items 4 and 5): add it (due by the next session by default), mark
// it done with a reflection and a kind celebration, progress in words for repeated
// homework, a thought-record homework opening the thought record; homework from a link
// (previewed, declined, accepted; damaged, too long and newer links refused in words);
// the "Make a homework link" page; offline; axe; 320 px at 200 %; reduced motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, axe, textSize, openOffline, dayFromNow } from './helpers.mjs';

/// A link's fragment as a therapist's app would write it.
function fragment(items) {
  return 'v1.' + Buffer.from(JSON.stringify({ items })).toString('base64url');
}

const TWO = [
  { title: 'Walk after lunch', kind: 'practise_skill', instructions: 'Ten minutes is plenty.\nNotice your breathing.', times_a_week: 3 },
  { title: 'Thought record <b>after</b> a hard moment', kind: 'thought_record', instructions: '', times_a_week: null },
];

async function addHomework(page, { title, kind = 'Something else', often = 'Once', times } = {}) {
  await page.getByRole('link', { name: 'Add homework' }).click();
  const form = page.getByRole('region', { name: 'Add homework' });
  await form.getByLabel('What to do').waitFor();
  await form.getByLabel('What to do').fill(title);
  await form.getByRole('radio', { name: kind }).check();
  await form.getByRole('radio', { name: often }).check();
  if (times !== undefined) await form.getByRole('spinbutton', { name: 'Times a week' }).fill(String(times));
  await form.getByRole('button', { name: 'Save' }).click();
  return form;
}

const toDo = (page) => page.getByRole('region', { name: 'To do' });

async function markDone(page, title, { went, note } = {}) {
  const item = page.getByRole('article', { name: title });
  await item.getByRole('button', { name: `Actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Mark as done…' }).click();
  const reflect = item.getByRole('form', { name: 'How did it go?' });
  if (went !== undefined) {
    await reflect.getByLabel('How it went, 0 to 10').fill(String(went));
  }
  if (note !== undefined) await reflect.getByLabel('A line about it').fill(note);
  await reflect.getByRole('button', { name: 'Save' }).click();
}

test('homework added on the form is due by the next session by default, listed in words, and kept after a reload', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  // A weekly session three days from now.
  const next = page.getByRole('region', { name: 'Next session' });
  await next.getByRole('link', { name: 'Add a session' }).click();
  const session = await dayFromNow(page, 3);
  await page.getByRole('region', { name: 'Add a session' }).getByLabel('Day').fill(session.value);
  await page.getByRole('region', { name: 'Add a session' }).getByLabel('Starts at').fill('16:00');
  await page.getByRole('region', { name: 'Add a session' }).getByRole('button', { name: 'Save' }).click();
  await next.getByRole('heading', { name: 'Next session' }).waitFor();

  await page.goto(server.url + 'homework');
  await toDo(page).getByText('No homework right now.').waitFor();
  await page.getByRole('link', { name: 'Add homework' }).click();
  const form = page.getByRole('region', { name: 'Add homework' });
  await form.getByLabel('What to do').waitFor();
  await page.waitForFunction((v) => document.querySelector('#hw-due')?.value === v, session.value, { timeout: 5000 });
  assert.equal(await form.getByLabel('Due by').inputValue(), session.value, 'due by the next session');
  await form.getByLabel('What to do').fill('Call my sister');
  await form.getByRole('radio', { name: 'A conversation' }).check();
  await form.getByLabel('Instructions (optional)').fill('Just to chat <3');
  await form.getByRole('button', { name: 'Save' }).click();

  const item = toDo(page).getByRole('article', { name: 'Call my sister' });
  await item.getByText(`A conversation · Once · by ${session.words}`).waitFor();
  await item.getByText('Just to chat <3').waitFor();
  await item.getByText('Not done yet').waitFor();
  await page.reload();
  await toDo(page).getByRole('article', { name: 'Call my sister' }).getByText('Not done yet').waitFor();
});

test('with no session planned, homework is due a week from today; bad values are refused in words', async (t) => {
  const { page } = await openApp(t, 'homework');
  await page.getByRole('link', { name: 'Add homework' }).click();
  const form = page.getByRole('region', { name: 'Add homework' });
  const week = await dayFromNow(page, 7);
  await page.waitForFunction((v) => document.querySelector('#hw-due')?.value === v, week.value, { timeout: 5000 });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').getByText('Give the homework a short name.').waitFor();
  await form.getByLabel('What to do').fill('Walk');
  await form.getByRole('radio', { name: 'Some times a week' }).check();
  await form.getByRole('spinbutton', { name: 'Times a week' }).fill('9');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').getByText('Choose from 1 to 7 times a week.').waitFor();
  assert.equal(await form.getByLabel('What to do').inputValue(), 'Walk', 'what was typed stays');
});

test('late homework is shown gently: from before the last session, not in alarm red', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  // A weekly series that began ten days ago: its last session was three days ago.
  await page.getByRole('region', { name: 'Next session' }).getByRole('link', { name: 'Add a session' }).click();
  const form = page.getByRole('region', { name: 'Add a session' });
  await form.getByLabel('Day').fill((await dayFromNow(page, -10)).value);
  await form.getByLabel('Starts at').fill('16:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('region', { name: 'Next session' }).getByRole('heading', { name: 'Next session' }).waitFor();
  await page.goto(server.url + 'homework');
  await page.getByRole('link', { name: 'Add homework' }).click();
  const add = page.getByRole('region', { name: 'Add homework' });
  await add.getByLabel('What to do').fill('Sleep diary');
  await add.getByLabel('Due by').fill((await dayFromNow(page, -5)).value);
  await add.getByRole('button', { name: 'Save' }).click();
  const item = toDo(page).getByRole('article', { name: 'Sleep diary' });
  const gentle = item.getByText('From before your last session. Still here if it helps.');
  await gentle.waitFor();
  assert.equal(await item.getByText(/overdue|late|missed/i).count(), 0, 'no guilt words');
  const colours = await gentle.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('article').querySelector('h3')).color]);
  const [r, g, b] = colours[0].match(/\d+/g).map(Number);
  assert.ok(!(r > 150 && g < 100 && b < 100), `not alarm red: ${colours[0]}`);
});

test('marking homework done takes an optional reflection, shows a kind celebration, and moves it to "Done before"', async (t) => {
  const { page } = await openApp(t, 'homework');
  await addHomework(page, { title: 'Read the leaflet' });
  await toDo(page).getByRole('article', { name: 'Read the leaflet' }).waitFor();
  await markDone(page, 'Read the leaflet', { went: 8, note: 'Easier than I thought' });
  await page.getByText('Well done. “Read the leaflet” is done: one more step for you.').waitFor();
  const before = page.getByRole('region', { name: 'Done before' });
  const done = before.getByRole('article', { name: 'Read the leaflet' });
  await done.getByText('went 8 of 10, well · Easier than I thought', { exact: false }).waitFor();
  await toDo(page).getByText('No homework right now.').waitFor();
  await page.reload();
  await page.getByRole('region', { name: 'Done before' }).getByRole('article', { name: 'Read the leaflet' }).getByText('Done', { exact: true }).waitFor();
});

test('repeated homework shows its progress this week and stays open', async (t) => {
  const { page } = await openApp(t, 'homework');
  await addHomework(page, { title: 'Walk', kind: 'Practise a skill', often: 'Some times a week', times: 3 });
  const item = toDo(page).getByRole('article', { name: 'Walk' });
  await item.getByText('Practise a skill · 3 times a week', { exact: false }).waitFor();
  await item.getByText('0 of 3 this week').waitFor();
  await markDone(page, 'Walk');
  await item.getByText('1 of 3 this week').waitFor();
  await markDone(page, 'Walk', { note: 'By the river' });
  await item.getByText('2 of 3 this week').waitFor();
  await item.getByText('By the river', { exact: false }).waitFor();

  // Put away: it moves to "Done before"; Delete there, then Undo, brings it back.
  await item.getByRole('button', { name: 'Actions for Walk' }).click();
  await page.getByRole('menuitem', { name: 'Put away' }).click();
  const before = page.getByRole('region', { name: 'Done before' }).getByRole('article', { name: 'Walk' });
  await before.getByText('Put away', { exact: true }).waitFor();
  await toDo(page).getByText('No homework right now.').waitFor();
  await before.getByRole('button', { name: 'Actions for Walk' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByText('Homework deleted.').waitFor();
  assert.equal(await page.getByRole('article', { name: 'Walk' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('region', { name: 'Done before' }).getByRole('article', { name: 'Walk' }).waitFor();
});

test('a thought-record homework opens the thought record; a journal homework opens a new entry', async (t) => {
  const { page } = await openApp(t, 'homework');
  await addHomework(page, { title: 'After a hard moment', kind: 'A thought record' });
  await addHomework(page, { title: 'Three good things', kind: 'Write in my journal', often: 'Every day' });
  await toDo(page).getByRole('article', { name: 'Three good things' }).getByText('0 of 7 days this week').waitFor();
  await toDo(page).getByRole('article', { name: 'After a hard moment' }).getByRole('link', { name: 'Start the thought record' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thought record' }).waitFor();
  await page.goBack();
  await toDo(page).getByRole('article', { name: 'Three good things' }).getByRole('link', { name: 'Write the entry' }).click();
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
});

test('a homework link is previewed exactly; "Not now" adds nothing, also after a reload', async (t) => {
  const { page, server } = await openApp(t, 'homework#' + fragment(TWO));
  const sent = page.getByRole('region', { name: 'Homework sent to you' });
  await sent.getByText('This link carries 2 tasks.', { exact: false }).waitFor();
  await sent.getByRole('heading', { name: 'Walk after lunch' }).waitFor();
  await sent.getByText('Practise a skill · 3 times a week').waitFor();
  await sent.getByText('Ten minutes is plenty.', { exact: false }).waitFor();
  // Text stays text.
  await sent.getByRole('heading', { name: 'Thought record <b>after</b> a hard moment' }).waitFor();
  await sent.getByText('A thought record · Once').waitFor();
  const week = await dayFromNow(page, 7);
  await sent.getByText(`Each would be due by ${week.words}.`).waitFor();
  await toDo(page).getByText('No homework right now.').waitFor();

  await sent.getByRole('button', { name: 'Not now' }).click();
  await page.getByText('Nothing was added from the link.').waitFor();
  assert.equal(await sent.count(), 0);
  assert.equal(new URL(page.url()).hash, '', 'the fragment is gone from the address');
  await toDo(page).getByText('No homework right now.').waitFor();
  await page.reload();
  await toDo(page).getByText('No homework right now.').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Homework sent to you' }).count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Done before' }).count(), 0);
  void server;
});

test('a homework link accepted adds its tasks once, due by the next session; a link arriving while open is offered too', async (t) => {
  const { page, server } = await openApp(t, 'homework');
  await toDo(page).getByText('No homework right now.').waitFor();
  // The app is already open: the address's fragment changes.
  await page.evaluate((f) => { location.hash = f; }, fragment(TWO));
  const sent = page.getByRole('region', { name: 'Homework sent to you' });
  await sent.getByRole('button', { name: 'Add to my homework' }).click();
  await page.getByText('Added 2 tasks to your homework.').waitFor();
  assert.equal(new URL(page.url()).hash, '');
  const week = await dayFromNow(page, 7);
  await toDo(page).getByRole('article', { name: 'Walk after lunch' }).getByText(`Practise a skill · 3 times a week · by ${week.words}`).waitFor();
  await toDo(page).getByRole('article', { name: 'Thought record <b>after</b> a hard moment' }).getByRole('link', { name: 'Start the thought record' }).waitFor();
  await page.reload();
  await toDo(page).getByRole('article', { name: 'Walk after lunch' }).waitFor();
  assert.equal(await toDo(page).getByRole('article').count(), 2, 'added once');
  void server;
});

test('damaged, too long and newer links say so in plain words and add nothing', async (t) => {
  const { page, server } = await openApp(t, 'homework');
  const cases = [
    [fragment(TWO).slice(0, 40) + '!!', 'This link is damaged or incomplete'],
    ['v1.' + 'A'.repeat(7000), 'This link is too long to be a homework link'],
    ['v2.' + Buffer.from('{}').toString('base64url'), 'This link was made by a newer version of Between'],
    [fragment([{ title: '', kind: 'journal' }]), 'A task in this link is not one Between can add: Give the homework a short name.'],
  ];
  for (const [f, words] of cases) {
    await page.goto(server.url + 'homework#' + f);
    await page.reload();
    const sent = page.getByRole('region', { name: 'Homework sent to you' });
    await sent.getByRole('alert').getByText(words, { exact: false }).waitFor();
    await sent.getByText('Nothing was added.').waitFor();
    assert.equal(await sent.getByRole('button', { name: 'Add to my homework' }).count(), 0);
    await sent.getByRole('button', { name: 'Close' }).click();
    await toDo(page).getByText('No homework right now.').waitFor();
  }
});

test('"Make a homework link": a therapist writes two tasks, gets a link, and the link previews the same tasks', async (t) => {
  const { page } = await openApp(t, 'homework');
  await page.getByRole('link', { name: 'For therapists: make a homework link' }).click();
  await page.getByRole('heading', { level: 1, name: 'Make a homework link' }).waitFor();
  const one = page.getByRole('group', { name: 'Task 1' });
  await one.getByLabel('What to do').fill('Breathing, slowly');
  await one.getByLabel('Kind').selectOption({ label: 'Practise a skill' });
  await one.getByLabel('Instructions (optional)').fill('Four in, six out.');
  await one.getByLabel('How often').selectOption({ label: 'Every day' });
  await page.getByRole('button', { name: 'Add another task' }).click();
  const two = page.getByRole('group', { name: 'Task 2' });
  await two.getByLabel('What to do').fill('Note one worry');
  await two.getByLabel('Kind').selectOption({ label: 'Write in my journal' });
  await two.getByLabel('How often').selectOption({ label: '2 times a week' });
  assert.equal(await one.getByLabel('What to do').inputValue(), 'Breathing, slowly', 'the first task stays as typed');
  await page.getByRole('button', { name: 'Make the link' }).click();
  const made = page.getByRole('region', { name: 'Your homework link' });
  const link = await made.getByLabel('The link').inputValue();
  assert.match(link, /\/homework#v1\.[A-Za-z0-9_-]+$/);
  await made.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText(/^(Link copied\. Paste it into a message to send it\.|The link is selected in the field above: copy it from there\.)$/).waitFor();

  await page.goto(link);
  const sent = page.getByRole('region', { name: 'Homework sent to you' });
  await sent.getByRole('heading', { name: 'Breathing, slowly' }).waitFor();
  await sent.getByText('Practise a skill · Every day').waitFor();
  await sent.getByText('Four in, six out.').waitFor();
  await sent.getByRole('heading', { name: 'Note one worry' }).waitFor();
  await sent.getByText('Write in my journal · 2 times a week').waitFor();

  // An empty task is refused in words.
  await page.goto(link.split('/homework#')[0] + '/homework-link');
  await page.getByRole('button', { name: 'Make the link' }).click();
  await page.getByRole('alert').getByText('Give the homework a short name.', { exact: false }).waitFor();
});

test('with the server stopped and no network, homework is added, a link is made and accepted', async (t) => {
  const { page, context, server } = await openOffline(t, 'homework');
  await addHomework(page, { title: 'Offline walk' });
  await toDo(page).getByRole('article', { name: 'Offline walk' }).waitFor();
  await page.getByRole('link', { name: 'For therapists: make a homework link' }).click();
  await page.getByRole('group', { name: 'Task 1' }).getByLabel('What to do').fill('Offline task');
  await page.getByRole('button', { name: 'Make the link' }).click();
  const link = await page.getByRole('region', { name: 'Your homework link' }).getByLabel('The link').inputValue();
  await page.goto(link);
  await page.getByRole('region', { name: 'Homework sent to you' }).getByRole('button', { name: 'Add to my homework' }).click();
  await toDo(page).getByRole('article', { name: 'Offline task' }).waitFor();
});

test('the celebration does not move under reduced motion, and does otherwise', async (t) => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { page } = await openApp(t, 'homework', { reducedMotion });
    await addHomework(page, { title: 'Rest' });
    await markDone(page, 'Rest');
    const status = page.getByRole('status').filter({ hasText: 'Well done.' });
    await status.waitFor();
    const animation = await status.locator('svg').evaluate((el) => getComputedStyle(el).animationName);
    assert.equal(animation, reducedMotion === 'reduce' ? 'none' : 'celebrate-grow', reducedMotion);
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`homework passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page, server } = await openApp(t, 'homework', { colorScheme });
    await addHomework(page, { title: 'Walk', often: 'Some times a week', times: 3 });
    await addHomework(page, { title: 'Ring the GP surgery', kind: 'A conversation' });
    await markDone(page, 'Ring the GP surgery', { went: 4, note: 'Done, a bit nervous' });
    await page.getByText('Well done.', { exact: false }).waitFor();
    const item = page.getByRole('article', { name: 'Walk' });
    await item.getByRole('button', { name: 'Actions for Walk' }).click();
    await page.getByRole('menuitem', { name: 'Mark as done…' }).click();
    await item.getByRole('form', { name: 'How did it go?' }).waitFor();
    assert.deepEqual(await axe(page), []);
    await page.goto(server.url + 'homework#' + fragment(TWO));
    await page.getByRole('region', { name: 'Homework sent to you' }).waitFor();
    assert.deepEqual(await axe(page), []);
    await page.goto(server.url + 'homework?homework=new');
    await page.getByRole('region', { name: 'Add homework' }).getByLabel('What to do').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.goto(server.url + 'homework-link');
    await page.getByRole('group', { name: 'Task 1' }).getByLabel('What to do').fill('Breathe');
    await page.getByRole('button', { name: 'Make the link' }).click();
    await page.getByRole('region', { name: 'Your homework link' }).waitFor();
    assert.deepEqual(await axe(page), []);

    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    for (const path of ['homework', 'homework?homework=new', 'homework-link', 'homework#' + fragment(TWO)]) {
      await page.goto(server.url + path);
      if (path.includes('#')) await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, `${path}: no sideways scroll`);
    }
  });
}
