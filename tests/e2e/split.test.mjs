// Issue 8, section 1: each feature's screens are their own wasm file, fetched when one
// of them first opens, precached by the service worker so every screen also opens
// offline, and a fetch that fails shows a plain message with a retry and help, never
// a stop. Today, the journal and the crisis card are in the main file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { startServer, launch, openApp, waitForController, appReady, ROUTES, DIST } from './helpers.mjs';

/// Every wasm file of the build but the main one: the feature chunks (split_*) and the
/// code some of them share (chunk_*).
const chunks = () => {
  const found = readdirSync(DIST).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f));
  assert.ok(found.some((f) => f.startsWith('split_')), 'the build has feature chunks');
  return found;
};

test('the worker precaches every chunk, and every screen opens offline in a fresh page', async (t) => {
  const all = chunks();
  const { page, context, server } = await openApp(t);
  await waitForController(page);
  await page.waitForLoadState('networkidle');

  // The worker precached every file of the build, chunks included, without any
  // screen but Today having been opened.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(r.url);
    return urls;
  });
  for (const c of all) assert.ok(cached.some((u) => u.endsWith(c)), `${c} is precached`);

  await server.close();
  await context.setOffline(true);
  for (const { path, title } of ROUTES) {
    const fresh = await context.newPage();
    await fresh.goto(server.url + path);
    await fresh.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    await fresh.close();
  }
});

test('Today fetches no chunk, Patterns its own; a failed fetch says so, keeps help in reach, and a retry opens the screen', async (t) => {
  const all = chunks();
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context, requests } = await launch(t, {
    origin: server.origin,
    // The blocked worker, and the loader logging the failed fetch; the app must not stop.
    allowErrors: [/error occurred when fetching the script/, /Failed to fetch|net::ERR_FAILED|TypeError/],
  });
  // No worker: every request is the page's own.
  await context.route('**/sw.js', (route) => route.abort());
  const fetched = () => all.filter((c) => requests.some((u) => u.endsWith(c)));
  await page.goto(server.url);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(fetched(), [], 'Today fetches no chunk');

  let block = true;
  await context.route(/split_.*\.wasm/, (route) => (block ? route.abort() : route.continue()));
  await page.goto(server.url + 'patterns');
  await appReady(page);
  await page.getByRole('alert').filter({ hasText: 'This screen could not open' }).waitFor();
  assert.equal(await page.locator('#boot').getAttribute('data-state'), 'mounted', 'the app did not stop');
  await page.getByRole('link', { name: 'Get help now' }).first().waitFor();

  block = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Since my last session' }).waitFor();
  assert.ok(fetched().some((c) => c.startsWith('split_patterns-')), 'the Patterns chunk was fetched');
  assert.ok(!fetched().some((c) => c.startsWith('split_care-')), 'not the coping box and safety plan chunk');
});
