// Sturdy storage (issue 7, points 9 to 12): a record that cannot be read is set aside
// while the rest shows; a database a newer version upgraded says so and help still
// opens; housekeeping at start-up removes a purged card's photo and unused photos; a
// photo of more than 50 megapixels is refused before it is decoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, appReady, openApp, seedEntries, makePng, dbReady, DIST } from './helpers.mjs';

const DAY = 24 * 60 * 60 * 1000;
const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
const cards = (page) => page.getByRole('region', { name: 'Your cards' }).getByRole('listitem');

/// Waits for the app to have made its database (version 3 has the blobs store):
/// Puts stored values (the codec's shape) and blobs (id -> bytes) as they are, on a
/// connection of its own.
async function putRaw(page, { records = [], blobs = {} }) {
  await dbReady(page, ['records', 'blobs']);
  await page.evaluate(async ({ records, blobs }) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['records', 'blobs'], 'readwrite');
    records.forEach((r) => tx.objectStore('records').put(r));
    Object.entries(blobs).forEach(([id, bytes]) => tx.objectStore('blobs').put(new Blob([new Uint8Array(bytes)], { type: 'image/png' }), id));
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, { records, blobs });
}

/// What is stored: every record by key, and every blob's id.
async function stored(page) {
  await dbReady(page, ['records', 'blobs']);
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['records', 'blobs'], 'readonly');
    const ask = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const [records, blobs] = await Promise.all([ask(tx.objectStore('records').getAll()), ask(tx.objectStore('blobs').getAllKeys())]);
    db.close();
    return { records: Object.fromEntries(records.map((r) => [r.key, r])), blobs: blobs.sort() };
  });
}

function record(kind, id, body, { deleted = null, enc = 'json', payload } = {}) {
  const at = Date.UTC(2026, 9, 1, 9);
  return { key: `${kind}:${id}`, kind, id, created: at, updated: at, deleted, rev: 2, enc, payload: payload ?? JSON.stringify(body) };
}

const photoCard = (title, photo) => ({ kind: 'photo', title, text: '', phone: '', photo, favourite: false, order: 0, starter: false });

test('a record that cannot be read is set aside: the other entries show, it is kept as it is, and Settings counts it', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await seedEntries(page, [
    { id: 'walk', at: Date.UTC(2026, 10, 20, 9), mood: 4, text: 'The walk helped today.' },
    { id: 'sleep', at: Date.UTC(2026, 10, 21, 9), mood: 3, text: 'Slept better.' },
  ]);
  const broken = record('journal_entry', 'broken', null, { payload: '{not json' });
  await putRaw(page, { records: [broken] });

  await page.reload();
  await appReady(page);
  await entries(page).filter({ hasText: 'The walk helped today.' }).waitFor();
  await entries(page).filter({ hasText: 'Slept better.' }).waitFor();
  assert.equal(await entries(page).count(), 2);
  assert.equal(await page.getByRole('alert').count(), 0, 'no error instead of the journal');

  await page.goto(server.url + 'settings');
  await appReady(page);
  const storage = page.getByRole('region', { name: 'Storage on this device' });
  await storage.getByText('1 record could not be read. It is kept as it is, so a later version of Between can still read it.').waitFor();
  assert.deepEqual((await stored(page)).records['journal_entry:broken'], broken, 'kept byte for byte');
});

test('Settings says nothing about unreadable records when every record can be read', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await seedEntries(page, [{ id: 'fine', at: Date.UTC(2026, 10, 20, 9), text: 'All fine.' }]);
  await page.goto(server.url + 'settings');
  await appReady(page);
  const storage = page.getByRole('region', { name: 'Storage on this device' });
  await storage.getByText(/^Using /).waitFor();
  assert.equal(await storage.getByText(/could not be read/).count(), 0);
});

test('a database a newer version of Between upgraded says so, breaks no screen, and help still opens', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  // A newer build opened the database on this device before this one starts.
  await context.addInitScript(() => {
    const r = indexedDB.open('between', 99);
    r.onupgradeneeded = () => r.result.createObjectStore('records', { keyPath: 'key' }).createIndex('kind', 'kind');
    r.onsuccess = () => r.result.close();
  });
  await page.goto(server.url + 'journal');
  await appReady(page);
  const newer = 'A newer version of Between was used on this device. Reload to update.';
  await page.getByRole('main').getByText(newer).first().waitFor();
  assert.equal(await page.getByText('Nothing here yet.').count(), 0, 'never shown as an empty journal');

  await page.getByRole('link', { name: 'Get help now' }).first().click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
  const call = page.getByRole('link', { name: 'Call 988', exact: true });
  assert.equal(await call.getAttribute('href'), 'tel:988');

  await page.getByRole('link', { name: 'Journal' }).first().click();
  await page.getByRole('main').getByText(newer).first().waitFor();
  const version = await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'between').version);
  assert.equal(version, 99, 'the newer database is left as it is');
});

test('housekeeping at start-up removes a purged card with its photo and a photo no card refers to', async (t) => {
  const { page } = await openApp(t, 'coping');
  const png = [...makePng(4, 4)];
  const old = Date.now() - 40 * DAY;
  // Blob ids start with the time they were stored, in hex: these are long stored.
  const [purgedPhoto, orphan, keptPhoto] = ['18b00000000-1', '18b00000000-2', '18b00000000-3'];
  await putRaw(page, {
    records: [
      record('coping_card', 'old', photoCard('Deleted long ago', purgedPhoto), { deleted: old }),
      record('coping_card', 'dog', photoCard('Our dog', keptPhoto)),
    ],
    blobs: { [purgedPhoto]: png, [orphan]: png, [keptPhoto]: png },
  });

  await page.reload();
  await appReady(page);
  let now;
  for (let i = 0; i < 80; i++) {
    now = await stored(page);
    if (now.blobs.length === 1) break;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  assert.deepEqual(now.blobs, [keptPhoto], 'the purged card\'s photo and the unused photo are gone');
  assert.equal(now.records['coping_card:old'], undefined, 'the card 40 days in the trash is gone');
  assert.ok(now.records['coping_card:dog'], 'the card in the box is kept');
  const dog = cards(page).filter({ hasText: 'Our dog' }).getByRole('img', { name: 'Our dog' });
  await dog.waitFor();
  await page.waitForFunction(() => [...document.images].some((i) => i.alt === 'Our dog' && i.complete && i.naturalWidth === 4));
});

test('a 60-megapixel photo is refused from its header, before decoding, and nothing is saved', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  // Counts every decode the page starts.
  await context.addInitScript(() => {
    window.__decodes = 0;
    const decode = window.createImageBitmap;
    window.createImageBitmap = function (...args) {
      window.__decodes += 1;
      return decode.apply(this, args);
    };
  });
  await page.goto(server.url + 'coping?edit');
  await appReady(page);
  await page.getByRole('button', { name: 'No thanks' }).click();
  await page.getByLabel('Kind of card').selectOption({ label: 'Photo' });

  await page.getByLabel('Choose a photo').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: makePng(10_000, 6_000, undefined, { headerOnly: true }) });
  await page.getByRole('alert').filter({ hasText: 'That photo is too large to use (60 megapixels). Please choose a smaller one, or take a screenshot of it.' }).waitFor();
  assert.equal(await page.evaluate(() => window.__decodes), 0, 'never decoded');
  assert.equal(await page.getByRole('img', { name: 'The photo you chose' }).count(), 0);
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.getByRole('alert').filter({ hasText: 'Choose a photo first.' }).waitFor();
  assert.equal(await cards(page).count(), 0, 'no card saved');
  assert.deepEqual((await stored(page)).blobs, [], 'no photo kept');

  // A photo of a usual size is decoded and shown (so the count above can tell).
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'small.png', mimeType: 'image/png', buffer: makePng(40, 30) });
  await page.getByRole('img', { name: 'The photo you chose' }).waitFor();
  assert.equal(await page.evaluate(() => window.__decodes), 1);
});
