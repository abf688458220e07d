// Repeats the probes of the issues "Nothing lost, nothing hangs" and "Reliability follow-ups" against
// a served build and prints the figures (tries, failures, peak memory of the tab, seconds) as JSON.
// Not part of the tests (they assert behaviour; this measures). Usage, from tests/e2e:
//
//   node probe-reliability.mjs http://127.0.0.1:8081/app/ [race-tries] [probes]
//
// probes: a comma-separated choice of race, bombs, imports, loss (default: all). Before the limits,
// the bombs and imports grew a tab to 3–6 GB: run them only against a build that has the limits.
//
// - race: two tabs save the same draft at the same instant; a try fails when an edit is neither
//   stored nor on screen under the conflict banner;
// - link bombs: 100,000 empty channels / categories in a share link;
// - big imports: 10,000 and 20,000 channels;
// - loss window: milliseconds from a keystroke to the draft holding it in local storage, and
//   whether an edit survives the renderer crashing 100 ms and 300 ms after it.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const [appUrl, raceArg, probesArg] = process.argv.slice(2);
const chosen = new Set((probesArg ?? 'race,bombs,imports,loss').split(','));
const RACE_TRIES = Number(raceArg ?? 20);
if (!appUrl) {
  console.error('usage: node probe-reliability.mjs APP_URL [race-tries]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

function fnv1a(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function fragmentOf(json) {
  const bytes = Buffer.from(json, 'utf8');
  const packed = deflateRawSync(bytes, { level: 9 });
  const sum = fnv1a(bytes);
  const header = [(sum >>> 24) & 0xff, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff];
  let length = packed.length;
  do {
    const low = length & 0x7f;
    length >>>= 7;
    header.push(length ? low | 0x80 : low);
  } while (length);
  return `#share=v1.${Buffer.concat([Buffer.from(header), packed]).toString('base64url')}`;
}

const planWith = (key, count, item = '{}') =>
  `{"schema_version":2,"header":{"product":"Probe"},"${key}":[${Array(count).fill(item).join(',')}]}`;

/** Peak resident memory (MB) of the renderer processes of the browser, from /proc. */
async function rendererPeakMb(page) {
  try {
    const session = await page.context().browser().newBrowserCDPSession();
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    await session.detach();
    let peak = 0;
    for (const info of processInfo.filter((p) => p.type === 'renderer')) {
      const status = readFileSync(`/proc/${info.id}/status`, 'utf8');
      const hwm = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0);
      peak = Math.max(peak, hwm / 1024);
    }
    return Math.round(peak);
  } catch {
    return null;
  }
}

const product = (page) => page.getByLabel('Product', { exact: true });
const state = (page) => page.locator('.drafts-menu [role=status]');
const CONFLICT = 'Not saved: changed in another tab — choose which to keep';

async function race() {
  const context = await browser.newContext();
  const hold = () => {
    window.held = [];
    const realSetTimeout = window.setTimeout.bind(window);
    window.setTimeout = (handler, ms, ...rest) => {
      if (window.holdSaves && (ms ?? 0) >= 500) { window.held.push(() => handler(...rest)); return 0; }
      return realSetTimeout(handler, ms, ...rest);
    };
    const realIdle = window.requestIdleCallback?.bind(window);
    if (realIdle) {
      window.requestIdleCallback = (cb, options) => {
        if (window.holdSaves) { window.held.push(() => cb({ didTimeout: true, timeRemaining: () => 0 })); return 0; }
        return realIdle(cb, options);
      };
    }
    window.releaseAt = (at) => new Promise((done) => realSetTimeout(() => {
      window.holdSaves = false;
      for (const save of window.held.splice(0)) save();
      done();
    }, Math.max(0, at - Date.now())));
  };
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) {
    await tab.addInitScript(hold);
    await tab.goto(appUrl);
    await product(tab).waitFor();
  }
  const started = Date.now();
  let failures = 0;
  let clashes = 0;
  for (let round = 1; round <= RACE_TRIES; round++) {
    const typed = tabs.map((_, i) => `Race ${round} tab ${i + 1}`);
    for (let i = 0; i < tabs.length; i++) {
      await tabs[i].evaluate(() => (window.holdSaves = true));
      await product(tabs[i]).fill(typed[i]);
    }
    const at = Date.now() + 250;
    await Promise.all(tabs.map((tab) => tab.evaluate((when) => window.releaseAt(when), at)));
    await tabs[0].waitForTimeout(1_200);
    const stored = await tabs[0].evaluate(() => {
      const index = JSON.parse(localStorage.getItem('support-ops.drafts') ?? '{"drafts":[]}');
      const text = localStorage.getItem(`support-ops.draft.${index.last_open}`);
      return text ? JSON.parse(text).header.product : null;
    });
    let lost = false;
    for (let i = 0; i < tabs.length; i++) {
      const says = await state(tabs[i]).textContent();
      const shows = await product(tabs[i]).inputValue();
      if (stored !== typed[i] && !(says === CONFLICT && shows === typed[i])) lost = true;
      if (says === CONFLICT) clashes++;
    }
    if (lost) failures++;
    // Start over from one stored version in both tabs.
    for (const tab of tabs) {
      const load = tab.getByRole('button', { name: 'Load their version' });
      if (await load.count()) await load.click();
      else await tab.reload();
      await product(tab).waitFor();
    }
  }
  const memory = await rendererPeakMb(tabs[0]);
  await context.close();
  return { tries: RACE_TRIES, silent_losses: failures, conflicts_shown: clashes, seconds: (Date.now() - started) / 1000, peak_renderer_mb: memory };
}

/** Opens a link (or imports a file) in a fresh tab; seconds until the page answers, and memory. */
async function probe(name, act, answered) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = Date.now();
  let outcome = 'no answer within 120 s';
  try {
    await act(page);
    outcome = (await answered(page).textContent({ timeout: 120_000 }))?.trim().slice(0, 160);
  } catch (error) {
    outcome = `failed: ${error.message.split('\n')[0]}`;
  }
  const seconds = (Date.now() - started) / 1000;
  const memory = await rendererPeakMb(page);
  await context.close();
  return { probe: name, seconds, peak_renderer_mb: memory, outcome };
}

async function importProbe(count) {
  return probe(`import of ${count} channels`, async (page) => {
    await page.goto(appUrl);
    await product(page).waitFor();
    await page.getByLabel('Import JSON file').setInputFiles({
      name: 'channels.json',
      mimeType: 'application/json',
      buffer: Buffer.from(planWith('channels', count, '{"name":"Chat","kind":"chat"}')),
    });
  }, (page) => page.locator('.transfer-error, .transfer-status:not([aria-busy])').first());
}

async function bombProbe(key) {
  const fragment = fragmentOf(planWith(key, 100_000));
  return {
    link_characters: fragment.length,
    ...(await probe(`share link of 100,000 empty ${key}`, (page) => page.goto(`${appUrl}${fragment}`),
      (page) => page.locator('[role=alert], .stakeholder-document').first())),
  };
}

/** Milliseconds from each keystroke to local storage holding it, measured in the page. */
async function lossWindow() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.savedAt = [];
    const realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('support-ops.draft.')) window.savedAt.push([performance.now(), JSON.parse(value).header.product]);
      return realSetItem.call(this, key, value);
    };
  });
  await page.goto(appUrl);
  await product(page).waitFor();
  await product(page).click();
  const delays = [];
  for (let i = 0; i < 20; i++) {
    const text = `Window ${i}`;
    const typedAt = await page.evaluate((value) => {
      const field = document.getElementById('field-header-product');
      field.value = value;
      const at = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return at;
    }, text);
    await page.waitForFunction((value) => window.savedAt.some(([, p]) => p === value), text, { timeout: 5_000 });
    const savedAt = await page.evaluate((value) => window.savedAt.find(([, p]) => p === value)[0], text);
    delays.push(savedAt - typedAt);
    await page.waitForTimeout(700);
  }
  await context.close();
  delays.sort((a, b) => a - b);
  const crashes = [];
  for (const after of [100, 300]) {
    let kept = 0;
    const tries = 6;
    for (let i = 0; i < tries; i++) {
      const crashContext = await browser.newContext();
      const tab = await crashContext.newPage();
      await tab.goto(appUrl);
      await product(tab).waitFor();
      const text = `Crash ${after} ${i}`;
      await product(tab).fill(text);
      await tab.waitForTimeout(after);
      const session = await crashContext.newCDPSession(tab);
      // The crashed page never answers: do not wait for the reply.
      session.send('Page.crash').catch(() => undefined);
      await new Promise((done) => setTimeout(done, 500));
      const reopened = await crashContext.newPage();
      await reopened.goto(appUrl);
      await product(reopened).waitFor();
      if ((await product(reopened).inputValue()) === text) kept++;
      await crashContext.close();
    }
    crashes.push({ crash_after_ms: after, tries, edits_lost: tries - kept });
  }
  return {
    keystroke_to_stored_ms: {
      median: Math.round(delays[Math.floor(delays.length / 2)]),
      max: Math.round(delays[delays.length - 1]),
      n: delays.length,
    },
    crashes,
  };
}

// Each figure is printed as soon as it is known (one JSON line each), so a long run keeps them.
const report = (name, value) => console.log(JSON.stringify({ [name]: value }));
if (chosen.has('race')) report('race', await race());
if (chosen.has('bombs')) for (const key of ['channels', 'taxonomy']) report('link_bomb', await bombProbe(key));
if (chosen.has('imports')) for (const count of [10_000, 20_000]) report('import', await importProbe(count));
if (chosen.has('loss')) report('loss_window', await lossWindow());
await browser.close();
