// Ad-hoc screenshots of the Capacity view and the stakeholder view (not part of the suite).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const base = process.argv[2];
const out = process.argv[3];
const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
for (const width of [1280, 390]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console error', m.text()));
  await page.goto(base);
  await page.getByLabel('Product', { exact: true }).waitFor();
  await page.getByLabel('Import JSON file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: template });
  if (width < 800) await page.locator('#pane-tab-form').click();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'Capacity' }).click();
  await page.locator('.capacity-verdict').waitFor();
  const widest = await page.evaluate(() => {
    const w = window.innerWidth; const bad = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 0.5 && r.width > 0 && getComputedStyle(el).visibility !== 'hidden') {
        let p = el.parentElement, clipped = false;
        while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'hidden' || o === 'scroll') { const pr = p.getBoundingClientRect(); if (pr.right <= w + 0.5) { clipped = true; break; } } p = p.parentElement; }
        if (!clipped) bad.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, w, bad: bad.slice(0, 15) };
  });
  console.log(width, JSON.stringify(widest));
  await page.screenshot({ path: `${out}/capacity-${width}.png`, fullPage: true });
  await page.locator('.share-menu summary').click();
  await page.getByRole('button', { name: 'Create share link' }).click();
  const link = await page.locator('#share-link').inputValue();
  const reader = await context.newPage();
  await reader.goto(link);
  await reader.locator('.doc-capacity-section').waitFor();
  await reader.locator('.doc-capacity-section').scrollIntoViewIfNeeded();
  const sw = await reader.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  console.log('stakeholder', width, sw);
  await reader.locator('.doc-capacity-section').screenshot({ path: `${out}/stakeholder-${width}.png` });
  await context.close();
}
await browser.close();
