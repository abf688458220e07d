// Where start-up time goes (not part of the tests): loads the app fresh under the CPU profiler and
// the timeline tracer, and prints when the wasm arrived, when the Product field became usable, the
// browser's own work (compile, parse, layout) and the top functions. Usage: node profile-load.mjs URL
import { chromium } from '@playwright/test';
import { printProfile, top } from './profile-report.mjs';

const [baseUrl] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage();
await page.addInitScript(() => {
  new MutationObserver((_, observer) => {
    const field = document.getElementById('field-header-product');
    if (field && !window.__usableAt) {
      window.__usableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
});
const cdp = await page.context().newCDPSession(page);
const traceEvents = [];
cdp.on('Tracing.dataCollected', (d) => traceEvents.push(...d.value));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,disabled-by-default-v8.compile', transferMode: 'ReportEvents' });
await page.goto(baseUrl);
await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 60_000 });
const timing = await page.evaluate(() => ({
  usable: window.__usableAt,
  resources: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), r.startTime, r.responseEnd]),
  domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
}));
const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.end');
await traced;
const { profile } = await cdp.send('Profiler.stop');
await browser.close();

console.log(`usable at ${timing.usable.toFixed(1)} ms; DOMContentLoaded ${timing.domContentLoaded.toFixed(1)} ms`);
for (const [name, start, end] of timing.resources) console.log(`  ${name.slice(0, 50).padEnd(50)} ${start.toFixed(1).padStart(7)} → ${end.toFixed(1).padStart(7)} ms`);
const browserWork = new Map();
for (const e of traceEvents) {
  if (e.ph === 'X' && e.dur) browserWork.set(e.name, (browserWork.get(e.name) ?? 0) + e.dur);
}
console.log('\nBROWSER WORK (trace events, inclusive)\n' + top(browserWork, 25));
printProfile(profile, 25);
