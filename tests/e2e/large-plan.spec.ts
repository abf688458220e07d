// An enterprise-sized plan end to end (500 categories, 50 channels, 100 escalation rules, made by
// the command line's seeded generator): it imports, long lists page without losing rows, a finding
// far down the list still leads to its field, edits reach the preview and every export, and the
// draft survives a reload.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

let planText = '';

test.beforeAll(() => {
  // The debug binary is already built by the native tests; a cold build takes a few minutes.
  test.setTimeout(600_000);
  planText = execFileSync('cargo', ['run', '--quiet', '--bin', 'support-ops', '--', 'generate', '500'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
});

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

async function download(page: Page, buttonId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#${buttonId}`).click()]);
  return readFileSync(await file.path(), 'utf8');
}

/**
 * Category `n`'s field labelled "Category n <what>", looked up by its label inside the category's
 * own row. Once hundreds of rows are shown, a label lookup over the whole page is slow where the
 * app is not (it answers an edit in tens of milliseconds): Playwright's getByLabel reads `labels`
 * of every button and input without an aria-label, the three "+ Add …" buttons of each row among
 * them, and Chromium answers each by walking the whole page (45,000 elements with 350 rows shown),
 * again whenever elements were added to or removed from the page. That took 15 to 50 s a lookup
 * on a busy 2-core machine and ran the test close to, or past, its time limit.
 */
function categoryField(page: Page, n: number, what: string) {
  return page.locator(`#field-taxonomy-${n - 1}`).getByLabel(`Category ${n} ${what}`, { exact: true });
}

async function importPlan(page: Page, text: string) {
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'enterprise.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('a 500-category plan imports, pages its long lists, takes edits and exports whole', async ({ page }) => {
  test.setTimeout(180_000);
  const plan = JSON.parse(planText);
  expect(plan.taxonomy).toHaveLength(500);
  // One mistake far down the list: category 301 routes to a tier the plan does not have.
  plan.taxonomy[300].route_to = 'Tier 9';

  await openApp(page);
  await importPlan(page, JSON.stringify(plan));
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue(plan.header.product);

  // The form shows the first 50 categories and says so; the preview likewise.
  await openSection(page, 'Taxonomy');
  const taxonomy = page.locator('#field-taxonomy');
  await expect(taxonomy.locator('.rows-more')).toContainText('Showing 50 of 500.');
  await expect(page.getByLabel('Category 50 name', { exact: true })).toHaveValue(plan.taxonomy[49].name);
  await expect(page.getByLabel('Category 51 name', { exact: true })).toHaveCount(0);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('450 more categories not shown here.');

  // Find shows the rows that hold what is typed, wherever they are in the list.
  const find = page.getByLabel('Find categories', { exact: true });
  await find.fill(plan.taxonomy[420].name);
  await expect(taxonomy.locator('.rows-find [role=status]')).toHaveText('1 of 500 match.');
  await expect(page.getByLabel('Category 421 name', { exact: true })).toHaveValue(plan.taxonomy[420].name);
  await expect(page.getByLabel('Category 1 name', { exact: true })).toHaveCount(0);
  await find.fill('');
  await expect(page.getByLabel('Category 1 name', { exact: true })).toBeVisible();

  // The finding on category 301 opens the form at that row with its field focused. From here on
  // 350 rows and then all 500 are shown, so fields are looked up inside their rows.
  await page.locator('.finding', { hasText: 'Tier 9' }).first().click();
  const route = categoryField(page, 301, 'route to tier');
  await expect(route).toBeFocused();
  await route.selectOption('Tier 3');
  await expect(page.locator('.finding', { hasText: 'Tier 9' })).toHaveCount(0);

  // Edits near the top and at the very end reach the preview.
  await categoryField(page, 3, 'name').fill('Edited third category');
  await expect(preview).toContainText('Category 3: Edited third category');
  await page.locator('#field-taxonomy-all').click();
  const last = categoryField(page, 500, 'name');
  await last.fill('Edited last category');
  await preview.locator('.doc-show-all').first().click();
  await expect(preview).toContainText('Category 500: Edited last category');

  // Every export holds all 500 categories with both edits and the fix.
  const json = JSON.parse(await download(page, 'export-json'));
  expect(json.taxonomy).toHaveLength(500);
  expect(json.taxonomy[2].name).toBe('Edited third category');
  expect(json.taxonomy[300].route_to).toBe('Tier 3');
  expect(json.taxonomy[499].name).toBe('Edited last category');
  expect(json.channels).toHaveLength(plan.channels.length);
  expect(json.escalation.rules).toHaveLength(plan.escalation.rules.length);
  for (const format of ['markdown', 'text']) {
    const text = await download(page, `export-${format}`);
    expect(text).toContain('Edited third category');
    expect(text).toContain('Edited last category');
    expect(text).toContain(plan.taxonomy[250].name);
  }

  // The draft, large as it is, is saved and comes back after a reload.
  await expect(page.locator('.drafts-menu [role=status]')).toHaveText('Saved');
  await page.reload();
  await openSection(page, 'Taxonomy');
  await expect(page.getByLabel('Category 3 name', { exact: true })).toHaveValue('Edited third category');
});
