// Help never waits, never guesses silently (issue 7, points 2, 3 and 19): the region
// from the browser language only when it names a listed country, and saying so when
// it was guessed; the static help page before the app, offline and when the app
// cannot start; a plain message when the app stops; the emergency number on the
// first screen; each person once; the pacer's Start on the first screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, appReady, waitForController, axe, DIST } from './helpers.mjs';

/// Whether an element is wholly inside the viewport, as it is, without scrolling.
async function inFirstScreen(page, locator) {
  const box = await locator.boundingBox();
  const { width, height, scrolled } = await page.evaluate(() => ({
    width: window.innerWidth, height: window.innerHeight, scrolled: window.scrollY,
  }));
  assert.equal(scrolled, 0, 'the page has not scrolled');
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

test('es-419 names no country: the general card, no guessed 112, and a request to choose', async (t) => {
  const { page } = await openApp(t, 'help', { locale: 'es-419' });
  const main = page.getByRole('main');
  await main.getByText('Call your local emergency number.').waitFor();
  assert.ok(await inFirstScreen(page, main.getByText('Call your local emergency number.')));
  const directory = main.getByRole('link', { name: 'findahelpline.com' });
  assert.equal(await directory.getAttribute('href'), 'https://findahelpline.com');
  assert.equal(await main.getByRole('link', { name: /^Call 112/ }).count(), 0, 'no big 112 button');
  assert.equal(await main.getByRole('link', { name: /^Call \d/ }).count(), 0, 'no country\'s numbers are guessed');
  assert.equal(await main.getByRole('link', { name: 'Call 024' }).count(), 0, 'not Spain\'s line');
  await main.getByText("We don't know which country you're in.", { exact: false }).waitFor();

  await main.getByRole('button', { name: 'Choose my country' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'region', 'the picker has focus');
  await page.getByLabel('Your region').selectOption({ label: 'Mexico' });
  assert.equal(await main.getByRole('link', { name: 'Call 800 911 2000' }).getAttribute('href'), 'tel:8009112000');
  assert.equal(await main.getByText("We don't know which country you're in.", { exact: false }).count(), 0);
});

test('en-US: the card says the lines were guessed; Change reaches the picker; choosing the UK keeps it', async (t) => {
  const { page } = await openApp(t, 'help', { locale: 'en-US' });
  const main = page.getByRole('main');
  const notice = main.getByText('Showing lines for the United States.');
  await notice.waitFor();
  assert.equal(await main.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');

  await main.getByRole('button', { name: 'Change', exact: true }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'region', 'Change moves focus to the picker');
  await page.getByLabel('Your region').selectOption({ label: 'United Kingdom' });
  await main.getByRole('heading', { name: 'Samaritans' }).waitFor();
  assert.equal(await main.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
  assert.equal(await notice.count(), 0, 'a chosen region is no longer a guess');
  assert.equal(await main.getByText(/^Showing lines for/).count(), 0);

  await page.reload();
  await appReady(page);
  await main.getByRole('link', { name: 'Call 116 123' }).waitFor();
  assert.equal(await main.getByText(/^Showing lines for/).count(), 0, 'still chosen after a reload');
});

test('es-MX shows Mexico\'s line, with its own last-checked date', async (t) => {
  const { page } = await openApp(t, 'help', { locale: 'es-MX' });
  const main = page.getByRole('main');
  const line = main.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Línea de la Vida' }) });
  assert.equal(await line.getByRole('link', { name: 'Call 800 911 2000' }).getAttribute('href'), 'tel:8009112000');
  await line.getByText('Last checked 27 November 2026').waitFor();
  await line.getByText('Free, any time', { exact: false }).waitFor();
  assert.equal(await main.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  await main.getByText('Showing lines for Mexico.').waitFor();
  assert.equal(await main.getByRole('link', { name: 'Call 024' }).count(), 0);
});

test('the crisis card shows the emergency number on the first screen at 320x640 and 412x860', async (t) => {
  const { page, server } = await openApp(t, 'help', { locale: 'en-US' });
  for (const [width, height] of [[320, 640], [412, 860]]) {
    await page.setViewportSize({ width, height });
    await page.goto(server.url + 'help');
    await appReady(page);
    const call = page.getByRole('main').getByRole('link', { name: 'Call 911' });
    await call.waitFor();
    assert.ok(await inFirstScreen(page, call), `Call 911 in the first screen at ${width}x${height}`);
    assert.ok(await inFirstScreen(page, page.getByRole('main').getByRole('button', { name: 'Change', exact: true })), 'and the notice');
  }
  // With two numbers, both are there.
  await page.getByLabel('Your region').selectOption({ label: 'United Kingdom' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize({ width: 320, height: 640 });
  assert.ok(await inFirstScreen(page, page.getByRole('main').getByRole('link', { name: 'Call 999' })));
  assert.ok(await inFirstScreen(page, page.getByRole('main').getByRole('link', { name: 'Call 112' })));
});

test('the item 9 help says the lines were guessed, with Change', async (t) => {
  const { page } = await openApp(t, 'checkin?q=phq9', { locale: 'en-US' });
  const groups = page.getByRole('radiogroup');
  await groups.nth(8).waitFor();
  for (let i = 0; i < 8; i++) await groups.nth(i).getByRole('radio', { name: 'Not at all' }).check();
  await groups.nth(8).getByRole('radio', { name: 'Several days' }).check();
  const notice = page.getByText('Showing lines for the United States.');
  // Help appears as item 9 is answered (or, at the latest, with the result).
  if (!(await notice.isVisible())) await page.getByRole('button', { name: 'See my result' }).click();
  await notice.waitFor();
  assert.equal(await page.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'region');
  await page.getByLabel('Your region').selectOption({ label: 'Canada' });
  await page.getByRole('link', { name: 'Text CONNECT to 686868' }).waitFor();
  assert.equal(await notice.count(), 0);
});

test('help.html opens offline from the precache, every line a tel: or sms: link, readable at 320 px', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin, colorScheme: 'dark' });
  await page.goto(server.url);
  await appReady(page);
  // While the app loads, index.html links to it; once mounted the line is gone.
  assert.equal(await page.getByRole('link', { name: 'See crisis lines' }).count(), 0, 'hidden once the app is up');
  await waitForController(page);
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);

  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url + 'help.html');
  await page.getByRole('heading', { level: 1, name: 'Crisis lines' }).waitFor();
  const us = page.getByRole('region', { name: 'United States' });
  assert.equal(await us.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');
  assert.equal(await us.getByRole('link', { name: 'Text HOME to 741741' }).getAttribute('href'), 'sms:741741?&body=HOME');
  assert.equal(await us.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  const uk = page.getByRole('region', { name: 'United Kingdom' });
  assert.equal(await uk.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
  const chile = page.getByRole('region', { name: 'Chile' });
  assert.equal(await chile.getByRole('link', { name: 'Call *4141' }).getAttribute('href'), 'tel:*4141');
  await chile.getByText('dial *4141 by hand', { exact: false }).waitFor();
  const turkey = page.getByRole('region', { name: 'Turkey' });
  assert.equal(await turkey.getByRole('link', { name: 'Call 112' }).getAttribute('href'), 'tel:112');
  await turkey.getByRole('link', { name: 'findahelpline.com' }).waitFor();
  const links = await page.locator('a[href^="tel:"], a[href^="sms:"]').count();
  assert.ok(links > 80, `${links} call and text links`);
  assert.equal(await page.evaluate(() => document.scripts.length), 0, 'no script');
  assert.equal(await page.getByRole('link', { name: 'Back to Between' }).first().getAttribute('href'), './');
  // Styled (help.css, from the precache too), dark as the system asks, no sideways scroll.
  const look = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    bg: getComputedStyle(document.body).backgroundColor,
  }));
  assert.ok(look.scroll <= 320, `no horizontal scroll (${look.scroll})`);
  assert.equal(look.bg, 'rgb(20, 25, 29)', 'the dark background from help.css');
  assert.deepEqual(await axe(page), [], 'help.html passes axe in dark');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await axe(page), [], 'and in light');
});

test('on a slow network the help link shows while the app loads, and goes once it has started', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page } = await launch(t, { origin: server.origin });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  const help = page.getByRole('link', { name: 'See crisis lines' });
  await help.waitFor();
  assert.equal(await help.getAttribute('href'), 'help.html');
  assert.ok(await page.getByText('Opening Between…').isVisible());
  assert.ok(await inFirstScreen(page, help));
  release();
  await appReady(page);
  await help.waitFor({ state: 'hidden' });
  assert.equal(await page.getByText('Opening Between…').isVisible(), false);
  assert.ok(await page.getByRole('link', { name: 'Get help now' }).isVisible(), 'help stays one tap away');
  // Let the worker finish installing before the server stops, or its fetch fails.
  await waitForController(page);
});

test('with the .wasm blocked, index.html says Between could not start and links to help.html, which opens', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page } = await launch(t, {
    origin: server.origin,
    allowErrors: [/Failed to load resource/, /ERR_FAILED/],
  });
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(server.url);
  const help = page.getByRole('link', { name: 'See crisis lines' });
  await help.waitFor();
  await page.getByText('Between could not start in this browser.', { exact: false }).waitFor();
  assert.equal(await page.getByText('Opening Between…').isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'the app did not start');
  assert.deepEqual(await axe(page), []);
  await help.click();
  await page.getByRole('heading', { level: 1, name: 'Crisis lines' }).waitFor();
  assert.equal(
    await page.getByRole('region', { name: 'United States' }).getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'),
    'tel:988',
  );
});

test('a panic shows a plain message and the help link, never a blank page', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page } = await launch(t, {
    origin: server.origin,
    allowErrors: [/Between stopped/, /unreachable/i, /panic/i],
  });
  await page.goto(server.url + '?panic-test');
  const message = page.getByText('Something went wrong and Between stopped. Your entries are safe on this device. Reload the page to try again.');
  await message.waitFor();
  const help = page.getByRole('link', { name: 'See crisis lines' });
  assert.ok(await help.isVisible());
  assert.equal(await help.getAttribute('href'), 'help.html');
  assert.ok(await inFirstScreen(page, message), 'the message covers the stopped app');
  assert.deepEqual(await axe(page), []);
  await help.click();
  await page.getByRole('heading', { level: 1, name: 'Crisis lines' }).waitFor();

  // Without the test switch the app starts as usual, and the message is gone.
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.getByText('Something went wrong and Between stopped.', { exact: false }).isVisible(), false);
});

test('a person in both the coping box and the safety plan shows once on the crisis card', async (t) => {
  const { page, server } = await openApp(t, 'coping?edit', { locale: 'en-GB' });
  await page.getByRole('button', { name: 'No thanks' }).click();
  await page.getByLabel('Kind of card').selectOption({ label: 'Person to reach out to' });
  await page.getByLabel('Name', { exact: true }).fill('Jo');
  await page.getByLabel('Phone number').fill('07700 900123');
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor();

  await page.goto(server.url + 'safety-plan');
  await appReady(page);
  const step = page.getByRole('region', { name: '4. People I can ask for help' });
  await step.getByLabel('Name', { exact: true }).fill('Jo, my sister');
  await step.getByLabel('Phone (optional)').fill('07700 900-123');
  await step.getByRole('button', { name: 'Add' }).click();
  await step.getByRole('listitem').filter({ hasText: 'Jo, my sister' }).waitFor();

  await page.goto(server.url + 'help');
  await appReady(page);
  const people = page.getByRole('region', { name: 'My people' });
  await people.getByRole('link', { name: 'Call Jo' }).waitFor();
  assert.equal(await people.getByRole('link', { name: /^Call / }).count(), 1, 'one person, one call button');
  assert.equal(await people.getByRole('listitem').count(), 1);
});

test('I\'m struggling: the pacer\'s Start is on the first screen at 412x860', async (t) => {
  const { page } = await openApp(t, 'struggling');
  await page.getByRole('button', { name: 'Breathe with me' }).click();
  const panel = page.getByRole('region', { name: 'Breathe with me' });
  const start = panel.getByRole('button', { name: 'Start' });
  await start.waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok(await inFirstScreen(page, start), 'Start without scrolling');
});
