import type { Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { addDays, addYears, anniversary, formatDanishDate } from '../../src/shared/core/dates';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { call, CaseDetailPage, CaseListPage, createSeededVault } from './pages/CasesPages';

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
  await dialog.getByLabel('Startdato').fill(startOn);
  await dialog.getByLabel('Gennemført').check();
  // More than three years: refused in the form, nothing typed is lost.
  await dialog.getByLabel('Slutdato').fill(addDays(anniversary(startOn, 36), 1));
  await dialog.getByRole('button', { name: 'Gem exitforløb' }).click();
  await expect(dialog.getByText(`Højst tre år: senest ${formatDanishDate(anniversary(startOn, 36))}`)).toBeVisible();
  await expect(dialog.getByText('Skriv kontaktpersonen')).toBeVisible();
  await dialog.getByLabel('Slutdato').fill(endOn);
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
