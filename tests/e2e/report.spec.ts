import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ReportFileOutput } from '../../src/shared/semiannual-report/contract';
import { buildReportFixture, PEOPLE, secrets } from '../fixtures/report/fixture';
import { call } from './bridge';
import { pivotCell } from './pages/ReportPages';
import { expect, expectAccessible, SCREENSHOT_DIR, screenshot, test } from './fixtures';

/**
 * Halvårsrapport end to end on the hand-made register (tests/fixtures/report): the report for
 * 2026-H1 anonymised, the switch to exact figures behind a confirmation, CSV downloads in both
 * modes, an assessment refused for a name, the printable view, and the merge of district files.
 */

const owner = { name: 'Karen Koordinatorsen', role: 'SSP-koordinator', area: 'SSP Amager Vest' };
const passphrase = 'Grøn cykel under Valby Langgade 42';


const activeTable = (page: Page) => page.locator('table[data-table="casesByLevel.active"]');

test('halvårsrapport: anonymised and exact, CSV export, assessment check, print, merge', async ({ page, bridge, vault, shell }) => {
  test.setTimeout(180_000);
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  await buildReportFixture((name, input) => call(bridge, name, input));

  await shell.goTo('Halvårsrapport');
  // The last half-year that has ended is chosen (the fixture's dates are in 2026).
  const period = page.getByLabel('Periode', { exact: true });
  await period.selectOption('2026-H1');
  await expect(page.getByRole('heading', { level: 2, name: 'Tal for 1. halvår 2026', exact: true })).toBeVisible();

  // The owner's own district is preselected (the vault's SSP area is "SSP Amager Vest").
  await expect(page.getByText('Dine bydele (Amager Vest) er valgt ud fra dit SSP-område.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Amager Vest', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Valby', exact: true })).not.toBeChecked();
  // Key figures and charts come before the export and the tables.
  const order = await page.locator('.report-body h2').allTextContents();
  expect(order.slice(0, 4)).toEqual(['Nøgletal for 1. halvår 2026', 'Diagrammer', 'Eksportér og udskriv', 'Tal for 1. halvår 2026']);

  // Only the three districts of the fixture.
  await page.getByRole('button', { name: 'Fravælg alle' }).click();
  await expect(page.getByText('Vælg mindst én bydel for at se rapporten.')).toBeVisible();
  for (const d of ['Nørrebro', 'Valby', 'Amager Vest']) await page.getByRole('checkbox', { name: d, exact: true }).check();

  // ---- anonymised (the default) ----
  await expect(page.locator('.report-body')).toHaveAttribute('data-mode', 'anonymised');
  const active = activeTable(page);
  await expect(active.getByRole('rowheader', { name: 'Amager Vest', exact: true })).toBeVisible();
  expect(await pivotCell(active, 'Amager Vest', 'Niveau 1')).toBe('<5');
  expect(await pivotCell(active, 'Valby', 'Niveau 3')).toBe('0');
  await expect(page.getByText('»<5« er et skjult tal')).toBeVisible();
  await expect(page.locator('[data-chart="trend"] svg')).toBeVisible();
  await expect(page.locator('[data-chart="district-level"] svg')).toBeVisible();
  // Key figures: the three districts' total of active cases (14) adds up a hidden count (Amager Vest,
  // level 1), so in the anonymised view it is hidden too: a subset's total is shown only when every
  // count it sums is shown (issue 16 item 1; docs/report-format.md). The true figures: exact, below.
  const key = page.getByTestId('report-key-figures');
  await expect(key.locator('div', { hasText: 'Aktive sager ved periodens slut' }).locator('dd')).toHaveText('<5');
  await expect(page.getByText('1 aktive, 1 nye og 0 afsluttede sager har ingen bydel')).toBeVisible();
  await screenshot(page, 'report-01-anonymised');
  await expectAccessible(page, 'report anonymised');

  // No personal data anywhere on the screen.
  const text = await page.evaluate(() => document.documentElement.textContent ?? '');
  for (const p of PEOPLE) expect(text).not.toContain(p.lastName);

  // ---- anonymised CSV ----
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent CSV (Excel)' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toBe('halvaarsrapport-2026-H1-noerrebro-valby-amager-vest-anonymiseret.csv');
  let csv = readFileSync((await file.path()) as string, 'utf8');
  expect(csv.startsWith('\uFEFFHalvårsrapport;Urolige områder i København\r\n')).toBe(true);
  expect(csv).toContain('Tilstand;Anonymiseret (små tal er skjult)');
  expect(csv).toContain('Bydele;Nørrebro, Valby, Amager Vest');
  await expect(page.getByRole('status').filter({ hasText: 'anonymiseret.csv er hentet' })).toBeVisible();

  // ---- exact takes a confirmation ----
  await page.getByRole('radio', { name: 'Eksakte tal' }).check();
  const confirm = page.locator('.report-exact-confirm');
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText('Eksakte tal kan identificere unge');
  await page.getByRole('button', { name: 'Vis eksakte tal' }).click();
  await expect(confirm).toContainText('Sæt flueben for at bekræfte');
  await expect(page.locator('.report-body')).toHaveAttribute('data-mode', 'anonymised');
  await screenshot(page, 'report-02-exact-confirm');
  await expectAccessible(page, 'report exact confirmation');
  await page.getByLabel('Jeg forstår, at de eksakte tal ikke må deles').check();
  await page.getByRole('button', { name: 'Vis eksakte tal' }).click();
  await expect(page.locator('.report-body')).toHaveAttribute('data-mode', 'exact');
  await expect(page.getByText('Eksakte tal – må ikke offentliggøres')).toBeVisible();
  expect(await pivotCell(activeTable(page), 'Amager Vest', 'Niveau 1')).toBe('2');
  expect(await pivotCell(activeTable(page), 'Alle bydele', 'I alt')).toBe('14');
  // Key figures: the city totals of the fixture's three districts (14 active, 7 new, 5 closed).
  await expect(key.locator('div', { hasText: 'Aktive sager ved periodens slut' }).locator('dd')).toHaveText('14');
  await expect(key.locator('div', { hasText: 'Nye sager i perioden' }).locator('dd')).toHaveText('7');
  await expect(key.locator('div', { hasText: 'Afsluttede sager i perioden' }).locator('dd')).toHaveText('5');
  expect(await pivotCell(page.locator('table[data-table="casesByLevel.new"]'), 'Nørrebro', 'Niveau 1')).toBe('1');
  await screenshot(page, 'report-03-exact');
  await expectAccessible(page, 'report exact');

  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent CSV (Excel)' }).click();
  file = await download;
  expect(file.suggestedFilename()).toBe('halvaarsrapport-2026-H1-noerrebro-valby-amager-vest-eksakt.csv');
  csv = readFileSync((await file.path()) as string, 'utf8');
  expect(csv).toContain('Tilstand;Eksakt (alle tal vises, må ikke offentliggøres)');
  expect(csv).toContain('\r\nAmager Vest;1;2;2;0\r\n');
  expect(csv).toContain('\r\nAlle bydele;I alt;14;7;5\r\n');
  for (const secret of secrets()) expect(csv, secret).not.toContain(secret);

  // ---- an assessment with a name is saved with a warning and stops the export ----
  const field = page.getByLabel('Vurdering for Valby');
  await field.fill('Uro ved stationen. Stikprøvesen og vennerne er set flere gange.');
  // Saved without a button, a moment after typing stops.
  await expect(page.locator('[data-district="Valby"] [role="status"]')).toContainText('Vurderingen for Valby er gemt.');
  await expect(page.locator('[data-district="Valby"] .form-error-message')).toContainText('fornavn eller efternavn på en person i boksen');
  await page.getByRole('button', { name: 'Hent CSV (Excel)' }).click();
  const refusal = page.locator('.report-export .alert-error');
  await expect(refusal).toContainText('Vurderingen for Valby indeholder et ord, der er fornavn eller efternavn');
  await expect(refusal).not.toContainText('Stikprøvesen');
  await refusal.scrollIntoViewIfNeeded();
  await screenshot(page, 'report-04-assessment-refused');
  await expectAccessible(page, 'report assessment refused');
  await field.fill('Uro ved stationen om aftenen. Færre unge i klubberne end sidste halvår.');
  await field.blur(); // leaving the field saves at once
  await expect(page.locator('[data-district="Valby"] [role="status"]')).toContainText('Vurderingen for Valby er gemt.');
  await expect(page.locator('[data-district="Valby"] .form-error-message')).toHaveCount(0);
  // Typed and left the screen at once: the text is saved all the same.
  await page.getByLabel('Vurdering for Nørrebro').fill('Roligt halvår; nye aftenåbne klubber.');
  await page.getByRole('button', { name: 'Udskriftsvenlig visning' }).click();
  await expect(page.getByTestId('report-sheet')).toContainText('Roligt halvår; nye aftenåbne klubber.');
  await page.getByRole('button', { name: 'Tilbage til rapporten' }).click();

  // ---- printable view, exact, labelled ----
  await page.getByRole('button', { name: 'Udskriftsvenlig visning' }).click();
  const sheet = page.getByTestId('report-sheet');
  await expect(sheet.getByRole('heading', { level: 1, name: 'Halvårsrapport: Urolige områder i København' })).toBeVisible();
  await expect(sheet).toContainText('Eksakte tal – må ikke offentliggøres');
  await expect(sheet).toContainText('Uro ved stationen om aftenen.');
  await screenshot(page, 'report-05-print');
  await expectAccessible(page, 'report print');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'report-06-print-media');
  // The PDF that "Gem som PDF" in the print dialog makes (Chromium's own printing, A4 from the page's @page rule).
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SCREENSHOT_DIR}/report-print.pdf`, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', `${SCREENSHOT_DIR}/report-print.pdf`, `${SCREENSHOT_DIR}/report-print-page`]);
  const info = execFileSync('pdfinfo', [`${SCREENSHOT_DIR}/report-print.pdf`]).toString();
  expect(info).toMatch(/Page size:.*\(A4\)/);
  // The document's title, which the print dialog's "Gem som PDF" names the file after, says what it holds.
  expect(info).toContain('Title:           Halvårsrapport 1. halvår 2026 – Nørrebro, Valby, Amager Vest – eksakte tal');
  const pages = execFileSync('pdftotext', ['-layout', `${SCREENSHOT_DIR}/report-print.pdf`, '-']).toString().split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBe(Number(/Pages:\s+(\d+)/.exec(info)?.[1]));
  expect(pages.length).toBeGreaterThanOrEqual(5); // facts and key figures, then a page per section
  expect(pages.length).toBeLessThanOrEqual(14); // 13 since the Sikker By, Tryghed og uro and trend sections
  expect(pages[0]!.toUpperCase()).toContain('EKSAKTE TAL – MÅ IKKE OFFENTLIGGØRES');
  for (const [i, p] of pages.entries()) {
    expect(p, `page ${i + 1}`).toContain('Halvårsrapport: Urolige områder i København');
    expect(p, `page ${i + 1}`).toContain(`Side ${i + 1} af ${pages.length}`);
    // A page with a table holds the district column: the header and every district's row.
    if (p.includes('Alle bydele')) for (const d of ['Bydel', 'Nørrebro', 'Valby', 'Amager Vest']) expect(p, `page ${i + 1}: ${d}`).toContain(d);
  }
  expect(pages.at(-1)).toContain('Uro ved stationen om aftenen.');
  for (const secret of secrets()) expect(pages.join('\n'), secret).not.toContain(secret);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Tilbage til rapporten' }).click();
  await expect(page.locator('.report-body')).toHaveAttribute('data-mode', 'exact'); // the selection is kept
  await page.getByRole('button', { name: 'Skift til anonymiserede tal' }).click();
  await expect(page.locator('.report-body')).toHaveAttribute('data-mode', 'anonymised');

  // ---- merge district files ----
  const exportDistrict = async (district: string) =>
    call<ReportFileOutput>(bridge, 'report.export', { period: '2026-H1', districts: [district], mode: 'exact', format: 'json', unit: `SSP ${district}` });
  const files = await Promise.all(['Amager Vest', 'Nørrebro', 'Valby'].map(exportDistrict));
  await page.getByRole('button', { name: 'Saml bydelsrapporter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saml bydelsrapporter' })).toBeVisible();
  await page.getByLabel('Rapportfiler (JSON)').setInputFiles(
    files.map((f) => ({ name: f.fileName, mimeType: 'application/json', buffer: Buffer.from(f.base64, 'base64') })),
  );
  await page.getByRole('button', { name: 'Saml rapporterne' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Samlet rapport for 1. halvår 2026 med 3 bydele' })).toBeVisible();
  await expect(page.locator('[data-mode="anonymised"]')).toBeVisible();
  expect(await pivotCell(activeTable(page), 'Amager Vest', 'Niveau 1')).toBe('<5');
  // Which of the city's bydele came in (by hand: the ten minus Nørrebro, Valby and Amager Vest, in the city's order).
  await expect(page.getByText('Modtaget 3 af 10 bydele')).toBeVisible();
  await expect(page.getByTestId('merge-coverage')).toContainText(
    'Mangler: Indre By, Østerbro, Vesterbro/Kongens Enghave, Vanløse, Brønshøj-Husum, Bispebjerg, Amager Øst.',
  );
  await screenshot(page, 'report-07-merge');
  await expectAccessible(page, 'report merge');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent CSV (Excel)' }).click();
  file = await download;
  expect(file.suggestedFilename()).toBe('halvaarsrapport-2026-H1-noerrebro-valby-amager-vest-anonymiseret.csv');

  // A refused merge says why: the same file twice.
  await page.getByLabel('Rapportfiler (JSON)').setInputFiles(
    [files[0]!, files[0]!].map((f, i) => ({ name: `${i}-${f.fileName}`, mimeType: 'application/json', buffer: Buffer.from(f.base64, 'base64') })),
  );
  await page.getByRole('button', { name: 'Saml rapporterne' }).click();
  await expect(page.locator('.alert-error')).toContainText('Bydelen "Amager Vest" findes både i');
  await screenshot(page, 'report-08-merge-refused');

  // A district inside Amager Vest ("distrikt 15") with Amager Vest itself: refused, naming both files.
  await call(bridge, 'districts.save', { name: 'Sundbyvester (distrikt 15)', areas: ['amager-vest/distrikt-15'] });
  const inside = await call<ReportFileOutput>(bridge, 'report.export', { period: '2026-H1', districts: ['Sundbyvester (distrikt 15)'], mode: 'exact', format: 'json' });
  await page.getByLabel('Rapportfiler (JSON)').setInputFiles(
    [files[0]!, inside].map((f) => ({ name: f.fileName, mimeType: 'application/json', buffer: Buffer.from(f.base64, 'base64') })),
  );
  await page.getByRole('button', { name: 'Saml rapporterne' }).click();
  await expect(page.locator('.alert-error')).toContainText(
    '"Amager Vest" i filen "halvaarsrapport-2026-H1-amager-vest-eksakt.json" og "Sundbyvester (distrikt 15)" i filen "halvaarsrapport-2026-H1-sundbyvester-distrikt-15-eksakt.json" dækker det samme område af Amager Vest',
  );
  await screenshot(page, 'report-09-merge-overlap');
  await expectAccessible(page, 'report merge overlap');
});
