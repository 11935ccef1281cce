// Offline reopen of /journal (as tools/bench.mjs part 1) and of Today,
// for any build dir, to compare a split build with an unsplit one.
//   node tools/reopen.mjs DIST
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
const DIST = process.argv[2];
const RUNS = 9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const profile = mkdtempSync(join(tmpdir(), 'rb-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
await context.addInitScript(() => {
  const seen = {}; window.__bench = seen;
  new MutationObserver(() => {
    if (!seen.shell && document.querySelector('nav[aria-label="Main"]')) seen.shell = performance.now();
    if (!seen.entry && document.querySelector('.entry')) seen.entry = performance.now();
    if (!seen.today && document.querySelector('main h1')?.textContent === 'Today') seen.today = performance.now();
  }).observe(document, { childList: true, subtree: true });
});
const page = context.pages()[0];
const server = await startServer({ root: DIST });
await page.goto(server.url + 'journal');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await page.getByRole('link', { name: 'New entry' }).click();
await page.getByLabel("What's on your mind?").fill('An entry to reopen with');
await page.getByRole('button', { name: 'Save entry' }).click();
await page.locator('.entry').waitFor();
await page.waitForLoadState('networkidle');
await server.close();
await context.setOffline(true);
const shell = [], entry = [], today = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  await page.waitForFunction(() => window.__bench.entry);
  const t = await page.evaluate(() => window.__bench);
  shell.push(t.shell); entry.push(t.entry);
}
const url = page.url().replace(/journal$/, '');
for (let i = 0; i < RUNS; i++) {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.today);
  today.push(await page.evaluate(() => window.__bench.today));
}
await context.close(); rmSync(profile, { recursive: true, force: true });
console.log(`${DIST}: offline reopen /journal shell ${median(shell).toFixed(0)} ms, entry ${median(entry).toFixed(0)} ms; / Today ${median(today).toFixed(0)} ms (medians of ${RUNS})`);
