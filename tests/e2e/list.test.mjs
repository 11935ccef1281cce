// The journal list (issue 9, item 2): each entry shows what was felt and written, and
// its actions wait behind one menu button, by mouse and by keyboard, in both themes and
// with large text on a small phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, axe, openApp, seedEntries, textSize, until } from './helpers.mjs';

const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
const entry = (page, text) => entries(page).filter({ hasText: text });
const menuButton = (item) => item.getByRole('button', { name: /^Actions for the (entry|thought record) of / });
const focused = (locator) => locator.evaluate((el) => el === document.activeElement);
const focusedName = (page) => page.evaluate(() => document.activeElement?.textContent.trim());

const LONG = 'It was a long day and I want to remember all of it. '.repeat(12).trim();

/// A journal with a few known entries, newest first.
async function journalWith(t, options) {
  const opened = await openApp(t, 'journal', options);
  const { page } = opened;
  const now = Date.now();
  const hour = 3600_000;
  await seedEntries(page, [
    { id: 'low', at: now - hour, mood: 2, emotions: ['Anxious', 'Tired'], triggers: ['Work deadline'],
      symptoms: [{ name: 'Anxiety', value: 7 }], text: 'The meeting ran late again.' },
    { id: 'long', at: now - 2 * hour, mood: 4, emotions: ['Calm'], text: LONG },
    { id: 'plain', at: now - 3 * hour, text: 'Only words, no mood.' },
  ]);
  await page.reload();
  await appReady(page);
  await entry(page, 'The meeting ran late again.').waitFor();
  return opened;
}

test('an entry shows its mood in words, its emotions and text, and one menu button that holds its actions', async (t) => {
  const { page } = await journalWith(t);
  const item = entry(page, 'The meeting ran late again.');
  for (const text of ['Low', 'Anxious', 'Tired', 'The meeting ran late again.', 'Trigger: Work deadline', 'Anxiety 7/10']) {
    assert.ok(await item.getByText(text, { exact: true }).isVisible(), text);
  }
  // The mark beside the word is a decoration: nothing for a screen reader to read twice.
  assert.equal(await item.locator('svg[aria-hidden="true"]').count() >= 1, true);
  assert.equal(await item.getByRole('img').count(), 0);

  // Every entry has exactly one button (the long one also "Show all"), and no Edit or
  // Delete until its menu opens.
  for (const text of ['The meeting ran late again.', 'Only words, no mood.']) {
    assert.equal(await entry(page, text).getByRole('button').count(), 1, text);
    assert.equal(await entry(page, text).getByRole('link').count(), 0, text);
  }
  assert.equal(await page.getByRole('menuitem').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Delete' }).count(), 0);

  const button = menuButton(item);
  assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const menu = page.getByRole('menu');
  assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), ['Edit', 'Bring to next session', 'Delete']);
  // Only this entry's menu is open.
  assert.equal(await page.getByRole('menu').count(), 1);

  // Long text shows its first lines; "Show all" shows the whole of it.
  const long = entry(page, 'I want to remember all of it');
  const text = long.getByText(LONG);
  const clamped = (await text.boundingBox()).height;
  const showAll = long.getByRole('button', { name: 'Show all' });
  assert.equal(await showAll.getAttribute('aria-expanded'), 'false');
  await showAll.click();
  const less = long.getByRole('button', { name: 'Show less' });
  assert.equal(await less.getAttribute('aria-expanded'), 'true');
  const whole = (await text.boundingBox()).height;
  assert.ok(whole > clamped * 1.5, `the whole text (${whole} px) is taller than its first lines (${clamped} px)`);
  assert.equal(await text.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), true, 'nothing is cut off');
  // Short text is never cut.
  assert.equal(await entry(page, 'Only words, no mood.').getByRole('button', { name: 'Show all' }).count(), 0);
});

test('the menu by keyboard: Enter opens it, arrows move, Escape returns to the button; Bring to next session and Edit', async (t) => {
  const { page } = await journalWith(t);
  const item = entry(page, 'The meeting ran late again.');
  const button = menuButton(item);
  await button.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await focusedName(page)) === 'Edit', 'focus on the first item, Edit');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedName(page), 'Bring to next session');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedName(page), 'Delete');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedName(page), 'Edit', 'Down from the last item goes round to the first');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedName(page), 'Delete');
  await page.keyboard.press('Home');
  assert.equal(await focusedName(page), 'Edit');
  await page.keyboard.press('End');
  assert.equal(await focusedName(page), 'Delete');
  await page.keyboard.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'detached' });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.ok(await focused(button), 'Escape gives focus back to the menu button');

  // Down on the button opens on the first item too; Bring to next session shows the badge.
  await page.keyboard.press('ArrowDown');
  await until(async () => (await focusedName(page)) === 'Edit', 'focus on Edit');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await item.getByText('On your list for next session').waitFor();
  // The entry is drawn again; focus is back on its menu button, not lost.
  await until(() => focused(menuButton(item)), 'focus on the menu button after the change');
  await page.keyboard.press('Enter');
  await until(async () => (await focusedName(page)) === 'Edit', 'focus on Edit');
  assert.deepEqual(await page.getByRole('menu').getByRole('menuitem').allTextContents(),
    ['Edit', 'Take off my next-session list', 'Delete']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await item.getByText('On your list for next session').waitFor({ state: 'detached' });
  await page.reload();
  await appReady(page);
  await item.waitFor();
  assert.equal(await item.getByText('On your list for next session').count(), 0, 'taken off, and it stays off');

  // Edit opens the form with the entry in it.
  await menuButton(item).focus();
  await page.keyboard.press('Enter');
  await until(async () => (await focusedName(page)) === 'Edit', 'focus on Edit');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Edit entry' }).waitFor();
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), 'The meeting ran late again.');
});

test('Delete from the menu by keyboard: Undo takes focus, and brings the entry back with focus on it', async (t) => {
  const { page } = await journalWith(t);
  const item = entry(page, 'Only words, no mood.');
  await menuButton(item).focus();
  await page.keyboard.press('ArrowUp');
  await until(async () => (await focusedName(page)) === 'Delete', 'Up opens the menu on its last item');
  await page.keyboard.press('Enter');
  const undo = page.getByRole('button', { name: 'Undo' });
  await until(() => focused(undo), 'focus on Undo');
  assert.ok(await page.getByRole('status').filter({ hasText: 'Entry deleted.' }).isVisible());
  assert.equal(await item.count(), 0);
  await page.keyboard.press('Enter');
  await item.waitFor();
  await until(() => focused(item), 'focus on the entry that came back');
});

test('one menu open at a time; a click outside or Tab closes it', async (t) => {
  const { page } = await journalWith(t);
  const first = menuButton(entry(page, 'The meeting ran late again.'));
  const second = menuButton(entry(page, 'Only words, no mood.'));
  await first.click();
  await page.getByRole('menu').waitFor();
  await second.click();
  await until(async () => (await first.getAttribute('aria-expanded')) === 'false', 'the first menu closes');
  assert.equal(await second.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByRole('menu').count(), 1);
  assert.deepEqual(await page.getByRole('menu').getByRole('menuitem').allTextContents(), ['Edit', 'Bring to next session', 'Delete']);

  await page.getByRole('heading', { level: 2, name: 'Your entries' }).click();
  await page.getByRole('menu').waitFor({ state: 'detached' });
  assert.equal(await second.getAttribute('aria-expanded'), 'false');

  await first.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menu').waitFor();
  await page.keyboard.press('Tab');
  await page.getByRole('menu').waitFor({ state: 'detached' });
  assert.equal(await first.getAttribute('aria-expanded'), 'false');
});

test('a menu opened just above the navigation scrolls into view, every item clear of the bars', async (t) => {
  const { page } = await journalWith(t);
  const button = menuButton(entry(page, 'Only words, no mood.'));
  // Put the button just above the bottom navigation, with room for the first item only.
  const navTop = (await page.getByRole('navigation', { name: 'Main' }).boundingBox()).y;
  const box = await button.boundingBox();
  await page.evaluate((dy) => window.scrollBy(0, dy), box.y + box.height - (navTop - 60));
  const moved = await button.boundingBox();
  assert.ok(Math.abs(moved.y + moved.height - (navTop - 60)) < 2, 'the button sits just above the navigation');
  await button.click();
  await page.getByRole('menu').waitFor();
  for (const name of ['Edit', 'Bring to next session', 'Delete']) {
    const item = page.getByRole('menuitem', { name });
    await until(() => item.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    }), `${name} can be seen and tapped`);
  }
});

test('a thought record has Open, Bring to next session and Delete in its menu', async (t) => {
  const { page } = await openApp(t, 'thought');
  await page.getByLabel('What happened').fill('A friend cancelled our plans');
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  const item = entry(page, 'A friend cancelled our plans');
  await item.waitFor();
  assert.equal(await item.getByRole('button').count(), 1);
  await menuButton(item).click();
  assert.deepEqual(await page.getByRole('menu').getByRole('menuitem').allTextContents(), ['Open', 'Bring to next session', 'Delete']);
  await page.getByRole('menuitem', { name: 'Open' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thought record' }).waitFor();
  assert.equal(await page.getByLabel('What happened').inputValue(), 'A friend cancelled our plans');
  await page.goBack();
  await item.waitFor();
  await menuButton(item).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('status').filter({ hasText: 'Entry deleted.' }).waitFor();
  await page.getByText('Nothing here yet.').waitFor();
});

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe violations on the journal with a menu open (${colorScheme})`, async (t) => {
    const { page } = await journalWith(t, { colorScheme });
    await menuButton(entry(page, 'The meeting ran late again.')).click();
    await page.getByRole('menu').waitFor();
    assert.deepEqual(await axe(page), []);
  });
}

test('at 200 % text on a 320 px screen nothing scrolls sideways and the open menu fits on screen', async (t) => {
  const { page } = await journalWith(t);
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  const item = entry(page, 'The meeting ran late again.');
  const button = menuButton(item);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  for (const name of ['Edit', 'Bring to next session', 'Delete']) {
    const box = await menu.getByRole('menuitem', { name }).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `${name} at ${box.x}-${box.x + box.width} px is on screen`);
    assert.ok(box.height >= 44, `${name} is a large enough target (${box.height} px)`);
  }
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `no sideways scroll (${scrollWidth} > ${clientWidth})`);
  // The last item can be reached and seen.
  await page.keyboard.press('End');
  const del = menu.getByRole('menuitem', { name: 'Delete' });
  assert.ok(await focused(del));
  const box = await del.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `Delete is in view (${box.y} px)`);
});
