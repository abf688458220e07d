// Playwright configuration: the built app (dist/) in Debian's headless Chromium.
// scripts/test.sh serves dist/ under a sub-path on a free port and passes its URL in E2E_BASE_URL;
// run on its own (`npx playwright test`), Playwright starts that server itself on port 4173.
import { defineConfig } from '@playwright/test';

const SUB_PATH = '/support/ops/designer/';
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:4173${SUB_PATH}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  retries: 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node serve-dist.mjs --root ../../dist --base ${SUB_PATH} --port 4173`,
        url: baseURL,
        reuseExistingServer: true,
      },
});
