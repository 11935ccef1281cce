// The form kit as a person meets it: words kept when the page is hidden and the tab
// is killed, drafts on every form, no double save, Enter never submits a half-filled
// form, a conflict shown as a choice, a record that cannot be read never saved as a
// new one, and the PHQ-9 item 9 help from the live answers, whatever storage does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openApp, writeEntry, simulateFullDisk, valueOf } from './helpers.mjs';

const entries = (page) => page.getByRole('region', { name: 'Your entries' }).getByRole('listitem');
/// Chooses `name` from the menu of a journal item.
async function choose(item, name) {
  await item.getByRole('button', { name: /^Actions for the / }).click();
  await item.getByRole('menuitem', { name }).click();
}
const kept = (page) => page.getByRole('status').filter({ hasText: 'We kept what you were writing.' });

/// Hides the page the way a phone does when the person switches app.
async function hide(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/// Kills the tab's renderer, as a phone's memory pressure does to a background tab.
async function killTab(context, page) {
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash', { timeout: 10_000 });
  // The renderer dies before it can answer, so the command itself is not awaited.
  cdp.send('Page.crash').catch(() => {});
  await crashed;
}

test('words typed just before the page is hidden survive the tab being killed', async (t) => {
  const { page, context, server } = await openApp(t, 'write', { allowErrors: [/crash|Target/i] });
  await page.getByLabel("What's on your mind?").fill('Typed on the bus, then the phone went in a pocket');
  // Well before the 400 ms pause after which a draft is written anyway.
  await hide(page);
  await page.waitForTimeout(120);
  await killTab(context, page);

  const again = await context.newPage();
  await again.goto(server.url + 'write');
  await appReady(again);
  await kept(again).waitFor();
  assert.equal(await again.getByLabel("What's on your mind?").inputValue(), 'Typed on the bus, then the phone went in a pocket');
});

test('a draft that cannot be written says so once, and saving still works once there is room', async (t) => {
  const { page, context, server } = await openApp(t, '');
  await simulateFullDisk(context);
  await page.goto(server.url + 'write');
  await appReady(page);
  await page.evaluate(() => { window.__diskFull = true; });
  await page.getByLabel("What's on your mind?").fill('Nowhere to keep this yet');
  const warning = page.getByRole('status').filter({ hasText: "Between couldn't keep a draft of this on your device" });
  await warning.waitFor();
  await page.getByLabel("What's on your mind?").fill('Nowhere to keep this yet, still typing');
  await page.waitForTimeout(900);
  assert.equal(await warning.count(), 1, 'said once, not once per keystroke');
  assert.equal(await page.getByLabel("What's on your mind?").inputValue(), 'Nowhere to keep this yet, still typing');
  await page.evaluate(() => { window.__diskFull = false; });
  await page.getByRole('button', { name: 'Save entry' }).click();
  await entries(page).filter({ hasText: 'Nowhere to keep this yet, still typing' }).waitFor();
});

test('the coping card form and the safety plan keep a draft across a reload', async (t) => {
  const { page, server } = await openApp(t, 'coping?edit');
  const offer = page.getByRole('region', { name: 'Would you like some cards to start with?' });
  await offer.getByRole('button', { name: 'No thanks' }).click();
  await page.getByLabel('Kind of card').selectOption({ label: 'Person to reach out to' });
  await page.getByLabel('Name', { exact: true }).fill('Aunt Mel');
  await page.getByLabel('Phone number').fill('0412 345 678');
  await page.waitForTimeout(900);
  await page.reload();
  await appReady(page);
  await kept(page).waitFor();
  assert.equal(await page.getByLabel('Kind of card').inputValue(), 'person');
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Aunt Mel');
  assert.equal(await page.getByLabel('Phone number').inputValue(), '0412 345 678');
  // Saved, the draft goes with the save: the form is empty after a reload.
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor();
  await page.reload();
  await appReady(page);
  await page.getByRole('link', { name: 'Call Aunt Mel' }).waitFor();
  assert.equal(await page.getByLabel('Kind of card').inputValue(), 'skill', 'a fresh form');
  assert.equal(await page.getByLabel('Words on the card', { exact: true }).inputValue(), '');

  // Editing a card keeps a draft too.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('region', { name: 'Your cards' }).getByLabel('More about it (optional)').fill('Always picks up');
  await page.waitForTimeout(900);
  await page.reload();
  await appReady(page);
  await page.getByRole('button', { name: 'Edit' }).click();
  await kept(page).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Your cards' }).getByLabel('More about it (optional)').inputValue(), 'Always picks up');

  await page.goto(server.url + 'safety-plan');
  await appReady(page);
  const signs = page.getByRole('region', { name: '1. Warning signs' });
  await signs.getByLabel('A warning sign', { exact: true }).fill('Cancelling plans with friends');
  await page.waitForTimeout(900);
  await page.reload();
  await appReady(page);
  assert.equal(await valueOf(signs.getByLabel('A warning sign', { exact: true }), 'Cancelling plans with friends'), 'Cancelling plans with friends');
  await signs.getByRole('button', { name: 'Add' }).click();
  await signs.getByRole('listitem').filter({ hasText: 'Cancelling plans with friends' }).waitFor();
  await page.reload();
  await appReady(page);
  await signs.getByRole('listitem').filter({ hasText: 'Cancelling plans with friends' }).waitFor();
  assert.equal(await signs.getByLabel('A warning sign', { exact: true }).inputValue(), '', 'added, so the draft is gone');
});

test('Enter in a one-line field never saves a half-finished entry; a double tap saves once', async (t) => {
  const { page, server } = await openApp(t, 'write');
  await page.getByRole('radiogroup', { name: 'Mood' }).getByRole('radio', { name: 'Okay', exact: true }).check();
  await page.getByRole('button', { name: 'Add more detail' }).click();
  const anxiety = page.getByRole('slider', { name: 'Anxiety' });
  await anxiety.fill('4');
  await anxiety.press('Enter');
  await page.waitForTimeout(500);
  await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
  assert.equal(await anxiety.inputValue(), '4', 'still on the form, value kept');

  await page.getByLabel("What's on your mind?").fill('Saved once, however many taps');
  await page.getByRole('button', { name: 'Save entry' }).dblclick();
  await entries(page).filter({ hasText: 'Saved once, however many taps' }).waitFor();
  await page.waitForTimeout(500);
  await page.goto(server.url + 'journal');
  await appReady(page);
  await entries(page).first().waitFor();
  assert.equal(await entries(page).count(), 1);

  // The thought record too.
  await page.goto(server.url + 'thought');
  await appReady(page);
  await page.getByLabel('What happened').fill('A hard call with my manager');
  await page.getByLabel('When').press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Thought record' }).waitFor();
  await page.getByRole('button', { name: 'Save thought record' }).dblclick();
  await entries(page).filter({ hasText: 'A hard call with my manager' }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await entries(page).filter({ hasText: 'A hard call with my manager' }).count(), 1);
});

test('an entry that is not on this device is never saved as a new one', async (t) => {
  const { page, server } = await openApp(t, 'write?id=gone-for-good');
  await page.getByRole('alert').filter({ hasText: 'This entry is no longer on this device.' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save entry' }).isVisible(), false);
  await page.goto(server.url + 'journal');
  await appReady(page);
  await page.getByText('Nothing here yet.').waitFor();
});

test('after a conflict both versions are shown and the person chooses', async (t) => {
  const { page: a, context, server } = await openApp(t, 'journal');
  await writeEntry(a, 'The first words');
  const b = await context.newPage();
  await b.goto(server.url + 'journal');
  await appReady(b);

  await choose(entries(b).first(), 'Edit');
  await b.getByLabel("What's on your mind?").waitFor();
  await choose(entries(a).first(), 'Edit');
  await a.getByLabel("What's on your mind?").fill('Tab A saved this');
  await a.getByRole('button', { name: 'Save entry' }).click();
  await entries(a).filter({ hasText: 'Tab A saved this' }).waitFor();

  await b.getByLabel("What's on your mind?").fill('Tab B wrote this meanwhile');
  await b.getByRole('button', { name: 'Save entry' }).click();
  const choice = b.getByRole('region', { name: 'This changed in another tab or window' });
  await choice.waitFor();
  await choice.getByText('Tab B wrote this meanwhile').waitFor();
  await choice.getByText('Tab A saved this').waitFor();
  assert.equal(await b.getByLabel("What's on your mind?").inputValue(), 'Tab B wrote this meanwhile', 'B keeps its words');
  // Nothing was saved over A's version while B decides.
  await a.reload();
  await appReady(a);
  await entries(a).filter({ hasText: 'Tab A saved this' }).waitFor();

  // Taking the other version puts it in the form; nothing is saved yet.
  await choice.getByRole('button', { name: 'Use the other version' }).click();
  assert.equal(await b.getByLabel("What's on your mind?").inputValue(), 'Tab A saved this');
  await b.getByLabel("What's on your mind?").fill('Tab A saved this, and B added a line');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await entries(b).filter({ hasText: 'B added a line' }).waitFor();

  // Keeping mine, the other way round.
  await choose(entries(a).first(), 'Edit');
  await a.getByLabel("What's on your mind?").waitFor();
  await choose(entries(b).first(), 'Edit');
  await b.getByLabel("What's on your mind?").fill('B again, first this time');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await entries(b).filter({ hasText: 'B again, first this time' }).waitFor();
  await a.getByLabel("What's on your mind?").fill('A keeps this one');
  await a.getByRole('button', { name: 'Save entry' }).click();
  const choiceA = a.getByRole('region', { name: 'This changed in another tab or window' });
  await choiceA.getByRole('button', { name: 'Keep my version' }).click();
  await entries(a).filter({ hasText: 'A keeps this one' }).waitFor();
  await b.reload();
  await appReady(b);
  await entries(b).filter({ hasText: 'A keeps this one' }).waitFor();
  assert.equal(await entries(b).count(), 1);
});

test('check-in answers are kept as a draft until the result is saved', async (t) => {
  const { page } = await openApp(t, 'checkin?q=gad7');
  await page.getByRole('radiogroup').nth(0).getByRole('radio', { name: 'Several days' }).check();
  await page.getByRole('radiogroup').nth(1).getByRole('radio', { name: 'Nearly every day' }).check();
  await page.waitForTimeout(900);
  await page.reload();
  await appReady(page);
  await kept(page).waitFor();
  assert.ok(await page.getByRole('radiogroup').nth(0).getByRole('radio', { name: 'Several days' }).isChecked());
  assert.ok(await page.getByRole('radiogroup').nth(1).getByRole('radio', { name: 'Nearly every day' }).isChecked());
});

for (const [name, options] of [
  ['storage refused', { blockStorage: true }],
  ['a first-ever save', {}],
]) {
  test(`PHQ-9 item 9 help shows the moment item 9 is answered, with other items unanswered (${name})`, async (t) => {
    const { page, context } = await openApp(t, '', { locale: 'en-GB', allowErrors: options.blockStorage ? [/IndexedDB|storage/i] : [] });
    if (options.blockStorage) {
      await context.addInitScript(() => {
        const refuse = () => { throw new DOMException('The user denied permission to access the database.', 'UnknownError'); };
        Object.defineProperty(window, 'indexedDB', { value: { open: refuse, deleteDatabase: refuse, databases: async () => [] } });
      });
    }
    await page.goto(page.url() + 'checkin?q=phq9');
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'PHQ-9' }).waitFor();
    // Only item 9, nothing else answered, nothing saved.
    await page.getByRole('radiogroup', { name: /^9\. / }).getByRole('radio', { name: 'Several days' }).check();
    const help = page.getByRole('region', { name: "You don't have to carry this alone" });
    await help.waitFor();
    assert.equal(await help.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
    // Focus moves to it, so a screen reader or keyboard user meets it at once.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "You don't have to carry this alone");

    await page.getByRole('button', { name: 'See my result' }).click();
    await page.getByRole('alert').filter({ hasText: '8 questions are still unanswered: questions 1, 2, 3, 4, 5, 6, 7 and 8.' }).waitFor();
    assert.ok(await help.isVisible(), 'the help stays while the rest is unanswered');

    for (let i = 0; i < 8; i++) {
      await page.getByRole('radiogroup').nth(i).getByRole('radio', { name: 'Not at all' }).check();
    }
    await page.getByRole('button', { name: 'See my result' }).click();
    if (options.blockStorage) {
      await page.getByRole('alert').filter({ hasText: "wasn't saved" }).waitFor();
      assert.ok(await help.isVisible(), 'the help stays when saving fails');
    } else {
      await page.getByText('PHQ-9: 1 out of 27').waitFor();
      await help.waitFor();
      // A low total with item 9 above zero says so in its own words.
      await page.getByText('Whatever the total, that answer matters on its own', { exact: false }).waitFor();
    }
  });
}
