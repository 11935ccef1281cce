// Wide screens (issue 9, item 7): from 900 px the navigation is a column at the side,
// the forms have the journal beside them, and check-ins sit in two columns; large text
// keeps the phone layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, seedEntries, axe, textSize, until } from './helpers.mjs';

const HOUR = 60 * 60 * 1000;
const WIDE = { width: 1280, height: 800 };

async function seed(page) {
  const now = Date.now();
  await seedEntries(page, [
    { id: 'a', at: now - HOUR, mood: 4, text: 'A long walk by the river with Sam' },
    { id: 'b', at: now - 26 * HOUR, mood: 2, text: 'Hard day at work, tired all evening' },
  ]);
}

test('at 1280 px the navigation is at the side, under the header, and the content beside it', async (t) => {
  const { page, server } = await openApp(t, '');
  await page.setViewportSize(WIDE);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const box = await nav.boundingBox();
  const header = await page.getByRole('banner').boundingBox();
  assert.ok(box.x <= 1 && box.width < 300, `nav at the left edge, narrow: ${JSON.stringify(box)}`);
  assert.ok(box.y >= header.y + header.height - 1, 'nav under the header');
  assert.ok(box.height > 500, 'nav runs down the side');
  const main = await page.getByRole('main').boundingBox();
  assert.ok(main.x >= box.x + box.width, 'content is beside the navigation, not under it');
  // Every link is there and works by keyboard.
  const journal = nav.getByRole('link', { name: 'Journal' });
  await journal.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
  assert.equal(await journal.getAttribute('aria-current'), 'page');
  await page.goto(server.url + 'checkins');
  // Check-ins: two questionnaires side by side.
  const phq = await page.getByRole('region', { name: 'PHQ-9' }).boundingBox();
  const gad = await page.getByRole('region', { name: 'GAD-7' }).boundingBox();
  assert.equal(Math.round(phq.y), Math.round(gad.y), 'PHQ-9 and GAD-7 on one row');
  assert.ok(gad.x > phq.x + phq.width - 1, 'GAD-7 beside PHQ-9');
});

test('on a wide screen Patterns puts its parts side by side', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  const DAY = 24 * 60 * 60 * 1000;
  const now = Date.now();
  await seedEntries(page, Array.from({ length: 12 }, (_, i) => ({
    id: `p${i}`, at: now - i * DAY, mood: 1 + (i % 5), emotions: ['Calm'], triggers: ['Work'], text: `Day ${i}`,
  })));
  await page.setViewportSize(WIDE);
  await page.goto(server.url + 'patterns');
  const mood = page.getByRole('region', { name: 'Mood over time' });
  const since = page.getByRole('region', { name: 'Since my last session' });
  await mood.getByRole('img').first().waitFor();
  const a = await since.boundingBox();
  const b = await mood.boundingBox();
  assert.equal(Math.round(a.y), Math.round(b.y), 'two parts on one row');
  assert.ok(b.x >= a.x + a.width - 1, 'side by side');
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true);
  assert.deepEqual(await axe(page), []);
});

test('on a wide screen the entry form has the newest entries beside it, and one opens from there', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await seed(page);
  await page.setViewportSize(WIDE);
  await page.goto(server.url + 'write');
  const side = page.getByRole('complementary', { name: 'Lately in your journal' });
  await side.getByText('A long walk by the river with Sam').waitFor();
  await side.getByText('Hard day at work').waitFor();
  assert.match(await side.getByRole('link').first().innerText(), /Good/, 'mood in words');
  const form = await page.getByRole('main').boundingBox();
  const aside = await side.boundingBox();
  assert.ok(aside.x >= form.x + form.width - 1 && Math.abs(aside.y - form.y) < 40, 'beside the form');

  await side.getByRole('link', { name: /Hard day at work/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit entry' }).waitFor();
  const opened = side.getByRole('link', { name: /Hard day at work/ });
  await until(async () => (await opened.getAttribute('aria-current')) === 'page', 'the opened entry marked in the side column');
  assert.equal(await page.getByRole('textbox', { name: "What's on your mind?" }).inputValue(), 'Hard day at work, tired all evening');

  // The thought record has it too.
  await page.goto(server.url + 'thought');
  await page.getByRole('complementary', { name: 'Lately in your journal' }).getByText('A long walk by the river').waitFor();
});

test('on a phone, and at 200 % text on a wide screen, the phone layout stays', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await seed(page);
  await page.goto(server.url + 'write');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('complementary', { name: 'Lately in your journal' }).count(), 0, 'not drawn on a phone');
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  const height = page.viewportSize().height;
  assert.ok(nav.y + nav.height >= height - 1 && nav.width >= page.viewportSize().width - 1, 'bar along the bottom');

  await page.setViewportSize({ width: 900, height: 1000 });
  await textSize(page, 32);
  await page.waitForTimeout(100);
  const big = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  assert.ok(big.width >= 899, 'at 200 % text 900 px is narrow in text: the navigation spans the width');
  assert.equal(await page.getByRole('complementary', { name: 'Lately in your journal' }).count(), 0);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true);
});

for (const colorScheme of ['light', 'dark']) {
  test(`wide screens pass axe (${colorScheme}): the entry form with its side column, check-ins, the journal`, async (t) => {
    const { page, server } = await openApp(t, 'journal', { colorScheme });
    await seed(page);
    await page.setViewportSize(WIDE);
    for (const path of ['write', 'checkins', 'journal']) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (path === 'write') await page.getByRole('complementary', { name: 'Lately in your journal' }).getByText('A long walk').waitFor();
      assert.deepEqual(await axe(page), [], path);
    }
  });
}
