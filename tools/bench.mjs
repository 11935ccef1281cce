// `make bench`: the figures we hold ourselves to, measured on the release build.
//   - first visit: every file a first visit downloads, brotli-compressed (target < 150 KB)
//   - offline reopen: reload of /journal with the host stopped and the network off,
//     from navigation start to the app's screen and to the saved entry on screen
//     (target < 80 ms), median of several runs.
// Targets are reported, never asserted: timings belong here, not in tests.
import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const DIST = 'dist';
const RUNS = Number(process.env.BENCH_RUNS || 15);

const files = (d) => readdirSync(d).flatMap((n) => {
  const p = join(d, n);
  return statSync(p).isDirectory() ? files(p) : [p];
});
let total = 0;
let wasm = 0;
for (const p of files(DIST)) {
  if (relative(DIST, p) === '404.html') continue;
  const br = brotliCompressSync(readFileSync(p), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += br;
  if (p.endsWith('.wasm')) wasm = br;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer({ root: DIST });
const profile = mkdtempSync(join(tmpdir(), 'between-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// Records when the app's navigation and the first journal entry appear.
await context.addInitScript(() => {
  const seen = {};
  window.__bench = seen;
  new MutationObserver(() => {
    if (!seen.shell && document.querySelector('nav[aria-label="Main"]')) seen.shell = performance.now();
    if (!seen.entry && document.querySelector('.entry')) seen.entry = performance.now();
  }).observe(document, { childList: true, subtree: true });
});
const page = context.pages()[0];
await page.goto(server.url + 'journal');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await page.getByLabel("What's on your mind?").fill('An entry to reopen with');
await page.getByRole('button', { name: 'Save entry' }).click();
await page.locator('.entry').waitFor();
await page.waitForLoadState('networkidle');
await server.close();
await context.setOffline(true);

const shell = [];
const entry = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  await page.waitForFunction(() => window.__bench.entry);
  const t = await page.evaluate(() => window.__bench);
  shell.push(t.shell);
  entry.push(t.entry);
}
await context.close();
rmSync(profile, { recursive: true, force: true });

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;
console.log('Between benchmarks (release build in dist/)');
console.log(`  first visit, brotli:           ${kb(total).padStart(9)}   (wasm ${kb(wasm)})   target < 150 KB`);
console.log(`  offline reopen, app on screen: ${ms(median(shell)).padStart(9)}   median of ${RUNS}   target < 80 ms`);
console.log(`  offline reopen, entry shown:   ${ms(median(entry)).padStart(9)}   median of ${RUNS}`);
