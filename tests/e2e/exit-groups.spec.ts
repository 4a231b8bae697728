import type { Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { addDays, addYears, anniversary, formatDanishDate } from '../../src/shared/core/dates';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { daDate, expect, expectAccessible, screenshot, test } from './fixtures';
import { call, CaseDetailPage, CaseListPage, createSeededVault } from './pages/CasesPages';
import { expectNoneOf, seedPeople } from './meetings-live.helpers';

/**
 * Issue 19 item 7 end to end: an Exit course recorded on the case, its 24-month follow-up due with
 * the count of new charges, the same course beside the SSP+ plan; youth groups on the case and as
 * an item on the ledergruppe's agenda, projected with pseudonyms. Fictional people, dated from today.
 */
const today = todayOf(new Date());
const main = (page: Page) => page.getByRole('main');

test('record an Exit course and see its 24-month follow-up due, also beside the SSP+ plan', async ({ page, bridge, vault, shell }) => {
  void vault;
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  const c = await call<CaseDetail>(bridge, 'cases.open', {
    person: { firstName: 'Emil', lastName: 'Exitsen', birthDate: addYears(today, -21), districtId: 3 },
    level: 3,
    reason: 'Gentagen alvorlig kriminalitet',
    districtId: 3,
    openedOn: addDays(today, -1300),
  });
  const endOn = addDays(today, -800); // more than 24 months ago: the follow-up is due
  const startOn = addDays(endOn, -300);
  const charge = (occurredOn: string) => call(bridge, 'cases.addEvent', { caseId: c.id, kind: 'charge', occurredOn, offenceCategory: 'violence' });
  await charge(addDays(startOn, -30)); // before the course: not counted
  await charge(addDays(endOn, 10)); // inside the 24 months
  await charge(addDays(endOn, 100)); // inside the 24 months
  // By hand: 2 new charges; due on the 24-month anniversary of the end.
  const dueOn = anniversary(endOn, 24);

  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.row(c.caseNumber).click();
  const detail = new CaseDetailPage(page);
  await expect(detail.heading('Emil Exitsen')).toBeVisible();
  const exit = main(page).getByRole('region', { name: 'Exitforløb' });
  await expect(exit).toContainText('Ingen exitforløb registreret for den unge.');

  await exit.getByRole('button', { name: 'Registrér exitforløb' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrér exitforløb' });
  await expect(dialog.getByLabel('Program')).toBeFocused();
  await dialog.getByLabel('Program').selectOption({ label: 'Exitprogram fra 17½ år' });
  await dialog.getByLabel('Startdato').fill(daDate(startOn));
  await dialog.getByLabel('Gennemført').check();
  // More than three years: refused in the form, nothing typed is lost.
  await dialog.getByLabel('Slutdato').fill(daDate(addDays(anniversary(startOn, 36), 1)));
  await dialog.getByRole('button', { name: 'Gem exitforløb' }).click();
  await expect(dialog.getByText(`Højst tre år: senest ${formatDanishDate(anniversary(startOn, 36))}`)).toBeVisible();
  await expect(dialog.getByText('Skriv kontaktpersonen')).toBeVisible();
  await dialog.getByLabel('Slutdato').fill(daDate(endOn));
  await dialog.getByLabel('Kontaktperson').fill('Exit-koordinator Bo Berg');
  await screenshot(page, 'exit-01-dialog');
  await expectAccessible(page, 'exit dialog');
  await dialog.getByRole('button', { name: 'Gem exitforløb' }).click();
  await expect(dialog).toBeHidden();
  await expect(exit).toContainText('Exitforløbet er gemt.');

  const row = exit.getByTestId('exit-course');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Exitprogram fra 17½ år');
  await expect(row).toContainText(`${formatDanishDate(startOn)} – ${formatDanishDate(endOn)}`);
  await expect(row).toContainText('Gennemført');
  const followUp = row.getByTestId('exit-follow-up');
  await expect(followUp).toContainText(`Forfalden ${formatDanishDate(dueOn)}`);
  await expect(followUp).toContainText('2 nye sigtelser');
  await expect(followUp).not.toContainText('indtil nu');
  await exit.scrollIntoViewIfNeeded();
  await screenshot(page, 'exit-02-case-follow-up-due');
  await expectAccessible(page, 'case with exit course');

  // Beside the SSP+ plan, read-only.
  await call(bridge, 'sspplus.start', { personId: c.person.id, startDate: today, coordinator: 'Kim Koordinator' });
  await shell.goTo('SSP+');
  await main(page).getByRole('button', { name: 'Åbn SSP+-plan for Emil Exitsen' }).click();
  await expect(main(page).getByRole('heading', { level: 1, name: 'SSP+-plan for Emil Exitsen' })).toBeVisible();
  const planExit = main(page).getByRole('region', { name: 'Exitforløb' });
  await expect(planExit.getByTestId('exit-follow-up')).toContainText(`Forfalden ${formatDanishDate(dueOn)}`);
  await expect(planExit.getByTestId('exit-follow-up')).toContainText('2 nye sigtelser');
  await expect(planExit.getByRole('button')).toHaveCount(0);
  await planExit.scrollIntoViewIfNeeded();
  await screenshot(page, 'exit-03-sspplus-plan');
  await expectAccessible(page, 'sspplus plan with exit course');
});

test('a youth group made on the cases, put on the ledergruppe agenda and projected with pseudonyms only', async ({ page, bridge, vault, shell }) => {
  void vault;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  const people = await seedPeople(bridge, today, 3);
  const [a, b, outside] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  const forum = (await call<{ id: number; name: string }[]>(bridge, 'forums.list', {})).find((f) => f.name === 'SSP-ledergruppe Valby')!;
  await call(bridge, 'meetings.create', { forumId: forum.id, heldOn: today, startsAt: '09:30', proposeAgenda: false, privacyLevel: 'initials' });

  // On A's case: a new group. A name with a young person's name in it is refused, and nothing typed is lost.
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.row(a.caseNumber).click();
  const detail = new CaseDetailPage(page);
  await expect(detail.heading(`${a.firstName} ${a.lastName}`)).toBeVisible();
  const groups = main(page).getByRole('region', { name: 'Ungegrupperinger' });
  await expect(groups).toContainText('Sagen er ikke med i nogen ungegruppering.');
  await groups.getByRole('button', { name: 'Tilføj til gruppering' }).click();
  let dialog = page.getByRole('dialog', { name: 'Tilføj sagen til en ungegruppering' });
  await dialog.getByLabel('Gruppering', { exact: true }).selectOption({ label: 'Ny gruppering …' });
  await dialog.getByLabel('Navn på den nye gruppering').fill(`${b.lastName}-gruppen`);
  await dialog.getByRole('button', { name: 'Tilføj' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Navnet indeholder et navn på en ung i registret.');
  await expect(dialog.getByLabel('Navn på den nye gruppering')).toHaveValue(`${b.lastName}-gruppen`);
  await dialog.getByLabel('Navn på den nye gruppering').fill('Gruppe Valby Vest');
  await screenshot(page, 'groups-01-new-group-dialog');
  await expectAccessible(page, 'new youth group dialog');
  await dialog.getByRole('button', { name: 'Tilføj' }).click();
  await expect(dialog).toBeHidden();
  await expect(groups).toContainText('Sagen er tilføjet grupperingen Gruppe Valby Vest.');

  // B joins the same group from B's case; A's case shows B.
  await page.getByRole('button', { name: 'Tilbage til Sager' }).click();
  await list.row(b.caseNumber).click();
  await expect(detail.heading(`${b.firstName} ${b.lastName}`)).toBeVisible();
  await groups.getByRole('button', { name: 'Tilføj til gruppering' }).click();
  dialog = page.getByRole('dialog', { name: 'Tilføj sagen til en ungegruppering' });
  await dialog.getByLabel('Gruppering', { exact: true }).selectOption({ label: 'Gruppe Valby Vest' });
  await dialog.getByRole('button', { name: 'Tilføj' }).click();
  await expect(dialog).toBeHidden();
  const group = groups.getByTestId('youth-group');
  await expect(group).toContainText('Gruppe Valby Vest');
  await expect(group).toContainText(`${a.caseNumber} ${a.firstName} ${a.lastName}`);
  await expect(group).toContainText(`${b.caseNumber} ${b.firstName} ${b.lastName} (denne sag)`);
  await groups.scrollIntoViewIfNeeded();
  await screenshot(page, 'groups-02-case-panel');
  await expectAccessible(page, 'case with youth group');

  // The ledergruppe meeting: the group as one agenda item.
  await shell.goTo('Ledergruppemøder');
  await page.getByRole('button', { name: /^Åbn SSP-ledergruppe Valby/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SSP-ledergruppe Valby' })).toBeVisible();
  await page.getByLabel('Ungegruppering', { exact: true }).selectOption({ label: 'Gruppe Valby Vest' });
  await page.getByRole('button', { name: 'Tilføj ungegruppering' }).click();
  const agenda = page.getByTestId('agenda');
  await expect(agenda.getByRole('listitem')).toHaveCount(1);
  await expect(agenda).toContainText('Gruppe Valby Vest');
  await expect(agenda).toContainText(`Ungegruppering · 2 åbne sager · ${a.initials} · ${a.caseNumber}, ${b.initials} · ${b.caseNumber}`);
  // Another item saves the whole agenda again: the group stays a group, and is offered no more.
  await page.getByLabel('Nyt punkt på dagsordenen').fill('Tryghed ved stationen');
  await page.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(2);
  await expect(agenda.getByRole('listitem').first()).toContainText('Ungegruppering · 2 åbne sager');
  await expect(page.getByLabel('Ungegruppering', { exact: true }).locator('option', { hasText: 'Gruppe Valby Vest (på dagsordenen)' })).toHaveCount(1);
  await agenda.scrollIntoViewIfNeeded();
  await screenshot(page, 'groups-03-agenda');
  await expectAccessible(page, 'agenda with youth group');

  // The shared screen at 1280x720: the group's cases by pseudonym and age, nobody's name, CPR, birth date or school anywhere in the page.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Start skærmvisning' }).click();
  const projection = page.getByTestId('projection');
  await expect(projection.getByRole('heading', { level: 1 })).toHaveText('Dagsorden');
  await expect(projection.getByTestId('overview-list')).toContainText('Gruppe Valby Vest');
  await expect(projection.getByTestId('overview-list')).toContainText('Tryghed ved stationen');
  await page.keyboard.press(' ');
  const slide = projection.getByTestId('projection-group');
  await expect(slide.getByRole('heading', { level: 1 })).toHaveText('Gruppe Valby Vest');
  await expect(slide.getByRole('listitem')).toHaveCount(2);
  await expect(slide).toContainText(`${a.initials} · ${a.caseNumber}`);
  await expect(slide).toContainText(`${b.initials} · ${b.caseNumber}`);
  await expect(slide).toContainText('Valby');
  await expect(projection.getByRole('button', { name: /Vis navn/ })).toHaveCount(0);
  await screenshot(page, 'groups-04-projection-1280');
  await expectAccessible(page, 'projected youth group');
  await expectNoneOf(page, [a, b, outside], 'projected youth group');
});
