import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVault, OWNER, type TestVault } from './helpers';
import type { CaseDetail, ExitCourse } from '../../src/shared/cases';
import type { Overview } from '../../src/shared/overview';

/**
 * Exit follow-ups on Overblik (issue 17's remaining goals, item 2): an ended Exit course's
 * follow-up 24 months after its end (src/shared/cases/exit.ts) is listed overdue, this week or
 * next week, opens the case's Exit panel, and leaves when recorded. Hand-made fixture; today is
 * Wednesday 2 December 2026 in Copenhagen. This week: 30 November - 6 December; next week:
 * 7 - 13 December. Every due date below is worked out by hand (end + 24 months).
 */
const NOW = new Date('2026-12-02T09:00:00Z');
const VALBY = 5;
const OTHER = 'Anden Koordinator';
let v: TestVault;
const cases: Record<string, CaseDetail> = {};
const courseOf: Record<string, number> = {};

async function personWithCourse(firstName: string, course: { startOn: string; endOn: string | null }, over: { coordinator?: string; close?: boolean } = {}) {
  const c = await v.call<CaseDetail>('cases.open', {
    person: { firstName, lastName: 'Fiktivsen', birthDate: '2004-05-15', districtId: VALBY },
    level: 2,
    reason: 'Oprettet til test',
    districtId: VALBY,
    coordinator: over.coordinator ?? OWNER.name,
    openedOn: '2026-11-25',
  });
  if (over.close) await v.call('cases.close', { caseId: c.id, closedOn: '2026-11-30', reason: 'concern-ended' });
  const list = await v.call<{ courses: ExitCourse[] }>('cases.exit.save', {
    personId: c.person.id,
    programme: 'national',
    startOn: course.startOn,
    endOn: course.endOn,
    contactPerson: 'Exit-kontakt Test',
    status: course.endOn ? 'completed' : 'active',
  });
  cases[firstName] = c;
  courseOf[firstName] = list.courses[0]!.id;
}

const exitItems = (o: Overview) =>
  o.items
    .filter((i) => i.kind === 'exit-followup')
    .map((i) => `${i.personName.replace(' Fiktivsen', '')}|${i.dueOn}|${i.bucket}`)
    .sort();

beforeAll(async () => {
  v = await createTestVault({ now: () => NOW });
  await personWithCourse('Anna', { startOn: '2023-11-30', endOn: '2024-11-30' }); // due Mon 30 Nov 2026: overdue
  await personWithCourse('Bo', { startOn: '2023-12-02', endOn: '2024-12-02' }); // due today: this week
  await personWithCourse('Carl', { startOn: '2023-12-06', endOn: '2024-12-06' }); // due Sunday 6 Dec: this week
  await personWithCourse('Dina', { startOn: '2023-12-07', endOn: '2024-12-07' }); // due Monday 7 Dec: next week
  await personWithCourse('Emil', { startOn: '2023-12-13', endOn: '2024-12-13' }); // due Sunday 13 Dec: next week
  await personWithCourse('Frida', { startOn: '2023-12-14', endOn: '2024-12-14' }); // due 14 Dec: not listed
  await personWithCourse('Gry', { startOn: '2022-03-01', endOn: '2024-02-29' }); // 29 Feb + 24 months = 1 March 2026: overdue
  await personWithCourse('Hans', { startOn: '2025-01-10', endOn: null }); // active: no follow-up yet
  await personWithCourse('Ida', { startOn: '2023-12-03', endOn: '2024-12-03' }, { coordinator: OTHER }); // due tomorrow, someone else's case
  await personWithCourse('Jens', { startOn: '2023-11-01', endOn: '2024-11-01' }, { close: true }); // due 1 Nov 2026, case since closed
}, 60_000);
afterAll(() => v?.cleanup());

describe('Overblik: Exit follow-ups 24 months after the course', () => {
  it('lists each due follow-up in its bucket for everyone, on the day and at the week boundaries', async () => {
    const o = await v.call<Overview>('overview.get', { scope: 'all', inactiveWeeks: 52 });
    expect(exitItems(o)).toEqual(
      [
        'Anna|2026-11-30|overdue',
        'Bo|2026-12-02|thisWeek',
        'Carl|2026-12-06|thisWeek',
        'Dina|2026-12-07|nextWeek',
        'Emil|2026-12-13|nextWeek',
        'Gry|2026-03-01|overdue',
        'Ida|2026-12-03|thisWeek',
        'Jens|2026-11-01|overdue',
      ].sort(),
    );
    expect(o.countsByKind['exit-followup']).toEqual({ overdue: 3, thisWeek: 3, nextWeek: 2 });
    // It opens the case's Exit panel; a closed case is still the young person's case to open.
    const anna = o.items.find((i) => i.key === `exit-followup:${courseOf.Anna}`)!;
    expect(anna.target).toEqual({ kind: 'case', caseId: cases.Anna!.id, panel: 'exit' });
    expect(anna.caseNumber).toBe(cases.Anna!.caseNumber);
    const jens = o.items.find((i) => i.key === `exit-followup:${courseOf.Jens}`)!;
    expect(jens.target).toEqual({ kind: 'case', caseId: cases.Jens!.id, panel: 'exit' });
  });

  it('"mine" leaves out the follow-ups on other coordinators\' cases', async () => {
    const o = await v.call<Overview>('overview.get', { scope: 'mine', inactiveWeeks: 52 });
    expect(exitItems(o)).not.toContain('Ida|2026-12-03|thisWeek');
    expect(exitItems(o)).toHaveLength(7);
  });

  it('recording the follow-up removes it; it cannot be recorded before it is due or on a future day; the audit entry has codes only', async () => {
    const anna = cases.Anna!;
    await expect(v.call('cases.exit.recordFollowUp', { personId: anna.person.id, id: courseOf.Anna, recordedOn: '2026-11-29' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(v.call('cases.exit.recordFollowUp', { personId: anna.person.id, id: courseOf.Anna, recordedOn: '2026-12-03' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(v.call('cases.exit.recordFollowUp', { personId: cases.Carl!.person.id, id: courseOf.Carl, recordedOn: '2026-12-02' })).rejects.toThrow(/tidligst|fra 6\. december 2026/i);
    await expect(v.call('cases.exit.recordFollowUp', { personId: cases.Bo!.person.id, id: courseOf.Anna, recordedOn: '2026-12-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(v.call('cases.exit.recordFollowUp', { personId: cases.Hans!.person.id, id: courseOf.Hans, recordedOn: '2026-12-01' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });

    const list = await v.call<{ courses: ExitCourse[] }>('cases.exit.recordFollowUp', { personId: anna.person.id, id: courseOf.Anna, recordedOn: '2026-12-01' });
    expect(list.courses[0]!.followUp).toMatchObject({ dueOn: '2026-11-30', state: 'due', recordedOn: '2026-12-01' });
    const o = await v.call<Overview>('overview.get', { scope: 'all', inactiveWeeks: 52 });
    expect(exitItems(o)).not.toContain('Anna|2026-11-30|overdue');
    expect(o.countsByKind['exit-followup']).toEqual({ overdue: 2, thisWeek: 3, nextWeek: 2 });

    const entry = v.ctx.vault.current.sqlite
      .prepare(`SELECT action, entity, entity_id AS entityId, detail FROM audit_log WHERE entity = 'exit_course' ORDER BY id DESC LIMIT 1`)
      .get() as { action: string; entity: string; entityId: number; detail: string };
    expect(entry).toEqual({ action: 'update', entity: 'exit_course', entityId: courseOf.Anna, detail: `person:${anna.person.id};follow-up:recorded` });
    expect(JSON.stringify(entry)).not.toMatch(/Anna|Fiktivsen|Exit-kontakt/);
  });

  it('a new end date moves the due date and clears a follow-up recorded for the old one', async () => {
    const anna = cases.Anna!;
    const list = await v.call<{ courses: ExitCourse[] }>('cases.exit.save', {
      personId: anna.person.id,
      id: courseOf.Anna,
      programme: 'national',
      startOn: '2023-11-30',
      endOn: '2024-11-28',
      contactPerson: 'Exit-kontakt Test',
      status: 'completed',
    });
    expect(list.courses[0]!.followUp).toMatchObject({ dueOn: '2026-11-28', recordedOn: null });
    const o = await v.call<Overview>('overview.get', { scope: 'all', inactiveWeeks: 52 });
    expect(exitItems(o)).toContain('Anna|2026-11-28|overdue');
    // Saving with the same end date keeps a recorded follow-up.
    await v.call('cases.exit.recordFollowUp', { personId: anna.person.id, id: courseOf.Anna, recordedOn: '2026-12-02' });
    const kept = await v.call<{ courses: ExitCourse[] }>('cases.exit.save', {
      personId: anna.person.id,
      id: courseOf.Anna,
      programme: 'national',
      startOn: '2023-11-30',
      endOn: '2024-11-28',
      contactPerson: 'Exit-kontakt Ny',
      status: 'completed',
    });
    expect(kept.courses[0]!.followUp!.recordedOn).toBe('2026-12-02');
  });
});
