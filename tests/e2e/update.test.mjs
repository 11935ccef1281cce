// A new build hosted while the app is open: a polite prompt, then the new version,
// with everything saved still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import {
  startServer, launch, waitForController, appReady, writeEntry, copyDist, makeNewBuild as hostNewBuild, buildOf,
} from './helpers.mjs';

test('a new build shows "Update available"; updating reloads into it with data intact', async (t) => {
  const dir = copyDist();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const server = await startServer({ root: dir });
  t.after(server.close);
  const { page } = await launch(t, { origin: server.origin });

  const oldBuild = buildOf(dir);
  await page.goto(server.url + 'journal');
  await appReady(page);
  await waitForController(page);
  await writeEntry(page, 'Written before the update');

  hostNewBuild(dir);
  const newBuild = buildOf(dir);
  assert.notEqual(newBuild, oldBuild);

  // The app looks for a new version when it starts and when it comes back to the front.
  await page.reload();
  await appReady(page);
  const prompt = page.getByRole('region', { name: 'Update' });
  await prompt.getByText('Update available').waitFor({ timeout: 30_000 });
  // Until the person says so, the old version keeps running.
  await page.goto(server.url + 'settings');
  await page.getByText(`build ${oldBuild}`).waitFor();

  await page.evaluate(() => { window.__stillThisPage = true; });
  await prompt.getByRole('button', { name: 'Update now' }).click();
  // The reload may be quicker than a wait for its "load" could start.
  await page.waitForFunction(() => window.__stillThisPage === undefined);
  await appReady(page);
  await page.getByText(`build ${newBuild}`).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Update' }).count(), 0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Written before the update' }).waitFor();
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, 'the old version\'s cache is gone');
});

test('"Update now" reloads only its own tab: another tab keeps what is typed and offers the reload', async (t) => {
  const dir = copyDist();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const server = await startServer({ root: dir });
  t.after(server.close);
  const { page: tabA, context } = await launch(t, { origin: server.origin });
  const oldBuild = buildOf(dir);
  await tabA.goto(server.url);
  await appReady(tabA);
  await waitForController(tabA);

  // Tab B: someone halfway through writing an entry.
  const tabB = await context.newPage();
  await tabB.goto(server.url + 'write');
  await appReady(tabB);
  await waitForController(tabB);
  const half = 'I was halfway through saying that';
  await tabB.getByLabel("What's on your mind?").fill(half);
  const before = await tabB.evaluate(() => {
    window.__stillThisPage = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => { window.__newWorker = true; });
    return performance.timeOrigin;
  });

  hostNewBuild(dir);
  const newBuild = buildOf(dir);
  await tabA.reload();
  await appReady(tabA);
  const promptA = tabA.getByRole('region', { name: 'Update' });
  await promptA.getByRole('button', { name: 'Update now' }).waitFor({ timeout: 30_000 });
  await tabA.evaluate(() => { window.__stillThisPage = true; });
  await promptA.getByRole('button', { name: 'Update now' }).click();
  await tabA.waitForFunction(() => window.__stillThisPage === undefined);
  await appReady(tabA);
  await tabA.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await tabA.getByText(`build ${newBuild}`).waitFor();

  // The new worker took control of tab B too, and tab B was not reloaded: the same
  // page, the half-typed words still in the box, and the prompt to reload.
  await tabB.waitForFunction(() => window.__newWorker === true, null, { timeout: 30_000 });
  await tabB.waitForTimeout(1000);
  assert.equal(await tabB.evaluate(() => window.__stillThisPage), true, 'tab B was not reloaded');
  assert.equal(await tabB.evaluate(() => performance.timeOrigin), before);
  assert.equal(await tabB.getByLabel("What's on your mind?").inputValue(), half);
  const promptB = tabB.getByRole('region', { name: 'Update' });
  await promptB.getByRole('button', { name: 'Update now' }).waitFor();

  // When the person is ready, the button brings tab B to the new build.
  await promptB.getByRole('button', { name: 'Update now' }).click();
  await tabB.waitForFunction(() => window.__stillThisPage === undefined);
  await appReady(tabB);
  await tabB.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await tabB.getByText(`build ${newBuild}`).waitFor();
  assert.notEqual(newBuild, oldBuild);
});
