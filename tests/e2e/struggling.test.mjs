// "I'm struggling": one tap from Today and from the Coping box; draw a card, the
// breathing pacer (with and without reduced motion), grounding, relaxation, people.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openApp } from './helpers.mjs';

const open = (t, options) => openApp(t, '', options);

const panel = (page, name) => page.getByRole('region', { name });

async function until(check, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('from Today in one tap: draw a card, then another one', async (t) => {
  const { page } = await open(t);
  await page.getByRole('link', { name: "I'm struggling" }).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: "I'm struggling" }).waitFor();
  await page.getByRole('button', { name: 'Draw a card' }).click();
  const draw = panel(page, 'Draw a card');
  // One thing at a time: the choices make way, and focus moves to what was chosen.
  assert.equal(await page.getByRole('button', { name: 'Breathe with me' }).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Draw a card');
  assert.ok(await page.getByRole('link', { name: 'My crisis card' }).isVisible());
  // With an empty box the ideas from the starter deck are drawn from.
  const title = draw.getByRole('heading', { level: 3 });
  await title.waitFor();
  const first = await title.textContent();
  assert.ok(first.length > 0);
  await draw.getByRole('button', { name: 'Another one' }).click();
  await until(async () => (await title.textContent()) !== first);
  assert.notEqual(await title.textContent(), first, 'another card');
});

test('own cards are drawn, and a favourite more often than the rest', async (t) => {
  const { page, server } = await open(t);
  await page.goto(server.url + 'coping?edit');
  await appReady(page);
  await page.getByRole('button', { name: 'No thanks' }).click();
  for (const words of ['Rarely me', 'Often me']) {
    await page.getByLabel('Kind of card').selectOption({ label: 'Affirmation' });
    await page.getByLabel('Words on the card').fill(words);
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor();
  }
  await page.getByRole('listitem').filter({ hasText: 'Often me' }).getByRole('button', { name: 'Favourite' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-pressed="true"]'));
  // From the Coping box in one tap.
  await page.getByRole('link', { name: "I'm struggling" }).click();
  await page.getByRole('button', { name: 'Draw a card' }).click();
  const draw = panel(page, 'Draw a card');
  await draw.getByText(/^(Rarely|Often) me$/).waitFor();
  // Two cards: "Another one" always shows the other one.
  let seen = new Set();
  for (let i = 0; i < 4; i++) {
    const title = draw.getByRole('heading', { level: 3 });
    const before = await title.textContent();
    seen.add(before);
    await draw.getByRole('button', { name: 'Another one' }).click();
    await until(async () => (await title.textContent()) !== before);
  }
  assert.deepEqual([...seen].sort(), ['Often me', 'Rarely me']);
});

for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`the breathing pacer gives its cues in a live region and stops (${reducedMotion})`, async (t) => {
    const { page, server, context } = await open(t, { reducedMotion });
    // Records vibration instead of buzzing.
    await context.addInitScript(() => {
      window.__buzz = [];
      Navigator.prototype.vibrate = function (ms) { window.__buzz.push(ms); return true; };
    });
    await page.goto(server.url + 'struggling');
    await appReady(page);
    await page.getByRole('button', { name: 'Breathe with me' }).click();
    const pacer = panel(page, 'Breathe with me');
    await pacer.getByRole('button', { name: 'Box breathing' }).click();
    await pacer.getByRole('checkbox', { name: 'Vibrate when it changes' }).check();
    await pacer.getByRole('button', { name: 'Start' }).click();
    const cue = pacer.getByRole('status');
    assert.equal(await cue.getAttribute('aria-live'), 'polite');
    await cue.filter({ hasText: 'Breathe in' }).waitFor();
    await pacer.getByText(/round 1 of 4/).waitFor();
    // Box breathing holds after 4 seconds.
    await cue.filter({ hasText: 'Hold' }).waitFor({ timeout: 7000 });
    assert.deepEqual(await page.evaluate(() => window.__buzz), [150, 60], 'a buzz at the start of each phase');
    const circle = await page.evaluate(() => getComputedStyle(document.querySelector('.pacer__stage')).display);
    assert.equal(circle === 'none', reducedMotion === 'reduce', 'the circle shows only when motion is welcome');
    await pacer.getByRole('button', { name: 'Stop' }).click();
    await pacer.getByRole('button', { name: 'Start' }).waitFor();
    assert.equal((await cue.textContent()).trim(), '', 'no more cues after Stop');
    await page.waitForTimeout(1200);
    assert.equal((await cue.textContent()).trim(), '', 'the timer stopped too');

    await pacer.getByRole('button', { name: '4-7-8 breathing' }).click();
    await pacer.getByRole('button', { name: 'Start' }).click();
    await cue.filter({ hasText: 'Breathe in' }).waitFor();
    await pacer.getByText(/round 1 of 4/).waitFor();
    await pacer.getByRole('button', { name: 'Stop' }).click();
  });
}

test('5-4-3-2-1 grounding, step by step, with optional notes', async (t) => {
  const { page, server } = await open(t);
  await page.goto(server.url + 'struggling');
  await appReady(page);
  await page.getByRole('button', { name: 'Ground myself: 5-4-3-2-1' }).click();
  const g = panel(page, 'Ground myself: 5-4-3-2-1');
  await g.getByText('Step 1 of 6').waitFor();
  await g.getByText(/few slow breaths/).waitFor();
  await g.getByRole('button', { name: 'Next' }).click();
  await g.getByText('Name 5 things you can see.', { exact: false }).waitFor();
  await g.getByLabel('Things I can see (optional)').fill('the window, a mug');
  for (const [sense, prompt] of [['touch', '4 things you can touch'], ['hear', '3 things you can hear'], ['smell', '2 things you can smell'], ['taste', '1 thing you can taste']]) {
    await g.getByRole('button', { name: 'Next' }).click();
    await g.getByText(prompt).waitFor();
    assert.ok(await g.getByLabel(`Things I can ${sense} (optional)`).isVisible());
  }
  await g.getByRole('button', { name: 'Back' }).click();
  await g.getByText('2 things you can smell').waitFor();
  await g.getByRole('button', { name: 'Next' }).click();
  await g.getByRole('button', { name: 'Next' }).click();
  await g.getByText('Finished').waitFor();
  await g.getByText(/You are here, right now/).waitFor();
  await g.getByRole('button', { name: 'Start again' }).click();
  await g.getByText('Step 1 of 6').waitFor();
});

test('muscle relaxation step by step, and people to call with the crisis card one tap away', async (t) => {
  const { page, server } = await open(t);
  await page.goto(server.url + 'struggling');
  await appReady(page);
  await page.getByRole('button', { name: 'Relax my muscles' }).click();
  const r = panel(page, 'Relax my muscles');
  await r.getByText(/check with your doctor/).waitFor();
  await r.getByRole('button', { name: 'Next' }).click();
  await r.getByRole('heading', { name: 'Feet' }).waitFor();
  for (let i = 0; i < 7; i++) await r.getByRole('button', { name: 'Next' }).click();
  await r.getByText('Finished').waitFor();

  await page.getByRole('button', { name: 'Choose something else' }).click();
  await page.getByRole('button', { name: 'My people' }).click();
  await panel(page, 'My people').getByText("You haven't added anyone yet.", { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Choose something else' }).click();
  await page.getByRole('button', { name: 'My photos and reasons' }).click();
  await panel(page, 'My photos and reasons').getByText('You haven\'t added any photos or reasons yet.', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'My crisis card' }).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
});
