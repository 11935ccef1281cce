// `make bench`: the figures we hold ourselves to, measured on the release build.
// Targets are reported, never asserted: timings belong here, not in tests.
//   - first visit: every file a first visit downloads, brotli-compressed (target < 150 KB)
//   - offline reopen: reload of /journal with the host stopped and the network off, from
//     navigation start to the app on screen and to the saved entry on screen (< 80 ms)
//   - with 10,000 journal entries: first screen of the list (< 150 ms), a search
//     (< 50 ms), a save (< 20 ms), Patterns for all time (< 300 ms)
import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { seedEntries } from '../tests/e2e/helpers.mjs';

const DIST = 'dist';
const RUNS = Number(process.env.BENCH_RUNS || 9);

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

async function browser() {
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
  return { context, page: context.pages()[0], done: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// 1. Offline reopen with one entry.
const server = await startServer({ root: DIST });
let { context, page, done } = await browser();
await page.goto(server.url + 'journal');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await page.getByRole('link', { name: 'New entry' }).click();
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
await done();

// 2. Ten thousand entries.
const big = await startServer({ root: DIST });
({ context, page, done } = await browser());
await page.goto(big.url + 'journal');
await page.getByRole('navigation', { name: 'Main' }).waitFor();
const words = ['walk', 'work', 'sleep', 'friend', 'river', 'meeting', 'call', 'tired', 'calm', 'family', 'lunch', 'rain'];
const day = 24 * 3600 * 1000;
const now = Date.now();
const seeded = Array.from({ length: 10_000 }, (_, i) => ({
  at: now - Math.floor(i / 2) * day - (i % 2) * 9 * 3600 * 1000,
  mood: 1 + ((i * 7) % 5),
  emotions: i % 3 ? ['Calm'] : ['Anxious', 'Tired'],
  triggers: i % 4 ? [] : ['Work'],
  symptoms: [{ name: 'Anxiety', value: i % 11 }, { name: 'Sleep (hours)', value: 5 + (i % 4) }],
  text: Array.from({ length: 30 }, (_, j) => words[(i * 31 + j * 7) % words.length]).join(' ') + ` entry ${i}`,
}));
for (let i = 0; i < seeded.length; i += 2000) await seedEntries(page, seeded.slice(i, i + 2000).map((e, k) => ({ ...e, id: i + k })));

const listFirst = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  await page.waitForFunction(() => window.__bench.entry);
  listFirst.push(await page.evaluate(() => window.__bench.entry));
}
const search = [];
for (const q of ['river', 'meeting call', 'entry 9999', 'zzz', 'work', 'calm', 'rain', 'friend', 'sleep']) {
  search.push(await page.evaluate(async (q) => {
    const input = document.querySelector('input[type=search]');
    const status = document.querySelector('.entries__head [role=status]');
    const before = status.textContent;
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => {
      if (status.textContent !== before) return ok();
      new MutationObserver((_, o) => { o.disconnect(); ok(); }).observe(status, { childList: true, subtree: true, characterData: true });
    });
    const t1 = performance.now();
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return t1 - t0;
  }, q));
  await page.waitForTimeout(50);
}
const save = [];
for (let i = 0; i < RUNS; i++) {
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByLabel("What's on your mind?").fill(`Benchmark save ${i}`);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
  save.push(await page.evaluate(() => {
    const start = performance.getEntriesByName('between:save:start').pop();
    const end = performance.getEntriesByName('between:save:end').pop();
    return end.startTime - start.startTime;
  }));
}
const patterns = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(big.url + 'patterns');
  // The chart has points only once every entry is loaded.
  await page.locator('.chart__dot').first().waitFor();
  patterns.push(await page.evaluate(async () => {
    const svg = document.querySelector('.chart__svg');
    const before = svg.getAttribute('aria-label');
    const t0 = performance.now();
    [...document.querySelectorAll('.segment input')].pop().click();
    await new Promise((ok) => {
      if (svg.getAttribute('aria-label') !== before) return ok();
      new MutationObserver((_, o) => { o.disconnect(); ok(); }).observe(svg, { attributes: true });
    });
    return performance.now() - t0;
  }));
}
const patternsOpen = [];
for (let i = 0; i < 3; i++) {
  const t = await page.evaluate(() => performance.now());
  await page.reload();
  await page.locator('.chart__dot').first().waitFor();
  patternsOpen.push(await page.evaluate(() => performance.now()));
}
// From the journal, where the entries are already loaded, to Patterns.
const patternsFromJournal = [];
for (let i = 0; i < 3; i++) {
  await page.goto(big.url + 'journal');
  await page.getByText(/^1\d{4} entries$/).waitFor();
  patternsFromJournal.push(await page.evaluate(async () => {
    const t0 = performance.now();
    [...document.querySelectorAll('main a')].find((a) => a.textContent === 'Patterns').click();
    await new Promise((ok) => {
      const check = () => (document.querySelector('.chart__dot') ? ok() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }));
}
await done();
await big.close();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const row = (name, value, note) => console.log(`  ${name.padEnd(40)}${value.padStart(9)}   ${note}`);
console.log('Between benchmarks (release build in dist/, this machine)');
row('first visit, brotli', kb(total), `(wasm ${kb(wasm)})   target < 150 KB`);
row('offline reopen, app on screen', ms(median(shell)), `median of ${RUNS}   target < 80 ms`);
row('offline reopen, entry shown', ms(median(entry)), `median of ${RUNS}`);
row('10,000 entries: list, first entry shown', ms(median(listFirst)), `median of ${RUNS}, from navigation start   target < 150 ms`);
row('10,000 entries: search', ms(median(search)), `median of ${search.length} queries, keystroke to count   target < 50 ms`);
row('10,000 entries: save', ms(median(save)), `median of ${RUNS}, IndexedDB write committed   target < 20 ms`);
row('10,000 entries: Patterns screen open', ms(median(patternsOpen)), `median of 3, navigation start to chart   target < 300 ms`);
row('10,000 entries: Patterns from the journal', ms(median(patternsFromJournal)), `median of 3, click to chart (entries already loaded)`);
row('10,000 entries: Patterns, switch to all time', ms(median(patterns)), `median of ${RUNS}, click to chart`);
