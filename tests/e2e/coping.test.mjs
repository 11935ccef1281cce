// The coping box: cards of every kind, photos, reorder, favourite, filter, delete
// with undo, and the starter deck offered once and only once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, appReady, makePng, DIST, simulateFullDisk } from './helpers.mjs';

async function coping(t, options = {}) {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const browser = await launch(t, { origin: server.origin, ...options });
  await browser.page.goto(server.url + 'coping');
  await appReady(browser.page);
  return { server, ...browser };
}

const cards = (page) => page.getByRole('region', { name: 'Your cards' }).getByRole('listitem');
const card = (page, text) => cards(page).filter({ hasText: text });

async function declineStarter(page) {
  await page.getByRole('button', { name: 'No thanks' }).click();
  await page.getByRole('region', { name: 'Would you like some cards to start with?' }).waitFor({ state: 'detached' });
}

async function addCard(page, kind, words, { more = '', phone } = {}) {
  await page.getByLabel('Kind of card').selectOption({ label: kind });
  await page.getByLabel(kind === 'Person to reach out to' ? 'Name' : 'Words on the card', { exact: true }).fill(words);
  if (phone !== undefined) await page.getByLabel('Phone number').fill(phone);
  if (more) await page.getByLabel('More about it (optional)').fill(more);
  await page.getByRole('button', { name: 'Save card' }).click();
}

async function saved(page) {
  await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor();
}

test('a card of every kind can be made, and a person gets call and text links', async (t) => {
  const { page } = await coping(t);
  await declineStarter(page);
  const kinds = [
    ['Skill from therapy', 'Name the feeling'],
    ['Affirmation', 'I have got through hard days before'],
    ['Grounding', 'Feet on the floor'],
    ['Breathing or mindfulness', 'Breathe in for 4, out for 6'],
    ['Distraction', 'Walk round the park'],
    ['Comfort or sensory item', 'The blue blanket'],
    ['Reason for living', 'My niece'],
  ];
  for (const [kind, words] of kinds) {
    await addCard(page, kind, words, { more: `About ${words}` });
    await saved(page);
    const item = card(page, words);
    await item.getByText(kind, { exact: true }).waitFor();
    await item.getByText(`About ${words}`).waitFor();
    assert.equal(await page.getByLabel('Words on the card').inputValue(), '', 'the form is ready for the next card');
  }

  // A person: letters in the number get a message and nothing is saved.
  await addCard(page, 'Person to reach out to', 'Sam', { phone: '0800 CALL SAM' });
  await page.getByRole('alert').filter({ hasText: 'no letters' }).waitFor();
  assert.equal(await card(page, 'Sam').count(), 0);
  await page.getByLabel('Phone number').fill('+1 (555) 010-0200');
  await page.getByRole('button', { name: 'Save card' }).click();
  await saved(page);
  const sam = card(page, 'Sam');
  assert.equal(await sam.getByRole('link', { name: 'Call Sam' }).getAttribute('href'), 'tel:+15550100200');
  assert.equal(await sam.getByRole('link', { name: 'Text Sam' }).getAttribute('href'), 'sms:+15550100200');

  await page.reload();
  await appReady(page);
  await card(page, 'Sam').waitFor();
  assert.equal(await cards(page).count(), kinds.length + 1, 'every card survives a reload');

  // Filter by kind.
  await page.getByLabel('Show').selectOption({ label: 'Distraction' });
  await card(page, 'Walk round the park').waitFor();
  assert.equal(await cards(page).count(), 1);
  await page.getByLabel('Show').selectOption({ label: 'All cards' });
  await card(page, 'My niece').waitFor();
  assert.equal(await cards(page).count(), kinds.length + 1);
});

test('an edit is saved, and a card without words is refused', async (t) => {
  const { page } = await coping(t);
  await declineStarter(page);
  await addCard(page, 'Affirmation', '   ');
  await page.getByRole('alert').filter({ hasText: 'Write a few words on the card first.' }).waitFor();
  await addCard(page, 'Affirmation', 'I am enough');
  await saved(page);
  await card(page, 'I am enough').getByRole('button', { name: 'Edit' }).click();
  await cards(page).getByLabel('Words on the card').fill('I am enough, today too');
  await cards(page).getByRole('button', { name: 'Save changes' }).click();
  await card(page, 'I am enough, today too').getByRole('button', { name: 'Edit' }).waitFor();
  await page.reload();
  await appReady(page);
  await card(page, 'I am enough, today too').waitFor();
});

test('a photo card from an image file is scaled down on the device and kept', async (t) => {
  const { page } = await coping(t);
  await declineStarter(page);
  await page.getByLabel('Kind of card').selectOption({ label: 'Photo' });

  // Not a picture: a plain message, nothing kept.
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.getByRole('alert').filter({ hasText: "That file isn't a picture." }).waitFor();
  // Says it is a picture but is not one.
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
  await page.getByRole('alert').filter({ hasText: "couldn't be opened" }).waitFor();
  // Huge: refused before anything is decoded (a sparse 50 MB file on disk).
  const dir = mkdtempSync(join(tmpdir(), 'between-photo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const huge = join(dir, 'huge.png');
  writeFileSync(huge, makePng(4, 4));
  truncateSync(huge, 50 * 1024 * 1024);
  await page.getByLabel('Choose a photo').setInputFiles(huge);
  await page.getByRole('alert').filter({ hasText: 'too large' }).waitFor();
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.getByRole('alert').filter({ hasText: 'Choose a photo first.' }).waitFor();
  assert.equal(await cards(page).count(), 0, 'nothing half-saved');

  await page.getByLabel('Choose a photo').setInputFiles({ name: 'beach.png', mimeType: 'image/png', buffer: makePng(2400, 1200) });
  await page.getByRole('img', { name: 'The photo you chose' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the earlier message goes');
  await page.getByLabel('Caption (optional)').fill('The beach last summer');
  await page.getByRole('button', { name: 'Save card' }).click();
  await saved(page);
  const photo = card(page, 'The beach last summer').getByRole('img', { name: 'The beach last summer' });
  await photo.waitFor();
  await page.waitForFunction(() => [...document.images].some((i) => i.alt === 'The beach last summer' && i.complete && i.naturalWidth > 0));
  assert.deepEqual(await photo.evaluate((i) => [i.naturalWidth, i.naturalHeight]), [1600, 800], 'longest side 1600 px');
  assert.match(await photo.getAttribute('src'), /^blob:/);

  await page.reload();
  await appReady(page);
  const again = card(page, 'The beach last summer').getByRole('img', { name: 'The beach last summer' });
  await again.waitFor();
  await page.waitForFunction(() => [...document.images].some((i) => i.alt === 'The beach last summer' && i.complete && i.naturalWidth === 1600));
});

test('a full disk while saving a photo keeps the card on screen with a message', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await simulateFullDisk(context);
  await page.goto(server.url + 'coping');
  await appReady(page);
  await declineStarter(page);
  await page.getByLabel('Kind of card').selectOption({ label: 'Photo' });
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: makePng(40, 30) });
  await page.getByRole('img', { name: 'The photo you chose' }).waitFor();
  await page.getByLabel('Caption (optional)').fill('Our cat');
  await page.evaluate(() => { window.__diskFull = true; });
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.getByRole('alert').filter({ hasText: 'out of space' }).waitFor();
  assert.equal(await page.getByLabel('Caption (optional)').inputValue(), 'Our cat');
  assert.ok(await page.getByRole('img', { name: 'The photo you chose' }).isVisible(), 'the photo is still chosen');
  assert.equal(await cards(page).count(), 0);

  await page.evaluate(() => { window.__diskFull = false; });
  await page.getByRole('button', { name: 'Save card' }).click();
  await card(page, 'Our cat').getByRole('img', { name: 'Our cat' }).waitFor();
});

test('cards move up and down, become favourites, and come back after delete with undo', async (t) => {
  const { page } = await coping(t);
  await declineStarter(page);
  for (const words of ['Alpha', 'Bravo', 'Charlie']) {
    await addCard(page, 'Distraction', words);
    await saved(page);
  }
  const order = async () => (await cards(page).getByRole('heading', { level: 3 }).allTextContents()).filter((s) => ['Alpha', 'Bravo', 'Charlie'].includes(s));
  // New cards come first.
  assert.deepEqual(await order(), ['Charlie', 'Bravo', 'Alpha']);
  assert.ok(await cards(page).first().getByRole('button', { name: 'Move up' }).isDisabled());

  await card(page, 'Alpha').getByRole('button', { name: 'Move up' }).click();
  await page.waitForFunction(() => document.body.innerText.indexOf('Alpha') < document.body.innerText.indexOf('Bravo'));
  assert.deepEqual(await order(), ['Charlie', 'Alpha', 'Bravo']);
  // By keyboard too.
  await card(page, 'Charlie').getByRole('button', { name: 'Move down' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.innerText.indexOf('Alpha') < document.body.innerText.indexOf('Charlie'));
  assert.deepEqual(await order(), ['Alpha', 'Charlie', 'Bravo']);
  // Focus stays on the moved card's button, so it can be moved again by keyboard.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Move down' && document.activeElement.closest('li').innerText.includes('Charlie'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.innerText.indexOf('Bravo') < document.body.innerText.indexOf('Charlie'));
  assert.deepEqual(await order(), ['Alpha', 'Bravo', 'Charlie']);
  // At the bottom, focus moves to the button that can still be used.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Move up' && document.activeElement.closest('li').innerText.includes('Charlie'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.innerText.indexOf('Charlie') < document.body.innerText.indexOf('Bravo'));
  await page.reload();
  await appReady(page);
  await card(page, 'Bravo').waitFor();
  assert.deepEqual(await order(), ['Alpha', 'Charlie', 'Bravo'], 'the order is kept');

  const fav = card(page, 'Bravo').getByRole('button', { name: 'Favourite' });
  assert.equal(await fav.getAttribute('aria-pressed'), 'false');
  await fav.click();
  await page.waitForFunction(() => document.querySelector('[aria-pressed="true"]'));
  assert.equal(await card(page, 'Bravo').getByRole('button', { name: 'Favourite' }).getAttribute('aria-pressed'), 'true');
  await page.getByLabel('Show').selectOption({ label: 'Favourites' });
  await page.waitForFunction(() => !document.body.innerText.includes('Alpha'));
  assert.deepEqual(await order(), ['Bravo']);
  await page.getByLabel('Show').selectOption({ label: 'All cards' });

  await card(page, 'Charlie').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('status').filter({ hasText: 'Card deleted.' }).waitFor();
  await card(page, 'Charlie').waitFor({ state: 'detached' });
  assert.deepEqual(await order(), ['Alpha', 'Bravo']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await card(page, 'Charlie').waitFor();
  await page.reload();
  await appReady(page);
  await card(page, 'Charlie').waitFor();
  assert.deepEqual(await order(), ['Alpha', 'Charlie', 'Bravo']);
  assert.equal(await card(page, 'Bravo').getByRole('button', { name: 'Favourite' }).getAttribute('aria-pressed'), 'true');
});

test('the starter deck is offered once; removed cards never come back', async (t) => {
  const { page } = await coping(t);
  const offer = page.getByRole('region', { name: 'Would you like some cards to start with?' });
  await offer.waitFor();
  await page.getByRole('button', { name: 'Add the starter cards' }).click();
  await page.getByRole('status').filter({ hasText: 'Starter cards added.' }).waitFor();
  await card(page, 'Box breathing').waitFor();
  const count = await cards(page).count();
  assert.ok(count >= 24, `at least 24 starter cards, got ${count}`);
  await card(page, '5-4-3-2-1').waitFor();
  await card(page, '4-7-8 breathing').waitFor();

  for (const title of ['Box breathing', 'Go for a short walk']) {
    await card(page, title).getByRole('button', { name: 'Delete' }).click();
    await card(page, title).waitFor({ state: 'detached' });
  }
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await appReady(page);
    await card(page, '5-4-3-2-1').waitFor();
    assert.equal(await offer.count(), 0, 'not offered again');
    assert.equal(await cards(page).count(), count - 2, 'removed cards stay removed');
    assert.equal(await card(page, 'Box breathing').count(), 0);
  }
});

test('declining the starter deck is remembered', async (t) => {
  const { page } = await coping(t);
  await declineStarter(page);
  await page.reload();
  await appReady(page);
  await page.getByText('No cards yet.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add the starter cards' }).count(), 0);
  assert.equal(await cards(page).count(), 0);
});
