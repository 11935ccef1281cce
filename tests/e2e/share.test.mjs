// Share with someone I trust (issue 10, item 8): from a win, a skill, a coping card and
// the "What I'm working on in therapy" note, "Share…" first shows the exact text; "Share"
// hands that text to the share sheet (stubbed here), "Cancel" shares nothing. The note is
// the person's own words, kept as a draft while typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openApp, dbReady, dayFromNow, valueOf, axe, textSize, seedRecords } from './helpers.mjs';

/// Opens `path` with the share sheet stubbed: what it is given is kept in `window.__shared`.
async function openWithShare(t, path) {
  const opened = await openApp(t, path);
  await opened.context.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data) => { window.__shared.push(data.text); },
    });
  });
  return opened;
}

const shared = (page) => page.evaluate(() => window.__shared);
const previewOf = (scope) => scope.getByRole('region', { name: 'This is what will be shared' });

test('a win: "Share…" shows the exact text first; Share sends it, Cancel sends nothing', async (t) => {
  const { page, server } = await openWithShare(t, 'progress');
  const today = await dayFromNow(page, 0);
  await seedRecords(page, 'win', [{ text: 'I went to the <b>party</b> for an hour', day: today.value }]);
  await page.goto(server.url + 'progress');
  await appReady(page);
  const wins = page.getByRole('region', { name: 'Wins' });
  await wins.getByText('I went to the <b>party</b> for an hour').waitFor();
  const menu = wins.getByRole('button', { name: /^Actions for the win of/ });

  // Cancel: the preview goes, nothing is shared.
  await menu.click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const preview = previewOf(wins);
  const expected = "Something I handled in a way I'm pleased with:\nI went to the <b>party</b> for an hour";
  assert.equal(await preview.locator('pre').innerText(), expected);
  assert.equal(await preview.locator('b').count(), 0, 'text renders as text');
  assert.ok(await preview.getByRole('heading', { name: 'This is what will be shared' }).evaluate((h) => h === document.activeElement), 'focus moves to the preview');
  assert.deepEqual(await axe(page), []);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await preview.waitFor({ state: 'detached' });
  assert.deepEqual(await shared(page), [], 'cancel shares nothing');

  await menu.click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  await previewOf(wins).getByRole('button', { name: 'Share' }).click();
  await previewOf(wins).getByRole('status').getByText('Shared.').waitFor();
  assert.deepEqual(await shared(page), [expected]);
});

test('a skill learned is shared from its menu on Progress', async (t) => {
  const { page, server } = await openWithShare(t, 'progress');
  await seedRecords(page, 'coping_card', [{ kind: 'skill', title: 'Opposite action', text: 'Do the opposite.', order: 1 }]);
  await page.goto(server.url + 'progress');
  await appReady(page);
  const skills = page.getByRole('region', { name: 'Skills learned' });
  await skills.getByRole('button', { name: 'Actions for the skill Opposite action' }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  assert.equal(await previewOf(skills).locator('pre').innerText(), "A skill I've learned in therapy: Opposite action");
  await previewOf(skills).getByRole('button', { name: 'Share' }).click();
  await previewOf(skills).getByRole('status').getByText('Shared.').waitFor();
  assert.deepEqual(await shared(page), ["A skill I've learned in therapy: Opposite action"]);
});

test('a coping card, opened, is shared after a preview; cancel shares nothing', async (t) => {
  const { page, server } = await openWithShare(t, 'coping');
  await seedRecords(page, 'coping_card', [{ kind: 'comfort', title: 'A warm drink', text: 'Tea, slowly, *both* hands round the cup.', order: 1 }]);
  await page.goto(server.url + 'coping');
  await appReady(page);
  await page.getByRole('button', { name: 'Open card: A warm drink' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Share…' }).click();
  const expected = 'Something that helps me: A warm drink\nTea, slowly, *both* hands round the cup.';
  assert.equal(await previewOf(dialog).locator('pre').innerText(), expected);
  assert.deepEqual(await axe(page), []);
  // At 200 % text on a 320 px screen the preview does not scroll sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await textSize(page, 32);
  assert.equal(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth), true, 'no sideways scroll in the dialog');
  await previewOf(dialog).getByRole('button', { name: 'Cancel' }).click();
  await previewOf(dialog).waitFor({ state: 'detached' });
  assert.deepEqual(await shared(page), []);

  await dialog.getByRole('button', { name: 'Share…' }).click();
  await previewOf(dialog).getByRole('button', { name: 'Share' }).click();
  await previewOf(dialog).getByRole('status').getByText('Shared.').waitFor();
  assert.deepEqual(await shared(page), [expected]);
});

test('"What I\'m working on" is the person\'s own note: drafted, saved, changed and shared', async (t) => {
  const { page } = await openWithShare(t, 'progress');
  await page.reload();
  await appReady(page);
  const part = page.getByRole('region', { name: "What I'm working on in therapy" });
  const field = part.getByLabel("In my own words, what I'm working on");
  await field.fill('Saying no without a long explanation');
  await page.waitForTimeout(900);
  await page.reload();
  await appReady(page);
  const again = page.getByRole('region', { name: "What I'm working on in therapy" }).getByLabel("In my own words, what I'm working on");
  assert.equal(await valueOf(again, 'Saying no without a long explanation', 10_000), 'Saying no without a long explanation', 'the draft is kept');

  // Nothing written: a plain message.
  await again.fill('   ');
  await part.getByRole('button', { name: 'Save' }).click();
  await part.getByRole('alert').getByText("Write a few words about what you're working on.").waitFor();

  await again.fill('Saying no without a long explanation');
  await part.getByRole('button', { name: 'Save' }).click();
  await part.getByText('Saying no without a long explanation').waitFor();
  await page.reload();
  await appReady(page);
  const saved = page.getByRole('region', { name: "What I'm working on in therapy" });
  await saved.getByText('Saying no without a long explanation').waitFor();

  await saved.getByRole('button', { name: "Actions for what I'm working on" }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const expected = "What I'm working on in therapy:\nSaying no without a long explanation";
  assert.equal(await previewOf(saved).locator('pre').innerText(), expected);
  await previewOf(saved).getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await shared(page), []);
  await saved.getByRole('button', { name: "Actions for what I'm working on" }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  await previewOf(saved).getByRole('button', { name: 'Share' }).click();
  await previewOf(saved).getByRole('status').getByText('Shared.').waitFor();
  assert.deepEqual(await shared(page), [expected]);

  // Changed from its menu.
  await saved.getByRole('button', { name: "Actions for what I'm working on" }).click();
  await page.getByRole('menuitem', { name: 'Change' }).click();
  await saved.getByLabel("In my own words, what I'm working on").fill('Asking for help');
  await saved.getByRole('button', { name: 'Save' }).click();
  await saved.getByText('Asking for help').waitFor();
});
