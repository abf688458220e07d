// The app runs under a strict Content Security Policy, sent as a header the way a host would send
// it (README, Hosting): the designer, the capacity maths, the preview, share links, the shared
// view, import and export all work, and the browser reports no violation.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { serveDist } from './serve-dist.mjs';
import { shareFragmentOf } from './saves';

const DIST = new URL('../../dist', import.meta.url).pathname;
const SUB_PATH = '/csp/app/';

/** The policy index.html carries in its <meta> tag. */
function metaPolicy(): string {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const found = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  return found ? found[1] : '';
}

let server: Server;
let appUrl = '';
const reports: string[] = [];

test.beforeAll(async () => {
  // The header hosts are told to send: the meta policy plus what only a header can say.
  const policy = `${metaPolicy()}; frame-ancestors 'none'; report-uri ${SUB_PATH}csp-reports`;
  const served = await serveDist({
    root: DIST,
    base: SUB_PATH,
    headers: { 'content-security-policy': policy },
    reports,
  });
  server = served.server;
  appUrl = served.url;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
});

async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.violations.push(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

test('the built page is strict: no inline script, no unsafe sources', () => {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toContain('src=');
    expect(body.trim()).toBe('');
  }
  const policy = metaPolicy();
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
});

test('everything a user does runs under the policy with no violation', async ({ page }) => {
  await watchViolations(page);
  await page.goto(appUrl);
  const productField = page.getByLabel('Product', { exact: true });
  await expect(productField).toBeVisible();
  await productField.fill('Policy Co');
  await expect(page.locator('.drafts-menu [role=status]')).toHaveText('Saved');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Policy Co');

  const sections = page.getByRole('navigation', { name: 'Plan sections' });
  // The form's own title: the preview's document has a "Capacity" part heading of its own.
  const formTitle = page.locator('#form-title');
  for (const name of ['Channels', 'SLA', 'Capacity', 'Overview']) {
    await sections.getByRole('button', { name }).click();
    await expect(formTitle).toHaveText(name);
  }

  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'B2B SaaS' }).click();
  await expect(productField).toHaveValue('Cloudline Analytics');

  // With a whole plan the capacity view draws its charts (SVG bars, lines, the attainment bar),
  // and the preview's document draws the week chart too.
  await sections.getByRole('button', { name: 'Capacity' }).click();
  await expect(formTitle).toHaveText('Capacity');
  await expect(page.locator('.pane-form .week-chart svg.chart-plot .chart-need').first()).toBeAttached();
  await expect(page.locator('.pane-form .attainment-chart rect.chart-attained').first()).toBeAttached();
  await expect(page.locator('#doc-capacity-week svg.chart-plot .chart-need').first()).toBeAttached();
  expect(await violations(page)).toEqual([]);
  await sections.getByRole('button', { name: 'Overview' }).click();
  await expect(formTitle).toHaveText('Overview');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);

  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schema_version": 2, "header": {"product": "Imported Co"}}'),
  });
  await expect(productField).toHaveValue('Imported Co');

  await page.locator('.share-menu summary').click();
  await page.getByRole('button', { name: 'Create share link' }).click();

  await page.goto(`${appUrl}${shareFragmentOf('{"schema_version": 2, "header": {"product": "Shared Co"}}')}`);
  await expect(page.getByRole('region', { name: 'Shared plan' })).toContainText('Shared Co');
  await page.getByRole('button', { name: 'Make an editable copy' }).click();
  await expect(productField).toHaveValue('Shared Co');

  expect(await violations(page)).toEqual([]);
  // Reports the browser sends to the host's report-uri (they travel after the event).
  await page.waitForTimeout(500);
  expect(reports).toEqual([]);
});
