// Hosts as they are: one that redirects index.html (Cloudflare Pages), addresses
// deeper than the app's own links (journal/, journal/x), and two copies of Between on
// one origin. Each must open the app, online on a first visit and offline after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, launch, waitForController, appReady, copyDist, makeNewBuild, DIST, ROOT } from './helpers.mjs';

const heading = (page, name) => page.getByRole('heading', { level: 1, name });

// Stops the host and the network, once what the page was fetching is done.
async function goOffline(page, context, server) {
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);
}

test('a host that redirects its pages (index.html to ./) still opens the app, online and offline', async (t) => {
  // A static page of the build besides the app, as the host would redirect it too.
  const dir = copyDist();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'extra.html'), '<!doctype html><html lang="en"><title>Extra</title>'
    + '<link rel="icon" href="icons/icon.svg"><h1>A page of its own</h1></html>');
  execFileSync('node', [join(ROOT, 'tools/precache.mjs'), dir]);
  const server = await startServer({ root: dir, redirectIndex: true });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  // The host does redirect, as Cloudflare Pages does.
  for (const [name, to] of [['index.html', './'], ['extra.html', './extra']]) {
    const direct = await page.request.get(server.url + name, { maxRedirects: 0 });
    assert.equal(direct.status(), 308);
    assert.equal(direct.headers().location, to);
  }

  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  await heading(page, 'Today').waitFor();

  // Now the worker answers: online, then with the host gone.
  await page.reload();
  await appReady(page);
  await heading(page, 'Today').waitFor();
  await goOffline(page, context, server);
  await page.reload();
  await appReady(page);
  await heading(page, 'Today').waitFor();
  await page.goto(server.url + 'help');
  await page.getByRole('link', { name: 'Call 988', exact: true }).waitFor();
  // The redirected page was kept as a plain copy: a browser refuses a redirected
  // response as the answer to a navigation.
  await page.goto(server.url + 'extra.html');
  await heading(page, 'A page of its own').waitFor();
});

for (const prefix of ['', '/between']) {
  test(`a deep address opens its screen, on a first visit and offline (${prefix || 'root'})`, async (t) => {
    const server = await startServer({ root: DIST, prefix });
    t.after(server.close);
    const { page, context } = await launch(t, { origin: server.origin });

    // First visit, no worker yet: the host answers journal/ with its 404.html.
    const response = await page.goto(server.url + 'journal/');
    assert.equal(response.status(), 404);
    await appReady(page);
    await heading(page, 'Journal').waitFor();
    // Links still point where the app is hosted, not under journal/.
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Settings' }).getAttribute('href'), `${prefix}/settings`);
    await waitForController(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(scope, server.url);

    // Another person's first visit, deeper still: the app opens on "Page not found".
    const other = await launch(t, { origin: server.origin });
    assert.equal((await other.page.goto(server.url + 'journal/x')).status(), 404);
    await heading(other.page, 'Page not found').waitFor();
    await other.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await heading(other.page, 'Journal').waitFor();
    assert.equal(new URL(other.page.url()).pathname, `${prefix}/journal`);
    await other.close();

    // With the worker in control, online and then offline.
    await page.goto(server.url + 'journal/x');
    await heading(page, 'Page not found').waitFor();
    await goOffline(page, context, server);
    await page.goto(server.url + 'journal/');
    await appReady(page);
    await heading(page, 'Journal').waitFor();
    await page.goto(server.url + 'journal/x');
    await heading(page, 'Page not found').waitFor();
    await page.goto(server.url + 'a/b/c');
    await heading(page, 'Page not found').waitFor();
    // From there, the app's own links still lead to its screens.
    await page.getByRole('link', { name: 'Get help now' }).click();
    await page.getByRole('link', { name: 'Call 988', exact: true }).waitFor();
    assert.equal(new URL(page.url()).pathname, `${prefix}/help`);
  });
}

test('two copies on one origin keep their own caches and both open offline', async (t) => {
  // Two different builds, as a practice's live copy and its test copy would be.
  const live = copyDist();
  const trial = copyDist();
  t.after(() => [live, trial].forEach((d) => rmSync(d, { recursive: true, force: true })));
  makeNewBuild(trial, 'test copy');
  const server = await startServer({
    mounts: [{ prefix: '/between', root: live }, { prefix: '/between-test', root: trial }],
  });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  const first = page;
  await first.goto(server.urls['/between']);
  await appReady(first);
  await waitForController(first);
  // The second copy installs and activates after the first.
  const second = await context.newPage();
  await second.goto(server.urls['/between-test']);
  await appReady(second);
  await waitForController(second);
  const names = await second.evaluate(() => caches.keys());
  assert.equal(names.length, 2, `one cache per copy: ${names}`);

  await first.waitForLoadState('networkidle');
  await goOffline(second, context, server);
  for (const [tab, url] of [[first, server.urls['/between']], [second, server.urls['/between-test']]]) {
    await tab.goto(url);
    await appReady(tab);
    await heading(tab, 'Today').waitFor();
    await tab.goto(url + 'help');
    await tab.getByRole('link', { name: 'Call 988', exact: true }).waitFor();
  }
});

test('caches named before scoped names: only the one holding this copy\'s page is removed', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  // A blank page of the origin that is not the app leaves what an older build left.
  await context.route(server.origin + '/blank', (route) => route.fulfill({
    contentType: 'text/html', body: '<!doctype html><title>blank</title><link rel="icon" href="data:,">',
  }));
  await page.goto(server.origin + '/blank');
  await page.evaluate(async (origin) => {
    await (await caches.open('between-aaaaaaaaaaaa')).put(origin + '/index.html', new Response('this copy, older'));
    await (await caches.open('between-bbbbbbbbbbbb')).put(origin + '/between-test/index.html', new Response('another copy'));
  }, server.origin);
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  const names = await page.evaluate(() => caches.keys());
  assert.ok(!names.includes('between-aaaaaaaaaaaa'), 'this copy\'s older cache is gone');
  assert.ok(names.includes('between-bbbbbbbbbbbb'), 'the other copy\'s cache is kept');
  assert.equal(names.length, 2);
});
