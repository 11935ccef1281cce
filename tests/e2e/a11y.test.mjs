// axe-core on every screen, light and dark and at 200 % text on a 320 px screen: no serious
// or critical violations. Focus for keyboard and screen-reader users: the skip link, the
// heading after a screen change, Undo after a delete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, appReady, writeEntry, seedEntries, axe, textSize, ROUTES, DIST } from './helpers.mjs';

/// True when `locator` is the focused element.
const focused = (locator) => locator.evaluate((el) => el === document.activeElement);

/// Waits until the focused element is the main heading with this text.
const headingFocused = (page, name) =>
  page.waitForFunction((name) => document.activeElement?.matches('main h1') && document.activeElement.textContent === name, name);

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe violations on any screen (${colorScheme})`, async (t) => {
    const server = await startServer({ root: DIST });
    t.after(server.close);
    const { page } = await launch(t, { origin: server.origin, colorScheme });
    // One entry, so the journal shows a list with its controls.
    await page.goto(server.url + 'journal');
    await appReady(page);
    await writeEntry(page, 'An entry for the checker to look at');
    // Coping cards of several kinds (the starter deck and a person), and a safety plan,
    // so those screens show their lists and controls.
    await page.goto(server.url + 'coping?edit');
    await appReady(page);
    await page.getByRole('button', { name: 'Add the starter cards' }).click();
    await page.getByRole('status').filter({ hasText: 'Starter cards added.' }).waitFor();
    await page.getByLabel('Kind of card').selectOption({ label: 'Person to reach out to' });
    await page.getByLabel('Name', { exact: true }).fill('Sam');
    await page.getByLabel('Phone number').fill('555 0100');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor();
    await page.goto(server.url + 'safety-plan');
    await appReady(page);
    const signs = page.getByRole('region', { name: '1. Warning signs' });
    await signs.getByLabel('A warning sign').fill('Not sleeping');
    await signs.getByRole('button', { name: 'Add' }).click();
    await signs.getByRole('listitem').filter({ hasText: 'Not sleeping' }).waitFor();
    const found = [];
    for (const { path } of [...ROUTES, { path: 'no-such-page' }]) {
      await page.goto(server.url + path);
      await appReady(page);
      await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
      found.push(...(await axe(page)).map((v) => `/${path}: ${v}`));
    }
    assert.deepEqual(found, []);
  });
}

test('no serious or critical axe violations on any screen at 200 % text on a 320 px screen', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  await writeEntry(page, 'An entry for the checker to look at, at large text');
  const found = [];
  for (const { path } of [...ROUTES, { path: 'no-such-page' }]) {
    await page.goto(server.url + path);
    await appReady(page);
    await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
    found.push(...(await axe(page)).map((v) => `/${path}: ${v}`));
    // What axe does not judge: the page must not need sideways scrolling to be read.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (wide > 0) found.push(`/${path}: ${wide} px wider than the screen`);
  }
  // Patterns with the numbers behind every part shown.
  const day = 24 * 3600 * 1000;
  await seedEntries(page, Array.from({ length: 12 }, (_, i) => ({ at: Date.now() - i * day, mood: 1 + (i % 5), text: `Day ${i}` })));
  await page.goto(server.url + 'patterns');
  await appReady(page);
  const show = page.getByRole('button', { name: /^Show (.* )?as a table$/ });
  await show.first().waitFor();
  while (await show.count()) await show.first().click();
  await page.getByRole('table', { name: /^Average mood/ }).waitFor();
  found.push(...(await axe(page)).map((v) => `/patterns with tables shown: ${v}`));
  assert.deepEqual(found, []);
});

test('after a screen change focus is on the new heading; the first screen leaves focus alone', async (t) => {
  const { page } = await openApp(t, '');
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.waitForTimeout(200);
  assert.ok(!(await focused(main.getByRole('heading', { level: 1 }))), 'a first visit does not move focus');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Journal', exact: true }).click();
  const journal = main.getByRole('heading', { level: 1, name: 'Journal' });
  await journal.waitFor();
  await headingFocused(page, 'Journal');
  assert.ok(await focused(journal), 'focus is on the Journal heading');
  // The next Tab reaches the screen's first control, not the header.
  await page.keyboard.press('Tab');
  assert.ok(await focused(main.getByRole('link', { name: 'New entry' })), 'Tab goes on to New entry');

  // By keyboard, and back with the browser's Back button.
  await nav.getByRole('link', { name: 'Settings', exact: true }).focus();
  await page.keyboard.press('Enter');
  await main.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await headingFocused(page, 'Settings');
  await page.goBack();
  await journal.waitFor();
  await headingFocused(page, 'Journal');
  assert.ok(await focused(journal), 'focus is on the Journal heading after Back');
});

test('the first Tab reaches "Skip to content", which moves focus to the screen without leaving it', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.ok(await focused(skip), 'the first Tab stop is Skip to content');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0 && box.height > 0, 'and it can be seen when focused');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.equal(page.url(), server.url + 'journal', 'the address is unchanged');
  assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)), 'focus is in the main content');
  await page.keyboard.press('Tab');
  assert.ok(await focused(main.getByRole('link', { name: 'New entry' })), 'the next Tab reaches the first control of the screen, not the header');
});

test('after Delete, focus is on Undo, the screen says what happened, and after Undo focus is on the entry', async (t) => {
  const { page } = await openApp(t, 'write');
  await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Okay' }).check();
  await page.getByLabel("What's on your mind?").fill('An entry to delete and bring back');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  const entry = page.getByRole('region', { name: 'Your entries' }).getByRole('listitem')
    .filter({ hasText: 'An entry to delete and bring back' });
  await entry.getByRole('button', { name: /^Actions for the entry of / }).click();
  await entry.getByRole('menuitem', { name: 'Delete' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
  assert.ok(await focused(undo), 'focus is on Undo');
  assert.ok(await page.getByRole('status').filter({ hasText: 'Entry deleted.' }).isVisible());
  // Undo by keyboard brings the entry back, and focus goes with it.
  await page.keyboard.press('Enter');
  await entry.waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('li') && document.activeElement.textContent.includes('An entry to delete and bring back'));
  assert.ok(await focused(entry), 'focus is on the entry that came back');
});
