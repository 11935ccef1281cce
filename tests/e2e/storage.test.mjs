// Saving for real: IndexedDB across reloads, bad input, failed writes, two tabs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, appReady, writeEntry, DIST, simulateFullDisk, openApp } from './helpers.mjs';

const journal = (t, options) => openApp(t, 'journal', options);

const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
/// Chooses `name` from the menu of a journal item.
async function choose(item, name) {
  await item.getByRole('button', { name: /^Actions for the / }).click();
  await item.getByRole('menuitem', { name }).click();
}

test('an entry is saved, survives a reload, and can be edited', async (t) => {
  const { page } = await journal(t);
  await writeEntry(page, 'Slept badly, but the walk helped.');
  await page.reload();
  await appReady(page);
  await entries(page).filter({ hasText: 'Slept badly, but the walk helped.' }).waitFor();

  await choose(entries(page).first(), 'Edit');
  await page.getByRole('heading', { level: 1, name: 'Edit entry' }).waitFor();
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), 'Slept badly, but the walk helped.');
  await page.getByLabel("What's on your mind?").fill('Slept badly. The walk helped a lot.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await entries(page).filter({ hasText: 'The walk helped a lot.' }).waitFor();
  await page.reload();
  await appReady(page);
  await entries(page).filter({ hasText: 'The walk helped a lot.' }).waitFor();
  assert.equal(await entries(page).count(), 1);
});

test('an empty entry is not saved and says why', async (t) => {
  const { page, server } = await journal(t);
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByLabel("What's on your mind?").fill('   ');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('alert').filter({ hasText: "There's nothing to save yet" }).waitFor();
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), '   ');
  await page.goto(server.url + 'journal');
  await page.getByText('Nothing here yet.').waitFor();
  assert.equal(await entries(page).count(), 0);
});

test('text typed as HTML shows as text and never runs', async (t) => {
  const { page } = await journal(t);
  const sneaky = '<img src=x onerror="window.__ran=1"><script>window.__ran=2</script> & more';
  await writeEntry(page, sneaky);
  await entries(page).filter({ hasText: sneaky }).waitFor();
  assert.equal(await page.evaluate(() => window.__ran), undefined);
});

test('delete, then undo, brings the entry back', async (t) => {
  const { page } = await journal(t);
  await writeEntry(page, 'Something to keep');
  await choose(entries(page).first(), 'Delete');
  await page.getByRole('status').filter({ hasText: 'Entry deleted.' }).waitFor();
  assert.equal(await entries(page).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await entries(page).filter({ hasText: 'Something to keep' }).waitFor();
  await page.reload();
  await appReady(page);
  await entries(page).filter({ hasText: 'Something to keep' }).waitFor();
});

test('a full disk keeps the text on screen with a plain message, and saving later works', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await simulateFullDisk(context);
  await page.goto(server.url + 'write');
  await appReady(page);
  await page.evaluate(() => { window.__diskFull = true; });
  const words = 'Words I do not want to lose.';
  await page.getByLabel("What's on your mind?").fill(words);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('alert').filter({ hasText: 'out of space' }).waitFor();
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), words);

  await page.evaluate(() => { window.__diskFull = false; });
  await page.getByRole('button', { name: 'Save entry' }).click();
  await entries(page).filter({ hasText: words }).waitFor();
  assert.equal(await entries(page).count(), 1);
  assert.equal(await page.getByRole('alert').count(), 0, 'the message goes once it worked');
});

test('a connection the browser dropped is reopened and the save goes through', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await context.addInitScript(() => {
    window.__dbs = [];
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      request.addEventListener('success', () => window.__dbs.push(request.result));
      return request;
    };
  });
  await page.goto(server.url + 'journal');
  await appReady(page);
  await writeEntry(page, 'Before the drop');
  await page.evaluate(() => window.__dbs.forEach((db) => db.close()));
  await writeEntry(page, 'After the drop');
  await entries(page).filter({ hasText: 'After the drop' }).waitFor();
  assert.equal(await entries(page).count(), 2);
});

test('a change in one tab shows in another, and neither overwrites the newer one', async (t) => {
  const { page: a, context, server } = await journal(t);
  const b = await context.newPage();
  await b.goto(server.url + 'journal');
  await appReady(b);

  await writeEntry(a, 'Written in tab A');
  await entries(b).filter({ hasText: 'Written in tab A' }).waitFor();

  // Both tabs open the same entry to edit it.
  await choose(entries(b).first(), 'Edit');
  await b.getByLabel("What's on your mind?").waitFor();
  await choose(entries(a).first(), 'Edit');
  await a.getByLabel("What's on your mind?").fill('Tab A got there first');
  await a.getByRole('button', { name: 'Save entry' }).click();
  await entries(a).filter({ hasText: 'Tab A got there first' }).waitFor();

  await b.getByLabel("What's on your mind?").fill('Tab B wrote this meanwhile');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await b.getByRole('alert').filter({ hasText: 'saved in another tab' }).waitFor();
  assert.equal(await b.getByLabel("What's on your mind?").inputValue(), 'Tab B wrote this meanwhile', 'B keeps its words');

  await a.reload();
  await appReady(a);
  await entries(a).filter({ hasText: 'Tab A got there first' }).waitFor();

  // Saving B's words is now a deliberate choice, made with A's version in view.
  await b.getByRole('button', { name: 'Keep my version' }).click();
  await entries(a).filter({ hasText: 'Tab B wrote this meanwhile' }).waitFor();
  assert.equal(await entries(a).count(), 1);
});

test('Settings shows storage use and whether it is kept', async (t) => {
  const { page, server } = await journal(t);
  await writeEntry(page, 'Something stored');
  await page.goto(server.url + 'settings');
  await appReady(page);
  const section = page.getByRole('region', { name: 'Storage on this device' });
  const used = section.getByText(/^Using .* of about .* this browser allows\.$/);
  await used.waitFor();
  // Sizes as a person says them: "12 KB", "1.5 GB", "10 GB", never "10241.4 MB".
  const size = /(\d+(?:\.\d)?) (KB|MB|GB|TB)/g;
  const sizes = [...(await used.textContent()).matchAll(size)];
  assert.equal(sizes.length, 2, await used.textContent());
  for (const [, number] of sizes) {
    const n = Number(number);
    assert.ok(n < 1024 && (Number.isInteger(n) || n < 10), `${number} reads as a person would say it`);
  }
  await section.getByText(/^(Kept|Not yet kept)/).waitFor();
});
