// The safety plan: filled in step by step, shown on the crisis card (also after a
// reload and offline), printable and shared only after a preview. The crisis card
// opens offline from every screen with the right lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, appReady, waitForController, ROUTES, DIST } from './helpers.mjs';

const step = (page, name) => page.getByRole('region', { name });

async function addItem(page, stepName, label, text, phone) {
  const s = step(page, stepName);
  await s.getByLabel(label, { exact: true }).fill(text);
  if (phone !== undefined) await s.getByLabel('Phone (optional)').fill(phone);
  await s.getByRole('button', { name: 'Add' }).click();
  await s.getByRole('listitem').filter({ hasText: text }).waitFor();
  assert.equal(await s.getByLabel(label, { exact: true }).inputValue(), '', 'ready for the next one');
}

async function fillPlan(page) {
  await addItem(page, '1. Warning signs', 'A warning sign', 'Not sleeping for days');
  await addItem(page, '1. Warning signs', 'A warning sign', 'Pulling away from friends');
  await addItem(page, '2. Things I can do on my own', 'Something I can do', 'Box breathing');
  await addItem(page, '3. People and places that take my mind off things', 'A person or place', 'The library');
  await addItem(page, '4. People I can ask for help', 'Name', 'Jo', '07700 900-123');
  await addItem(page, '5. Professionals and services I can contact', 'Name', 'Dr Lee, my therapist', '+44 20 7946 0000');
  await addItem(page, '6. Making where I am safer', 'A way to be safer', 'Give my pills to Jo to keep');
  await addItem(page, 'What matters most to me', 'Something that matters to me', 'My sister and her kids');
}

async function expectPlanOnCard(page) {
  const plan = page.getByRole('region', { name: 'My safety plan' });
  await plan.getByText('Not sleeping for days').waitFor();
  for (const text of ['Box breathing', 'The library', 'Give my pills to Jo to keep', 'My sister and her kids']) {
    assert.ok(await plan.getByText(text).isVisible(), text);
  }
  assert.equal(await plan.getByText('Pulling away from friends').count(), 0, 'the removed item is gone');
  assert.ok(await plan.getByRole('heading', { name: '6. Making where I am safer' }).isVisible());
  const people = page.getByRole('region', { name: 'My people' });
  assert.equal(await people.getByRole('link', { name: 'Call Jo' }).getAttribute('href'), 'tel:07700900123');
  assert.equal(await people.getByRole('link', { name: 'Text Jo' }).getAttribute('href'), 'sms:07700900123');
  assert.equal(await people.getByRole('link', { name: 'Call Dr Lee, my therapist' }).getAttribute('href'), 'tel:+442079460000');
  // The region's lines are still first and intact.
  assert.equal(await page.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');
}

test('a safety plan filled in shows on the crisis card, after a reload and offline', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin, locale: 'en-US' });
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  await page.goto(server.url + 'safety-plan');
  await appReady(page);
  await step(page, '1. Warning signs').getByText(/come before things get really hard/).waitFor();

  // Letters in a phone number get a message and nothing is added.
  const help = step(page, '4. People I can ask for help');
  await help.getByLabel('Name', { exact: true }).fill('Jo');
  await help.getByLabel('Phone (optional)').fill('call me');
  await help.getByRole('button', { name: 'Add' }).click();
  await help.getByRole('alert').filter({ hasText: 'no letters' }).waitFor();
  assert.equal(await help.getByRole('listitem').count(), 0);

  await fillPlan(page);
  await step(page, '1. Warning signs').getByRole('button', { name: 'Remove Pulling away from friends' }).click();
  await step(page, '1. Warning signs').getByText('Pulling away from friends').waitFor({ state: 'detached' });

  await page.getByRole('link', { name: 'Get help now' }).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
  await expectPlanOnCard(page);
  await page.reload();
  await appReady(page);
  await expectPlanOnCard(page);

  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);
  await page.goto(server.url + 'coping');
  await appReady(page);
  await page.getByRole('link', { name: 'Get help now' }).click();
  await expectPlanOnCard(page);
  await page.goto(server.url + 'help');
  await appReady(page);
  await expectPlanOnCard(page);
});

test('the plan is printed, and shared only after showing the exact text', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await context.addInitScript(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data) => { window.__shared.push(data); },
    });
  });
  await page.goto(server.url + 'safety-plan');
  await appReady(page);
  await addItem(page, '1. Warning signs', 'A warning sign', 'Snapping at people');
  await addItem(page, '4. People I can ask for help', 'Name', 'Ana', '555 0100');

  await page.getByRole('button', { name: 'Print' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);

  await page.getByRole('button', { name: 'Share with someone I trust' }).click();
  const preview = page.getByRole('region', { name: 'This is what will be shared' });
  await preview.waitFor();
  const expected = 'My safety plan\n\n1. Warning signs\n- Snapping at people\n\n4. People I can ask for help\n- Ana: 555 0100\n';
  assert.equal(await preview.getByText('My safety plan', { exact: false }).first().textContent(), expected);
  assert.deepEqual(await page.evaluate(() => window.__shared), [], 'nothing is sent before the person says so');
  await preview.getByRole('button', { name: 'Share now' }).click();
  await page.getByRole('status').filter({ hasText: 'Shared.' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__shared), [{ title: 'My safety plan', text: expected }]);

  // The same from the crisis card.
  await page.getByRole('link', { name: 'See it on my help card' }).click();
  await page.getByRole('region', { name: 'My safety plan' }).getByText('Snapping at people').waitFor();
  await page.getByRole('button', { name: 'Print' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 2);
});

test('without a share sheet the plan is copied, after the preview', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await context.addInitScript(() => {
    delete Navigator.prototype.share;
  });
  await page.goto(server.url + 'safety-plan');
  await appReady(page);
  await addItem(page, 'What matters most to me', 'Something that matters to me', 'Seeing the sea again');
  await page.getByRole('button', { name: 'Share with someone I trust' }).click();
  await page.getByRole('region', { name: 'This is what will be shared' }).getByRole('button', { name: 'Share now' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'My safety plan\n\nWhat matters most to me\n- Seeing the sea again\n');
});

test('offline, the crisis card opens in one tap from every screen, with the right links for three regions', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin, locale: 'en-US' });
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);

  for (const { path } of ROUTES) {
    await page.goto(server.url + path);
    await appReady(page);
    await page.getByRole('link', { name: 'Get help now' }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988', `from /${path}`);
  }
  const href = (name) => page.getByRole('link', { name, exact: true }).getAttribute('href');
  assert.equal(await href('Text 988'), 'sms:988');
  assert.equal(await href('Text HOME to 741741'), 'sms:741741?&body=HOME');
  assert.equal(await href('Call 911'), 'tel:911');

  await page.getByLabel('Your region').selectOption({ label: 'United Kingdom' });
  assert.equal(await href('Call 116 123'), 'tel:116123');
  assert.equal(await href('Text SHOUT to 85258'), 'sms:85258?&body=SHOUT');
  assert.equal(await href('Call 999'), 'tel:999');

  await page.getByLabel('Your region').selectOption({ label: 'Australia' });
  assert.equal(await href('Call 13 11 14'), 'tel:131114');
  assert.equal(await href('Text 0477 13 11 14'), 'sms:0477131114');
  assert.equal(await href('Call 000'), 'tel:000');
  assert.equal(await page.getByRole('link', { name: 'Call 988', exact: true }).count(), 0);
});

test('with storage refused, the crisis card still shows every line', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin, locale: 'en-US' });
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function () { throw new DOMException('blocked', 'SecurityError'); };
  });
  await page.goto(server.url + 'help');
  await appReady(page);
  assert.equal(await page.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');
  assert.equal(await page.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  await page.getByRole('region', { name: 'My safety plan' }).getByText("You haven't made a safety plan yet.", { exact: false }).waitFor();
});
