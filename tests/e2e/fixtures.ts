import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { formatDateNumeric } from '../../src/shared/core/dates';
import { startBridge, type Bridge } from './bridge';
import { AppShell } from './pages/AppShell';
import { VaultPages } from './pages/VaultPages';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../artifacts/screenshots', import.meta.url));

export interface Fixtures {
  /** A fresh bridge on a fresh temporary vault, per test. */
  bridge: Bridge;
  vault: VaultPages;
  shell: AppShell;
  /** Console errors, page errors and CSP violations seen so far; the test fails if any remain. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  bridge: async ({}, use) => {
    const bridge = await startBridge();
    await use(bridge);
    await bridge.close();
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
    expect(errors, 'console errors, page errors or CSP violations').toEqual([]);
  },
  vault: async ({ page, consoleErrors }, use) => {
    void consoleErrors; // always watch the console when the app is used
    await use(new VaultPages(page));
  },
  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },
});

export { expect };

/** An ISO date as a Danish user types it in a date field: '2026-01-02' -> '02.01.2026'. */
export const daDate = (iso: string): string => formatDateNumeric(iso);

/** A full-page screenshot into artifacts/screenshots/<name>.png (kept after the run; look at it). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let fonts and focus rings settle.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/**
 * axe-core on the whole page (all rules, colour contrast included): no serious or critical
 * violations. Lesser findings are attached to the test report.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const describe = (v: (typeof results.violations)[number]) =>
    `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`;
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length) test.info().annotations.push({ type: `axe (${screen})`, description: other.map(describe).join('\n') });
  expect(blocking.map(describe), `axe on ${screen}`).toEqual([]);
}
