// The coping box: it opens on the cards, to look at and open full screen ("Another
// card", "I'm struggling"); "Edit my box" makes cards of every kind, photos, reorder,
// favourite, filter, delete with undo; the starter deck offered once and only once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, appReady, makePng, DIST, simulateFullDisk, axe, textSize, waitForController, until } from './helpers.mjs';

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

/// True when `locator` is the focused element.
const focused = (locator) => locator.evaluate((el) => el === document.activeElement);

/// The card opened full screen.
const opened = (page) => page.getByRole('dialog');

/// A box with a few cards of different kinds (a person among them), back on the cards.
async function someCards(page) {
  await declineStarter(page);
  await editBox(page);
  await addCard(page, 'Affirmation', 'Alpha', { more: 'The first card, with a few more words on it' });
  await saved(page);
  await addCard(page, 'Distraction', 'Bravo');
  await saved(page);
  await addCard(page, 'Person to reach out to', 'Sam', { phone: '555 0100' });
  await saved(page);
  await addCard(page, 'Grounding', 'Charlie');
  await saved(page);
  await done(page);
}

/// Opens "Edit my box", where cards are made and changed.
async function editBox(page) {
  await page.getByRole('button', { name: 'Edit my box' }).click();
  await page.getByRole('region', { name: 'Edit my box' }).waitFor();
  await page.getByLabel('Kind of card').waitFor();
}

/// "Done": back to the cards as a person uses them.
async function done(page) {
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Edit my box' }).waitFor();
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
  await editBox(page);
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
  await editBox(page);
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
  await editBox(page);
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

  // In the box, the photo opens large.
  await done(page);
  const tile = card(page, 'The beach last summer').getByRole('img', { name: 'The beach last summer' });
  await tile.waitFor();
  await page.getByRole('button', { name: 'Open card: The beach last summer' }).click();
  const big = page.getByRole('dialog', { name: 'Card: The beach last summer' }).getByRole('img', { name: 'The beach last summer' });
  await big.waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('dialog img')].some((i) => i.complete && i.naturalWidth > 0));
  const area = async (l) => { const b = await l.boundingBox(); return b.width * b.height; };
  assert.ok((await area(big)) > 2 * (await area(tile)), 'the open photo is larger than on the card');
});

test('a full disk while saving a photo keeps the card on screen with a message', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await simulateFullDisk(context);
  await page.goto(server.url + 'coping');
  await appReady(page);
  await declineStarter(page);
  await editBox(page);
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
  await editBox(page);
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

  await editBox(page);
  assert.equal(await cards(page).count(), count);
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
  await done(page);
  await card(page, '5-4-3-2-1').waitFor();
  assert.equal(await cards(page).count(), count - 2, 'the box shows the same cards');
});

test('declining the starter deck is remembered; an empty box offers "Add your own card"', async (t) => {
  const { page } = await coping(t);
  await declineStarter(page);
  await page.reload();
  await appReady(page);
  await page.getByText('No cards yet.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add the starter cards' }).count(), 0);
  assert.equal(await cards(page).count(), 0);
  // "Add your own card" opens "Edit my box" with the form, ready to type in.
  await page.getByRole('button', { name: 'Add your own card' }).click();
  await page.getByRole('region', { name: 'Edit my box' }).waitFor();
  await until(() => focused(page.getByLabel('Kind of card')), 'focus is in the form');
  await addCard(page, 'Affirmation', 'I can do hard things');
  await saved(page);
  await done(page);
  await card(page, 'I can do hard things').getByRole('button', { name: 'Open card: I can do hard things' }).waitFor();
});

test('the box opens on the cards; a card opens full screen with "Another card", and Escape goes back to it', async (t) => {
  const { page } = await coping(t);
  await someCards(page);
  // The cards to look at: no form, no management buttons.
  await card(page, 'Alpha').waitFor();
  assert.equal(await cards(page).count(), 4);
  assert.equal(await page.getByLabel('Kind of card').count(), 0, 'no form');
  for (const name of ['Save card', 'Favourite', 'Move up', 'Move down', 'Edit', 'Delete']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, `no "${name}" button`);
  }
  // "I'm struggling" and the safety plan are still at the top.
  await page.getByRole('link', { name: "I'm struggling" }).waitFor();
  await page.getByRole('link', { name: 'My safety plan' }).waitFor();
  // A person's card calls and texts from the box.
  assert.equal(await card(page, 'Sam').getByRole('link', { name: 'Call Sam' }).getAttribute('href'), 'tel:5550100');

  // One tap opens a card, its words large.
  const open = page.getByRole('button', { name: 'Open card: Bravo' });
  await open.click();
  const dialog = opened(page);
  await dialog.waitFor();
  assert.equal(await page.getByRole('dialog', { name: 'Card: Bravo' }).count(), 1, 'the open card is named');
  const title = dialog.getByRole('heading', { level: 3 });
  assert.equal(await title.textContent(), 'Bravo');
  const size = (l) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok((await size(title)) >= 1.5 * base, `large words (${await size(title)} px, text ${base} px)`);
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is in the open card');

  // "Another card": a different one each time.
  let shown = 'Bravo';
  const seen = new Set([shown]);
  for (let i = 0; i < 8; i++) {
    await dialog.getByRole('button', { name: 'Another card' }).click();
    await until(async () => (await title.count()) === 1 && (await title.textContent()) !== shown, 'another card');
    shown = await title.textContent();
    seen.add(shown);
  }
  assert.ok(seen.size >= 3, `several cards drawn: ${[...seen]}`);
  // A person's card opened shows their call and text links.
  while (shown !== 'Sam') {
    await dialog.getByRole('button', { name: 'Another card' }).click();
    await until(async () => (await title.count()) === 1 && (await title.textContent()) !== shown, 'another card');
    shown = await title.textContent();
  }
  await dialog.getByRole('link', { name: 'Call Sam' }).waitFor();
  await dialog.getByRole('link', { name: 'Text Sam' }).waitFor();

  // Escape closes it; focus is back on the card that was opened.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await until(() => focused(open), 'focus back on "Open card: Bravo"');

  // By keyboard only: open, "Close", focus back.
  const alpha = page.getByRole('button', { name: 'Open card: Alpha' });
  await alpha.focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  assert.equal(await title.textContent(), 'Alpha');
  await dialog.getByText('The first card, with a few more words on it').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await until(() => focused(alpha), 'focus back on "Open card: Alpha"');

  // "I'm struggling" from the open card.
  await alpha.click();
  await dialog.getByRole('link', { name: "I'm struggling" }).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: "I'm struggling" }).waitFor();
  await page.getByRole('button', { name: 'Draw a card' }).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0);
});

test('"Another card" prefers favourites, and with one card there is no other to draw', async (t) => {
  const { page } = await coping(t);
  // A seeded Math.random, so the draws are the same on every run (the weights
  // themselves are tested natively in src/domain/coping.rs).
  await page.addInitScript(() => {
    let seed = 20261127;
    Math.random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  });
  await page.reload();
  await appReady(page);
  await declineStarter(page);
  await editBox(page);
  for (const words of ['Often me', 'Rarely me', 'Seldom me']) {
    await addCard(page, 'Affirmation', words);
    await saved(page);
  }
  await card(page, 'Often me').getByRole('button', { name: 'Favourite' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-pressed="true"]'));
  await done(page);
  await page.getByRole('button', { name: 'Open card: Rarely me' }).click();
  const dialog = opened(page);
  const title = dialog.getByRole('heading', { level: 3 });
  const counts = { 'Often me': 0, 'Rarely me': 0, 'Seldom me': 0 };
  let shown = 'Rarely me';
  for (let i = 0; i < 60; i++) {
    await dialog.getByRole('button', { name: 'Another card' }).click();
    await until(async () => (await title.count()) === 1 && (await title.textContent()) !== shown, 'another card');
    shown = await title.textContent();
    counts[shown] += 1;
  }
  // Never the same card twice in a row; then the favourite weighs three times the others:
  // about 3 draws in 7 are the favourite, 2 in 7 each of the others.
  assert.ok(counts['Often me'] > counts['Rarely me'] && counts['Often me'] > counts['Seldom me'], JSON.stringify(counts));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // Only favourites shown: one card, so nothing else to draw.
  await page.getByLabel('Show').selectOption({ label: 'Favourites' });
  await page.getByRole('button', { name: 'Open card: Often me' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Another card' }).count(), 0);
  await dialog.getByRole('link', { name: "I'm struggling" }).waitFor();
});

test('"Edit my box" is its own view, kept in the address: reload, back button and offline', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await page.goto(server.url + 'coping');
  await appReady(page);
  await someCards(page);
  // "Done" gave focus back to "Edit my box".
  await until(() => focused(page.getByRole('button', { name: 'Edit my box' })), 'focus on "Edit my box"');
  await page.getByRole('button', { name: 'Edit my box' }).click();
  await until(() => focused(page.getByRole('heading', { level: 2, name: 'Edit my box' })), 'focus on the heading');
  assert.match(page.url(), /coping\?edit$/);
  await card(page, 'Alpha').getByRole('button', { name: 'Edit' }).waitFor();
  await page.reload();
  await appReady(page);
  await card(page, 'Alpha').getByRole('button', { name: 'Delete' }).waitFor();
  // The browser's back button goes back to the cards.
  await page.goBack();
  await page.getByRole('button', { name: 'Open card: Alpha' }).waitFor();
  assert.equal(await page.getByLabel('Kind of card').count(), 0);
  await page.goForward();
  await page.getByLabel('Kind of card').waitFor();

  // Offline, both views open.
  await waitForController(page);
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);
  await page.goto(server.url + 'coping?edit');
  await appReady(page);
  await card(page, 'Alpha').getByRole('button', { name: 'Move down' }).waitFor();
  await done(page);
  await page.getByRole('button', { name: 'Open card: Alpha' }).click();
  await page.getByRole('dialog', { name: 'Card: Alpha' }).waitFor();
});

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe violations on the cards, the open card and "Edit my box" (${colorScheme})`, async (t) => {
    const { page } = await coping(t, { colorScheme });
    await page.getByRole('button', { name: 'Add the starter cards' }).click();
    await page.getByRole('status').filter({ hasText: 'Starter cards added.' }).waitFor();
    await editBox(page);
    await addCard(page, 'Person to reach out to', 'Sam', { phone: '555 0100' });
    await saved(page);
    await card(page, 'Box breathing').getByRole('button', { name: 'Favourite' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-pressed="true"]'));
    const found = [];
    found.push(...(await axe(page)).map((v) => `edit: ${v}`));
    await done(page);
    await card(page, 'Sam').waitFor();
    found.push(...(await axe(page)).map((v) => `cards: ${v}`));
    await page.getByRole('button', { name: 'Open card: Sam' }).click();
    await opened(page).getByRole('link', { name: 'Call Sam' }).waitFor();
    // Judged once its short fade-in is over.
    await opened(page).evaluate((d) => Promise.all(d.getAnimations().map((a) => a.finished)));
    found.push(...(await axe(page)).map((v) => `open card: ${v}`));
    assert.deepEqual(found, []);
  });
}

test('at 200 % text on a 320 px screen nothing scrolls sideways: cards, open card, "Edit my box"', async (t) => {
  const { page } = await coping(t);
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  await page.getByRole('button', { name: 'Add the starter cards' }).click();
  await page.getByRole('status').filter({ hasText: 'Starter cards added.' }).waitFor();
  await editBox(page);
  await addCard(page, 'Person to reach out to', 'Samantha-Josephine', { phone: '555 0100', more: 'Supercalifragilisticexpialidocious-and-no-spaces-at-all' });
  await saved(page);
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const problems = [];
  await page.waitForTimeout(150);
  if ((await sideways()) > 0) problems.push(`edit: ${await sideways()} px too wide`);
  await done(page);
  await card(page, 'Samantha-Josephine').waitFor();
  await page.waitForTimeout(150);
  if ((await sideways()) > 0) problems.push(`cards: ${await sideways()} px too wide`);
  await page.getByRole('button', { name: 'Open card: Samantha-Josephine' }).click();
  const dialog = opened(page);
  await dialog.getByRole('link', { name: 'Call Samantha-Josephine' }).waitFor();
  await dialog.evaluate((d) => Promise.all(d.getAnimations().map((a) => a.finished)));
  const inside = await dialog.evaluate((d) => ({ scroll: d.scrollWidth, client: d.clientWidth, right: d.getBoundingClientRect().right }));
  if (inside.scroll > inside.client) problems.push(`open card: ${inside.scroll} > ${inside.client}`);
  if (inside.right > 320.5) problems.push(`open card: reaches ${inside.right} px`);
  if ((await sideways()) > 0) problems.push(`open card: page ${await sideways()} px too wide`);
  // Everything in the open card can be reached by scrolling it, "I'm struggling" too.
  const struggling = dialog.getByRole('link', { name: "I'm struggling" });
  await struggling.scrollIntoViewIfNeeded();
  const box = await struggling.boundingBox();
  if (!box || box.x < 0 || box.x + box.width > 320.5) problems.push(`"I'm struggling" not on screen: ${JSON.stringify(box)}`);
  for (const v of await axe(page)) problems.push(`open card: ${v}`);
  assert.deepEqual(problems, []);
});

for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`the open card moves only when motion is welcome (${reducedMotion})`, async (t) => {
    const { page } = await coping(t, { reducedMotion });
    await someCards(page);
    await page.getByRole('button', { name: 'Open card: Alpha' }).click();
    const animation = await opened(page).evaluate((d) => getComputedStyle(d).animationName);
    assert.equal(animation, reducedMotion === 'reduce' ? 'none' : 'card-open-in');
  });
}
