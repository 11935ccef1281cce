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
  await page.goto(server.url + 'progress');
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
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
