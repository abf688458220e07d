// The exports are written in workers (src/ui/exports.rs, docs/architecture.md): a click asks, and
// the file is offered from the answer's handler. These check the download still arrives as one
// (Playwright's download event), with the words while it is on its way and in the file.
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures';

const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');

async function importTemplate(page: import('@playwright/test').Page) {
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'b2b-saas.json',
    mimeType: 'application/json',
    buffer: Buffer.from(template),
  });
  await expect(page.locator('.transfer-status', { hasText: 'as a new draft' })).toBeVisible();
}

test('the Markdown export, written in a worker, downloads with the checks and the preview follows edits', async ({ page }) => {
  await openApp(page);
  await importTemplate(page);
  const preview = page.getByRole('region', { name: 'Preview' });
  await page.getByLabel('Product', { exact: true }).fill('Acme Worker Cloud');
  // The document's title facts come from the worker's blocks, not the placeholder line.
  await expect(preview.locator('.doc-facts').first()).toContainText('Acme Worker Cloud');
  await expect(preview.locator('.doc-status')).toHaveCount(0);

  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#export-markdown').click()]);
  expect(file.suggestedFilename()).toBe('acme-worker-cloud.md');
  const markdown = readFileSync(await file.path(), 'utf8');
  expect(markdown).toContain('Acme Worker Cloud');
  // The whole plan handed on says what the checks found (rules run in the worker for it).
  expect(markdown).toContain('## Checks');
  await expect(page.locator('.preview-actions [role=status]')).toHaveText('Downloaded acme-worker-cloud.md.');

  // Two downloads in a row each arrive, the second after the first.
  const [text] = await Promise.all([page.waitForEvent('download'), page.locator('#export-text').click()]);
  expect(text.suggestedFilename()).toBe('acme-worker-cloud.txt');
  expect(readFileSync(await text.path(), 'utf8')).toContain('Acme Worker Cloud');
});

test('a helpdesk configuration, written in a worker, downloads with its mapping report', async ({ page }) => {
  await openApp(page);
  await importTemplate(page);
  await page.locator('header details.share-menu > summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Zendesk SLA policy and schedules' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/zendesk/);
  const body = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(JSON.stringify(body)).toContain('first_reply_time');
  await expect(page.getByLabel('Mapping report')).toContainText('Zendesk');
});
