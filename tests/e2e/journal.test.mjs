// The journal as a person uses it: a full entry, drafts that survive, bad input,
// search and filters, the thought record, the trash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, waitForController, writeEntry, seedEntries, openApp, valueOf, until } from './helpers.mjs';

const open = (t, path = 'journal', options) => openApp(t, path, options);

const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
/// Chooses `name` from the menu of a journal item.
async function choose(item, name) {
  await item.getByRole('button', { name: /^Actions for the / }).click();
  await item.getByRole('menuitem', { name }).click();
}

test('a full entry: mood, emotions, symptoms, triggers, prompt, text, bring to session', async (t) => {
  const { page, server } = await open(t, '');
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();

  const mood = page.getByRole('radiogroup', { name: 'Mood' });
  await mood.waitFor();
  assert.deepEqual(await mood.getByRole('radio').evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim())),
    ['Very low', 'Low', 'Okay', 'Good', 'Very good']);
  await mood.getByRole('radio', { name: 'Low', exact: true }).check();

  // Emotions, symptoms, sleep and triggers are under "Add more detail", folded at first.
  await page.getByRole('button', { name: 'Add more detail' }).click();
  const emotions = page.getByRole('group', { name: 'Emotions' });
  await emotions.getByRole('button', { name: 'Anxious' }).click();
  assert.equal(await emotions.getByRole('button', { name: 'Anxious' }).getAttribute('aria-pressed'), 'true');
  await page.getByLabel('Another emotion').fill('Restless');
  await page.getByRole('button', { name: 'Add emotion' }).click();

  await page.getByRole('slider', { name: 'Anxiety' }).fill('7');
  await page.getByRole('slider', { name: 'Hours slept' }).fill('5.5');
  await page.getByLabel('Another symptom').fill('Headache');
  await page.getByRole('button', { name: 'Add symptom' }).click();
  await page.getByRole('slider', { name: 'Headache' }).fill('3');

  await page.getByLabel('Another trigger').fill('Work deadline');
  await page.getByLabel('Another trigger').press('Enter');
  await page.getByRole('group', { name: 'Triggers' }).getByRole('button', { name: 'Work deadline' }).waitFor();

  await page.getByRole('button', { name: 'Give me a prompt' }).click();
  const prompt = await page.locator('#entry-prompt').textContent();
  assert.ok(prompt.length > 10);
  await page.getByLabel("What's on your mind?").fill('The presentation went better than I feared.');
  await page.getByRole('checkbox', { name: 'Bring this to my next session' }).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();

  const item = entries(page).first();
  // The list reads the entry after the journal (and its message) is on screen.
  await item.getByText('The presentation went better than I feared.').waitFor();
  for (const text of ['Low', 'Anxious', 'Restless', 'Trigger: Work deadline', 'Anxiety 7/10', 'Sleep (hours) 5.5',
    'Headache 3/10', prompt, 'The presentation went better than I feared.', 'On your list for next session']) {
    assert.ok(await item.getByText(text, { exact: false }).first().isVisible(), text);
  }
  await page.reload();
  await appReady(page);
  await entries(page).filter({ hasText: 'Trigger: Work deadline' }).waitFor();

  // The trigger and the new emotion are offered next time (the details open, as this
  // person uses them).
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByRole('group', { name: 'Triggers' }).getByRole('button', { name: 'Work deadline' }).waitFor();
  assert.equal(await page.getByRole('group', { name: 'Emotions' }).getByRole('button', { name: 'Restless' }).getAttribute('aria-pressed'), 'false');
  assert.ok(await page.getByRole('slider', { name: 'Headache' }).isVisible());

  // It is on the list for the next session.
  await page.goto(server.url + 'sessions');
  await page.getByText('The presentation went better than I feared.').waitFor();
});

test('a draft survives a reload, the server going away, and then saves offline', async (t) => {
  const { page, server, context } = await open(t, '');
  await waitForController(page);
  await page.goto(server.url + 'write');
  await appReady(page);
  await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Okay', exact: true }).check();
  await page.getByLabel("What's on your mind?").fill('Half a thought, not finished');
  await page.waitForTimeout(900); // drafts are written once typing pauses
  await page.reload();
  await appReady(page);
  await page.getByRole('status').filter({ hasText: 'We kept what you were writing.' }).waitFor();
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), 'Half a thought, not finished');
  assert.ok(await page.getByRole('radio', { name: 'Okay', exact: true }).isChecked());

  await page.getByLabel("What's on your mind?").fill('Half a thought, now finished offline');
  await page.waitForTimeout(900);
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  assert.equal(await valueOf(page.getByLabel("What's on your mind?"), 'Half a thought, now finished offline'), 'Half a thought, now finished offline');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await entries(page).filter({ hasText: 'Half a thought, now finished offline' }).waitFor();
  // Saved, so the draft is gone: a new entry starts empty.
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), '');
  assert.equal(await page.getByText('We kept what you were writing.').count(), 0);
});

test('impossible values get a clear message and keep what was typed', async (t) => {
  const { page } = await open(t, 'write');
  await page.getByLabel("What's on your mind?").fill('Keep me');
  // A symptom is set with a slider, which stops at its end: 11 cannot be given.
  await page.getByRole('button', { name: 'Add more detail' }).click();
  const anxiety = page.getByRole('slider', { name: 'Anxiety' });
  await anxiety.fill('11');
  assert.equal(await anxiety.getAttribute('aria-valuetext'), '10 of 10');
  await page.getByRole('button', { name: 'Clear anxiety' }).click();
  assert.equal(await anxiety.getAttribute('aria-valuetext'), 'not set');

  await page.getByLabel('When').fill('2200-01-01T10:00');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('alert').filter({ hasText: 'That date is in the future.' }).waitFor();
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), 'Keep me');

  // A megabyte of pasted text is cut to the limit, not saved whole.
  await page.getByLabel('When').fill('2026-01-05T09:30');
  await page.getByLabel("What's on your mind?").fill('x'.repeat(1_000_000));
  assert.equal((await page.getByLabel("What's on your mind?").inputValue()).length, 20_000);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  await entries(page).first().waitFor();
  assert.equal(await entries(page).count(), 1);
});

test('search and filters combine and show a count', async (t) => {
  const { page } = await open(t, 'journal');
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  await seedEntries(page, [
    { at: now - 1 * day, mood: 2, triggers: ['Work'], emotions: ['Anxious'], text: 'Long meeting, then a walk' },
    { at: now - 2 * day, mood: 2, triggers: ['Family'], text: 'Phone call with mum' },
    { at: now - 3 * day, mood: 4, emotions: ['Calm'], symptoms: [{ name: 'Anxiety', value: 3 }], text: 'A slow walk by the river' },
    { at: now - 40 * day, mood: 1, triggers: ['Work'], text: 'Old entry about work' },
  ]);
  await page.reload();
  await appReady(page);
  const count = page.getByRole('region', { name: 'Your entries' }).getByRole('status');
  await count.filter({ hasText: '4 entries' }).waitFor();

  await page.getByRole('searchbox', { name: 'Search entries' }).fill('WALK');
  await count.filter({ hasText: '2 of 4 match' }).waitFor();
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Mood', { exact: true }).selectOption({ label: 'Low' });
  await count.filter({ hasText: '1 of 4 match' }).waitFor();
  assert.equal(await entries(page).count(), 1);
  await entries(page).filter({ hasText: 'Long meeting, then a walk' }).waitFor();

  await page.getByRole('searchbox', { name: 'Search entries' }).fill('');
  await page.getByLabel('Trigger').selectOption('Work');
  await count.filter({ hasText: '1 of 4 match' }).waitFor();
  await page.getByLabel('Mood', { exact: true }).selectOption({ label: 'Any mood' });
  await count.filter({ hasText: '2 of 4 match' }).waitFor();
  const from = new Date(now - 10 * day).toISOString().slice(0, 10);
  await page.getByLabel('From').fill(from);
  await count.filter({ hasText: '1 of 4 match' }).waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await count.filter({ hasText: '4 entries' }).waitFor();
  await page.getByLabel('Symptom').selectOption('Anxiety');
  await count.filter({ hasText: '1 of 4 match' }).waitFor();
  await entries(page).filter({ hasText: 'A slow walk by the river' }).waitFor();
});

test('the list shows the newest first and loads more as you scroll', async (t) => {
  const { page } = await open(t, 'journal');
  const hour = 3600 * 1000;
  const now = Date.now();
  await seedEntries(page, Array.from({ length: 130 }, (_, i) => ({ at: now - i * hour * 5, mood: 1 + (i % 5), text: `Entry number ${i}` })));
  await page.reload();
  await appReady(page);
  await entries(page).first().filter({ hasText: 'Entry number 0' }).waitFor();
  const first = await entries(page).count();
  assert.ok(first < 130, `only a first page is rendered (${first})`);
  // Scrolling to the end loads the next page, until the oldest entry is there.
  for (let i = 0; i < 10 && !(await page.getByText('Entry number 129', { exact: true }).isVisible()); i++) {
    const before = await entries(page).count();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((n) => document.querySelectorAll('.entry').length > n, before, { timeout: 5_000 });
  }
  await page.getByText('Entry number 129', { exact: true }).waitFor();
  assert.equal(await entries(page).count(), 130);
  assert.equal(await page.getByRole('button', { name: 'Show more entries' }).isVisible(), false);
});

test('keyboard users load more with the button', async (t) => {
  const { page } = await open(t, 'journal');
  const now = Date.now();
  await seedEntries(page, Array.from({ length: 90 }, (_, i) => ({ at: now - i * 3600_000, text: `Note ${i}` })));
  await page.reload();
  await appReady(page);
  await page.getByText('Note 0', { exact: true }).waitFor();
  const before = await entries(page).count();
  await page.getByRole('button', { name: 'Show more entries' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.entry').length > n, before);
});

test('a thought record walks through the seven steps and shows in the journal', async (t) => {
  const { page } = await open(t, 'journal');
  await page.getByRole('link', { name: 'Thought record' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thought record' }).waitFor();
  const next = () => page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Step 1 of 7: What happened?' }).waitFor();
  await page.getByLabel('What happened').fill('My friend did not answer my message');
  await next();
  await page.getByLabel('Mood 1', { exact: true }).fill('Hurt');
  await page.getByRole('slider', { name: 'How strong it was (mood 1)' }).fill('80');
  await next();
  await page.getByLabel('Thought 1', { exact: true }).fill('They are tired of me');
  await page.getByRole('button', { name: 'Add a thought' }).click();
  await page.getByLabel('Thought 2', { exact: true }).fill('I always push people away');
  await page.getByRole('radio', { name: 'Thought 2 hurts most' }).check();
  await next();
  await page.getByLabel('What makes it feel true').fill('They have been quiet');
  await next();
  await page.getByLabel("What doesn't fit it").fill('They were at a wedding all weekend');
  await next();
  await page.getByLabel('A kinder, fairer way to see it').fill('They are probably busy; we usually talk every week');
  await next();
  await page.getByRole('slider', { name: 'Hurt now' }).fill('40');
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  const item = entries(page).filter({ hasText: 'Thought record' });
  await item.getByText('Hot thought: I always push people away').waitFor();
  await item.getByText('Hurt 80 → 40').waitFor();
  await item.getByText('Balanced thought: They are probably busy').waitFor();
  // From the journal's list, one menu brings it to the next session, and takes it off again.
  await choose(item, 'Bring to next session');
  await item.getByText('On your list for next session').waitFor();
  await page.goto(page.url().replace(/journal.*$/, 'sessions'));
  await appReady(page);
  await page.getByRole('list', { name: 'Things to bring up, in order' })
    .getByText('Thought record: My friend did not answer my message').waitFor();
  await page.goBack();
  await appReady(page);
  await choose(entries(page).filter({ hasText: 'Thought record' }), 'Take off my next-session list');
  await until(async () => (await entries(page).filter({ hasText: 'On your list for next session' }).count()) === 0, 'the badge goes');
});

test('deleted entries wait in the trash and can be restored', async (t) => {
  const { page } = await open(t, 'journal');
  await writeEntry(page, 'Delete me, then bring me back');
  await choose(entries(page).first(), 'Delete');
  await page.getByText('Nothing here yet.').waitFor();
  await page.getByRole('link', { name: 'Recently deleted' }).click();
  await page.getByText('Delete me, then bring me back').waitFor();
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByText('Nothing deleted.').waitFor();
  await page.getByRole('link', { name: 'Back to journal' }).click();
  await entries(page).filter({ hasText: 'Delete me, then bring me back' }).waitFor();

  // Thought records go to the same trash, and "Delete for good" means it.
  await page.getByRole('link', { name: 'Thought record' }).click();
  await page.getByLabel('What happened').fill('A thought record to throw away');
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await choose(entries(page).filter({ hasText: 'A thought record to throw away' }), 'Delete');
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  await page.getByRole('link', { name: 'Recently deleted' }).click();
  await page.getByText('Thought record: A thought record to throw away').waitFor();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await page.getByText('Nothing deleted.').waitFor();
  await page.reload();
  await appReady(page);
  await page.getByText('Nothing deleted.').waitFor();
  await page.getByRole('link', { name: 'Back to journal' }).click();
  // The restored entry is there, and the thought record deleted for good is not.
  await entries(page).filter({ hasText: 'Delete me, then bring me back' }).waitFor();
  assert.equal(await entries(page).count(), 1);
});

test('a thought record half written survives a reload', async (t) => {
  const { page } = await open(t, 'thought');
  await page.getByLabel('What happened').fill('Snapped at my partner over dinner');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Thought 1', { exact: true }).fill('I ruin everything');
  await page.waitForTimeout(900); // drafts are written once typing pauses
  await page.reload();
  await appReady(page);
  await page.getByRole('status').filter({ hasText: 'We kept what you were writing.' }).waitFor();
  assert.equal(await page.getByLabel('What happened').inputValue(), 'Snapped at my partner over dinner');
  assert.equal(await page.getByLabel('Thought 1', { exact: true }).inputValue(), 'I ruin everything');
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await entries(page).filter({ hasText: 'Snapped at my partner over dinner' }).waitFor();
  await page.getByRole('link', { name: 'Thought record' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thought record' }).waitFor();
  await page.getByLabel('What happened').waitFor();
  assert.equal(await page.getByLabel('What happened').inputValue(), '', 'saved, so the draft is gone');
});
