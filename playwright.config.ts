import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built site (`astro preview` serves dist/). Debian's Chromium is used because
 * Playwright cannot download its own browsers here; scripts/require-chromium.ts fails first if it is missing.
 * BASE_PATH lets the same tests run against a build made for a sub-path.
 */
const port = Number(process.env.E2E_PORT || 4329);
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
