// axe-core on every screen, light and dark: no serious or critical violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, appReady, writeEntry, ROUTES, DIST, ROOT } from './helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe violations on any screen (${colorScheme})`, async (t) => {
    const server = await startServer({ root: DIST });
    t.after(server.close);
    const { page } = await launch(t, { origin: server.origin, colorScheme });
    // One entry, so the journal shows a list with its controls.
    await page.goto(server.url + 'journal');
    await appReady(page);
    await writeEntry(page, 'An entry for the checker to look at');
    // Coping cards of several kinds (the starter deck and a person), and a safety plan,
    // so those screens show their lists and controls.
    await page.goto(server.url + 'coping');
    await appReady(page);
    await page.getByRole('button', { name: 'Add the starter cards' }).click();
    await page.getByRole('status').filter({ hasText: 'Starter cards added.' }).waitFor();
    await page.getByLabel('Kind of card').selectOption({ label: 'Person to reach out to' });
    await page.getByLabel('Name', { exact: true }).fill('Sam');
    await page.getByLabel('Phone number').fill('555 0100');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor();
    await page.goto(server.url + 'safety-plan');
    await appReady(page);
    const signs = page.getByRole('region', { name: '1. Warning signs' });
    await signs.getByLabel('A warning sign').fill('Not sleeping');
    await signs.getByRole('button', { name: 'Add' }).click();
    await signs.getByRole('listitem').filter({ hasText: 'Not sleeping' }).waitFor();
    const found = [];
    for (const { path } of [...ROUTES, { path: 'no-such-page' }]) {
      await page.goto(server.url + path);
      await appReady(page);
      await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
      // Evaluated through the debugger protocol, so the page's CSP is not loosened.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      found.push(...violations.map((v) => `/${path}: ${v}`));
    }
    assert.deepEqual(found, []);
  });
}
