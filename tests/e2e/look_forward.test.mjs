// Look forward (issue 11, item 1): plan something with how much you expect to enjoy it;
// once its day has come, "Did it happen?" and "How was it?", and the sentence comparing
// expected with real enjoyment changes; a plan in the past logged as done; an idea in
// one tap and the person's own plans offered again; a rating of 11 refused with a
// message; text as text; a draft kept; offline; axe light and dark; 320 px at 200 %
// text; keyboard only; the way in from Sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until, axe, textSize, valueOf, openOffline, dayFromNow, storedRecords } from './helpers.mjs';

const WHAT = 'What would you like to do?';
const NONE_YET = "Once something you planned has happened and you've said how it was, you'll see here how it compared with what you expected.";

async function plan(page, { what, day, time, withWhom, expected }) {
  const form = page.getByRole('region', { name: 'Plan something' });
  await form.getByLabel(WHAT).fill(what);
  if (day) await form.getByLabel('Day').fill(day);
  if (time) await form.getByLabel('Time (optional)').fill(time);
  if (withWhom) await form.getByLabel('With whom (optional)').fill(withWhom);
  if (expected !== undefined) await form.getByLabel('How much do you expect to enjoy it?').fill(String(expected));
  await form.getByRole('button', { name: 'Save this plan' }).click();
}

/// The plan's list item, wherever its week puts it (an item with its own menu, so
/// never the idea of the same name).
function item(page, what) {
  return page.getByRole('main').getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Actions for / }) })
    .filter({ has: page.getByText(what, { exact: true }) });
}

test('a plan rated before, then "Did it happen?" and "How was it?" once its day has come, changes the sentence', async (t) => {
  const { page } = await openApp(t, 'look-forward');
  const compared = page.getByRole('region', { name: 'Expected and how it was' });
  await compared.getByText(NONE_YET).waitFor();
  await page.getByText('Plans you make will be listed here, week by week.').waitFor();

  const tomorrow = await dayFromNow(page, 1);
  const form = page.getByRole('region', { name: 'Plan something' });
  assert.equal(await form.getByText('Did it happen?').count(), 0, 'nothing to ask before its day');

  // A rating of 11 is refused with a message, and nothing is saved.
  await plan(page, { what: 'Dinner with <b>Sam</b>', day: tomorrow.value, time: '19:00', withWhom: 'Sam', expected: 11 });
  await form.getByRole('alert').getByText('How much you expect to enjoy it is a whole number from 0 to 10.').waitFor();
  assert.equal((await storedRecords(page, 'look_forward')).length, 0, 'nothing saved');
  await form.getByLabel('How much do you expect to enjoy it?').fill('4');
  await form.getByRole('button', { name: 'Save this plan' }).click();
  await form.getByText('Saved. Something to look forward to.').waitFor();
  assert.equal(await form.getByLabel(WHAT).inputValue(), '', 'ready for the next plan');

  const dinner = item(page, 'Dinner with <b>Sam</b>');
  await dinner.waitFor();
  assert.match(await dinner.innerText(), new RegExp(`${tomorrow.words}[\\s\\S]*With Sam[\\s\\S]*You expected 4 out of 10.`));
  assert.equal(await page.getByRole('main').locator('b').count(), 0, 'text renders as text');
  assert.equal(await dinner.getByRole('link', { name: /How did it go/ }).count(), 0, 'not yet');

  // Three days on, its day has come.
  const later = Date.now() + 3 * 24 * 60 * 60 * 1000;
  await page.clock.setFixedTime(later);
  await page.reload();
  await page.getByRole('link', { name: 'How did it go? (Dinner with <b>Sam</b>)' }).click();
  const change = page.getByRole('region', { name: 'Change this plan' });
  await change.getByRole('radio', { name: 'Yes' }).check();
  await change.getByLabel('How was it?').fill('11');
  await change.getByRole('button', { name: 'Save', exact: true }).click();
  await change.getByRole('alert').getByText('How it was is a whole number from 0 to 10.').waitFor();
  await change.getByLabel('How was it?').fill('8');
  await change.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('region', { name: 'Plan something' }).waitFor();
  await item(page, 'Dinner with <b>Sam</b>').getByText('It happened. How it was: 8 out of 10.').waitFor();
  await compared.getByText('The one thing you\'ve rated so far was more enjoyable than you expected. You expected 4 out of 10, and it was 8.').waitFor();

  // A plan in the past, logged as done in one go: the sentence changes again.
  const yesterday = await dayFromNow(page, -1);
  await form.getByLabel(WHAT).fill('Swim');
  await form.getByLabel('Day').fill(yesterday.value);
  await form.getByLabel('How much do you expect to enjoy it?').fill('7');
  await form.getByRole('radio', { name: 'Yes' }).check();
  await form.getByLabel('How was it?').fill('5');
  await form.getByRole('button', { name: 'Save this plan' }).click();
  await item(page, 'Swim').getByText('It happened. How it was: 5 out of 10.').waitFor();
  await compared.getByText('Some things you planned were more enjoyable than you expected, and some less. On average you expected 5.5 out of 10, and it was 6.5.').waitFor();

  // The chart has its table.
  await compared.getByRole('button', { name: 'Show as a table' }).click();
  const table = compared.getByRole('table', { name: 'How it was compared with what you expected, by week' });
  assert.ok((await table.getByRole('row').count()) >= 2, 'a heading row and at least one week');

  await page.reload();
  await item(page, 'Swim').waitFor();
  assert.equal((await storedRecords(page, 'look_forward')).length, 2);
});

test('an idea starts a plan in one tap, and the person\'s own plans are offered again, once each', async (t) => {
  const { page } = await openApp(t, 'look-forward');
  const form = page.getByRole('region', { name: 'Plan something' });
  const starters = form.getByRole('list', { name: 'Some ideas to start with' });
  await starters.getByRole('button', { name: 'A walk somewhere green' }).click();
  const what = form.getByLabel(WHAT);
  assert.equal(await what.inputValue(), 'A walk somewhere green');
  assert.equal(await what.evaluate((e) => e === document.activeElement), true, 'the field takes focus');
  await form.getByRole('button', { name: 'Save this plan' }).click();
  await item(page, 'A walk somewhere green').waitFor();

  await plan(page, { what: 'Swim' });
  await item(page, 'Swim').waitFor();
  await plan(page, { what: 'swim ' });
  await item(page, 'swim').waitFor();

  const own = form.getByRole('list', { name: 'From your own plans' });
  await own.getByRole('button', { name: 'A walk somewhere green' }).waitFor();
  assert.equal(await own.getByRole('button', { name: /^swim$/i }).count(), 1, 'the same idea once');
  assert.equal(await starters.getByRole('button', { name: 'A walk somewhere green' }).count(), 0, 'not offered twice');
});

test('a plan being written is kept as a draft across a reload', async (t) => {
  const { page } = await openApp(t, 'look-forward');
  const form = page.getByRole('region', { name: 'Plan something' });
  await form.getByLabel(WHAT).fill('Pottery class');
  await form.getByLabel('With whom (optional)').fill('Jo');
  await page.waitForTimeout(900);
  await page.reload();
  const again = page.getByRole('region', { name: 'Plan something' });
  assert.equal(await valueOf(again.getByLabel(WHAT), 'Pottery class', 10_000), 'Pottery class');
  assert.equal(await again.getByLabel('With whom (optional)').inputValue(), 'Jo');
});

test('plans are deleted from their menu and brought back with Undo; Sessions links here', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  await page.getByRole('link', { name: 'Look forward: small things to plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Look forward' }).waitFor();
  const day = await dayFromNow(page, 2);
  await plan(page, { what: 'Board games', day: day.value });
  await page.getByRole('button', { name: `Actions for Board games on ${day.words}` }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByText('Plans you make will be listed here, week by week.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await item(page, 'Board games').waitFor();
});

test('by keyboard only: plan something, then delete it with its menu', async (t) => {
  const { page } = await openApp(t, 'look-forward');
  await page.getByRole('heading', { level: 1, name: 'Look forward' }).waitFor();
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    if (!e) return '';
    return (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || '').trim();
  });
  const tabTo = async (name) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()) === name) return;
    }
    throw new Error(`Tab never reached "${name}"`);
  };
  await tabTo(WHAT);
  await page.keyboard.type('Bake bread');
  // Enter in a one-line field never submits a form with more to fill in.
  await page.keyboard.press('Enter');
  assert.equal((await storedRecords(page, 'look_forward')).length, 0);
  await tabTo('How much do you expect to enjoy it?');
  await page.keyboard.type('6');
  await tabTo('Save this plan');
  await page.keyboard.press('Enter');
  await item(page, 'Bake bread').getByText('You expected 6 out of 10.').waitFor();
  const today = await dayFromNow(page, 0);
  await tabTo(`Actions for Bake bread on ${today.words}`);
  await page.keyboard.press('Enter');
  // The menu puts focus on its first item (as agenda.test.mjs waits for it).
  await until(async () => (await focused()) === 'Change', 'focus on Change');
  await page.keyboard.press('ArrowDown');
  await until(async () => (await focused()) === 'Delete', 'focus on Delete');
  await page.keyboard.press('Enter');
  await page.getByText('Plans you make will be listed here, week by week.').waitFor();
});

test('with the server stopped and no network, Look forward opens and a plan is made', async (t) => {
  const { page } = await openOffline(t, 'look-forward');
  await page.getByRole('heading', { level: 1, name: 'Look forward' }).waitFor();
  await plan(page, { what: 'Picnic', expected: 6 });
  await item(page, 'Picnic').getByText('You expected 6 out of 10.').waitFor();
  await page.reload();
  await item(page, 'Picnic').waitFor();
});

for (const colorScheme of ['light', 'dark']) {
  test(`Look forward passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page, server } = await openApp(t, 'look-forward', { colorScheme });
    const yesterday = await dayFromNow(page, -1);
    const form = page.getByRole('region', { name: 'Plan something' });
    await form.getByLabel(WHAT).fill('A long walk along the river with my sister, then lunch somewhere quiet');
    await form.getByLabel('Day').fill(yesterday.value);
    await form.getByLabel('How much do you expect to enjoy it?').fill('3');
    await form.getByRole('radio', { name: 'Yes' }).check();
    await form.getByLabel('How was it?').fill('7');
    await form.getByRole('button', { name: 'Save this plan' }).click();
    const compared = page.getByRole('region', { name: 'Expected and how it was' });
    await compared.getByRole('button', { name: 'Show as a table' }).click();
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await page.goto(server.url + 'look-forward');
    await page.getByRole('region', { name: 'Expected and how it was' }).getByRole('button', { name: 'Show as a table' }).click();
    await page.getByRole('button', { name: /^Actions for A long walk/ }).waitFor();
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll');
    assert.deepEqual(await axe(page), []);
  });
}
