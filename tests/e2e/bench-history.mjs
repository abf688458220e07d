// Browser half of the ticket-history benchmark (run by scripts/bench.sh): a ticket export read,
// summarised and replayed by the app in headless Chromium, timed from "Read" to the replay table
// on screen; the page's main-thread delay meanwhile (a task queued every 16 ms, how late it ran);
// and PapaParse parsing the same file in a browser worker, for scale. Prints JSON on stdout.
//
// node bench-history.mjs APP_URL PLAN.json TICKETS.csv PAPAPARSE_URL
import { chromium } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { seedDraft } from './seed-draft.mjs';

const [appUrl, planFile, csvFile, papaUrl] = process.argv.slice(2);
const RUNS = 3;

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Starts sampling the main thread's delay: a message posted every 16 ms, and how late it ran.
const startLagProbe = () => {
  window.__lag = [];
  window.__lagStop = false;
  const channel = new MessageChannel();
  let posted = 0;
  channel.port1.onmessage = () => {
    window.__lag.push(performance.now() - posted);
    if (!window.__lagStop) setTimeout(() => { posted = performance.now(); channel.port2.postMessage(null); }, 16);
  };
  posted = performance.now();
  channel.port2.postMessage(null);
};

/** One read of the file by the app: seconds from "Read" to the replay on screen. */
async function appRead(planText) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(seedDraft, planText);
  await page.goto(appUrl);
  await page.locator('#nav-today-measured').click();
  await page.evaluate(startLagProbe);
  let started = Date.now();
  await page.locator('#measured-files').setInputFiles(csvFile);
  // A CSV whose times carry no offset may first show the column-mapping step; the read then
  // starts at its "Read" button.
  const read = page.locator('#mapping-read');
  const reading = page.locator('#measured-progress, #measured-replay').first();
  const step = await Promise.race([
    read.waitFor({ timeout: 60_000 }).then(() => 'mapping'),
    reading.waitFor({ timeout: 60_000 }).then(() => 'reading'),
  ]);
  if (step === 'mapping') {
    const zone = page.getByLabel('Time zone of times without an offset');
    if (await zone.count() && !(await zone.inputValue())) {
      await zone.fill('America/New_York');
      await zone.blur();
    }
    started = Date.now();
    await read.click();
  }
  await page.locator('#measured-replay').waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - started) / 1000;
  const lag = await page.evaluate(() => { window.__lagStop = true; return window.__lag; });
  const facts = await page.locator('#measured-facts').innerText();
  await context.close();
  return { seconds, lag, facts };
}

/** PapaParse (header row, every row parsed) in its own worker, over the same file. */
async function papaParse() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(papaUrl);
  await page.locator('#file').setInputFiles(csvFile);
  const run = await page.evaluate(() => new Promise((resolve, reject) => {
    const started = performance.now();
    let rows = 0;
    // eslint-disable-next-line no-undef
    Papa.parse(document.getElementById('file').files[0], {
      header: true, worker: true, skipEmptyLines: true,
      chunk: (result) => { rows += result.data.length; },
      complete: () => resolve({ seconds: (performance.now() - started) / 1000, rows }),
      error: (e) => reject(new Error(String(e))),
    });
  }));
  await context.close();
  return run;
}

const planText = readFileSync(planFile, 'utf8');
const app = [];
let lag = [];
let facts = '';
for (let i = 0; i < RUNS; i++) {
  const run = await appRead(planText);
  app.push(run.seconds);
  lag = lag.concat(run.lag);
  facts = run.facts;
}
const papa = [];
let papaRows = 0;
for (let i = 0; i < RUNS; i++) {
  const run = await papaParse();
  papa.push(run.seconds);
  papaRows = run.rows;
}
await browser.close();
console.log(JSON.stringify({
  file_bytes: statSync(csvFile).size,
  app_read_seconds: stats(app),
  main_thread_delay_ms: stats(lag),
  app_facts: facts.split('\n').slice(0, 6).join(' · '),
  papaparse_seconds: stats(papa),
  papaparse_rows: papaRows,
}, null, 2));
