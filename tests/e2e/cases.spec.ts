import type { Page } from '@playwright/test';
import type { CaseDetail, CaseRow, Person } from '../../src/shared/cases/contract';
import { expect, expectAccessible, screenshot, SCREENSHOT_DIR, test } from './fixtures';
import { call, CaseDetailPage, CaseListPage, CASES_PASSPHRASE, createSeededVault } from './pages/CasesPages';

/**
 * Sager end to end on a vault seeded by the real seeder (5,000 synthetic young people): search
 * (æ, ø, å and letter case), filters, sorting, keyboard use, the remembered filter, a case's
 * detail with level change, events, notes and their correction, closing and reopening, the
 * new-case form and the import. Every write is checked on screen and through the dispatcher.
 */

type ListResult = { total: number; rows: CaseRow[] };
const daCount = (n: number) => n.toLocaleString('da-DK');
const fullName = (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`;

async function openApp(page: Page, url: string): Promise<CaseListPage> {
  const list = new CaseListPage(page);
  await list.goto(url);
  await list.expectLoaded('');
  return list;
}

test('case list on 5,000 cases: search with æ/ø/å, filters, sorting, keyboard, remembered filter', async ({ page, bridge, vault, shell }) => {
  test.setTimeout(180_000);
  await createSeededVault(bridge, 5000);
  const list = await openApp(page, bridge.url);

  // ---- the default view: open cases, by case number ----
  const openCases = await call<ListResult>(bridge, 'cases.list', { limit: 3 });
  expect(openCases.total).toBeGreaterThan(1000);
  await expect(list.count).toHaveText(`${daCount(openCases.total)} sager`);
  await expect(list.grid).toHaveAttribute('aria-rowcount', String(openCases.total + 1));
  await expect(list.rows().first()).toHaveAttribute('data-case-number', openCases.rows[0]!.caseNumber);
  await expect(list.columnHeader('Sagsnr.')).toHaveAttribute('aria-sort', 'ascending');
  // Virtualised: a few dozen rows in the DOM, not thousands.
  expect(await list.rows().count()).toBeLessThan(80);
  await screenshot(page, 'cases-01-list');
  await expectAccessible(page, 'case list');

  // ---- search: Danish letters, any letter case, every word must match ----
  const withDanish = await call<ListResult>(bridge, 'cases.list', { status: 'all', search: 'ø', limit: 200 });
  const target = withDanish.rows.find((r) => /[æøå]/.test(r.lastName) && r.status === 'open') ?? withDanish.rows.find((r) => r.status === 'open')!;
  const typed = target.lastName.toLocaleUpperCase('da-DK');
  expect(typed).toMatch(/[ÆØÅ]/);
  const expected = await call<ListResult>(bridge, 'cases.list', { search: target.lastName.toLocaleLowerCase('da-DK'), limit: 500 });
  await list.searchFor(typed);
  await expect(list.count).toHaveText(expected.total === 1 ? '1 sag' : `${daCount(expected.total)} sager`);
  const names = await list.rows().locator('.case-name').allTextContents();
  expect(names.length).toBe(Math.min(expected.total, names.length));
  for (const name of names) expect(name.toLocaleLowerCase('da-DK')).toContain(target.lastName.toLocaleLowerCase('da-DK'));

  // First and last name in mixed case narrow it to the person; the case number finds the case.
  await list.searchFor(`${target.firstName.toLocaleLowerCase('da-DK')} ${typed}`);
  await expect(list.row(target.caseNumber)).toBeVisible();
  await list.searchFor(target.caseNumber);
  await expect(list.count).toHaveText('1 sag');
  await expect(list.row(target.caseNumber)).toContainText(fullName(target));
  await screenshot(page, 'cases-02-list-search');

  // A one-letter search matches thousands: the count stops at 1.000 (issue 17) and says so; the
  // grid pages up to that, and End reaches the 1.000th match.
  const many = await call<ListResult & { capped: boolean }>(bridge, 'cases.list', { search: 'a', offset: 999, limit: 1 });
  expect(many).toMatchObject({ total: 1000, capped: true });
  await list.searchFor('a');
  await expect(list.count).toHaveText('Over 1.000 sager matcher – skriv mere for at indsnævre');
  await expect(list.grid).toHaveAttribute('aria-rowcount', '1001');
  await list.search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[role="row"][data-index="0"]')).toBeFocused();
  await page.keyboard.press('End');
  const capRow = page.locator('[role="row"][data-index="999"]');
  await expect(capRow).toBeFocused();
  await expect(capRow).toHaveAttribute('data-case-number', many.rows[0]!.caseNumber);
  await screenshot(page, 'cases-02b-list-search-capped');
  await expectAccessible(page, 'case list, capped count');

  // No match: a clear empty state that clears the filters.
  await list.searchFor('Qzxæøå');
  await expect(list.empty).toContainText('Ingen sager matcher');
  await expectAccessible(page, 'case list, no match');
  await list.empty.getByRole('button', { name: 'Ryd filtre' }).click();
  await expect(list.search).toHaveValue('');
  await list.expectLoaded('');
  await expect(list.count).toHaveText(`${daCount(openCases.total)} sager`);

  // ---- filters: level 3 and 4, Nørrebro, review overdue ----
  const districts = await call<{ id: number; name: string }[]>(bridge, 'districts.list', {});
  const noerrebro = districts.find((d) => d.name === 'Nørrebro')!;
  const filtered = await call<ListResult>(bridge, 'cases.list', { levels: [3, 4], districtIds: [noerrebro.id], review: 'overdue', limit: 500 });
  expect(filtered.total).toBeGreaterThan(0);
  await list.levelFilter(3).check();
  await list.levelFilter(4).check();
  await page.getByLabel('Bydel').selectOption({ label: 'Nørrebro' });
  await page.getByLabel('Opfølgning').selectOption({ label: 'Overskredet' });
  await expect(list.count).toHaveText(filtered.total === 1 ? '1 sag' : `${daCount(filtered.total)} sager`);
  await expect(list.list).toHaveAttribute('data-state', 'ready');
  const shownRows = list.rows();
  const n = await shownRows.count();
  expect(n).toBe(Math.min(filtered.total, n));
  for (let i = 0; i < Math.min(n, 10); i++) {
    const row = shownRows.nth(i);
    await expect(row).toHaveAttribute('data-case-number', filtered.rows[i]!.caseNumber);
    await expect(row.locator('.level-badge')).toHaveText(/Niveau [34]/);
    await expect(row).toContainText('Nørrebro');
    // Overdue is said in words and with an icon, not by colour alone.
    await expect(row.locator('.review-overdue')).toContainText('opfølgningen er overskredet');
  }
  await screenshot(page, 'cases-03-list-filtered');
  await expectAccessible(page, 'case list, filtered');

  // ---- sorting by name, both ways ----
  await list.columnHeader('Navn').getByRole('button').click();
  await expect(list.columnHeader('Navn')).toHaveAttribute('aria-sort', 'ascending');
  await expect(list.columnHeader('Sagsnr.')).toHaveAttribute('aria-sort', 'none');
  const byName = await call<ListResult>(bridge, 'cases.list', { levels: [3, 4], districtIds: [noerrebro.id], review: 'overdue', sort: 'name', direction: 'asc', limit: 3 });
  await expect(list.rows().first()).toHaveAttribute('data-case-number', byName.rows[0]!.caseNumber);
  await list.columnHeader('Navn').getByRole('button').click();
  await expect(list.columnHeader('Navn')).toHaveAttribute('aria-sort', 'descending');
  const byNameDesc = await call<ListResult>(bridge, 'cases.list', { levels: [3, 4], districtIds: [noerrebro.id], review: 'overdue', sort: 'name', direction: 'desc', limit: 3 });
  await expect(list.rows().first()).toHaveAttribute('data-case-number', byNameDesc.rows[0]!.caseNumber);

  // ---- the filter is remembered for the session: another area and back ----
  await shell.goTo('SSP+');
  await shell.goTo('Sager');
  await list.expectLoaded('');
  await expect(list.levelFilter(3)).toBeChecked();
  await expect(page.getByLabel('Bydel')).toHaveValue(String(noerrebro.id));
  await expect(list.columnHeader('Navn')).toHaveAttribute('aria-sort', 'descending');
  await expect(list.count).toHaveText(filtered.total === 1 ? '1 sag' : `${daCount(filtered.total)} sager`);

  // ---- keyboard: '/' to search, arrows, End across pages, Enter opens ----
  await page.getByRole('button', { name: 'Ryd filtre' }).first().click();
  await list.expectLoaded('');
  await list.columnHeader('Sagsnr.').getByRole('button').click();
  await expect(list.columnHeader('Sagsnr.')).toHaveAttribute('aria-sort', 'ascending');
  await list.heading.click();
  await page.keyboard.press('/');
  await expect(list.search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[role="row"][data-index="0"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = page.locator('[role="row"][data-index="2"]');
  await expect(third).toBeFocused();
  await expect(third).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('End');
  const last = page.locator(`[role="row"][data-index="${openCases.total - 1}"]`);
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-rowindex', String(openCases.total + 1));
  const lastCase = (await call<ListResult>(bridge, 'cases.list', { offset: openCases.total - 1, limit: 1 })).rows[0]!;
  await expect(last).toHaveAttribute('data-case-number', lastCase.caseNumber);
  await page.keyboard.press('Home');
  await expect(page.locator('[role="row"][data-index="0"]')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(page.locator('[role="row"].is-active')).not.toHaveAttribute('data-index', '0');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const detail = new CaseDetailPage(page);
  await expect(detail.heading(fullName(lastCase))).toBeVisible();
  await expect(page.getByText(`Sag ${lastCase.caseNumber}`)).toBeVisible();

  // Back on the list, the same place: the opened row is active again.
  await page.getByRole('button', { name: 'Tilbage til Sager' }).click();
  await list.expectLoaded('');
  await expect(page.locator('[role="row"].is-active')).toHaveAttribute('data-index', String(openCases.total - 1));

  // ---- locking drops the remembered filter ----
  await list.searchFor(target.caseNumber);
  await shell.goTo('SSP+');
  await shell.goTo('Sager');
  await expect(list.search).toHaveValue(target.caseNumber);
  await vault.lock();
  await vault.unlock(CASES_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible(); // a new session starts on Overblik
  await shell.goTo('Sager');
  await list.expectLoaded('');
  await expect(list.search).toHaveValue('');
  await expect(list.count).toHaveText(`${daCount(openCases.total)} sager`);
});

test('case detail: reveal CPR, change level, add event and note, correct the note, close and reopen', async ({ page, bridge, vault }) => {
  test.setTimeout(180_000);
  void vault;
  await createSeededVault(bridge, 5000);
  // A level-1 case of someone with a CPR number, found through the dispatcher.
  const candidates = await call<ListResult>(bridge, 'cases.list', { levels: [1], sort: 'caseNumber', limit: 50 });
  let before: CaseDetail | null = null;
  for (const row of candidates.rows) {
    const d = await call<CaseDetail>(bridge, 'cases.get', { caseId: row.id });
    if (d.person.cpr && d.notes.length > 0) {
      before = d;
      break;
    }
  }
  expect(before, 'a level-1 case with a CPR number and notes').not.toBeNull();
  const c = before!;
  const name = fullName(c.person);

  const list = await openApp(page, bridge.url);
  await list.searchFor(c.caseNumber);
  await list.open(c.caseNumber);
  const detail = new CaseDetailPage(page);
  await expect(detail.heading(name)).toBeVisible();
  await expect(detail.heading(name)).toBeFocused();

  // ---- person: CPR masked until asked for, hidden again after leaving ----
  const cprValue = page.getByTestId('cpr-value');
  await expect(cprValue).toHaveText(/^\d{6}-xxxx$/);
  const fullCpr = (await call<{ cpr: string }>(bridge, 'people.revealCpr', { personId: c.person.id })).cpr;
  await page.getByRole('button', { name: 'Vis CPR' }).click();
  await expect(cprValue).toHaveText(fullCpr);
  await page.getByRole('button', { name: 'Skjul CPR' }).click();
  await expect(cprValue).toHaveText(c.person.cpr!);
  await page.getByRole('button', { name: 'Vis CPR' }).click();
  await expect(cprValue).toHaveText(fullCpr);
  await page.getByRole('button', { name: 'Tilbage til Sager' }).click();
  await list.expectLoaded(c.caseNumber);
  await list.open(c.caseNumber);
  await expect(detail.heading(name)).toBeVisible();
  await expect(cprValue).toHaveText(c.person.cpr!);
  expect(await page.evaluate(() => document.documentElement.textContent ?? '')).not.toContain(fullCpr);

  await screenshot(page, 'cases-04-detail');
  await expectAccessible(page, 'case detail');

  // ---- change level: the reason is required ----
  await detail.action('Skift niveau').click();
  const dialog = detail.dialog();
  await expect(dialog.getByLabel(/^Niveau 1:/)).toBeFocused();
  await dialog.getByLabel(/^Niveau 3:/).check();
  // Level 3 proposes the district's ledergruppe (issue 17), not the generic name.
  await expect(dialog.getByLabel('Koordinerende forum')).toHaveValue(/^SSP-ledergruppe \S/);
  const proposedForum = await dialog.getByLabel('Koordinerende forum').inputValue();
  await dialog.getByRole('button', { name: 'Skift niveau' }).click();
  await expect(dialog.locator('#level-reason-error')).toHaveText('Fejl: Skriv en begrundelse.');
  // The modal covers the viewport only: a viewport shot shows it as the user sees it.
  await page.screenshot({ path: `${SCREENSHOT_DIR}/cases-05-change-level.png` });
  await expectAccessible(page, 'change level dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(detail.action('Skift niveau')).toBeFocused();
  await detail.changeLevel(3, 'Gentagne indbrud i Valby; sigtet to gange på en måned');
  await expect(detail.action('Skift niveau')).toBeFocused();
  await expect(page.locator('.case-lead .level-badge')).toHaveText('Niveau 3');
  await expect(detail.timeline.getByRole('listitem').first()).toContainText('Niveau hævet fra 1 til 3');
  await expect(detail.timeline.getByRole('listitem').first()).toContainText('Gentagne indbrud i Valby');

  // ---- add event: a charge needs its category ----
  await detail.action('Tilføj hændelse').click();
  await dialog.getByLabel('Hændelse').selectOption({ label: 'Sigtelse' });
  await dialog.getByRole('button', { name: 'Tilføj hændelse' }).click();
  await expect(dialog.locator('#event-offence-error')).toContainText('Vælg en kategori for sigtelsen.');
  await dialog.getByLabel('Kategori for sigtelsen').selectOption({ label: 'Indbrud' });
  await dialog.getByLabel('Beskrivelse (valgfri)').fill('Indbrud i kolonihavehus');
  await dialog.getByRole('button', { name: 'Tilføj hændelse' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.message).toContainText('Hændelsen er tilføjet: Sigtelse.');
  // An effort event needs an effort from the list.
  await detail.action('Tilføj hændelse').click();
  await dialog.getByLabel('Hændelse').selectOption({ label: 'Indsats tilbudt' });
  await dialog.getByLabel('Indsats', { exact: true }).selectOption({ label: 'Mentor' });
  await dialog.getByRole('button', { name: 'Tilføj hændelse' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.timeline.getByTestId('timeline-event').filter({ hasText: 'Indsats tilbudt: Mentor' })).toHaveCount(1);
  await expect(detail.timeline.getByTestId('timeline-event').filter({ hasText: 'Sigtelse: Indbrud' }).first()).toContainText('Indbrud i kolonihavehus');

  // ---- a note, then a correction of it: the old one stays, marked ----
  await detail.addNote('Samtale med mor om skolegang. Aftalt møde med klubben.');
  const noteItem = detail.timeline.getByTestId('timeline-note').filter({ hasText: 'Samtale med mor om skolegang' });
  await expect(noteItem).toHaveCount(1);
  await noteItem.getByRole('button', { name: /Ret notat/ }).click();
  await expect(dialog.getByLabel('Notat', { exact: true })).toHaveValue('Samtale med mor om skolegang. Aftalt møde med klubben.');
  await dialog.getByLabel('Notat', { exact: true }).fill('Samtale med far om skolegang. Aftalt møde med klubben.');
  await dialog.getByRole('button', { name: 'Gem rettelse' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.message).toContainText('Rettelsen er gemt.');
  await expect(noteItem).toContainText('Rettet');
  const correction = detail.timeline.getByTestId('timeline-note').filter({ hasText: 'Samtale med far' });
  await expect(correction).toContainText('Rettelse af notat');
  await expect(correction.getByRole('link', { name: /retter notatet fra/ })).toBeVisible();
  await screenshot(page, 'cases-06-detail-after');
  await expectAccessible(page, 'case detail after changes');

  // ---- close: reason from the fixed list, with confirmation ----
  await detail.close('Ophørt bekymring');
  await expect(page.locator('.case-lead .status-tag')).toHaveText('Afsluttet');
  await expect(detail.action('Genåbn sag')).toBeVisible();
  await expect(detail.action('Skift niveau')).toHaveCount(0);
  await expect(detail.timeline.getByRole('listitem').first()).toContainText('Sagen er afsluttet');
  await expect(detail.timeline.getByRole('listitem').first()).toContainText('Ophørt bekymring');

  // ---- the same through the dispatcher ----
  const after = await call<CaseDetail>(bridge, 'cases.get', { caseId: c.id });
  expect(after.level).toBe(3);
  expect(after.forum).toBe(proposedForum);
  expect(after.levelHistory.at(-1)).toMatchObject({ level: 3, reason: 'Gentagne indbrud i Valby; sigtet to gange på en måned', forum: proposedForum, actor: 'Karen Koordinatorsen' });
  expect(after.events.length).toBe(c.events.length + 2);
  expect(after.events.find((e) => e.kind === 'charge' && e.description === 'Indbrud i kolonihavehus')).toMatchObject({ offenceCategory: 'burglary' });
  expect(after.events.find((e) => e.kind === 'effort-offered' && e.effortName === 'Mentor')).toBeTruthy();
  expect(after.notes.length).toBe(c.notes.length + 2);
  const original = after.notes.find((n) => n.text.startsWith('Samtale med mor'))!;
  const fixed = after.notes.find((n) => n.text.startsWith('Samtale med far'))!;
  expect(fixed.correctsNoteId).toBe(original.id);
  expect(original.correctedByNoteIds).toEqual([fixed.id]);
  expect(after.status).toBe('closed');
  expect(after.closingReason).toBe('concern-ended');
  expect(after.closedOn).toBe(after.statusHistory.at(-1)!.changedOn);

  // The closed case has left the open list, and shows as closed under 'Alle sager'.
  await page.getByRole('button', { name: 'Tilbage til Sager' }).click();
  await list.expectLoaded(c.caseNumber);
  await expect(list.empty).toContainText('Ingen sager matcher');
  await page.getByLabel('Status').selectOption({ label: 'Alle sager' });
  await expect(list.row(c.caseNumber)).toContainText('Afsluttet');
  await expect(list.row(c.caseNumber).locator('.level-badge')).toHaveText('Niveau 3');

  // ---- reopen ----
  await list.open(c.caseNumber);
  await detail.action('Genåbn sag').click();
  await dialog.getByLabel('Begrundelse').fill('Ny bekymring fra skolen');
  await dialog.getByLabel(/^Niveau 2:/).check();
  await dialog.getByRole('button', { name: 'Genåbn sag' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.message).toContainText('Sagen er genåbnet.');
  await expect(page.locator('.case-lead .status-tag')).toHaveText('Åben');
  const reopened = await call<CaseDetail>(bridge, 'cases.get', { caseId: c.id });
  expect(reopened).toMatchObject({ status: 'open', level: 2, closedOn: null });
  expect(reopened.statusHistory.at(-1)!.kind).toBe('reopened');

  // ---- edit the case and the person ----
  await detail.action('Redigér sag').click();
  await dialog.getByLabel('Koordinator').fill('Mikkel Mentorsen');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.case-facts').first()).toContainText('Mikkel Mentorsen');
  await page.getByRole('button', { name: 'Redigér person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Redigér person' })).toBeVisible();
  await expect(page.getByLabel('Fornavn')).toHaveValue(c.person.firstName);
  await page.getByLabel('Skole eller institution (valgfri)').fill('Ørestad Skole');
  await page.getByRole('button', { name: 'Tilføj kontakt' }).click();
  await expect(page.locator('#contact-' + c.person.contacts.length + '-name')).toBeFocused();
  await page.locator('#contact-' + c.person.contacts.length + '-name').fill('Åse Ærøsen');
  await page.locator('#contact-' + c.person.contacts.length + '-relation').fill('Moster');
  await expectAccessible(page, 'edit person');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(detail.heading(name)).toBeVisible();
  await expect(detail.message).toContainText('Personens oplysninger er gemt.');
  await expect(page.getByRole('region', { name: 'Den unge' })).toContainText('Ørestad Skole');
  await expect(page.getByRole('region', { name: 'Den unge' })).toContainText('Åse Ærøsen');
  const person = await call<CaseDetail>(bridge, 'cases.get', { caseId: c.id });
  expect(person.person.school).toBe('Ørestad Skole');
  expect(person.person.contacts.at(-1)).toMatchObject({ name: 'Åse Ærøsen', relation: 'Moster', phone: null });
  // The CPR number was kept as it was.
  expect((await call<{ cpr: string }>(bridge, 'people.revealCpr', { personId: c.person.id })).cpr).toBe(fullCpr);
  expect(person.person.sex).toBe(c.person.sex);
});

test('new case: empty vault, validation as you type, CPR check, nothing lost when saving fails', async ({ page, bridge, vault }) => {
  void vault;
  await createSeededVault(bridge, 0);
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await expect(list.empty).toContainText('Der er ingen sager endnu');
  await expect(list.empty.getByRole('button', { name: 'Importér' })).toBeVisible();
  await screenshot(page, 'cases-07-empty');
  await expectAccessible(page, 'empty case list');
  await list.empty.getByRole('button', { name: 'Opret sag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opret sag' })).toBeVisible();

  // Submitting the empty form lists every problem and puts each message next to its field.
  await page.getByRole('button', { name: 'Opret sag' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Skriv fornavnet.');
  await expect(summary).toContainText('Skriv fødselsdatoen, når der ikke er et CPR-nummer.');
  await expect(summary).toContainText('Vælg et niveau.');
  await expect(page.locator('#case-reason-error')).toHaveText('Fejl: Skriv en begrundelse.');

  // CPR as typed: a modulus-11 failure is a warning, not an error; birth date and sex are derived.
  const cpr = page.getByLabel('CPR-nummer (valgfrit)');
  await cpr.fill('0101104002');
  const feedback = page.getByTestId('cpr-feedback');
  await expect(feedback).toContainText('Født 1. januar 2010 · juridisk køn: Kvinde');
  await expect(feedback).toContainText('modulus 11');
  await expect(page.locator('#person-cpr-error')).toHaveCount(0);
  await expect(page.getByLabel('Fødselsdato')).toHaveCount(0);
  await expect(page.getByLabel('Juridisk køn')).toHaveValue('fromCpr');
  await expect(page.getByLabel('Juridisk køn').locator('option:checked')).toHaveText('Efter CPR-nummeret (Kvinde)');
  await cpr.fill('3102104001');
  await expect(page.locator('#person-cpr-error')).toContainText('ikke en gyldig dato');
  // A number already on another person is not told while typing (that would be an oracle for a
  // masked number, issue 15): the date and sex show as for any number; saving refuses it (below).
  await call<Person>(bridge, 'people.create', { firstName: 'Anden', lastName: 'Person', cpr: '0202104002' });
  await cpr.fill('020210-4002');
  await expect(feedback).toContainText('Født 2. februar 2010');
  await expect(page.locator('#person-cpr-error')).toHaveCount(0);

  await cpr.fill('0303104003');
  await page.getByLabel('Fornavn').fill('Ærling');
  await page.getByLabel('Efternavn').fill('Østergård');
  await page.getByLabel('Bydel', { exact: true }).selectOption({ label: 'Amager Øst' });
  await page.getByLabel('Skole eller institution (valgfri)').fill('Skolen på Ørestad');
  await page.getByRole('button', { name: 'Tilføj kontakt' }).click();
  await page.locator('#contact-0-name').fill('Åse Østergård');
  await page.locator('#contact-0-relation').fill('Mor');
  await page.locator('#contact-0-phone').fill('12 34 56 78');
  await page.getByRole('button', { name: 'Tilføj kontakt' }).click();
  await page.getByRole('button', { name: 'Fjern Kontakt 2' }).click();
  await expect(page.locator('#contact-1-name')).toHaveCount(0);
  await page.getByLabel(/^Niveau 2:/).check();
  await expect(page.getByLabel('Koordinerende forum')).toHaveValue('SOF / lokaludvalg');
  await page.getByLabel('Begrundelse').fill('Sigtet for butikstyveri første gang');
  await expect(page.getByLabel('Koordinator')).toHaveValue('Karen Koordinatorsen');
  await expect(summary).toHaveCount(0);
  await screenshot(page, 'cases-08-new-case');
  await expectAccessible(page, 'new case');

  // Someone else takes the number between the check and the save: main refuses, nothing typed is lost.
  await call<Person>(bridge, 'people.create', { firstName: 'Tredje', lastName: 'Person', cpr: '0303104003' });
  await page.getByRole('button', { name: 'Opret sag' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Intet blev gemt' });
  await expect(failure).toBeFocused();
  await expect(failure).toContainText('CPR-nummeret er allerede registreret på en anden person');
  await expect(page.locator('#person-cpr-error')).toBeVisible();
  await expect(page.getByLabel('Fornavn')).toHaveValue('Ærling');
  await expect(page.getByLabel('Begrundelse')).toHaveValue('Sigtet for butikstyveri første gang');
  await expect(page.locator('#contact-0-name')).toHaveValue('Åse Østergård');
  await screenshot(page, 'cases-09-new-case-failed');
  await expectAccessible(page, 'new case, save failed');

  await cpr.fill('0404104004');
  await expect(page.locator('#person-cpr-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Opret sag' }).click();
  const detail = new CaseDetailPage(page);
  await expect(detail.heading('Ærling Østergård')).toBeVisible();
  await expect(detail.message).toContainText('Sagen er oprettet.');
  const rows = await call<ListResult>(bridge, 'cases.list', { search: 'østergård' });
  expect(rows.total).toBe(1);
  const created = await call<CaseDetail>(bridge, 'cases.get', { caseId: rows.rows[0]!.id });
  expect(created).toMatchObject({ level: 2, forum: 'SOF / lokaludvalg', coordinator: 'Karen Koordinatorsen', district: 'Amager Øst', status: 'open' });
  expect(created.person).toMatchObject({ firstName: 'Ærling', lastName: 'Østergård', birthDate: '2010-04-04', sex: 'K', sexFromCpr: true, school: 'Skolen på Ørestad' });
  expect(created.person.contacts).toEqual([expect.objectContaining({ name: 'Åse Østergård', relation: 'Mor', phone: '12 34 56 78' })]);
  expect(created.levelHistory).toEqual([expect.objectContaining({ level: 2, reason: 'Sigtet for butikstyveri første gang' })]);
  expect(created.openedOn).toBe(created.statusHistory[0]!.changedOn);

  // ---- a case for someone already registered: found by name; one with an open case cannot be chosen ----
  await page.getByRole('button', { name: 'Tilbage til Sager' }).click();
  await page.getByRole('button', { name: 'Opret sag' }).click();
  await page.getByLabel('Ja, find personen').check();
  await page.getByRole('searchbox', { name: 'Find personen' }).fill('person');
  await expect(page.getByRole('status').filter({ hasText: '2 personer matcher.' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find personen' }).fill('ØSTERGÅRD');
  await expect(page.getByLabel(/Ærling Østergård/)).toBeDisabled();
  await expect(page.getByText(`har allerede en åben sag (${created.caseNumber})`)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find personen' }).fill('tredje');
  await page.getByLabel(/Tredje Person/).check();
  await page.getByLabel(/^Niveau 1:/).check();
  await page.getByLabel('Begrundelse').fill('Bekymring fra klubben');
  await expectAccessible(page, 'new case for an existing person');
  await page.getByRole('button', { name: 'Opret sag' }).click();
  await expect(detail.heading('Tredje Person')).toBeVisible();
  const third = await call<ListResult>(bridge, 'cases.list', { search: 'tredje' });
  const thirdCase = await call<CaseDetail>(bridge, 'cases.get', { caseId: third.rows[0]!.id });
  expect(thirdCase).toMatchObject({ level: 1, forum: 'BUF / lokaludvalg', person: { firstName: 'Tredje', lastName: 'Person', birthDate: '2010-03-03' } });
});

test('import from the UI: every bad row listed by line, nothing imported; then a good file', async ({ page, bridge, vault }) => {
  void vault;
  await createSeededVault(bridge, 0);
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.empty.getByRole('button', { name: 'Importér' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importér sager' })).toBeVisible();

  // Nothing chosen: said next to the field.
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await expect(page.locator('#import-file-error')).toContainText('Vælg en fil.');

  const header = 'fornavn;efternavn;cpr;foedselsdato;koen;bydel;niveau;oprettet;afsluttet;afslutningsaarsag;koordinator;sagsnummer';
  const bad = [
    header,
    'Åse;Ærøsen;;2011-05-06;K;Nørrebro;2;2025-01-10;;;Karen Koordinatorsen;A-1',
    'Bjørn;Østergaard;;2010-02-03;M;Atlantis;2;2025-01-11;;;;A-2',
    'Sølvi;Hansen;;;K;Valby;7;2025-01-12;;;;A-3',
    'Ømer;Larsen;;2009-09-09;M;Valby;3;2025-01-13;2025-02-01;;;A-4',
  ].join('\r\n');
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'sager.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${bad}`, 'utf8') });
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  const errors = page.getByTestId('import-errors');
  await expect(page.getByRole('alert').filter({ hasText: 'Intet blev importeret' })).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'Intet blev importeret' })).toContainText('3 rækker har fejl');
  await expect(errors.getByRole('listitem')).toHaveCount(4);
  await expect(errors).toContainText('Linje 3:');
  await expect(errors).toContainText('Ukendt bydel');
  await expect(errors).toContainText('Linje 4:');
  await expect(errors).toContainText('Fødselsdato mangler');
  await expect(errors).toContainText('Ugyldigt niveau');
  await expect(errors).toContainText('Linje 5:');
  await expect(errors).not.toContainText('Linje 2:');
  await screenshot(page, 'cases-10-import-errors');
  await expectAccessible(page, 'import with errors');
  expect((await call<ListResult>(bridge, 'cases.list', { status: 'all' })).total).toBe(0);

  const good = [header, bad.split('\r\n')[1], 'Bjørn;Østergaard;;2010-02-03;M;Vesterbro/Kongens Enghave;2;2025-01-11;;;;A-2', 'Sølvi;Hansen;;2012-12-12;K;Valby;1;2025-01-12;2025-03-01;Ophørt bekymring;;A-3'].join('\n');
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'sager.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${good}`, 'utf8') });
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 sager er importeret' })).toBeVisible();
  await expectAccessible(page, 'import done');
  expect((await call<ListResult>(bridge, 'cases.list', { status: 'all' })).total).toBe(3);
  await page.getByRole('button', { name: 'Gå til Sager' }).click();
  await list.expectLoaded('');
  await expect(list.count).toHaveText('2 sager');
  await list.searchFor('ærø');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.rows().first()).toContainText('Åse Ærøsen');
});
