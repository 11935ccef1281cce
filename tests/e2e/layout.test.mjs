// Large text and small screens: every screen at 200 % text on a 320 px phone and at 150 %
// on a 360 px one keeps "Get help now" on screen, reaches every navigation link, never
// scrolls sideways, and its sticky bars leave most of the screen to the content. A field
// reached with Tab is never hidden under a sticky bar.
//
// How large text is simulated: the browser's own text-size setting (Chromium's default
// font size, the "Font size" in its settings) set through the DevTools protocol
// (Page.setFontSizes), 16 px being 100 %. Every size in style/ is in rem or em, so the
// whole app scales with it, and, unlike a stylesheet setting `html { font-size: 200% }`,
// it also moves em-based media queries, exactly as the browser setting does. Page zoom
// (`--force-device-scale-factor`) would only make CSS pixels bigger, not text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, appReady, seedEntries, textSize, ROUTES } from './helpers.mjs';

const CASES = [
  { label: '200 % text on a 320 px screen', viewport: { width: 320, height: 640 }, fontSize: 32 },
  { label: '150 % text on a 360 px screen', viewport: { width: 360, height: 740 }, fontSize: 24 },
];
const SCREENS = [...ROUTES, { path: 'no-such-page', title: 'Page not found' }];
const NAV_LINKS = ['Today', 'Journal', 'Sessions', 'Coping box', 'Settings'];

/// Heights of the parts that stay on screen while the page scrolls (fixed or sticky),
/// as much of them as lies inside the viewport, added up.
function stickyCover() {
  const vh = window.innerHeight;
  let cover = 0;
  for (const el of document.querySelectorAll('body *')) {
    const { position, display, visibility } = getComputedStyle(el);
    if ((position !== 'fixed' && position !== 'sticky') || display === 'none' || visibility === 'hidden') continue;
    // A sticky element inside another one is counted with it.
    let inside = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const pos = getComputedStyle(p).position;
      if (pos === 'fixed' || pos === 'sticky') inside = true;
    }
    if (inside) continue;
    const r = el.getBoundingClientRect();
    // Skip links and other off-screen helpers cover nothing.
    cover += Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
  }
  return cover;
}

/// The largest sticky cover at the top, middle and end of the page.
async function maxStickyCover(page) {
  let most = 0;
  for (const at of [0, 0.5, 1]) {
    await page.evaluate((at) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * at), at);
    most = Math.max(most, await page.evaluate(stickyCover));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return most;
}

/// True when the element lies wholly inside the viewport and nothing is drawn over its middle.
async function onScreen(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el === hit || el.contains(hit));
  });
}

for (const { label, viewport, fontSize } of CASES) {
  test(`every screen at ${label}: help on screen, navigation reachable, no sideways scroll, small sticky bars`, async (t) => {
    const { page, server } = await openApp(t, 'journal');
    await page.setViewportSize(viewport);
    await textSize(page, fontSize);
    // Entries (one with a long unbroken word), so the journal, patterns and calendar have content.
    const day = 24 * 3600 * 1000;
    await seedEntries(page, Array.from({ length: 6 }, (_, i) => ({
      at: Date.now() - i * day, mood: 1 + (i % 5), emotions: ['Anxious'], triggers: ['Work'],
      symptoms: [{ name: 'Anxiety', value: i }],
      text: i === 0 ? 'Supercalifragilisticexpialidocious-and-a-very-long-word-with-no-spaces' : `Entry ${i}`,
    })));
    const problems = [];
    for (const { path, title } of SCREENS) {
      await page.goto(server.url + path);
      await appReady(page);
      await page.getByRole('main').getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      // Let lists and fonts settle.
      await page.waitForTimeout(150);
      const where = `/${path} at ${label}`;

      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth) problems.push(`${where}: scrolls sideways (${scrollWidth} > ${clientWidth})`);

      // "Get help now" is on screen at the top of the page and at its end.
      const help = page.getByRole('banner').getByRole('link', { name: 'Get help now' });
      if (!(await onScreen(help))) problems.push(`${where}: "Get help now" not on screen at the top`);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      if (!(await onScreen(help))) problems.push(`${where}: "Get help now" not on screen at the end of the page`);

      // Every navigation link can be reached on the page, whole, with its label not cut off
      // (with large text on a small screen, after opening "Menu", which then says it is open).
      const nav = page.getByRole('navigation', { name: 'Main' });
      const menu = nav.getByRole('button', { name: 'Menu' });
      if (await menu.isVisible()) {
        await menu.click();
        if ((await menu.getAttribute('aria-expanded')) !== 'true') problems.push(`${where}: Menu does not say it is open`);
      }
      for (const name of NAV_LINKS) {
        const link = nav.getByRole('link', { name, exact: true });
        await link.scrollIntoViewIfNeeded();
        if (!(await onScreen(link))) problems.push(`${where}: the ${name} link cannot be reached`);
        const cut = await link.evaluate((a) => a.scrollWidth > a.clientWidth + 1 || a.scrollHeight > a.clientHeight + 1);
        if (cut) problems.push(`${where}: the ${name} link's label is cut off`);
      }

      const cover = await maxStickyCover(page);
      if (cover >= viewport.height / 3) {
        problems.push(`${where}: sticky parts cover ${Math.round(cover)} of ${viewport.height} px`);
      }
    }
    assert.deepEqual(problems, []);
  });
}

test('the mood choices wrap onto more rows at 200 % text instead of running off the screen', async (t) => {
  const { page } = await openApp(t, 'write');
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  const mood = page.getByRole('radiogroup', { name: 'Mood' });
  await mood.waitFor();
  const faces = await mood.getByRole('radio').evaluateAll((radios) => radios.map((r) => {
    const box = r.labels[0].getBoundingClientRect();
    return { left: box.left, right: box.right, top: box.top };
  }));
  assert.equal(faces.length, 5);
  for (const f of faces) assert.ok(f.left >= 0 && f.right <= 320, `a mood choice at ${f.left}-${f.right} px is off the screen`);
  assert.ok(new Set(faces.map((f) => Math.round(f.top))).size > 1, 'the choices take more than one row');
});

test('a whole date fits in the date field at 200 % text on a 320 px screen', async (t) => {
  const { page } = await openApp(t, 'patterns');
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  const since = page.getByRole('textbox', { name: 'Since', exact: true });
  await since.waitFor();
  // The room the field has for its text, against what "12/30/2026" and its calendar
  // button need in the field's own font (the widest a date is written here).
  const { room, needed } = await since.evaluate((input) => {
    const style = getComputedStyle(input);
    const canvas = document.createElement('canvas').getContext('2d');
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = canvas.measureText('12/30/2026').width;
    const em = parseFloat(style.fontSize);
    return {
      room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      // Chromium's calendar button is 1em wide, with a few pixels of margin.
      needed: text + em + 4,
    };
  });
  assert.ok(room >= needed, `the field has ${Math.round(room)} px for a date that needs ${Math.round(needed)} px`);
});

test('a field reached with Tab is never hidden under the header, the navigation or the Save bar', async (t) => {
  // Normal text on a phone: the header, the navigation and the form's actions are all on screen.
  const { page } = await openApp(t, 'write');
  await page.setViewportSize({ width: 412, height: 720 });
  await page.getByRole('radiogroup', { name: 'Mood' }).waitFor();
  // Start at the top of the form, then walk down it and back up it.
  await page.getByRole('heading', { level: 1 }).evaluate((h) => { h.tabIndex = -1; h.focus(); });
  const hidden = [];
  const seen = new Set();
  for (const key of [...Array(40).fill('Tab'), ...Array(40).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    const report = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || !document.querySelector('main').contains(el)) return null;
      // A radio drawn as its label (the input itself is 1 px) is judged by the label.
      const own = el.getBoundingClientRect();
      const r = own.width < 4 || own.height < 4 ? (el.labels?.[0] ?? el).getBoundingClientRect() : own;
      const covering = [...document.querySelectorAll('body *')].filter((b) => {
        const pos = getComputedStyle(b).position;
        if ((pos !== 'fixed' && pos !== 'sticky') || b.contains(el)) return false;
        const q = b.getBoundingClientRect();
        return q.height > 0 && q.top < r.bottom - 1 && q.bottom > r.top + 1 && q.left < r.right && q.right > r.left;
      });
      const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.textContent.trim() || el.tagName;
      return { name, covered: covering.map((b) => b.getAttribute('aria-label') || b.tagName.toLowerCase()) };
    });
    if (!report) continue;
    seen.add(report.name);
    if (report.covered.length) hidden.push(`${report.name} (${key}) under ${report.covered.join(', ')}`);
  }
  assert.ok(seen.has('Save entry'), 'the walk reached the Save button');
  assert.deepEqual(hidden, []);
});

test('at 200 % text on a phone the navigation folds behind Menu, which opens, leads on and closes', async (t) => {
  const { page } = await openApp(t, '');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  assert.equal(await menu.isVisible(), false, 'with normal text every link shows and there is no Menu');
  assert.equal(await nav.getByRole('link').count(), 5);

  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  await menu.waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await nav.getByRole('link').count(), 0, 'the links are folded away');
  const heading = await page.getByRole('main').getByRole('heading', { level: 1, name: 'Today' }).boundingBox();
  assert.ok(heading.y + heading.height < 640 / 2, `the screen's heading is in the top half (${heading.y})`);

  await menu.focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await nav.getByRole('link', { name: 'Journal', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.matches('main h1') && document.activeElement.textContent === 'Journal');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'the menu closes on the new screen');
  assert.equal(await nav.getByRole('link').count(), 0);
});
