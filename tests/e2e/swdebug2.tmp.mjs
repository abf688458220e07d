import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(process.argv[2]);
await page.waitForTimeout(3000);
const [sw] = context.serviceWorkers();
console.log('sw', !!sw);
if (sw) {
  console.log(await sw.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      out.push(name, (await c.keys()).map(r => r.url));
    }
    const t0 = Date.now();
    const r = await fetch(INDEX, { cache: 'no-cache' });
    out.push('index fetched ' + r.status + ' ' + (Date.now() - t0));
    const html = await r.clone().text();
    out.push([...shellFiles(html)]);
    return JSON.stringify(out);
  }));
}
await browser.close();
