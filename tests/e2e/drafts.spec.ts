// Drafts end to end: what the user typed survives reloads, a second tab, bad imports, a full or
// broken storage — and is never silently replaced.
import { test, expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';
import { holdSaves, installSaveHold } from './saves';

const saveState = (page: Page) => page.locator('.drafts-menu [role=status]');
const product = (page: Page) => page.getByLabel('Product', { exact: true });
const draftPicker = (page: Page) => page.getByRole('combobox', { name: 'Draft', exact: true });

async function typeAndWaitSaved(page: Page, text: string) {
  await product(page).fill(text);
  await expect(saveState(page)).toHaveText('Saved');
}

test('what I type is back after a reload', async ({ page }) => {
  await openApp(page);
  await expect(draftPicker(page).locator('option:checked')).toHaveText('Untitled plan');
  await typeAndWaitSaved(page, 'Acme Helpdesk');
  await page.reload();
  await expect(product(page)).toHaveValue('Acme Helpdesk');
  await expect(saveState(page)).toHaveText('Saved');
});

test('undo and redo step through typing, as keys and as buttons', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await product(page).fill('Acme');
  await product(page).press('ControlOrMeta+z');
  await expect(product(page)).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(product(page)).toHaveValue('Acme');
});

/** A second tab on the same draft whose autosave can be held, so it has unsaved edits when the first tab saves. */
async function secondTab(page: Page): Promise<Page> {
  const other = await page.context().newPage();
  await installSaveHold(other);
  await openApp(page);
  await openApp(other);
  return other;
}

/** Both tabs change the open draft; the first saves while the second's edit is unsaved. */
async function editInBoth(page: Page, other: Page) {
  await holdSaves(other);
  await product(other).fill('Edited in tab two');
  await typeAndWaitSaved(page, 'Edited in tab one');
}

test('two tabs on one draft never silently drop either version', async ({ page }) => {
  const other = await secondTab(page);

  // A save in one tab shows up in the other, which had no edits of its own.
  await typeAndWaitSaved(page, 'Saved in tab one');
  await expect(product(other)).toHaveValue('Saved in tab one');

  // Now both change it: the second tab's edit is not saved yet when the first tab saves.
  await editInBoth(page, other);
  const warning = other.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(warning).toBeVisible();
  await expect(product(other)).toHaveValue('Edited in tab two');

  await warning.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(warning).toBeHidden();
  await expect(draftPicker(other).locator('option:checked')).toHaveText('Copy of Untitled plan');
  await expect(product(other)).toHaveValue('Edited in tab two');
  await expect(product(page)).toHaveValue('Edited in tab one');

  // Both versions are stored: opening the original in tab two shows tab one's text.
  await draftPicker(other).selectOption({ label: 'Untitled plan' });
  await expect(product(other)).toHaveValue('Edited in tab one');
  await draftPicker(other).selectOption({ label: 'Copy of Untitled plan' });
  await expect(product(other)).toHaveValue('Edited in tab two');
  await other.close();
});

test('after a two-tab clash, "Load their version" shows the other tab\'s plan', async ({ page }) => {
  const other = await secondTab(page);
  await editInBoth(page, other);
  const warning = other.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(saveState(other)).toHaveText('Not saved: changed in another tab — choose which to keep');
  await warning.getByRole('button', { name: 'Load their version' }).click();
  await expect(warning).toBeHidden();
  await expect(product(other)).toHaveValue('Edited in tab one');
  await expect(saveState(other)).toHaveText('Saved');
  // Editing on from their version saves normally, and the first tab picks it up.
  await holdSaves(other, false);
  await typeAndWaitSaved(other, 'Agreed version');
  await expect(product(page)).toHaveValue('Agreed version');
  await other.close();
});

test('drafts menu: new from a template, rename, duplicate, delete after confirming', async ({ page }) => {
  await openApp(page);
  await typeAndWaitSaved(page, 'Base');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'B2B SaaS' }).click();
  await expect(product(page)).toHaveValue('Cloudline Analytics');
  await expect(draftPicker(page).locator('option:checked')).toHaveText('B2B SaaS');
  // Another draft is another history: nothing to undo into the previous draft.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Analytics support');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(draftPicker(page).locator('option:checked')).toHaveText('Analytics support');

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(draftPicker(page).locator('option:checked')).toHaveText('Copy of Analytics support');
  await expect(product(page)).toHaveValue('Cloudline Analytics');

  // Delete asks first; Cancel keeps the draft.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete draft' });
  await expect(confirm).toContainText('Copy of Analytics support');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(draftPicker(page).locator('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await confirm.getByRole('button', { name: 'Delete draft' }).click();
  await expect(draftPicker(page).locator('option')).toHaveText(['Untitled plan', 'Analytics support']);

  await page.reload();
  await expect(draftPicker(page).locator('option')).toHaveText(['Untitled plan', 'Analytics support']);
  await draftPicker(page).selectOption({ label: 'Untitled plan' });
  await expect(product(page)).toHaveValue('Base');
});

test('a bad import explains what and where, and leaves the open draft alone', async ({ page }) => {
  await openApp(page);
  await typeAndWaitSaved(page, 'Keep me');
  await page.getByRole('button', { name: 'Paste JSON…' }).click();
  await page
    .getByLabel('Plan JSON')
    .fill('{\n  "schema_version": 2,\n  "header": {"team_size": "twelve"}\n}');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const error = page.locator('.transfer-error');
  await expect(error).toContainText('Could not import');
  await expect(error).toContainText('header.team_size');
  await expect(error).toContainText('line 3');
  await expect(error).toContainText('unchanged');
  await expect(product(page)).toHaveValue('Keep me');
  await expect(draftPicker(page).locator('option')).toHaveCount(1);
  await page.reload();
  await expect(product(page)).toHaveValue('Keep me');
});

test('a good import opens as a new draft named after the product', async ({ page }) => {
  await openApp(page);
  await typeAndWaitSaved(page, 'Already here');
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schema_version": 2, "header": {"product": "Imported Co", "team_size": 4}}'),
  });
  await expect(product(page)).toHaveValue('Imported Co');
  await expect(draftPicker(page).locator('option:checked')).toHaveText('Imported Co');
  await draftPicker(page).selectOption({ label: 'Untitled plan' });
  await expect(product(page)).toHaveValue('Already here');
});

test('a full storage is said plainly and the app keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'storage for this page is full' })).toBeVisible();
  await product(page).fill('Still typing');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Still typing');
  await expect(saveState(page)).toHaveText('Not saved: storage is full — export your plan');
  await expect(page.getByRole('button', { name: 'Export plan (JSON)' })).toBeVisible();
});

test('blocked storage is said plainly and drafts still work in this tab', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await expect(
    page.getByRole('alert').filter({ hasText: 'not letting the page save anything' }),
  ).toBeVisible();
  await expect(saveState(page)).toContainText('Kept in this tab only');
  await product(page).fill('In memory');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('In memory');
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Blank plan' }).click();
  await expect(product(page)).toHaveValue('');
  await draftPicker(page).selectOption({ label: 'Untitled plan' });
  await expect(product(page)).toHaveValue('In memory');
});

test('a corrupt stored draft is set aside unchanged and reported', async ({ page }) => {
  const corrupt = '{"schema_version": 2, "header": {"product": "Acme';
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'support-ops.drafts',
      JSON.stringify({
        format: 1,
        last_open: 'a',
        drafts: [{ id: 'a', name: 'Acme', created: 1, updated: 1, revision: 4 }],
      }),
    );
    localStorage.setItem('support-ops.draft.a', text);
  }, corrupt);
  await openApp(page);
  const report = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(report).toContainText('“Acme”');
  await expect(report).toContainText('set aside');
  await expect(report.getByRole('button', { name: 'Download its text' })).toBeVisible();
  await expect(draftPicker(page).locator('option', { hasText: 'Acme (unreadable)' })).toBeDisabled();
  // Work goes on in a new draft; the broken text is kept exactly as it was.
  await typeAndWaitSaved(page, 'Fresh start');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('support-ops.set-aside.'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(kept).toEqual([corrupt]);
  await page.reload();
  await expect(product(page)).toHaveValue('Fresh start');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
});
