// Nothing leaves the origin: the CSP allows no other origin, and a walk through
// every screen makes no request elsewhere. (Every test's browser also fails on any
// foreign request: see helpers.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, appReady, waitForController, writeEntry, ROUTES, DIST } from './helpers.mjs';

test('the Content-Security-Policy allows only the app\'s own origin', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  // The hashes of the inline scripts: Trunk's loader and the base finder (tools/precache.mjs).
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
  assert.doesNotMatch(csp, /https?:|\*|unsafe-inline|(?<!wasm-)unsafe-eval/);
  // No file of the build loads anything from elsewhere.
  for (const name of readdirSync(DIST).filter((f) => /\.(html|css|js|webmanifest)$/.test(f))) {
    // A link a person may tap to the helpline directory is not a load; nothing else may
    // point elsewhere.
    const text = readFileSync(join(DIST, name), 'utf8').replace(/<a [^>]*href="https:\/\/findahelpline\.com\/?"/g, '<a');
    assert.doesNotMatch(text, /(src|href)=["']?(https?:)?\/\//, name);
    assert.doesNotMatch(text, /url\(\s*["']?(https?:)?\/\//, name);
  }
});

test('using every screen makes no request to another origin and breaks no CSP rule', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, requests, errors, close } = await launch(t, { origin: server.origin });
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  await page.goto(server.url + 'journal');
  await appReady(page);
  await writeEntry(page, 'Nothing of this leaves the device');
  for (const { path } of ROUTES) {
    await page.goto(server.url + path);
    await appReady(page);
  }
  assert.ok(requests.length > 5, 'requests were recorded');
  assert.deepEqual(errors, []);
  await close();
});
