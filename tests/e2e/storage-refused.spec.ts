// Storage that refuses every write (issue 24, robustness 2): Import and "New plan" still open the
// plan, in memory in this tab, say plainly that it is not being saved, offer its export, keep
// trying to save, and leave the draft already stored exactly as it was.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect, openApp } from './fixtures';

const saveState = (page: Page) => page.locator('.drafts-menu [role=status]');
const product = (page: Page) => page.getByLabel('Product', { exact: true });
const draftPicker = (page: Page) => page.getByRole('combobox', { name: 'Draft', exact: true });

type Refusal = 'quota' | 'error';
type Win = { refuseWrites: Refusal | null; allowWrites: () => void };

/**
 * Before the app loads: local storage's setItem throws while `window.refuseWrites` is set (from
 * the start when the tab's sessionStorage says so), as a full storage ('quota') or any other error.
 */
async function installRefusal(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as Win;
    const realSetItem = Storage.prototype.setItem;
    w.refuseWrites = (sessionStorage.getItem('refuse-writes') || null) as Refusal | null;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (w.refuseWrites && this === window.localStorage) {
        throw w.refuseWrites === 'quota'
          ? new DOMException('The quota has been exceeded.', 'QuotaExceededError')
          : new Error('setItem is not allowed');
      }
      return realSetItem.call(this, key, value);
    };
    w.allowWrites = () => {
      w.refuseWrites = null;
      realSetItem.call(sessionStorage, 'refuse-writes', '');
    };
  });
}

/** Every draft as local storage holds it: its entry in the list and its plan text, by name. */
async function storedDrafts(page: Page): Promise<Record<string, { revision: number; text: string | null }>> {
  return page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('support-ops.drafts') ?? '{"drafts":[]}');
    const drafts: Record<string, { revision: number; text: string | null }> = {};
    for (const d of index.drafts) {
      drafts[d.name] = { revision: d.revision, text: localStorage.getItem(`support-ops.draft.${d.id}`) };
    }
    return drafts;
  });
}

const cases: Array<[string, Refusal, boolean]> = [
  ['a full storage from the start', 'quota', true],
  ['a storage that starts throwing any error after the page loaded', 'error', false],
];

for (const [label, refusal, fromTheStart] of cases) {
  test(`with ${label}, import and New plan open in this tab, say so, export, and are saved once storage works`, async ({ page }) => {
    await installRefusal(page);
    await openApp(page);
    await product(page).fill('Stored before');
    await expect(saveState(page)).toHaveText('Saved');
    const before = await storedDrafts(page);
    expect(Object.keys(before)).toEqual(['Untitled plan']);

    if (fromTheStart) {
      await page.evaluate((r) => sessionStorage.setItem('refuse-writes', r), refusal);
      await page.reload();
      await expect(product(page)).toHaveValue('Stored before');
    } else {
      await page.evaluate((r) => ((window as unknown as Win).refuseWrites = r), refusal);
    }

    // Import: opens in memory, said plainly.
    await page.getByLabel('Import JSON file').setInputFiles({
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"schema_version": 2, "header": {"product": "Imported Co", "team_size": 4}}'),
    });
    await expect(product(page)).toHaveValue('Imported Co');
    await expect(page.getByRole('status').filter({ hasText: 'Opened “Imported Co” in this tab only' })).toBeVisible();
    const notice = page.getByRole('alert').filter({ hasText: '“Imported Co” is open in this tab only and is not being saved' });
    await expect(notice).toBeVisible();

    // The export offered downloads the plan on screen.
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Export plan (JSON)' }).click();
    const file = await (await download).path();
    expect(JSON.parse(await readFile(file, 'utf8')).header.product).toBe('Imported Co');

    // New plan from a template while the import is still stored nowhere: it opens too, and the
    // import is kept in this tab, listed, not dropped.
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByRole('button', { name: 'B2B SaaS' }).click();
    await expect(product(page)).toHaveValue('Cloudline Analytics');
    await expect(page.getByRole('alert').filter({ hasText: '“B2B SaaS” is open in this tab only' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Kept in this tab only, not saved yet: “Imported Co”' })).toBeVisible();
    await draftPicker(page).selectOption({ label: 'Imported Co (not saved, this tab only)' });
    await expect(product(page)).toHaveValue('Imported Co');
    await draftPicker(page).selectOption({ label: 'B2B SaaS (not saved, this tab only)' });
    await expect(product(page)).toHaveValue('Cloudline Analytics');

    // Nothing stored was touched while the storage refused.
    expect(await storedDrafts(page)).toEqual(before);

    // The storage takes writes again: this tab's retries store both plans as new drafts, and the
    // draft stored before is exactly as it was.
    await page.evaluate(() => (window as unknown as Win).allowWrites());
    await expect(saveState(page)).toHaveText('Saved');
    await expect(page.getByRole('alert').filter({ hasText: 'Kept in this tab only' })).toBeHidden();
    await expect
      .poll(async () => Object.keys(await storedDrafts(page)).sort())
      .toEqual(['B2B SaaS', 'Imported Co', 'Untitled plan']);
    const after = await storedDrafts(page);
    expect(after['Untitled plan']).toEqual(before['Untitled plan']);
    expect(JSON.parse(after['Imported Co'].text ?? '{}').header.product).toBe('Imported Co');
    expect(JSON.parse(after['B2B SaaS'].text ?? '{}').header.product).toBe('Cloudline Analytics');
  });
}

test('at 390 px a refused save is said in the bar that is always shown, with the Menu closed', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await installRefusal(page);
  await openApp(page);
  await product(page).fill('Stored before');
  await expect(saveState(page)).toHaveText('Saved');
  const notice = page.locator('.app-header .header-unsaved');
  await expect(notice).toBeHidden();
  await page.evaluate(() => ((window as unknown as Win).refuseWrites = 'quota'));
  await product(page).fill('Typed while full');
  await expect(notice).toHaveText('Not saved: storage is full — export your plan');
  await expect(notice).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  await expect(saveState(page)).toBeHidden();
  await page.locator('.app-header').screenshot({ path: 'test-results/not-saved-390.png' });
  // Wide, the toolbar says it and the bar's copy is not shown twice.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(saveState(page)).toHaveText('Not saved: storage is full — export your plan');
  await expect(notice).toBeHidden();
  await page.locator('.app-header').screenshot({ path: 'test-results/not-saved-1280.png' });
  // Storage takes writes again: saved, and the notice goes.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.evaluate(() => (window as unknown as Win).allowWrites());
  await expect(notice).toBeHidden();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(saveState(page)).toHaveText('Saved');
});
