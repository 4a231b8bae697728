import { todayOf } from '../../src/main/core/clock';
import { addDays } from '../../src/shared/core/dates';
import type { CaseRow } from '../../src/shared/cases/contract';
import type { Overview } from '../../src/shared/overview';
import { expect, expectAccessible, screenshot, test, daDate } from './fixtures';
import { call, CASES_OWNER, CASES_PASSPHRASE, createSeededVault } from './pages/CasesPages';

/**
 * A coordinator's morning on seeded data at 1366x768: Overblik is the first screen; it lists an
 * action agreed at last week's ledergruppe meeting whose deadline passed; opening it goes to the
 * case; marking it done removes it (and is audited).
 */
test.use({ viewport: { width: 1366, height: 768 } });

test("a coordinator's morning: Overblik lists last meeting's overdue action; done removes it", async ({ page, bridge, vault }) => {
  test.setTimeout(120_000);
  const { today } = await createSeededVault(bridge, 2000);
  // One of the owner's cases at level 3, decided at a ledergruppe meeting five days ago.
  const rows = (await call<{ rows: CaseRow[] }>(bridge, 'cases.list', { levels: [3], limit: 50 })).rows.filter((r) => r.district);
  const target = rows[0]!;
  await call(bridge, 'cases.update', { caseId: target.id, coordinator: CASES_OWNER.name });
  const detail = await call<{ districtId: number | null }>(bridge, 'cases.get', { caseId: target.id });
  const forums = await call<{ id: number; kind: string; districtIds: number[] }[]>(bridge, 'forums.list', {});
  const forum = forums.find((f) => f.kind === 'leader-group' && f.districtIds.includes(detail.districtId!))!;
  const heldOn = addDays(today, -5);
  const existing = await call<{ id: number; heldOn: string; forumId: number }[]>(bridge, 'meetings.list', { forumId: forum.id });
  const meeting = existing.find((m) => m.heldOn === heldOn) ?? (await call<{ id: number }>(bridge, 'meetings.create', { forumId: forum.id, heldOn, proposeAgenda: false }));
  const agenda = await call<{ agenda: { kind: string; case: { caseId: number } | null }[] }>(bridge, 'meetings.get', { meetingId: meeting.id });
  const items = agenda.agenda.filter((i) => i.kind === 'case').map((i) => ({ kind: 'case' as const, caseId: i.case!.caseId }));
  await call(bridge, 'meetings.saveAgenda', { meetingId: meeting.id, items: [...items.filter((i) => i.caseId !== target.id), { kind: 'case', caseId: target.id }] });
  await call(bridge, 'meetings.decide', { meetingId: meeting.id, caseId: target.id, actions: [{ description: 'Skolen indkalder til netværksmøde', partner: 'buf', deadline: addDays(today, -1) }] });

  await page.goto(bridge.url);
  const heading = page.getByRole('heading', { level: 1, name: 'Overblik' });
  await expect(heading).toBeFocused();
  const overdue = page.getByTestId('overview-bucket-overdue');
  const row = overdue.getByTestId('overview-item').filter({ hasText: 'Skolen indkalder til netværksmøde' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Handling fra ledergruppemøde');
  await expect(row).toContainText(target.caseNumber);
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4}/); // the table date style
  const before = Number(await page.getByTestId('overview-count-overdue').textContent());
  await screenshot(page, 'overview-01-morning');
  await expectAccessible(page, 'overblik');

  // Opening it goes to the case, where Næste skridt shows it above the fold; Udført there closes it.
  await row.getByRole('button', { name: /^Åbn/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${target.firstName} ${target.lastName}`);
  await expect(page.getByRole('main')).toContainText(target.caseNumber);
  const panel = page.getByTestId('case-next-steps');
  const action = panel.getByTestId('case-action').filter({ hasText: 'Skolen indkalder til netværksmøde' });
  await expect(action).toContainText('Over frist');
  await expect(action).toBeInViewport();
  const box = await action.getByRole('button', { name: 'Udført: Skolen indkalder til netværksmøde' }).boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
  await screenshot(page, 'overview-03-case-next-steps');
  await expectAccessible(page, 'sag med næste skridt');
  await action.getByRole('button', { name: 'Udført: Skolen indkalder til netværksmøde' }).click();
  await expect(panel.getByTestId('case-action').filter({ hasText: 'Skolen indkalder til netværksmøde' })).toHaveCount(0);

  // Back on Overblik it has left the list, the count dropped by one, and the audit trail has it.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Overblik', exact: true }).click();
  await expect(heading).toBeVisible();
  await expect(page.getByTestId('overview-item').filter({ hasText: 'Skolen indkalder til netværksmøde' })).toHaveCount(0);
  await expect(page.getByTestId('overview-count-overdue')).toHaveText(String(before - 1));
  const audit = bridge.ctx.vault.current.sqlite.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'action' AND action = 'complete'`).all();
  expect(audit).toEqual([{ action: 'complete', detail: `source:meeting;status:done;case:${target.id}` }]);

  // Everyone's: the seeded coordinators' items too; the choice is remembered in the next session.
  await page.getByTestId('overview-scope-all').check();
  const all = await call<Overview>(bridge, 'overview.get', { scope: 'all' });
  await expect(page.getByTestId('overview-count-overdue')).toHaveText(String(all.counts.overdue));
  expect(all.counts.overdue).toBeGreaterThan(before);
  await vault.lock();
  await vault.unlock(CASES_PASSPHRASE);
  await expect(page.getByTestId('overview-scope-all')).toBeChecked();
  await expect(page.getByTestId('overview-count-overdue')).toHaveText(String(all.counts.overdue));
  await expect(page.getByTestId('overview-chart')).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'artifacts/screenshots/overview-02-everyone.png' }); // the first screenful; the full list is long
  await expectAccessible(page, 'overblik, alle');
  void todayOf;
});

test('finding anyone from the header: CPR (audited), a typo, the closed-case hint', async ({ page, bridge, vault }) => {
  void vault;
  test.setTimeout(120_000);
  await createSeededVault(bridge, 2000);
  const sqlite = bridge.ctx.vault.current.sqlite;
  const withCpr = sqlite
    .prepare(`SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, p.cpr, c.case_number AS caseNumber FROM people p JOIN cases c ON c.person_id = p.id AND c.status = 'open' WHERE p.cpr IS NOT NULL ORDER BY p.id LIMIT 1`)
    .get() as { id: number; firstName: string; lastName: string; cpr: string; caseNumber: string };
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
  const box = page.getByRole('combobox', { name: 'Find sag eller person' });

  // Ctrl+K from anywhere; the full CPR number finds the person, answered masked, audited as a reveal.
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await box.fill(withCpr.cpr);
  const hits = page.getByTestId('find-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(`${withCpr.firstName} ${withCpr.lastName}`);
  await expect(hits.first()).toContainText(`${withCpr.cpr.slice(0, 6)}-xxxx`);
  await expect(page.getByText('Søgning på fuldt CPR-nummer er logget.')).toBeVisible();
  expect(sqlite.prepare(`SELECT action, entity, entity_id AS entityId FROM audit_log WHERE detail = 'search:cpr'`).all()).toEqual([{ action: 'reveal', entity: 'person', entityId: withCpr.id }]);
  await screenshot(page, 'find-01-cpr');
  await expectAccessible(page, 'søgning på CPR');

  // The first six digits: people born that day, masked, not audited.
  await box.fill(withCpr.cpr.slice(0, 6));
  await expect(hits.filter({ hasText: `${withCpr.firstName} ${withCpr.lastName}` })).toHaveCount(1);
  expect((sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE detail = 'search:cpr'`).get() as { n: number }).n).toBe(1);

  // A typo: one letter left out of the surname.
  const typo = `${withCpr.firstName} ${withCpr.lastName.slice(0, 2)}${withCpr.lastName.slice(3)}`;
  await box.fill(typo);
  await expect(box).toHaveAttribute('data-query', typo);
  await expect(hits.filter({ hasText: `${withCpr.firstName} ${withCpr.lastName}` })).toHaveCount(1);
  await screenshot(page, 'find-02-typo');
  // Enter opens the first hit's case.
  const first = (await hits.first().locator('strong').textContent())!;
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);

  // A young person whose only case is closed: no open hit, the hint shows it.
  const closed = sqlite
    .prepare(
      `SELECT p.first_name AS firstName, p.last_name AS lastName, c.case_number AS caseNumber FROM people p JOIN cases c ON c.person_id = p.id
       WHERE c.status = 'closed' AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.person_id = p.id AND o.status = 'open')
       AND (SELECT count(*) FROM people q WHERE q.search_name = p.search_name) = 1 ORDER BY p.id LIMIT 1`,
    )
    .get() as { firstName: string; lastName: string; caseNumber: string };
  await page.keyboard.press('Control+k');
  await box.fill(`${closed.firstName} ${closed.lastName}`);
  const hint = page.getByTestId('find-closed-hint');
  await expect(hint).toHaveText(/^(1 afsluttet sag matcher - vis den|\d+ afsluttede sager matcher - vis dem)$/);
  await screenshot(page, 'find-03-closed-hint');
  await expectAccessible(page, 'afsluttet sag matcher');
  await hint.click();
  await expect(hits.filter({ hasText: closed.caseNumber })).toContainText('afsluttet');
});

test('a level change proposes the district ledergruppe and its next meeting; the dialog saves with Ctrl+Enter', async ({ page, bridge, vault }) => {
  void vault;
  test.setTimeout(120_000);
  const { today } = await createSeededVault(bridge, 500);
  const rows = (await call<{ rows: CaseRow[] }>(bridge, 'cases.list', { levels: [2], limit: 50 })).rows.filter((r) => r.district);
  const target = rows[0]!;
  const detail = await call<{ districtId: number | null }>(bridge, 'cases.get', { caseId: target.id });
  const forums = await call<{ id: number; name: string; kind: string; districtIds: number[] }[]>(bridge, 'forums.list', {});
  const forum = forums.find((f) => f.kind === 'leader-group' && f.districtIds.includes(detail.districtId!))!;
  const upcoming = (await call<{ id: number; heldOn: string }[]>(bridge, 'meetings.list', { forumId: forum.id })).filter((m) => m.heldOn >= today).sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const meeting = upcoming[0] ?? (await call<{ id: number; heldOn: string }>(bridge, 'meetings.create', { forumId: forum.id, heldOn: addDays(today, 9), proposeAgenda: false }));
  const heldOn = upcoming[0]?.heldOn ?? addDays(today, 9);
  const dk = `${heldOn.slice(8, 10)}.${heldOn.slice(5, 7)}.${heldOn.slice(0, 4)}`;

  // From the header's search box, by case number.
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
  const box = page.getByRole('combobox', { name: 'Find sag eller person' });
  await box.fill(target.caseNumber);
  await expect(page.getByTestId('find-hit').first()).toContainText(target.caseNumber);
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${target.firstName} ${target.lastName}`);
  await expect(page.getByTestId('case-next-steps')).toBeInViewport();

  await page.getByRole('button', { name: 'Skift niveau' }).click();
  const dialog = page.getByTestId('dialog-level');
  await dialog.getByLabel(/^Niveau 3:/).check();
  await expect(dialog.getByLabel('Koordinerende forum')).toHaveValue(forum.name);
  await expect(dialog.getByLabel('Næste opfølgning')).toHaveValue(daDate(heldOn));
  const put = dialog.getByLabel(`Sæt på næste møde: ${forum.name} ${dk}`);
  await expect(put).toBeChecked();
  await dialog.getByLabel('Begrundelse').fill('Gentagne sigtelser for indbrud');
  // The save button stays in view at 768 px (sticky footer).
  await expect(dialog.getByRole('button', { name: 'Skift niveau' })).toBeInViewport();
  await screenshot(page, 'level-01-proposal');
  await expectAccessible(page, 'skift niveau med forslag');
  await dialog.getByLabel('Begrundelse').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Niveauet er ændret til 3, og sagen er sat på mødet ${dk}.`)).toBeVisible();
  await expect(page.getByTestId('case-next-steps')).toContainText(`${forum.name}: på dagsordenen ${dk}`);
  const agenda = await call<{ agenda: { kind: string; case: { caseId: number } | null }[] }>(bridge, 'meetings.get', { meetingId: meeting.id });
  expect(agenda.agenda.filter((i) => i.case?.caseId === target.id)).toHaveLength(1);
  const fresh = await call<{ level: number; nextReviewOn: string | null; forum: string }>(bridge, 'cases.get', { caseId: target.id });
  expect(fresh).toMatchObject({ level: 3, nextReviewOn: heldOn, forum: forum.name });
  await screenshot(page, 'level-02-after');
});

test('an Exit follow-up 24 months after the course is on Overblik, opens the Exit panel, and leaves when recorded', async ({ page, bridge, vault }) => {
  void vault;
  test.setTimeout(120_000);
  const { today } = await createSeededVault(bridge, 0);
  const c = await call<{ id: number; caseNumber: string; person: { id: number } }>(bridge, 'cases.open', {
    person: { firstName: 'Elias', lastName: 'Exitsen', birthDate: addDays(today, -21 * 366), districtId: 3 },
    level: 3,
    reason: 'Gentagen alvorlig kriminalitet',
    districtId: 3,
    coordinator: CASES_OWNER.name,
    openedOn: addDays(today, -1300),
  });
  const endOn = addDays(today, -740); // the follow-up fell due about 10 days ago
  await call(bridge, 'cases.exit.save', { personId: c.person.id, programme: 'national', startOn: addDays(endOn, -300), endOn, contactPerson: 'Exit-koordinator Bo Berg', status: 'completed' });

  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeFocused();
  const row = page.getByTestId('overview-bucket-overdue').getByTestId('overview-item').filter({ hasText: 'Exit: opfølgning 24 mdr. efter forløbet' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(c.caseNumber);
  await screenshot(page, 'overview-exit-01-listed');
  await expectAccessible(page, 'overblik with exit follow-up');

  // Opening it goes to the case with the Exit panel in view and its heading focused.
  await row.getByRole('button', { name: /^Åbn/ }).click();
  const exitHeading = page.getByRole('heading', { name: 'Exitforløb' });
  await expect(exitHeading).toBeFocused();
  await expect(exitHeading).toBeInViewport();
  const exit = page.getByRole('main').getByRole('region', { name: 'Exitforløb' });
  await exit.getByRole('button', { name: /^Registrér opfølgning af exitforløb/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrér opfølgning efter 24 måneder' });
  await expect(dialog.getByLabel('Opfølgningen er gjort den')).toHaveValue(daDate(today));
  // A future day is refused in the form; the date typed stays.
  await dialog.getByLabel('Opfølgningen er gjort den').fill(daDate(addDays(today, 1)));
  await dialog.getByRole('button', { name: 'Registrér' }).click();
  await expect(dialog.getByLabel('Opfølgningen er gjort den')).toHaveValue(daDate(addDays(today, 1)));
  await dialog.getByLabel('Opfølgningen er gjort den').fill(daDate(today));
  await screenshot(page, 'overview-exit-02-record-dialog');
  await expectAccessible(page, 'record exit follow-up');
  await dialog.getByRole('button', { name: 'Registrér' }).click();
  await expect(dialog).toBeHidden();
  await expect(exit).toContainText('Opfølgningen er registreret.');
  await expect(exit.getByTestId('exit-follow-up')).toContainText('Opfølgning registreret');
  await screenshot(page, 'overview-exit-03-recorded');

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Overblik', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
  await expect(page.getByTestId('overview-item').filter({ hasText: 'Exit: opfølgning 24 mdr. efter forløbet' })).toHaveCount(0);
});
