import type { Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { addDays, addYears } from '../../src/shared/core/dates';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { expect, expectAccessible, screenshot, test, daDate } from './fixtures';
import { call, CaseDetailPage, CaseListPage, createSeededVault } from './pages/CasesPages';

/**
 * Issue 19 end to end: SSP+ in the programme's order (close the case with "Overgået til SSP+",
 * then start the plan; a referral without a case), and the age scope's confirmation when a case
 * opens. Fictional young people, dated from today.
 */
const today = todayOf(new Date());
const main = (page: Page) => page.getByRole('main');
const heading = (page: Page, name: string | RegExp) => main(page).getByRole('heading', { level: 1, name });

test('close the case with "Overgået til SSP+", then start the plan on it', async ({ page, bridge, vault, shell }) => {
  void vault;
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  const c = await call<CaseDetail>(bridge, 'cases.open', {
    person: { firstName: 'Tobias', lastName: 'Overgård', birthDate: addYears(today, -19), districtId: 3 },
    level: 4,
    reason: 'Gentagen personfarlig kriminalitet',
    districtId: 3,
    openedOn: addDays(today, -200),
  });
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.row(c.caseNumber).click();
  const detail = new CaseDetailPage(page);
  await expect(detail.heading('Tobias Overgård')).toBeVisible();
  await detail.close('Overgået til SSP+');

  await shell.goTo('SSP+');
  await main(page).getByRole('button', { name: 'Start en plan' }).click();
  await expect(heading(page, 'Start en SSP+-plan')).toBeVisible();
  const tobias = page.getByRole('radio', { name: /Tobias Overgård/ });
  await expect(tobias).toBeVisible(); // offered without a search: closed with "Overgået til SSP+" at level 4
  await tobias.check();
  await expect(page.locator('.sspplus-candidates li').filter({ hasText: 'Tobias Overgård' })).toContainText('Kan starte');
  await expect(page.getByRole('group', { name: 'Henvisning uden SSP-sag' })).toHaveCount(0);
  await screenshot(page, 'rules-01-start-after-overgaaet');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await expect(heading(page, 'SSP+-plan for Tobias Overgård')).toBeVisible();
  await expectAccessible(page, 'plan started after overgået');
});

test('a referral without an SSP case opens the level 3-4 case in the same step', async ({ page, bridge, vault, shell }) => {
  void vault;
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  await call(bridge, 'people.create', { firstName: 'Rikke', lastName: 'Henvist', birthDate: addYears(today, -19), districtId: 5 });
  await page.goto(bridge.url);
  await shell.goTo('SSP+');
  await main(page).getByRole('button', { name: 'Start en plan' }).click();
  await page.getByLabel('Søg efter navn eller sagsnummer').fill('rikke');
  const rikke = page.getByRole('radio', { name: /Rikke Henvist/ });
  await rikke.check();
  const referral = page.getByRole('group', { name: 'Henvisning uden SSP-sag' });
  await expect(referral).toBeVisible();
  // Submitting without the referral's fields names them, nothing is lost.
  await page.getByRole('button', { name: 'Start plan' }).click();
  await expect(page.locator('.error-summary')).toContainText('Skriv, hvem der har henvist den unge.');
  await referral.getByLabel('Sagens niveau').selectOption('4');
  await referral.getByLabel('Henvist af').fill('Kriminalforsorgen');
  await referral.getByLabel('Begrundelse for henvisningen').fill('Løsladt efter afsoning for røveri');
  await screenshot(page, 'rules-02-referral');
  await expectAccessible(page, 'referral');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await expect(heading(page, 'SSP+-plan for Rikke Henvist')).toBeVisible();
  const cases = await call<{ rows: { level: number; status: string; firstName: string }[] }>(bridge, 'cases.list', {});
  expect(cases.rows).toMatchObject([{ level: 4, status: 'open', firstName: 'Rikke' }]);
});

test('a case for a 7-year-old asks for a reason before it opens, keeping what was typed', async ({ page, bridge, vault }) => {
  void vault;
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.empty.getByRole('button', { name: 'Opret sag' }).click();
  await page.getByLabel('Fornavn').fill('Lille');
  await page.getByLabel('Efternavn').fill('Bror');
  await page.getByLabel('Fødselsdato').fill(daDate(addYears(today, -7)));
  await page.getByLabel('Bydel', { exact: true }).selectOption({ label: 'Valby' });
  await page.getByLabel(/^Niveau 1:/).check();
  await page.getByLabel('Begrundelse').fill('Bekymring fra skolen');
  await page.getByRole('button', { name: 'Opret sag' }).click();
  const question = page.locator('.case-age-scope');
  await expect(question).toBeFocused();
  await expect(question).toContainText('Den unge er 7 år på oprettelsesdatoen. SSP dækker 10-25 år.');
  await expect(page.getByLabel('Fornavn')).toHaveValue('Lille');
  await page.getByRole('button', { name: 'Opret sagen alligevel' }).click();
  await expect(question).toContainText('Skriv en begrundelse, eller ret fødselsdatoen.');
  await question.getByLabel('Begrundelse for at oprette sagen alligevel').fill('Lillebror til en ung på niveau 4');
  await screenshot(page, 'rules-03-age-scope');
  await expectAccessible(page, 'age scope question');
  await page.getByRole('button', { name: 'Opret sagen alligevel' }).click();
  await expect(heading(page, 'Lille Bror')).toBeVisible();
  await expect(main(page)).toContainText("Oprettet uden for SSP's aldersgruppe (7 år; SSP dækker 10-25 år). Begrundelse: Lillebror til en ung på niveau 4");
});

test("the programme's rules are settings: SSP's age group in Indstillinger, SSP+'s band and outcome window on SSP+", async ({ page, bridge, vault, shell }) => {
  void vault;
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  await page.goto(bridge.url);
  await shell.goTo('Indstillinger');
  const scope = page.getByRole('region', { name: "SSP's aldersgruppe" });
  await expect(scope.getByLabel('Fra alder (år)')).toHaveValue('10');
  await scope.getByLabel('Fra alder (år)').fill('6x');
  await expect(scope.locator('#settings-age-scope-minAge-error')).toContainText('Skriv et helt tal fra 0 til 30');
  await scope.getByLabel('Fra alder (år)').fill('6');
  await scope.getByRole('button', { name: 'Gem' }).click();
  await expect(scope).toContainText('Reglerne er gemt.');
  expect(await call(bridge, 'cases.settings.get', {})).toEqual({ minAge: 6, maxAge: 25 });
  await screenshot(page, 'rules-04-age-scope-setting');
  await expectAccessible(page, 'age scope setting');

  await shell.goTo('SSP+');
  await main(page).getByRole('button', { name: 'Vis reglerne' }).click();
  const rules = page.getByRole('region', { name: 'Regler for SSP+' });
  await expect(rules.getByLabel('Øvre aldersgrænse (fødselsdag)')).toHaveValue('25');
  await rules.getByLabel('Øvre aldersgrænse (fødselsdag)').fill('26');
  await rules.getByRole('button', { name: 'Gem' }).click();
  await expect(rules).toContainText('Reglerne er gemt.');
  // A band that ends before it starts is refused by main, in Danish, keeping what was typed.
  await rules.getByLabel('Nedre aldersgrænse i måneder').fill('250');
  await rules.getByLabel('Øvre aldersgrænse (fødselsdag)').fill('20');
  await rules.getByRole('button', { name: 'Gem' }).click();
  await expect(rules.getByRole('alert')).toContainText('Aldersgrænsen for SSP+ skal slutte efter, den begynder.');
  await expect(rules.getByLabel('Nedre aldersgrænse i måneder')).toHaveValue('250');
  await screenshot(page, 'rules-05-sspplus-rules');
  await expectAccessible(page, 'sspplus rules');
  expect(await call(bridge, 'sspplus.settings.get', {})).toEqual({ minAgeMonths: 210, maxAgeYears: 26, outcomeWindowDays: 14 });
});
