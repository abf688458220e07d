// Where an edit's time goes (run by scripts/profile-edit.sh, not part of the tests): ten edits of
// one field of a large plan under the CPU profiler and the timeline tracer, in headless Chromium.
// Prints the edit times, the browser's own work (layout, paint) and the top functions by self and
// by inclusive time; writes the raw profile to edit.cpuprofile for DevTools.
import { chromium } from '@playwright/test';
import { printProfile, top } from './profile-report.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { seedDraft } from './seed-draft.mjs';

const [baseUrl, planFile, fieldId, section, outFile = 'edit.cpuprofile'] = process.argv.slice(2);
const planText = readFileSync(planFile, 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage();
await page.addInitScript(seedDraft, planText);
await page.goto(baseUrl);
await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: section }).click();
await page.locator('#' + fieldId).waitFor({ timeout: 60_000 });

const cdp = await page.context().newCDPSession(page);
const traceEvents = [];
cdp.on('Tracing.dataCollected', (d) => traceEvents.push(...d.value));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });

const times = await page.evaluate(async (id) => {
  const field = document.getElementById(id);
  const settled = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  const took = [];
  for (let i = 0; i < 10; i++) {
    field.value += 'x';
    const started = performance.now();
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settled();
    took.push(performance.now() - started);
  }
  return took;
}, fieldId);

const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.end');
await traced;
const { profile } = await cdp.send('Profiler.stop');
await browser.close();


console.log('edit ms:', times.map((t) => t.toFixed(1)).join(' '));
const browserWork = new Map();
for (const e of traceEvents) {
  if (e.ph === 'X' && e.dur && /^(Layout|Paint|PrePaint|UpdateLayoutTree|Layerize|Commit)$/.test(e.name)) {
    browserWork.set(e.name, (browserWork.get(e.name) ?? 0) + e.dur);
  }
}
console.log('\nBROWSER WORK\n' + top(browserWork, 10));

printProfile(profile, 30);
writeFileSync(outFile, JSON.stringify(profile));
console.log(`\nwrote ${outFile}`);
