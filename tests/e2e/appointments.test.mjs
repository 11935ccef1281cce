// Appointments on Sessions (issue 10, item 1, first part): add a weekly session, see
// when it is in words, put it in the phone's calendar as an .ics file, skip one, remove
// and undo, bad input refused in plain words, a draft kept, offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, axe, textSize, openOffline, dayFromNow } from './helpers.mjs';

/// A wall-clock time as the app writes it in the browser's locale ("16:00", "4:00 PM").
async function timeWords(page, hhmm) {
  return page.evaluate((hhmm) => {
    const [h, m] = hhmm.split(':').map(Number);
    return new Date(Date.UTC(2000, 0, 1, h, m)).toLocaleTimeString('default', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  }, hhmm);
}

async function addWeekly(page, { days = 3, withWhom = 'Dr. Ana Núñez' } = {}) {
  const next = page.getByRole('region', { name: 'Next session' });
  await next.getByRole('link', { name: 'Add a session' }).click();
  const form = page.getByRole('region', { name: 'Add a session' });
  await form.getByLabel('Day').waitFor();
  const day = await dayFromNow(page, days);
  await form.getByLabel('Day').fill(day.value);
  await form.getByLabel('Starts at').fill('16:00');
  assert.equal(await form.getByLabel('Minutes').inputValue(), '50', 'about 50 minutes unless changed');
  assert.equal(await form.getByRole('radio', { name: 'Every week' }).isChecked(), true, 'weekly unless changed');
  await form.getByLabel('With (optional)').fill(withWhom);
  await form.getByLabel('Where (optional)').fill('Room 4, Elm House');
  await form.getByRole('button', { name: 'Save' }).click();
  await next.getByRole('heading', { name: 'Next session' }).waitFor();
  return day;
}

test('a weekly session added on Sessions shows when it is, in words, and stays after a reload', async (t) => {
  const { page } = await openApp(t, 'sessions');
  const next = page.getByRole('region', { name: 'Next session' });
  await next.getByText('No session planned yet.').waitFor();
  const day = await addWeekly(page);
  const four = await timeWords(page, '16:00');
  await next.getByText(`${day.words}, ${four}`).waitFor();
  await next.getByText('in 3 days · every week · with Dr. Ana Núñez').waitFor();
  await next.getByText('Room 4, Elm House').waitFor();
  await page.reload();
  await page.getByRole('region', { name: 'Next session' }).getByText(`${day.words}, ${four}`).waitFor();

  // Today says it too, and leads to Sessions.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('link', { name: `Next session: ${day.words}, ${four}, in 3 days` }).click();
  await next.getByText(`${day.words}, ${four}`).waitFor();

  // Skip this one: the next is a week later.
  await next.getByRole('button', { name: /^Actions for the session of/ }).click();
  await page.getByRole('menuitem', { name: 'Skip this session' }).click();
  const later = await dayFromNow(page, 10);
  await next.getByText(`${later.words}, ${four}`).waitFor();
  await next.getByText('in 10 days · every week · with Dr. Ana Núñez').waitFor();

  // Change it: the form holds what was saved.
  await next.getByRole('button', { name: /^Actions for the session of/ }).click();
  await page.getByRole('menuitem', { name: 'Change' }).click();
  const form = page.getByRole('region', { name: 'Change this session' });
  assert.equal(await form.getByLabel('With (optional)').inputValue(), 'Dr. Ana Núñez');
  await form.getByLabel('Starts at').fill('09:30');
  await form.getByRole('button', { name: 'Save' }).click();
  await next.getByText(`${later.words}, ${await timeWords(page, '09:30')}`).waitFor();

  // Remove, then Undo.
  await next.getByRole('button', { name: /^Actions for the session of/ }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  await next.getByText('Appointment removed. Notes of past sessions stay.').waitFor();
  await next.getByText('No session planned yet.').waitFor();
  await next.getByRole('button', { name: 'Undo' }).click();
  await next.getByText(`${later.words}, ${await timeWords(page, '09:30')}`).waitFor();
});

test('"Add to my calendar" saves an .ics made on the device, with the weekly rule and the zone', async (t) => {
  const { page } = await openApp(t, 'sessions', { timezoneId: 'Europe/London' });
  const day = await addWeekly(page, { withWhom: 'Sam, my counsellor; Tuesdays' });
  const next = page.getByRole('region', { name: 'Next session' });
  await next.getByRole('button', { name: /^Actions for the session of/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Add the series to my calendar' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'therapy-session.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, new RegExp(`\r\nDTSTART;TZID=Europe/London:${day.value.replaceAll('-', '')}T160000\r\n`));
  assert.match(ics, /\r\nRRULE:FREQ=WEEKLY\r\n/);
  assert.match(ics, /\r\nDURATION:PT50M\r\n/);
  // Text escaped as RFC 5545 asks.
  assert.match(ics, /\r\nSUMMARY:Therapy session with Sam\\, my counsellor\\; Tuesdays\r\n/);
  assert.match(ics, /\r\nLOCATION:Room 4\\, Elm House\r\n/);

  // Just one session of the series: no rule.
  await next.getByRole('button', { name: /^Actions for the session of/ }).click();
  const [one] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Add only this session to my calendar' }).click(),
  ]);
  const single = readFileSync(await one.path(), 'utf8');
  assert.doesNotMatch(single, /RRULE/);
});

test('bad input is refused in plain words and what was typed stays; a half-filled form is kept as a draft', async (t) => {
  const { page } = await openApp(t, 'sessions?appointment=new');
  const form = page.getByRole('region', { name: 'Add a session' });
  await form.getByLabel('With (optional)').fill('Dr. Ana');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').filter({ hasText: 'Choose the day of the session.' }).waitFor();

  const past = await dayFromNow(page, -2);
  await form.getByLabel('Day').fill(past.value);
  await form.getByLabel('Starts at').fill('10:00');
  await form.getByRole('radio', { name: 'Just once' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').filter({ hasText: 'That time has already passed.' }).waitFor();

  // A series whose end comes before its first session never happens.
  const soon = await dayFromNow(page, 5);
  const before = await dayFromNow(page, 1);
  await form.getByLabel('Day').fill(soon.value);
  await form.getByRole('radio', { name: 'Every two weeks' }).check();
  await form.getByLabel('Last session of the series (optional)').fill(before.value);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').filter({ hasText: 'the series has no sessions at all' }).waitFor();
  assert.equal(await form.getByLabel('With (optional)').inputValue(), 'Dr. Ana', 'what was typed stays');

  // Nothing was saved, and the form comes back after a reload as it was.
  await page.waitForTimeout(600);
  await page.reload();
  const again = page.getByRole('region', { name: 'Add a session' });
  await again.getByLabel('With (optional)').waitFor();
  assert.equal(await again.getByLabel('With (optional)').inputValue(), 'Dr. Ana');
  assert.equal(await again.getByLabel('Day').inputValue(), soon.value);
  assert.equal(await again.getByRole('radio', { name: 'Every two weeks' }).isChecked(), true);
  await again.getByRole('link', { name: 'Cancel' }).click();
  await page.getByRole('region', { name: 'Next session' }).getByText('No session planned yet.').waitFor();
});

test('with the server stopped and no network, a session is added and shown', async (t) => {
  const { page, context, server } = await openOffline(t, 'sessions');
  const day = await addWeekly(page, { days: 6 });
  await page.getByRole('region', { name: 'Next session' }).getByText(`${day.words}, ${await timeWords(page, '16:00')}`).waitFor();
  await page.getByRole('region', { name: 'Next session' }).getByText('in 6 days · every week').waitFor();
});

test('"Since my last session" in Patterns follows the last session by itself, and a picked day stands', async (t) => {
  const { page, server } = await openApp(t, 'sessions');
  // A weekly series that began ten days ago: its last session was three days ago.
  const started = await addWeekly(page, { days: -10 });
  const last = await dayFromNow(page, -3);
  // A session has happened with nothing written about it: Sessions offers to.
  await page.getByRole('region', { name: 'Next session' }).getByRole('link', { name: 'Write about my last session' }).click();
  await page.getByRole('heading', { level: 1, name: 'After a session' }).waitFor();
  await page.goto(server.url + 'patterns');
  const part = page.getByRole('region', { name: 'Since my last session' });
  await part.getByText(`From your last session, ${last.words}.`).waitFor();
  assert.equal(await part.getByLabel('Since').inputValue(), last.value);
  assert.notEqual(started.value, last.value);

  // A day picked by hand stands, across a reload.
  const picked = await dayFromNow(page, -20);
  await part.getByLabel('Since').fill(picked.value);
  await part.getByText('A day you picked.', { exact: false }).waitFor();
  await page.reload();
  await page.getByRole('region', { name: 'Since my last session' }).getByText('A day you picked.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Since my last session' }).getByLabel('Since').inputValue(), picked.value);
});

for (const colorScheme of ['light', 'dark']) {
  test(`appointments pass axe (${colorScheme}) and fit 320 px at 200 % text`, async (t) => {
    const { page, server } = await openApp(t, 'sessions', { colorScheme });
    await addWeekly(page);
    assert.deepEqual(await axe(page), []);
    await page.goto(server.url + 'sessions?appointment=new');
    await page.getByRole('region', { name: 'Add a session' }).getByLabel('Day').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    await textSize(page, 32);
    for (const path of ['sessions?appointment=new', 'sessions']) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
      assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth), true, `${path}: no sideways scroll`);
    }
  });
}
