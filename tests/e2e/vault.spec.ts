import { expect, expectAccessible, screenshot, test } from './fixtures';

const owner = { name: 'Søren Æbelø Kristiansen', role: 'SSP-konsulent', area: 'Nørrebro' };
const passphrase = 'Korrekt hest batteri hæfteklamme';
const RECOVERY_KEY_FORMAT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/;

test('create a vault, keep the recovery key, lock, fail and succeed to unlock', async ({ page, bridge, vault, shell }) => {
  await vault.open(bridge.url);

  // ---- Opret boks ----
  await expect(vault.createHeading).toBeVisible();
  expect(page.url(), 'the token leaves the address bar at once').not.toContain('token=');
  await expect(page).toHaveTitle('Opret boks – SSP Desk');
  await expect(page.getByLabel('Dit navn')).toBeFocused();
  await screenshot(page, '01-create');
  await expectAccessible(page, 'create');

  // Submitting the empty form lists every problem and puts the message next to each field.
  await vault.submitCreate();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Skriv dit navn.');
  await expect(page.locator('#create-owner-role-error')).toHaveText('Fejl: Skriv din rolle.');
  await expect(page.locator('#create-passphrase-error')).toContainText('Adgangskoden skal være mindst 12 tegn. Du mangler 12.');

  // Validation follows the typing: strength hint, length, and confirmation.
  const pass = page.getByLabel('Adgangskode', { exact: true });
  await pass.fill('kort');
  await expect(page.locator('#create-passphrase-feedback')).toHaveText('Styrke: for kort');
  await expect(page.locator('#create-passphrase-error')).toContainText('Du mangler 8.');
  await pass.fill('aaaaaaaaaaaaaaa');
  await expect(page.locator('#create-passphrase-feedback')).toHaveText('Styrke: svag');
  await expect(page.locator('#create-passphrase-error')).toContainText('for let at gætte');
  await vault.fillCreateForm(owner, passphrase, 'Korrekt hest batteri hæfteklammX');
  await expect(page.locator('#create-passphrase-feedback')).toHaveText('Styrke: stærk');
  await expect(page.locator('#create-passphrase-error')).toHaveCount(0);
  await expect(page.locator('#create-passphrase-confirm-error')).toContainText('De to adgangskoder er ikke ens.');
  await screenshot(page, '02-create-validation');
  await expectAccessible(page, 'create with errors');
  await expect(summary).not.toContainText('Skriv dit navn.');
  await expect(summary).toContainText('De to adgangskoder er ikke ens.');
  await page.getByLabel('Gentag adgangskoden').fill(passphrase);
  await expect(page.locator('#create-passphrase-confirm-error')).toHaveCount(0);
  await expect(summary).toHaveCount(0);
  await expect(page.locator('#create-passphrase-confirm-feedback')).toHaveText('Adgangskoderne er ens.');

  // ---- the recovery key, once ----
  await vault.submitCreate();
  await expect(vault.recoveryHeading).toBeVisible();
  const recoveryKey = ((await vault.recoveryKey.textContent()) ?? '').trim();
  expect(recoveryKey).toMatch(RECOVERY_KEY_FORMAT);
  await expect(page.getByRole('listitem').filter({ hasText: 'SSP-Sekretariatets pengeskab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
  await screenshot(page, '03-recovery-key');
  await expectAccessible(page, 'recovery key');

  // Printing shows the sheet alone: the key, whose vault it is, where it belongs.
  await page.getByRole('button', { name: 'Udskriv' }).click();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(recoveryKey);
  await expect(sheet).toContainText(`Boks for: ${owner.name}, SSP-konsulent, Nørrebro`);
  await expect(sheet).toContainText(/Oprettet: \d{1,2}\. [a-zæøå]+ \d{4}/);
  await expect(vault.recoveryHeading).toBeHidden();
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden();
  await screenshot(page, '03b-recovery-key-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(sheet).toBeHidden();

  // Continuing needs the confirmation.
  await page.getByRole('button', { name: 'Fortsæt til SSP Desk' }).click();
  await expect(page.locator('#recovery-saved-error')).toContainText('Bekræft, at du har gemt gendannelsesnøglen');
  await expect(page.getByLabel('Jeg har gemt gendannelsesnøglen')).toBeFocused();
  await vault.confirmRecoveryKey();

  // ---- the main layout ----
  await shell.expectVisible(owner.name);
  await expect(shell.header).toContainText('SSP-konsulent · Nørrebro');
  await expect(shell.main.getByRole('heading', { level: 1, name: 'Overblik' })).toBeFocused();
  await expect(page).toHaveTitle('Overblik – SSP Desk');
  await expect(page.getByRole('heading', { level: 2, name: 'Ingen sager endnu' })).toBeVisible();
  const items = await shell.nav.getByRole('button').allTextContents();
  expect(items).toEqual(['Overblik', 'Sager', 'SSP+', 'Løsladelser', 'Ledergruppemøder', 'Halvårsrapport', 'Overdragelse', 'Indstillinger']);
  await screenshot(page, '04-main');
  await expectAccessible(page, 'main');
  for (const area of ['Sager', 'SSP+', 'Løsladelser', 'Ledergruppemøder', 'Halvårsrapport', 'Overdragelse', 'Indstillinger', 'Overblik']) {
    await shell.goTo(area);
  }

  // ---- lock: nothing of the vault stays in the page ----
  await vault.lock();
  await expect(vault.unlockField).toBeFocused();
  const html = await page.content();
  for (const secret of [owner.name, 'Søren', 'Nørrebro', 'SSP-konsulent', recoveryKey]) expect(html).not.toContain(secret);
  expect(await page.title()).not.toContain(owner.name);
  await expect(page).toHaveTitle('Lås op – SSP Desk');
  await screenshot(page, '05-unlock');
  await expectAccessible(page, 'unlock');

  // ---- wrong passphrase: main's Danish message next to the field ----
  await vault.submitUnlock('Forkert hest batteri hæfteklamme');
  await expect(vault.unlockError()).toHaveText('Fejl: Forkert adgangskode. Prøv igen, eller brug gendannelsesnøglen.');
  await expect(vault.unlockField).toBeFocused();
  await expect(vault.unlockField).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '06-unlock-error');
  await expectAccessible(page, 'unlock with error');
  expect(await page.content()).not.toContain(owner.name);

  // ---- the right one ----
  await vault.unlock(passphrase);
  await shell.expectVisible(owner.name);
  await expect(shell.main.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
});

test('unlock with the recovery key, change the passphrase in Indstillinger', async ({ page, bridge, vault, shell }) => {
  await vault.open(bridge.url);
  const recoveryKey = await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  await vault.lock();

  // The recovery key, typed loosely (lower case, spaces), opens the vault.
  await vault.useRecoveryKeyInstead();
  await expect(page.getByRole('heading', { level: 1, name: 'Boksen er låst' })).toBeVisible();
  await expect(page.getByText('Skriv gendannelsesnøglen fra papiret')).toBeVisible();
  await screenshot(page, '07-unlock-recovery');
  await expectAccessible(page, 'unlock with recovery key');
  await vault.submitUnlock('WRONG-KEY0-0000-0000-0000-0000-0000-0000');
  await expect(vault.unlockError()).toContainText('Gendannelsesnøglen passer ikke til denne boks');
  await vault.unlock(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await shell.expectVisible(owner.name);

  // Change the passphrase: checks as you type, then main's answer.
  await shell.goTo('Indstillinger');
  const newPassphrase = 'Ny adgangskode med cykel og regnvejr 7';
  await page.getByLabel('Nuværende adgangskode').fill('ikke den rigtige kode');
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(newPassphrase);
  await expect(page.locator('#change-next-feedback')).toHaveText('Styrke: stærk');
  await page.getByLabel('Gentag den nye adgangskode').fill(newPassphrase);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByRole('alert')).toContainText('Den nuværende adgangskode er forkert');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.locator('#change-current-error')).toContainText('Forkert adgangskode');
  // Nothing typed is lost when the call fails.
  await expect(page.getByLabel('Ny adgangskode', { exact: true })).toHaveValue(newPassphrase);
  await page.getByLabel('Nuværende adgangskode').fill(passphrase);
  await page.getByLabel('Nuværende adgangskode').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Adgangskoden er skiftet' })).toBeFocused();
  await expect(page.getByLabel('Nuværende adgangskode')).toHaveValue('');
  await screenshot(page, '08-settings');
  await expectAccessible(page, 'settings');

  await vault.lock();
  await vault.submitUnlock(passphrase);
  await expect(vault.unlockError()).toContainText('Forkert adgangskode');
  await vault.unlock(newPassphrase);
  await shell.expectVisible(owner.name);
});

test('a failed create keeps everything typed', async ({ page, bridge, vault }) => {
  await vault.open(bridge.url);
  await expect(vault.createHeading).toBeVisible();
  // Someone else creates the vault in the meantime: main refuses the second one.
  const other = await bridge.dispatch('vault.create', { passphrase, passphraseConfirm: passphrase, owner: { name: 'Anden', role: 'x', area: 'y' } });
  expect(other.ok).toBe(true);
  await vault.fillCreateForm(owner, passphrase);
  await vault.submitCreate();
  const failure = page.getByRole('alert').filter({ hasText: 'Boksen blev ikke oprettet' });
  await expect(failure).toContainText('Der findes allerede en boks');
  await expect(page.getByLabel('Dit navn')).toHaveValue(owner.name);
  await expect(page.getByLabel('SSP-område')).toHaveValue(owner.area);
  await expect(page.getByLabel('Adgangskode', { exact: true })).toHaveValue(passphrase);
  await expect(page.getByLabel('Gentag adgangskoden')).toHaveValue(passphrase);
});

test('a lock by main drops the unlocked tree: VAULT_LOCKED answer and the lock event', async ({ page, bridge, vault, shell }) => {
  // Stand in for the Electron preload's event channel (only sspEvents; calls still go to the bridge).
  await page.addInitScript(() => {
    const w = window as unknown as { sspEvents: unknown; __fireVaultLocked?: () => void };
    w.sspEvents = {
      onVaultLocked(cb: () => void) {
        w.__fireVaultLocked = cb;
      },
    };
  });
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();

  // 1. Main locks (idle, suspend); the next call answers VAULT_LOCKED.
  await shell.goTo('Indstillinger');
  await page.getByLabel('Nuværende adgangskode').fill(passphrase);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill('Ny adgangskode med cykel og regnvejr 7');
  await page.getByLabel('Gentag den nye adgangskode').fill('Ny adgangskode med cykel og regnvejr 7');
  await bridge.dispatch('vault.lock', {});
  await page.getByLabel('Nuværende adgangskode').press('Enter');
  await expect(vault.unlockHeading).toBeVisible();
  await expect(page.getByText('Boksen er låst. Intet fra boksen vises')).toBeVisible();
  expect(await page.content()).not.toContain(owner.name);
  expect(await page.content()).not.toContain(passphrase);

  // 2. Main's lock event.
  await vault.unlock(passphrase);
  await shell.expectVisible(owner.name);
  await bridge.dispatch('vault.lock', {});
  await page.evaluate(() => (window as unknown as { __fireVaultLocked: () => void }).__fireVaultLocked());
  await expect(vault.unlockHeading).toBeVisible();
  expect(await page.content()).not.toContain(owner.name);

  // A fresh session starts on Overblik, not where the last one was.
  await vault.unlock(passphrase);
  await expect(shell.main.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
});

test('repeated wrong passphrases are throttled with a countdown', async ({ page, bridge, vault }) => {
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  await vault.lock();
  for (let i = 0; i < 3; i++) {
    await vault.submitUnlock(`forkert kode nummer ${i}`);
    await expect(vault.unlockError()).toContainText('Forkert adgangskode');
  }
  await expect(page.locator('.throttle-notice')).toContainText(/For mange forkerte forsøg\. Vent \d+ sekund/);
  await screenshot(page, '09-unlock-throttled');
  await expectAccessible(page, 'unlock throttled');
  // Once the wait is over, another miss doubles it: 2 seconds.
  await expect(page.locator('.throttle-notice')).toBeHidden({ timeout: 15_000 });
  await vault.submitUnlock('forkert kode igen');
  await expect(vault.unlockError()).toContainText('Forkert adgangskode');
  await expect(page.locator('.throttle-notice')).toContainText('Vent 2 sekunder');
  // Trying during the wait: main refuses without checking, and says so.
  await vault.submitUnlock(passphrase);
  await expect(vault.unlockError()).toContainText('For mange forkerte forsøg');
  // After the wait the right passphrase works.
  await expect(page.locator('.throttle-notice')).toBeHidden({ timeout: 15_000 });
  await vault.unlock(passphrase);
});

test('keyboard only: create, continue, navigate and lock without a mouse', async ({ page, bridge, vault, shell }) => {
  await vault.open(bridge.url);
  await expect(page.getByLabel('Dit navn')).toBeFocused();
  await page.keyboard.type(owner.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(owner.role);
  await page.keyboard.press('Tab');
  await page.keyboard.type(owner.area);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Adgangskode', { exact: true })).toBeFocused();
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Tab'); // the Vis button
  await expect(page.getByRole('button', { name: 'Vis adgangskode', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Gentag adgangskoden')).toBeFocused();
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
  await expect(vault.recoveryHeading).toBeVisible();

  await page.getByLabel('Jeg har gemt gendannelsesnøglen').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await shell.expectVisible(owner.name);

  // From the top of the page: skip link, the header's backup reminder (a new vault has no backup
  // yet), the search box, Skærmtilstand, Lås, then the navigation.
  await expect(shell.main.getByRole('heading', { level: 1, name: 'Overblik' })).toBeFocused();
  await expect(page.getByTestId('backup-reminder')).toBeVisible();
  await page.getByRole('link', { name: 'Gå til indhold' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('backup-reminder')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Find sag eller person' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skærmtilstand' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Lås', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(shell.nav.getByRole('button', { name: 'SSP+' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.main.getByRole('heading', { level: 1, name: 'SSP+' })).toBeFocused();

  await page.getByRole('button', { name: 'Lås', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(vault.unlockField).toBeFocused();
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
  await shell.expectVisible(owner.name);
});

test('English is available and switches every label; Danish is the default', async ({ page, bridge, vault, shell }) => {
  await vault.open(bridge.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  await shell.goTo('Indstillinger');
  await page.getByLabel('Sprog i SSP Desk').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('button')).toHaveText([
    'Overview', 'Cases', 'SSP+', 'Releases', 'Leader group meetings', 'Semi-annual report', 'Handover', 'Settings',
  ]);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectAccessible(page, 'settings in English');
  await page.getByLabel('Language in SSP Desk').selectOption('da');
  await expect(shell.nav).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});
