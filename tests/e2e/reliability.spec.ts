// Reliability end to end (issue "Reliability follow-ups"): storage that refuses writes still lets
// the user open plans, a change is saved without waiting for a pause, leaving asks first exactly
// when edits would be lost, share links survive mail clients and open in a tab already showing
// the app, and import messages say what is really wrong.
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { holdSaves, installSaveHold, planWithList, shareFragmentOf, storedProduct } from './saves';

const saveState = (page: Page) => page.locator('.drafts-menu [role=status]');
const product = (page: Page) => page.getByLabel('Product', { exact: true });
const draftPicker = (page: Page) => page.getByRole('combobox', { name: 'Draft', exact: true });
const importFile = (page: Page, name: string, buffer: Buffer) =>
  page.getByLabel('Import JSON file').setInputFiles({ name, mimeType: 'application/json', buffer });
const sharedPlan = (page: Page) => page.getByRole('region', { name: 'Shared plan' });

const smallPlan = (name: string) => `{"schema_version": 2, "header": {"product": ${JSON.stringify(name)}, "team_size": 4}}`;

test('a change is saved without waiting for a pause in typing', async ({ page }) => {
  // Timers of 500 ms and more never fire: only a save that does not wait for a pause can happen.
  // (A renderer crash or a killed browser inside that pause lost the edit: 10 of 12 tries.)
  await page.addInitScript(() => {
    const realSetTimeout = window.setTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) =>
      (ms ?? 0) >= 500 ? 0 : realSetTimeout(handler, ms, ...rest)) as typeof window.setTimeout;
  });
  await openApp(page);
  await product(page).fill('Saved at once');
  await expect.poll(() => storedProduct(page)).toBe('Saved at once');
  await expect(saveState(page)).toHaveText('Saved');
});

test.describe('storage that refuses every write', () => {
  test.beforeEach(async ({ page }) => {
    // Older Safari's private mode: reading works, every setItem throws a plain Error.
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new Error('setItem is not allowed');
      };
    });
  });

  test('import, New plan and Make an editable copy still open plans, said plainly', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('alert').filter({ hasText: 'not letting the page save anything' })).toBeVisible();
    await expect(saveState(page)).toContainText('Kept in this tab only');
    await expect(page.getByRole('button', { name: 'Export plan (JSON)' })).toBeVisible();

    await importFile(page, 'plan.json', Buffer.from(smallPlan('Imported Co')));
    await expect(product(page)).toHaveValue('Imported Co');
    await expect(draftPicker(page).locator('option:checked')).toHaveText('Imported Co');

    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByRole('button', { name: 'B2B SaaS' }).click();
    await expect(product(page)).toHaveValue('Cloudline Analytics');

    await page.goto(`./${shareFragmentOf(smallPlan('Shared Co'))}`);
    await page.getByRole('button', { name: 'Make an editable copy' }).click();
    await expect(product(page)).toHaveValue('Shared Co');
    await expect(saveState(page)).toContainText('Kept in this tab only');
  });
});

test('a plan too large for the storage opens in this tab only, says so, and offers the export', async ({ page }) => {
  // A storage with room for small drafts only.
  await page.addInitScript(() => {
    const realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (String(value).length > 50_000) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realSetItem.call(this, key, value);
    };
  });
  await openApp(page);
  await product(page).fill('Small one');
  await expect(saveState(page)).toHaveText('Saved');
  const topics = Array.from({ length: 3_000 }, (_, i) => `"Knowledge base topic number ${i}"`).join(',');
  const big = `{"schema_version": 2, "header": {"product": "Big Co"}, "self_service": {"knowledge_base": [${topics}]}}`;
  await importFile(page, 'big.json', Buffer.from(big));
  await expect(product(page)).toHaveValue('Big Co');
  await expect(page.getByRole('status').filter({ hasText: 'Opened “Big Co” in this tab only' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'storage for this page is full' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export plan (JSON)' })).toBeVisible();
  await expect(saveState(page)).toHaveText('Not saved: storage is full — export your plan');
  // The small draft is still there, untouched.
  await expect(draftPicker(page).locator('option', { hasText: /^Untitled plan$/ })).toHaveCount(1);
  expect(await storedProduct(page)).toBe('Small one');
});

/** Tries to close the tab as a user would; resolves to the dialogs the browser asked. */
async function leave(page: Page): Promise<string[]> {
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  const closed = page.waitForEvent('close', { timeout: 3_000 }).catch(() => undefined);
  await page.close({ runBeforeUnload: true });
  await closed;
  return asked;
}

/** Types with the keyboard (a real user gesture, which the browser needs to ask before leaving). */
async function typeAsUser(page: Page, text: string) {
  await product(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('leaving with everything saved asks nothing', async ({ page }) => {
  await openApp(page);
  await typeAsUser(page, 'All saved');
  await expect(saveState(page)).toHaveText('Saved');
  expect(await leave(page)).toEqual([]);
});

test('leaving with edits the full storage could not save asks first', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  await typeAsUser(page, 'Not saved anywhere');
  await expect(saveState(page)).toHaveText('Not saved: storage is full — export your plan');
  expect(await leave(page)).toEqual(['beforeunload']);
});

test('leaving with a two-tab conflict not yet resolved asks first', async ({ page }) => {
  const other = await page.context().newPage();
  await installSaveHold(other);
  await openApp(page);
  await openApp(other);
  await holdSaves(other);
  await typeAsUser(other, 'Edited in tab two');
  await product(page).fill('Edited in tab one');
  await expect(saveState(page)).toHaveText('Saved');
  await expect(saveState(other)).toHaveText('Not saved: changed in another tab — choose which to keep');
  expect(await leave(other)).toEqual(['beforeunload']);
});

test('a share link with spaces from a mail client, typed or as %20, opens', async ({ page }) => {
  const fragment = shareFragmentOf(smallPlan('Wrapped Co'));
  const cut = Math.floor(fragment.length / 2);
  await page.goto(`./${fragment.slice(0, cut)}%20%20${fragment.slice(cut)}`);
  await expect(sharedPlan(page)).toContainText('Wrapped Co');
  await page.goto('about:blank');
  await page.goto(`./${fragment.slice(0, cut)} ${fragment.slice(cut)}`);
  await expect(sharedPlan(page)).toContainText('Wrapped Co');
});

test('a share link opened in a tab already showing the app opens at once', async ({ page }) => {
  await openApp(page);
  await product(page).fill('My own plan');
  await expect(saveState(page)).toHaveText('Saved');
  await page.evaluate((hash) => (location.hash = hash), shareFragmentOf(smallPlan('Linked Co')));
  await expect(sharedPlan(page)).toContainText('Linked Co');
  // Back to where the user was: the designer, with their own plan.
  await page.goBack();
  await expect(product(page)).toHaveValue('My own plan');
});

test('an import error is one clean sentence, and a binary file is not called cut off', async ({ page }) => {
  await openApp(page);
  const error = page.locator('.transfer-error');
  await importFile(page, 'newer.json', Buffer.from('{"schema_version": 99, "header": {}}'));
  await expect(error).toContainText('newer version');
  await expect(error).toContainText('Markdown. Your current plan is unchanged.');
  await expect(error).not.toContainText('..');

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await importFile(page, 'logo.png', png);
  await expect(error).toContainText('not text but binary data');
  await expect(error).not.toContainText('cut off');

  // A UTF-8 byte-order mark, as Windows Notepad saves, is fine.
  await importFile(page, 'bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(smallPlan('BOM Co'))]));
  await expect(product(page)).toHaveValue('BOM Co');
});

test('a listed draft whose data is missing offers to delete its entry, not a download of nothing', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'support-ops.drafts',
      JSON.stringify({
        format: 1,
        last_open: 'gone',
        drafts: [{ id: 'gone', name: 'Lost plan', created: 1, updated: 1, revision: 3 }],
      }),
    );
  });
  await openApp(page);
  const report = page.getByRole('alert').filter({ hasText: '“Lost plan” could not be read' });
  await expect(report).toContainText('nothing to recover');
  await expect(report.getByRole('button', { name: 'Download its text' })).toHaveCount(0);
  await report.getByRole('button', { name: 'Delete this entry' }).click();
  await expect(report).toBeHidden();
  await expect(draftPicker(page).locator('option', { hasText: 'Lost plan' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
  await expect(draftPicker(page).locator('option', { hasText: 'Lost plan' })).toHaveCount(0);
});

test.describe('plans far too large', () => {
  for (const count of [10_000, 20_000]) {
    test(`an import of ${count.toLocaleString('en')} channels is refused in a moment, the limit named`, async ({ page }) => {
      await openApp(page);
      await product(page).fill('Keep me');
      await expect(saveState(page)).toHaveText('Saved');
      await importFile(page, 'channels.json', Buffer.from(planWithList('channels', count, '{"name":"Chat","kind":"chat"}')));
      const error = page.locator('.transfer-error');
      await expect(error).toContainText('too large to open safely');
      await expect(error).toContainText('more than 200 channels');
      await expect(product(page)).toHaveValue('Keep me');
      await expect(draftPicker(page).locator('option')).toHaveCount(1);
    });
  }

  for (const [key, entries] of [
    ['channels', '200 channels'],
    ['taxonomy', '5,000 ticket categories'],
  ]) {
    test(`a share link of 100,000 empty ${key} says it is too large and builds nothing`, async ({ page }) => {
      const fragment = shareFragmentOf(planWithList(key, 100_000));
      expect(fragment.length).toBeLessThan(2_000);
      await page.goto(`./${fragment}`);
      const problem = page.getByRole('alert');
      await expect(problem).toContainText('too large to open safely');
      await expect(problem).toContainText(entries);
      await expect(problem.getByRole('link', { name: 'Open the Support Ops Plan Designer' })).toBeVisible();
    });
  }
});
