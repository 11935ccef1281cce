// Screenshots of screens from dist/ for a look by eye: node tools/screenshot.mjs journal:dark help:light
// Writes shots/<route>-<scheme>.png (ignored by git).
import { mkdirSync } from "node:fs";
mkdirSync("shots", { recursive: true });
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
const server = await startServer({ root: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const [path, scheme] of process.argv.slice(2).map(a => a.split(':'))) {
  const page = await browser.newPage({ viewport: { width: 412, height: 860 }, colorScheme: scheme || 'light' });
  await page.goto(server.url + path);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `shots/${path || 'today'}-${scheme || 'light'}.png`, fullPage: true });
}
await browser.close(); await server.close();
