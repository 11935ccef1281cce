// Privacy on a shared screen (issue 9, item 8): Sessions and the check-in history show
// words about suicide or self-harm only after a tap, while the Settings option (on by
// default) says so; everyday topics show as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, seedEntries, axe, textSize } from './helpers.mjs';

const DAY = 24 * 60 * 60 * 1000;

/// A PHQ-9 answered "Several days" to question 9 and "Not at all" to the rest, with
/// "talk about this" added to the next session.
async function checkInWithQuestionNine(page, server) {
  await page.goto(server.url + 'checkin?q=phq9');
  const groups = page.getByRole('radiogroup');
  await groups.nth(8).waitFor();
  for (let i = 0; i < 9; i++) {
    await groups.nth(i).getByRole('radio', { name: i === 8 ? 'Several days' : 'Not at all' }).check();
  }
  await page.getByRole('button', { name: 'See my result' }).click();
  const help = page.getByRole('region', { name: "You don't have to carry this alone" });
  await help.getByRole('button', { name: 'Add “talk about this” to my next session' }).click();
  await help.getByRole('status').filter({ hasText: 'Added to your list for next session.' }).waitFor();
}

async function seedFlagged(page) {
  const now = Date.now();
  await seedEntries(page, [
    { id: 'plain', at: now - DAY, mood: 3, text: 'Ask about moving the session to Thursdays', for_session: true },
    { id: 'hard', at: now - 2 * DAY, mood: 1, text: 'The suicidal thoughts came back on Sunday night', for_session: true },
  ]);
}

test('Sessions and check-ins keep suicide and self-harm behind a tap, and show everyday topics', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  await seedFlagged(page);
  await checkInWithQuestionNine(page, server);

  await page.goto(server.url + 'sessions');
  const list = page.getByRole('region', { name: 'To bring up next time' });
  await list.getByText('Ask about moving the session to Thursdays').waitFor();
  const shows = list.getByRole('button', { name: 'Sensitive topic: show' });
  await shows.nth(1).waitFor();
  assert.equal(await shows.count(), 2, 'the check-in item and the suicidal-thoughts entry');
  const hard = list.getByText('The suicidal thoughts came back on Sunday night');
  const nine = list.getByText("Talk about the thoughts I've had of being better off dead");
  assert.equal(await hard.isVisible(), false);
  assert.equal(await nine.isVisible(), false);
  // Nothing of them is on the screen as text a person could glance at.
  assert.doesNotMatch(await list.innerText(), /suicid|better off dead|hurting myself/i);

  // A tap shows one, and says how to hide it again; the other stays hidden.
  await shows.first().click();
  const hide = list.getByRole('button', { name: 'Hide this sensitive topic' });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  assert.equal(await hide.evaluate((el) => el === document.activeElement), true, 'focus stays on the button');
  assert.equal((await nine.isVisible()) !== (await hard.isVisible()), true, 'exactly one is shown');
  await hide.click();
  assert.equal(await nine.isVisible(), false);
  assert.equal(await hard.isVisible(), false);

  // The check-in history keeps what question 9 said, behind a tap too.
  await page.goto(server.url + 'checkins');
  const phq = page.getByRole('region', { name: 'PHQ-9' });
  await phq.getByText('Last: 1 out of 27').waitFor();
  const answer = phq.getByText('Question 9, thoughts of being better off dead or of hurting yourself: “Several days”.');
  assert.equal(await answer.isVisible(), false);
  await phq.getByRole('button', { name: 'Sensitive topic: show' }).click();
  await answer.waitFor();
  // Other questionnaires have nothing to hide.
  assert.equal(await page.getByRole('region', { name: 'GAD-7' }).getByRole('button', { name: 'Sensitive topic: show' }).count(), 0);
});

test('the Settings option is on by default, turning it off shows the topics, and it is kept', async (t) => {
  const { page, server } = await openApp(t, 'settings');
  const option = page.getByRole('checkbox', { name: 'Hide sensitive topics until I tap them' });
  assert.equal(await option.isChecked(), true, 'on by default');
  await seedFlagged(page);

  await option.uncheck();
  await page.reload();
  await page.getByRole('checkbox', { name: 'Hide sensitive topics until I tap them' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Hide sensitive topics until I tap them' }).isChecked(), false, 'kept after a reload');

  await page.goto(server.url + 'sessions');
  const list = page.getByRole('region', { name: 'To bring up next time' });
  await list.getByText('The suicidal thoughts came back on Sunday night').waitFor();
  assert.equal(await list.getByRole('button', { name: 'Sensitive topic: show' }).count(), 0);

  // Back on: hidden again at once.
  await page.goto(server.url + 'settings');
  await page.getByRole('checkbox', { name: 'Hide sensitive topics until I tap them' }).check();
  await page.goto(server.url + 'sessions');
  await list.getByRole('button', { name: 'Sensitive topic: show' }).waitFor();
  assert.equal(await list.getByText('The suicidal thoughts came back on Sunday night').isVisible(), false);
});

for (const colorScheme of ['light', 'dark']) {
  test(`Sessions with a hidden topic passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page, server } = await openApp(t, 'sessions', { colorScheme });
    await seedFlagged(page);
    await page.goto(server.url + 'sessions');
    const show = page.getByRole('button', { name: 'Sensitive topic: show' });
    await show.waitFor();
    assert.deepEqual(await axe(page), []);
    await show.click();
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await page.getByRole('button', { name: 'Hide this sensitive topic' }).waitFor();
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll');
  });
}
