import type { Page } from '@playwright/test';
import type { Result } from '../../src/shared/contract';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { seedDemoData } from '../../src/main/demo-data';
import { startBridge, type Bridge } from './bridge';
import { expect, expectAccessible, screenshot, test as base } from './fixtures';

/**
 * Release coordination end to end, on a fixed calendar: register custody for a young person in
 * the register, see the release meeting due in the overview, hold the meeting with part of the
 * checklist arranged, print the summary (no CPR number), then, as the weeks pass, record the
 * release and see the follow-up due. Main's clock and the page's clock move together.
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

const owner = { name: 'Karen Koordinator', role: 'SSP-koordinator', area: 'Nørrebro' };
const passphrase = 'Grøn bænk ved Assistens Kirkegård 12';
// Fictional young person; the CPR number (born 1 January 2007) must never appear on release screens.
const youngPerson = { firstName: 'Ahmad', lastName: 'Prøvelsesen', cpr: '010107-4231', districtId: 3 };

async function call<T>(bridge: Bridge, name: string, input: unknown): Promise<T> {
  const r = (await bridge.dispatch(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Set "now" for main (the bridge's context) and for the page. 10:00 local time on the day. */
async function setToday(page: Page, bridge: Bridge, isoDate: string) {
  const at = new Date(`${isoDate}T10:00:00`);
  bridge.ctx.now = () => at;
  await page.clock.setFixedTime(at);
}

const main = (page: Page) => page.getByRole('main');

/**
 * Weeks pass between the steps below, and weeks without input are idle time: the app locks on the
 * next input (the auto-lock reads the wall clock, so a laptop that slept locks too). Unlock again.
 */
async function unlockAfterTimeJump(page: Page) {
  await page.keyboard.press('Shift');
  const field = page.getByLabel('Adgangskode', { exact: true });
  await expect(field).toBeVisible();
  await field.fill(passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
}

async function goToReleases(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('button', { name: 'Løsladelser', exact: true }).click();
  await expect(main(page).getByRole('heading', { level: 1, name: 'Løsladelser' })).toBeVisible();
}

test('register custody, hold the release meeting, record the release, see the follow-up due', async ({ page, bridge, consoleErrors }) => {
  test.setTimeout(150_000); // a long walk through three months of a release; 40 s alone, more on a loaded CI machine
  void consoleErrors; // fail on console errors, page errors and CSP violations
  await setToday(page, bridge, '2026-11-23');
  await call(bridge, 'vault.create', { passphrase, passphraseConfirm: passphrase, owner });
  // Demo data in the background (other young people, their custody periods, meetings, follow-ups).
  seedDemoData(bridge.ctx.vault.current.sqlite, { people: 250, seed: 5, today: '2026-11-23' });
  const seeded = await call<CaseDetail>(bridge, 'cases.open', {
    person: youngPerson, level: 3, reason: 'Gentagne røverier', districtId: 3, openedOn: '2026-03-01',
  });
  expect(seeded.person.birthDate).toBe('2007-01-01');

  await page.goto(bridge.url);
  await goToReleases(page);
  await expect(page).toHaveTitle('Løsladelser – SSP Desk');
  await expect(main(page).getByRole('list', { name: 'Overblik' })).toBeVisible();
  await screenshot(page, 'releases-01-overview-seeded');
  await expectAccessible(page, 'releases overview');

  // ---- register custody for the seeded person ----
  await main(page).getByRole('button', { name: 'Registrér frihedsberøvelse' }).click();
  await expect(main(page).getByRole('heading', { level: 1, name: 'Registrér frihedsberøvelse' })).toBeVisible();
  // Submitting at once lists what is missing.
  await main(page).getByRole('button', { name: 'Registrér', exact: true }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Søg den unge frem, og vælg personen.');
  await expect(summary).toContainText('Skriv datoen for indsættelsen.');
  await page.getByRole('searchbox', { name: 'Søg efter den unge' }).fill('prøvels');
  await page.getByRole('searchbox', { name: 'Søg efter den unge' }).press('Enter');
  await main(page).getByRole('button', { name: 'Vælg Ahmad Prøvelsesen' }).click();
  await expect(page.getByTestId('picked-person')).toContainText('Ahmad Prøvelsesen, født 01.01.2007, Nørrebro, sag 2026-');
  await page.getByLabel('Afsoning').check();
  await page.getByLabel('Institution', { exact: true }).selectOption({ label: 'Storstrøm Fængsel' });
  await page.getByLabel('Indsat').fill('01.12.2025');
  await page.getByLabel('Forventet løsladelse').fill('15.01.2027');
  // A parole date after the expected release: the message sits next to the field as you type.
  await page.getByLabel('Prøveløsladelse').fill('01.02.2027');
  await page.getByLabel('Prøveløsladelse').blur();
  await expect(page.locator('#custody-parole-error')).toHaveText('Fejl: Prøveløsladelsen kan ikke ligge efter forventet løsladelse.');
  await screenshot(page, 'releases-02-new-custody-validation');
  await expectAccessible(page, 'new custody with errors');
  await page.getByLabel('Prøveløsladelse').fill('');
  await expect(page.locator('#custody-parole-error')).toHaveCount(0);
  await main(page).getByRole('button', { name: 'Registrér', exact: true }).click();

  // ---- the custody period: timeline on 23 November 2026 ----
  await expect(main(page).getByRole('heading', { level: 1, name: 'Ahmad Prøvelsesen' })).toBeVisible();
  await expect(main(page).getByRole('status')).toContainText('Frihedsberøvelsen er registreret.');
  const timeline = page.getByTestId('custody-timeline');
  // Window 15 Oct - 15 Dec 2026 (3 to 1 months before 15 January 2027): due now.
  await expect(timeline.locator('tr[data-milestone="release-meeting"]')).toContainText('15.10.2026 – 15.12.2026');
  await expect(timeline.locator('tr[data-milestone="release-meeting"]')).toContainText('Skal gøres nu');
  // Action plan was due 29 December 2025 (4 weeks after imprisonment): overdue until recorded.
  await expect(timeline.locator('tr[data-milestone="handleplan"]')).toContainText('Overskredet');
  await timeline.locator('tr[data-milestone="handleplan"]').getByRole('button', { name: 'Registrér handleplan' }).click();
  await expect(page.getByLabel('Dato for handleplan')).toBeFocused();
  await page.getByLabel('Dato for handleplan').fill('20.12.2025');
  await page.getByLabel('Dato for handleplan').press('Enter');
  await expect(timeline.locator('tr[data-milestone="handleplan"]')).toContainText('Udført');
  await expect(timeline.locator('tr[data-milestone="handleplan"]')).toContainText('20.12.2025');
  await screenshot(page, 'releases-03-custody');
  await expectAccessible(page, 'custody period');

  // ---- the overview: the meeting is due ----
  await goToReleases(page);
  const upcomingRow = page.getByTestId('releases-upcoming').getByRole('row').filter({ hasText: 'Ahmad Prøvelsesen' });
  await expect(upcomingRow).toContainText('15.01.2027');
  await expect(upcomingRow).toContainText('om 53 dage');
  await expect(upcomingRow).toContainText('Intet møde endnu');
  const dueRow = page.getByTestId('releases-meetings-due').getByRole('row').filter({ hasText: 'Ahmad Prøvelsesen' });
  await expect(dueRow).toContainText('Skal gøres nu');
  await screenshot(page, 'releases-04-overview-meeting-due');

  // ---- hold the meeting with part of the checklist arranged ----
  await dueRow.getByRole('button', { name: /Hold møde/ }).click();
  await expect(main(page).getByRole('heading', { level: 1, name: 'Nyt løsladelsesmøde' })).toBeVisible();
  await expect(page.getByLabel('Dato', { exact: true })).toHaveValue('23.11.2026');
  await page.getByLabel('Sted').fill('Storstrøm Fængsel, besøgsafdelingen');
  const participants: [string, string, string][] = [
    ['Karen Holmby', 'Kriminalforsorgen', 'Tilsynsførende'],
    ['Jonas Bækgaard', 'SOF', 'Sagsbehandler'],
    ['Ahmad', 'Den unge', ''],
  ];
  for (const [i, [name, partner, org]] of participants.entries()) {
    await main(page).getByRole('button', { name: 'Tilføj deltager' }).click();
    const nameField = page.getByLabel(`Deltager ${i + 1}: Navn`);
    await expect(nameField).toBeFocused();
    await nameField.fill(name);
    await page.getByLabel(`Deltager ${i + 1}: Part`).selectOption({ label: partner });
    if (org) await page.getByLabel(`Deltager ${i + 1}: Titel eller organisation`).fill(org);
  }
  const status = (item: string) => page.getByLabel(`Status: ${item}`);
  await status('Bolig og adresse').selectOption({ label: 'Arrangeret' });
  await page.getByLabel('Ansvarlig: Bolig og adresse').fill('SOF');
  await page.getByLabel('Note: Bolig og adresse').fill('Værelse på pensionat fra løsladelsesdagen');
  await status('Forsørgelse fra første dag').selectOption({ label: 'Arrangeret' });
  await status('Uddannelse eller job og første aftale i jobcentret').selectOption({ label: 'I gang' });
  await page.getByLabel('Ansvarlig: Uddannelse eller job og første aftale i jobcentret').fill('Jobcenter');
  await page.getByLabel('Frist: Uddannelse eller job og første aftale i jobcentret').fill('10.12.2026');
  await status('Misbrugsbehandling').selectOption({ label: 'Ikke relevant' });
  await status('Exit fra bande').selectOption({ label: 'Ikke relevant' });
  await status('Legitimation, sundhedskort og bankkonto').selectOption({ label: 'I gang' });
  // 2 arranged; 11 items, 2 not relevant: 9 relevant.
  await expect(page.getByTestId('meeting-readiness')).toContainText('2 af 9 relevante punkter er arrangeret');
  // A task without a responsible person is refused with the message next to the field.
  await main(page).getByRole('button', { name: 'Tilføj opgave' }).click();
  await expect(page.getByLabel('Opgave 1: Opgave')).toBeFocused();
  await page.getByLabel('Opgave 1: Opgave').fill('Book første samtale i Jobcenter København Unge');
  await page.getByLabel('Opgave 1: Frist').fill('10.12.2026');
  await main(page).getByRole('button', { name: 'Gem møde' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Skriv, hvem der har ansvaret.');
  await expect(page.locator('.releases-meeting-form .form-error-message')).toHaveText(['Fejl: Skriv, hvem der har ansvaret.']);
  await screenshot(page, 'releases-05-meeting-editor');
  await expectAccessible(page, 'meeting editor with an error');
  // Nothing typed was lost.
  await expect(page.getByLabel('Deltager 2: Navn')).toHaveValue('Jonas Bækgaard');
  await expect(page.getByLabel('Note: Bolig og adresse')).toHaveValue('Værelse på pensionat fra løsladelsesdagen');
  await page.getByLabel('Opgave 1: Ansvarlig').fill('Jobcenter');
  await page.getByLabel('Referat og aftaler').fill('Ahmad ønsker at begynde på VUC. Tilsynsførende følger op på vilkårene.');
  await main(page).getByRole('button', { name: 'Gem møde' }).click();

  await expect(main(page).getByRole('heading', { level: 1, name: 'Ahmad Prøvelsesen' })).toBeVisible();
  await expect(main(page).getByRole('status')).toContainText('Løsladelsesmødet er gemt.');
  const meetings = page.getByTestId('custody-meetings');
  await expect(meetings).toContainText('Planlægningsmøde');
  await expect(meetings).toContainText('2 af 9 arrangeret');
  await expect(timeline.locator('tr[data-milestone="release-meeting"]')).toContainText('Udført');
  await screenshot(page, 'releases-06-custody-after-meeting');

  // ---- the printable summary: no CPR number ----
  await meetings.getByRole('button', { name: /Referat/ }).click();
  await expect(main(page).getByRole('heading', { level: 1, name: 'Referat af løsladelsesmøde' })).toBeVisible();
  const sheet = page.getByTestId('meeting-summary');
  await expect(sheet).toContainText('Ahmad Prøvelsesen, født 01.01.2007');
  await expect(sheet).toContainText('Karen Holmby, Kriminalforsorgen (Tilsynsførende)');
  await expect(sheet).toContainText('Værelse på pensionat fra løsladelsesdagen');
  await expect(sheet).toContainText('Book første samtale i Jobcenter København Unge');
  const text = (await page.locator('body').innerText()) + (await page.content());
  expect(text).not.toContain('4231');
  expect(text).not.toContain('010107');
  await screenshot(page, 'releases-07-summary');
  await expectAccessible(page, 'meeting summary');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
  await expect(main(page).getByRole('button', { name: 'Udskriv' })).toBeHidden();
  await screenshot(page, 'releases-08-summary-print');
  await page.emulateMedia({ media: 'screen' });

  // ---- 12 January 2027: the release, three days before expected ----
  await setToday(page, bridge, '2027-01-12');
  await unlockAfterTimeJump(page);
  await goToReleases(page);
  await page.getByTestId('releases-upcoming').getByRole('row').filter({ hasText: 'Ahmad Prøvelsesen' }).getByRole('button', { name: /Åbn/ }).click();
  await expect(page.getByLabel('Løsladelsesdato')).toHaveValue('12.01.2027');
  await main(page).getByRole('button', { name: 'Registrér løsladelse' }).click();
  await expect(main(page).getByRole('status')).toContainText('Løsladelsen er registreret.');
  const followUps = page.getByTestId('custody-followups');
  await expect(followUps.locator('tr[data-followup="3"]')).toContainText('12.04.2027');
  await expect(followUps.locator('tr[data-followup="6"]')).toContainText('12.07.2027');
  await expect(followUps.locator('tr[data-followup="12"]')).toContainText('12.01.2028');

  // ---- 2 April 2027: the 3-month follow-up is due (from 14 days before) ----
  await setToday(page, bridge, '2027-04-02');
  await unlockAfterTimeJump(page);
  await goToReleases(page);
  const followUpRow = page.getByTestId('releases-followups-due').getByRole('row').filter({ hasText: 'Ahmad Prøvelsesen' });
  await expect(followUpRow).toContainText('3 måneder');
  await expect(followUpRow).toContainText('12.04.2027');
  await expect(followUpRow).toContainText('Skal gøres nu');
  await expect(page.getByTestId('releases-upcoming')).not.toContainText('Ahmad Prøvelsesen');
  await screenshot(page, 'releases-09-overview-followup-due');
  await expectAccessible(page, 'overview with follow-ups due');

  // Record it: in education, no new charge.
  await followUpRow.getByRole('button', { name: /Åbn/ }).click();
  await followUps.locator('tr[data-followup="3"]').getByRole('button', { name: /Registrér/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Opfølgning efter 3 måneder' })).toBeFocused();
  await page.getByLabel('I uddannelse').check();
  await page.getByLabel('Nej', { exact: true }).check();
  await main(page).getByRole('button', { name: 'Gem opfølgning' }).click();
  await expect(followUps.locator('tr[data-followup="3"]')).toContainText('I uddannelse, ingen ny sigtelse');
  await expect(followUps.locator('tr[data-followup="3"]')).toContainText('Udført');
  await screenshot(page, 'releases-10-followup-recorded');
  await goToReleases(page);
  await expect(page.getByText('Opfølgninger efter løsladelse')).toBeVisible();
  await expect(main(page)).not.toContainText('Ahmad Prøvelsesen');
});
