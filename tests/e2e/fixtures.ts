// Shared test fixture for the end-to-end suite: every test fails when the page logs a console
// error or throws, so a broken build or a panicking component cannot pass silently.
import { test as base, expect } from '@playwright/test';

export type PageProblemOptions = {
  /** Console errors a test expects on purpose (e.g. importing a broken file); matched by text. */
  allowedConsoleErrors: RegExp[];
};

export const test = base.extend<PageProblemOptions>({
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (allowedConsoleErrors.some((allowed) => allowed.test(text))) return;
      const where = message.location().url;
      problems.push(`console error: ${text}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/**
 * Opens the app at the base URL and waits until the designer has mounted. On a first visit the
 * form pane offers the templates; like a user who wants a plan of their own, this picks the
 * empty plan.
 */
export async function openApp(page: import('@playwright/test').Page) {
  await page.goto('./');
  await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
  const empty = page.getByRole('button', { name: 'Start with an empty plan' });
  if (await empty.isVisible()) await empty.click();
}

/** Opens one page of the designer. */
export async function openPage(page: import('@playwright/test').Page, name: string) {
  await page.locator(`#nav-${name.toLowerCase().replace(/ /g, '-')}`).click();
  await expect(page.locator('#form-title')).toHaveText(name);
}

/** Starts a new draft from a starter template through the New plan panel. */
export async function newFromTemplate(page: import('@playwright/test').Page, title: string) {
  await page.locator('#drafts-new').click();
  await page.getByRole('group', { name: 'New plan' }).getByRole('button', { name: title }).click();
  await expect(page.locator('.drafts-switch select')).toHaveValue(/.+/);
}
