import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, OWNER, type TestVault } from './helpers';
import type { CaseDetail } from '../../src/shared/cases/contract';
import type { AgendaProposal, Forum, MeetingDetail, Minutes, Projection, RevealedCase } from '../../src/shared/leader-meetings/contract';

// Today is 2026-11-23. The meeting is on Friday 2026-11-20; the forum's previous one was 2026-09-15.
const NOW = new Date('2026-11-23T10:00:00');
const VALBY = 5;
const VANLOESE = 6;
const NOERREBRO = 3;

let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

const sql = <T = Record<string, unknown>>(query: string, ...params: unknown[]) => v.ctx.vault.current.sqlite.prepare(query).all(...params) as T[];
const auditRows = () => sql<{ actor: string; action: string; entity: string; entityId: number | null; detail: string | null }>('SELECT actor, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id');

let personCounter = 0;
/** A fictional young person with a CPR number (born 2010, so 16 in November 2026). */
async function openCase(over: { level: number; districtId: number; openedOn: string; nextReviewOn?: string; firstName?: string; lastName?: string }): Promise<CaseDetail> {
  personCounter += 1;
  const serial = String(1000 + personCounter * 2); // even: legal sex K; modulus 11 is not checked after 2007
  return v.call<CaseDetail>('cases.open', {
    person: { firstName: over.firstName ?? `Testbarn${personCounter}`, lastName: over.lastName ?? 'Fiktivsen', cpr: `0101104${serial.slice(1)}`, districtId: over.districtId },
    level: over.level,
    reason: 'Oprettet til test',
    districtId: over.districtId,
    openedOn: over.openedOn,
    ...(over.nextReviewOn ? { nextReviewOn: over.nextReviewOn } : {}),
  });
}

async function valbyForum(): Promise<Forum> {
  const forums = await v.call<Forum[]>('forums.list', {});
  const seeded = forums.find((f) => f.name === 'SSP-ledergruppe Valby')!;
  return v.call<Forum>('forums.save', {
    id: seeded.id,
    name: 'SSP-ledergruppe Valby og Vanløse',
    kind: 'leader-group',
    districtIds: [VALBY, VANLOESE],
    privacyLevel: 'initials', // these tests show initials; the levels have their own tests (meetingsPrivacy.test.ts)
    members: [
      { name: 'Sofie Socialleder', partner: 'sof', title: 'Souschef' },
      { name: 'Per Politileder', partner: 'police' },
    ],
  });
}

describe('forums', () => {
  it('seeds one ledergruppe per district on the first list, once, audited, names hidden in minutes', async () => {
    const forums = await v.call<Forum[]>('forums.list', {});
    expect(forums.map((f) => f.name).sort()).toEqual(
      ['Amager Vest', 'Amager Øst', 'Bispebjerg', 'Brønshøj-Husum', 'Indre By', 'Nørrebro', 'Valby', 'Vanløse', 'Vesterbro/Kongens Enghave', 'Østerbro'].map((d) => `SSP-ledergruppe ${d}`).sort(),
    );
    expect(forums.every((f) => f.kind === 'leader-group' && !f.minutesShowNames && f.active && f.districtIds.length === 1 && f.members.length === 0)).toBe(true);
    expect(forums.find((f) => f.name === 'SSP-ledergruppe Valby')!.districts).toEqual(['Valby']);
    expect(auditRows().filter((a) => a.entity === 'forum' && a.detail === 'seed')).toHaveLength(10);
    await v.call('forums.list', {});
    expect((await v.call<Forum[]>('forums.list', {})).length).toBe(10);
    expect(auditRows().filter((a) => a.entity === 'forum')).toHaveLength(10);
  });

  it('edits districts and members, keeps member ids, removes members left out, refuses a taken name', async () => {
    const f = await valbyForum();
    expect(f.districts).toEqual(['Valby', 'Vanløse']);
    expect(f.members.map((m) => [m.name, m.partner, m.title])).toEqual([
      ['Sofie Socialleder', 'sof', 'Souschef'],
      ['Per Politileder', 'police', null],
    ]);
    const again = await v.call<Forum>('forums.save', {
      id: f.id, name: f.name, kind: 'leader-group', districtIds: [VALBY], minutesShowNames: true,
      members: [{ id: f.members[1]!.id, name: 'Per Politileder', partner: 'police' }, { name: 'Bo Kriminalforsorg', partner: 'probation' }],
    });
    expect(again.members.map((m) => m.name)).toEqual(['Per Politileder', 'Bo Kriminalforsorg']);
    expect(again.members[0]!.id).toBe(f.members[1]!.id);
    expect(again.minutesShowNames).toBe(true);
    expect(auditRows().at(-1)).toMatchObject({ action: 'update', entity: 'forum', entityId: f.id, detail: 'minutesShowNames:true' });
    const clash = await v.dispatch('forums.save', { name: 'SSP-ledergruppe Nørrebro', kind: 'leader-group', districtIds: [NOERREBRO] });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: 'Navnet er allerede brugt' } } });
  });
});

/**
 * The fixture for the agenda proposal. Forum: Valby and Vanløse; previous meeting 2026-09-15;
 * this meeting 2026-11-20; so the window is 2026-09-16 .. 2026-11-20. Case numbers follow the
 * order of opening: A = 2026-00001 ... L = 2026-00012.
 */
async function agendaFixture() {
  const A = await openCase({ level: 3, districtId: VALBY, openedOn: '2026-01-10', nextReviewOn: '2026-11-20' }); // due on the day: IN
  const B = await openCase({ level: 4, districtId: VANLOESE, openedOn: '2026-02-01', nextReviewOn: '2026-12-15' }); // charge 10-01: IN
  await v.call('cases.addEvent', { caseId: B.id, kind: 'charge', occurredOn: '2026-10-01', offenceCategory: 'robbery' });
  await v.call('cases.addEvent', { caseId: B.id, kind: 'interview', occurredOn: '2026-10-02' });
  const C = await openCase({ level: 2, districtId: VALBY, openedOn: '2026-03-01', nextReviewOn: '2027-01-01' }); // level 3 on 09-15, the previous meeting's day: OUT
  await v.call('cases.changeLevel', { caseId: C.id, level: 3, changedOn: '2026-09-15', reason: 'Gentagen kriminalitet' });
  const D = await openCase({ level: 2, districtId: VALBY, openedOn: '2026-03-01', nextReviewOn: '2027-01-01' }); // level 3 on 09-16: IN
  await v.call('cases.changeLevel', { caseId: D.id, level: 3, changedOn: '2026-09-16', reason: 'Gentagen kriminalitet' });
  const E = await openCase({ level: 2, districtId: VALBY, openedOn: '2026-01-05', nextReviewOn: '2026-11-01' }); // level 2: OUT
  const F = await openCase({ level: 4, districtId: NOERREBRO, openedOn: '2026-01-05', nextReviewOn: '2026-11-01' }); // other district: OUT
  const G = await openCase({ level: 3, districtId: VALBY, openedOn: '2026-01-05', nextReviewOn: '2026-10-01' }); // closed: OUT
  await v.call('cases.close', { caseId: G.id, closedOn: '2026-10-15', reason: 'moved' });
  const H = await openCase({ level: 3, districtId: VALBY, openedOn: '2026-01-05' }); // charged 11-21, after the meeting: OUT
  await v.call('cases.addEvent', { caseId: H.id, kind: 'charge', occurredOn: '2026-11-21', offenceCategory: 'theft' });
  const I = await openCase({ level: 4, districtId: VALBY, openedOn: '2026-10-05' }); // new level-4 case in the window: IN
  const J = await openCase({ level: 3, districtId: VALBY, openedOn: '2026-01-05', nextReviewOn: '2026-11-21' }); // review after the meeting: OUT
  const K = await openCase({ level: 3, districtId: VANLOESE, openedOn: '2026-01-01', nextReviewOn: '2026-08-01' }); // overdue: IN
  const L = await openCase({ level: 3, districtId: VALBY, openedOn: '2026-01-05' }); // charge on 09-15 only: OUT
  await v.call('cases.addEvent', { caseId: L.id, kind: 'charge', occurredOn: '2026-09-15', offenceCategory: 'theft' });
  const forum = await valbyForum();
  await v.call('meetings.create', { forumId: forum.id, heldOn: '2026-09-15', proposeAgenda: false });
  return { A, B, C, D, E, F, G, H, I, J, K, L, forum };
}

describe('agenda proposal', () => {
  it('proposes exactly the hand-computed cases with their reasons, highest level first', async () => {
    const { A, B, D, I, K, forum } = await agendaFixture();
    const m = await v.call<MeetingDetail>('meetings.create', {
      forumId: forum.id, heldOn: '2026-11-20', startsAt: '09:00', location: 'Valby Kulturhus', memberIds: forum.members.map((x) => x.id), guests: [{ name: 'Gitte Gæst', partner: 'other' }],
    });
    expect(m.previousMeetingOn).toBe('2026-09-15');
    expect(m.window).toEqual({ after: '2026-09-15', through: '2026-11-20' });
    expect(m.agenda.map((i) => [i.case!.caseNumber, i.reasons])).toEqual([
      ['2026-00002', ['charged']],
      ['2026-00009', ['level-changed']],
      ['2026-00001', ['review-due']],
      ['2026-00004', ['level-changed']],
      ['2026-00011', ['review-due']],
    ]);
    expect(m.agenda.map((i) => i.case!.caseId)).toEqual([B.id, I.id, A.id, D.id, K.id]);
    expect(m.attendees.map((a) => [a.name, a.partner, a.guest])).toEqual([
      ['Sofie Socialleder', 'sof', false],
      ['Per Politileder', 'police', false],
      ['Gitte Gæst', 'other', true],
    ]);
    // The meeting views carry pseudonyms only.
    expect(m.agenda[0]!.case).toMatchObject({ pseudonym: 'TF · 2026-00002', age: 16, district: 'Vanløse', level: 4 });
    expect(JSON.stringify(m)).not.toMatch(/Testbarn|Fiktivsen|010110/);
  });

  it('without a previous meeting looks back 90 days (configurable)', async () => {
    const { A, B, C, D, I, K, L, forum } = await agendaFixture();
    const previous = (await v.call<{ id: number; heldOn: string }[]>('meetings.list', { forumId: forum.id }))[0]!;
    await v.call('meetings.delete', { meetingId: previous.id });
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' });
    // After 2026-08-22: C's change and L's charge, both on 09-15, now count too.
    expect(m.window).toEqual({ after: '2026-08-22', through: '2026-11-20' });
    expect(m.agenda.map((i) => i.case!.caseId)).toEqual([B.id, I.id, A.id, C.id, D.id, K.id, L.id]);
    await v.call('meetings.saveSettings', { agendaLookbackDays: 60 });
    expect(await v.call('meetings.settings', {})).toEqual({ agendaLookbackDays: 60, privacyDefaults: { 'leader-group': 'case-number', 'local-committee': 'case-number' } });
    // After 2026-09-21: C (09-15), D (09-16) and L (09-15) drop out again.
    const p = await v.call<AgendaProposal>('meetings.proposeAgenda', { meetingId: m.id });
    expect(p.window).toEqual({ after: '2026-09-21', through: '2026-11-20' });
    expect(p.items.map((i) => [i.caseId, i.onAgenda])).toEqual([[B.id, true], [I.id, true], [A.id, true], [K.id, true]]);
  });

  it('edits the agenda: reorder, add a case and free points, remove; a newly added proposed case gets its reasons', async () => {
    const { A, B, E, K, forum } = await agendaFixture();
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20', proposeAgenda: false });
    expect(m.agenda).toEqual([]);
    const edited = await v.call<MeetingDetail>('meetings.saveAgenda', {
      meetingId: m.id,
      items: [{ kind: 'point', title: 'Tryghedsvandring i Valby' }, { kind: 'case', caseId: K.id }, { kind: 'case', caseId: E.id }, { kind: 'case', caseId: B.id }],
    });
    expect(edited.agenda.map((i) => [i.position, i.kind, i.title, i.case?.caseId ?? null, i.reasons])).toEqual([
      [1, 'point', 'Tryghedsvandring i Valby', null, []],
      [2, 'case', null, K.id, ['review-due']],
      [3, 'case', null, E.id, []],
      [4, 'case', null, B.id, ['charged']],
    ]);
    const point = edited.agenda[0]!;
    const again = await v.call<MeetingDetail>('meetings.saveAgenda', {
      meetingId: m.id,
      items: [{ kind: 'case', caseId: B.id }, { kind: 'case', caseId: A.id }, { kind: 'point', id: point.id, title: 'Tryghedsvandring', note: 'Aftalt 1. december' }],
    });
    expect(again.agenda.map((i) => [i.kind, i.case?.caseId ?? i.title, i.reasons])).toEqual([
      ['case', B.id, ['charged']],
      ['case', A.id, ['review-due']],
      ['point', 'Tryghedsvandring', []],
    ]);
    expect(again.agenda[2]).toMatchObject({ id: point.id, note: 'Aftalt 1. december' });
    const dup = await v.dispatch('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'case', caseId: A.id }, { kind: 'case', caseId: A.id }] });
    expect(dup).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await v.dispatch('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'case', caseId: 9999 }] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a second meeting of the forum on the same day', async () => {
    const forum = await valbyForum();
    await v.call('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' });
    expect(await v.dispatch('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('decisions', () => {
  it('applies level change, actions, next review and note to the case in one go, marked with the meeting', async () => {
    const { A, forum } = await agendaFixture();
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' });
    const after = await v.call<MeetingDetail>('meetings.decide', {
      meetingId: m.id,
      caseId: A.id,
      levelChange: { level: 4, reason: 'Sigtet for røveri med kniv' },
      actions: [
        { description: 'Familiesamtale', partner: 'sof', deadline: '2026-12-01' },
        { description: 'Bekymringssamtale', partner: 'police', deadline: '2026-12-10' },
      ],
      nextReviewOn: '2027-02-01',
      note: 'Ledergruppen er enig om niveau 4.',
    });
    const item = after.agenda.find((i) => i.case?.caseId === A.id)!;
    expect(item.decision).toMatchObject({
      levelBefore: 3, levelAfter: 4, levelReason: 'Sigtet for røveri med kniv', nextReviewOn: '2027-02-01', note: 'Ledergruppen er enig om niveau 4.', actor: OWNER.name,
      actions: [
        { description: 'Familiesamtale', partner: 'sof', deadline: '2026-12-01' },
        { description: 'Bekymringssamtale', partner: 'police', deadline: '2026-12-10' },
      ],
    });
    const c = await v.call<CaseDetail>('cases.get', { caseId: A.id });
    expect(c.level).toBe(4);
    expect(c.nextReviewOn).toBe('2027-02-01');
    expect(c.forum).toBe('SSP-ledergruppe Valby og Vanløse');
    expect(c.levelHistory.at(-1)).toMatchObject({ changedOn: '2026-11-20', level: 4, reason: 'Sigtet for røveri med kniv', forum: 'SSP-ledergruppe Valby og Vanløse', meetingId: m.id });
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]!.meetingId).toBe(m.id);
    expect(c.notes[0]!.text).toBe(
      [
        'Beslutning på møde i SSP-ledergruppe Valby og Vanløse 20. november 2026:',
        '- Niveau ændret fra 3 til 4: Sigtet for røveri med kniv',
        '- Handling: Familiesamtale (ansvarlig: SOF, frist 1. december 2026)',
        '- Handling: Bekymringssamtale (ansvarlig: Politi, frist 10. december 2026)',
        '- Næste opfølgning: 1. februar 2027',
        '',
        'Ledergruppen er enig om niveau 4.',
      ].join('\n'),
    );
    expect(await v.call('meetings.caseActions', { caseId: A.id })).toMatchObject([
      { meetingId: m.id, heldOn: '2026-11-20', forumName: 'SSP-ledergruppe Valby og Vanløse', description: 'Familiesamtale', partner: 'sof', deadline: '2026-12-01' },
      { description: 'Bekymringssamtale', partner: 'police', deadline: '2026-12-10' },
    ]);
    const decisionAudit = auditRows().find((a) => a.entity === 'meeting_decision')!;
    expect(decisionAudit).toMatchObject({ action: 'create', detail: `meeting:${m.id};case:${A.id};level:4;actions:2` });
    // One decision per agenda case.
    expect(await v.dispatch('meetings.decide', { meetingId: m.id, caseId: A.id, note: 'Igen' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // And a decided case stays on the agenda.
    expect(await v.dispatch('meetings.saveAgenda', { meetingId: m.id, items: [] })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
  });

  it('a failing decision leaves the case, the meeting and the audit trail exactly as they were', async () => {
    const forum = await valbyForum();
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20', proposeAgenda: false });
    // Opened two days after the meeting: a level change dated the meeting day would predate the case.
    const late = await openCase({ level: 3, districtId: VALBY, openedOn: '2026-11-22', nextReviewOn: '2026-12-24' });
    await v.call('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'case', caseId: late.id }] });
    const snapshot = () => ({
      cases: sql('SELECT * FROM cases'),
      levels: sql('SELECT * FROM case_level_changes'),
      notes: sql('SELECT * FROM case_notes'),
      events: sql('SELECT * FROM case_events'),
      decisions: sql('SELECT * FROM meeting_decisions'),
      actions: sql('SELECT * FROM meeting_actions'),
      audit: sql('SELECT * FROM audit_log'),
    });
    const before = snapshot();
    const r = await v.dispatch('meetings.decide', {
      meetingId: m.id,
      caseId: late.id,
      levelChange: { level: 4, reason: 'Personfarlig kriminalitet' },
      actions: [{ description: 'Mentor', partner: 'kff', deadline: '2026-12-01' }],
      nextReviewOn: '2027-03-01',
      note: 'Skal ikke gemmes.',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { changedOn: 'Må ikke ligge før sagens oprettelse' } } });
    expect(snapshot()).toEqual(before);
    const c = await v.call<CaseDetail>('cases.get', { caseId: late.id });
    expect([c.level, c.nextReviewOn, c.notes.length, c.levelHistory.length]).toEqual([3, '2026-12-24', 0, 1]);
  });

  it('refuses empty decisions, unchanged levels, reviews not after the meeting, cases off the agenda and future meetings', async () => {
    const { A, E, forum } = await agendaFixture();
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' });
    expect(await v.dispatch('meetings.decide', { meetingId: m.id, caseId: A.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { note: expect.any(String) } } });
    expect(await v.dispatch('meetings.decide', { meetingId: m.id, caseId: A.id, levelChange: { level: 3, reason: 'Uændret' } })).toMatchObject({
      ok: false, error: { code: 'INVALID_INPUT', fields: { 'levelChange.level': 'Sagen er allerede på niveau 3' } },
    });
    expect(await v.dispatch('meetings.decide', { meetingId: m.id, caseId: A.id, nextReviewOn: '2026-11-20' })).toMatchObject({ ok: false, error: { fields: { nextReviewOn: 'Skal ligge efter mødet' } } });
    expect(await v.dispatch('meetings.decide', { meetingId: m.id, caseId: E.id, note: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const future = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-12-04' });
    await v.call('meetings.saveAgenda', { meetingId: future.id, items: [{ kind: 'case', caseId: A.id }] });
    expect(await v.dispatch('meetings.decide', { meetingId: future.id, caseId: A.id, note: 'x' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(sql('SELECT * FROM meeting_decisions')).toEqual([]);
  });
});

describe('projection and reveal', () => {
  it('projects no names, CPR numbers or free text; counts events in the period; audits opening it', async () => {
    const { B, forum } = await agendaFixture();
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' });
    await v.call('meetings.saveAgenda', { meetingId: m.id, items: [...m.agenda.map((i) => ({ kind: 'case', caseId: i.case!.caseId })), { kind: 'point', title: 'Eventuelt' }] });
    const p = await v.call<Projection>('meetings.projection', { meetingId: m.id });
    const text = JSON.stringify(p);
    expect(text).not.toMatch(/Testbarn|Fiktivsen|010110|Oprettet til test|Gentagen kriminalitet/);
    const b = p.items.find((i) => i.case?.caseId === B.id)!.case!;
    expect(b).toEqual({
      caseId: B.id, pseudonym: 'TF · 2026-00002', age: 16, ageBand: null, district: 'Vanløse', level: 4,
      lastLevelChange: { changedOn: '2026-02-01', level: 4, previousLevel: null },
      eventCounts: [{ kind: 'charge', count: 1 }, { kind: 'interview', count: 1 }],
      reasons: ['charged'], decided: false, sspPlus: null, release: null,
    });
    const d = p.items.find((i) => i.case?.pseudonym.endsWith('2026-00004'))!.case!;
    expect(d.lastLevelChange).toEqual({ changedOn: '2026-09-16', level: 3, previousLevel: 2 });
    expect(p.items.at(-1)).toMatchObject({ kind: 'point', title: 'Eventuelt', case: null });
    expect(auditRows().at(-1)).toMatchObject({ action: 'view', entity: 'meeting', entityId: m.id, detail: 'projection;privacy:initials' });
  });

  it('shows SSP+ and release status as of the meeting date, from those domains', async () => {
    const forum = await valbyForum();
    const adult = async (firstName: string, nextReviewOn: string) =>
      v.call<CaseDetail>('cases.open', { person: { firstName, lastName: 'Voksensen', birthDate: '2008-01-01', districtId: VALBY }, level: 3, reason: 'Gentagen kriminalitet', districtId: VALBY, openedOn: '2026-01-01', nextReviewOn });
    const inPlan = await adult('Plan', '2026-11-01');
    const released = await adult('Fri', '2026-11-02');
    const neither = await adult('Ingen', '2026-11-03');
    // 18 on 2026-06-01 with a level-3 case: eligible for SSP+. In custody since July, expected out in January.
    await v.call('sspplus.start', { personId: inPlan.person.id, startDate: '2026-06-01', coordinator: 'K. Koordinator' });
    await v.call('releases.custody.create', { personId: inPlan.person.id, institutionId: 1, type: 'varetaegt', imprisonedOn: '2026-07-01', expectedReleaseOn: '2027-01-31' });
    // Released in March: within the 12 months before the meeting.
    await v.call('releases.custody.create', { personId: released.person.id, institutionId: 1, type: 'afsoning', imprisonedOn: '2025-06-01', releasedOn: '2026-03-01' });
    // Released more than 12 months before the meeting: not shown.
    await v.call('releases.custody.create', { personId: neither.person.id, institutionId: 1, type: 'afsoning', imprisonedOn: '2024-06-01', releasedOn: '2025-11-19' });
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' });
    const p = await v.call<Projection>('meetings.projection', { meetingId: m.id });
    const byCase = new Map(p.items.map((i) => [i.case!.caseId, i.case!]));
    expect(byCase.get(inPlan.id)).toMatchObject({ sspPlus: { status: 'active', date: '2026-06-01' }, release: { status: 'in-custody', date: '2027-01-31' } });
    expect(byCase.get(released.id)).toMatchObject({ sspPlus: null, release: { status: 'released', date: '2026-03-01' } });
    expect(byCase.get(neither.id)).toMatchObject({ sspPlus: null, release: null });
    expect(JSON.stringify(p)).not.toMatch(/Voksensen|\bPlan\b|\bFri\b|\bIngen\b/);
  });

  it('reveals one agenda case by name, audited, never the CPR number; refuses cases off the agenda', async () => {
    const { B, E, forum } = await agendaFixture();
    await v.call('cases.addNote', { caseId: B.id, text: 'Journalnotat' });
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20' });
    const before = auditRows().length;
    const r = await v.call<RevealedCase>('meetings.revealCase', { meetingId: m.id, caseId: B.id });
    expect(r).toMatchObject({ caseId: B.id, firstName: B.person.firstName, lastName: 'Fiktivsen', lastLevelReason: 'Oprettet til test' });
    expect(r.events.map((e) => [e.kind, e.occurredOn, e.offenceCategory])).toEqual([['charge', '2026-10-01', 'robbery'], ['interview', '2026-10-02', null]]);
    expect(JSON.stringify(r)).not.toMatch(/010110|Journalnotat/);
    expect(auditRows().slice(before)).toEqual([{ actor: OWNER.name, action: 'reveal', entity: 'case', entityId: B.id, detail: `meeting:${m.id}` }]);
    const off = await v.dispatch('meetings.revealCase', { meetingId: m.id, caseId: E.id });
    expect(off).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(auditRows().length).toBe(before + 1);
  });
});

describe('minutes', () => {
  async function decidedMeeting() {
    const fx = await agendaFixture();
    const m = await v.call<MeetingDetail>('meetings.create', { forumId: fx.forum.id, heldOn: '2026-11-20', memberIds: fx.forum.members.map((x) => x.id) });
    await v.call('meetings.saveAgenda', { meetingId: m.id, items: [...m.agenda.map((i) => ({ kind: 'case', caseId: i.case!.caseId })), { kind: 'point', title: 'Eventuelt', note: 'Intet' }] });
    const first = fx.A.person.firstName;
    await v.call('meetings.decide', {
      meetingId: m.id,
      caseId: fx.A.id,
      levelChange: { level: 4, reason: `${first} er sigtet igen (010110-4002)` },
      actions: [{ description: `Samtale med ${first} Fiktivsen`, partner: 'buf', deadline: '2026-12-01' }],
      note: `${first.toUpperCase()} FIKTIVSEN, cpr 0101104002, går på Testskolen.`,
    });
    return { ...fx, m };
  }

  it('shows cases by pseudonym, scrubs names and CPR numbers from free text, when the forum does not allow names', async () => {
    const { A, m } = await decidedMeeting();
    const minutes = await v.call<Minutes>('meetings.minutes', { meetingId: m.id });
    const text = JSON.stringify(minutes);
    expect(text).not.toMatch(/Testbarn|TESTBARN|Fiktivsen|FIKTIVSEN|010110|0101104/);
    expect(minutes.showNames).toBe(false);
    expect(minutes.attendees.map((a) => a.name)).toEqual(['Sofie Socialleder', 'Per Politileder']);
    const a = minutes.items.find((i) => i.caseLabel === 'TF · 2026-00001')!;
    expect(a.decision).toMatchObject({
      levelBefore: 3, levelAfter: 4, levelReason: 'TF er sigtet igen ([CPR])', note: 'TF TF, cpr [CPR], går på Testskolen.',
      actions: [{ description: 'Samtale med TF TF', partner: 'buf', deadline: '2026-12-01' }],
    });
    expect(minutes.items.map((i) => i.caseLabel ?? i.title)).toEqual(['TF · 2026-00002', 'TF · 2026-00009', 'TF · 2026-00001', 'TF · 2026-00004', 'TF · 2026-00011', 'Eventuelt']);
    expect(auditRows().at(-1)).toMatchObject({ action: 'view', entity: 'meeting', entityId: m.id, detail: 'minutes;names:false;privacy:initials' });
    // The case keeps the full text.
    const c = await v.call<CaseDetail>('cases.get', { caseId: A.id });
    expect(c.levelHistory.at(-1)!.reason).toContain(A.person.firstName);
  });

  it('shows names where the forum allows it, but never a CPR number', async () => {
    const { A, forum, m } = await decidedMeeting();
    await v.call('forums.save', { id: forum.id, name: forum.name, kind: 'leader-group', districtIds: forum.districtIds, minutesShowNames: true, members: forum.members.map(({ title, ...x }) => ({ ...x, ...(title ? { title } : {}) })) });
    const minutes = await v.call<Minutes>('meetings.minutes', { meetingId: m.id });
    expect(minutes.showNames).toBe(true);
    const text = JSON.stringify(minutes);
    expect(text).toContain(`${A.person.firstName} Fiktivsen (2026-00001)`);
    expect(text).not.toMatch(/010110|0101104/);
  });
});
