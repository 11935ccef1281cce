// Session prep (issue 10, item 7): "Prepare for my session" gathers a seeded week since
// the last session in words (topics in priority order with what carried over, mood,
// marked entries, homework with reflections, wins, a check-in); what is unticked leaves
// the preview; the print is one A4 and one Letter page; Share hands over exactly the
// preview's text (stubbed share sheet), or copies it where there is none; "Save as
// Markdown" saves escaped text; offline; axe light and dark; 320 px at 200 % text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appReady, openApp, openOffline, axe, textSize, dbReady, seedEntries, dayFromNow, seedRecords } from './helpers.mjs';

/// Seeds `items` ({ body, created? }) of `kind`.
const seed = (page, kind, items) => seedRecords(page, kind, items.map((i) => i.body), { created: items.map((i) => i.created) });

const TRICKY = 'Talk about *sleep* & <b>dreams</b> [later]';

/// A typical week since the last session (6 days ago at 10:00; the next is tomorrow):
/// 7 entries (one marked for the session), 4 topics (one most important, one from before
/// the last session), 2 homework (one done with a reflection), 2 wins and a check-in.
async function seedWeek(page) {
  const d = {};
  for (const n of [-13, -8, -6, -5, -4, -3, -2, -1, 0, 1]) d[n] = await dayFromNow(page, n);
  // Seven entries on the six days since the session (two on one day), all in the past
  // whatever the time of day the test runs.
  const moods = [2, 3, 2, 4, 3, 4];
  const entries = [-6, -5, -4, -3, -2, -1].map((n, i) => ({
    id: `e${i}`, at: d[n].noon + 3600_000, offset_min: d[n].offset, mood: moods[i],
    text: `Entry of day ${n}`, for_session: n === -3,
  }));
  entries[3].text = 'The argument with Sam';
  entries.push({ id: 'e6', at: d[-2].noon + 2 * 3600_000, offset_min: d[-2].offset, mood: 4, text: 'Later that day' });
  await seedEntries(page, entries);
  await seed(page, 'appointment', [{ body: {
    start: `${d[-13].value}T10:00:00`, minutes: 50, repeat: 'weekly', until: null, skipped: [], place: '', with: 'Dr Rivera', contact: '',
  } }]);
  const topic = (text, important = false) => ({ text, source: null, done: false, rank: null, important, done_at: null });
  await seed(page, 'agenda_item', [
    { body: topic('Work stress'), created: d[-2].noon },
    { body: topic(TRICKY, true), created: d[-1].noon },
    { body: topic('Visiting my parents'), created: d[-8].noon },
    { body: topic('How to say no'), created: d[-4].noon },
  ]);
  await seed(page, 'homework', [
    { body: { title: 'Breathing practice', kind: 'practise_skill', instructions: '', due: d[1].value, times_a_week: null, closed: false,
      done: [{ at: d[-2].noon, offset_min: d[-2].offset, went: 7, note: 'Calmer after' }] } },
    { body: { title: 'Write a letter I will not send', kind: 'worksheet', instructions: '', due: d[1].value, times_a_week: null, closed: false, done: [] } },
  ]);
  await seed(page, 'win', [
    { body: { text: 'Said no to extra work', day: d[-4].value } },
    { body: { text: 'Went to the shop alone', day: d[-1].value } },
  ]);
  await seed(page, 'check_in', [
    { body: { questionnaire: 'gad7', answers: [1, 1, 1, 1, 1, 0, 0], at: d[-2].noon, offset_min: d[-2].offset } },
  ]);
  return d;
}

async function openPrep(t, options = {}) {
  const opened = await openApp(t, 'sessions', options);
  const d = await seedWeek(opened.page);
  await opened.page.goto(opened.server.url + 'prepare');
  await appReady(opened.page);
  await preview(opened.page).getByText('Prepare for my session').waitFor();
  return { ...opened, d };
}

const preview = (page) => page.getByRole('region', { name: 'Preview: exactly what will be printed, shared or saved' });
const previewText = async (page) => (await preview(page).locator('pre').innerText());

test('Sessions leads to the prep screen, which shows each part of the week in words', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  const d = await seedWeek(page);
  await page.reload();
  await page.getByText('Your next session is tomorrow.', { exact: false }).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Prepare for my session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Prepare for my session' }).waitFor();
  await page.getByText(`Since my last session on ${d[-6].words}.`).first().waitFor();

  const topics = page.getByRole('list', { name: 'Things to bring up' });
  assert.deepEqual(await topics.getByRole('listitem').allInnerTexts(), [
    `Most important: ${TRICKY}`,
    'Carried over: Visiting my parents',
    'How to say no',
    'Work stress',
  ]);
  const mood = page.getByRole('region', { name: 'Mood' });
  await mood.getByText('Since then you wrote 7 entries on 6 days', { exact: false }).waitFor();
  await mood.getByRole('img', { name: /Mood each day: 6 points/ }).waitFor();
  await page.getByRole('list', { name: 'Entries I marked for the session' }).getByText(`${d[-3].words}: The argument with Sam`).waitFor();
  assert.deepEqual(await page.getByRole('list', { name: 'Homework' }).getByRole('listitem').allInnerTexts(), [
    'Done: Breathing practice (went 7 out of 10: Calmer after)',
    'Not done yet: Write a letter I will not send',
  ]);
  assert.deepEqual(await page.getByRole('list', { name: 'Wins' }).getByRole('listitem').allInnerTexts(), [
    `${d[-4].words}: Said no to extra work`,
    `${d[-1].words}: Went to the shop alone`,
  ]);
  await page.getByRole('list', { name: 'Check-ins' }).getByText(`GAD-7, ${d[-2].words}: 5 of 21: Mild`).waitFor();
  assert.equal(await page.getByRole('main').locator('b').count(), 0, 'text renders as text');

  const text = await previewText(page);
  for (const part of ['Things to bring up', 'Mood', 'Entries I marked for the session', 'Homework', 'Wins', 'Check-ins', TRICKY, 'Went to the shop alone']) {
    assert.ok(text.includes(part), `the preview has "${part}"`);
  }
});

test('what is unticked, a part or a line, leaves the preview', async (t) => {
  const { page } = await openPrep(t);
  assert.ok((await previewText(page)).includes('GAD-7'));
  await page.getByRole('checkbox', { name: 'Include “Check-ins”' }).uncheck();
  await page.getByRole('checkbox', { name: 'Work stress' }).uncheck();
  const text = await previewText(page);
  assert.ok(!text.includes('Check-ins'), 'the part is gone');
  assert.ok(!text.includes('GAD-7'), 'and its line');
  assert.ok(!text.includes('Work stress'), 'the line is gone');
  assert.ok(text.includes('How to say no'), 'the other lines stay');
  // Every line of a part unticked: the part goes too.
  await page.getByRole('checkbox', { name: /Said no to extra work/ }).uncheck();
  await page.getByRole('checkbox', { name: /Went to the shop alone/ }).uncheck();
  assert.ok(!(await previewText(page)).includes('Wins'));
  await page.getByRole('checkbox', { name: 'Include “Check-ins”' }).check();
  assert.ok((await previewText(page)).includes('GAD-7'), 'ticked again, it is back');
});

function pages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

test('a typical week prints on exactly one A4 page and one Letter page, the preview alone', async (t) => {
  const { page } = await openPrep(t);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false, 'no navigation');
  assert.equal(await page.getByRole('link', { name: 'Get help now' }).isVisible(), false, 'no help bar');
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false, 'no buttons');
  assert.equal(await page.getByRole('heading', { level: 1 }).isVisible(), false, 'only the preview');
  assert.ok(await preview(page).locator('pre').isVisible());
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    assert.equal(pages(pdf), 1, `one ${format} page`);
  }
});

test('Share hands the share sheet exactly the preview\'s text', async (t) => {
  const { page, context } = await openPrep(t);
  await context.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data) => { window.__shared.push(data.text); },
    });
  });
  await page.reload();
  await appReady(page);
  await preview(page).getByText('Prepare for my session').waitFor();
  await page.getByRole('checkbox', { name: 'Work stress' }).uncheck();
  const shown = await previewText(page);
  await preview(page).getByRole('button', { name: 'Share' }).click();
  await preview(page).getByRole('status').getByText('Shared.').waitFor();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.length, 1);
  assert.equal(shared[0].trim(), shown.trim(), 'exactly the preview');
  assert.ok(!shared[0].includes('Work stress'));
});

test('with no share sheet, the text is copied and "Copied" shows', async (t) => {
  const { page, context, server } = await openPrep(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: undefined });
  });
  await page.reload();
  await appReady(page);
  await preview(page).getByText('Prepare for my session').waitFor();
  const shown = await previewText(page);
  await preview(page).getByRole('button', { name: 'Share' }).click();
  await preview(page).getByRole('status').getByText('Copied', { exact: false }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied.trim(), shown.trim());
});

test('with neither a share sheet nor a clipboard, it says so and the text stays there to select', async (t) => {
  const { page, context } = await openPrep(t);
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: undefined });
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
  });
  await page.reload();
  await appReady(page);
  await preview(page).getByText('Prepare for my session').waitFor();
  await preview(page).getByRole('button', { name: 'Share' }).click();
  await preview(page).getByRole('status').getByText("This device couldn't share or copy it. You can select the text above and copy it yourself.").waitFor();
  const userSelect = await preview(page).locator('pre').evaluate((el) => getComputedStyle(el).userSelect);
  assert.notEqual(userSelect, 'none', 'the text can be selected');
  assert.ok((await previewText(page)).includes('Things to bring up'));
});

test('"Save as Markdown" saves a .md file made on the device, the person\'s words escaped', async (t) => {
  const { page, requests } = await openPrep(t);
  const before = requests.length;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview(page).getByRole('button', { name: 'Save as Markdown' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^session-prep-\d{4}-\d{2}-\d{2}\.md$/);
  const md = readFileSync(await download.path(), 'utf8');
  assert.ok(md.startsWith('# Prepare for my session\n'));
  assert.ok(md.includes('\n## Things to bring up\n'));
  assert.ok(md.includes('- **Most important:** Talk about \\*sleep\\* \\& \\<b\\>dreams\\</b\\> \\[later\\]\n'), md);
  assert.ok(md.includes('- **Carried over:** Visiting my parents\n'));
  await page.getByText('Saved as a Markdown file on this device.').waitFor();
  assert.ok(requests.slice(before).every((u) => u.startsWith('blob:') || !u.startsWith('http') || u.includes('127.0.0.1')), 'made on the device');
});

test('with the server stopped and no network, the prep screen opens and says what it covers', async (t) => {
  const { page } = await openOffline(t, 'prepare');
  await page.getByRole('heading', { level: 1, name: 'Prepare for my session' }).waitFor();
  await page.getByText('No session noted yet, so this is the last 7 days', { exact: false }).first().waitFor();
  await page.getByRole('region', { name: 'Wins' }).getByText('No wins noted in this time. Small ones count too.').waitFor();
  assert.ok((await previewText(page)).startsWith('Prepare for my session\nNo session noted yet'));
});

for (const colorScheme of ['light', 'dark']) {
  test(`the prep screen passes axe (${colorScheme}) and fits 320 px at 200 % text`, async (t) => {
    const { page } = await openPrep(t, { colorScheme });
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    await page.getByRole('heading', { level: 1, name: 'Prepare for my session' }).waitFor();
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, 'no sideways scroll');
    assert.deepEqual(await axe(page), []);
  });
}
