// Smoke tests of the release build: it loads cleanly, the shell renders, typing reaches the
// preview, and it works from the sub-path it is served under, as on any static host.
import { test, expect, openApp } from './fixtures';

test('the release build loads without console or page errors', async ({ page }) => {
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  // The wasm has run when the designer's heading is on the page; the fixture checks the logs.
  await expect(page.getByRole('heading', { name: 'Support Ops Plan Designer' })).toBeVisible();
});

test('the shell shows the title and the Product field', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle('Support Ops Plan Designer');
  await expect(page.getByLabel('Product', { exact: true })).toBeEditable();
  await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
});

test('typing a product name shows it in the preview', async ({ page }) => {
  await openApp(page);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).not.toContainText('Acme Helpdesk');
  await page.getByLabel('Product', { exact: true }).fill('Acme Helpdesk');
  await expect(preview).toContainText('Acme Helpdesk');
});

test('the app works when served from a sub-path', async ({ page, baseURL }) => {
  const base = new URL(baseURL ?? '');
  expect(base.pathname, 'the suite must run under a sub-path').not.toBe('/');

  const failed: string[] = [];
  const outside: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === base.origin && !url.pathname.startsWith(base.pathname)) {
      outside.push(url.pathname);
    }
  });

  await openApp(page);
  await page.getByLabel('Product', { exact: true }).fill('Served from a folder');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Served from a folder');

  expect(outside, 'requests that escaped the sub-path').toEqual([]);
  expect(failed, 'requests that failed').toEqual([]);
  // The host really serves only the sub-path: the site root has no app.
  const root = await page.request.get(`${base.origin}/index.html`);
  expect(root.status()).toBe(404);
});
