import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshot, expectAccessible } from './fixtures';
import { call, CASES_OWNER, CASES_PASSPHRASE } from './pages/CasesPages';

/**
 * Start-up recovery on the screen (issue 14): a vault folder with its database but no key file is
 * shown as a locked vault, never as "create a vault", and unlocking says in Danish what was found.
 */
test('a database without its key file: the unlock screen, then a Danish explanation, no offer to create', async ({ page, bridge, vault }) => {
  await call(bridge, 'vault.create', { passphrase: CASES_PASSPHRASE, passphraseConfirm: CASES_PASSPHRASE, owner: CASES_OWNER });
  await call(bridge, 'vault.lock', {});
  rmSync(join(bridge.vaultDir, 'ssp-desk.keys'));

  await vault.open(bridge.url);
  await expect(vault.unlockHeading).toBeVisible();
  await expect(vault.createHeading).toHaveCount(0);
  await vault.unlockField.fill(CASES_PASSPHRASE);
  await vault.unlockButton.click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Boksmappen indeholder en database, men ingen nøglefil');
  await expect(alert).toContainText('Opret ikke en ny boks her.');
  // What was typed stays.
  await expect(vault.unlockField).toHaveValue(CASES_PASSPHRASE);
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'vault-recovery-no-key-file');
  await expectAccessible(page, 'vault recovery: database without key file');
});
