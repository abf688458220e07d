// The plan check and the simulated month run in Web Workers (src/ui/worker.rs,
// src/bin/support-ops-worker.rs): a typed mistake gets its finding from a worker, an edit gets its
// month from another; a worker that hangs or crashes is restarted with what
// was typed and the page says so; without the worker's files the page says findings are not up to
// date instead of showing stale ones. The test hooks are a window event the page forwards to the
// worker (`support-ops-worker-test`, detail "crash" or "hang").
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');

/** Imports the b2b-saas template with `volume` tickets a month and opens Capacity. */
async function openCapacity(page: Page, volume: number) {
  const plan = JSON.parse(template);
  plan.header.monthly_volume = volume;
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'b2b-saas.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await openSection(page, 'Capacity');
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name }).click();
  await expect(page.locator('#form-title')).toHaveText(name);
}

/** Types a Critical SLA that resolves (1h) before it answers (4h): SLA-002. */
async function typeBrokenSla(page: Page) {
  await openSection(page, 'SLA');
  await page.getByRole('button', { name: 'Add Critical to Standard' }).click();
  await page.getByLabel('Standard Critical first response', { exact: true }).fill('4h');
  await page.getByLabel('Standard Critical resolution', { exact: true }).fill('1h');
}

const sla002 = (page: Page) => page.locator('button.finding', { hasText: 'SLA-002' });
const notice = (page: Page) => page.locator('#check-notice');
const counts = (page: Page) => page.locator('.finding-counts');

async function failWorker(page: Page, how: 'crash' | 'hang') {
  await page.evaluate((detail) => {
    window.dispatchEvent(new CustomEvent('support-ops-worker-test', { detail }));
  }, how);
}

test('a typed mistake gets its finding from the worker', async ({ page }) => {
  const started = page.waitForEvent('worker');
  await openApp(page);
  const worker = await started;
  expect(worker.url()).toMatch(/support-ops-worker-loader-[0-9a-f]{16}\.js$/);
  await expect(counts(page)).toContainText('error');

  await typeBrokenSla(page);
  await expect(sla002(page)).toBeVisible();
  // Fixed, the finding goes: each edit is checked again.
  await page.getByLabel('Standard Critical resolution', { exact: true }).fill('8h');
  await expect(sla002(page)).toHaveCount(0);
  await expect(notice(page)).toBeEmpty();
});

test('the simulated month comes from a worker and follows an edit', async ({ page }) => {
  await openApp(page);
  // The plan check's worker, then the month's: each kind of work has its own.
  const monthWorker = page.waitForEvent('worker');
  await openCapacity(page, 4321);
  await monthWorker;
  const month = page.locator('.capacity-month');
  await expect(month).toHaveAttribute('data-tickets', '4321');
  // The month is simulated again for the plan as edited: every ticket of the new volume.
  await openSection(page, 'Overview');
  await page.getByLabel('Monthly volume (tickets)', { exact: true }).fill('5000');
  await openSection(page, 'Capacity');
  await expect(month).toHaveAttribute('data-tickets', '5000');
  await expect(page.locator('.capacity-simulating')).toHaveCount(0);
});

test('a hung worker is restarted with what was typed meanwhile', async ({ page }) => {
  await openApp(page);
  await expect(counts(page)).toContainText('error');
  await failWorker(page, 'hang');
  // Typed while the worker is stuck: the page does not wait for it.
  await typeBrokenSla(page);
  await expect(page.getByLabel('Standard Critical resolution', { exact: true })).toHaveValue('1h');

  await expect(notice(page)).toContainText('stopped answering and was restarted');
  await expect(notice(page)).toContainText('Nothing you typed is lost');
  await expect(sla002(page)).toBeVisible();
  await expect(page.getByLabel('Standard Critical resolution', { exact: true })).toHaveValue('1h');
});

test.describe('a crashed worker', () => {
  test.use({ allowedConsoleErrors: [/asked to crash/] });

  test('is restarted, the page says so, and it checks what was typed', async ({ page }) => {
    await openApp(page);
    await typeBrokenSla(page);
    await expect(sla002(page)).toBeVisible();

    const restarted = page.waitForEvent('worker');
    await failWorker(page, 'crash');
    await expect(notice(page)).toContainText('stopped with an error and was restarted');
    await restarted;
    await expect(page.getByLabel('Standard Critical resolution', { exact: true })).toHaveValue('1h');
    await expect(sla002(page)).toBeVisible();

    // The new worker answers edits made after the crash.
    await page.getByLabel('Standard Critical resolution', { exact: true }).fill('8h');
    await expect(sla002(page)).toHaveCount(0);
  });
});

test.describe('without the worker', () => {
  // The service worker would answer from its cache; this test is about a host missing the files.
  test.use({ serviceWorkers: 'block', allowedConsoleErrors: [/Failed to load resource/] });

  test('the page says findings are not up to date, and the form still works', async ({ page }) => {
    await page.route(/support-ops-worker-/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await openApp(page);
    await expect(notice(page)).toContainText('could not be started', { timeout: 30_000 });
    await expect(counts(page)).toHaveText('The plan is not being checked.');
    await page.getByLabel('Product', { exact: true }).fill('Acme Cloud');
    await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Acme Cloud');
  });

  test('the document and the text exports say they cannot be made, and JSON still downloads', async ({ page }) => {
    await page.route(/support-ops-worker-/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await openApp(page);
    // The preview's blocks are laid out in a worker: without one it says so, not a stale document.
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.locator('.doc-status')).toContainText('could not be laid out', { timeout: 30_000 });
    await expect(preview.locator('.doc-section')).toHaveCount(0);
    // Markdown is written by a worker too: the click is answered in words, no file of nothing.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.locator('#export-markdown').click();
    await expect(page.locator('.preview-actions [role=status]')).toContainText('export could not be written', { timeout: 30_000 });
    expect(downloads).toBe(0);
    // JSON is the plan itself, written on the page.
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    expect(file.suggestedFilename()).toMatch(/\.json$/);
  });
});

test('a browser without Web Workers is told so in words, and the form still works', async ({ page }) => {
  await page.addInitScript(() => {
    // As in a browser (or a policy) with workers turned off.
    delete (globalThis as { Worker?: unknown }).Worker;
  });
  await openApp(page);
  await expect(notice(page)).toContainText('cannot run the plan check');
  await expect(counts(page)).toHaveText('The plan is not being checked.');
  await page.getByLabel('Product', { exact: true }).fill('Acme Cloud');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Acme Cloud');
  // Capacity still gives the head-count; the month says why it is missing.
  await openCapacity(page, 4000);
  await expect(page.locator('.capacity-verdict')).toContainText('the team has');
  await expect(page.locator('.capacity-simulating').first()).toContainText('cannot simulate the month');
  await expect(page.locator('.capacity-month')).toHaveCount(0);
});
