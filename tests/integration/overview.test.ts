import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestVault, OWNER, type TestVault } from './helpers';
import type { CaseDetail } from '../../src/shared/cases/contract';
import type { ActionView, Caseload, Overview } from '../../src/shared/overview';
import { bucketOf, overviewWeeks } from '../../src/shared/overview';

/**
 * Overblik's due rules against a hand-made fixture on a fixed date. Today is Wednesday
 * 2 December 2026 in Copenhagen (09:00 UTC = 10:00 local). This week: Monday 30 November to
 * Sunday 6 December; next week: 7 to 13 December. Every expected item below is worked out by
 * hand from the dates in the fixture, not by calling the rules.
 */
const NOW = new Date('2026-12-02T09:00:00Z');
const VALBY = 5;
const OTHER = 'Anden Koordinator';
const CLOSE_REASON = 'concern-ended';

let v: TestVault;
const sql = <T = Record<string, unknown>>(query: string, ...params: unknown[]) => v.ctx.vault.current.sqlite.prepare(query).all(...params) as T[];

async function openCase(firstName: string, over: { level?: number; birthDate?: string; openedOn?: string; nextReviewOn?: string; coordinator?: string; districtId?: number } = {}): Promise<CaseDetail> {
  return v.call<CaseDetail>('cases.open', {
    person: { firstName, lastName: 'Fiktivsen', birthDate: over.birthDate ?? '2011-05-15', districtId: over.districtId ?? VALBY },
    level: over.level ?? 1,
    reason: 'Oprettet til test',
    districtId: over.districtId ?? VALBY,
    coordinator: over.coordinator ?? OWNER.name,
    openedOn: over.openedOn ?? '2026-11-25',
    ...(over.nextReviewOn ? { nextReviewOn: over.nextReviewOn } : {}),
  });
}

const summary = (o: Overview) => o.items.map((i) => `${i.kind}|${i.personName.replace(' Fiktivsen', '')}|${i.dueOn}|${i.bucket}`).sort();

let meetingActionIds: number[] = [];
let caseL: CaseDetail;

beforeAll(async () => {
  v = await createTestVault({ now: () => NOW });
  // Case reviews around the day and the week boundaries.
  await openCase('Anna', { nextReviewOn: '2026-12-01' }); // yesterday: overdue
  await openCase('Bo', { nextReviewOn: '2026-12-02' }); // today: this week
  await openCase('Carl', { nextReviewOn: '2026-12-06' }); // this Sunday: this week
  await openCase('Dina', { nextReviewOn: '2026-12-07' }); // next Monday: next week
  await openCase('Emil', { nextReviewOn: '2026-12-13' }); // next Sunday: next week
  await openCase('Frida', { nextReviewOn: '2026-12-14' }); // the Monday after: not listed
  await openCase('Gustav', { nextReviewOn: '2026-12-03', coordinator: OTHER }); // someone else's
  const closed = await openCase('Hans', { nextReviewOn: '2026-12-01' });
  await v.call('cases.close', { caseId: closed.id, closedOn: '2026-11-30', reason: CLOSE_REASON });

  // Inactivity (8 weeks): the last activity is the opening. Listed when opened by 18 October.
  await openCase('Ida', { openedOn: '2026-10-01' }); // inactive since 26 November: overdue
  await openCase('Jens', { openedOn: '2026-10-18' }); // inactive on 13 December: next week
  await openCase('Karen', { openedOn: '2026-10-19' }); // 14 December: not listed

  // A ledergruppe meeting last Friday with three actions on case L.
  caseL = await openCase('Lars', { level: 3 });
  const forum = (await v.call<{ id: number; name: string }[]>('forums.list', {})).find((f) => f.name === 'SSP-ledergruppe Valby')!;
  const m = await v.call<{ id: number }>('meetings.create', { forumId: forum.id, heldOn: '2026-11-27', proposeAgenda: false });
  await v.call('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'case', caseId: caseL.id }] });
  await v.call('meetings.decide', {
    meetingId: m.id,
    caseId: caseL.id,
    actions: [
      { description: 'Kontakt skolen', partner: 'buf', deadline: '2026-11-30' }, // overdue
      { description: 'Hjemmebesøg', partner: 'sof', deadline: '2026-12-02' }, // today
      { description: 'Opfølgning', partner: 'police', deadline: '2026-12-20' }, // later
    ],
  });
  meetingActionIds = sql<{ id: number }>('SELECT id FROM meeting_actions ORDER BY id').map((r) => r.id);

  // An action added on a case, due this Saturday.
  await v.call('actions.add', { caseId: caseL.id, description: 'Ring til mor', partner: 'ssp', deadline: '2026-12-05' });

  // Birthdays: 18 this Saturday, 18 yesterday (not listed), 17½ next Tuesday (level 3, no plan), 25 tomorrow.
  await openCase('Nora', { birthDate: '2008-12-05' });
  await openCase('Quinn', { birthDate: '2008-12-01' });
  await openCase('Otto', { level: 3, birthDate: '2009-06-08' });
  await openCase('Pia', { level: 3, birthDate: '2001-12-03' });

  // A release meeting on Lars's custody with an action due next Tuesday and one without a deadline.
  const institutions = await v.call<{ id: number }[]>('releases.institutions.list', {});
  const inst = institutions[0] ?? (await v.call<{ id: number }>('releases.institutions.save', { name: 'Testfængslet', kind: 'prison', active: true, sortOrder: 0 }));
  const custody = await v.call<{ id: number }>('releases.custody.create', { personId: caseL.person.id, institutionId: inst.id, type: 'afsoning', imprisonedOn: '2026-10-01', expectedReleaseOn: '2027-09-01' });
  await v.call('releases.meeting.save', {
    custodyId: custody.id,
    kind: 'planning',
    heldOn: '2026-11-26',
    participants: [],
    checklist: [],
    actions: [
      { description: 'Bolig', owner: 'Kim Kommune', deadline: '2026-12-08' },
      { description: 'Uden frist', owner: 'Kim Kommune' },
    ],
  });
}, 60_000);
afterAll(() => v.cleanup());

describe('Overblik due rules (Wednesday 2 December 2026)', () => {
  it('weeks run Monday to Sunday, and a date falls in exactly one bucket', () => {
    const w = overviewWeeks('2026-12-02');
    expect(w.thisWeek).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(w.nextWeek).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(overviewWeeks('2026-11-30').thisWeek).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // a Monday
    expect(overviewWeeks('2026-12-06').thisWeek).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // a Sunday
    expect(overviewWeeks('2026-12-06').nextWeek.from).toBe('2026-12-07');
    expect([bucketOf('2026-12-01', w), bucketOf('2026-12-02', w), bucketOf('2026-12-06', w), bucketOf('2026-12-07', w), bucketOf('2026-12-13', w), bucketOf('2026-12-14', w)]).toEqual([
      'overdue',
      'thisWeek',
      'thisWeek',
      'nextWeek',
      'nextWeek',
      null,
    ]);
    // Across a year end: Thursday 31 December 2026 -> Monday 28 December to Sunday 3 January.
    expect(overviewWeeks('2026-12-31').thisWeek).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('lists my items of every kind in their bucket, and nothing after next week', async () => {
    const o = await v.call<Overview>('overview.get', { scope: 'mine' });
    expect(o.today).toBe('2026-12-02');
    expect(o.me).toBe(OWNER.name);
    expect(summary(o)).toEqual(
      [
        'case-review|Anna|2026-12-01|overdue',
        'case-review|Bo|2026-12-02|thisWeek',
        'case-review|Carl|2026-12-06|thisWeek',
        'case-review|Dina|2026-12-07|nextWeek',
        'case-review|Emil|2026-12-13|nextWeek',
        'inactive|Ida|2026-11-26|overdue',
        'inactive|Jens|2026-12-13|nextWeek',
        'meeting-action|Lars|2026-11-30|overdue',
        'meeting-action|Lars|2026-12-02|thisWeek',
        'case-action|Lars|2026-12-05|thisWeek',
        'release-action|Lars|2026-12-08|nextWeek',
        'turning-18|Nora|2026-12-05|thisWeek',
        'turning-17half|Otto|2026-12-08|nextWeek',
        'turning-25|Pia|2026-12-03|thisWeek',
      ].sort(),
    );
    expect(o.counts).toEqual({ overdue: 3, thisWeek: 6, nextWeek: 5 });
    expect(o.countsByKind['case-review']).toEqual({ overdue: 1, thisWeek: 2, nextWeek: 2 });
    expect(o.emptyVault).toBe(false);
    const overdueAction = o.items.find((i) => i.kind === 'meeting-action' && i.bucket === 'overdue')!;
    expect(overdueAction).toMatchObject({ detail: 'Kontakt skolen', partner: 'buf', target: { kind: 'case', caseId: caseL.id }, action: { source: 'meeting', id: meetingActionIds[0] } });
  });

  it('for everyone adds the other coordinator’s review', async () => {
    const o = await v.call<Overview>('overview.get', { scope: 'all' });
    expect(summary(o).filter((s) => s.includes('Gustav'))).toEqual(['case-review|Gustav|2026-12-03|thisWeek']);
    expect(o.counts.thisWeek).toBe(7);
  });

  it('a shorter inactivity threshold lists more cases', async () => {
    const o = await v.call<Overview>('overview.get', { scope: 'mine', inactiveWeeks: 10 });
    // 10 weeks: listed when the last activity is on or before 4 October: only Ida (1 October, due 10 December).
    expect(summary(o).filter((s) => s.startsWith('inactive'))).toEqual(['inactive|Ida|2026-12-10|nextWeek']);
  });

  it('done and dropped actions leave the list; completing is audited; reopening brings it back', async () => {
    const done = await v.call<ActionView>('actions.setStatus', { source: 'meeting', id: meetingActionIds[0], status: 'done' });
    expect(done).toMatchObject({ status: 'done', closedOn: '2026-12-02', dropReason: null });
    await expect(v.call('actions.setStatus', { source: 'meeting', id: meetingActionIds[1], status: 'dropped' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await v.call('actions.setStatus', { source: 'meeting', id: meetingActionIds[1], status: 'dropped', reason: 'Familien er flyttet' });
    const releaseId = sql<{ id: number }>(`SELECT id FROM release_action_items WHERE deadline IS NOT NULL`)[0]!.id;
    await v.call('actions.setStatus', { source: 'release', id: releaseId, status: 'done' });
    expect(sql(`SELECT status, done_on AS doneOn FROM release_action_items WHERE id = ?`, releaseId)).toEqual([{ status: 'done', doneOn: '2026-12-02' }]);

    const o = await v.call<Overview>('overview.get', { scope: 'mine' });
    expect(o.items.filter((i) => i.kind === 'meeting-action' || i.kind === 'release-action')).toEqual([]);
    const audit = sql<{ action: string; entity: string; entityId: number; detail: string }>(`SELECT action, entity, entity_id AS entityId, detail FROM audit_log WHERE entity = 'action' AND action != 'create' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'complete', entity: 'action', entityId: meetingActionIds[0], detail: `source:meeting;status:done;case:${caseL.id}` },
      { action: 'drop', entity: 'action', entityId: meetingActionIds[1], detail: `source:meeting;status:dropped;case:${caseL.id}` },
      { action: 'complete', entity: 'action', entityId: releaseId, detail: `source:release;status:done;case:${caseL.id}` },
    ]);

    const onCase = await v.call<ActionView[]>('actions.forCase', { caseId: caseL.id });
    expect(onCase.map((a) => `${a.source}:${a.description}:${a.status}`)).toEqual([
      'case:Ring til mor:open',
      'meeting:Opfølgning:open',
      'release:Uden frist:open',
      'meeting:Kontakt skolen:done',
      'release:Bolig:done',
      'meeting:Hjemmebesøg:dropped',
    ]);
    expect(onCase.find((a) => a.description === 'Hjemmebesøg')).toMatchObject({ dropReason: 'Familien er flyttet', origin: { kind: 'meeting', forumName: 'SSP-ledergruppe Valby', heldOn: '2026-11-27' } });

    await v.call('actions.setStatus', { source: 'meeting', id: meetingActionIds[0], status: 'open' });
    const again = await v.call<Overview>('overview.get', { scope: 'mine' });
    expect(summary(again).filter((s) => s.startsWith('meeting-action'))).toEqual(['meeting-action|Lars|2026-11-30|overdue']);
  });

  it('remembers the choices', async () => {
    expect(await v.call('overview.prefs', {})).toEqual({ scope: 'mine', inactiveWeeks: 8, hiddenKinds: [] });
    await v.call('overview.savePrefs', { scope: 'all', inactiveWeeks: 12, hiddenKinds: ['inactive'] });
    expect(await v.call('overview.prefs', {})).toEqual({ scope: 'all', inactiveWeeks: 12, hiddenKinds: ['inactive'] });
    await v.call('overview.savePrefs', { scope: 'mine', inactiveWeeks: 8, hiddenKinds: [] });
  });

  it('counts my caseload by level at each month end', async () => {
    const c = await v.call<Caseload>('overview.caseload', { scope: 'mine' });
    expect(c.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    // Open at 30 September: none. 31 October: Ida, Jens, Karen (level 1). 30 November: every case but
    // Gustav (someone else's) and Hans (closed 30 November): levels 1: 13-3(L,O,P)... counted by hand:
    // level 1: Anna Bo Carl Dina Emil Frida Ida Jens Karen Nora Quinn = 11; level 3: Lars Otto Pia = 3.
    expect(c.months[8]!.levels).toEqual([0, 0, 0, 0]);
    expect(c.months[9]!.levels).toEqual([3, 0, 0, 0]);
    expect(c.months[10]!.levels).toEqual([11, 0, 3, 0]);
    expect(c.months[11]!.levels).toEqual([11, 0, 3, 0]);
  });
});

describe('a new vault', () => {
  it('is empty', async () => {
    const fresh = await createTestVault({ now: () => NOW });
    try {
      const o = await fresh.call<Overview>('overview.get', { scope: 'mine' });
      expect(o).toMatchObject({ items: [], counts: { overdue: 0, thisWeek: 0, nextWeek: 0 }, emptyVault: true });
    } finally {
      fresh.cleanup();
    }
  });
});

describe("the next meeting's agenda proposal", () => {
  it('proposes a case for an open action due by the meeting, and not once it is done', async () => {
    const forum = (await v.call<{ id: number; name: string }[]>('forums.list', {})).find((f) => f.name === 'SSP-ledergruppe Valby')!;
    const next = await v.call<{ id: number }>('meetings.create', { forumId: forum.id, heldOn: '2026-12-02', proposeAgenda: false });
    type Proposal = { items: { case: { caseId: number } | null; caseId?: number; reasons: string[] }[] };
    const reasonsFor = (p: Proposal) => p.items.filter((i) => (i.case?.caseId ?? i.caseId) === caseL.id).flatMap((i) => i.reasons);
    // "Kontakt skolen" (30 November) is open again after the test above; "Opfølgning" (20 December) is after the meeting.
    expect(reasonsFor(await v.call<Proposal>('meetings.proposeAgenda', { meetingId: next.id }))).toEqual(['action-due']);
    await v.call('actions.setStatus', { source: 'meeting', id: meetingActionIds[0], status: 'done' });
    expect(reasonsFor(await v.call<Proposal>('meetings.proposeAgenda', { meetingId: next.id }))).toEqual([]);
  });
});
