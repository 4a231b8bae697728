import { expect, expectAccessible, screenshot, test } from './fixtures';

const owner = { name: 'Signe Vindeløv', role: 'SSP-konsulent', area: 'Valby' };

test('a guessable passphrase is refused while typing with the reason, and the offered five words pass and open the vault', async ({ page, bridge, vault }) => {
  await vault.open(bridge.url);
  await expect(vault.createHeading).toBeVisible();
  await vault.fillCreateForm(owner, 'Sommer2024!!');
  await expect(page.locator('#create-passphrase-feedback')).toHaveText('Styrke: svag');
  await vault.submitCreate();
  const error = page.locator('#create-passphrase-error');
  await expect(error).toContainText('Adgangskoden er for let at gætte. Den bygger på en måned, en årstid eller en ugedag');
  await expect(error).toContainText('et årstal eller en dato');
  await expect(error).toContainText('Det, der går igennem: 4-5 ord');
  // The other attacked ones, as the user types them.
  for (const weak of ['Password123!', 'Velkommen123', 'Sspdesk12345']) {
    await page.getByLabel('Adgangskode', { exact: true }).fill(weak);
    await expect(page.locator('#create-passphrase-feedback')).toHaveText('Styrke: svag');
  }
  await expect(page.locator('#create-passphrase-error')).toContainText('programmets navn');

  await page.getByRole('button', { name: 'Foreslå en adgangskode' }).click();
  const suggestion = page.locator('.passphrase-suggestion-text');
  await expect(suggestion).toHaveText(/^Forslag: \S+ \S+ \S+ \S+ \S+$/);
  const first = ((await suggestion.textContent()) ?? '').replace('Forslag: ', '');
  await page.getByRole('button', { name: 'Foreslå en anden' }).click();
  await expect(suggestion).not.toHaveText(`Forslag: ${first}`);
  const words = ((await suggestion.textContent()) ?? '').replace('Forslag: ', '');
  await page.getByRole('button', { name: 'Brug forslaget' }).click();
  await expect(page.getByLabel('Adgangskode', { exact: true })).toHaveValue(words);
  await expect(page.getByLabel('Gentag adgangskoden')).toHaveValue(words);
  await expect(page.locator('#create-passphrase-feedback')).toHaveText('Styrke: stærk');
  await expect(page.locator('#create-passphrase-error')).toHaveCount(0);
  await screenshot(page, 'security-01-suggested-passphrase');
  await expectAccessible(page, 'create with a suggestion');
  await vault.submitCreate();
  await expect(vault.recoveryHeading).toBeVisible();
});
