// Browser half of the benchmark (run by scripts/bench.sh; lives here to use the e2e node_modules): transfer sizes of dist/, time from
// navigation to a usable app (empty and large plan), and edit latency on a large plan, measured in
// the page with performance.now() rather than by sleeping. Prints JSON on stdout.
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { seedDraft } from './seed-draft.mjs';

const [baseUrl, distDir, largePlanFile, yardstickUrl, simulationPlanFile] = process.argv.slice(2);
const LOADS = 10;
const EDITS = 60;

/** Transfer sizes by kind; the page's wasm and the worker's apart (the budget is the page's:
 * the worker's loads in parallel and is not needed to show the form). */
function sizes() {
  const out = {};
  for (const file of readdirSync(distDir)) {
    const kind = file.endsWith('.wasm') ? (file.startsWith('support-ops-worker') ? 'worker_wasm' : 'wasm')
      : file.endsWith('.js') && file !== 'sw.js' ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const bytes = readFileSync(join(distDir, file));
    const entry = (out[kind] ??= { raw: 0, gzip: 0, brotli: 0 });
    entry.raw += bytes.length;
    entry.gzip += gzipSync(bytes, { level: 9 }).length;
    entry.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return out;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

// Records, in the page, the moment the Product field (the yardstick: its new-todo field) is in
// the DOM and enabled: "usable".
const markUsable = () => {
  const check = () => {
    const field = document.getElementById('field-header-product') ?? document.querySelector('input.new-todo');
    if (field && !field.disabled && !window.__usableAt) {
      window.__usableAt = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => { if (check()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Milliseconds from navigation to usable, in a fresh context (nothing cached). With `marks`,
 * also records when the wasm started running and when the app was mounted (the app's marks). */
async function loadOnce(url, planText, marks) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(markUsable);
  if (planText) await page.addInitScript(seedDraft, planText);
  await page.goto(url);
  await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 60_000 });
  const at = await page.evaluate(() => window.__usableAt);
  if (marks) {
    marks.push(await page.evaluate(() => {
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { started: mark('app-start'), mounted: mark('app-mounted') };
    }));
  }
  await context.close();
  return at;
}

async function loadTimes(planText) {
  const times = [];
  for (let i = 0; i < LOADS; i++) times.push(await loadOnce(baseUrl, planText));
  return stats(times);
}

/** The app (empty draft) and the yardstick loaded in turn, so both see the same machine load. */
async function interleavedLoads() {
  const app = [];
  const yardstick = [];
  const marks = [];
  for (let i = 0; i < LOADS; i++) {
    app.push(await loadOnce(baseUrl, null, marks));
    yardstick.push(await loadOnce(yardstickUrl, null));
  }
  const appStats = stats(app);
  const yardstickStats = stats(yardstick);
  return {
    app: appStats,
    yardstick: yardstickStats,
    ratio_of_medians: appStats.median / yardstickStats.median,
    // Where the app's time goes: until its wasm runs (download, compile), then mounting the views.
    app_wasm_running_at: stats(marks.map((m) => m.started)),
    app_mounting: stats(marks.map((m) => m.mounted - m.started)),
  };
}

// Edit latency: `row` is the category edited; `showAll` first asks the form and the preview for
// every row of the long lists (by default they show the first 50). An edit is done when the
// preview shows it and the plan check's answer for it is in (the worker round trip: the page
// records a "plan-check" measure when an answer is shown). Main-thread tasks over 50 ms while
// typing are counted with the Long Tasks API.
async function editLatency(planText, row, showAll) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(seedDraft, planText);
  await page.goto(baseUrl);
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'Taxonomy' }).click();
  if (showAll) {
    await page.locator('#field-taxonomy-all').click();
    await page.locator('.doc-show-all').first().click();
  }
  const fieldId = `field-taxonomy-${row}-name`;
  await page.locator('#' + fieldId).waitFor({ timeout: 60_000 });
  // The first check of the opened plan is in before the first edit.
  await page.waitForFunction(() => performance.getEntriesByName('plan-check').length > 0, null, { timeout: 60_000 });
  const samples = await page.evaluate(async ({ edits, fieldId }) => {
    const field = document.getElementById(fieldId);
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const checks = () => performance.getEntriesByName('plan-check').length;
    const preview = () => document.querySelector('section.preview');
    // Resolves once the preview holds `text` and a check answered after `before` answers.
    const done = (text, before) => new Promise((resolve) => {
      const test = () => {
        if (checks() > before && preview()?.textContent.includes(text)) {
          mutations.disconnect();
          measures.disconnect();
          resolve();
        }
      };
      const mutations = new MutationObserver(test);
      mutations.observe(document.body, { childList: true, subtree: true, characterData: true });
      const measures = new PerformanceObserver(test);
      measures.observe({ type: 'measure' });
      test();
    });
    const times = [];
    for (let i = 0; i < edits; i++) {
      field.value = field.value + 'x';
      const before = checks();
      const started = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await done(field.value, before);
      times.push(performance.now() - started);
    }
    longTasks.push(...observer.takeRecords().map((e) => e.duration));
    observer.disconnect();
    return { times, longTasks, previewShowsEdit: !!preview() && preview().textContent.includes(field.value) };
  }, { edits: EDITS, fieldId });
  await context.close();
  return {
    ...stats(samples.times), row, show_all: showAll, preview_shows_the_edit: samples.previewShowsEdit,
    long_tasks_over_50_ms: samples.longTasks.length,
    longest_task_ms: Math.max(0, ...samples.longTasks),
  };
}

// The month simulation in the browser: the Capacity view records a performance measure around
// the worker's answer (request sent -> month shown). The first month also starts the worker
// (its wasm compiled), so it is reported apart; the speed is of the next ones, each asked by an
// edit of the escalation share, as a user's would be.
async function simulationSpeed(planText) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(seedDraft, planText);
  await page.goto(baseUrl);
  await page.locator('#nav-capacity').click();
  await page.locator('.capacity-month').waitFor({ timeout: 120_000 });
  const measures = () => page.evaluate(() => performance.getEntriesByName('simulated-month').map((m) => m.duration));
  const first = (await measures()).at(-1);
  const tickets = await page.evaluate(() => Number(document.querySelector('.capacity-month').dataset.tickets));
  const field = page.getByLabel('Escalating to the next tier (%)').first();
  const rates = [];
  const times = [];
  for (let i = 0; i < 5; i++) {
    const before = (await measures()).length;
    await field.fill(String(16 + i));
    await page.waitForFunction((n) => performance.getEntriesByName('simulated-month').length > n, before, { timeout: 120_000 });
    const ms = (await measures()).at(-1);
    times.push(ms);
    rates.push(tickets / (ms / 1000));
  }
  await context.close();
  return { tickets, first_with_worker_start_ms: first, round_trip_ms: stats(times), tickets_per_second: stats(rates) };
}

// Input latency while the worker simulates the month: on Capacity the user types in the
// escalation share, and each edit asks for the month again (the latest edit waits for the answer
// in flight), so the worker simulates all along and every keystroke lands while a month runs.
// Each sample is one keystroke, from its input event until the page has handled it (a macrotask
// boundary after every effect it queued).
async function inputLatencyDuringSimulation(planText) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(seedDraft, planText);
  await page.goto(baseUrl);
  await page.locator('#nav-capacity').click();
  await page.locator('.capacity-month').waitFor({ timeout: 120_000 });
  const field = page.getByLabel('Escalating to the next tier (%)').first();
  await field.evaluate((input) => { input.id ||= 'bench-escalating'; });
  const id = await field.evaluate((input) => input.id);
  const samples = await page.evaluate(async (id) => {
    const field = document.getElementById(id);
    const settled = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const times = [];
    const deadline = performance.now() + 15_000;
    for (let i = 0; times.length < 300 && performance.now() < deadline; i++) {
      field.value = String(15 + (i % 10));
      const started = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await settled();
      times.push(performance.now() - started);
      // The next keystroke after the browser has had a frame, as a typist's would be.
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    }
    return times;
  }, id);
  await context.close();
  return samples.length ? stats(samples) : null;
}

const largePlan = readFileSync(largePlanFile, 'utf8');
const simulationPlan = readFileSync(simulationPlanFile ?? largePlanFile, 'utf8');
const result = {
  sizes: sizes(),
  load_ms_empty: await loadTimes(null),
  first_usable_vs_yardstick: yardstickUrl ? await interleavedLoads() : null,
  load_ms_large: await loadTimes(largePlan),
  edit_ms_large: await editLatency(largePlan, 25, false),
  edit_ms_large_all_rows: await editLatency(largePlan, 250, true),
  simulation_browser: await simulationSpeed(simulationPlan),
  input_ms_during_simulation: await inputLatencyDuringSimulation(simulationPlan),
};
await browser.close();
console.log(JSON.stringify(result, null, 2));
