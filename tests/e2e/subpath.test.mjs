// The same dist/ hosted under a sub-path, as a practice would put it on its site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, waitForController, appReady, writeEntry, DIST } from './helpers.mjs';

test('under /between/ a deep link opens, links stay under the sub-path, and it works offline', async (t) => {
  const server = await startServer({ root: DIST, prefix: '/between' });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });

  // A first visit straight to a deep link: the host answers with 404.html.
  const response = await page.goto(server.origin + '/between/journal');
  assert.equal(response.status(), 404, 'a plain static host has no such file');
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
  await waitForController(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, server.origin + '/between/');

  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('link', { name: 'Today' }).getAttribute('href'), '/between/');
  assert.equal(await nav.getByRole('link', { name: 'Settings' }).getAttribute('href'), '/between/settings');
  assert.equal(await page.getByRole('link', { name: 'Get help now' }).getAttribute('href'), '/between/help');
  await writeEntry(page, 'Hosted under a sub-path');
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/between/settings');

  await page.waitForLoadState('networkidle');
  await server.close();
  await context.setOffline(true);
  await page.goto(server.origin + '/between/journal');
  await page.getByRole('listitem').filter({ hasText: 'Hosted under a sub-path' }).waitFor();
  await page.getByRole('link', { name: 'Get help now' }).click();
  await page.getByRole('link', { name: 'Call 988', exact: true }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/between/help');
});
