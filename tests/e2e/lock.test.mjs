// The passcode lock (issue 12, items 1-4): with it on, nothing typed and no photo is
// readable in IndexedDB or localStorage; the app starts locked; wrong passcodes slow
// down and never wipe; it locks on demand, when idle and after being hidden, keeping
// an unsaved draft; help opens without the passcode; the passcode can be changed and
// removed; a pass cut off halfway is finished at the next unlock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, openOffline, appReady, writeEntry, makePng, seedEntries, until, axe, valueOf } from './helpers.mjs';

const PASS = '246810';

async function setPasscode(page, server, code = PASS) {
  await page.goto(server.url + 'settings');
  await appReady(page);
  const section = page.getByRole('region', { name: 'Passcode lock' });
  await section.getByText('If you forget your passcode, your data cannot be recovered.').waitFor();
  assert.ok(await section.getByRole('link', { name: 'Make a backup' }).isVisible(), 'a backup is recommended first');
  await section.getByLabel('New passcode').fill(code);
  await section.getByLabel('Type the passcode again').fill(code);
  await section.getByRole('button', { name: 'Turn on the lock' }).click();
  await section.getByText('The lock is on').waitFor({ timeout: 30_000 });
}

const lockScreen = (page) => page.getByRole('heading', { name: 'Between is locked', level: 1 });

async function unlock(page, code = PASS) {
  await lockScreen(page).waitFor({ timeout: 30_000 });
  await page.getByLabel('Passcode').fill(code);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await appReady(page);
}

/// Everything the app keeps, read raw: records and meta as JSON text, localStorage,
/// and every stored picture's bytes in hex (a Blob's, or a sealed one's data).
async function rawDump(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = async (name) => {
      const tx = db.transaction(name);
      const store = tx.objectStore(name);
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()].map((r) => new Promise((ok, fail) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      })));
      return keys.map((k, i) => [k, values[i]]);
    };
    const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    const records = await all('records');
    const meta = await all('meta');
    const blobs = [];
    for (const [, v] of await all('blobs')) {
      if (v instanceof Blob) blobs.push({ plain: true, type: v.type, hex: hex(new Uint8Array(await v.arrayBuffer())) });
      else blobs.push({ plain: false, type: v.type, hex: hex(v.data), json: JSON.stringify({ ...v, data: undefined }) });
    }
    db.close();
    const local = {};
    for (let i = 0; i < localStorage.length; i++) local[localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
    return {
      text: JSON.stringify({ records, meta, local, blobs: blobs.map((b) => b.json ?? '') }),
      encs: records.map(([, v]) => v.enc),
      records: records.map(([, v]) => v),
      blobs,
      local,
    };
  });
}

async function addPhotoCard(page, server, caption) {
  await page.goto(server.url + 'coping');
  await appReady(page);
  await page.getByRole('button', { name: 'No thanks' }).click();
  await page.getByRole('button', { name: 'Edit my box' }).click();
  await page.getByLabel('Kind of card').selectOption({ label: 'Photo' });
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'sea.png', mimeType: 'image/png', buffer: makePng(64, 48, [201, 87, 13]) });
  await page.getByRole('img', { name: 'The photo you chose' }).waitFor();
  await page.getByLabel('Caption (optional)').fill(caption);
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor();
}

test('with a passcode nothing typed and no photo is readable at rest; it starts locked, wrong passcodes wait, the right one brings everything back', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await page.clock.install();
  await page.reload();
  await appReady(page);
  await writeEntry(page, 'Quietmarmalade walked along the river');
  await writeEntry(page, 'Second entry about Fernwhistle');
  await addPhotoCard(page, server, 'Lighthousepelican at dawn');
  // The picture's bytes as stored without the lock: a window from its middle.
  const before = await rawDump(page);
  assert.equal(before.blobs.length, 1);
  assert.ok(before.blobs[0].plain, 'a Blob before the lock');
  before.blobType = before.blobs[0].type;
  const pic = before.blobs[0].hex;
  const windows = [0.3, 0.5, 0.7].map((f) => pic.slice(Math.floor((pic.length * f) / 2) * 2, Math.floor((pic.length * f) / 2) * 2 + 48));
  assert.ok(before.text.includes('Quietmarmalade'), 'readable before the lock (the check can fail)');
  // An unsaved draft.
  await page.goto(server.url + 'write');
  await appReady(page);
  await page.getByLabel("What's on your mind?").fill('Unsentdraftword still thinking');
  await page.waitForTimeout(900);

  await setPasscode(page, server);
  const after = await rawDump(page);
  for (const word of ['Quietmarmalade', 'Fernwhistle', 'Lighthousepelican', 'Unsentdraftword', PASS]) {
    assert.ok(!after.text.includes(word), `"${word}" is nowhere at rest`);
  }
  assert.ok(after.encs.length >= 4 && after.encs.every((e) => e === 'x1'), `every record sealed: ${after.encs}`);
  assert.equal(after.blobs.length, 1);
  assert.ok(!after.blobs[0].plain && after.blobs[0].type === before.blobType, `the photo sealed, its type kept: ${JSON.stringify({ ...after.blobs[0], hex: undefined })} ${before.blobType}`);
  for (const w of windows) assert.ok(!after.blobs.some((b) => b.hex.includes(w)) && !after.text.includes(w), 'no photo bytes at rest');
  const header = JSON.parse(after.local['between.lock']);
  assert.equal(header.kdf.iterations, 600000);
  assert.equal(header.state, 'on');

  // Reloaded: locked, nothing personal on the screen.
  await page.reload();
  await lockScreen(page).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
  assert.ok(!(await page.content()).includes('Unsentdraftword'));
  // Wrong passcodes: the first ones say so, then a growing delay in words; nothing wiped.
  for (let i = 0; i < 2; i++) {
    await page.getByLabel('Passcode').fill('000000');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('status').filter({ hasText: "That passcode didn't match. Please try again." }).waitFor();
  }
  await page.getByLabel('Passcode').fill('111111');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('status').filter({ hasText: 'You can try again in 30 seconds' }).waitFor();
  // Even the right passcode waits out the delay.
  await page.getByLabel('Passcode').fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('status').filter({ hasText: /Too many tries for now\. You can try again in \d+ seconds?\. Nothing is deleted/ }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'still locked');
  // Reloading does not reset the delay.
  await page.reload();
  await lockScreen(page).waitFor();
  await page.getByRole('status').filter({ hasText: 'You can try again in' }).waitFor();
  await page.clock.fastForward(31_000);
  const started = Date.now();
  await unlock(page);
  t.diagnostic(`unlock (PBKDF2-SHA256, 600,000 iterations) to the first screen: ${Date.now() - started} ms`);
  await page.goto(server.url + 'write');
  await unlock(page);
  assert.equal(await valueOf(page.getByLabel("What's on your mind?"), 'Unsentdraftword still thinking'), 'Unsentdraftword still thinking', 'the draft is back');
  await page.goto(server.url + 'journal');
  await unlock(page);
  await page.getByText('Quietmarmalade walked along the river').waitFor();
  await page.getByText('Second entry about Fernwhistle').waitFor();
  await page.goto(server.url + 'coping');
  await unlock(page);
  await page.waitForFunction(() => [...document.images].some((i) => i.alt === 'Lighthousepelican at dawn' && i.complete && i.naturalWidth === 64));
});

test('it locks when idle and after being hidden that long, keeping an unsaved draft', async (t) => {
  const { page, server } = await openApp(t);
  await page.clock.install();
  await page.reload();
  await appReady(page);
  await setPasscode(page, server);
  const section = page.getByRole('region', { name: 'Passcode lock' });
  await section.getByLabel('Lock when not used for').selectOption({ label: '1 minute' });

  await page.goto(server.url + 'write');
  await unlock(page);
  await page.getByLabel("What's on your mind?").fill('Idlewords not saved yet');
  // Less than a minute: still open.
  await page.clock.fastForward(40_000);
  await page.waitForTimeout(200);
  assert.equal(await lockScreen(page).count(), 0, 'not yet');
  await page.clock.fastForward(30_000);
  await lockScreen(page).waitFor();
  assert.ok(!(await page.content()).includes('Idlewords'), 'gone from the screen');
  const raw = await rawDump(page);
  assert.ok(!raw.text.includes('Idlewords'), 'the draft is kept encrypted');
  await unlock(page);
  assert.equal(await valueOf(page.getByLabel("What's on your mind?"), 'Idlewords not saved yet'), 'Idlewords not saved yet', 'the draft is back');

  // Hidden, then back after longer than the idle time (a sleeping phone: no timer ran).
  const setVisibility = (state) => page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await setVisibility('hidden');
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + 3 * 60_000);
  await setVisibility('visible');
  await lockScreen(page).waitFor();
  await unlock(page);
  // Lock now, from Settings.
  await page.goto(server.url + 'settings');
  await unlock(page);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await lockScreen(page).waitFor();
  // And from the header, on any screen.
  await unlock(page);
  await page.goto(server.url + 'journal');
  await unlock(page);
  await page.getByRole('banner').getByRole('button', { name: 'Lock', exact: true }).click();
  await lockScreen(page).waitFor();
});

test('help opens from the lock screen without the passcode, offline; the lock screen passes axe', async (t) => {
  const { page } = await openOffline(t, 'settings');
  const section = page.getByRole('region', { name: 'Passcode lock' });
  await section.getByLabel('New passcode').fill('a long passphrase');
  await section.getByLabel('Type the passcode again').fill('a long passphrase');
  await section.getByRole('button', { name: 'Turn on the lock' }).click();
  await section.getByText('The lock is on').waitFor({ timeout: 30_000 });
  await page.reload();
  await lockScreen(page).waitFor();
  await page.getByRole('button', { name: 'Get help now' }).click();
  const help = page.getByRole('region', { name: 'Get help now' });
  await help.waitFor();
  assert.ok((await help.locator('a[href^="tel:"]').count()) > 0, 'crisis lines to call');
  assert.deepEqual(await axe(page), []);
  await unlock(page, 'a long passphrase');
});

test('the safety plan can be shown on the lock screen, and only then is stored readable', async (t) => {
  const { page, server } = await openApp(t, 'safety-plan');
  const warning = page.getByRole('region', { name: '1. Warning signs' });
  await warning.getByLabel('A warning sign', { exact: true }).fill('Plansignal: not sleeping');
  await warning.getByRole('button', { name: 'Add' }).click();
  await warning.getByRole('listitem').filter({ hasText: 'Plansignal' }).waitFor();
  const people = page.getByRole('region', { name: '4. People I can ask for help' });
  await people.getByLabel('Name', { exact: true }).fill('Jo Peoplesignal');
  await people.getByLabel('Phone (optional)').fill('07700 900-123');
  await people.getByRole('button', { name: 'Add' }).click();
  await people.getByRole('listitem').filter({ hasText: 'Peoplesignal' }).waitFor();
  await setPasscode(page, server);
  let raw = await rawDump(page);
  assert.ok(!raw.text.includes('Plansignal') && !raw.text.includes('Peoplesignal'), 'encrypted by default');
  const section = page.getByRole('region', { name: 'Passcode lock' });
  await section.getByLabel('Show my safety plan and people on the lock screen').check();
  await section.getByText('now show on the lock screen').waitFor();
  raw = await rawDump(page);
  assert.ok(raw.text.includes('Plansignal'), 'the plan is stored readable, as the words say');
  assert.ok(raw.records.filter((r) => r.kind !== 'safety_plan' && r.kind !== 'support_person').every((r) => r.enc === 'x1'), 'the rest stays sealed');
  await page.reload();
  await lockScreen(page).waitFor();
  await page.getByRole('button', { name: 'Get help now' }).click();
  const help = page.getByRole('region', { name: 'Get help now' });
  await help.getByText('Plansignal: not sleeping').waitFor();
  assert.equal(await help.getByRole('link', { name: 'Call Jo Peoplesignal' }).getAttribute('href'), 'tel:07700900123');
});

test('changing the passcode: the old one fails, the new one works; removing it leaves everything readable', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await writeEntry(page, 'Kestrelmorning was a good day');
  await setPasscode(page, server);
  const change = page.getByRole('group', { name: 'Change passcode' });
  await change.getByLabel('Current passcode').fill('999999');
  await change.getByLabel('New passcode', { exact: true }).fill('13572468');
  await change.getByLabel('Type the new passcode again').fill('13572468');
  await change.getByRole('button', { name: 'Change passcode' }).click();
  await change.getByText("That passcode didn't match").waitFor();
  await change.getByLabel('Current passcode').fill(PASS);
  await change.getByRole('button', { name: 'Change passcode' }).click();
  await change.getByText('Your passcode is changed').waitFor();

  await page.reload();
  await lockScreen(page).waitFor();
  await page.getByLabel('Passcode').fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('status').filter({ hasText: "didn't match" }).waitFor();
  await unlock(page, '13572468');

  const off = page.getByRole('group', { name: 'Turn off the lock' });
  await off.getByLabel('Current passcode').fill('13572468');
  await off.getByRole('button', { name: 'Turn off the lock' }).click();
  await page.getByRole('region', { name: 'Passcode lock' }).getByRole('button', { name: 'Turn on the lock' }).waitFor({ timeout: 30_000 });
  const raw = await rawDump(page);
  assert.ok(raw.text.includes('Kestrelmorning'), 'readable again at rest');
  assert.ok(raw.encs.every((e) => e === 'json'));
  assert.equal(raw.local['between.lock'], undefined, 'the header is gone');
  await page.reload();
  await appReady(page);
  await page.goto(server.url + 'journal');
  await appReady(page);
  await page.getByText('Kestrelmorning was a good day').waitFor();
});

test('a pass cut off halfway (records mixed) is finished at the next unlock, every record readable', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await writeEntry(page, 'Sealedbefore the cut');
  await setPasscode(page, server);
  // As if the tab had closed while turning the lock on: some records still plain.
  const at = Date.now() - 3600_000;
  await seedEntries(page, Array.from({ length: 120 }, (_, i) => ({ id: `cut${i}`, at: at + i * 1000, mood: 3, text: `Plainhalfway number ${i}` })));
  await page.evaluate(() => {
    const h = JSON.parse(localStorage.getItem('between.lock'));
    h.state = 'turning_on';
    localStorage.setItem('between.lock', JSON.stringify(h));
  });
  let raw = await rawDump(page);
  assert.ok(raw.encs.includes('json') && raw.encs.includes('x1'), 'mixed');
  await page.reload();
  await unlock(page);
  await until(async () => {
    const r = await rawDump(page);
    return r.encs.every((e) => e === 'x1') && JSON.parse(r.local['between.lock']).state === 'on';
  }, 'the pass is finished', 20_000);
  raw = await rawDump(page);
  assert.ok(!raw.text.includes('Plainhalfway'));
  await page.goto(server.url + 'journal');
  await unlock(page);
  await page.getByText('Plainhalfway number 119').waitFor();
  await page.getByText('Sealedbefore the cut').waitFor();

  // And cut off while turning it off: finished (everything plain, header gone) too.
  await page.evaluate(() => {
    const h = JSON.parse(localStorage.getItem('between.lock'));
    h.state = 'turning_off';
    localStorage.setItem('between.lock', JSON.stringify(h));
  });
  await page.reload();
  await unlock(page);
  await until(async () => {
    const r = await rawDump(page);
    return r.encs.every((e) => e === 'json') && r.local['between.lock'] === undefined;
  }, 'turned off', 20_000);
  await page.getByText('Plainhalfway number 119').waitFor();
});

test('the page killed while the lock is being turned on: reopened, every record is readable and the pass finishes', async (t) => {
  const { page, server, context } = await openApp(t, 'journal');
  const at = Date.now() - 86_400_000;
  await seedEntries(page, Array.from({ length: 3000 }, (_, i) => ({ id: `k${i}`, at: at + i * 1000, mood: 2, text: `Killedmidway entry ${i}` })));
  await page.goto(server.url + 'settings');
  await appReady(page);
  const section = page.getByRole('region', { name: 'Passcode lock' });
  await section.getByLabel('New passcode').fill(PASS);
  await section.getByLabel('Type the passcode again').fill(PASS);
  await section.getByRole('button', { name: 'Turn on the lock' }).click();
  // Once some records are sealed and others not yet, the renderer is killed.
  const count = () => page.evaluate(async () => {
    const h = localStorage.getItem('between.lock');
    if (!h) return null;
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('between');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const n = await new Promise((ok) => {
      const r = db.transaction('records').objectStore('records').index('kind').count('journal_entry');
      r.onsuccess = () => ok(r.result);
    });
    const sealed = await new Promise((ok) => {
      let c = 0;
      const r = db.transaction('records').objectStore('records').openCursor();
      r.onsuccess = () => {
        const cur = r.result;
        if (!cur) return ok(c);
        if (cur.value.enc === 'x1') c++;
        cur.continue();
      };
    });
    db.close();
    return { state: JSON.parse(h).state, n, sealed };
  });
  await until(async () => {
    const c = await count();
    return c && c.sealed > 0;
  }, 'some records sealed', 30_000);
  const cdp = await context.newCDPSession(page);
  // The crashed renderer never answers: the command is not awaited.
  cdp.send('Page.crash').catch(() => {});
  await new Promise((ok) => page.once('crash', ok));

  const again = await context.newPage();
  await again.goto(server.url + 'journal');
  await lockScreen(again).waitFor({ timeout: 30_000 });
  const mid = await rawDump(again);
  assert.equal(JSON.parse(mid.local['between.lock']).state, 'turning_on', 'killed halfway');
  assert.ok(mid.encs.includes('x1') && mid.encs.includes('json'), 'records mixed');
  await unlock(again);
  await again.getByText('Killedmidway entry 2999').waitFor();
  await until(async () => {
    const r = await rawDump(again);
    return r.encs.every((e) => e === 'x1') && JSON.parse(r.local['between.lock']).state === 'on';
  }, 'the pass is finished', 30_000);
  const raw = await rawDump(again);
  assert.ok(!raw.text.includes('Killedmidway'));
  assert.equal(raw.records.filter((r) => r.kind === 'journal_entry').length, 3000, 'no entry lost');
});

test('the lock is offered gently once a few entries are written, and "Not now" is kept', async (t) => {
  const { page } = await openApp(t, 'settings');
  const offer = page.getByText('You have written a few entries now');
  await page.getByRole('region', { name: 'Passcode lock' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await offer.count(), 0, 'not before any entry');
  const at = Date.now() - 3600_000;
  await seedEntries(page, Array.from({ length: 5 }, (_, i) => ({ id: `o${i}`, at: at + i * 1000, mood: 4, text: `entry ${i}` })));
  await page.reload();
  await appReady(page);
  await offer.waitFor();
  await page.getByRole('button', { name: 'Not now' }).click();
  await offer.waitFor({ state: 'detached' });
  await page.reload();
  await appReady(page);
  await page.getByRole('region', { name: 'Passcode lock' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await offer.count(), 0, 'not offered again');
  assert.ok(await page.getByRole('button', { name: 'Turn on the lock' }).isVisible(), 'the lock is still there to turn on');
});

test('a second tab locks when the lock is turned on in the first', async (t) => {
  const { page, server, context } = await openApp(t, 'journal');
  await writeEntry(page, 'Twotabs entry');
  const other = await context.newPage();
  await other.goto(server.url + 'journal');
  await appReady(other);
  await other.getByText('Twotabs entry').waitFor();
  await setPasscode(page, server);
  await lockScreen(other).waitFor({ timeout: 15_000 });
  assert.equal(await other.getByText('Twotabs entry').count(), 0, 'nothing left on its screen');
  await unlock(other);
  await other.getByText('Twotabs entry').waitFor();
});

/// Clicks `button` and returns the text of the file it downloads.
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('with the lock on, a backup holds the photo, and a restored photo is stored sealed and shows', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await writeEntry(page, 'Tidepoolheron by the harbour');
  await addPhotoCard(page, server, 'Harbourlamp');
  await setPasscode(page, server);

  // A plain backup (after the warning) made while locked records are sealed: the picture is in it.
  await page.goto(server.url + 'backup');
  await unlock(page);
  const make = page.getByRole('region', { name: 'Make a backup' });
  await make.getByRole('checkbox', { name: 'Save without a passphrase' }).check();
  const plain = await download(page, make.getByRole('button', { name: 'Download backup without a passphrase' }));
  const file = JSON.parse(plain.text);
  assert.ok(file.records.some((r) => r.kind === 'journal_entry' && r.body.text === 'Tidepoolheron by the harbour'), 'the entry, opened');
  assert.equal(file.photos.length, 1, 'the sealed picture, opened');
  const pic = Buffer.from(file.photos[0].base64, 'base64');
  assert.ok(pic.length > 100, 'its bytes are in the file');
  assert.deepEqual([...pic.subarray(0, 3)], [0xff, 0xd8, 0xff], 'they are the picture, opened (a JPEG, as the card keeps it), not the sealed bytes');

  // Replace everything with that file: the picture goes back sealed, and shows.
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Backup file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(plain.text) });
  await download(page, restore.getByRole('button', { name: 'Replace everything here' }));
  await restore.getByRole('status').filter({ hasText: 'Between now holds what the backup holds' }).waitFor();
  const raw = await rawDump(page);
  assert.equal(raw.blobs.length, 1);
  assert.equal(raw.blobs[0].plain, false, 'the restored picture is sealed, as the lock says');
  assert.ok(!raw.text.includes('Tidepoolheron') && !raw.text.includes('Harbourlamp'), 'restored records are sealed too');
  await page.goto(server.url + 'coping');
  await unlock(page);
  await page.waitForFunction(() => [...document.images].some((i) => i.alt === 'Harbourlamp' && i.complete && i.naturalWidth === 64));
});
