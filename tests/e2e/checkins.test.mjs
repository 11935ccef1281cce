// Check-ins: scoring shown in plain words, history, and the PHQ-9 item 9 path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const open = openApp;

async function answer(page, count, pick) {
  for (let i = 0; i < count; i++) {
    const group = page.getByRole('radiogroup').nth(i);
    await group.getByRole('radio', { name: pick(i) }).check();
  }
}

test('PHQ-9 with item 9 above zero shows help at once, keeps the score, and offers the session list', async (t) => {
  const { page, server } = await open(t, 'safety-plan', { locale: 'en-GB' });
  // A plan with one warning sign and one person to call, made beforehand.
  const signs = page.getByRole('region', { name: '1. Warning signs' });
  await signs.getByLabel('A warning sign', { exact: true }).fill('Not sleeping for days');
  await signs.getByRole('button', { name: 'Add' }).click();
  await signs.getByRole('listitem').filter({ hasText: 'Not sleeping for days' }).waitFor();
  const people = page.getByRole('region', { name: '4. People I can ask for help' });
  await people.getByLabel('Name', { exact: true }).fill('Jo');
  await people.getByLabel('Phone (optional)').fill('07700 900123');
  await people.getByRole('button', { name: 'Add' }).click();
  await people.getByRole('listitem').filter({ hasText: 'Jo' }).waitFor();

  await page.goto(server.url + 'checkins');
  await page.getByRole('link', { name: 'Start PHQ-9' }).click();
  await page.getByRole('heading', { level: 1, name: 'PHQ-9' }).waitFor();
  assert.equal(await page.getByRole('radiogroup').count(), 9);
  await page.getByRole('radiogroup', { name: /^9\. Thoughts that you would be better off dead/ }).waitFor();
  await page.getByText('Developed by Drs. Robert L. Spitzer').first().waitFor();

  // Unanswered questions are pointed out, nothing is scored.
  await answer(page, 7, () => 'Several days');
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('alert').filter({ hasText: '2 questions are still unanswered: questions 8 and 9.' }).waitFor();
  // Focus goes to the first of them, and each says so in words.
  const eighth = page.getByRole('radiogroup', { name: /^8\. / });
  await until(() => eighth.getByRole('radio').first().evaluate((el) => el === document.activeElement), 'focus on question 8');
  assert.equal(await eighth.getByText('Not answered yet').count(), 1);
  assert.equal(await page.getByText('Not answered yet').count(), 2);
  assert.equal(await page.getByRole('radiogroup', { name: /^7\. / }).getByText('Not answered yet').count(), 0);

  await page.getByRole('radiogroup').nth(7).getByRole('radio', { name: 'Not at all' }).check();
  await page.getByRole('radiogroup').nth(8).getByRole('radio', { name: 'Several days' }).check();
  await page.getByRole('button', { name: 'See my result' }).click();

  const help = page.getByRole('region', { name: "You don't have to carry this alone" });
  await help.waitFor();
  assert.equal(await help.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
  assert.equal(await help.getByRole('link', { name: 'Text SHOUT to 85258' }).getAttribute('href'), 'sms:85258?&body=SHOUT');
  assert.ok(await help.getByRole('link', { name: 'Open my help card and safety plan' }).isVisible());
  // Their own plan and people are right there too.
  await help.getByRole('region', { name: 'My safety plan' }).getByText('Not sleeping for days').waitFor();
  assert.equal(await help.getByRole('region', { name: 'My people' }).getByRole('link', { name: 'Call Jo' }).getAttribute('href'), 'tel:07700900123');
  // The score is there too, not hidden behind the help.
  await page.getByText('PHQ-9: 8 out of 27').waitFor();
  await page.getByText('Mild', { exact: true }).waitFor();
  await page.getByText('This is not a diagnosis.', { exact: false }).waitFor();

  await help.getByRole('button', { name: 'Add “talk about this” to my next session' }).click();
  await help.getByRole('status').filter({ hasText: 'Added to your list for next session.' }).waitFor();
  await page.goto(server.url + 'sessions');
  // On a shared screen it waits behind a tap (see sensitive.test.mjs).
  await page.getByRole('button', { name: 'Sensitive topic: show' }).click();
  await page.getByText("Talk about the thoughts I've had of being better off dead").waitFor();
});

test('GAD-7 scores into its band with no safety message, and history builds a trend', async (t) => {
  const { page } = await open(t, 'checkin?q=gad7');
  await answer(page, 7, (i) => (i < 5 ? 'More than half the days' : 'Nearly every day'));
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByText('GAD-7: 16 out of 21').waitFor();
  await page.getByText('Severe', { exact: true }).waitFor();
  assert.equal(await page.getByRole('region', { name: "You don't have to carry this alone" }).count(), 0);

  await page.getByRole('link', { name: 'See all check-ins' }).click();
  await page.getByRole('link', { name: 'Start GAD-7' }).click();
  await answer(page, 7, () => 'Not at all');
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByText('GAD-7: 0 out of 21').waitFor();
  await page.getByRole('link', { name: 'See all check-ins' }).click();
  const gad = page.getByRole('region', { name: 'GAD-7' });
  await gad.getByText('Last: 0 out of 21 (Minimal)').waitFor();
  await gad.getByRole('button', { name: 'Show as a table' }).click();
  const rows = gad.getByRole('table').getByRole('row');
  assert.equal(await rows.count(), 3, 'a header and two check-ins');
  assert.deepEqual(await gad.getByRole('table').locator('td:first-of-type').allTextContents(), ['16 (Severe)', '0 (Minimal)']);
});

test('WHO-5 shows a 0-100 score and says when well-being is low', async (t) => {
  const { page } = await open(t, 'checkin?q=who5');
  await answer(page, 5, () => 'Some of the time');
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByText('WHO-5: 20 out of 100').waitFor();
  await page.getByText('Lower well-being', { exact: true }).waitFor();
  await page.getByText('WHO-5 Well-Being Index, Psychiatric Centre North Zealand.').first().waitFor();
});
