// Screenshots of screens from dist/ for a look by eye, written to shots/ (ignored by git).
//   node tools/screenshot.mjs [--seed] [--full] journal:dark help:light patterns
// --seed puts two months of sample entries in first, so lists and patterns have data.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { seedEntries } from '../tests/e2e/helpers.mjs';

mkdirSync('shots', { recursive: true });
const args = process.argv.slice(2);
const seed = args.includes('--seed');
const server = await startServer({ root: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 412, height: 860 } });
if (seed) {
  const page = await context.newPage();
  await page.goto(server.url + 'journal');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const day = 24 * 3600 * 1000;
  const texts = ['Quiet morning. Coffee on the balcony helped.', 'Hard call with my sister. I stayed calm longer than usual.',
    'Could not sleep, mind racing about the deadline.', 'Walked by the river after work.', 'Therapy homework: noticed the thought before it spiralled.'];
  await seedEntries(page, Array.from({ length: 80 }, (_, i) => ({
    at: Date.now() - Math.floor(i * 0.75) * day - (i % 3) * 5 * 3600 * 1000,
    offset_min: -new Date().getTimezoneOffset(),
    mood: 1 + ((i * 3 + Math.floor(i / 7)) % 5),
    emotions: [['Calm'], ['Anxious', 'Tired'], ['Hopeful'], ['Frustrated']][i % 4],
    triggers: i % 3 ? [] : [['Work'], ['Family'], ['Poor sleep']][i % 3 === 0 ? (i / 3) % 3 : 0],
    symptoms: [{ name: 'Anxiety', value: (i * 5) % 11 }, { name: 'Sleep (hours)', value: 5 + (i % 4) }],
    text: texts[i % texts.length],
    for_session: i === 2,
  })));
  await page.close();
}
for (const [path, scheme] of args.filter((a) => !a.startsWith('--')).map((a) => a.split(':'))) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme || 'light' });
  await page.goto(server.url + path);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `shots/${(path || 'today').replace(/[?=]/g, '-')}-${scheme || 'light'}.png`, fullPage: args.includes('--full') });
  await page.close();
}
await browser.close();
await server.close();
