import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Bridge } from './bridge';
import { expect, expectAccessible, screenshot } from './fixtures';
import { call, SettingsPages, test } from './pages/SettingsPages';

/**
 * Indstillinger end to end: Generelt (validation as you type, saving, the idle lock following the
 * setting), Bydele og indsatser (add, rename, take out of use, a clash kept typed), Revisionsspor
 * (filters, paging, CSV export), the sub-navigation by keyboard, and every screen in English.
 * Sikkerhedskopier and Sletning are exercised in reliability.spec.ts.
 */

const owner = { name: 'Ingrid Indstillingsen', role: 'SSP-koordinator', area: 'Vesterbro' };
const passphrase = 'Gul kajak ved Fisketorvet 2024';

async function enterApp(page: Page, bridge: Bridge, vault: { open(url: string): Promise<void>; createVault(o: typeof owner, p: string): Promise<string>; confirmRecoveryKey(): Promise<void> }) {
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
}

test('Generelt: checked as you type, saved, and the idle lock follows the new time', async ({ page, bridge, vault, shell }) => {
  await page.clock.install();
  await enterApp(page, bridge, vault);
  const settings = new SettingsPages(page);
  await settings.open();
  const idle = page.getByLabel('Lås automatisk efter (minutter)');
  await expect(idle).toHaveValue('5');
  await expect(page.getByLabel('Påmind om sikkerhedskopi efter (dage)')).toHaveValue('7');
  await expect(page.getByLabel('Opbevar lukkede sager i (måneder)')).toHaveValue('24');
  await expect(page.getByLabel('Mindste tal i halvårsrapporten')).toHaveValue('5');
  // The passphrase and language sections are still here.
  await expect(page.getByRole('heading', { level: 2, name: 'Skift adgangskode' })).toBeVisible();
  await expect(page.getByLabel('Sprog i SSP Desk')).toBeVisible();
  await screenshot(page, 'settings-01-general');
  await expectAccessible(page, 'settings general');

  // Wrong values: messages as you type (after leaving the field), a summary on save, nothing sent.
  await idle.fill('0');
  await idle.blur();
  await expect(page.locator('#settings-idle-minutes-error')).toHaveText('Fejl: Tallet skal være fra 1 til 240.');
  const threshold = page.getByLabel('Mindste tal i halvårsrapporten');
  await threshold.fill('2,5');
  await page.getByRole('button', { name: 'Gem indstillinger' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Tallet skal være fra 1 til 240.', 'Skriv et helt tal fra 2 til 20, uden komma eller bogstaver.']);
  await screenshot(page, 'settings-01b-general-errors');
  await expectAccessible(page, 'settings general with errors');
  expect(await call(bridge, 'settings.get', {})).toMatchObject({ idleLockMinutes: 5, reportThreshold: 5 });

  // The link takes you to the field; fix both and save.
  await summary.getByRole('link').first().click();
  await expect(idle).toBeFocused();
  await idle.fill('1');
  await threshold.fill('7');
  await threshold.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Indstillingerne er gemt.' })).toBeFocused();
  expect(await call(bridge, 'settings.get', {})).toEqual({ idleLockMinutes: 1, backupReminderDays: 7, retentionMonths: 24, reportThreshold: 7 });

  // The new idle time applies at once: one minute without input locks.
  await page.clock.fastForward('00:50');
  await expect(shell.nav).toBeVisible();
  await page.clock.fastForward('00:11');
  await expect(vault.unlockHeading).toBeVisible();
  expect(await page.content()).not.toContain(owner.name);

  // And after unlocking, it is read from the vault (wait for that read before moving the clock).
  const settingsRead = page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postDataJSON() as { name?: string } | null)?.name === 'settings.get');
  await vault.unlock(passphrase);
  await shell.expectVisible(owner.name);
  await settingsRead;
  // Locked within two minutes (the answer may still be on its way into React at the first jump); the default would be five.
  for (let jump = 0; jump < 2 && !(await vault.unlockHeading.isVisible()); jump++) {
    await page.clock.fastForward('01:01');
    await vault.unlockHeading.waitFor({ timeout: 2000 }).catch(() => undefined);
  }
  await expect(vault.unlockHeading).toBeVisible({ timeout: 1 });
});

test('Bydele og indsatser: add, rename, take out of use; a name already used keeps what was typed', async ({ page, bridge, vault }) => {
  await enterApp(page, bridge, vault);
  const settings = new SettingsPages(page);
  await settings.open('Bydele og indsatser');
  const districts = page.getByTestId('district-list');
  const efforts = page.getByTestId('effort-list');
  await expect(districts.locator('tbody tr')).toHaveCount(10);
  await expect(districts.locator('tbody tr').first()).toContainText('I brug');
  await screenshot(page, 'settings-07-registers');
  await expectAccessible(page, 'registers');

  // Add a district (Enter in the field).
  await page.getByLabel('Ny bydel').fill('Nordhavn');
  await page.getByLabel('Ny bydel').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Nordhavn er tilføjet.' })).toBeVisible();
  await expect(page.getByLabel('Ny bydel')).toHaveValue('');
  await expect(districts.locator('tbody tr')).toHaveCount(11);
  await expect(districts.locator('tbody tr').last()).toContainText('Nordhavn');

  // A name already used: main's Danish message at the field, the name stays typed.
  await page.getByLabel('Ny bydel').fill('Valby');
  await page.getByRole('button', { name: 'Tilføj bydel' }).click();
  await expect(page.locator('#district-new-name-error')).toHaveText('Fejl: Der findes allerede en bydel med det navn.');
  await expect(page.getByLabel('Ny bydel')).toHaveValue('Valby');
  await expect(page.getByLabel('Ny bydel')).toBeFocused();

  // Rename by keyboard: Omdøb, type, Enter; focus returns to Omdøb.
  await districts.getByRole('button', { name: 'Omdøb Nordhavn' }).click();
  const rename = page.getByLabel('Nyt navn for Nordhavn');
  await expect(rename).toBeFocused();
  await expect(rename).toHaveValue('Nordhavn');
  await rename.fill('Nordhavn og Østerbro Nord');
  await screenshot(page, 'settings-07b-registers-rename');
  await expectAccessible(page, 'registers rename');
  await rename.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Nordhavn hedder nu Nordhavn og Østerbro Nord.' })).toBeVisible();
  await expect(districts.getByRole('button', { name: 'Omdøb Nordhavn og Østerbro Nord' })).toBeFocused();
  // Escape leaves a rename without saving.
  await page.keyboard.press('Enter');
  await page.keyboard.type(' X');
  await page.keyboard.press('Escape');
  await expect(districts.getByRole('button', { name: 'Omdøb Nordhavn og Østerbro Nord' })).toBeFocused();

  // Take out of use and back.
  await districts.getByRole('button', { name: 'Tag ud af brug Nordhavn og Østerbro Nord' }).click();
  await expect(districts.locator('tbody tr').filter({ hasText: 'Nordhavn og Østerbro Nord' })).toContainText('Ikke i brug');
  const saved = await call<{ name: string; active: boolean }[]>(bridge, 'districts.list', {});
  expect(saved.find((d) => d.name === 'Nordhavn og Østerbro Nord')).toMatchObject({ active: false });

  // Codes and areas: the ten carry their bydel's code; a new district gets one from its first name and no area until told.
  const areas = page.getByTestId('district-areas');
  await expect(areas.locator('tbody tr').filter({ hasText: 'Amager Vest' })).toContainText('amager-vestHele Amager Vest');
  const nordhavn = areas.locator('tbody tr').filter({ hasText: 'Nordhavn og Østerbro Nord' });
  await expect(nordhavn).toContainText('nordhavn');
  await expect(nordhavn).toContainText('Ingen bydel');
  await areas.getByRole('button', { name: 'Ret kode og område Nordhavn og Østerbro Nord' }).click();
  const form = page.getByRole('form', { name: 'Kode og område for Nordhavn og Østerbro Nord' });
  await form.getByLabel('Ligger i bydel').selectOption({ label: 'Østerbro' });
  await form.getByLabel('Del af bydelen (valgfri)').fill('Nordhavn');
  // A code already used: main's message, what was typed stays.
  await form.getByLabel('Kode', { exact: true }).fill('valby');
  await form.getByRole('button', { name: 'Gem kode og område' }).click();
  await expect(form.locator('.alert-error')).toContainText('Koden "valby" bruges allerede af bydelen "Valby". Vælg en anden kode.');
  await expect(form.getByLabel('Del af bydelen (valgfri)')).toHaveValue('Nordhavn');
  await screenshot(page, 'settings-07c-district-areas');
  await expectAccessible(page, 'district areas');
  await form.getByLabel('Kode', { exact: true }).fill('nordhavn');
  await form.getByRole('button', { name: 'Gem kode og område' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kode og område for Nordhavn og Østerbro Nord er gemt.' })).toBeVisible();
  await expect(nordhavn).toContainText('Del af Østerbro (nordhavn)');
  const withAreas = await call<{ name: string; code: string; areas: string[] }[]>(bridge, 'districts.list', {});
  expect(withAreas.find((d) => d.name === 'Nordhavn og Østerbro Nord')).toMatchObject({ code: 'nordhavn', areas: ['oesterbro/nordhavn'] });

  // Efforts: add one and take it out of use.
  await page.getByLabel('Ny indsats').fill('Fritidsjob via jobcenter');
  await page.getByRole('button', { name: 'Tilføj indsats' }).click();
  await expect(efforts.locator('tbody tr').filter({ hasText: 'Fritidsjob via jobcenter' })).toContainText('I brug');
  await efforts.getByRole('button', { name: 'Tag ud af brug Fritidsjob via jobcenter' }).click();
  await expect(efforts.locator('tbody tr').filter({ hasText: 'Fritidsjob via jobcenter' })).toContainText('Ikke i brug');
  const effortList = await call<{ name: string; active: boolean }[]>(bridge, 'efforts.list', {});
  expect(effortList.find((e) => e.name === 'Fritidsjob via jobcenter')).toMatchObject({ active: false });
});

test('Revisionsspor: filter, pages, export as CSV', async ({ page, bridge, vault }) => {
  await enterApp(page, bridge, vault);
  // 60 settings changes and a district: more than one page of entries.
  for (let i = 0; i < 60; i++) await call(bridge, 'settings.update', { backupReminderDays: 7 + (i % 3) });
  await call(bridge, 'districts.save', { name: 'Sydhavnen', active: true, sortOrder: 20 });
  const total = (await call<{ total: number }>(bridge, 'audit.list', {})).total;
  expect(total).toBeGreaterThan(61);

  const settings = new SettingsPages(page);
  await settings.open('Revisionsspor');
  // Opening Indstillinger reads settings only; the list counts what is in the trail now.
  const now = (await call<{ total: number }>(bridge, 'audit.list', {})).total;
  await expect(page.getByText(`Viser 1–50 af ${now} handlinger.`)).toBeVisible();
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(50);
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toContainText(owner.name);
  // Details in words: the settings change names the setting, never its key.
  await expect(page.getByTestId('audit-table').locator('tbody tr').nth(1)).toContainText('Påmindelse om sikkerhedskopi (dage)');
  await expect(page.getByTestId('audit-table')).not.toContainText('backupReminderDays');
  await screenshot(page, 'settings-04-audit');
  await expectAccessible(page, 'audit');

  await page.getByRole('button', { name: 'Næste side' }).click();
  await expect(page.getByText(`Viser 51–${Math.min(100, now)} af ${now} handlinger.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Næste side' })).toBeFocused();

  // Filter: only districts; back to page 1.
  await page.getByLabel('Område').selectOption({ label: 'Bydel' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.getByText('Viser 1–1 af 1 handling.')).toBeVisible();
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toContainText('Oprettet');

  // A date range that ends before it starts.
  await page.getByLabel('Fra dato').fill('02.01.2030');
  await page.getByLabel('Til dato').fill('01.01.2030');
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.locator('#audit-to-error')).toContainText('Til-datoen skal være samme dag som eller efter fra-datoen.');
  await expect(page.getByLabel('Til dato')).toBeFocused();
  await page.getByLabel('Fra dato').fill('');
  await page.getByLabel('Til dato').fill('');

  // Export the filtered trail: a Blob download with the CSV main made.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér som CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ssp-desk-revisionsspor-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Nr.;Tidspunkt (dansk tid);Bruger;Handling;Område;Post-nr.;Detaljer;Handlingskode;Områdekode;Detaljekode');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(';Oprettet;Bydel;');
  expect(lines[1]).toContain(';create;district;');
  await expect(page.getByRole('status').filter({ hasText: `Filen ${file.suggestedFilename()} er hentet.` })).toBeFocused();

  // The export is itself in the trail.
  const exports = await call<{ rows: { action: string; entity: string }[] }>(bridge, 'audit.list', { entity: 'audit_log' });
  expect(exports.rows[0]).toMatchObject({ action: 'export', entity: 'audit_log' });
});

test('the sub-navigation works by keyboard, and every settings screen has English text', async ({ page, bridge, vault }) => {
  await enterApp(page, bridge, vault);
  const settings = new SettingsPages(page);
  await settings.open();
  const tabs = settings.tabs.getByRole('button');
  await expect(tabs).toHaveText(['Generelt', 'Sikkerhedskopier', 'Sletning', 'Revisionsspor', 'Bydele og indsatser']);
  await expect(tabs.first()).toHaveAttribute('aria-current', 'page');
  // Tab from the heading to the sub-navigation, Enter opens the screen and focuses its heading.
  await tabs.nth(2).focus();
  await page.keyboard.press('Enter');
  await expect(settings.heading('Sletning af gamle sager')).toBeFocused();
  await expect(page).toHaveTitle('Indstillinger – SSP Desk');
  await expect(page.getByTestId('retention-empty')).toHaveText('Ingen sager skal slettes lige nu.');
  await screenshot(page, 'settings-04b-retention-empty');
  await expectAccessible(page, 'retention empty');

  await settings.tab('Generelt');
  await page.getByLabel('Sprog i SSP Desk').selectOption('en');
  const en = page.getByRole('navigation', { name: 'Settings' }).getByRole('button');
  await expect(en).toHaveText(['General', 'Backups', 'Deletion', 'Audit trail', 'Districts and efforts']);
  for (const [label, heading] of [
    ['Backups', 'Backups'],
    ['Deletion', 'Deleting old cases'],
    ['Audit trail', 'Audit trail'],
    ['Districts and efforts', 'Districts and efforts'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
  }
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'General', exact: true }).click();
  await page.getByLabel('Language in SSP Desk').selectOption('da');
  await expect(settings.heading('Indstillinger')).toBeVisible();
});
