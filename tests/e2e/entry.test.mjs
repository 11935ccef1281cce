// A new entry as a person meets it (issue 9, item 1): a mood in two taps from Today,
// the writing box right after the mood, the details folded until a person uses them,
// symptoms and sleep set with sliders and said in words, and the way back to an
// entry left unfinished.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, appReady, axe, textSize, until, storedRecords } from './helpers.mjs';

const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
const moodsOnToday = (page) => page.getByRole('region', { name: 'How are you right now?' });
const details = (page) => page.getByRole('button', { name: 'Add more detail' });
const continueLink = (page) => page.getByRole('link', { name: 'Continue your unfinished entry' });
const writing = (page) => page.getByLabel("What's on your mind?");

/// Clicks, counted: the taps a person makes.
function tapper() {
  const tap = async (locator, options) => {
    tap.count += 1;
    await locator.click(options);
  };
  tap.count = 0;
  return tap;
}

/// The journal entries as stored in IndexedDB (their bodies).
async function storedEntries(page) {
  return (await storedRecords(page, 'journal_entry')).map((r) => ({ id: r.id, ...r.body }));
}

test('a mood alone is saved in one tap from Today and shows in the journal', async (t) => {
  const { page, server } = await openApp(t, '');
  const tap = tapper();
  const moods = moodsOnToday(page);
  // The five moods, each with its word (and its mark beside it).
  assert.deepEqual((await moods.getByRole('button').allTextContents()).map((s) => s.trim()), ['Very low', 'Low', 'Okay', 'Good', 'Very good']);
  assert.equal(await moods.locator('svg').count(), 5);

  await tap(moods.getByRole('button', { name: 'Good', exact: true }));
  await moods.getByRole('status').filter({ hasText: /^Saved: Good, / }).waitFor();
  assert.equal(tap.count, 1, 'one tap from Today to a saved mood');
  await until(async () => (await storedEntries(page)).length === 1, 'the entry stored');
  const [stored] = await storedEntries(page);
  assert.equal(stored.mood, 4);
  assert.equal(stored.text, '');
  await page.goto(server.url + 'journal');
  await appReady(page);
  await entries(page).first().getByText('Good').waitFor();
  assert.equal(await entries(page).count(), 1);
});

test('the full form opened with a mood (Today\'s way when a check-in cannot be saved): the mood chosen, the writing box focused, above the folded details', async (t) => {
  const { page } = await openApp(t, 'write?mood=4');
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
  assert.ok(await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Good', exact: true }).isChecked());
  // Focus is in the writing box, ready for words if the person wants them.
  await until(() => writing(page).evaluate((el) => el === document.activeElement), 'focus in the writing box');
  // The writing box comes right after the mood, before the folded details.
  const top = async (l) => (await l.boundingBox()).y;
  assert.ok(await top(writing(page)) < await top(details(page)), 'the writing box is above "Add more detail"');
  assert.equal(await details(page).getAttribute('aria-expanded'), 'false', 'folded for a new person');

  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  await entries(page).first().getByText('Good').waitFor();
  const [stored] = await storedEntries(page);
  assert.equal(stored.mood, 4);
});

test('a full entry from Today: mood, words, an emotion, a symptom and sleep, counted', async (t) => {
  const { page } = await openApp(t, '');
  const tap = tapper();
  // One tap saves the mood; "Add more" opens that entry for the rest.
  await tap(moodsOnToday(page).getByRole('button', { name: 'Low', exact: true }));
  await tap(moodsOnToday(page).getByRole('link', { name: 'Add more' }));
  await page.getByRole('heading', { level: 1, name: 'Edit entry' }).waitFor();
  await tap(writing(page));
  await page.keyboard.type('A long day, but I got through it.');
  await tap(details(page));
  await tap(page.getByRole('group', { name: 'Emotions' }).getByRole('button', { name: 'Tired' }));
  // One tap on a slider sets it where it is tapped.
  const anxiety = page.getByRole('slider', { name: 'Anxiety' });
  const box = await anxiety.boundingBox();
  await tap(anxiety, { position: { x: box.width * 0.6, y: box.height / 2 } });
  assert.notEqual(await anxiety.getAttribute('aria-valuetext'), 'not set');
  const sleep = page.getByRole('slider', { name: 'Hours slept' });
  const sleepBox = await sleep.boundingBox();
  await tap(sleep, { position: { x: sleepBox.width * 0.3, y: sleepBox.height / 2 } });
  assert.match(await sleep.getAttribute('aria-valuetext'), /^\d+(\.5)? hours?$/);
  await tap(page.getByRole('button', { name: 'Save entry' }));
  await entries(page).filter({ hasText: 'A long day, but I got through it.' }).waitFor();
  assert.equal(tap.count, 8, 'taps for a full entry (no number typed): the mood saved in one, then Add more and the rest');
  const [stored] = await storedEntries(page);
  assert.equal(stored.mood, 2);
  assert.deepEqual(stored.emotions, ['Tired']);
  assert.deepEqual(stored.symptoms.map((s) => s.name), ['Anxiety', 'Sleep (hours)'], 'sleep kept where sleep_hours() reads it; untouched symptoms not saved');
});

test('"Add more detail" is folded for a new person, opens by keyboard, sliders say their value in words, and it stays open for a person who uses it', async (t) => {
  const { page, server } = await openApp(t, 'write');
  const toggle = details(page);
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('slider', { name: 'Anxiety' }).isVisible(), false, 'the details are folded away');

  await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Okay', exact: true }).check();
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');

  // A slider not touched is "not set"; the arrow keys set it, and the words follow.
  const anxiety = page.getByRole('slider', { name: 'Anxiety' });
  const field = page.locator('.scale-field').filter({ has: anxiety });
  assert.equal(await anxiety.getAttribute('aria-valuetext'), 'not set');
  await field.getByText('not set').waitFor();
  await anxiety.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await anxiety.getAttribute('aria-valuetext'), '6 of 10');
  await field.getByText('6 of 10').waitFor();
  await page.keyboard.press('Home');
  assert.equal(await anxiety.getAttribute('aria-valuetext'), 'none', '0 is said as none');
  // Clear makes it not set again; then set it once more.
  await page.getByRole('button', { name: 'Clear anxiety' }).click();
  assert.equal(await anxiety.getAttribute('aria-valuetext'), 'not set');
  await anxiety.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await field.getByText('3 of 10').waitFor();

  // Sleep is its own field, in half hours, not in the symptom list.
  const sleep = page.getByRole('slider', { name: 'Hours slept' });
  assert.equal(await sleep.getAttribute('aria-valuetext'), 'not set');
  await sleep.fill('7.5');
  assert.equal(await sleep.getAttribute('aria-valuetext'), '7.5 hours');
  await sleep.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await sleep.getAttribute('aria-valuetext'), '7 hours');
  const symptoms = page.getByRole('group', { name: 'Symptoms' });
  assert.deepEqual(await symptoms.getByRole('slider').evaluateAll((s) => s.map((e) => e.labels[0].textContent)), ['Anxiety', 'Energy', 'Panic']);
  assert.equal(await page.getByRole('spinbutton').count(), 0, 'no typed numbers');

  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  await entries(page).first().getByText('Anxiety 3/10').waitFor();
  const [stored] = await storedEntries(page);
  assert.deepEqual(stored.symptoms, [{ name: 'Anxiety', value: 3 }, { name: 'Sleep (hours)', value: 7 }], 'Energy and Panic, not set, are not saved');

  // The next new entry opens with the details unfolded, even after a reload.
  await page.goto(server.url + 'write');
  await appReady(page);
  await details(page).waitFor();
  assert.equal(await details(page).getAttribute('aria-expanded'), 'true', 'remembered open');
  assert.equal(await page.getByRole('slider', { name: 'Anxiety' }).getAttribute('aria-valuetext'), 'not set', 'a new entry starts with nothing set');

  // Editing the entry shows its sleep and symptom, unfolded.
  await page.evaluate(() => localStorage.removeItem('between.entry_details'));
  await page.goto(server.url + `write?id=${stored.id}`);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Edit entry' }).waitFor();
  await until(async () => (await details(page).getAttribute('aria-expanded')) === 'true', 'details open for an entry that has them');
  assert.equal(await page.getByRole('slider', { name: 'Hours slept' }).getAttribute('aria-valuetext'), '7 hours');
  assert.equal(await page.getByRole('slider', { name: 'Anxiety' }).getAttribute('aria-valuetext'), '3 of 10');
  assert.equal(await page.getByRole('slider', { name: 'Energy' }).getAttribute('aria-valuetext'), 'not set');

  // A person whose last new entry had no details finds them folded again.
  await page.goto(server.url + 'write');
  await appReady(page);
  await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Good', exact: true }).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  await page.goto(server.url + 'write');
  await appReady(page);
  await details(page).waitFor();
  assert.equal(await details(page).getAttribute('aria-expanded'), 'false');
});

test('"Continue your unfinished entry" on Journal and Today brings back the words, a mood given to the form joins them, and it is gone once saved', async (t) => {
  const { page, server } = await openApp(t, 'write');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await writing(page).fill('Something I want to say about Tuesday');
  // Straight away, without waiting for the pause after typing.
  await nav.getByRole('link', { name: 'Journal', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
  await continueLink(page).waitFor();
  await nav.getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await continueLink(page).waitFor();

  // A mood tapped on Today is a check-in of its own: the unfinished words keep waiting.
  await moodsOnToday(page).getByRole('button', { name: 'Low', exact: true }).click();
  await moodsOnToday(page).getByRole('status').filter({ hasText: /^Saved: Low, / }).waitFor();
  await continueLink(page).waitFor();
  // The full form opened with a mood (Today's way when a check-in cannot be saved)
  // adds it to the words kept, not instead of them.
  await page.goto(server.url + 'write?mood=2');
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
  await until(async () => (await writing(page).inputValue()) === 'Something I want to say about Tuesday', 'the words are back');
  assert.ok(await page.getByRole('radio', { name: 'Low', exact: true }).isChecked());

  await nav.getByRole('link', { name: 'Today', exact: true }).click();
  await continueLink(page).click();
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
  await until(async () => (await writing(page).inputValue()) === 'Something I want to say about Tuesday', 'the words are back');
  assert.ok(await page.getByRole('radio', { name: 'Low', exact: true }).isChecked(), 'the mood was kept too');

  await page.getByRole('button', { name: 'Save entry' }).click();
  await entries(page).filter({ hasText: 'Something I want to say about Tuesday' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await continueLink(page).count(), 0, 'gone from the journal once saved');
  await nav.getByRole('link', { name: 'Today', exact: true }).click();
  await moodsOnToday(page).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await continueLink(page).count(), 0, 'gone from Today once saved');
});

for (const colorScheme of ['light', 'dark']) {
  test(`the new entry and Today pass axe and fit 320 px at 200 % text (${colorScheme})`, async (t) => {
    const { page, server } = await openApp(t, 'write', { colorScheme });
    // Details open with a slider set and one not set; an unfinished entry waiting on Today.
    await writing(page).fill('Words to come back to');
    await details(page).click();
    await page.getByRole('slider', { name: 'Anxiety' }).fill('6');
    await page.waitForTimeout(900); // the draft is written once typing pauses
    const found = [];
    const check = async (where) => {
      found.push(...(await axe(page)).map((v) => `${where}: ${v}`));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) found.push(`${where}: ${wide} px wider than the screen`);
    };
    await check('/write');
    await page.goto(server.url);
    await appReady(page);
    await continueLink(page).waitFor();
    await check('/');

    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await check('/ at 320 px, 200 %');
    for (const link of await moodsOnToday(page).getByRole('button').all()) {
      const b = await link.boundingBox();
      if (b.x < 0 || b.x + b.width > 320) found.push(`/: the mood ${await link.textContent()} is off the screen`);
    }
    await page.goto(server.url + 'write');
    await appReady(page);
    await until(async () => (await writing(page).inputValue()) === 'Words to come back to', 'the draft is back');
    await check('/write at 320 px, 200 %');
    const slider = await page.getByRole('slider', { name: 'Anxiety' }).boundingBox();
    if (slider.width < 100) found.push(`/write: the slider is only ${Math.round(slider.width)} px wide`);
    assert.deepEqual(found, []);
  });
}
