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

test('before the app has arrived the page says what it is and that it is loading', async ({ page }) => {
  // Hold the wasm back, as a slow link would.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  const loading = page.locator('#boot-screen');
  await expect(loading).toContainText('Support Ops Plan Designer');
  await expect(loading).toContainText('nothing you type is sent to a server');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the app…' })).toBeVisible();

  release();
  await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
  await expect(loading).toHaveCount(0);
});

test('a browser without WebAssembly is told so in words', async ({ page }) => {
  await page.addInitScript(() => {
    // As in a browser (or a policy) with WebAssembly turned off.
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto('./');
  await expect(page.locator('#boot-state')).toContainText('cannot run WebAssembly');
  await expect(page.locator('#boot-screen')).toContainText('Support Ops Plan Designer');
});
