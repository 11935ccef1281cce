// The app shell: first visit, landmarks and headings on every screen, navigation,
// the "Get help now" control everywhere, the crisis card's region, the theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, waitForController, appReady, ROUTES, DIST } from './helpers.mjs';

// The navigation keeps five links; Progress (issue 10, item 6) is a real screen, reached
// from Today and Sessions rather than from the navigation.
const NAV_LINKS = ['Today', 'Journal', 'Sessions', 'Coping box', 'Settings'];

async function serve(t) {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  return server;
}

test('first visit renders Today and the service worker takes control', async (t) => {
  const server = await serve(t);
  const { page } = await launch(t, { origin: server.origin });
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  assert.equal(await page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), 'Today');
  assert.equal(await page.title(), 'Today · Between');
});

test('every screen has one h1 in main, the Main navigation and Get help now', async (t) => {
  const server = await serve(t);
  const { page } = await launch(t, { origin: server.origin });
  for (const { path, title } of [...ROUTES, { path: 'progress', title: 'Progress' }, { path: 'no-such-page', title: 'Page not found' }]) {
    await page.goto(server.url + path);
    await appReady(page);
    const main = page.getByRole('main');
    assert.equal(await main.getByRole('heading', { level: 1 }).textContent(), title, path);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, `one h1 on ${path}`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of NAV_LINKS) {
      assert.ok(await nav.getByRole('link', { name, exact: true }).isVisible(), `${name} link on ${path}`);
    }
    assert.deepEqual(await nav.getByRole('link').allTextContents(), NAV_LINKS, `only these links on ${path}`);
    assert.ok(await page.getByRole('link', { name: 'Get help now' }).isVisible(), `help on ${path}`);
  }
});

test('the Main links move between screens and mark the current one', async (t) => {
  const server = await serve(t);
  const { page } = await launch(t, { origin: server.origin });
  await page.goto(server.url);
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Journal', 'Sessions', 'Coping box', 'Settings', 'Today']) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.equal(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current'), 'page');
  }
  assert.equal(new URL(page.url()).pathname, '/');
});

test('Get help now opens the crisis card in one tap from every screen', async (t) => {
  const server = await serve(t);
  const { page } = await launch(t, { origin: server.origin, locale: 'en-US' });
  for (const { path } of [...ROUTES, { path: 'progress' }, { path: 'no-such-page' }]) {
    await page.goto(server.url + path);
    await appReady(page);
    await page.getByRole('link', { name: 'Get help now' }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
    const call = page.getByRole('link', { name: 'Call 988', exact: true });
    assert.equal(await call.getAttribute('href'), 'tel:988', `from ${path || 'Today'}`);
  }
  assert.equal(await page.getByRole('link', { name: 'Text HOME to 741741' }).getAttribute('href'), 'sms:741741?&body=HOME');
  assert.equal(await page.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  assert.ok(await page.getByText('Last checked November 2026').first().isVisible(), 'each line says when it was checked');
});

test('the crisis card follows the browser language and remembers a chosen region', async (t) => {
  const server = await serve(t);
  const { page } = await launch(t, { origin: server.origin, locale: 'en-GB' });
  await page.goto(server.url + 'help');
  await appReady(page);
  assert.equal(await page.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
  assert.equal(await page.getByRole('link', { name: 'Text SHOUT to 85258' }).getAttribute('href'), 'sms:85258?&body=SHOUT');
  assert.equal(await page.getByRole('link', { name: 'Call 999' }).getAttribute('href'), 'tel:999');

  await page.getByLabel('Your region').selectOption({ label: 'Canada' });
  assert.equal(await page.getByRole('link', { name: 'Text CONNECT to 686868' }).getAttribute('href'), 'sms:686868?&body=CONNECT');
  assert.equal(await page.getByRole('link', { name: 'Call 1-800-668-6868' }).getAttribute('href'), 'tel:+18006686868');
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByLabel('Your region').inputValue(), 'ca');
  assert.equal(await page.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');

  await page.getByLabel('Your region').selectOption({ label: 'Another country' });
  await page.getByRole('main').getByText('Call your local emergency number.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Call 112' }).count(), 0, 'no guessed emergency number');
  assert.ok(await page.getByRole('link', { name: 'findahelpline.com' }).isVisible());
  assert.equal(await page.getByRole('link', { name: /^Call 9/ }).count(), 0, 'no other country\'s lines');
});

test('the theme follows the system and a manual choice is remembered', async (t) => {
  const server = await serve(t);
  const { page } = await launch(t, { origin: server.origin, colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.body.parentElement).backgroundColor);
  await page.goto(server.url + 'settings');
  await appReady(page);
  assert.equal(await background(), 'rgb(20, 25, 29)', 'dark, as the system says');
  assert.ok(await page.getByRole('radio', { name: 'Match my device' }).isChecked());
  await page.getByRole('radio', { name: 'Light' }).check();
  assert.equal(await background(), 'rgb(246, 244, 240)');
  await page.reload();
  await appReady(page);
  assert.ok(await page.getByRole('radio', { name: 'Light' }).isChecked());
  assert.equal(await background(), 'rgb(246, 244, 240)', 'the choice outlives a reload');
});
