import { defineConfig } from '@playwright/test';

/**
 * Browser tests: the web build of the renderer (npm run build:web -> dist-web) in Debian's
 * Chromium, against the real main-process handlers through tests/e2e/bridge.ts.
 * Playwright's own browser download does not work here; CHROMIUM_PATH overrides the path.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium on Linux takes its UI locale (file buttons) from LANGUAGE, not from --lang or
      // the page's locale; Debian needs chromium-l10n for Danish. Date fields do not depend on it
      // (DateField, tests/e2e/dates.spec.ts runs Chromium in English).
      env: { ...process.env, LANGUAGE: 'da' },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    viewport: { width: 1440, height: 900 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
