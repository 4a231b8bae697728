import type { Locator, Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { addDays, addMonths, addYears } from '../../src/shared/core/dates';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { call, startBridge, type Bridge } from './bridge';
import { expect, expectAccessible, screenshot, test as base, daDate } from './fixtures';

/**
 * SSP+ end to end: start a plan for an eligible young person, fill two life areas with actions,
 * record a review, see the overdue action flagged in the plan and the overview, print the plan
 * without a CPR number; and the Danish refusal for young people who are not eligible.
 * E2E_DIST_DIR may point at a private web build (so parallel builds of dist-web do not interfere).
 */
const test = base.extend<{ bridge: Bridge }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  bridge: async ({}, use) => {
    const bridge = await startBridge(process.env.E2E_DIST_DIR ? { distDir: process.env.E2E_DIST_DIR } : {});
    await use(bridge);
    await bridge.close();
  },
});

const owner = { name: 'Karim Koordinator', role: 'SSP-koordinator', area: 'Amager Vest' };
const passphrase = 'Blå cykel ved Amager Strand 17';
const today = todayOf(new Date());

/** DDMMYY-SSSS for a 2000s birth date (7th digit 4 gives 20YY for YY 00-36). Fictional. */
const cprFor = (birthDate: string, serial: string) => `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}-4${serial}`;

// Fictional young people, dated from today so the test means the same whatever day it runs.
const eligible = { firstName: 'Frida', lastName: 'Prøvesen', birthDate: addYears(today, -20) };
const levelTwo = { firstName: 'Bo', lastName: 'Testrup', birthDate: addYears(today, -19) };
// Turns 17½ in 30 days: too young today, and an alert in the overview.
const tooYoung = { firstName: 'Sofie', lastName: 'Eksempelgaard', birthDate: addMonths(addDays(today, 30), -(17 * 12 + 6)) };
const eligibleCpr = cprFor(eligible.birthDate, '123');

async function seed(bridge: Bridge) {
  const open = (person: Record<string, unknown>, level: number) =>
    call<CaseDetail>(bridge, 'cases.open', { person: { ...person, districtId: 9 }, level, reason: 'Gentagne voldsepisoder', districtId: 9, openedOn: addDays(today, -400) });
  return {
    eligible: await open({ ...eligible, cpr: eligibleCpr, birthDate: undefined }, 3),
    levelTwo: await open(levelTwo, 2),
    tooYoung: await open(tooYoung, 4),
  };
}

async function enterApp(page: Page, bridge: Bridge, vault: { open(url: string): Promise<void>; createVault(o: typeof owner, p: string): Promise<string>; confirmRecoveryKey(): Promise<void> }) {
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
}

const main = (page: Page) => page.getByRole('main');
const heading = (page: Page, name: string | RegExp) => main(page).getByRole('heading', { level: 1, name });

async function fillAction(row: Locator, action: { description: string; partner: string; deadline: string }) {
  await row.getByLabel('Handling', { exact: true }).fill(action.description);
  await row.getByLabel('Ansvarlig').selectOption({ label: action.partner });
  await row.getByLabel('Frist').fill(daDate(action.deadline));
}

test('start a plan, fill two areas with actions, record a review, see the overdue action flagged, print without CPR', async ({ page, bridge, vault, shell }) => {
  test.setTimeout(120_000);
  await enterApp(page, bridge, vault);
  await seed(bridge);

  // ---- overview: nothing yet, but the 17½ alert ----
  await shell.goTo('SSP+');
  await expect(main(page).getByText(`Sofie Eksempelgaard (sag`)).toContainText('fylder 17½');
  await expect(main(page).getByText('Der er ingen aktive planer.')).toBeVisible();
  await screenshot(page, 'sspplus-01-overview-empty');
  await expectAccessible(page, 'sspplus overview (empty)');

  // ---- start a plan, 100 days back, for the eligible young person ----
  await main(page).getByRole('button', { name: 'Start en plan' }).click();
  await expect(heading(page, 'Start en SSP+-plan')).toBeVisible();
  const startDate = addDays(today, -100);
  await page.getByLabel('Startdato').fill(daDate(startDate));
  // 100 days before her 20th birthday she is 19.
  const frida = page.getByRole('radio', { name: /Frida Prøvesen, 19 år/ });
  await expect(frida).toBeVisible();
  await expect(page.locator('.sspplus-candidates li', { hasText: 'Frida Prøvesen' })).toContainText('Kan starte i SSP+ på startdatoen.');
  await expect(page.locator('.sspplus-candidates li', { hasText: 'Sofie Eksempelgaard' })).toContainText('SSP+ er for unge fra 17½ år.');
  await frida.check();
  await page.getByRole('checkbox', { name: 'SOF' }).check();
  await page.getByRole('checkbox', { name: 'BIF / Jobcenter' }).check();
  await page.getByLabel('Dato for samtykke (valgfri)').fill(daDate(startDate));
  await page.getByLabel('Samtykket dækker (valgfri)').fill('Deling af oplysninger mellem SOF og jobcentret om uddannelse og bolig.');
  await expect(page.getByLabel('Koordinator')).toHaveValue(owner.name);
  await screenshot(page, 'sspplus-02-start');
  await expectAccessible(page, 'sspplus start');
  await page.getByRole('button', { name: 'Start plan' }).click();

  await expect(heading(page, 'SSP+-plan for Frida Prøvesen')).toBeVisible();
  await expect(main(page).getByTestId('plan-flags')).toContainText('Statusmødet skulle have været holdt');
  await expect(main(page)).toContainText('SOF, BIF / Jobcenter');

  // ---- education: two actions, one of them past its deadline ----
  await main(page).getByRole('button', { name: 'Udfyld Uddannelse' }).click();
  await expect(heading(page, 'Livsområde: Uddannelse')).toBeVisible();
  await page.getByLabel('Nuværende situation').fill('Droppet ud af EUD efter grundforløbet.');
  await page.getByLabel('Mål', { exact: true }).fill('Tilbage på EUD til august.');
  await page.getByRole('button', { name: 'Tilføj handling' }).click();
  const first = page.getByRole('group', { name: 'Handling 1' });
  await expect(first.getByLabel('Handling', { exact: true })).toBeFocused();
  await fillAction(first, { description: 'Møde med UU-vejleder', partner: 'BIF / Jobcenter', deadline: addDays(today, -5) });
  await page.getByRole('button', { name: 'Tilføj handling' }).click();
  await fillAction(page.getByRole('group', { name: 'Handling 2' }), { description: 'Besøg på erhvervsskolen', partner: 'BIF / Jobcenter', deadline: addDays(today, 14) });
  await screenshot(page, 'sspplus-03-area-editor');
  await expectAccessible(page, 'sspplus area editor');
  await page.getByRole('button', { name: 'Gem Uddannelse' }).click();

  // ---- housing: one action ----
  await expect(heading(page, 'SSP+-plan for Frida Prøvesen')).toBeVisible();
  await main(page).getByRole('button', { name: 'Udfyld Bolig' }).click();
  await page.getByLabel('Nuværende situation').fill('Bor på sofaen hos en ven.');
  await page.getByLabel('Mål', { exact: true }).fill('Eget værelse inden jul.');
  await page.getByRole('button', { name: 'Tilføj handling' }).click();
  await fillAction(page.getByRole('group', { name: 'Handling 1' }), { description: 'Ansøgning om ungdomsbolig', partner: 'SOF', deadline: addDays(today, 30) });
  await page.getByRole('button', { name: 'Gem Bolig' }).click();

  // ---- the plan flags the overdue action ----
  await expect(heading(page, 'SSP+-plan for Frida Prøvesen')).toBeVisible();
  await expect(main(page).getByTestId('plan-flags')).toContainText('1 aftalt handling er over fristen.');
  const education = main(page).getByTestId('area-education');
  await expect(education.getByRole('row', { name: /Møde med UU-vejleder/ })).toContainText('Over frist');
  await expect(education.getByRole('row', { name: /Besøg på erhvervsskolen/ })).not.toContainText('Over frist');
  await expect(main(page).getByTestId('area-housing')).toContainText('Ansøgning om ungdomsbolig');
  await screenshot(page, 'sspplus-04-plan');
  await expectAccessible(page, 'sspplus plan');

  // ---- record a review ----
  await main(page).getByRole('button', { name: 'Registrér statusmøde' }).click();
  await expect(heading(page, 'Registrér statusmøde')).toBeVisible();
  await page.getByLabel('Status for Uddannelse').selectOption({ label: 'Fremgang' });
  await page.getByLabel('Bemærkning om Uddannelse (valgfri)').fill('Har været til samtale hos vejlederen.');
  await page.getByLabel('Status for Bolig').selectOption({ label: 'Uændret' });
  await page.getByLabel('Andre til stede (valgfri)').fill('Den unge og mentor');
  await page.getByLabel('Ændringer i mål og handlinger').fill('Fristen for boligansøgningen fastholdes.');
  await screenshot(page, 'sspplus-05-review');
  await expectAccessible(page, 'sspplus review form');
  await page.getByRole('button', { name: 'Gem statusmøde' }).click();

  await expect(heading(page, 'SSP+-plan for Frida Prøvesen')).toBeVisible();
  const reviews = main(page).getByRole('region', { name: 'Statusmøder' });
  await expect(reviews.getByRole('article')).toHaveCount(1);
  await expect(reviews.getByRole('article')).toContainText('Uddannelse: Fremgang – Har været til samtale hos vejlederen.');
  await expect(reviews.getByRole('article')).toContainText('SOF, BIF / Jobcenter, Den unge og mentor');
  await expect(main(page).getByTestId('plan-flags')).not.toContainText('Statusmødet skulle have været holdt');
  await expect(main(page).getByTestId('plan-flags')).toContainText('1 aftalt handling er over fristen.');

  // ---- the overview lists the overdue action ----
  await page.getByRole('button', { name: 'Tilbage til SSP+' }).click();
  await expect(heading(page, 'SSP+')).toBeVisible();
  const overdue = main(page).getByTestId('overdue-actions');
  await expect(overdue.getByRole('row', { name: /Møde med UU-vejleder/ })).toContainText('5 dage over');
  await expect(overdue.getByRole('row')).toHaveCount(2); // header + one
  await expect(main(page).getByTestId('plan-table')).toContainText('Frida Prøvesen');
  await screenshot(page, 'sspplus-06-overview');
  await expectAccessible(page, 'sspplus overview');

  // ---- the printed plan: name, areas and actions, never the CPR number ----
  await main(page).getByTestId('plan-table').getByRole('button', { name: /Åbn/ }).click();
  await main(page).getByRole('button', { name: 'Udskriv plan' }).click();
  await expect(heading(page, 'Helhedsorienteret plan – SSP+')).toBeVisible();
  const sheet = main(page).getByTestId('print-sheet');
  await expect(sheet).toContainText('Frida Prøvesen');
  await expect(sheet).toContainText('Møde med UU-vejleder');
  const text = (await page.evaluate(() => document.documentElement.textContent)) ?? '';
  for (const secret of [eligibleCpr, eligibleCpr.replace('-', ''), eligibleCpr.slice(0, 6)]) expect(text).not.toContain(secret);
  await expectAccessible(page, 'sspplus print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Udskriv', exact: true })).toBeHidden();
  await screenshot(page, 'sspplus-07-print');
  await page.emulateMedia({ media: 'screen' });
});

test('refuses to start a plan for young people who are not eligible, in Danish, keeping what was typed', async ({ page, bridge, vault, shell }) => {
  test.setTimeout(90_000);
  await enterApp(page, bridge, vault);
  await seed(bridge);
  await shell.goTo('SSP+');
  await main(page).getByRole('button', { name: 'Start en plan' }).click();
  await expect(heading(page, 'Start en SSP+-plan')).toBeVisible();

  // Level 2 is not in the default list; a search finds the young person.
  await page.getByLabel('Søg efter navn eller sagsnummer').fill('bo testrup');
  const bo = page.getByRole('radio', { name: /Bo Testrup/ });
  await expect(page.getByRole('radio')).toHaveCount(1);
  await bo.check();
  await page.getByLabel('Samtykket dækker (valgfri)').fill('Deling med politiet');
  await page.getByRole('button', { name: 'Start plan' }).click();
  const refusal = page.locator('.sspplus-refusal');
  await expect(refusal).toBeFocused();
  await expect(refusal).toContainText('Planen blev ikke startet');
  await expect(refusal).toContainText('SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau 2.');
  await expect(page.locator('#start-person-error')).toContainText('SSP+ kræver en sag på niveau 3 eller 4.');
  await expect(page.getByLabel('Samtykket dækker (valgfri)')).toHaveValue('Deling med politiet');
  await expect(bo).toBeChecked();
  await screenshot(page, 'sspplus-08-refusal-level');
  await expectAccessible(page, 'sspplus refusal (level)');

  // Too young: the reason names the rule and the day the young person turns 17½.
  await page.getByLabel('Søg efter navn eller sagsnummer').fill('');
  await page.getByRole('radio', { name: /Sofie Eksempelgaard/ }).check();
  await page.getByRole('button', { name: 'Start plan' }).click();
  await expect(refusal).toContainText('SSP+ er for unge fra 17½ år. Den unge er ikke fyldt 17½ på startdatoen');
  await expect(page.locator('#start-date-error')).toContainText('17½');
  await expect(page.getByLabel('Samtykket dækker (valgfri)')).toHaveValue('Deling med politiet');
  await screenshot(page, 'sspplus-09-refusal-age');
  await expectAccessible(page, 'sspplus refusal (age)');
  expect(await call<unknown[]>(bridge, 'sspplus.list', { status: 'all' })).toEqual([]);
});
