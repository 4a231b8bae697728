import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { seedDemoData } from '../../src/main/demo-data';
import { operationNames } from '../../src/shared/contract';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { addDays, addMonths, addYears, periodOf } from '../../src/shared/core/dates';
import type { Bridge } from './bridge';
import { expect, expectAccessible, screenshot } from './fixtures';
import { call, SettingsPages, test } from './pages/SettingsPages';

/**
 * Reliability end to end (issue 8, "What it must show"), in Chromium against the real handlers
 * and a real encrypted vault:
 * - the idle lock clears the screen and the data (page.clock drives the renderer's timer);
 * - a backup made and restored through the UI;
 * - a tampered, a truncated and a foreign backup refused with main's Danish message, vault intact;
 * - a retention deletion through the UI, with the report export for past periods unchanged.
 */

const owner = { name: 'Birthe Backupsen', role: 'SSP-koordinator', area: 'Bispebjerg' };
const passphrase = 'Rød trappe ved Bispebjerg Torv 31';
const today = todayOf(new Date());
const BISPEBJERG = 6;

// Fictional young people; no real person is meant.
const PEOPLE = [
  { firstName: 'Asger', lastName: 'Låsemand' },
  { firstName: 'Vilma', lastName: 'Tomgangsen' },
  { firstName: 'Noa', lastName: 'Skærmbæk' },
];
const OLD = [
  { firstName: 'Ejner', lastName: 'Gammelgaard' },
  { firstName: 'Kamma', lastName: 'Udløbsen' },
];

async function enterApp(page: Page, bridge: Bridge, vault: { open(url: string): Promise<void>; createVault(o: typeof owner, p: string): Promise<string>; confirmRecoveryKey(): Promise<void> }) {
  await vault.open(bridge.url);
  const recoveryKey = await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  return recoveryKey;
}

/** An open case for a new young person (15 years old when it opened). */
function openCase(bridge: Bridge, p: { firstName: string; lastName: string }, openedOn: string, level = 3) {
  return call<CaseDetail>(bridge, 'cases.open', {
    person: { ...p, birthDate: addYears(openedOn, -15), districtId: BISPEBJERG, school: 'Tagensbo Skole' },
    level,
    reason: 'Gentagne indbrud i kolonihaver',
    districtId: BISPEBJERG,
    coordinator: owner.name,
    openedOn,
  });
}

/** A case opened four years ago and closed `monthsAgo` months ago. */
async function closedCase(bridge: Bridge, p: { firstName: string; lastName: string }, monthsAgo: number) {
  const c = await openCase(bridge, p, addYears(today, -4), 2);
  return call<CaseDetail>(bridge, 'cases.close', { caseId: c.id, closedOn: addMonths(today, -monthsAgo), reason: 'concern-ended' });
}

async function caseNumbers(bridge: Bridge): Promise<string[]> {
  const list = await call<{ rows: { caseNumber: string }[] }>(bridge, 'cases.list', { status: 'all', limit: 500 });
  return list.rows.map((r) => r.caseNumber).sort();
}

test('idle lock: after the idle time the unlock screen shows and nothing of the data is left in the page', async ({ page, bridge, vault, shell }) => {
  // The renderer's Date.now and setTimeout become Playwright's clock; time still flows by itself.
  await page.clock.install();
  await enterApp(page, bridge, vault);
  const open = await Promise.all(PEOPLE.map((p, i) => openCase(bridge, p, addDays(today, -30 - i))));
  const old = [await closedCase(bridge, OLD[0]!, 30), await closedCase(bridge, OLD[1]!, 26)];
  const secrets = [
    owner.name,
    owner.role,
    ...[...open, ...old].flatMap((c) => [c.caseNumber, c.person.firstName, c.person.lastName, `${c.person.firstName} ${c.person.lastName}`]),
  ];

  // Data on screen: the retention list (names and case numbers of closed cases), then the case list.
  const settings = new SettingsPages(page);
  await settings.open('Sletning');
  await expect(settings.retentionRows()).toHaveCount(2);
  await expect(settings.retentionRows().first()).toContainText(old[0]!.caseNumber);
  await shell.goTo('Sager');
  await expect(shell.main.getByText(open[0]!.person.lastName).first()).toBeVisible();
  // Something typed but not saved is in the page too (it must go as well).
  await settings.open();
  await page.getByLabel('Nuværende adgangskode').fill(passphrase);

  // Input keeps it open: 4 minutes idle, a key press, 4 more minutes: still unlocked (5 is the default).
  await page.clock.fastForward('04:00');
  await page.getByLabel('Nuværende adgangskode').press('End');
  await page.clock.fastForward('04:00');
  await expect(shell.nav).toBeVisible();
  await expect(vault.unlockHeading).toBeHidden();

  // No input for more than 5 minutes: locked.
  await page.clock.fastForward('01:01');
  await expect(vault.unlockHeading).toBeVisible();
  await expect(vault.unlockField).toBeFocused();
  await expect(page).toHaveTitle('Lås op – SSP Desk');
  expect(bridge.ctx.vault.state(), 'main has locked the vault').not.toBe('unlocked');

  const text = await page.evaluate(() => document.body.innerText);
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const secret of [...secrets, passphrase]) {
    expect(text, `innerText holds "${secret}"`).not.toContain(secret);
    expect(html, `outerHTML holds "${secret}"`).not.toContain(secret);
  }
  expect(await page.title()).not.toContain(owner.name);
  await screenshot(page, 'reliability-01-idle-locked');
  await expectAccessible(page, 'locked after idle');

  // The data comes back only with the passphrase.
  await vault.unlock(passphrase);
  await shell.expectVisible(owner.name);
});

test('backup made and restored through the UI: a case added after the backup is gone', async ({ page, bridge, vault, shell }) => {
  await enterApp(page, bridge, vault);
  const before = await openCase(bridge, PEOPLE[0]!, addDays(today, -40));

  // The header reminds while no backup has been taken; it leads to Sikkerhedskopier.
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toBeVisible();
  await expect(reminder).toHaveAccessibleName('Tag sikkerhedskopi (der er endnu ikke taget en sikkerhedskopi)');
  await reminder.click();
  const settings = new SettingsPages(page);
  await expect(settings.heading('Sikkerhedskopier')).toBeFocused();
  await expect(page.getByTestId('last-backup')).toHaveText('Ingen endnu');
  await expect(settings.main.locator('.alert-warning')).toContainText('Der er endnu ikke taget en sikkerhedskopi');

  await settings.createBackup();
  await expect(settings.main.locator('.alert-warning')).toHaveCount(0);
  await expect(page.getByTestId('last-backup')).not.toHaveText('Ingen endnu');
  expect(readdirSync(bridge.ctx.backupDir).filter((f) => f.endsWith('.sspbak'))).toHaveLength(1);
  await shell.goTo('Sager');
  await expect(reminder).toBeHidden();

  // After the backup: a new case, and a new passphrase (the backup keeps the old one).
  const after = await openCase(bridge, PEOPLE[1]!, addDays(today, -5));
  expect(await caseNumbers(bridge)).toEqual([before.caseNumber, after.caseNumber].sort());
  const newPassphrase = 'Ny adgangskode efter kopien, grøn stige 8';
  await call(bridge, 'vault.changePassphrase', { current: passphrase, next: newPassphrase, nextConfirm: newPassphrase });

  await settings.open('Sikkerhedskopier');
  await screenshot(page, 'settings-02-backups');
  await expectAccessible(page, 'backups');
  // Today's passphrase does not open the backup: main's message at the field, nothing changed, what was typed stays.
  let dialog = await settings.startRestore(newPassphrase);
  await expect(dialog.locator('#restore-secret-error')).toContainText('Adgangskoden passer ikke til sikkerhedskopien');
  await expect(dialog.getByLabel('Adgangskoden, da kopien blev taget')).toHaveValue(newPassphrase);
  await screenshot(page, 'settings-03-restore-dialog');
  await expectAccessible(page, 'restore dialog');
  await expect(dialog.getByLabel('Adgangskoden, da kopien blev taget')).toBeFocused();
  expect(await caseNumbers(bridge)).toEqual([before.caseNumber, after.caseNumber].sort());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(settings.backupRows().first().getByRole('button', { name: /^Gendan/ })).toBeFocused();

  // The passphrase that applied when the backup was taken.
  dialog = await settings.startRestore(passphrase);
  await expect(dialog).toBeHidden();
  const done = page.getByRole('status').filter({ hasText: 'er gendannet' });
  await expect(done).toBeFocused();
  await expect(done).toContainText('Fremover låser du op med den adgangskode, der gjaldt dengang');
  expect(await caseNumbers(bridge)).toEqual([before.caseNumber]);
  await screenshot(page, 'settings-03b-restored');

  // The app goes on working on the restored vault, and the case from after the backup is gone.
  await shell.goTo('Sager');
  await expect(shell.main.getByText(before.person.lastName).first()).toBeVisible();
  await expect(shell.main.getByText(after.person.lastName)).toHaveCount(0);
  // From now on the old passphrase opens the vault again.
  await vault.lock();
  await vault.submitUnlock(newPassphrase);
  await expect(vault.unlockError()).toContainText('Forkert adgangskode');
  await vault.unlock(passphrase);
  await shell.expectVisible(owner.name);
});

test('a tampered, a truncated and a foreign backup are refused with a Danish message; the vault is untouched', async ({ page, bridge, vault }) => {
  await enterApp(page, bridge, vault);
  const kept = await openCase(bridge, PEOPLE[2]!, addDays(today, -60));
  const settings = new SettingsPages(page);
  await settings.open('Sikkerhedskopier');
  await settings.createBackup();

  // Flip bytes in the middle of the file (inside the encrypted database part).
  const [file] = readdirSync(bridge.ctx.backupDir).filter((f) => f.endsWith('.sspbak'));
  const path = join(bridge.ctx.backupDir, file!);
  const bytes = readFileSync(path);
  const mid = Math.floor(bytes.length / 2);
  for (let i = mid; i < mid + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(path, bytes);

  let dialog = await settings.startRestore(passphrase);
  const refused = dialog.getByRole('alert');
  await expect(refused).toContainText('Sikkerhedskopien blev ikke gendannet');
  await expect(refused).toContainText('Sikkerhedskopien er beskadiget eller ændret (kontrolsummen passer ikke). Den er ikke indlæst, og intet er ændret.');
  await expect(refused).toBeFocused();
  await expect(dialog.getByLabel('Adgangskoden, da kopien blev taget')).toHaveValue(passphrase);
  await screenshot(page, 'settings-03-restore-refused');
  await expectAccessible(page, 'restore refused');
  await dialog.getByRole('button', { name: 'Annullér' }).click();
  await expect(dialog).toBeHidden();

  // Truncated: the first half of a good backup, under a name the app would give it.
  const good = await call<{ fileName: string }>(bridge, 'backup.create', {});
  const goodBytes = readFileSync(join(bridge.ctx.backupDir, good.fileName));
  const truncatedName = 'ssp-desk-backup-2000-01-01T00-00-00Z-0001.sspbak';
  writeFileSync(join(bridge.ctx.backupDir, truncatedName), goodBytes.subarray(0, Math.floor(goodBytes.length / 2)));
  // Foreign: not a backup at all.
  const foreignName = 'ssp-desk-backup-2000-01-01T00-00-00Z-0002.sspbak';
  writeFileSync(join(bridge.ctx.backupDir, foreignName), 'Navn;CPR\nIkke en sikkerhedskopi;0101011234\n');
  await settings.tab('Generelt');
  await settings.tab('Sikkerhedskopier');
  await expect(settings.backupRows()).toHaveCount(4);

  const rowOf = (name: string) => settings.backupRows().filter({ hasText: name });
  for (const [name, message] of [
    [truncatedName, 'Sikkerhedskopien er ufuldstændig (filen er afkortet). Den er ikke indlæst, og intet er ændret.'],
    [foreignName, 'Filen er ikke en sikkerhedskopi fra SSP Desk.'],
  ] as const) {
    await rowOf(name).getByRole('button', { name: /^Gendan/ }).click();
    dialog = settings.restoreDialog();
    await dialog.getByLabel('Adgangskoden, da kopien blev taget').fill(passphrase);
    await dialog.getByRole('button', { name: 'Gendan sikkerhedskopien' }).click();
    await expect(dialog.getByRole('alert')).toContainText(message);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // Still the same vault, open and working: the case is there, the app answers, the untouched backup restores.
  expect(bridge.ctx.vault.state()).toBe('unlocked');
  expect(await caseNumbers(bridge)).toEqual([kept.caseNumber]);
  await rowOf(good.fileName).getByRole('button', { name: /^Gendan/ }).click();
  await settings.restoreDialog().getByLabel('Adgangskoden, da kopien blev taget').fill(passphrase);
  await settings.restoreDialog().getByRole('button', { name: 'Gendan sikkerhedskopien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'er gendannet' })).toBeVisible();
  expect(await caseNumbers(bridge)).toEqual([kept.caseNumber]);
});

/** The report export (JSON) for a period, parsed, without its generatedAt. */
async function reportExport(bridge: Bridge, period: string, mode: 'exact' | 'anonymised') {
  const file = await call<{ base64: string }>(bridge, 'report.export', { period, mode, format: 'json' });
  const report = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Record<string, unknown>;
  expect(typeof report.generatedAt).toBe('string');
  delete report.generatedAt;
  return report;
}

test('retention: due cases deleted through the UI after a confirmation; reports for past periods stay the same', async ({ page, bridge, vault, shell }) => {
  test.setTimeout(120_000);
  await enterApp(page, bridge, vault);
  // Demo data (deterministic, closed cases spread over the years) plus two named cases closed 26 and 30 months ago.
  seedDemoData(bridge.ctx.vault.current.sqlite, { people: 80, seed: 8, today, now: new Date() });
  const old = [await closedCase(bridge, OLD[0]!, 30), await closedCase(bridge, OLD[1]!, 26)];
  const recent = await closedCase(bridge, PEOPLE[0]!, 20); // not due yet
  const due = await call<{ cases: { caseId: number; caseNumber: string }[] }>(bridge, 'retention.due', {});
  expect(due.cases.map((c) => c.caseNumber)).toEqual(expect.arrayContaining(old.map((c) => c.caseNumber)));
  expect(due.cases.map((c) => c.caseNumber)).not.toContain(recent.caseNumber);

  const hasReports = (operationNames as readonly string[]).includes('report.export');
  const options = hasReports ? await call<{ defaultPeriod: string }>(bridge, 'report.options', {}) : null;
  // The last complete half-year, and the half-years in which the named cases were closed.
  const periods = options ? [...new Set([options.defaultPeriod, ...old.map((c) => periodOf(c.closedOn!))])] : [];
  const reportsBefore = [];
  for (const period of periods) for (const mode of ['exact', 'anonymised'] as const) reportsBefore.push({ period, mode, report: await reportExport(bridge, period, mode) });

  const settings = new SettingsPages(page);
  await settings.open('Sletning');
  await expect(settings.main).toContainText('En lukket sag skal slettes 24 måneder efter, at den blev lukket.');
  await expect(settings.retentionRows()).toHaveCount(due.cases.length);
  for (const c of old) await expect(settings.retentionRows().filter({ hasText: c.caseNumber })).toContainText(`${c.person.firstName} ${c.person.lastName}`);

  // Nothing chosen: a message, no dialog.
  await settings.main.getByRole('button', { name: 'Slet valgte sager' }).click();
  await expect(settings.main.getByRole('alert')).toHaveText(/Vælg de sager, der skal slettes/);
  await expect(settings.retentionDialog()).toHaveCount(0);

  // Choose all, then the dialog says exactly what will happen; Annullér has the focus.
  await page.getByLabel('Vælg alle sager').check();
  await screenshot(page, 'settings-04c-retention-list');
  await expectAccessible(page, 'retention list');
  const deleteButton = settings.main.getByRole('button', { name: `Slet ${due.cases.length} valgte sager` });
  await deleteButton.click();
  const dialog = settings.retentionDialog();
  await expect(dialog.getByRole('heading', { name: `Slet ${due.cases.length} sager for altid?` })).toBeVisible();
  await expect(dialog).toContainText('Sletningen kan ikke fortrydes');
  await expect(dialog).toContainText(`${old[0]!.caseNumber} – ${old[0]!.person.firstName} ${old[0]!.person.lastName}`);
  await expect(dialog.getByRole('button', { name: 'Annullér' })).toBeFocused();
  await screenshot(page, 'settings-05-retention-confirm');
  await expectAccessible(page, 'retention confirm dialog');
  // Escape cancels: nothing deleted.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  expect((await call<{ cases: unknown[] }>(bridge, 'retention.due', {})).cases).toHaveLength(due.cases.length);

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Slet for altid' }).click();
  const result = page.getByRole('status').filter({ hasText: `${due.cases.length} sager er slettet` });
  await expect(result).toBeFocused();
  await expect(page.getByTestId('retention-empty')).toHaveText('Ingen sager skal slettes lige nu.');
  for (const c of old) {
    await expect(settings.main).not.toContainText(c.caseNumber);
    await expect(settings.main).not.toContainText(c.person.lastName);
  }
  await screenshot(page, 'settings-06-retention-done');

  // Gone from the case list and from the register; the case that was not due is still there.
  const numbers = await caseNumbers(bridge);
  for (const c of old) expect(numbers).not.toContain(c.caseNumber);
  expect(numbers).toContain(recent.caseNumber);
  await shell.goTo('Sager');
  await expect(shell.main.getByText(old[0]!.person.lastName)).toHaveCount(0);
  const trail = await call<{ rows: { action: string; entity: string; detail: string | null }[] }>(bridge, 'audit.list', { entity: 'retention' });
  expect(trail.rows[0]).toMatchObject({ action: 'delete', entity: 'retention', detail: expect.stringMatching(new RegExp(`^cases:${due.cases.length};people:\\d+$`)) });

  // The report exports for the last complete half-year and for the half-years the deleted cases were closed in: identical.
  test.info().annotations.push({ type: 'report comparison', description: hasReports ? `periods ${periods.join(', ')} x exact/anonymised` : 'report.export not in the contract yet' });
  for (const before of reportsBefore) {
    expect(await reportExport(bridge, before.period, before.mode), `${before.period} ${before.mode}`).toEqual(before.report);
  }
});
