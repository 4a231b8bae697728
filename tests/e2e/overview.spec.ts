import { todayOf } from '../../src/main/core/clock';
import { addDays } from '../../src/shared/core/dates';
import type { CaseRow } from '../../src/shared/cases/contract';
import type { Overview } from '../../src/shared/overview';
import { expect, expectAccessible, screenshot, test } from './fixtures';
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

  // Opening it goes to the case.
  await row.getByRole('button', { name: /^Åbn/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${target.firstName} ${target.lastName}`);
  await expect(page.getByRole('main')).toContainText(target.caseNumber);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Overblik', exact: true }).click();
  await expect(heading).toBeVisible();

  // Done: it leaves the list, the count drops by one, and the audit trail has it.
  await overdue.getByTestId('overview-item').filter({ hasText: 'Skolen indkalder til netværksmøde' }).getByRole('button', { name: /Udført/ }).click();
  await expect(page.getByText('Handlingen er markeret som udført')).toBeVisible();
  await expect(page.getByTestId('overview-item').filter({ hasText: 'Skolen indkalder til netværksmøde' })).toHaveCount(0);
  await expect(page.getByTestId('overview-count-overdue')).toHaveText(String(before - 1));
  const audit = bridge.ctx.vault.current.sqlite.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'action' AND action = 'complete'`).all();
  expect(audit).toEqual([{ action: 'complete', detail: expect.stringMatching(new RegExp(`^source:meeting;status:done;case:${target.id}$`)) }]);

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
  await screenshot(page, 'overview-02-everyone');
  await expectAccessible(page, 'overblik, alle');
  void todayOf;
});
