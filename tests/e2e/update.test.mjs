// A new build hosted while the app is open: a polite prompt, then the new version,
// with everything saved still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, waitForController, appReady, writeEntry, copyDist, ROOT } from './helpers.mjs';

const buildOf = (dir) => readFileSync(join(dir, 'index.html'), 'utf8').match(/name="between-build" content="([^"]+)"/)[1];

// Makes the hosted copy a different build, as a new release would be: a changed file,
// then the same post-build step that `make dist` runs.
function hostNewBuild(dir) {
  const manifest = join(dir, 'manifest.webmanifest');
  const data = JSON.parse(readFileSync(manifest, 'utf8'));
  data.description += ' (new build)';
  writeFileSync(manifest, JSON.stringify(data));
  execFileSync('node', [join(ROOT, 'tools/precache.mjs'), dir]);
}

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

  await prompt.getByRole('button', { name: 'Update now' }).click();
  await page.waitForEvent('load');
  await appReady(page);
  await page.getByText(`build ${newBuild}`).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Update' }).count(), 0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Written before the update' }).waitFor();
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, 'the old version\'s cache is gone');
});
