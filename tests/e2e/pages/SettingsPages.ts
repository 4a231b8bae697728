import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Result } from '../../../src/shared/contract';
import { startBridge, type Bridge } from '../bridge';
import { test as base } from '../fixtures';

/**
 * The fixtures' test with a bridge whose vault sits in its own temporary folder, so its backups
 * folder (a sibling of the vault) is private to the test too: the default bridge's vault is a
 * direct child of the system temp folder, which would put every test's backups in one shared
 * "<tmp>/backups". E2E_DIST_DIR may point at a private web build.
 */
export const test = base.extend<{ bridge: Bridge }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  bridge: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'ssp-desk-settings-e2e-'));
    const bridge = await startBridge({ vaultDir: join(root, 'vault'), ...(process.env.E2E_DIST_DIR ? { distDir: process.env.E2E_DIST_DIR } : {}) });
    await use(bridge);
    await bridge.close();
    rmSync(root, { recursive: true, force: true });
  },
});

/** A contract call through the bridge's dispatcher (seeding and checking from the test process). */
export async function call<T>(bridge: Bridge, name: string, input: unknown): Promise<T> {
  const r = (await bridge.dispatch(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Indstillinger and its sub-screens (Generelt, Sikkerhedskopier, Sletning, Revisionsspor, Bydele og indsatser). */
export class SettingsPages {
  readonly main: Locator;
  readonly tabs: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.tabs = page.getByRole('navigation', { name: 'Indstillinger' });
  }

  heading(name: string): Locator {
    return this.main.getByRole('heading', { level: 1, name });
  }

  /** From anywhere in the unlocked app: the side navigation's Indstillinger, then a sub-screen. */
  async open(tab?: 'Generelt' | 'Sikkerhedskopier' | 'Sletning' | 'Revisionsspor' | 'Bydele og indsatser'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Indstillinger', exact: true }).click();
    await expect(this.heading('Indstillinger')).toBeVisible();
    if (tab && tab !== 'Generelt') await this.tab(tab);
  }

  async tab(label: string): Promise<void> {
    const button = this.tabs.getByRole('button', { name: label, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-current', 'page');
    await expect(this.main.getByRole('heading', { level: 1 })).toBeFocused();
  }

  // ---- Sikkerhedskopier ----
  backupRows(): Locator {
    return this.page.getByTestId('backup-list').locator('tbody tr');
  }

  async createBackup(): Promise<void> {
    const before = await this.page.getByTestId('backup-list').locator('tbody tr').count().catch(() => 0);
    await this.main.getByRole('button', { name: 'Tag sikkerhedskopi nu' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Sikkerhedskopien er taget' })).toBeFocused();
    await expect(this.backupRows()).toHaveCount(before + 1);
  }

  restoreDialog(): Locator {
    return this.page.getByTestId('restore-dialog');
  }

  /** Gendan on the newest backup (the first row), then the secret; does not wait for the answer. */
  async startRestore(secret: string, row = 0): Promise<Locator> {
    await this.backupRows().nth(row).getByRole('button', { name: /^Gendan/ }).click();
    const dialog = this.restoreDialog();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Adgangskoden, da kopien blev taget')).toBeFocused();
    await dialog.getByLabel('Adgangskoden, da kopien blev taget').fill(secret);
    await dialog.getByRole('button', { name: 'Gendan sikkerhedskopien' }).click();
    return dialog;
  }

  // ---- Sletning ----
  retentionRows(): Locator {
    return this.page.getByTestId('retention-list').locator('tbody tr');
  }

  retentionDialog(): Locator {
    return this.page.getByTestId('retention-confirm');
  }
}
