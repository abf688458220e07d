// End-to-end tests of the designer in the release build: build a small plan from blank through
// the forms and check its exports; a broken SLA shows a finding that leads to its field; hostile
// text typed into every kind of field stays text (no script runs, no console error).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

async function download(page: Page, buttonId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#${buttonId}`).click()]);
  const path = await file.path();
  return readFileSync(path, 'utf8');
}

test('a small plan built from blank exports as Markdown and JSON', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Product', { exact: true }).fill('Acme Cloud');
  await page.getByLabel('Monthly volume (tickets)', { exact: true }).fill('1200');
  await page.getByLabel('Team size (agents)', { exact: true }).fill('6');

  await openSection(page, 'Channels');
  await page.getByRole('button', { name: '+ Add channel' }).click();
  await page.getByLabel('Channel 1 name', { exact: true }).fill('Live chat');
  await page.getByLabel('Channel 1 kind', { exact: true }).selectOption({ label: 'Chat' });
  await page.getByLabel('Channel 1 use case', { exact: true }).fill('Quick how-to questions');
  await page.getByLabel('Channel 1 route to tier', { exact: true }).selectOption('Tier 1');

  await openSection(page, 'Taxonomy');
  await page.getByRole('button', { name: '+ Add category' }).click();
  await page.getByLabel('Category 1 name', { exact: true }).fill('Billing');
  await page.getByLabel('Category 1 default priority', { exact: true }).selectOption('High');
  await page.getByLabel('Category 1 route to tier', { exact: true }).selectOption('Tier 2');
  await page.locator('#field-taxonomy-0-types-add').click();
  await page.getByLabel('Category 1 type 1', { exact: true }).fill('Refund request');

  await openSection(page, 'SLA');
  // The blank plan's one policy, "Standard", gets a Critical row in the priority × policy matrix.
  await page.getByRole('button', { name: 'Add Critical to Standard' }).click();
  await page.getByLabel('Standard Critical first response', { exact: true }).fill('15m');
  await page.getByLabel('Standard Critical resolution', { exact: true }).fill('4h');

  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Acme Cloud');
  await expect(preview).toContainText('Refund request');

  const markdown = await download(page, 'export-markdown');
  expect(markdown).toContain('Acme Cloud');
  expect(markdown).toContain('Live chat');
  expect(markdown).toContain('Billing');
  expect(markdown).toContain('Refund request');
  expect(markdown).toMatch(/Critical/);

  const json = JSON.parse(await download(page, 'export-json'));
  expect(json.header).toMatchObject({ product: 'Acme Cloud', monthly_volume: 1200, team_size: 6 });
  expect(json.channels[0]).toMatchObject({ name: 'Live chat', kind: 'chat', route_to: 'Tier 1' });
  expect(json.taxonomy[0]).toMatchObject({
    name: 'Billing',
    priority: 'High',
    route_to: 'Tier 2',
    types: ['Refund request'],
  });
  expect(json.sla[0].targets[0]).toMatchObject({
    priority: 'Critical',
    first_response: { target: '15m' },
    resolution: { target: '4h' },
  });
});

test('a broken SLA raises a finding that focuses its field', async ({ page }) => {
  await openApp(page);
  await openSection(page, 'SLA');
  // The blank plan's one policy, "Standard", gets a Critical row in the priority × policy matrix.
  await page.getByRole('button', { name: 'Add Critical to Standard' }).click();
  await page.getByLabel('Standard Critical first response', { exact: true }).fill('4h');
  await page.getByLabel('Standard Critical resolution', { exact: true }).fill('1h');

  await openSection(page, 'Overview');
  const finding = page.locator('button.finding', { hasText: 'SLA-002' });
  await expect(finding).toBeVisible();
  await finding.focus();
  await page.keyboard.press('Enter');

  const field = page.locator('#field-sla-0-targets-0-resolution-target');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
});

test('an unreadable duration stays in the field, marked, and the plan keeps its value', async ({ page }) => {
  await openApp(page);
  await openSection(page, 'Tiers');
  const response = page.getByLabel('Support tier 2 response target', { exact: true });
  await expect(response).toHaveValue('1h');
  await response.fill('an hour');
  await expect(response).toHaveValue('an hour');
  await expect(response).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-tiers-1-response-error')).toContainText('not a duration');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('1 hour');
});

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';

test('hostile text in every kind of field renders as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openApp(page);
  // Plain text, header.
  await page.getByLabel('Product', { exact: true }).fill(HOSTILE);
  await page.getByLabel('Home time zone', { exact: true }).fill(HOSTILE);
  // Parsed field: the bad text is shown back in the error message.
  await page.getByLabel('Team size (agents)', { exact: true }).fill(HOSTILE);
  await expect(page.locator('#field-header-team_size-error')).toContainText('<img');
  // Row fields, a multi-line field and a string list.
  await openSection(page, 'Channels');
  await page.getByRole('button', { name: '+ Add channel' }).click();
  await page.getByLabel('Channel 1 name', { exact: true }).fill(HOSTILE);
  await page.getByLabel('Channel 1 use case', { exact: true }).fill(HOSTILE);
  await openSection(page, 'Taxonomy');
  await page.getByRole('button', { name: '+ Add category' }).click();
  await page.getByLabel('Category 1 name', { exact: true }).fill(HOSTILE);
  await page.locator('#field-taxonomy-0-types-add').click();
  await page.getByLabel('Category 1 type 1', { exact: true }).fill(HOSTILE);
  await openSection(page, 'Overview');
  await page.getByLabel('Priority 1 name', { exact: true }).fill(HOSTILE);
  await openSection(page, 'Escalation');
  await page.getByRole('button', { name: '+ Add escalation rule' }).click();
  await page.getByLabel('Escalation rule 1 trigger', { exact: true }).fill(HOSTILE);
  await page.getByLabel('Escalation rule 1 escalate to', { exact: true }).fill(HOSTILE);
  await openSection(page, 'Metrics');
  await page.getByLabel('Weekly', { exact: true }).fill(HOSTILE);

  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('<img src=x onerror=alert(1)>');
  await expect(preview.locator('img')).toHaveCount(0);
  await expect(page.locator('script', { hasText: 'alert(2)' })).toHaveCount(0);
  // The text and Markdown views show the characters too.
  await page.locator('#preview-markdown').click();
  await expect(preview.locator('pre')).toContainText('alert(1)');
  await page.locator('#preview-text').click();
  await expect(preview.locator('pre')).toContainText('<img src=x onerror=alert(1)>');
  expect(dialogs).toEqual([]);
});

test('the quick-command sections preview and export on their own', async ({ page }) => {
  await openApp(page);
  const preview = page.getByRole('region', { name: 'Preview' });
  await page.locator('#preview-section').selectOption('escalation');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Escalation Matrix');
  const document = preview.locator('article.plan-document');
  await expect(document).toContainText('Handoff protocol');
  await expect(document).not.toContainText('Channel Strategy');
  const text = await download(page, 'export-text');
  expect(text).toContain('ESCALATION MATRIX');
  expect(text).not.toContain('CHANNEL STRATEGY');
});

test('every control can be reached and used from the keyboard', async ({ page }) => {
  await openApp(page);
  await page.locator('#nav-taxonomy').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#nav-taxonomy')).toHaveAttribute('aria-current', 'page');
  await page.locator('#field-taxonomy-add').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Category 1 name', { exact: true })).toBeFocused();
  await page.keyboard.type('Billing');
  await page.locator('#field-taxonomy-add').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Category 2 name', { exact: true })).toBeFocused();
  await page.keyboard.type('Bugs');
  await page.locator('#field-taxonomy-1-up').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Category 1 name', { exact: true })).toHaveValue('Bugs');
  await expect(page.locator('#field-taxonomy-0-up')).toBeDisabled();
  await page.locator('#field-taxonomy-0-remove').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Category 1 name', { exact: true })).toHaveValue('Billing');
  await page.locator('#undo-removal').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Category 1 name', { exact: true })).toHaveValue('Bugs');
  await expect(page.getByLabel('Category 2 name', { exact: true })).toHaveValue('Billing');
});
