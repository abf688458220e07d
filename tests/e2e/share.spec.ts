// Share links end to end: a stakeholder with a fresh browser (no drafts, no account) opens a link
// and reads the plan with nothing to edit; damaged, cut-off and newer links explain themselves.
//
// The links are built here in Node from the documented format (docs/sharing.md), not by the app,
// so the test also checks that any standard raw-DEFLATE writer produces links the app reads.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { shareFragment } from './share-link';

const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');
const plan = JSON.parse(template);
const link = shareFragment(JSON.stringify(plan));

test('a fresh browser opens a share link and reads the plan with nothing to edit', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`./${link}`);
  const document = page.getByRole('region', { name: 'Shared plan' });
  await expect(document.getByRole('heading', { level: 1 })).toHaveText('Support Operations Plan');
  await expect(document).toContainText(plan.header.product);
  await expect(document).toContainText(plan.sla[0].targets[0].priority);
  await expect(page.getByRole('region', { name: 'Findings summary' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make an editable copy' })).toBeVisible();
  // Read-only: no form fields at all, so nothing can be typed into the author's plan.
  await expect(page.locator('input, textarea, select, [contenteditable="true"]')).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('a damaged link says it is damaged and offers a way into the app', async ({ page }) => {
  const middle = Math.floor(link.length * 0.6);
  const swapped = link[middle] === 'A' ? 'B' : 'A';
  await page.goto(`./${link.slice(0, middle)}${swapped}${link.slice(middle + 1)}`);
  const problem = page.getByRole('alert');
  await expect(problem).toContainText('damaged');
  await expect(page.getByRole('link', { name: 'Open the Support Ops Plan Designer' })).toBeVisible();
});

test('a cut-off link says it is cut off', async ({ page }) => {
  await page.goto(`./${link.slice(0, Math.floor(link.length / 2))}`);
  await expect(page.getByRole('alert')).toContainText('cut off');
});

test('a link from a newer app asks for the newer app', async ({ page }) => {
  await page.goto(`./${shareFragment(JSON.stringify(plan), 2)}`);
  await expect(page.getByRole('alert')).toContainText('newer version');
});

test('the way into the app from a bad link opens the designer', async ({ page }) => {
  await page.goto('./#share=v1.');
  await page.getByRole('link', { name: 'Open the Support Ops Plan Designer' }).click();
  await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
});
