// `make bench`: the figures we hold ourselves to, measured on the release build in
// dist/, each beside its budget. Writes bench/report.md and bench/report.json (not in
// git) and exits 1 when a budget is missed. Timings belong here, never in tests:
// `make test` does not run this.
//   - first visit: index.html and the CSS, JS and main wasm it names, brotli-compressed
//     (<= 150 KB); the whole build (the other screens' chunks, fetched in the background)
//   - offline reopen: reload of /journal with the host stopped and the network off, from
//     navigation start to the app on screen (<= 80 ms, the figure before issue 8), and
//     again with the CPU slowed four times (CDP Emulation.setCPUThrottlingRate)
//   - with 10,000 journal entries: first entry of the list shown from navigation start
//     (<= 150 ms), a search (<= 50 ms), a save (<= 20 ms), Patterns opened cold
//     (<= 300 ms), JS heap + wasm memory after loading (<= 100 MB), and Today's
//     offline reopen (worker in control, host stopped) to its mood buttons
//   - with 10,000 entries and 100 photos, seeded by importing a backup file: export
//     (<= 1 s) and import (<= 2 s); then the passcode lock turned on, and unlock (<= 1 s)
//   - Lighthouse 13, mobile: performance >= 95, accessibility 100, best practices 100
//   - what the wasm is made of: the ten biggest items (twiggy), every .wasm/.js chunk
// Every browser here has DNS for anything but 127.0.0.1 turned off, and Lighthouse's
// list of requests is checked: a request off the machine fails the bench.
//   BENCH_RUNS=9 (timed repeats), BENCH_LH_RUNS=3 (Lighthouse runs; the median is kept),
//   BENCH_DIST=dist (another build to measure, to compare two builds side by side)
import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { tmpdir, loadavg, cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { wasmTop } from './wasm-top.mjs';

const DIST = process.env.BENCH_DIST || 'dist';
const OUT = 'bench';
const RUNS = Number(process.env.BENCH_RUNS || 9);
const LH_RUNS = Number(process.env.BENCH_LH_RUNS || 3);
const CHROMIUM = '/usr/bin/chromium';
// The main module as tools/split.mjs splits it, before bindgen and wasm-opt: the only
// build of what a first visit loads that still has its names.
const SPLIT_DIR = 'target/split/split';
const NAMED_WASM = (existsSync(SPLIT_DIR) && readdirSync(SPLIT_DIR).filter((f) => /^between-[0-9a-f]+\.wasm$/.test(f))
  .map((f) => join(SPLIT_DIR, f))[0]) || `${SPLIT_DIR}/between-*.wasm`;
// No name resolves but the bench's own server: nothing can leave the machine.
const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';

// The budgets of issue 8. `max`: the figure must be at most this; `min`: at least.
const BUDGET = {
  firstVisit: { max: 150 * 1024 },
  offlineReopen: { max: 80 },
  // Offline reopen with the CPU slowed 4x, "no slower than today": today's 80 ms (idle)
  // times the slowdown measured before issue 8 on this machine, busy: 385 to 439 ms
  // against 102 to 111 ms unthrottled (x3.5 to x4.3), so about 4 x 80 ms.
  offlineReopenSlowCpu: { max: 320 },
  listFirst: { max: 150 },
  patternsCold: { max: 300 },
  save: { max: 20 },
  search: { max: 50 },
  memory: { max: 100 * 1024 * 1024 },
  // Issue 12: a full backup of 10,000 entries and 100 photos.
  export: { max: 1000 },
  // Issue 12: unlocking with the passcode, the same 10,000 entries and 100 photos sealed.
  unlock: { max: 1000 },
  import: { max: 2000 },
  lhPerformance: { min: 95 },
  lhAccessibility: { min: 100 },
  lhBestPractices: { min: 100 },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const score = (n) => `${n}`;
const log = (...a) => console.error('bench:', ...a);

// Every figure, in the order of the report.
const figures = [];
function figure(key, name, value, format, how) {
  const budget = BUDGET[key];
  const met = budget ? (budget.max !== undefined ? value <= budget.max : value >= budget.min) : null;
  figures.push({ key, name, value, format, how, budget, met });
}

// ---------------------------------------------------------------- sizes
const files = (d) => readdirSync(d).flatMap((n) => {
  const p = join(d, n);
  return statSync(p).isDirectory() ? files(p) : [p];
});
// What a first visit waits for before Today is interactive: index.html and the CSS,
// JS and wasm it names (the main module), plus the split loader the main JS imports.
// The feature chunks and everything else the worker fetches in the background.
const index = readFileSync(join(DIST, 'index.html'), 'utf8');
const named = new Set([...index.matchAll(/(?:href|src)="\.\/([^"]+\.(?:css|m?js|wasm))"/g)].map((m) => m[1]));
let total = 0;
let whole = 0;
const chunks = [];
const firstFiles = [];
for (const p of files(DIST).sort()) {
  const name = relative(DIST, p);
  if (name === '404.html') continue;
  const data = readFileSync(p);
  const br = brotli(data);
  whole += br;
  const first = name === 'index.html' || named.has(name) || /^__wasm_split\.[0-9a-f]+\.js$/.test(name);
  if (first) {
    total += br;
    firstFiles.push(name);
  }
  if (/\.(wasm|m?js)$/.test(name)) chunks.push({ file: name, raw: data.length, brotli: br, first });
}
figure('firstVisit', 'First visit until Today is interactive, brotli', total, kb,
  `brotli quality 11 of what must load before the first screen works: ${firstFiles.join(', ')}`);
figure('wholeBuild', 'Whole build, brotli', whole, kb,
  'every file in dist/ but 404.html, brotli quality 11: the first visit plus what the service worker ' +
  'fetches in the background (the other screens\' chunks, icons, the help page)');

// What the wasm is made of.
let top = null;
if (existsSync(NAMED_WASM)) {
  const distWasm = files(DIST).filter((p) => p.endsWith('.wasm')).map((p) => statSync(p).mtimeMs);
  const stale = distWasm.length && statSync(NAMED_WASM).mtimeMs < Math.min(...distWasm) - 10 * 60 * 1000;
  top = { file: NAMED_WASM, stale, ...wasmTop(NAMED_WASM, 10) };
} else {
  log(`no ${NAMED_WASM}: run make dist first; the wasm's contributors are left out`);
}

// ---------------------------------------------------------------- browser
async function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'between-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', LOCAL_ONLY],
  });
  // Records when the app's navigation and the first journal entry appear, and every
  // wasm memory (the main module's, shared by any split chunk).
  await context.addInitScript(() => {
    const seen = {};
    window.__bench = seen;
    window.__benchMemories = new Set();
    const keep = (result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
      for (const v of Object.values((instance && instance.exports) || {})) {
        if (v instanceof WebAssembly.Memory) window.__benchMemories.add(v);
      }
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
    new MutationObserver(() => {
      if (!seen.shell && document.querySelector('nav[aria-label="Main"]')) seen.shell = performance.now();
      if (!seen.entry && document.querySelector('.entry')) seen.entry = performance.now();
      if (!seen.moods && document.querySelector('.mood-button')) seen.moods = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = context.pages()[0];
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, done: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// JS heap (after a garbage collection) plus every wasm memory of the page.
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const js = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => [...window.__benchMemories].reduce((a, m) => a + m.buffer.byteLength, 0));
  if (!wasm) throw new Error('no wasm memory seen: the app no longer starts through WebAssembly.instantiate(Streaming)?');
  return { js, wasm, total: js + wasm };
}

async function reopen(page) {
  const shell = [];
  const entry = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__bench.entry);
    const t = await page.evaluate(() => window.__bench);
    shell.push(t.shell);
    entry.push(t.entry);
  }
  return { shell, entry };
}

// 1. Offline reopen with one entry, then the same with the CPU slowed four times.
log('offline reopen');
const server = await startServer({ root: DIST });
let { context, page, cdp, done } = await browser();
await page.goto(server.url + 'journal');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await page.getByRole('link', { name: 'New entry' }).click();
await page.getByLabel("What's on your mind?").fill('An entry to reopen with');
await page.getByRole('button', { name: 'Save entry' }).click();
await page.locator('.entry').waitFor();
await page.waitForLoadState('networkidle');
await server.close();
await context.setOffline(true);
const fast = await reopen(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const slow = await reopen(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await done();
figure('offlineReopen', 'Offline reopen, app on screen', median(fast.shell), ms,
  `median of ${RUNS} reloads of /journal, host stopped, network off; navigation start to the app's navigation`);
figure('offlineReopenEntry', 'Offline reopen, entry shown', median(fast.entry), ms,
  `median of ${RUNS}; navigation start to the saved entry`);
figure('offlineReopenSlowCpu', 'Offline reopen, CPU 4x slower, app on screen', median(slow.shell), ms,
  `median of ${RUNS}, as above with Emulation.setCPUThrottlingRate 4 (a mid-range phone)`);
figure('offlineReopenSlowCpuEntry', 'Offline reopen, CPU 4x slower, entry shown', median(slow.entry), ms,
  `median of ${RUNS}`);

// 2. Ten thousand entries.
log('10,000 entries');
const big = await startServer({ root: DIST });
({ context, page, cdp, done } = await browser());
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
// Seeded the way a person would bring ten years back (issue 12): a backup file made
// here, with the 10,000 entries and 100 photo cards (photos of 150 KB, as a scaled
// camera photo is), imported through Backup and export. Its check (file chosen to the
// preview) plus its write (the click to "Done") is the import figure; an export
// (encrypted, as by default, the click to the file) is the export figure.
const photoCards = 100;
const backupFile = {
  format: 'between-backup', version: 1, created: now, app: 'bench',
  records: [
    ...seeded.map((e, i) => ({
      kind: 'journal_entry', id: `seed-${i}`, created: e.at, updated: e.at, deleted: null, rev: 1,
      body: { offset_min: 0, prompt: null, for_session: false, ...e },
    })),
    ...Array.from({ length: photoCards }, (_, i) => ({
      kind: 'coping_card', id: `card-${i}`, created: now - i * day, updated: now - i * day, deleted: null, rev: 1,
      body: { kind: 'photo', title: `Photo ${i}`, text: '', phone: '', photo: `photo-${i}`, favourite: false, order: i, starter: false },
    })),
  ],
  photos: Array.from({ length: photoCards }, (_, i) => ({
    id: `photo-${i}`, type: 'image/jpeg', base64: randomBytes(150 * 1024).toString('base64'),
  })),
};
const backupText = JSON.stringify(backupFile);
// Chosen from a file on disk, as a person does: no copy through the test protocol.
const backupPath = join(mkdtempSync(join(tmpdir(), 'between-bench-backup-')), 'between-backup.json');
writeFileSync(backupPath, backupText);
await page.goto(big.url + 'backup');
const restore = page.getByRole('region', { name: 'Restore from a backup' });
await restore.getByLabel('Backup file').waitFor();
// Stamped in the page: the file chosen ("change") to the preview's button, and the
// click to the "Done" message.
await page.evaluate(() => {
  const stamps = (window.__import = {});
  document.getElementById('restore-file').addEventListener('change', () => { stamps.chosen = performance.now(); }, { capture: true, once: true });
  document.addEventListener('click', (e) => { if (e.target.textContent === 'Add to what is here') stamps.clicked = performance.now(); }, { capture: true });
  new MutationObserver(() => {
    if (!stamps.preview && [...document.querySelectorAll('button')].some((b) => b.textContent === 'Add to what is here')) stamps.preview = performance.now();
    if (!stamps.done && /added or updated/.test(document.body.textContent)) stamps.done = performance.now();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
});
await restore.getByLabel('Backup file').setInputFiles(backupPath);
await restore.getByRole('button', { name: 'Add to what is here' }).waitFor({ timeout: 120_000 });
await restore.getByRole('button', { name: 'Add to what is here' }).click();
await restore.getByRole('status').filter({ hasText: 'added or updated' }).waitFor({ timeout: 120_000 });
const stamps = await page.evaluate(() => window.__import);
const importCheck = stamps.preview - stamps.chosen;
const importWrite = stamps.done - stamps.clicked;
let t0;
rmSync(dirname(backupPath), { recursive: true, force: true });
const exportTimes = [];
for (let i = 0; i < 3; i++) {
  const make = page.getByRole('region', { name: 'Make a backup' });
  await make.getByLabel('Passphrase', { exact: true }).fill('bench passphrase');
  await make.getByLabel('Passphrase again').fill('bench passphrase');
  t0 = performance.now();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), make.getByRole('button', { name: 'Download backup' }).click()]);
  exportTimes.push(performance.now() - t0);
  await file.delete();
}
await page.goto(big.url + 'journal');
await page.getByRole('navigation', { name: 'Main' }).waitFor();

const listFirst = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  await page.waitForFunction(() => window.__bench.entry);
  listFirst.push(await page.evaluate(() => window.__bench.entry));
}
// Once the whole list is loaded (the count of entries is shown).
await page.getByText(/^1\d{4} entries$/).waitFor();
const memJournal = await memory(page, cdp);
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
// Patterns as the first screen: a reload, navigation start to the chart's first point.
const patternsOpen = [];
for (let i = 0; i < 3; i++) {
  await page.reload();
  await page.locator('.chart__dot').first().waitFor();
  patternsOpen.push(await page.evaluate(() => performance.now()));
}
const memPatterns = await memory(page, cdp);
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
// Today reopened offline with the worker in control: navigation start to its mood
// buttons (Today reads only what it shows, never the whole journal).
await page.goto(big.url);
await page.getByRole('button', { name: 'Okay', exact: true }).waitFor();
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await page.waitForLoadState('networkidle');
await big.close();
await context.setOffline(true);
const todayOffline = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  await page.getByRole('button', { name: 'Okay', exact: true }).waitFor();
  todayOffline.push(await page.evaluate(() => window.__bench.moods));
}
// The passcode lock turned on over all of it (still offline), then unlocked: the click on
// "Unlock" to Today's mood buttons, PBKDF2 (600,000 iterations) and the first reads of
// sealed records included.
const PASSCODE = '24681357';
await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
const lockSection = page.getByRole('region', { name: 'Passcode lock' });
await lockSection.getByLabel('New passcode').fill(PASSCODE);
await lockSection.getByLabel('Type the passcode again').fill(PASSCODE);
t0 = performance.now();
await lockSection.getByRole('button', { name: 'Turn on the lock' }).click();
await lockSection.getByText('The lock is on').waitFor({ timeout: 600_000 });
const turnOn = performance.now() - t0;
await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
const unlock = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  await page.getByLabel('Passcode').waitFor();
  await page.evaluate(() => {
    const stamps = (window.__unlock = {});
    document.addEventListener('click', (e) => { if (e.target.textContent === 'Unlock') stamps.clicked = performance.now(); }, { capture: true });
    new MutationObserver((_, o) => {
      if ([...document.querySelectorAll('button')].some((b) => b.textContent.trim().endsWith('Okay'))) { stamps.today = performance.now(); o.disconnect(); }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByLabel('Passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Okay', exact: true }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__unlock.today);
  unlock.push(await page.evaluate(() => window.__unlock.today - window.__unlock.clicked));
}
await done();

figure('export', '10,000 entries and 100 photos: export (encrypted)', median(exportTimes), ms,
  `median of ${exportTimes.length}, click on "Download backup" to the file (${mb(backupText.length)} plain, PBKDF2 600,000 and AES-GCM included)`);
figure('import', '10,000 entries and 100 photos: import', importCheck + importWrite, ms,
  `one import into an empty journal of the bench's own plain file: file chosen to the preview (${ms(importCheck)}, the full check) plus the click to "Done" (${ms(importWrite)}, one transaction and the month summaries rebuilt)`);
figure('unlock', '10,000 entries and 100 photos, locked: unlock', median(unlock), ms,
  `median of ${RUNS} reloads of Today with the lock on, offline: the click on "Unlock" to the mood buttons (PBKDF2 600,000 included); turning the lock on over all of it took ${ms(turnOn)} once`);
figure('todayOffline', "Today's offline reopen with 10,000 entries", median(todayOffline), ms,
  `median of ${RUNS} reloads of Today, host stopped, network off, worker in control; navigation start to the mood buttons`);
figure('listFirst', '10,000 entries: list, first entry shown', median(listFirst), ms,
  `median of ${RUNS} reloads of /journal, from navigation start`);
figure('patternsCold', '10,000 entries: Patterns opened cold', median(patternsOpen), ms,
  'median of 3 reloads of /patterns, navigation start to the chart');
figure('save', '10,000 entries: save', median(save), ms,
  `median of ${RUNS}, the IndexedDB write committed (between:save marks)`);
figure('search', '10,000 entries: search', median(search), ms,
  `median of ${search.length} queries, keystroke to the count`);
const mem = memPatterns.total >= memJournal.total ? { ...memPatterns, where: 'Patterns' } : { ...memJournal, where: 'journal' };
figure('memory', '10,000 entries: JS heap + wasm memory', mem.total, mb,
  `the larger of the journal list and Patterns, all entries loaded, after a GC: ` +
  `journal ${mb(memJournal.js)} JS + ${mb(memJournal.wasm)} wasm, Patterns ${mb(memPatterns.js)} JS + ${mb(memPatterns.wasm)} wasm ` +
  '(CDP Performance.getMetrics JSHeapUsedSize + WebAssembly.Memory buffer.byteLength)');
figure('patternsFromJournal', '10,000 entries: Patterns from the journal', median(patternsFromJournal), ms,
  'median of 3, click to chart (entries already loaded)');
figure('patternsAllTime', '10,000 entries: Patterns, switch to all time', median(patterns), ms,
  `median of ${RUNS}, click to chart`);

// ---------------------------------------------------------------- Lighthouse
log(`Lighthouse x${LH_RUNS}`);
const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
const lhServer = await startServer({ root: DIST, host: '127.0.0.1' });
const lhRuns = [];
const foreign = new Set();
for (let i = 0; i < LH_RUNS; i++) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', LOCAL_ONLY],
  });
  try {
    // The default config: mobile, simulated throttling (Moto G Power, slow 4G).
    const { lhr } = await lighthouse(lhServer.url, {
      port: chrome.port, logLevel: 'error', output: 'json',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const r of lhr.audits['network-requests']?.details?.items || []) {
      if (!/^(data|blob):/.test(r.url) && !r.url.startsWith(lhServer.url)) foreign.add(r.url);
    }
    const audit = (id) => lhr.audits[id]?.numericValue;
    lhRuns.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
      metrics: {
        'First Contentful Paint': audit('first-contentful-paint'),
        'Largest Contentful Paint': audit('largest-contentful-paint'),
        'Total Blocking Time': audit('total-blocking-time'),
        'Cumulative Layout Shift': audit('cumulative-layout-shift'),
        'Speed Index': audit('speed-index'),
      },
      // What keeps a category below 100: every scored audit under 0.9.
      failing: Object.values(lhr.categories).flatMap((c) => c.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 0.9)
        .map((ref) => `${c.title}: ${lhr.audits[ref.id].title}` +
          (lhr.audits[ref.id].displayValue ? ` (${lhr.audits[ref.id].displayValue})` : ''))),
      version: lhr.lighthouseVersion,
      userAgent: lhr.environment.hostUserAgent,
    });
  } finally {
    await chrome.kill();
  }
}
await lhServer.close();
const lhMedian = (k) => median(lhRuns.map((r) => r[k]));
const lhRun = lhRuns.find((r) => r.performance === lhMedian('performance'));
const lhHow = `Lighthouse ${lhRun.version}, mobile (simulated throttling), median of ${LH_RUNS} runs on /`;
figure('lhPerformance', 'Lighthouse mobile: performance', lhMedian('performance'), score, `${lhHow}; runs: ${lhRuns.map((r) => r.performance).join(', ')}`);
figure('lhAccessibility', 'Lighthouse mobile: accessibility', lhMedian('accessibility'), score, lhHow);
figure('lhBestPractices', 'Lighthouse mobile: best practices', lhMedian('bestPractices'), score, lhHow);
figures.push({
  key: 'offMachine', name: 'Requests off the machine (Lighthouse)', value: foreign.size, format: String,
  how: [...foreign].join(', ') || 'every request went to 127.0.0.1', budget: { max: 0 }, met: foreign.size === 0,
});

// ---------------------------------------------------------------- report
const missed = figures.filter((f) => f.met === false);
const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(); } catch { return '?'; } })();
const dirty = (() => { try { return execFileSync('git', ['status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock', 'index.html', 'style', 'public']).toString().trim() !== ''; } catch { return false; } })();
const chromiumVersion = (() => { try { return execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return '?'; } })();
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, loadavg: loadavg().map((x) => x.toFixed(2)), node: process.version, chromium: chromiumVersion };
const budgetText = (f) => (!f.budget ? '(no budget)' : f.budget.max !== undefined ? `≤ ${f.format(f.budget.max)}` : `≥ ${f.format(f.budget.min)}`);
const verdict = (f) => (f.met === null ? '' : f.met ? 'met' : '**missed**');

const md = [];
md.push('# Between: bench report', '');
md.push(`${new Date().toISOString()}, commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}, release build in dist/. ` +
  `${machine.cpus} × ${machine.cpu}, load ${machine.loadavg.join(' ')} at the end, node ${machine.node}, ${machine.chromium}.`, '');
md.push(missed.length ? `**${missed.length} budget(s) missed:** ${missed.map((f) => f.name).join('; ')}.` : 'Every budget is met.', '');
md.push('| Figure | Measured | Budget | |', '|---|---:|---:|---|');
for (const f of figures) md.push(`| ${f.name} | ${f.format(f.value)} | ${budgetText(f)} | ${verdict(f)} |`);
md.push('', 'How each figure is measured:', '');
for (const f of figures) md.push(`- ${f.name}: ${f.how}.`);
md.push('', `## Chunks: every .wasm and .js in dist/`, '', '| File | Raw | Brotli | Loaded |', '|---|---:|---:|---|');
for (const c of chunks) md.push(`| ${c.file} | ${kb(c.raw)} | ${kb(c.brotli)} | ${c.first ? 'first visit' : 'when a screen needs it'} |`);
md.push('', '## The ten biggest contributors to the wasm', '');
if (top) {
  md.push(`From ${top.file} (${kb(top.size)}), the main module (what a first visit loads; each screen's chunk is listed above) before wasm-bindgen and wasm-opt, the only build that keeps its ` +
    `names (${top.tool}). Custom sections and wasm-bindgen's describe functions are left out: they never reach dist/. ` +
    `Shares are of the ${kb(top.total)} left (code, data, tables); wasm-opt and brotli then make each part smaller, ` +
    'in roughly the same order.' +
    (top.stale ? ' **That file is older than the wasm in dist/: run make dist again.**' : ''), '');
  const table = (title, rows) => {
    md.push(`| ${title} | Bytes | Share |`, '|---|---:|---:|');
    for (const t of rows) md.push(`| \`${t.name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${t.size} | ${t.percent.toFixed(1)} % |`);
    md.push('');
  };
  table('Item (twiggy top, the ten biggest)', top.items);
  table('Crate (every item summed by the first crate in its name)', top.crates);
} else {
  md.push(`Not measured: ${NAMED_WASM} is missing (run make dist).`);
}
md.push('', `## Lighthouse (run with the median performance score)`, '');
for (const [k, v] of Object.entries(lhRun.metrics)) md.push(`- ${k}: ${v === undefined ? '?' : k.startsWith('Cumulative') ? v.toFixed(3) : ms(v)}`);
md.push('', lhRun.failing.length ? 'Audits below 0.9:' : 'No scored audit below 0.9.', '');
for (const a of lhRun.failing) md.push(`- ${a}`);
md.push('');

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.md'), md.join('\n'));
writeFileSync(join(OUT, 'report.json'), JSON.stringify({
  date: new Date().toISOString(), commit, uncommittedChanges: dirty, machine, runs: RUNS, lighthouseRuns: LH_RUNS,
  allMet: missed.length === 0,
  figures: figures.map(({ key, name, value, budget, met, how }) => ({ key, name, value, budget: budget || null, met, how })),
  raw: { todayOffline, offlineReopen: fast, offlineReopenSlowCpu: slow, listFirst, search, save, patternsOpen, patternsFromJournal, patternsAllTime: patterns, memJournal, memPatterns },
  chunks, wasmTop: top, lighthouse: lhRuns,
}, null, 2) + '\n');
console.log(md.join('\n'));
console.log(`Written to ${OUT}/report.md and ${OUT}/report.json.`);
process.exit(missed.length ? 1 : 0);
