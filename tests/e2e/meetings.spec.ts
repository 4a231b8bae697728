import type { Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { addDays } from '../../src/shared/core/dates';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { call, type Bridge } from './bridge';
import { expect, expectAccessible, screenshot, test, daDate } from './fixtures';
import { CaseDetailPage, CaseListPage } from './pages/CasesPages';

/**
 * Ledergruppemøde end to end: forum members, a new meeting with the proposed agenda, editing it,
 * the shared screen (no names or CPR numbers in the page before an explicit reveal, hidden again
 * after moving on), two decisions written into the cases, and the minutes.
 */

const owner = { name: 'Karen Koordinatorsen', role: 'SSP-koordinator', area: 'Valby' };
const passphrase = 'Grøn cykel under Valby Langgade 42';
const VALBY = 5;
const NOERREBRO = 3;

// Fictional young people. CPR numbers are well-formed; no real person is meant.
const PEOPLE = {
  p1: { firstName: 'Mathilde', lastName: 'Prøvesen', cpr: '0101104002' },
  p2: { firstName: 'Oliver', lastName: 'Testrup', cpr: '0202104013' },
  p3: { firstName: 'Sofie', lastName: 'Eksempelgaard', cpr: '0303104024' },
  p4: { firstName: 'Emil', lastName: 'Fiktivsen', cpr: '0404104035' },
  p5: { firstName: 'Ida', lastName: 'Opdigtesen', cpr: '0505104046' },
};
const NAMES = Object.values(PEOPLE).flatMap((p) => [p.firstName, p.lastName, `${p.firstName} ${p.lastName}`]);
const CPRS = Object.values(PEOPLE).flatMap((p) => [p.cpr, `${p.cpr.slice(0, 6)}-${p.cpr.slice(6)}`]);

/** Cases relative to today, so the agenda proposal is the same whatever day the test runs. */
async function seedCases(bridge: Bridge, today: string) {
  const open = (p: (typeof PEOPLE)[keyof typeof PEOPLE], level: number, districtId: number, openedOn: string, nextReviewOn?: string) =>
    call<CaseDetail>(bridge, 'cases.open', {
      person: { ...p, districtId, school: 'Valby Skole' },
      level,
      reason: 'Gentagne tyverier og trusler',
      districtId,
      coordinator: owner.name,
      openedOn,
      ...(nextReviewOn ? { nextReviewOn } : {}),
    });
  const p1 = await open(PEOPLE.p1, 3, VALBY, addDays(today, -200), addDays(today, -3)); // review overdue
  const p2 = await open(PEOPLE.p2, 4, VALBY, addDays(today, -300), addDays(today, 40)); // charged 20 days ago
  await call(bridge, 'cases.addEvent', { caseId: p2.id, kind: 'charge', occurredOn: addDays(today, -20), offenceCategory: 'robbery', description: 'Røveri ved stationen' });
  await call(bridge, 'cases.addEvent', { caseId: p2.id, kind: 'interview', occurredOn: addDays(today, -19) });
  await call(bridge, 'releases.custody.create', { personId: p2.person.id, institutionId: 1, type: 'varetaegt', imprisonedOn: addDays(today, -10), expectedReleaseOn: addDays(today, 30) });
  const p3 = await open(PEOPLE.p3, 3, VALBY, addDays(today, -30)); // new in the period
  const p4 = await open(PEOPLE.p4, 2, VALBY, addDays(today, -100), addDays(today, -5)); // level 2: not for the ledergruppe
  const p5 = await open(PEOPLE.p5, 3, NOERREBRO, addDays(today, -100), addDays(today, -5)); // another district
  return { p1, p2, p3, p4, p5 };
}

/** All text in the document, hidden parts included. */
const domText = (page: Page) => page.evaluate(() => document.documentElement.textContent ?? '');

async function expectNoPersonalData(page: Page, where: string) {
  const text = await domText(page);
  for (const secret of [...NAMES, ...CPRS]) expect(text, `${where}: ${secret}`).not.toContain(secret);
}

test('ledergruppemøde: agenda, shared screen without names, decisions into the cases, minutes', async ({ page, bridge, vault, shell }) => {
  test.setTimeout(120_000);
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  const today = todayOf(new Date());
  const cases = await seedCases(bridge, today);

  // ---- forums: the seeded Valby ledergruppe gets members ----
  await shell.goTo('Ledergruppemøder');
  await page.getByRole('button', { name: 'Fora og medlemmer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fora' })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(11);
  await page.getByRole('button', { name: 'Redigér SSP-ledergruppe Valby' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Redigér forum' })).toBeVisible();
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('SSP-ledergruppe Valby');
  await expect(page.getByLabel('Valby')).toBeChecked();
  await expect(page.getByLabel('Referater må vise de unges navne')).not.toBeChecked();
  // Seeded forums start at the most private level; this forum's terms of reference allow initials.
  const privacy = page.getByLabel('Sådan står sagerne på den delte skærm og i referatet');
  await expect(privacy).toHaveValue('case-number');
  await privacy.selectOption({ label: 'Initialer, sagsnummer og alder' });
  await page.getByRole('button', { name: 'Tilføj medlem' }).click();
  await page.getByLabel('Navn på medlem 1').fill('Susanne Socialleder');
  await page.getByRole('button', { name: 'Tilføj medlem' }).click();
  await page.getByLabel('Navn på medlem 2').fill('Peter Politikommissær');
  await page.getByLabel('Partner').nth(1).selectOption('police');
  await page.getByLabel('Stilling').nth(1).fill('Lokalpolitileder');
  await screenshot(page, 'meetings-01-forum');
  await expectAccessible(page, 'forum form');
  await page.getByRole('button', { name: 'Gem forum' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fora' })).toBeVisible();
  await expect(page.getByRole('row', { name: /SSP-ledergruppe Valby/ })).toContainText('Peter Politikommissær (Politi)');
  // The look-back without an earlier meeting is a setting (design: 90 days).
  await expect(page.getByLabel('Dage tilbage, når forummet ikke har holdt møde før')).toHaveValue('90');
  await page.getByLabel('Dage tilbage, når forummet ikke har holdt møde før').fill('120');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByText('Gemt: 120 dage.')).toBeVisible();
  await expectAccessible(page, 'forum list');

  // ---- a new meeting today: the agenda is proposed ----
  await shell.goTo('Ledergruppemøder');
  await expectAccessible(page, 'meeting list');
  await page.getByRole('button', { name: 'Nyt møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt møde' })).toBeVisible();
  await page.getByLabel('Forum').selectOption({ label: 'SSP-ledergruppe Valby' });
  await expect(page.getByLabel('Dato')).toHaveValue(daDate(today));
  await page.getByLabel('Tidspunkt').fill('09:30');
  await page.getByLabel('Sted').fill('Valby Medborgerhus');
  await expect(page.getByLabel('Susanne Socialleder (SOF)')).toBeChecked();
  await page.getByRole('button', { name: 'Tilføj gæst' }).click();
  await page.getByLabel('Navn på gæst 1').fill('Gustav Gæsteleder');
  await expectAccessible(page, 'new meeting');
  await page.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SSP-ledergruppe Valby' })).toBeVisible();

  const agenda = page.getByTestId('agenda');
  // Level 4 first, then by case number: p2 (charged), p1 (review overdue), p3 (new).
  await expect(agenda.getByRole('listitem')).toHaveCount(3);
  await expect(agenda.getByRole('listitem').nth(0)).toContainText(`OT · ${cases.p2.caseNumber}`);
  await expect(agenda.getByRole('listitem').nth(0)).toContainText('Ny sigtelse');
  await expect(agenda.getByRole('listitem').nth(1)).toContainText(`MP · ${cases.p1.caseNumber}`);
  await expect(agenda.getByRole('listitem').nth(1)).toContainText('Opfølgning forfalden');
  await expect(agenda.getByRole('listitem').nth(2)).toContainText(`SE · ${cases.p3.caseNumber}`);
  await expect(page.getByRole('region', { name: 'Deltagere' })).toContainText('Gustav Gæsteleder (Anden) – gæst');
  await expect(page.getByText('(intet tidligere møde i forummet: de seneste 120 dage).')).toBeVisible();
  await expectNoPersonalData(page, 'control view');

  // ---- edit the meeting: place and attendees ----
  await page.getByRole('button', { name: 'Redigér mødet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Redigér møde' })).toBeVisible();
  await expect(page.getByLabel('Navn på gæst 1')).toHaveValue('Gustav Gæsteleder');
  await page.getByLabel('Sted').fill('Valby Kulturhus, lokale 2');
  await page.getByLabel('Susanne Socialleder (SOF)').uncheck();
  await expectAccessible(page, 'edit meeting');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SSP-ledergruppe Valby' })).toBeVisible();
  await expect(page.getByText('Valby Kulturhus, lokale 2')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Deltagere' })).not.toContainText('Susanne Socialleder');

  // ---- edit the agenda: a case by search (then removed again), a free point, reorder ----
  await page.getByRole('textbox', { name: 'Find en sag' }).fill('Fiktivsen');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await page.getByRole('button', { name: `Tilføj ${cases.p4.caseNumber}` }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(4);
  await expect(agenda.getByRole('listitem').nth(3)).toContainText('tilføjet manuelt');
  await page.getByRole('button', { name: `Fjern EF · ${cases.p4.caseNumber}` }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(3);
  await page.getByLabel('Nyt punkt på dagsordenen').fill('Tryghedsvandring i Valby');
  await page.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(agenda.getByRole('listitem').nth(3)).toContainText('Tryghedsvandring i Valby');
  await page.getByRole('button', { name: `Flyt op SE · ${cases.p3.caseNumber}` }).click();
  await expect(agenda.getByRole('listitem').nth(1)).toContainText(`SE · ${cases.p3.caseNumber}`);
  await page.getByRole('button', { name: 'Sammenlign med forslaget' }).click();
  await expect(page.getByText('Alle foreslåede sager står på dagsordenen.')).toBeVisible();
  await screenshot(page, 'meetings-02-control');
  await expectAccessible(page, 'control view');

  // ---- the shared screen ----
  await page.getByRole('button', { name: 'Start skærmvisning' }).click();
  const projection = page.getByTestId('projection');
  await expect(projection.getByRole('heading', { level: 1, name: 'Dagsorden' })).toBeVisible();
  await expect(shell.nav).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoPersonalData(page, 'projection overview');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'meetings-03-projection-overview-1920');
  await expectAccessible(page, 'projection overview');

  await page.keyboard.press('ArrowRight');
  await expect(projection.getByRole('heading', { level: 1 })).toHaveText(`OT · ${cases.p2.caseNumber}`);
  await expect(projection).toContainText('Punkt 1 af 4');
  await expect(projection).toContainText('Sigtelse: 1');
  await expect(projection).toContainText('Afhøring: 1');
  await expect(projection).toContainText('Frihedsberøvet, forventes løsladt');
  await expectNoPersonalData(page, 'projection before reveal');
  await screenshot(page, 'meetings-04-projection-1920');
  await expectAccessible(page, 'projection case');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'meetings-05-projection-1280');
  await expectAccessible(page, 'projection case at 1280x720');

  // Reveal this one case (R, then J to confirm): the name appears, audited.
  await page.keyboard.press('r');
  await page.keyboard.press('j');
  const revealed = projection.getByTestId('revealed');
  await expect(revealed).toContainText('Oliver Testrup');
  await expect(revealed).toContainText('Røveri ved stationen');
  expect(await domText(page)).not.toContain(PEOPLE.p2.cpr.slice(6));
  await screenshot(page, 'meetings-06-projection-revealed-1280');
  await expectAccessible(page, 'projection revealed');
  const reveals = bridge.ctx.vault.current.sqlite.prepare(`SELECT entity, entity_id AS id, detail FROM audit_log WHERE action = 'reveal'`).all();
  expect(reveals).toEqual([{ entity: 'case', id: cases.p2.id, detail: expect.stringMatching(/^meeting:\d+$/) }]);

  // Moving on hides it again, and it stays hidden on coming back.
  await page.keyboard.press('PageDown');
  await expect(projection.getByRole('heading', { level: 1 })).toHaveText(`SE · ${cases.p3.caseNumber}`);
  await expectNoPersonalData(page, 'projection after moving on');
  await page.keyboard.press('ArrowLeft');
  await expect(projection.getByRole('heading', { level: 1 })).toHaveText(`OT · ${cases.p2.caseNumber}`);
  await expectNoPersonalData(page, 'projection after coming back');
  // R asks again (J confirms); R hides at once.
  await page.keyboard.press('R');
  await page.keyboard.press('j');
  await expect(revealed).toContainText('Oliver Testrup');
  await page.keyboard.press('R');
  await expect(projection.getByTestId('revealed')).toHaveCount(0);
  await page.keyboard.press('End'); // unbound: nothing happens
  await page.keyboard.press(' '); // Space goes to the next item, like presentation software
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(projection.getByRole('heading', { level: 1 })).toHaveText('Tryghedsvandring i Valby');
  await page.keyboard.press('ArrowRight'); // the last item stays
  await expect(projection).toContainText('Punkt 4 af 4');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Escape');
  await expect(projection).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'SSP-ledergruppe Valby' })).toBeVisible();
  await expect(shell.nav).toBeVisible();

  // ---- two decisions ----
  const card2 = page.getByRole('region', { name: new RegExp(`OT · ${cases.p2.caseNumber}`) });
  await card2.getByLabel('Niveau', { exact: true }).selectOption('3');
  await card2.getByLabel('Begrundelse for nyt niveau').fill('Ingen nye personfarlige forhold; fortsat gentagen kriminalitet');
  await card2.getByRole('button', { name: 'Tilføj handling' }).click();
  await card2.getByLabel('Handling 1').fill('Bekymringssamtale med familien');
  await card2.getByLabel('Ansvarlig partner').selectOption('police');
  await card2.getByLabel('Frist').fill(daDate(addDays(today, 14)));
  await card2.getByLabel('Næste opfølgning').fill(daDate(addDays(today, 60)));
  await card2.getByLabel('Note').fill('Ledergruppen følger op om to måneder.');
  await card2.getByRole('button', { name: 'Gem beslutning i sagen' }).click();
  await expect(card2).toContainText('Gemt i sagen af Karen Koordinatorsen.');
  await expect(card2).toContainText('Fra 4 til 3: Ingen nye personfarlige forhold');

  // The decisions are taken one case at a time beside its summary: pick the next one.
  await page.getByLabel('Vælg sag').selectOption({ label: `3. MP · ${cases.p1.caseNumber}` });
  const card1 = page.getByRole('region', { name: new RegExp(`MP · ${cases.p1.caseNumber}`) });
  // An empty decision is refused with a message, and nothing is saved.
  await card1.getByRole('button', { name: 'Gem beslutning i sagen' }).click();
  await expect(card1.getByRole('alert')).toContainText('Beslutningen er tom');
  await card1.getByLabel('Næste opfølgning').fill(daDate(addDays(today, 30)));
  await card1.getByLabel('Note').fill('Mentorforløb fortsætter.');
  await card1.getByRole('button', { name: 'Gem beslutning i sagen' }).click();
  await expect(card1).toContainText('Gemt i sagen af Karen Koordinatorsen.');
  await expect(agenda.getByText('Beslutning gemt')).toHaveCount(2);
  await screenshot(page, 'meetings-07-decisions');
  await expectAccessible(page, 'decisions');

  // ---- the decisions are in the cases ----
  const meetingId = (await call<{ id: number }[]>(bridge, 'meetings.list', {}))[0]!.id;
  const c2 = await call<CaseDetail>(bridge, 'cases.get', { caseId: cases.p2.id });
  expect(c2.level).toBe(3);
  expect(c2.nextReviewOn).toBe(addDays(today, 60));
  expect(c2.levelHistory.at(-1)).toMatchObject({ changedOn: today, level: 3, forum: 'SSP-ledergruppe Valby', meetingId });
  expect(c2.notes.at(-1)).toMatchObject({ meetingId });
  expect(c2.notes.at(-1)!.text).toContain('Bekymringssamtale med familien (ansvarlig: Politi');
  const c1 = await call<CaseDetail>(bridge, 'cases.get', { caseId: cases.p1.id });
  expect(c1.level).toBe(3);
  expect(c1.nextReviewOn).toBe(addDays(today, 30));
  expect(c1.notes.at(-1)).toMatchObject({ meetingId });
  expect(c1.notes.at(-1)!.text).toContain('Mentorforløb fortsætter.');
  expect(await call(bridge, 'meetings.caseActions', { caseId: cases.p2.id })).toMatchObject([{ description: 'Bekymringssamtale med familien', partner: 'police', deadline: addDays(today, 14) }]);
  // The shared screen marks them as decided.
  const projected = await call<{ items: { case: { decided: boolean } | null }[] }>(bridge, 'meetings.projection', { meetingId });
  expect(projected.items.map((i) => i.case?.decided ?? null)).toEqual([true, false, true, null]);

  // ---- minutes ----
  await page.getByRole('button', { name: 'Referat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referat: SSP-ledergruppe Valby' })).toBeVisible();
  await expect(page.getByText('Sagerne står med initialer og sagsnummer')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Peter Politikommissær (Politi)');
  await expect(page.getByRole('main')).not.toContainText('Susanne Socialleder');
  await expect(page.getByRole('main')).toContainText(`OT · ${cases.p2.caseNumber}`);
  await expect(page.getByRole('main')).toContainText('Bekymringssamtale med familien – ansvarlig: Politi');
  await expect(page.getByRole('button', { name: 'Udskriv eller gem som PDF' })).toBeVisible();
  await expectNoPersonalData(page, 'minutes');
  await screenshot(page, 'meetings-08-minutes');
  await expectAccessible(page, 'minutes');
  await page.emulateMedia({ media: 'print' });
  await expect(shell.nav).toBeHidden();
  await expect(page.getByRole('button', { name: 'Udskriv eller gem som PDF' })).toBeHidden();
  await screenshot(page, 'meetings-09-minutes-print');
  await page.emulateMedia({ media: 'screen' });

  // ---- and the decision shows in the case itself (Sager) ----
  await shell.goTo('Sager');
  const list = new CaseListPage(page);
  await list.searchFor(cases.p2.caseNumber);
  await list.open(cases.p2.caseNumber);
  const detail = new CaseDetailPage(page);
  await expect(detail.heading('Oliver Testrup')).toBeVisible();
  await expect(detail.timeline).toContainText('Ingen nye personfarlige forhold; fortsat gentagen kriminalitet');
  await expect(detail.timeline.getByTestId('timeline-note').filter({ hasText: 'Beslutning på møde i SSP-ledergruppe Valby' })).toContainText(
    'Bekymringssamtale med familien (ansvarlig: Politi',
  );
  await screenshot(page, 'meetings-10-case-after-decision');

  // Nothing of the meeting is in the page once locked.
  await vault.lock();
  const html = await page.content();
  for (const secret of ['SSP-ledergruppe Valby', 'Peter Politikommissær', cases.p2.caseNumber]) expect(html).not.toContain(secret);
});
