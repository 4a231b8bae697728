import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test (tests/electron): the development build (electron-vite build -> out/)
 * in the real Electron binary through Playwright's _electron. Where the binary is missing (it is
 * downloaded from GitHub, which the project's build machines cannot reach) the test skips with a
 * one-line reason; the GitHub Actions workflow runs it on Windows, macOS and Linux.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
});
