// My week (issue 11, item 5): the week at a glance, each day with its entries and their
// moods in words, moved by keyboard alone; the week starts on the locale's first day.
// Also axe (light and dark) and 200 % text on a 320 px screen for Today, Welcome and
// My week. Offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openOffline, openApp, appReady, seedEntries, axe, textSize } from './helpers.mjs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/// The range of the week `offset` weeks from this one, as the heading says it, for a
/// week starting on `firstDay` (0 Sunday … 6 Saturday), in the browser's local dates.
async function rangeOf(page, offset, firstDay) {
  const [a, b] = await page.evaluate(({ offset, firstDay }) => {
    const d = new Date();
    const start = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() - firstDay + 7) % 7) + 7 * offset, 12);
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6, 12);
    return [[start.getFullYear(), start.getMonth(), start.getDate()], [end.getFullYear(), end.getMonth(), end.getDate()]];
  }, { offset, firstDay });
  if (a[0] !== b[0]) return `${a[2]} ${MONTHS[a[1]]} ${a[0]} – ${b[2]} ${MONTHS[b[1]]} ${b[0]}`;
  if (a[1] !== b[1]) return `${a[2]} ${MONTHS[a[1]]} – ${b[2]} ${MONTHS[b[1]]} ${b[0]}`;
  return `${a[2]}–${b[2]} ${MONTHS[b[1]]} ${b[0]}`;
}

/// Presses Tab until `locator` has focus (at most 80 times): the keyboard's way there.
async function tabTo(page, locator) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach it with Tab');
}

test('the week by keyboard only: next and previous, the heading says the range, entries on their day with their mood', async (t) => {
  const { page, server } = await openOffline(t, 'journal');
  const noon = await page.evaluate(() => { const d = new Date(); d.setHours(12, 0, 0, 0); return d.getTime(); });
  const day = 24 * 3600 * 1000;
  await seedEntries(page, [
    { id: 'today', at: noon, mood: 4, text: 'A good day' },
    { id: 'last-week', at: noon - 7 * day, mood: 1, text: 'A hard day' },
  ]);
  await page.goto(server.url + 'week');
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'My week' }).waitFor();
  // en-US weeks start on Sunday.
  const range = page.getByRole('main').getByRole('heading', { level: 2 });
  assert.equal((await range.textContent()).trim(), await rangeOf(page, 0, 0));
  const days = page.getByRole('main').getByRole('heading', { level: 3 });
  assert.equal(await days.count(), 7);
  assert.match(await days.first().textContent(), /^Sunday/);
  const today = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /\(today\)$/ }) });
  await today.getByRole('link', { name: /^\d{1,2}:\d{2}.*: Good$/ }).waitFor();

  // The week itself takes the keys.
  const week = page.getByRole('region', { name: await rangeOf(page, 0, 0) });
  await tabTo(page, week);
  await page.keyboard.press('ArrowRight');
  await range.filter({ hasText: await rangeOf(page, 1, 0) }).waitFor();
  assert.equal(await today.count(), 0, 'next week has no today');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('PageUp');
  await range.filter({ hasText: await rangeOf(page, -1, 0) }).waitFor();
  await page.getByRole('main').getByRole('link', { name: /: Very low$/ }).waitFor();
  assert.equal(await page.getByRole('main').getByRole('link', { name: /: Good$/ }).count(), 0);
  await page.keyboard.press('PageDown');
  await range.filter({ hasText: await rangeOf(page, 0, 0) }).waitFor();
  // The heading is announced when it changes.
  assert.equal(await range.getAttribute('aria-live'), 'polite');

  // And the buttons, reached and pressed by keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Next week' }));
  await page.keyboard.press('Enter');
  await range.filter({ hasText: await rangeOf(page, 1, 0) }).waitFor();
  await tabTo(page, page.getByRole('button', { name: 'This week' }));
  await page.keyboard.press('Enter');
  await range.filter({ hasText: await rangeOf(page, 0, 0) }).waitFor();
  await tabTo(page, page.getByRole('button', { name: 'Previous week' }));
  await page.keyboard.press('Enter');
  await range.filter({ hasText: await rangeOf(page, -1, 0) }).waitFor();

  // The entry's link opens it.
  await tabTo(page, page.getByRole('main').getByRole('link', { name: /: Very low$/ }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Edit entry' }).waitFor();
});

test('a week starts on Monday in the United Kingdom, and Today and the journal lead to it', async (t) => {
  const { page } = await openOffline(t, '', { locale: 'en-GB' });
  await page.getByRole('main').getByRole('link', { name: 'My week' }).click();
  await page.getByRole('heading', { level: 1, name: 'My week' }).waitFor();
  const days = page.getByRole('main').getByRole('heading', { level: 3 });
  assert.match(await days.first().textContent(), /^Monday/);
  assert.equal((await page.getByRole('main').getByRole('heading', { level: 2 }).textContent()).trim(), await rangeOf(page, 0, 1));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('main').getByRole('link', { name: 'My week' }).click();
  await page.getByRole('heading', { level: 1, name: 'My week' }).waitFor();
});

const SCREENS = [
  { path: '', title: 'Today', firstRun: false },
  { path: 'week', title: 'My week', firstRun: false },
  { path: 'welcome', title: 'Welcome', firstRun: true },
];

for (const colorScheme of ['light', 'dark']) {
  test(`Today, Welcome and My week: no serious or critical axe violations (${colorScheme})`, async (t) => {
    const { page, server } = await openApp(t, 'journal', { colorScheme });
    await seedEntries(page, [{ at: Date.now() - 3600_000, mood: 2, text: 'An entry' }]);
    const found = [];
    for (const { path, title } of SCREENS) {
      await page.goto(server.url + path);
      await appReady(page);
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      if (path === '') {
        // After a check-in, with its message and buttons.
        await page.getByRole('button', { name: 'Okay', exact: true }).click();
        await page.getByRole('link', { name: 'Add more' }).waitFor();
      }
      found.push(...(await axe(page)).map((v) => `/${path}: ${v}`));
    }
    assert.deepEqual(found, []);
  });
}

test('Today, Welcome and My week at 200 % text on a 320 px screen: no sideways scroll', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  await seedEntries(page, [{ at: Date.now() - 3600_000, mood: 5, text: 'An entry' }]);
  const problems = [];
  for (const { path, title } of SCREENS) {
    await page.goto(server.url + path);
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    if (path === '') {
      await page.getByRole('button', { name: 'Very good', exact: true }).click();
      await page.getByRole('link', { name: 'Add more' }).waitFor();
    }
    await page.waitForTimeout(150);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
    }));
    if (scrollWidth > clientWidth) problems.push(`/${path}: scrolls sideways (${scrollWidth} > ${clientWidth})`);
  }
  assert.deepEqual(problems, []);
});
