// The thought record in plain words, one step at a time (issue 9, item 5): every step a
// question with its CBT term explained, ratings by slider said in words, Back and Next
// with focus on the step's heading, a draft that keeps the words and the step, axe in
// both themes, and no sideways scrolling at 200 % text on a 320 px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, appReady, axe, textSize, until, storedRecords } from './helpers.mjs';

const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
/// Text on screen now (the steps not shown are in the page, hidden).
const shown = (page, text) => page.getByText(text).filter({ visible: true });
const stepHeading = (page, n, name) => page.getByRole('heading', { level: 2, name: `Step ${n} of 7: ${name}` });

/// The id of the one thought record saved, read from the database (as the journal's
/// "Open" link has it).
async function thoughtId(page) {
  const ids = (await storedRecords(page, 'thought_record')).map((r) => r.id);
  if (ids.length !== 1) throw new Error(`expected one thought record, found ${ids.length}`);
  return ids[0];
}

/// Presses `key` on `locator`, the way a keyboard user does once focus is there.
async function press(locator, key) {
  await locator.focus();
  await locator.press(key);
}

/// Waits until the heading of step `n` has focus (Next and Back move it there).
async function focusedOn(page, n, name) {
  await stepHeading(page, n, name).waitFor();
  await until(() => stepHeading(page, n, name).evaluate((h) => h === document.activeElement), `focus on step ${n}'s heading`);
}

/// Moves on with "Next" by keyboard and checks where focus lands.
async function next(page, n, name) {
  await press(page.getByRole('button', { name: 'Next', exact: true }), 'Enter');
  await focusedOn(page, n, name);
}

test('a whole thought record by keyboard, step by step, with Back keeping what was typed', async (t) => {
  const { page, server } = await openApp(t, 'journal');
  await press(page.getByRole('link', { name: 'Thought record' }), 'Enter');
  await page.getByRole('heading', { level: 1, name: 'Thought record' }).waitFor();

  // Step 1: the question, and the term explained under it. No Back on the first step.
  await stepHeading(page, 1, 'What happened?').waitFor();
  await shown(page, 'The situation: where you were, who was there').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Back', exact: true }).isVisible(), false);
  await page.getByLabel('What happened').focus();
  await page.keyboard.type('My friend did not answer my message');
  // Enter in a one-line field never saves the record half done.
  await press(page.getByLabel('When'), 'Enter');
  await stepHeading(page, 1, 'What happened?').waitFor();
  await next(page, 2, 'How did you feel?');
  await shown(page, 'Your moods in that moment').waitFor();

  // Step 2: a mood in a word, its strength by slider, said in words and number.
  await page.getByLabel('Mood 1', { exact: true }).focus();
  await page.keyboard.type('Hurt');
  const before = page.getByRole('slider', { name: 'How strong it was (mood 1)' });
  assert.equal(await before.getAttribute('type'), 'range', 'a slider, never a typed number');
  await shown(page, '50 of 100, moderate').waitFor();
  await before.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await before.inputValue(), '80');
  await shown(page, '80 of 100, very strong').waitFor();
  assert.equal(await before.getAttribute('aria-valuetext'), '80 of 100, very strong');
  await next(page, 3, 'What went through your mind?');

  // Step 3: two thoughts, and the one that hurts most marked (the "hot thought").
  await shown(page, 'the one therapists call the "hot thought"').waitFor();
  await page.getByLabel('Thought 1', { exact: true }).focus();
  await page.keyboard.type('They are tired of me');
  await press(page.getByRole('button', { name: 'Add a thought' }), 'Enter');
  await page.getByLabel('Thought 2', { exact: true }).focus();
  await page.keyboard.type('I always push people away');
  await press(page.getByRole('radio', { name: 'Thought 2 hurts most' }), 'Space');
  assert.ok(await page.getByRole('radio', { name: 'Thought 2 hurts most' }).isChecked());
  await next(page, 4, 'What makes it feel true?');

  // Step 4 shows the thought it is about.
  await shown(page, 'The thought that hurts most: I always push people away').waitFor();
  await page.getByLabel('What makes it feel true').focus();
  await page.keyboard.type('They have been quiet');

  // Back, twice: everything typed is still there, and focus is on each step's heading.
  await press(page.getByRole('button', { name: 'Back', exact: true }), 'Enter');
  await focusedOn(page, 3, 'What went through your mind?');
  assert.equal(await page.getByLabel('Thought 1', { exact: true }).inputValue(), 'They are tired of me');
  assert.equal(await page.getByLabel('Thought 2', { exact: true }).inputValue(), 'I always push people away');
  assert.ok(await page.getByRole('radio', { name: 'Thought 2 hurts most' }).isChecked());
  await press(page.getByRole('button', { name: 'Back', exact: true }), 'Enter');
  await focusedOn(page, 2, 'How did you feel?');
  assert.equal(await page.getByLabel('Mood 1', { exact: true }).inputValue(), 'Hurt');
  await shown(page, '80 of 100, very strong').waitFor();

  // "See all steps" jumps straight to step 4, where the evidence waits.
  await press(page.getByText('See all steps'), 'Enter');
  await press(page.getByRole('button', { name: /^4\. What makes it feel true\?/ }), 'Enter');
  await focusedOn(page, 4, 'What makes it feel true?');
  assert.equal(await page.getByLabel('What makes it feel true').inputValue(), 'They have been quiet');
  await next(page, 5, "What doesn't fit it?");
  await shown(page, 'Evidence against:').waitFor();
  await page.getByLabel("What doesn't fit it").focus();
  await page.keyboard.type('They were at a wedding all weekend');
  await next(page, 6, 'A kinder, fairer way to see it');
  await shown(page, 'A balanced thought: one that takes in both sides').waitFor();
  await page.getByLabel('A kinder, fairer way to see it').focus();
  await page.keyboard.type('They are probably busy; we usually talk every week');
  await next(page, 7, 'How do you feel now?');

  // Step 7: the same mood again, not set until the person moves it. No Next on the last step.
  assert.equal(await page.getByRole('button', { name: 'Next', exact: true }).isVisible(), false);
  const after = page.getByRole('slider', { name: 'Hurt now' });
  await shown(page, 'Not set yet').waitFor();
  assert.equal(await after.getAttribute('aria-valuetext'), 'Not set yet');
  await shown(page, 'Before: 80 of 100, very strong').waitFor();
  await after.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
  await shown(page, '40 of 100, moderate').waitFor();
  assert.equal(await after.getAttribute('aria-valuetext'), '40 of 100, moderate');
  await press(page.getByRole('button', { name: 'Save thought record' }), 'Enter');

  // In the journal with its hot thought and both ratings.
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  const item = entries(page).filter({ hasText: 'My friend did not answer my message' });
  await item.getByText('I always push people away').waitFor();
  await item.getByText('Hurt 80 → 40').waitFor();
  await item.getByText('They are probably busy; we usually talk every week').waitFor();

  // Opening it again starts on step 1, with everything in place.
  await page.goto(server.url + `thought?id=${await thoughtId(page)}`);
  await appReady(page);
  await stepHeading(page, 1, 'What happened?').waitFor();
  assert.equal(await page.getByLabel('What happened').inputValue(), 'My friend did not answer my message');
  await next(page, 2, 'How did you feel?');
  assert.equal(await page.getByRole('slider', { name: 'How strong it was (mood 1)' }).inputValue(), '80');
});

test('a thought record can be saved on any step, and a single thought is the one that hurts most', async (t) => {
  const { page } = await openApp(t, 'thought');
  await page.getByLabel('What happened').fill('A hard call with my manager');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await stepHeading(page, 3, 'What went through your mind?').waitFor();
  await page.getByLabel('Thought 1', { exact: true }).fill("I'm going to lose this job");
  // With one thought there is nothing to choose between.
  assert.equal(await page.getByRole('radio', { name: 'Thought 1 hurts most' }).isVisible(), false);
  await page.getByRole('button', { name: 'Save thought record' }).click();
  const item = entries(page).filter({ hasText: 'A hard call with my manager' });
  await item.getByText("I'm going to lose this job").waitFor();
});

test('a thought record half written comes back after a reload, on the step it was left on', async (t) => {
  const { page } = await openApp(t, 'thought');
  await page.getByLabel('What happened').fill('Snapped at my partner over dinner');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Mood 1', { exact: true }).fill('Guilty');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Thought 1', { exact: true }).fill('I ruin everything');
  await page.waitForTimeout(900); // drafts are written once typing pauses
  await page.reload();
  await appReady(page);
  await page.getByRole('status').filter({ hasText: 'We kept what you were writing.' }).waitFor();
  await stepHeading(page, 3, 'What went through your mind?').waitFor();
  assert.equal(await page.getByLabel('Thought 1', { exact: true }).inputValue(), 'I ruin everything');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByLabel('Mood 1', { exact: true }).inputValue(), 'Guilty');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByLabel('What happened').inputValue(), 'Snapped at my partner over dinner');

  // Moving between steps of an empty record keeps nothing: a new one starts on step 1.
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await entries(page).filter({ hasText: 'Snapped at my partner over dinner' }).waitFor();
  await page.getByRole('link', { name: 'Thought record' }).click();
  await stepHeading(page, 1, 'What happened?').waitFor();
  assert.equal(await page.getByLabel('What happened').inputValue(), '', 'saved, so the draft is gone');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await stepHeading(page, 2, 'How did you feel?').waitFor();
  await page.waitForTimeout(900);
  await page.reload();
  await appReady(page);
  await stepHeading(page, 1, 'What happened?').waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'We kept what you were writing.' }).count(), 0);
});

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe violations on the thought record's steps (${colorScheme})`, async (t) => {
    const { page } = await openApp(t, 'thought', { colorScheme });
    await page.getByLabel('What happened').fill('A crowded bus');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await stepHeading(page, 2, 'How did you feel?').waitFor();
    await page.getByLabel('Mood 1', { exact: true }).fill('Anxious');
    await page.getByText('See all steps').click();
    const found = (await axe(page)).map((v) => `step 2: ${v}`);
    await page.getByRole('button', { name: /^7\. How do you feel now\?/ }).click();
    await stepHeading(page, 7, 'How do you feel now?').waitFor();
    await page.getByRole('slider', { name: 'Anxious now' }).waitFor();
    found.push(...(await axe(page)).map((v) => `step 7: ${v}`));
    assert.deepEqual(found, []);
  });
}

test('every step of the thought record fits a 320 px phone at 200 % text, without sideways scrolling', async (t) => {
  const { page } = await openApp(t, 'thought');
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  await page.getByLabel('What happened').fill('A long word that should wrap: unbelievablyoverwhelminglyexhaustingafternoon');
  const names = ['What happened?', 'How did you feel?', 'What went through your mind?', 'What makes it feel true?',
    "What doesn't fit it?", 'A kinder, fairer way to see it', 'How do you feel now?'];
  const problems = [];
  for (let n = 1; n <= 7; n++) {
    await stepHeading(page, n, names[n - 1]).waitFor();
    if (n === 3) await page.getByLabel('Thought 1', { exact: true }).fill('Everyone on the bus was staring at me and judging me');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (wide > 0) problems.push(`step ${n}: ${wide} px sideways`);
    for (const slider of await page.getByRole('slider').all()) {
      if (!(await slider.isVisible())) continue;
      const box = await slider.boundingBox();
      if (box.x < 0 || box.x + box.width > 320) problems.push(`step ${n}: a slider at ${box.x}-${box.x + box.width} px`);
    }
    if (n < 7) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  assert.deepEqual(problems, []);
});
