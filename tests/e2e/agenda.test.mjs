// Things to bring up next time (issue 10, item 2): topics added from Sessions, Today, a
// coping card and a thought record; kept in the person's order, moved by keyboard (focus
// follows) and by drag (mouse and touch, by the grip); the most important first; "Talked about it" folds a topic away;
// topics not reached at the last session say so; offline; axe; 320 px at 200 % text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openApp, axe, textSize, dbReady, seedEntries, until, valueOf, openOffline } from './helpers.mjs';

const DAY = 24 * 60 * 60 * 1000;

const region = (page) => page.getByRole('region', { name: 'To bring up next time' });
const list = (page) => region(page).getByRole('list', { name: 'Things to bring up, in order' });
const menuOf = (page, topic) => list(page).getByRole('button', { name: `Actions for “${topic}”`, exact: true });
/// The topics as the list shows them, in order (each one's menu names it).
async function order(page) {
  const names = await list(page).getByRole('button', { name: /^Actions for “/ }).evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  return names.map((n) => n.replace(/^Actions for “/, '').replace(/”$/, ''));
}
/// Waits until the list shows `expected`, in that order.
async function orderIs(page, expected, what) {
  await until(async () => JSON.stringify(await order(page)) === JSON.stringify(expected), `${what}: ${JSON.stringify(expected)}`, 10_000)
    .catch(async (e) => { assert.deepEqual(await order(page), expected, what); throw e; });
}

/// Waits until the focused element reads `text`.
async function focusedIs(page, text) {
  await until(async () => (await page.evaluate(() => document.activeElement.textContent)) === text, `focus on ${text}`)
    .catch(async (e) => { assert.equal(await page.evaluate(() => document.activeElement.textContent), text); throw e; });
}

async function addOnSessions(page, text) {
  const field = region(page).getByLabel('Something to bring up');
  await field.fill(text);
  await region(page).getByRole('button', { name: 'Add', exact: true }).click();
  await menuOf(page, text).waitFor();
  await valueOf(field, '');
}

async function choose(page, topic, action) {
  await menuOf(page, topic).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action }).click();
}

/// Puts records straight into the store, as older versions or earlier days left them.
async function seed(page, records) {
  await dbReady(page);
  await page.evaluate(async (records) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['records'], 'readwrite');
    for (const { kind, id, at, body } of records) {
      tx.objectStore('records').put({
        key: `${kind}:${id}`, kind, id, created: at, updated: at, deleted: null, rev: 1, enc: 'json', payload: JSON.stringify(body),
      });
    }
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, records);
}

/// A weekly session that began ten days ago at 16:00 (so the last one was three days ago).
async function seedPastSeries(page) {
  const start = await page.evaluate(() => {
    const d = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000);
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T16:00:00`;
  });
  await seed(page, [{ kind: 'appointment', id: 'weekly', at: Date.now() - 20 * DAY, body: { start, minutes: 50, repeat: 'weekly' } }]);
}

test('a topic is added from Sessions (the draft survives a reload), Today, a coping card, a thought record and a check-in', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  await region(page).getByText('Nothing on your list yet.').waitFor();

  // Typed and not yet added: kept across a reload.
  await region(page).getByLabel('Something to bring up').fill('Sleep since the new job');
  await page.waitForTimeout(700);
  await page.reload();
  await appReady(page);
  assert.equal(await valueOf(region(page).getByLabel('Something to bring up'), 'Sleep since the new job'), 'Sleep since the new job');
  await region(page).getByRole('button', { name: 'Add', exact: true }).click();
  await menuOf(page, 'Sleep since the new job').waitFor();
  await region(page).getByRole('status').filter({ hasText: 'Added to your list for next session.' }).waitFor();
  assert.equal(await region(page).getByLabel('Something to bring up').inputValue(), '', 'the field is empty again');
  // Empty words add nothing.
  await region(page).getByRole('button', { name: 'Add', exact: true }).click();
  await region(page).getByText('Write a few words first.').waitFor();

  // Today.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByLabel('Something to bring up next session?').fill('Whether to tell my sister');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your list for next session.' }).waitFor();

  // A coping card, opened full screen.
  await page.goto(server.url + 'coping');
  await appReady(page);
  await page.getByRole('button', { name: 'Add the starter cards' }).click();
  const open = page.getByRole('button', { name: /^Open card: / }).first();
  const cardName = (await open.getAttribute('aria-label')).replace(/^Open card: /, '');
  await open.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Bring to next session' }).click();
  await dialog.getByRole('status').filter({ hasText: 'Added to your list for next session.' }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A thought record, from its last step.
  await page.goto(server.url + 'thought');
  await appReady(page);
  await page.getByLabel('What happened').fill('My manager moved the meeting');
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Bring this to my next session' }).check();
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();

  // A check-in's result.
  await page.goto(server.url + 'checkins');
  await appReady(page);
  await page.getByRole('link', { name: 'Start GAD-7' }).click();
  for (let i = 0; i < 7; i++) await page.getByRole('radiogroup').nth(i).getByRole('radio', { name: 'Not at all' }).check();
  await page.getByRole('button', { name: 'See my result' }).click();
  const result = page.getByRole('region', { name: 'Your result' });
  await result.getByRole('button', { name: 'Bring to next session' }).click();
  await result.getByRole('status').filter({ hasText: 'Added to your list for next session.' }).waitFor();

  await page.goto(server.url + 'sessions');
  await appReady(page);
  await until(async () => (await order(page)).length === 5, 'five topics');
  const shown = await order(page);
  assert.deepEqual(shown.slice(0, 4), [
    'Sleep since the new job',
    'Whether to tell my sister',
    `Coping card: ${cardName}`,
    'Thought record: My manager moved the meeting',
  ], 'everything added, in the order it came');
  assert.match(shown[4], /^My GAD-7 check-in: 0 out of 21 \(/);
  // The thought record can be opened from its menu.
  await choose(page, 'Thought record: My manager moved the meeting', 'Open');
  await page.getByRole('heading', { level: 1, name: 'Thought record' }).waitFor();
});

test('topics move up and down by keyboard, focus follows, and the order survives a reload', async (t) => {
  const { page } = await openApp(t, 'sessions');
  const now = Date.now();
  // An item from before ordering existed (no rank) and a flagged journal entry take part.
  await seed(page, [{ kind: 'agenda_item', id: 'old', at: now - 3 * 60_000, body: { text: 'Alpha', source: null, done: false } }]);
  await seedEntries(page, [{ id: 'flagged', at: now - 2 * 60_000, mood: 3, text: 'Bravo', for_session: true }]);
  await page.reload();
  await appReady(page);
  await menuOf(page, 'Bravo').waitFor();
  await addOnSessions(page, 'Charlie');
  await orderIs(page, ['Alpha', 'Bravo', 'Charlie'], 'oldest first');

  // The first has no "Move up", the last no "Move down".
  await menuOf(page, 'Alpha').click();
  assert.deepEqual(await page.getByRole('menu').getByRole('menuitem').allTextContents(),
    ['Move down', 'Most important', 'Talked about it', 'Remove']);
  await page.keyboard.press('Escape');

  // Charlie up by keyboard: Enter opens the menu on "Move up", Enter moves it.
  await menuOf(page, 'Charlie').focus();
  await page.keyboard.press('Enter');
  await focusedIs(page, 'Move up');
  await page.keyboard.press('Enter');
  await orderIs(page, ['Alpha', 'Charlie', 'Bravo'], 'Charlie moved up one');
  await until(() => menuOf(page, 'Charlie').evaluate((b) => b === document.activeElement), 'focus stays on the moved topic');

  // Again, to the top; then Alpha down below the journal entry.
  await page.keyboard.press('Enter');
  await focusedIs(page, 'Move up');
  await page.keyboard.press('Enter');
  await orderIs(page, ['Charlie', 'Alpha', 'Bravo'], 'Charlie at the top');
  await until(() => menuOf(page, 'Charlie').evaluate((b) => b === document.activeElement), 'focus follows again');
  await menuOf(page, 'Alpha').focus();
  await page.keyboard.press('Enter');
  await focusedIs(page, 'Move up');
  await page.keyboard.press('ArrowDown');
  await focusedIs(page, 'Move down');
  await page.keyboard.press('Enter');
  await orderIs(page, ['Charlie', 'Bravo', 'Alpha'], 'Alpha moved below the journal entry');

  await page.reload();
  await appReady(page);
  await menuOf(page, 'Alpha').waitFor();
  await orderIs(page, ['Charlie', 'Bravo', 'Alpha'], 'the order is kept after a reload');
  // A new topic joins the end.
  await addOnSessions(page, 'Delta');
  await orderIs(page, ['Charlie', 'Bravo', 'Alpha', 'Delta'], 'new topics join the end');
});

/// Where a person presses to drag a topic: its grip, at the start of the item (the grip
/// is hidden from assistive technology, which moves topics from the menu instead).
async function gripOf(item) {
  const box = await item.boundingBox();
  return { x: box.x + 14, y: box.y + box.height / 2 };
}
async function middleOf(item) {
  const box = await item.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/// Drags `from` onto `to` with the mouse, in small steps as a hand does.
async function mouseDrag(page, from, to) {
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const a = await gripOf(from);
  const b = await middleOf(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/// Drags `from` onto `to` with a finger: real touch events, as a phone sends them.
async function touchDrag(page, from, to) {
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const a = await gripOf(from);
  const b = await middleOf(to);
  const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
  await touch('touchStart', a);
  for (let k = 1; k <= 8; k++) await touch('touchMove', { x: a.x + ((b.x - a.x) * k) / 8, y: a.y + ((b.y - a.y) * k) / 8 });
  await touch('touchEnd');
  await cdp.detach();
}

test('a topic is dragged to another place by its grip with the mouse', async (t) => {
  const { page } = await openApp(t, 'sessions');
  for (const text of ['One', 'Two', 'Three']) await addOnSessions(page, text);
  const item = (text) => list(page).getByRole('listitem').filter({ hasText: text });
  await mouseDrag(page, item('Three'), item('One'));
  await orderIs(page, ['Three', 'One', 'Two'], 'Three dragged to the top');
  await mouseDrag(page, item('Three'), item('Two'));
  await orderIs(page, ['One', 'Two', 'Three'], 'and back to the end');
  // Pressing the text of a topic (not its grip) and moving does not reorder anything.
  await item('One').scrollIntoViewIfNeeded();
  const one = await middleOf(item('One'));
  const three = await middleOf(item('Three'));
  await page.mouse.move(one.x, one.y);
  await page.mouse.down();
  await page.mouse.move(three.x, three.y, { steps: 8 });
  await page.mouse.up();
  await page.reload();
  await appReady(page);
  await menuOf(page, 'Three').waitFor();
  await orderIs(page, ['One', 'Two', 'Three'], 'kept');
});

test('a topic is dragged with a finger on a touch screen', async (t) => {
  const { page } = await openApp(t, 'sessions');
  for (const text of ['Uno', 'Dos', 'Tres']) await addOnSessions(page, text);
  const item = (text) => list(page).getByRole('listitem').filter({ hasText: text });
  await touchDrag(page, item('Tres'), item('Uno'));
  await orderIs(page, ['Tres', 'Uno', 'Dos'], 'Tres dragged to the top by touch');
  await touchDrag(page, item('Uno'), item('Dos'));
  await orderIs(page, ['Tres', 'Dos', 'Uno'], 'Uno dragged down by touch');
  await page.reload();
  await appReady(page);
  await menuOf(page, 'Uno').waitFor();
  await orderIs(page, ['Tres', 'Dos', 'Uno'], 'kept after a reload');
});

test('the most important topic comes first, says so in words, and can be unmarked', async (t) => {
  const { page } = await openApp(t, 'sessions');
  for (const text of ['First thing', 'Second thing', 'The big one']) await addOnSessions(page, text);
  await choose(page, 'The big one', 'Most important');
  await orderIs(page, ['The big one', 'First thing', 'Second thing'], 'most important first');
  const big = list(page).getByRole('listitem').filter({ hasText: 'The big one' });
  await big.getByText('Most important', { exact: true }).waitFor();
  assert.equal(await list(page).getByText('Most important', { exact: true }).count(), 1, 'only that one is marked');
  await page.reload();
  await appReady(page);
  await menuOf(page, 'The big one').waitFor();
  await orderIs(page, ['The big one', 'First thing', 'Second thing'], 'kept after a reload');
  await choose(page, 'The big one', 'Not most important');
  await until(async () => (await list(page).getByText('Most important', { exact: true }).count()) === 0, 'unmarked');
  await orderIs(page, ['First thing', 'Second thing', 'The big one'], 'back in its place');
});

test('what was not reached at the last session is marked as carried over; talked-about topics fold away', async (t) => {
  const { page } = await openApp(t, 'sessions');
  await seedPastSeries(page);
  await seed(page, [
    { kind: 'agenda_item', id: 'before', at: Date.now() - 5 * DAY, body: { text: 'Not reached last time', source: null, done: false } },
  ]);
  await page.reload();
  await appReady(page);
  await menuOf(page, 'Not reached last time').waitFor();
  await addOnSessions(page, 'Something new this week');
  const item = (text) => list(page).getByRole('listitem').filter({ hasText: text });
  await item('Not reached last time').getByText('Carried over from your last session').waitFor();
  assert.equal(await item('Something new this week').getByText('Carried over from your last session').count(), 0, 'a new topic is not carried over');

  // Talked about it: off the list, into "Talked about", folded.
  await choose(page, 'Not reached last time', 'Talked about it');
  await menuOf(page, 'Not reached last time').waitFor({ state: 'detached' });
  const talked = region(page).getByRole('group').filter({ hasText: 'Talked about (1)' });
  await talked.waitFor();
  const done = talked.getByText('Not reached last time');
  assert.equal(await done.isVisible(), false, 'folded away');
  await talked.getByText('Talked about (1)').click();
  await done.waitFor();
  await page.reload();
  await appReady(page);
  await region(page).getByText('Talked about (1)').waitFor();
  await orderIs(page, ['Something new this week'], 'only the open topic is on the list');
});

test('a topic is removed, and Undo brings it back', async (t) => {
  const { page } = await openApp(t, 'sessions');
  await addOnSessions(page, 'Keep me');
  await addOnSessions(page, 'Remove me');
  await choose(page, 'Remove me', 'Remove');
  await menuOf(page, 'Remove me').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await orderIs(page, ['Keep me', 'Remove me'], 'back in its place');
});

test('with the server stopped and no network, a topic is added, moved and marked', async (t) => {
  const { page, context, server } = await openOffline(t, 'sessions');
  await addOnSessions(page, 'Offline one');
  await addOnSessions(page, 'Offline two');
  await choose(page, 'Offline two', 'Move up');
  await orderIs(page, ['Offline two', 'Offline one'], 'moved offline');
  await choose(page, 'Offline one', 'Talked about it');
  await region(page).getByText('Talked about (1)').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByLabel('Something to bring up next session?').fill('From Today, offline');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your list for next session.' }).waitFor();
});

for (const colorScheme of ['light', 'dark']) {
  test(`the list passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page, server } = await openApp(t, 'sessions', { colorScheme });
    await seedPastSeries(page);
    await seed(page, [
      { kind: 'agenda_item', id: 'before', at: Date.now() - 5 * DAY, body: { text: 'A long topic carried over from last time, with quite a few words in it so that it wraps', source: null, done: false } },
      { kind: 'agenda_item', id: 'done', at: Date.now() - 6 * DAY, body: { text: 'Already talked about', source: null, done: true } },
    ]);
    await page.reload();
    await appReady(page);
    await addOnSessions(page, 'Starred');
    await choose(page, 'Starred', 'Most important');
    await list(page).getByText('Most important', { exact: true }).waitFor();
    await region(page).getByText('Talked about (1)').click();
    assert.deepEqual(await axe(page), []);
    await menuOf(page, 'Starred').click();
    await page.getByRole('menu').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll on Sessions');
    await page.goto(server.url);
    await appReady(page);
    await page.getByLabel('Something to bring up next session?').waitFor();
    assert.deepEqual(await axe(page), []);
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll on Today');
  });
}
