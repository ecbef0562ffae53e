// Takes a screenshot of a page in headless Chromium: node scripts/screenshot.mjs URL OUT.png [WIDTH HEIGHT] [WAIT_MS]
import { chromium } from '@playwright/test';

const [url, out, width = '1440', height = '900', wait = '1500'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [WIDTH HEIGHT] [WAIT_MS]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('pageerror', (e) => console.error('page error:', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out, fullPage: false });
await browser.close();
console.log(`saved ${out}`);
