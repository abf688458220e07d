// Updates (README, "Updates"): a tab open while a new build is published is offered "a new version
// is available — reload", and a host caught half-way through an upload (new index.html, its wasm
// not there yet) never breaks the start-up: the last complete build opens from the cache.
//
// Each test serves its own copy of dist/ and publishes a "new build" into it: the same files under
// new hashed names, which is all the page and the service worker can tell a new build by.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { serveDist } from './serve-dist.mjs';

const DIST = new URL('../../dist', import.meta.url).pathname;

let root = '';
let server: Server;
let appUrl = '';

test.beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'support-ops-updates-'));
  cpSync(DIST, root, { recursive: true });
  const served = await serveDist({ root, base: '/updates/' });
  server = served.server;
  appUrl = served.url;
});

test.afterEach(async () => {
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

/** The app's script and wasm in the served index.html (Trunk's hashed names). */
function buildFiles(): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const script = html.match(/data-js="\.\/([^"]+)"/)?.[1] ?? '';
  const wasm = html.match(/data-wasm="\.\/([^"]+)"/)?.[1] ?? '';
  return [script, wasm];
}

/** Publishes the same build under new hashed names; `uploaded: false` leaves out its files. */
function publishNewBuild({ uploaded }: { uploaded: boolean }): string {
  const [script, wasm] = buildFiles();
  const hash = script.match(/-([0-9a-f]{12,})\.js$/)?.[1] ?? '';
  expect(hash, 'Trunk names the script with a content hash').not.toBe('');
  const next = hash.replace(/./g, (c) => ((parseInt(c, 16) + 1) % 16).toString(16));
  const rename = (name: string) => name.replace(hash, next);
  if (uploaded) {
    // The script imports its wasm by name: the new script must name the new wasm.
    writeFileSync(join(root, rename(script)), readFileSync(join(root, script), 'utf8').replaceAll(hash, next));
    cpSync(join(root, wasm), join(root, rename(wasm)));
  }
  const html = readFileSync(join(root, 'index.html'), 'utf8')
    .replaceAll(hash, next)
    // The script changed (it names the new wasm): its integrity hash no longer holds.
    .replace(/\s+integrity="[^"]*"/g, '');
  writeFileSync(join(root, 'index.html.next'), html);
  renameSync(join(root, 'index.html.next'), join(root, 'index.html'));
  return rename(script);
}

function completeUpload(script: string, previous: string) {
  const hash = previous.match(/-([0-9a-f]{12,})\.js$/)?.[1] ?? '';
  const next = script.match(/-([0-9a-f]{12,})\.js$/)?.[1] ?? '';
  for (const name of readdirSync(root)) {
    if (name.includes(hash)) {
      const content = readFileSync(join(root, name));
      writeFileSync(join(root, name.replace(hash, next)), name.endsWith('.js') ? content.toString('utf8').replaceAll(hash, next) : content);
    }
  }
}

const running = (page: Page) => page.locator('script[data-js]').getAttribute('data-js');

async function openControlled(page: Page) {
  await page.goto(appUrl);
  await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
  // The service worker takes over this page once it has cached the build.
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return !!navigator.serviceWorker.controller;
  });
}

test('a tab open while a new build is published offers to reload into it', async ({ page }) => {
  await openControlled(page);
  const before = await running(page);
  const script = publishNewBuild({ uploaded: true });
  // Coming back to the tab is when it looks for a new version.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const offer = page.getByRole('alert').filter({ hasText: 'A new version' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
  expect(await running(page)).toBe(`./${script}`);
  expect(await running(page)).not.toBe(before);
  await expect(page.getByRole('alert').filter({ hasText: 'A new version' })).toHaveCount(0);
});

test.describe('a half-uploaded new build', () => {
  test.use({ allowedConsoleErrors: [/404|Failed to load|dynamically imported module|integrity/i] });

  test('never breaks the start-up of a browser that has the app cached', async ({ page }) => {
    await openControlled(page);
    const before = (await running(page)) ?? '';
    const script = publishNewBuild({ uploaded: false });
    // Twice: a cache that took the new index.html behind the scenes would serve it the second time.
    for (let load = 0; load < 2; load++) {
      await page.reload();
      await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
      expect(await running(page)).toBe(before);
      await expect(page.locator('#start-failed')).toHaveCount(0);
    }

    // Once the upload is complete, the next load runs the new build.
    completeUpload(script, before.replace('./', ''));
    await page.reload();
    await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
    expect(await running(page)).toBe(`./${script}`);
  });

  test('says so in words, with Reload, in a browser that has nothing cached', async ({ page }) => {
    publishNewBuild({ uploaded: false });
    await page.goto(appUrl);
    const failed = page.locator('#start-failed');
    await expect(failed).toContainText('could not start');
    await expect(failed.getByRole('button', { name: 'Reload' })).toBeVisible();
  });
});
