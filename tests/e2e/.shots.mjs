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
  const groups = page.locator('.capacity-group');
  for (let i = 0; i < await groups.count(); i++) {
    await groups.nth(i).screenshot({ path: `${out}/group-${width}-${i}.png` });
  }
  const contrast = await page.evaluate(() => {
    const lum = (c) => { const m = c.match(/[\d.]+/g).map(Number); const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]); };
    const bg = (el) => { while (el) { const b = getComputedStyle(el).backgroundColor; if (b && !b.endsWith(', 0)') && b !== 'transparent') return b; el = el.parentElement; } return 'rgb(255,255,255)'; };
    const worst = [];
    for (const el of document.querySelectorAll('.capacity *, .capacity')) {
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const cs = getComputedStyle(el);
      const fg = el instanceof SVGElement ? cs.fill : cs.color;
      if (!fg.startsWith('rgb')) continue;
      const a = lum(fg), b = lum(bg(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) worst.push(el.tagName + '.' + el.className?.baseVal ?? el.className + ' ' + ratio.toFixed(2) + ' ' + el.textContent.slice(0, 30));
    }
    const sizes = [...document.querySelectorAll('.capacity svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize));
    return { low: worst.slice(0, 10), minSvgText: Math.min(...sizes), body: parseFloat(getComputedStyle(document.body).fontSize) };
  });
  console.log('contrast', width, JSON.stringify(contrast));
  await page.locator('.share-menu summary').click();
  await page.getByRole('button', { name: 'Create share link' }).click();
  const link = await page.locator('#share-link').inputValue();
  const reader = await context.newPage();
  await reader.goto(link);
  await reader.locator('.doc-capacity-section').waitFor();
  await reader.locator('.doc-capacity-section').scrollIntoViewIfNeeded();
  const sw = await reader.evaluate(() => { const w = window.innerWidth; const bad = []; for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if (r.right > w + 0.5) bad.push(el.tagName + '.' + (el.className?.baseVal ?? el.className) + ' ' + Math.round(r.right) + ' ' + (el.textContent || '').slice(0, 25)); } return [document.documentElement.scrollWidth, w, bad.slice(0, 12)]; });
  console.log('stakeholder', width, sw);
  await reader.locator('.doc-capacity-section').screenshot({ path: `${out}/stakeholder-${width}.png` });
  await context.close();
}
await browser.close();
