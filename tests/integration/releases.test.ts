import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, OWNER, type TestVault } from './helpers';
import type { CaseDetail } from '../../src/shared/cases/contract';
import type {
  CustodyDetail,
  Institution,
  ReleaseMeetingDetail,
  ReleaseMeetingTemplate,
  ReleasePersonHit,
  ReleasesOverview,
} from '../../src/shared/releases/contract';

// Fixed clock: "today" is Monday 23 November 2026 in every test.
const NOW = new Date('2026-11-23T10:00:00');
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

const sqlite = () => v.ctx.vault.current.sqlite;
const auditRows = () =>
  sqlite().prepare('SELECT actor, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id').all() as {
    actor: string; action: string; entity: string; entityId: number | null; detail: string | null;
  }[];
const auditCount = () => (sqlite().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

let personSeq = 0;
async function person(over: Record<string, unknown> = {}): Promise<number> {
  personSeq++;
  const c = await v.call<CaseDetail>('cases.open', {
    person: { firstName: 'Åge', lastName: `Prøvegård${personSeq}`, birthDate: '2007-04-12', districtId: 3, ...over },
    level: 3,
    reason: 'Gentagen kriminalitet',
    openedOn: '2025-01-10',
  });
  return c.person.id;
}

async function institutionId(name = 'Storstrøm Fængsel'): Promise<number> {
  const list = await v.call<Institution[]>('releases.institutions.list', {});
  return list.find((i) => i.name === name)!.id;
}

async function custody(personId: number, over: Record<string, unknown> = {}): Promise<CustodyDetail> {
  return v.call<CustodyDetail>('releases.custody.create', {
    personId,
    institutionId: await institutionId(),
    type: 'afsoning',
    imprisonedOn: '2026-01-31',
    expectedReleaseOn: '2027-01-31',
    ...over,
  });
}

const milestones = (c: CustodyDetail) => Object.fromEntries(c.timeline.map((m) => [m.key, { dueOn: m.dueOn, windowStart: m.windowStart, state: m.state, doneOn: m.doneOn }]));

/** A checklist where the named items have a status; the rest are left out (stored as 'missing'). */
const checklist = (statuses: Record<string, string>) => Object.entries(statuses).map(([item, status]) => ({ item, status }));

const meetingInput = (custodyId: number, over: Record<string, unknown> = {}) => ({
  custodyId,
  kind: 'planning',
  heldOn: '2026-11-20',
  place: 'Storstrøm Fængsel, mødelokale 2',
  notes: 'Den unge ønsker at bo hos sin moster.',
  participants: [
    { name: 'Tilsynsførende Testesen', partner: 'kriminalforsorgen', organisation: 'KiF Hovedstaden' },
    { name: 'Rådgiver Prøvesen', partner: 'sof' },
    { name: 'Åge', partner: 'young-person' },
  ],
  checklist: checklist({ housing: 'arranged', income: 'arranged', 'education-job': 'in-progress', 'gang-exit': 'not-relevant', 'risk-level': 'not-relevant' }),
  actions: [
    { description: 'Book første samtale i jobcentret', owner: 'Jobcenter', deadline: '2026-12-15' },
    { description: 'Søg om sundhedskort', owner: 'SOF', deadline: '2026-12-01', doneOn: '2026-11-22' },
  ],
  ...over,
});

describe('institutions', () => {
  it('starts with the default list and lets the user add and rename, refusing duplicate names', async () => {
    const list = await v.call<Institution[]>('releases.institutions.list', {});
    expect(list.map((i) => i.name)).toEqual([
      'Københavns Fængsler', 'Storstrøm Fængsel', 'Statsfængslet Østjylland', 'Herstedvester Fængsel', 'Nyborg Fængsel',
      'Arresthuset i Holbæk', 'Arresthuset i Roskilde', 'Sikret institution Sølager', 'Sikret institution Bakkegården',
    ]);
    expect(list.find((i) => i.name === 'Sikret institution Sølager')?.kind).toBe('youth');
    const added = await v.call<Institution>('releases.institutions.save', { name: 'Pensionatet Testrup', kind: 'prison', sortOrder: 20 });
    expect(added).toMatchObject({ name: 'Pensionatet Testrup', kind: 'prison', active: true, sortOrder: 20 });
    const renamed = await v.call<Institution>('releases.institutions.save', { id: added.id, name: 'Fængslet Testrup', kind: 'prison', active: false });
    expect(renamed).toMatchObject({ id: added.id, name: 'Fængslet Testrup', active: false });
    const dup = await v.dispatch('releases.institutions.save', { name: 'Nyborg Fængsel', kind: 'prison' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: 'Navnet er allerede brugt' } } });
  });
});

describe('custody periods and the timeline through the contract', () => {
  it('computes every milestone of a long sentence imprisoned on 31 January, on 23 November', async () => {
    const c = await custody(await person());
    expect(c).toMatchObject({
      type: 'afsoning', institution: 'Storstrøm Fængsel', institutionKind: 'prison', imprisonedOn: '2026-01-31',
      expectedReleaseOn: '2027-01-31', paroleOn: null, releasedOn: null, plannedReleaseOn: '2027-01-31', longSentence: true,
      meetings: [], readiness: null, otherPeriods: [],
    });
    expect(c.person).toMatchObject({ firstName: 'Åge', birthDate: '2007-04-12', district: 'Nørrebro' });
    // By hand: handleplan 31 Jan + 28 days = 28 Feb; 12 months before 31 Jan 2027 = 31 Jan 2026;
    // meeting window 3..1 months before release = 31 Oct..31 Dec 2026 (today inside it);
    // follow-ups from the planned release, month ends clamped: 30 Apr, 31 Jul 2027, 31 Jan 2028.
    expect(milestones(c)).toEqual({
      handleplan: { dueOn: '2026-02-28', windowStart: '2026-01-31', state: 'overdue', doneOn: undefined },
      'municipality-contact': { dueOn: '2026-01-31', windowStart: undefined, state: 'overdue', doneOn: undefined },
      'release-meeting': { dueOn: '2026-12-31', windowStart: '2026-10-31', state: 'due', doneOn: undefined },
      'parole-decision': { dueOn: null, windowStart: undefined, state: 'not-applicable', doneOn: undefined },
      release: { dueOn: '2027-01-31', windowStart: undefined, state: 'upcoming', doneOn: undefined },
      'followup-3': { dueOn: '2027-04-30', windowStart: undefined, state: 'upcoming', doneOn: undefined },
      'followup-6': { dueOn: '2027-07-31', windowStart: undefined, state: 'upcoming', doneOn: undefined },
      'followup-12': { dueOn: '2028-01-31', windowStart: undefined, state: 'upcoming', doneOn: undefined },
    });
    expect(c.followUps).toEqual([
      { months: 3, dueOn: '2027-04-30', state: 'upcoming', record: null },
      { months: 6, dueOn: '2027-07-31', state: 'upcoming', record: null },
      { months: 12, dueOn: '2028-01-31', state: 'upcoming', record: null },
    ]);
  });

  it('records hand-kept milestones, moves milestones with a later parole date, and undoes a milestone', async () => {
    const c = await custody(await person());
    let d = await v.call<CustodyDetail>('releases.custody.recordMilestone', { custodyId: c.id, milestone: 'handleplan', doneOn: '2026-02-20' });
    expect(milestones(d).handleplan).toMatchObject({ state: 'done', doneOn: '2026-02-20' });
    d = await v.call<CustodyDetail>('releases.custody.recordMilestone', { custodyId: c.id, milestone: 'municipality-contact', doneOn: '2026-02-25' });
    expect(d.municipalityContactedOn).toBe('2026-02-25');
    // A parole date on 28 Feb 2027 (before the expected 31 May 2027) is the earliest release.
    d = await v.call<CustodyDetail>('releases.custody.update', {
      custodyId: c.id, institutionId: c.institutionId, type: 'afsoning', imprisonedOn: '2026-01-31',
      expectedReleaseOn: '2027-05-31', paroleOn: '2027-02-28', releasedOn: null,
    });
    expect(d.plannedReleaseOn).toBe('2027-02-28');
    // Window 28 Nov..28 Jan: not yet due on 23 Nov. Parole decision 4 weeks before 28 Feb = 31 Jan.
    expect(milestones(d)['release-meeting']).toMatchObject({ windowStart: '2026-11-28', dueOn: '2027-01-28', state: 'upcoming' });
    expect(milestones(d)['parole-decision']).toMatchObject({ dueOn: '2027-01-31', state: 'upcoming' });
    expect(milestones(d)['followup-3']?.dueOn).toBe('2027-05-28');
    d = await v.call<CustodyDetail>('releases.custody.recordMilestone', { custodyId: c.id, milestone: 'handleplan', doneOn: null });
    expect(milestones(d).handleplan).toMatchObject({ state: 'overdue', doneOn: undefined });
    const parole = await v.dispatch('releases.custody.recordMilestone', { custodyId: c.id, milestone: 'handleplan', doneOn: '2026-01-30' });
    expect(parole).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { doneOn: 'Må ikke ligge før indsættelsen' } } });
  });

  it('handles remand without an expected release: no meeting milestone until a date is set', async () => {
    const pid = await person();
    const c = await custody(pid, { type: 'varetaegt', institutionId: await institutionId('Københavns Fængsler'), imprisonedOn: '2026-11-10', expectedReleaseOn: undefined });
    expect(milestones(c)['release-meeting']).toMatchObject({ dueOn: null, state: 'not-applicable' });
    expect(milestones(c)['municipality-contact']).toMatchObject({ state: 'not-applicable' });
    expect(milestones(c).handleplan).toMatchObject({ dueOn: '2026-12-08', state: 'due' });
    let o = await v.call<ReleasesOverview>('releases.overview', {});
    expect(o.upcoming).toEqual([]);
    expect(o.meetingsDue).toEqual([]);
    const d = await v.call<CustodyDetail>('releases.custody.update', {
      custodyId: c.id, institutionId: c.institutionId, type: 'varetaegt', imprisonedOn: '2026-11-10', expectedReleaseOn: '2027-01-15', paroleOn: null, releasedOn: null,
    });
    expect(milestones(d)['release-meeting']).toMatchObject({ windowStart: '2026-10-15', dueOn: '2026-12-15', state: 'due' });
    o = await v.call<ReleasesOverview>('releases.overview', {});
    expect(o.meetingsDue.map((m) => m.custodyId)).toEqual([c.id]);
    expect(o.upcoming).toMatchObject([{ custodyId: c.id, plannedReleaseOn: '2027-01-15', daysLeft: 53, type: 'varetaegt' }]);
  });

  it('keeps several periods per person, refusing overlapping ones', async () => {
    const pid = await person();
    const first = await custody(pid, { type: 'varetaegt', institutionId: await institutionId('Københavns Fængsler'), imprisonedOn: '2025-03-01', expectedReleaseOn: undefined, releasedOn: '2025-05-01' });
    const overlap = await v.dispatch('releases.custody.create', {
      personId: pid, institutionId: first.institutionId, type: 'afsoning', imprisonedOn: '2025-04-15', expectedReleaseOn: '2026-01-01',
    });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { imprisonedOn: 'Overlapper en anden frihedsberøvelse' } } });
    // Remand ends and the sentence starts on the same day: fine.
    const second = await custody(pid, { imprisonedOn: '2025-05-01', expectedReleaseOn: '2027-01-31' });
    expect(second.otherPeriods).toEqual([
      { id: first.id, type: 'varetaegt', institution: 'Københavns Fængsler', imprisonedOn: '2025-03-01', plannedReleaseOn: null, releasedOn: '2025-05-01' },
    ]);
    const third = await v.dispatch('releases.custody.create', { personId: pid, institutionId: first.institutionId, type: 'varetaegt', imprisonedOn: '2026-11-01' });
    expect(third).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('uden løsladelse (indsat 01.05.2025)') } });
    expect((await v.call<unknown[]>('releases.custody.listForPerson', { personId: pid })).length).toBe(2);
  });
});

describe('validation of dates, with Danish messages per field and nothing written', () => {
  const cases: [string, Record<string, unknown>, Record<string, string>][] = [
    ['expected release before imprisonment', { expectedReleaseOn: '2026-01-30' }, { expectedReleaseOn: 'Forventet løsladelse kan ikke ligge før indsættelsen.' }],
    ['parole after expected release', { paroleOn: '2027-02-01' }, { paroleOn: 'Prøveløsladelsen kan ikke ligge efter forventet løsladelse.' }],
    ['parole before imprisonment', { paroleOn: '2026-01-01' }, { paroleOn: 'Prøveløsladelsen kan ikke ligge før indsættelsen.' }],
    ['parole on remand', { type: 'varetaegt', paroleOn: '2026-12-01' }, { paroleOn: 'Varetægtsfængslede kan ikke prøveløslades. Fjern datoen.' }],
    ['release before imprisonment', { releasedOn: '2026-01-30' }, { releasedOn: 'Løsladelsen kan ikke ligge før indsættelsen.' }],
    ['release in the future', { releasedOn: '2026-11-24' }, { releasedOn: 'Løsladelsen kan ikke ligge i fremtiden. Registrér den, når den er sket.' }],
    ['imprisonment in the future', { imprisonedOn: '2026-11-24', expectedReleaseOn: '2027-06-01' }, { imprisonedOn: 'Indsættelsen kan ikke ligge i fremtiden.' }],
  ];
  for (const [label, over, fields] of cases) {
    it(label, async () => {
      const pid = await person();
      const before = auditCount();
      const r = await v.dispatch('releases.custody.create', {
        personId: pid, institutionId: await institutionId(), type: 'afsoning', imprisonedOn: '2026-01-31', expectedReleaseOn: '2027-01-31', ...over,
      });
      expect(r).toEqual({ ok: false, error: { code: 'RULE_VIOLATION', message: 'Datoerne for frihedsberøvelsen hænger ikke sammen. Ret de markerede felter.', fields } });
      expect(auditCount()).toBe(before);
      expect(sqlite().prepare('SELECT count(*) AS n FROM custody_periods').get()).toEqual({ n: 0 });
    });
  }

  it('refuses a release date before imprisonment when recording the release', async () => {
    const c = await custody(await person());
    const r = await v.dispatch('releases.custody.recordRelease', { custodyId: c.id, releasedOn: '2026-01-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { releasedOn: 'Løsladelsen kan ikke ligge før indsættelsen.' } } });
  });

  it('refuses an unknown person or institution', async () => {
    expect(await v.dispatch('releases.custody.create', { personId: 999, institutionId: 1, type: 'afsoning', imprisonedOn: '2026-01-31' })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', fields: { personId: 'Vælg en person' } },
    });
    const pid = await person();
    expect(await v.dispatch('releases.custody.create', { personId: pid, institutionId: 999, type: 'afsoning', imprisonedOn: '2026-01-31' })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', fields: { institutionId: 'Vælg en institution fra listen' } },
    });
  });
});

describe('release meetings with checklist and action items', () => {
  it('saves a meeting with participants, the whole checklist and actions, and counts readiness', async () => {
    const c = await custody(await person());
    const m = await v.call<ReleaseMeetingDetail>('releases.meeting.save', meetingInput(c.id));
    expect(m).toMatchObject({
      custodyId: c.id, kind: 'planning', heldOn: '2026-11-20', place: 'Storstrøm Fængsel, mødelokale 2',
      notes: 'Den unge ønsker at bo hos sin moster.', institution: 'Storstrøm Fængsel', plannedReleaseOn: '2027-01-31',
    });
    expect(m.participants).toEqual([
      { name: 'Tilsynsførende Testesen', partner: 'kriminalforsorgen', organisation: 'KiF Hovedstaden' },
      { name: 'Rådgiver Prøvesen', partner: 'sof', organisation: null },
      { name: 'Åge', partner: 'young-person', organisation: null },
    ]);
    // Every item, in the brief's order; the ones left out are 'missing'.
    expect(m.checklist.map((r) => [r.item, r.status])).toEqual([
      ['housing', 'arranged'], ['income', 'arranged'], ['education-job', 'in-progress'], ['substance-treatment', 'missing'],
      ['health', 'missing'], ['family-network', 'missing'], ['id-documents', 'missing'], ['probation', 'missing'],
      ['mentor', 'missing'], ['gang-exit', 'not-relevant'], ['risk-level', 'not-relevant'],
    ]);
    // 2 arranged of 11 - 2 not relevant = 9 relevant.
    expect(m.readiness).toEqual({ arranged: 2, relevant: 9, total: 11 });
    expect(m.actions).toMatchObject([
      { description: 'Book første samtale i jobcentret', owner: 'Jobcenter', deadline: '2026-12-15', doneOn: null },
      { description: 'Søg om sundhedskort', owner: 'SOF', deadline: '2026-12-01', doneOn: '2026-11-22' },
    ]);

    const d = await v.call<CustodyDetail>('releases.custody.get', { custodyId: c.id });
    expect(milestones(d)['release-meeting']).toMatchObject({ state: 'done', doneOn: '2026-11-20' });
    expect(d.meetings).toEqual([
      { id: m.id, kind: 'planning', heldOn: '2026-11-20', place: 'Storstrøm Fængsel, mødelokale 2', held: true, participants: 3, openActions: 1, readiness: { arranged: 2, relevant: 9, total: 11 } },
    ]);
    expect(d.readiness).toEqual({ arranged: 2, relevant: 9, total: 11 });
  });

  it('carries the checklist over to the next meeting, and the latest meeting sets readiness', async () => {
    const c = await custody(await person());
    const empty = await v.call<ReleaseMeetingTemplate>('releases.meeting.template', { custodyId: c.id });
    expect(empty.fromMeetingId).toBeNull();
    expect(empty.checklist.every((r) => r.status === 'missing')).toBe(true);
    expect(empty.checklist.length).toBe(11);
    const first = await v.call<ReleaseMeetingDetail>('releases.meeting.save', {
      ...meetingInput(c.id),
      checklist: [{ item: 'housing', status: 'in-progress', owner: 'SOF', deadline: '2026-12-10', note: 'Venter på svar fra pensionatet' }],
    });
    const tpl = await v.call<ReleaseMeetingTemplate>('releases.meeting.template', { custodyId: c.id });
    expect(tpl.fromMeetingId).toBe(first.id);
    expect(tpl.participants.length).toBe(3);
    expect(tpl.checklist[0]).toEqual({ item: 'housing', status: 'in-progress', owner: 'SOF', deadline: '2026-12-10', note: 'Venter på svar fra pensionatet' });
    // The final meeting, planned for 15 December: housing arranged, more items in place.
    const final = await v.call<ReleaseMeetingDetail>('releases.meeting.save', {
      ...meetingInput(c.id),
      kind: 'final',
      heldOn: '2026-12-15',
      checklist: checklist({ housing: 'arranged', income: 'arranged', 'education-job': 'arranged', 'id-documents': 'arranged', probation: 'arranged', 'gang-exit': 'not-relevant' }),
      actions: [],
    });
    expect(final.readiness).toEqual({ arranged: 5, relevant: 10, total: 11 });
    const d = await v.call<CustodyDetail>('releases.custody.get', { custodyId: c.id });
    expect(d.meetings.map((m) => [m.kind, m.heldOn, m.held])).toEqual([['planning', '2026-11-20', true], ['final', '2026-12-15', false]]);
    expect(d.readiness).toEqual({ arranged: 5, relevant: 10, total: 11 });
    // The milestone is done by the meeting held, not by the one only planned.
    expect(milestones(d)['release-meeting']).toMatchObject({ state: 'done', doneOn: '2026-11-20' });
    const o = await v.call<ReleasesOverview>('releases.overview', {});
    expect(o.upcoming).toMatchObject([{ custodyId: c.id, readiness: { arranged: 5, relevant: 10, total: 11 }, lastMeetingOn: '2026-11-20', meetingState: 'done' }]);
  });

  it('edits a meeting in place, replacing its rows, and deletes it', async () => {
    const c = await custody(await person());
    const m = await v.call<ReleaseMeetingDetail>('releases.meeting.save', meetingInput(c.id));
    const edited = await v.call<ReleaseMeetingDetail>('releases.meeting.save', {
      ...meetingInput(c.id), meetingId: m.id, place: '', participants: [{ name: 'Mor', partner: 'family' }],
      checklist: checklist({ housing: 'arranged', income: 'arranged', 'education-job': 'arranged' }), actions: [],
    });
    expect(edited.id).toBe(m.id);
    expect(edited.place).toBeNull();
    expect(edited.participants).toEqual([{ name: 'Mor', partner: 'family', organisation: null }]);
    expect(edited.readiness).toEqual({ arranged: 3, relevant: 11, total: 11 });
    expect(edited.actions).toEqual([]);
    expect(sqlite().prepare('SELECT count(*) AS n FROM release_checklist_items WHERE meeting_id = ?').get(m.id)).toEqual({ n: 11 });
    expect(await v.call('releases.meeting.delete', { meetingId: m.id })).toEqual({ deleted: true, custodyId: c.id });
    expect(sqlite().prepare('SELECT count(*) AS n FROM release_checklist_items').get()).toEqual({ n: 0 });
    expect(await v.dispatch('releases.meeting.get', { meetingId: m.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a meeting before imprisonment, an action done in the future, a duplicate item, and a meeting moved to another period', async () => {
    const c = await custody(await person());
    const before = auditCount();
    expect(await v.dispatch('releases.meeting.save', meetingInput(c.id, { heldOn: '2026-01-30' }))).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', fields: { heldOn: 'Mødet kan ikke ligge før indsættelsen' } },
    });
    expect(
      await v.dispatch('releases.meeting.save', meetingInput(c.id, { actions: [{ description: 'X', owner: 'SOF', doneOn: '2026-11-24' }] })),
    ).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { 'actions.0.doneOn': 'Må ikke ligge i fremtiden' } } });
    expect(
      await v.dispatch('releases.meeting.save', meetingInput(c.id, { checklist: checklist({ housing: 'arranged' }).concat([{ item: 'housing', status: 'missing' }]) })),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { checklist: expect.any(String) } } });
    expect(auditCount()).toBe(before);
    const m = await v.call<ReleaseMeetingDetail>('releases.meeting.save', meetingInput(c.id));
    const other = await custody(await person(), { imprisonedOn: '2026-02-01' });
    expect(await v.dispatch('releases.meeting.save', meetingInput(other.id, { meetingId: m.id }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('overview', () => {
  it('lists upcoming releases in the next 90 days, meetings due or overdue, and follow-ups due', async () => {
    // A: release 31 Jan 2027 (69 days), meeting window open. B: release 30 Jun 2027, beyond 90 days.
    // C: planned release 10 Nov 2026, passed without a recorded release: overdue, meeting overdue.
    // D: released 15 Aug 2026: follow-up at 3 months (15 Nov) overdue. E: released 1 Sep: 1 Dec due.
    const a = await custody(await person());
    const b = await custody(await person(), { expectedReleaseOn: '2027-06-30' });
    const c = await custody(await person(), { imprisonedOn: '2025-10-01', expectedReleaseOn: '2026-11-10' });
    const d = await custody(await person(), { imprisonedOn: '2025-06-01', expectedReleaseOn: '2026-08-20', releasedOn: '2026-08-15' });
    const e = await custody(await person(), { imprisonedOn: '2025-06-01', expectedReleaseOn: '2026-09-01', releasedOn: '2026-09-01' });
    const o = await v.call<ReleasesOverview>('releases.overview', {});
    expect(o.today).toBe('2026-11-23');
    expect(o.horizonDays).toBe(90);
    expect(o.upcoming.map((u) => [u.custodyId, u.plannedReleaseOn, u.daysLeft, u.releaseState, u.meetingState, u.readiness])).toEqual([
      [c.id, '2026-11-10', -13, 'overdue', 'overdue', null],
      [a.id, '2027-01-31', 69, 'upcoming', 'due', null],
    ]);
    expect(o.meetingsDue.map((m) => [m.custodyId, m.windowStart, m.dueOn, m.state])).toEqual([
      [c.id, '2026-08-10', '2026-10-10', 'overdue'],
      [a.id, '2026-10-31', '2026-12-31', 'due'],
    ]);
    expect(o.followUpsDue.map((f) => [f.custodyId, f.releasedOn, f.months, f.dueOn, f.state])).toEqual([
      [d.id, '2026-08-15', 3, '2026-11-15', 'overdue'],
      [e.id, '2026-09-01', 3, '2026-12-01', 'due'],
    ]);
    expect(o.upcoming.some((u) => u.custodyId === b.id)).toBe(false);
    const wide = await v.call<ReleasesOverview>('releases.overview', { horizonDays: 365 });
    expect(wide.upcoming.map((u) => u.custodyId)).toEqual([c.id, a.id, b.id]);
  });
});

describe('release and follow-ups', () => {
  it('records the release earlier than expected, then follow-up outcomes that feed the report', async () => {
    const c = await custody(await person(), { imprisonedOn: '2025-06-01', expectedReleaseOn: '2026-08-20' });
    let d = await v.call<CustodyDetail>('releases.custody.recordRelease', { custodyId: c.id, releasedOn: '2026-08-15' });
    expect(milestones(d).release).toMatchObject({ dueOn: '2026-08-15', state: 'done', doneOn: '2026-08-15' });
    expect(d.followUps.map((f) => [f.months, f.dueOn, f.state])).toEqual([[3, '2026-11-15', 'overdue'], [6, '2027-02-15', 'upcoming'], [12, '2027-08-15', 'upcoming']]);

    d = await v.call<CustodyDetail>('releases.followup.record', { custodyId: c.id, months: 3, outcome: 'job', newCharge: false, recordedOn: '2026-11-20' });
    expect(d.followUps[0]).toEqual({ months: 3, dueOn: '2026-11-15', state: 'done', record: { outcome: 'job', newCharge: false, recordedOn: '2026-11-20' } });
    // Correcting the outcome keeps one row per milestone.
    d = await v.call<CustodyDetail>('releases.followup.record', { custodyId: c.id, months: 3, outcome: 'aktivering', newCharge: true, recordedOn: '2026-11-21' });
    expect(d.followUps[0]?.record).toEqual({ outcome: 'aktivering', newCharge: true, recordedOn: '2026-11-21' });
    expect((await v.call<ReleasesOverview>('releases.overview', {})).followUpsDue).toEqual([]);

    // The table the semi-annual report reads.
    const rows = () => sqlite().prepare('SELECT custody_id AS custodyId, months, due_on AS dueOn, outcome, new_charge AS newCharge, recorded_on AS recordedOn FROM release_followups').all();
    expect(rows()).toEqual([{ custodyId: c.id, months: 3, dueOn: '2026-11-15', outcome: 'aktivering', newCharge: 1, recordedOn: '2026-11-21' }]);
    // Correcting the release date moves the due dates with it.
    await v.call('releases.custody.recordRelease', { custodyId: c.id, releasedOn: '2026-07-31' });
    expect(rows()).toMatchObject([{ dueOn: '2026-10-31' }]);
  });

  it('refuses follow-ups before the release, in the future, or without a release, and release changes that strand them', async () => {
    const c = await custody(await person(), { imprisonedOn: '2025-06-01', expectedReleaseOn: '2026-08-20' });
    expect(await v.dispatch('releases.followup.record', { custodyId: c.id, months: 3, outcome: 'job', newCharge: false, recordedOn: '2026-11-20' })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', message: 'Løsladelsen er ikke registreret endnu. Registrér den, før du registrerer en opfølgning.' },
    });
    await v.call('releases.custody.recordRelease', { custodyId: c.id, releasedOn: '2026-08-15' });
    expect(await v.dispatch('releases.followup.record', { custodyId: c.id, months: 3, outcome: 'job', newCharge: false, recordedOn: '2026-08-14' })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', fields: { recordedOn: 'Må ikke ligge før løsladelsen' } },
    });
    expect(await v.dispatch('releases.followup.record', { custodyId: c.id, months: 6, outcome: 'job', newCharge: false, recordedOn: '2026-11-24' })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', fields: { recordedOn: 'Må ikke ligge i fremtiden' } },
    });
    expect(await v.dispatch('releases.followup.record', { custodyId: c.id, months: 4, outcome: 'job', newCharge: false, recordedOn: '2026-11-20' })).toMatchObject({
      ok: false, error: { code: 'INVALID_INPUT' },
    });
    await v.call('releases.followup.record', { custodyId: c.id, months: 3, outcome: 'uddannelse', newCharge: false, recordedOn: '2026-11-20' });
    expect(await v.dispatch('releases.custody.recordRelease', { custodyId: c.id, releasedOn: '2026-11-21' })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', fields: { releasedOn: 'Ligger efter en registreret opfølgning' } },
    });
    expect(
      await v.dispatch('releases.custody.update', {
        custodyId: c.id, institutionId: c.institutionId, type: 'afsoning', imprisonedOn: '2025-06-01', expectedReleaseOn: '2026-08-20', paroleOn: null, releasedOn: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { releasedOn: 'Kan ikke fjernes, når der er opfølgninger' } } });
  });
});

describe('settings', () => {
  it('makes the meeting window configurable and refuses a window that ends before it starts', async () => {
    const c = await custody(await person());
    expect(await v.call('releases.settings.get', {})).toEqual({ meetingWindowFromMonths: 3, meetingWindowToMonths: 1, dueSoonDays: 14, upcomingDays: 90 });
    await v.call('releases.settings.save', { meetingWindowFromMonths: 2, meetingWindowToMonths: 0 });
    const d = await v.call<CustodyDetail>('releases.custody.get', { custodyId: c.id });
    expect(milestones(d)['release-meeting']).toMatchObject({ windowStart: '2026-11-30', dueOn: '2027-01-31', state: 'upcoming' });
    expect(await v.dispatch('releases.settings.save', { meetingWindowToMonths: 2 })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', fields: { meetingWindowToMonths: 'Skal være mindre end vinduets begyndelse' } },
    });
  });
});

describe('people search and privacy', () => {
  it('finds people by name (æ, ø, å) or case number, and never returns a CPR number', async () => {
    const c = await v.call<CaseDetail>('cases.open', {
      person: { firstName: 'Søren', lastName: 'Æblegård', cpr: '120407-4231', districtId: 1 }, level: 4, reason: 'Røveri', openedOn: '2025-02-01',
    });
    const hits = await v.call<ReleasePersonHit[]>('releases.people.search', { search: 'æblegå' });
    expect(hits).toEqual([{ id: c.person.id, firstName: 'Søren', lastName: 'Æblegård', birthDate: '2007-04-12', district: 'Indre By', caseNumber: c.caseNumber }]);
    expect(await v.call('releases.people.search', { search: c.caseNumber })).toEqual(hits);
    expect(await v.call('releases.people.search', { search: '  ' })).toEqual([]);
    const cu = await custody(c.person.id);
    const m = await v.call<ReleaseMeetingDetail>('releases.meeting.save', meetingInput(cu.id));
    const outputs = JSON.stringify([
      hits,
      await v.call('releases.custody.get', { custodyId: cu.id }),
      await v.call('releases.meeting.get', { meetingId: m.id }),
      await v.call('releases.overview', {}),
    ]);
    expect(outputs).not.toContain('4231');
    expect(outputs).not.toContain('120407');
  });
});

describe('audit', () => {
  it('audits every write with codes and ids only, never names or free text', async () => {
    const pid = await person();
    const start = auditRows().length;
    const c = await custody(pid);
    await v.call('releases.custody.recordMilestone', { custodyId: c.id, milestone: 'handleplan', doneOn: '2026-02-20' });
    const m = await v.call<ReleaseMeetingDetail>('releases.meeting.save', meetingInput(c.id));
    await v.call('releases.custody.get', { custodyId: c.id });
    await v.call('releases.custody.update', {
      custodyId: c.id, institutionId: c.institutionId, type: 'afsoning', imprisonedOn: '2026-01-31', expectedReleaseOn: '2027-01-15', paroleOn: null, releasedOn: null,
    });
    await v.call('releases.custody.recordRelease', { custodyId: c.id, releasedOn: '2026-08-22' });
    await v.call('releases.followup.record', { custodyId: c.id, months: 3, outcome: 'ingen', newCharge: true, recordedOn: '2026-11-23' });
    await v.call('releases.meeting.delete', { meetingId: m.id });
    await v.call('releases.custody.delete', { custodyId: c.id });
    const a = (entity: string, action: string, entityId: number | null, detail: string | null) => ({ actor: OWNER.name, action, entity, entityId, detail });
    const fu = (sqlite().prepare("SELECT entity_id AS id FROM audit_log WHERE entity = 'release-followup'").get() as { id: number }).id;
    expect(auditRows().slice(start)).toEqual([
      a('custody', 'create', c.id, `person:${pid};type:afsoning`),
      a('custody', 'update', c.id, 'milestone:handleplan'),
      a('release-meeting', 'create', m.id, `custody:${c.id};kind:planning;arranged:2;relevant:9;participants:3;actions:2`),
      a('custody', 'view', c.id, null),
      a('custody', 'update', c.id, 'fields:expectedReleaseOn'),
      a('custody', 'release', c.id, null),
      a('release-followup', 'create', fu, `custody:${c.id};months:3;outcome:ingen;newCharge:yes`),
      a('release-meeting', 'delete', m.id, `custody:${c.id}`),
      a('custody', 'delete', c.id, `person:${pid}`),
    ]);
    const text = JSON.stringify(auditRows());
    for (const secret of ['Åge', 'Prøvegård', 'Testesen', 'moster', 'mødelokale', 'jobcentret']) expect(text).not.toContain(secret);
    // Deleting the period removed its meetings and follow-ups.
    expect(sqlite().prepare('SELECT (SELECT count(*) FROM release_meetings) + (SELECT count(*) FROM release_followups) AS n').get()).toEqual({ n: 0 });
  });
});
