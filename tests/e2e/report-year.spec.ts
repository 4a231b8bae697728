import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ReportFileOutput } from '../../src/shared/semiannual-report/contract';
import { buildReportFixture } from '../fixtures/report/fixture';
import { call } from './bridge';
import { pivotCell } from './pages/ReportPages';
import { expect, expectAccessible, SCREENSHOT_DIR, screenshot, test } from './fixtures';

/**
 * The year view (issue 16): "Hele året 2026" among the periods with the owner's bydel
 * preselected, the trend tables on screen and in the printed PDF (in the app's font, not a
 * serif fallback), and the merge of the two halves of 2026 into a year report.
 *
 * By hand from the fixture's notes (tests/fixtures/report/fixture.ts) for Nørrebro, Valby and
 * Amager Vest: 2026-H1 has 14 active, 7 new and 5 closed; after 30 June, A6 opens (1 July),
 * N7 closes (5 July) and V4 is reopened (7 July, not new). The year 2026: 8 new, 6 closed, and
 * 14 + 1 - 1 + 1 = 15 active at its end.
 */

const owner = { name: 'Karen Koordinatorsen', role: 'SSP-koordinator', area: 'SSP Amager Vest' };
const passphrase = 'Grøn cykel under Valby Langgade 42';
const THREE = ['Nørrebro', 'Valby', 'Amager Vest'];

test('year view: Hele året 2026 on screen and in print, merge of its two halves', async ({ page, bridge, vault, shell }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  await buildReportFixture((name, input) => call(bridge, name, input));

  await shell.goTo('Halvårsrapport');
  const period = page.getByLabel('Periode', { exact: true });
  // The years whose two halves have data sit before their halves.
  const labels = await period.locator('option').allTextContents();
  expect(labels.slice(0, 4)).toEqual(['Hele året 2026', '2. halvår 2026', '1. halvår 2026', 'Hele året 2025']);
  await period.selectOption({ label: 'Hele året 2026' });
  await expect(page.getByRole('heading', { level: 2, name: 'Tal for hele året 2026', exact: true })).toBeVisible();
  // The owner's bydel stays preselected.
  await expect(page.getByRole('checkbox', { name: 'Amager Vest', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Valby', exact: true })).not.toBeChecked();
  await expect(page.getByText('Året er de to halvår lagt sammen')).toBeVisible();
  for (const d of ['Nørrebro', 'Valby']) await page.getByRole('checkbox', { name: d, exact: true }).check();

  // Exact, behind its confirmation: the year's figures by hand.
  await page.getByRole('radio', { name: 'Eksakte tal' }).check();
  await page.getByLabel('Jeg forstår, at de eksakte tal ikke må deles').check();
  await page.getByRole('button', { name: 'Vis eksakte tal' }).click();
  await expect(page.locator('.report-body')).toHaveAttribute('data-mode', 'exact');
  expect(await pivotCell(page.locator('table[data-table="casesByLevel.active"]'), 'Alle bydele', 'I alt')).toBe('15');
  expect(await pivotCell(page.locator('table[data-table="casesByLevel.new"]'), 'Alle bydele', 'I alt')).toBe('8');
  expect(await pivotCell(page.locator('table[data-table="casesByLevel.closed"]'), 'Alle bydele', 'I alt')).toBe('6');
  // The trend: the last four half-years ending with the year's second half; 2026-H1's total as counted by hand.
  const trend = page.locator('table[data-table="trend.cases"]');
  await expect(trend).toBeVisible();
  const h1Total = trend.locator('tr', { has: page.getByRole('rowheader', { name: '1. halvår 2026', exact: true }) }).filter({ hasText: 'I alt' });
  await expect(h1Total.locator('td')).toHaveText(['I alt', '14', '7', '5']);
  await expect(page.locator('table[data-table="trend.other"] tbody tr')).toHaveCount(4);
  await page.locator('#report-trend').scrollIntoViewIfNeeded();
  await screenshot(page, 'report-year-01-screen');
  await page.locator('section:has(> #report-trend)').screenshot({ path: `${SCREENSHOT_DIR}/report-year-01b-trend.png` });
  await page.locator('section:has(> #report-choose)').screenshot({ path: `${SCREENSHOT_DIR}/report-year-01a-choose.png` });
  await expectAccessible(page, 'report year');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent CSV (Excel)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('aarsrapport-2026-noerrebro-valby-amager-vest-eksakt.csv');
  const csv = readFileSync((await file.path()) as string, 'utf8');
  expect(csv.startsWith('\uFEFFÅrsrapport;Urolige områder i København\r\n')).toBe(true);
  expect(csv).toContain('\r\nUdvikling: sager pr. niveau, seneste halvår\r\n');
  expect(csv).toContain('\r\n1. halvår 2026 (2026-H1);I alt;14;7;5\r\n');

  // ---- printed: the trend is in it, and the PDF's fonts are the app's (no serif fallback) ----
  await page.getByRole('button', { name: 'Udskriftsvenlig visning' }).click();
  const sheet = page.getByTestId('report-sheet');
  await expect(sheet.getByRole('heading', { level: 2, name: 'Udvikling, seneste halvår' })).toBeVisible();
  // A year printed says so (it said "Halvårsrapport").
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Årsrapport: Urolige områder i København');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SCREENSHOT_DIR}/report-year-print.pdf`, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', `${SCREENSHOT_DIR}/report-year-print.pdf`, `${SCREENSHOT_DIR}/report-year-print-page`]);
  const fonts = execFileSync('pdffonts', [`${SCREENSHOT_DIR}/report-year-print.pdf`]).toString();
  const names = fonts.split('\n').slice(2).map((l) => l.split(/\s+/)[0] ?? '').filter(Boolean);
  expect(names.length).toBeGreaterThan(0);
  // Every font embedded is IBM Plex Sans (DKFDS's print rules would make the body Georgia, here a serif stand-in).
  for (const n of names) expect(n, fonts).toMatch(/IBMPlexSans/);
  const text = execFileSync('pdftotext', ['-layout', `${SCREENSHOT_DIR}/report-year-print.pdf`, '-']).toString();
  expect(text).toContain('Udvikling, seneste halvår');
  expect(text).toContain('Årsrapport: Urolige områder i København');
  expect(text).toMatch(/1\. halvår 2026\s+I alt\s+14\s+7\s+5/);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Tilbage til rapporten' }).click();

  // ---- merge the two halves of 2026 into a year report ----
  const half = async (p: string) => call<ReportFileOutput>(bridge, 'report.export', { period: p, districts: THREE, mode: 'exact', format: 'json' });
  const files = [await half('2026-H1'), await half('2026-H2')];
  await page.getByRole('button', { name: 'Saml bydelsrapporter' }).click();
  const input = page.getByLabel('Rapportfiler (JSON)');
  await input.setInputFiles(files.map((f) => ({ name: f.fileName, mimeType: 'application/json', buffer: Buffer.from(f.base64, 'base64') })));
  await page.getByRole('radio', { name: 'Eksakte tal' }).check();
  await page.getByLabel('Jeg forstår, at de eksakte tal ikke må deles').check();
  await page.getByRole('button', { name: 'Vis eksakte tal' }).click();
  await page.getByRole('button', { name: 'Saml rapporterne' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Samlet rapport for hele året 2026 med 3 bydele' })).toBeVisible();
  expect(await pivotCell(page.locator('table[data-table="casesByLevel.active"]'), 'Alle bydele', 'I alt')).toBe('15');
  expect(await pivotCell(page.locator('table[data-table="casesByLevel.new"]'), 'Alle bydele', 'I alt')).toBe('8');
  await expect(page.getByText('Året er de to halvår lagt sammen')).toBeVisible();
  await screenshot(page, 'report-year-02-merge');
  await expectAccessible(page, 'report year merge');

  // Two halves of different years: refused, naming both files.
  const old = await half('2025-H2');
  await input.setInputFiles([old, files[1]!].map((f) => ({ name: f.fileName, mimeType: 'application/json', buffer: Buffer.from(f.base64, 'base64') })));
  await page.getByRole('button', { name: 'Saml rapporterne' }).click();
  await expect(page.locator('.alert-error')).toContainText(
    'Rapporterne dækker forskellige perioder (filen "halvaarsrapport-2025-H2-noerrebro-valby-amager-vest-eksakt.json": 2025-H2, filen "halvaarsrapport-2026-H2-noerrebro-valby-amager-vest-eksakt.json": 2026-H2).',
  );
  await screenshot(page, 'report-year-03-merge-refused');
  await expectAccessible(page, 'report year merge refused');
});
