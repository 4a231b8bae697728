/**
 * The import screen on a sheet as a coordinator keeps it: a title row, unknown headers, a CPR
 * number that lost its zero, Calc's DD-MM-YY dates, two bad rows and a person already in the
 * vault. The mapping step, the preview of the rows as they will be stored, fixing the two rows in
 * place, the duplicate prompt, then everything in one import. Checked on screen and through the
 * dispatcher; screenshots at 1366x768; axe on every step.
 */
import type { CaseDetail, CaseRow } from '../../src/shared/cases/contract';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { call, CaseListPage, createSeededVault } from './pages/CasesPages';

type ListResult = { total: number; rows: CaseRow[] };

const SHEET = [
  'Sagsliste Nørrebro 2026;;;;;;',
  'Barnets fornavn;Barnets efternavn;CPR-nr.;Skole;Område;SSP-niveau;Startdato',
  'Ærle;Bøgh;101094002;Nørre Fælled Skole;Nørrebro;2;01-03-24',
  'Mads;Lyngå;2110094037;Husum Skole;Atlantis;3;15-11-23',
  'Åse;Kærholt;051210-4000;Valby Skole;Amager Øst;7;03-02-25',
  'Omar;Kildevang;3006114037;Kildevang Skole;Valby;1;09-08-22',
].join('\r\n');

test('import: mapping step for unknown headers, preview, two bad rows fixed in place, a duplicate linked', async ({ page, bridge, vault }) => {
  void vault;
  await createSeededVault(bridge, 0);
  const existing = await call<{ id: number }>(bridge, 'people.create', { firstName: 'Omar', lastName: 'Kildevang', cpr: '300611-4037' });
  const list = new CaseListPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await list.goto(bridge.url); // unlocked, the app starts on Overblik; goto goes on to Sager
  await list.empty.getByRole('button', { name: 'Importér' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importér sager' })).toBeVisible();

  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'sagsliste.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${SHEET}`, 'utf8') });
  await page.getByRole('button', { name: 'Importér', exact: true }).click();

  // Step 1: the header is found under the title; two columns are unknown and two fields missing.
  await expect(page.getByTestId('import-header-found')).toHaveText('Overskriften blev fundet i række 2.');
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByLabel('Indhold i kolonne C')).toHaveValue('cpr');
  await expect(page.getByLabel('Indhold i kolonne A')).toHaveValue('ignore');
  await expect(page.getByText('Mangler stadig: Fornavn, Efternavn.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Overskriftslinjen mangler kolonnerne fornavn, efternavn' })).toBeVisible();
  await screenshot(page, 'import-01-mapping');
  await expectAccessible(page, 'import mapping step');

  await page.getByLabel('Indhold i kolonne A').selectOption('fornavn');
  await page.getByLabel('Indhold i kolonne B').selectOption('efternavn');
  await page.getByRole('button', { name: 'Brug kolonnerne' }).click();

  // Step 2: the first good rows as they will be stored; the two bad rows and the duplicate.
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(1);
  await expect(preview.locator('tbody tr').first()).toContainText('Ærle');
  await expect(preview.locator('tbody tr').first()).toContainText('010109-xxxx');
  await expect(preview.locator('tbody tr').first()).toContainText('01.01.2009');
  await expect(preview.locator('tbody tr').first()).toContainText('01.03.2024');
  await expect(page.getByTestId('import-notes')).toContainText('Linje 3: CPR-nummeret havde mistet sit første ciffer (0)');
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('Linje 4: Ukendt bydel');
  await expect(errors).toContainText('Linje 5: Ugyldigt niveau');
  await expect(errors).toContainText('Linje 6: CPR-nummeret (kolonne cpr) findes allerede');
  const dups = page.getByTestId('import-duplicates');
  await expect(dups).toContainText('Linje 6: Omar Kildevang, født 30.06.2011');
  await expect(dups).toContainText('samme CPR-nummer (300611-xxxx)');
  const bydel = page.getByLabel('Linje 4, Bydel');
  const niveau = page.getByLabel('Linje 5, Niveau');
  await expect(bydel).toHaveValue('Atlantis');
  await expect(niveau).toHaveValue('7');
  await expect(page.getByTestId('import-fix').locator('input')).toHaveCount(2);
  await screenshot(page, 'import-02-preview-fix-duplicate');
  await expectAccessible(page, 'import preview, fix and duplicates');
  expect((await call<ListResult>(bridge, 'cases.list', { status: 'all' })).total).toBe(0);

  // Step 3: fix the two cells, link the duplicate, check again.
  await bydel.fill('Bispebjerg');
  await niveau.fill('1');
  await dups.getByLabel('Knyt sagen til den eksisterende person').check();
  await page.getByRole('button', { name: 'Tjek igen' }).click();
  await expect(page.getByTestId('import-ready')).toHaveText('Klar: 4 sager kan importeres.');
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await screenshot(page, 'import-03-ready');
  await expectAccessible(page, 'import ready');

  await page.getByRole('button', { name: 'Importér nu' }).click();
  await expect(page.getByRole('status').filter({ hasText: '4 sager er importeret' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toContainText('1 knyttet til eksisterende personer, 0 sprunget over.');
  await screenshot(page, 'import-04-done');
  await expectAccessible(page, 'import done');

  const all = await call<ListResult>(bridge, 'cases.list', { status: 'all', limit: 50 });
  expect(all.total).toBe(4);
  const details = await Promise.all(all.rows.map((r) => call<CaseDetail>(bridge, 'cases.get', { caseId: r.id })));
  const byName = new Map(details.map((d) => [d.person.firstName, d]));
  expect(byName.get('Mads')).toMatchObject({ district: 'Bispebjerg', level: 3, openedOn: '2023-11-15' });
  expect(byName.get('Åse')).toMatchObject({ district: 'Amager Øst', level: 1, openedOn: '2025-02-03' });
  expect(byName.get('Ærle')!.person).toMatchObject({ cpr: '010109-xxxx', birthDate: '2009-01-01' });
  expect(byName.get('Omar')!.person.id).toBe(existing.id);

  // The same headers next time: the mapping is remembered, no mapping step, imported at once.
  await page.getByLabel('Fil', { exact: true }).setInputFiles({
    name: 'sagsliste-2.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${SHEET.split('\r\n').slice(0, 2).join('\r\n')}\r\nIda;Østerå;300612-4000;Valby Skole;Valby;1;05-01-26\r\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 sag er importeret' })).toBeVisible();
  await expect(page.getByTestId('import-mapping')).toHaveCount(0);
  expect((await call<ListResult>(bridge, 'cases.list', { status: 'all' })).total).toBe(5);
});
