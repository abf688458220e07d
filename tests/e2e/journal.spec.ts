// A tab that crashes right after typing loses nothing (issue 24, robustness 1): every field write
// is journaled to local storage at once, and the next start replays what the autosave had not
// stored yet. A journal that cannot be read is reported and never costs the stored draft.
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { holdSaves, installSaveHold, seedStorageOnce, storedProduct } from './saves';

const product = (page: Page) => page.getByLabel('Product', { exact: true });
const saveState = (page: Page) => page.locator('.drafts-menu [role=status]');

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

/**
 * Kills the renderer as a crash does: no pagehide, no unload handlers, no last save. The
 * renderer processes are killed from outside (their ids from the browser's own process list), as
 * the operating system or a renderer fault would; CDP's Page.crash takes the whole headless
 * browser down with it, and the storage with it, which is not what a tab crash does.
 */
async function crash(page: Page) {
  const session = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  const crashed = page.waitForEvent('crash');
  for (const info of processInfo) {
    if (info.type === 'renderer') process.kill(info.id, 'SIGKILL');
  }
  await crashed;
  await session.detach();
}

test('typing right before the tab crashes is back on the next start', async ({ page }) => {
  await installSaveHold(page);
  await openApp(page);
  await product(page).fill('Saved before');
  await expect(saveState(page)).toHaveText('Saved');

  // The autosave is held, as when the crash comes inside its wait: only the journal has the typing.
  await holdSaves(page);
  await product(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(', typed just now');
  // A structural edit, then a field of the row it added.
  await openSection(page, 'Channels');
  await page.getByRole('button', { name: '+ Add channel' }).click();
  await page.getByLabel('Channel 1 name', { exact: true }).fill('Chat desk');
  expect(await storedProduct(page)).toBe('Saved before');
  await crash(page);

  const next = await page.context().newPage();
  await next.goto('./');
  await expect(product(next)).toHaveValue('Saved before, typed just now');
  await openSection(next, 'Channels');
  await expect(next.getByLabel('Channel 1 name', { exact: true })).toHaveValue('Chat desk');
  // Folded into the draft: stored, and the journal gone.
  await expect.poll(() => storedProduct(next)).toBe('Saved before, typed just now');
  const journals = await next.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('support-ops.journal.')),
  );
  expect(journals).toEqual([]);
  await next.close();
});

test('a journal that cannot be read is reported in words, and the stored draft stays as it was', async ({ page }) => {
  const corrupt = '{"format":1,"revision":4,"edits":[{"path":"header.prod';
  await seedStorageOnce(page, {
    'support-ops.drafts': JSON.stringify({
      format: 1,
      last_open: 'a',
      drafts: [{ id: 'a', name: 'Acme', created: 1, updated: 1, revision: 4 }],
    }),
    'support-ops.draft.a': '{"schema_version": 2, "header": {"product": "Acme Support"}}',
    'support-ops.journal.a.crashed-tab': corrupt,
  });
  await page.goto('./');
  await expect(product(page)).toHaveValue('Acme Support');
  const report = page.getByRole('alert').filter({ hasText: 'last edits typed in “Acme”' });
  await expect(report).toContainText('could not be read');
  await expect(report).toContainText('set aside, unchanged');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('support-ops.set-aside.'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(kept).toEqual([corrupt]);
  expect(await storedProduct(page)).toBe('Acme Support');
});
