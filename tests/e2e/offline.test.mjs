// With the host gone and no network, the installed app still opens, on any route,
// with everything saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, waitForController, appReady, writeEntry, DIST } from './helpers.mjs';

test('with the server stopped and the browser offline, a deep route reloads with its data', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  await page.goto(server.url + 'journal');
  await appReady(page);
  await writeEntry(page, 'Saved while online');

  // Let anything in flight (the manifest's icons) finish before the host goes away.
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);

  await page.goto(server.url + 'journal');
  await appReady(page);
  await page.getByRole('listitem').filter({ hasText: 'Saved while online' }).waitFor();
  await writeEntry(page, 'Saved with no network');
  await page.reload();
  await appReady(page);
  await page.getByRole('listitem').filter({ hasText: 'Saved with no network' }).waitFor();

  // A route never visited before, and the crisis card, also open offline.
  await page.goto(server.url + 'help');
  assert.equal(await page.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');
  await page.goto(server.url + 'sessions');
  await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
});

test('without the service worker the same offline reload fails, so the test above proves the worker', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, {
    origin: server.origin,
    allowErrors: [/error occurred when fetching the script/],
  });
  // Block the worker: the page never gets a controller.
  await context.route('**/sw.js', (route) => route.abort());
  await page.goto(server.url);
  await appReady(page);
  // Let anything in flight (the manifest's icons) finish before the host goes away.
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);
  await assert.rejects(page.goto(server.url + 'journal'));
});

test('an offline start looks for a new version quietly: no error is logged', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  // launch() fails the test on any console error or uncaught error, this one included.
  const { page, context } = await launch(t, { origin: server.origin });
  // Counts the app's checks for a new version (the promise itself is left alone).
  await context.addInitScript(() => {
    const update = ServiceWorkerRegistration.prototype.update;
    ServiceWorkerRegistration.prototype.update = function () {
      window.__updateChecks = (window.__updateChecks || 0) + 1;
      return update.call(this);
    };
  });
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);

  for (const path of ['', 'journal']) {
    await page.goto(server.url + path);
    await appReady(page);
    // Once the app has looked, a second look settles after it: by then its failure
    // (no network) has been dealt with, or reported as an error.
    await page.waitForFunction(() => window.__updateChecks >= 1);
    const second = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const result = await reg.update().then(() => 'found', (e) => e.name);
      await new Promise((ok) => setTimeout(ok, 200));
      return result;
    });
    assert.equal(second, 'TypeError', 'offline, the check fails');
  }
});
