// Temporary: seconds to import a plan file and settle.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [url, file] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage();
await page.goto(url);
await page.getByLabel('Product', { exact: true }).waitFor();
const t0 = Date.now();
await page.getByLabel('Import JSON file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: readFileSync(file) });
await page.locator('.transfer-status:not([aria-busy]), .transfer-error').first().waitFor({ timeout: 300000 });
const t1 = Date.now();
console.log(file, 'answered after', (t1 - t0) / 1000, 's:', (await page.locator('.transfer-status:not([aria-busy]), .transfer-error').first().textContent()).slice(0, 120));
// Keystroke latency on the product field.
const field = page.getByLabel('Product', { exact: true });
const t2 = Date.now();
for (let i = 0; i < 5; i++) await field.press('a');
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
console.log('5 keystrokes in', (Date.now() - t2) / 1000, 's');
await browser.close();
