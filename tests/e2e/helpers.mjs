// Shared set-up for the end-to-end tests: a static server on dist/ (or a copy), a
// fresh Chromium profile per test, and a watch on every request and console error.
import { mkdtempSync, rmSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ROUTES = [
  { path: '', title: 'Today' },
  { path: 'journal', title: 'Journal' },
  { path: 'sessions', title: 'Sessions' },
  { path: 'coping', title: 'Coping box' },
  { path: 'settings', title: 'Settings' },
  { path: 'help', title: 'Get help now' },
  { path: 'write', title: 'New entry' },
  { path: 'thought', title: 'Thought record' },
  { path: 'trash', title: 'Recently deleted' },
  { path: 'patterns', title: 'Patterns' },
  { path: 'checkins', title: 'Check-ins' },
  { path: 'checkin?q=phq9', title: 'PHQ-9' },
  { path: 'struggling', title: "I'm struggling" },
  { path: 'safety-plan', title: 'My safety plan' },
  { path: 'after-session', title: 'After a session' },
  { path: 'homework', title: 'Homework' },
  { path: 'homework-link', title: 'Make a homework link' },
  { path: 'progress', title: 'Progress' },
  { path: 'prepare', title: 'Prepare for my session' },
  { path: 'look-forward', title: 'Look forward' },
  { path: 'rest', title: 'Rest and self-care' },
  { path: 'week', title: 'My week' },
  { path: 'welcome', title: 'Welcome' },
  { path: 'backup', title: 'Backup and export' },
];

export { startServer };

/// A copy of dist/ in a temporary folder, for tests that change what is hosted.
export function copyDist(into = mkdtempSync(join(tmpdir(), 'between-dist-'))) {
  cpSync(DIST, into, { recursive: true });
  return into;
}

/// Launches Chromium with a fresh profile. Every request is recorded, and `close()`
/// fails the test if any went to another origin or the page logged an error
/// (a CSP violation, an uncaught panic) that the test did not expect.
/// A fresh profile opens Today, not the first-run Welcome, unless `firstRun` (the
/// welcome's own tests): every other test starts as a person who has been welcomed.
export async function launch(t, { origin, locale = 'en-US', timezoneId, colorScheme = 'light', reducedMotion = 'no-preference', allowErrors = [], firstRun = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'between-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale,
    timezoneId,
    colorScheme,
    reducedMotion,
    viewport: { width: 412, height: 860 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  if (!firstRun) await context.addInitScript(WELCOMED);
  const requests = [];
  const errors = [];
  const watch = (page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // A deep link before the service worker is installed is answered by the
      // host's 404.html fallback with status 404: expected, and the app still opens.
      const url = m.location().url || '';
      const deepLink = /status of 404/.test(m.text()) && !/\.[a-z0-9]+$/i.test(new URL(url || 'http://x/').pathname);
      if (!deepLink) errors.push(`${m.text()} (${url})`);
    });
    page.on('pageerror', (e) => errors.push(String(e)));
  };
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', watch);
  context.pages().forEach(watch);
  const page = context.pages()[0] || (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    const foreign = requests.filter((u) => !isOwnOrigin(u, origin));
    assert.deepEqual(foreign, [], 'no request may leave the app\'s origin');
    const unexpected = errors.filter((e) => !allowErrors.some((re) => re.test(e)));
    assert.deepEqual(unexpected, [], 'the page logged errors');
  };
  t.after(close);
  return { context, page, requests, errors, close };
}

/// Sets the preference the first-run Welcome leaves (src/store/prefs.rs), on every
/// page before the app reads it.
export const WELCOMED = () => {
  try { localStorage.setItem('between.welcomed', 'true'); } catch { /* about:blank */ }
};

function isOwnOrigin(url, origin) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  return origin ? url.startsWith(origin + '/') || url === origin : true;
}

/// Makes IndexedDB refuse writes the way a full disk does, while the page sets
/// `window.__diskFull = true` (tests toggle it with page.evaluate).
export async function simulateFullDisk(context) {
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
}

/// Serves dist/, opens a fresh browser on `path` and waits for the app to be up.
export async function openApp(t, path = '', options = {}) {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const browser = await launch(t, { origin: server.origin, ...options });
  await browser.page.goto(server.url + path);
  await appReady(browser.page);
  return { server, ...browser };
}

/// Opens `path` once online, waits for the service worker to take control, then stops
/// the server and takes the browser offline and reloads: the installed app with no
/// network and no host, as a person on a train has it.
export async function openOffline(t, path = '', options = {}) {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const browser = await launch(t, { origin: server.origin, ...options });
  const { page, context } = browser;
  await page.goto(server.url + path);
  await appReady(page);
  await waitForController(page);
  // Let anything in flight (the manifest's icons) finish before the host goes away.
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  return { server, ...browser };
}

/// The browser's local date `days` from today: `value` as a date field takes it,
/// `words` as the app writes it ("Monday, November 30"), `noon` that day's local noon
/// (ms) and `offset` the UTC offset then, in minutes east.
export async function dayFromNow(page, days) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    const pad = (n) => String(n).padStart(2, '0');
    const value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const noon = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), 12));
    const o = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' };
    if (d.getFullYear() !== new Date().getFullYear()) o.year = 'numeric';
    const local = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12).getTime();
    return { value, words: noon.toLocaleDateString('default', o), noon: local, offset: -new Date(local).getTimezoneOffset() };
  }, days);
}

/// Waits until a service worker controls the page (not just until it is ready).
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/// Waits for the app to have rendered a screen.
export async function appReady(page) {
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
}

/// Waits until `check` (async) is true, or fails with `what`.
export async function until(check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/// Waits until a field shows `expected` (a kept draft is read a moment after the
/// screen appears), then asserts it, so a wrong value still fails with a diff.
export async function valueOf(locator, expected, timeout = 5_000) {
  const until = Date.now() + timeout;
  let value = await locator.inputValue();
  while (value !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await locator.inputValue();
  }
  return value;
}

/// Writes a text entry the way a person does: "New entry", type, "Save entry".
/// Ends on the journal, with the entry saved.
export async function writeEntry(page, text) {
  await page.getByRole('link', { name: 'New entry' }).first().click();
  await page.getByLabel("What's on your mind?").fill(text);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
}

/// Waits until the app has created its database with the object stores `stores`:
/// opening it first from here would create an empty one the app could not migrate.
/// (Polled from here: `waitForFunction` does not wait for an async predicate's promise.)
export async function dbReady(page, stores = ['records'], timeout = 15_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const ready = await page.evaluate(async (stores) => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'between' && d.version >= 2)) return false;
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open('between');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const has = stores.every((s) => db.objectStoreNames.contains(s));
      db.close();
      return has;
    }, stores);
    if (ready) return;
    if (Date.now() > until) throw new Error(`dbReady: the app's database has no ${stores.join(', ')} after ${timeout} ms`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/// Every stored record of `kind`, read straight from IndexedDB: `{ id, deleted, body }`,
/// the body decoded from its payload (see src/store/codec.rs).
export async function storedRecords(page, kind) {
  await dbReady(page);
  return page.evaluate(async (kind) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise((ok, fail) => {
      const r = db.transaction('records').objectStore('records').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return all.filter((r) => r.kind === kind).map((r) => ({ id: r.id, deleted: r.deleted, body: JSON.parse(r.payload) }));
  }, kind);
}
/// Puts records of `kind` straight into IndexedDB in the stored format
/// (src/store/codec.rs), ids `seed-<kind>-<n>`; `created` gives each one's creation time
/// (also its last change), or they are made a moment ago, in order.
export async function seedRecords(page, kind, bodies, { created = [] } = {}) {
  await dbReady(page);
  await page.evaluate(async ({ kind, bodies, created }) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['records'], 'readwrite');
    const store = tx.objectStore('records');
    const now = Date.now();
    bodies.forEach((body, i) => {
      const id = `seed-${kind}-${i}`;
      const at = created[i] ?? now - 1000 + i;
      store.put({ key: `${kind}:${id}`, kind, id, created: at, updated: created[i] ?? now, deleted: null, rev: 1, enc: 'json', payload: JSON.stringify(body) });
    });
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, { kind, bodies, created });
}


/// Puts journal entries straight into IndexedDB in the stored format (see
/// src/store/codec.rs), for tests and benchmarks that need a known data set.
/// The app must have opened the database once (any screen does). Each entry:
/// { at (ms), offset_min, mood (1-5), emotions, triggers, symptoms: [{name, value}], text }.
export async function seedEntries(page, entries) {
  await dbReady(page);
  await page.evaluate(async (entries) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    // From schema v4 the journal also keeps a summary per month; the seeded entries
    // are not in it, so the flag saying the summaries are complete goes and the app
    // rebuilds them from the entries on its next read.
    const months = db.objectStoreNames.contains('meta');
    const tx = db.transaction(months ? ['records', 'meta'] : ['records'], 'readwrite');
    if (months) tx.objectStore('meta').delete('journal_months');
    const store = tx.objectStore('records');
    entries.forEach((e, i) => {
      const id = `seed-${e.id ?? i}`;
      const { id: _, ...rest } = e;
      const body = { offset_min: 0, emotions: [], symptoms: [], triggers: [], text: '', for_session: false, ...rest };
      store.put({
        key: `journal_entry:${id}`, kind: 'journal_entry', id, created: e.at, updated: e.at,
        deleted: null, rev: 1, enc: 'json', payload: JSON.stringify(body),
      });
    });
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, entries);
}

export function readDistFile(dir, name) {
  return readFileSync(join(dir, name), 'utf8');
}

/// A PNG of `width` x `height` pixels in one colour, made here so no image file is needed.
/// With `headerOnly`, the file says `width` x `height` in its header but carries almost no
/// picture data: enough for a browser to try to decode, and for Between to refuse it first.
export function makePng(width, height, [r, g, b] = [47, 111, 115], { headerOnly = false } = {}) {
  const { deflateSync } = zlib;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  let data = Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  if (!headerOnly) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
    data = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/// Serious and critical axe-core violations on the page as it is now. Evaluated through
/// the debugger protocol, so the page's CSP is not loosened.
export async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/// Sets the browser's default font size, as a person's text-size setting does (16 px is
/// 100 %; see layout.test.mjs for why this rather than a stylesheet).
export async function textSize(page, px) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
}

/// Makes the copy of dist/ in `dir` a different build, as a new release would be: a
/// changed file, then the same post-build step that `make dist` runs.
export function makeNewBuild(dir, label = 'new build') {
  const manifest = join(dir, 'manifest.webmanifest');
  const data = JSON.parse(readFileSync(manifest, 'utf8'));
  data.description += ` (${label})`;
  writeFileSync(manifest, JSON.stringify(data));
  execFileSync('node', [join(ROOT, 'tools/precache.mjs'), dir]);
}

/// The build id stamped into a hosted copy's index.html (Settings shows it).
export function buildOf(dir) {
  return readFileSync(join(dir, 'index.html'), 'utf8').match(/name="between-build" content="([^"]+)"/)[1];
}
