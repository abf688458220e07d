// Phase 1 in the app: today's Zendesk configuration imported as a new draft with its report of
// what did not map, a bad file refused in words with nothing changed, and two drafts compared
// before → after, on screen and as a Markdown download.
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const ZENDESK = ['sla_policies.json', 'schedules.json', 'holidays.json', 'groups.json'].map((name) => ({
  name,
  mimeType: 'application/json',
  buffer: readFileSync(new URL(`../fixtures/helpdesk/zendesk/${name}`, import.meta.url)),
}));
const IMPORTED = "Today's operation (Zendesk)";

const product = (page: Page) => page.getByLabel('Product', { exact: true });
const draftPicker = (page: Page) => page.getByRole('combobox', { name: 'Draft', exact: true });
const saveState = (page: Page) => page.locator('.drafts-menu [role=status]');
const before = (panel: Locator) => panel.getByRole('combobox', { name: 'Before', exact: true });
const after = (panel: Locator) => panel.getByRole('combobox', { name: 'After', exact: true });

async function importZendesk(page: Page) {
  await page.getByRole('button', { name: 'Import from Zendesk / Freshdesk…' }).click();
  await page.getByLabel('Helpdesk JSON files').setInputFiles(ZENDESK);
  await expect(draftPicker(page).locator('option:checked')).toHaveText(IMPORTED);
}

test('importing Zendesk files opens a new draft with its policies and a report of what did not map', async ({ page }) => {
  await openApp(page);
  await product(page).fill('My design');
  await expect(saveState(page)).toHaveText('Saved');
  await importZendesk(page);

  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('sla_policies.json: Zendesk: 3 SLA policies');
  // Each thing not mapped is listed with its file and JSON path.
  await expect(report.locator('.json-path', { hasText: 'sla_policies.json sla_policies[2].filter.all[1]' })).toBeVisible();
  await expect(report).toContainText('ticket_form_id');

  await page.locator('#nav-sla').click();
  await expect(page.locator('#field-sla-0-name')).toHaveValue('Enterprise');
  await expect(page.locator('#field-sla-1-name')).toHaveValue('Standard');
  await expect(page.locator('#field-sla-2-name')).toHaveValue('Premium');

  // The report belongs to the imported draft: another draft does not show it; back, it does.
  await draftPicker(page).selectOption({ label: 'Untitled plan' });
  await expect(product(page)).toHaveValue('My design');
  await expect(report).toHaveCount(0);
  await draftPicker(page).selectOption({ label: IMPORTED });
  await expect(report).toBeVisible();
});

test('a malformed file is refused in words and the current draft is unchanged', async ({ page }) => {
  await openApp(page);
  await product(page).fill('Keep me');
  await expect(saveState(page)).toHaveText('Saved');
  await page.getByRole('button', { name: 'Import from Zendesk / Freshdesk…' }).click();
  await page.getByLabel('Helpdesk JSON files').setInputFiles([
    ZENDESK[0],
    { name: 'schedules.json', mimeType: 'application/json', buffer: Buffer.from('{"schedules": [ {"name": ') },
  ]);
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toContainText('schedules.json: this is not JSON');
  await expect(alert).toContainText('line 1');
  await expect(product(page)).toHaveValue('Keep me');
  await expect(draftPicker(page).locator('option')).toHaveCount(1);

  // Pasted text that is a plan, not a helpdesk export, is named as such.
  await page.getByLabel('Or paste one API response').fill('{"error": "Couldn\'t authenticate you"}');
  await page.getByRole('button', { name: 'Import pasted JSON' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'pasted text' })).toBeVisible();
  await expect(product(page)).toHaveValue('Keep me');
  await expect(draftPicker(page).locator('option')).toHaveCount(1);
});

test('comparing two drafts shows a target old → new and a finding introduced, and downloads it as Markdown', async ({ page }) => {
  await openApp(page);
  await importZendesk(page);
  // The operation after a change in Zendesk: Enterprise's Urgent first reply is due in 5 hours,
  // slower than its 4-hour resolution (SLA-002).
  const changed = readFileSync(new URL('../fixtures/helpdesk/zendesk/sla_policies.json', import.meta.url), 'utf8')
    .replace('"priority": "urgent", "metric": "first_reply_time", "target": 15,', '"priority": "urgent", "metric": "first_reply_time", "target": 300,');
  expect(changed).toContain('"target": 300');
  await page.getByRole('button', { name: 'Import from Zendesk / Freshdesk…' }).click();
  await page.getByLabel('Helpdesk JSON files').setInputFiles([
    { name: 'sla_policies.json', mimeType: 'application/json', buffer: Buffer.from(changed) },
    ...ZENDESK.slice(1),
  ]);
  const later = `${IMPORTED} (2)`;
  await expect(draftPicker(page).locator('option:checked')).toHaveText(later);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText(later);

  await page.getByRole('button', { name: 'Compare…' }).click();
  const panel = page.getByRole('region', { name: 'Compare two drafts' });
  await expect(before(panel).locator('option:checked')).toHaveText(IMPORTED);
  await expect(after(panel).locator('option:checked')).toHaveText(`${later} (open)`);

  const enterprise = panel.locator('tr', { hasText: 'Urgent' }).filter({ hasText: 'First Response' }).first();
  await expect(enterprise).toContainText('15 min');
  await expect(enterprise).toContainText('5 hours');
  await expect(enterprise).toContainText('slower');
  await expect(panel.getByRole('heading', { name: /^Introduced \([1-9]/ })).toBeVisible();
  await expect(panel.locator('tr', { hasText: 'SLA-002' })).toBeVisible();

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const markdown = readFileSync(await file.path(), 'utf8');
  expect(markdown).toContain('# Before → After');
  expect(markdown).toMatch(/\| Urgent \| First Response \| 15 min \| 5 hours \| slower \|/);
  expect(markdown).toContain('SLA-002');

  // Swapping the sides: the change reads the other way, and the finding is fixed instead.
  await before(panel).selectOption({ label: `${later} (open)` });
  await after(panel).selectOption({ label: IMPORTED });
  await expect(panel.getByRole('heading', { name: /^Fixed \([1-9]/ })).toBeVisible();
  await expect(enterprise).toContainText('faster');
  // Comparing read the other draft without opening it.
  await expect(draftPicker(page).locator('option:checked')).toHaveText(later);
});
