// Installable to the home screen: Chromium reports no installability errors, and the
// manifest and icons are what a phone needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, waitForController, appReady, DIST } from './helpers.mjs';

test('Chromium reports no installability errors', async (t) => {
  const server = await startServer({ root: DIST });
  t.after(server.close);
  const { page, context } = await launch(t, { origin: server.origin });
  await page.goto(server.url);
  await appReady(page);
  await waitForController(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const { url, data } = await cdp.send('Page.getAppManifest');
  assert.equal(url, server.url + 'manifest.webmanifest');
  const manifest = JSON.parse(data);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.theme_color && manifest.background_color && manifest.short_name && manifest.description);
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  assert.deepEqual(sizes, ['192x192 any', '512x512 any', '512x512 maskable']);

  // Each icon is a PNG of the size it claims.
  const icons = [...manifest.icons.map((i) => [i.src, Number(i.sizes.split('x')[0])]), ['icons/apple-touch-icon.png', 180]];
  for (const [src, size] of icons) {
    const dims = await page.evaluate(async (src) => {
      const bitmap = await createImageBitmap(await (await fetch(src)).blob());
      return [bitmap.width, bitmap.height];
    }, src);
    assert.deepEqual(dims, [size, size], src);
  }
  assert.equal(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href'), 'icons/apple-touch-icon.png');
});
