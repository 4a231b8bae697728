import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import type { CaseDetail } from '../../src/shared/cases/contract';
import type { Forum, MeetingDetail, Minutes, Projection } from '../../src/shared/leader-meetings/contract';

/**
 * Privacy levels per forum and per meeting (issue 18): what the projection and the minutes carry
 * at each level, the default of a new forum from the setting, the meeting's own level, audits.
 * Today is 2026-11-23; the meeting is on 2026-11-20.
 */
const NOW = new Date('2026-11-23T10:00:00');
const VALBY = 5;

let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

const sql = <T = Record<string, unknown>>(query: string, ...params: unknown[]) => v.ctx.vault.current.sqlite.prepare(query).all(...params) as T[];
const lastAudit = () => sql<{ action: string; entity: string; detail: string | null }>('SELECT action, entity, detail FROM audit_log ORDER BY id DESC LIMIT 1')[0]!;

/** Two fictional young people: born 2010-01-01 (16 on the meeting day) and 2013-06-15 (13). */
async function fixture(forumLevel?: string) {
  const a = await v.call<CaseDetail>('cases.open', {
    person: { firstName: 'Rune', lastName: 'Prøvegaard', cpr: '0101104002', districtId: VALBY, school: 'Prøveskolen' },
    level: 4, reason: 'Test', districtId: VALBY, openedOn: '2026-01-10',
  });
  const b = await v.call<CaseDetail>('cases.open', {
    person: { firstName: 'Mette', lastName: 'Fiktivholm', cpr: '1506134012', districtId: VALBY },
    level: 3, reason: 'Test', districtId: VALBY, openedOn: '2026-02-10',
  });
  const seeded = (await v.call<Forum[]>('forums.list', {})).find((f) => f.name === 'SSP-ledergruppe Valby')!;
  const forum = forumLevel ? await v.call<Forum>('forums.save', { id: seeded.id, name: seeded.name, kind: 'leader-group', districtIds: [VALBY], privacyLevel: forumLevel }) : seeded;
  const m = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20', proposeAgenda: false });
  await v.call('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'case', caseId: a.id }, { kind: 'case', caseId: b.id }] });
  await v.call('meetings.decide', { meetingId: m.id, caseId: a.id, note: 'Rune Prøvegaard og hans mor taler med PRØVESKOLEN.' });
  return { a, b, forum, m };
}

const cases = (p: Projection) => p.items.map((i) => ({ pseudonym: i.case!.pseudonym, age: i.case!.age, ageBand: i.case!.ageBand }));

describe('privacy levels', () => {
  it('defaults: the most private level for both forum kinds; seeded and new forums start there; the setting changes it for new forums only', async () => {
    expect(await v.call('meetings.settings', {})).toEqual({ agendaLookbackDays: 90, privacyDefaults: { 'leader-group': 'case-number', 'local-committee': 'case-number' } });
    const seeded = await v.call<Forum[]>('forums.list', {});
    expect(new Set(seeded.map((f) => f.privacyLevel))).toEqual(new Set(['case-number']));
    await v.call('meetings.saveSettings', { privacyDefaults: { 'leader-group': 'case-number', 'local-committee': 'age-band' } });
    expect(lastAudit()).toEqual({ action: 'update', entity: 'setting', detail: 'meetings.privacyDefaults:case-number,age-band' });
    expect(await v.call('meetings.settings', {})).toMatchObject({ agendaLookbackDays: 90, privacyDefaults: { 'local-committee': 'age-band' } });
    const lu = await v.call<Forum>('forums.save', { name: 'SSP-lokaludvalg Valby', kind: 'local-committee', districtIds: [VALBY] });
    expect(lu.privacyLevel).toBe('age-band');
    expect(lastAudit()).toMatchObject({ action: 'create', entity: 'forum', detail: 'privacyLevel:age-band' });
    const lg = await v.call<Forum>('forums.save', { name: 'SSP-ledergruppe Ekstra', kind: 'leader-group', districtIds: [VALBY] });
    expect(lg.privacyLevel).toBe('case-number');
    // An edit without a level keeps it; with one, changes it (audited).
    expect((await v.call<Forum>('forums.save', { id: lu.id, name: lu.name, kind: lu.kind, districtIds: [VALBY] })).privacyLevel).toBe('age-band');
    expect((await v.call<Forum>('forums.save', { id: lu.id, name: lu.name, kind: lu.kind, districtIds: [VALBY], privacyLevel: 'initials' })).privacyLevel).toBe('initials');
    expect(lastAudit()).toMatchObject({ action: 'update', entity: 'forum', detail: 'privacyLevel:initials' });
    // A damaged level is refused at the boundary.
    expect(await v.dispatch('forums.save', { id: lu.id, name: lu.name, kind: lu.kind, districtIds: [VALBY], privacyLevel: 'names' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('projection at each level: initials and exact age; initials and age band; case number and age band', async () => {
    const { a, b, forum, m } = await fixture('initials');
    expect(cases(await v.call<Projection>('meetings.projection', { meetingId: m.id }))).toEqual([
      { pseudonym: `RP · ${a.caseNumber}`, age: 16, ageBand: null },
      { pseudonym: `MF · ${b.caseNumber}`, age: 13, ageBand: null },
    ]);
    await v.call('forums.save', { id: forum.id, name: forum.name, kind: 'leader-group', districtIds: [VALBY], privacyLevel: 'age-band' });
    const banded = await v.call<Projection>('meetings.projection', { meetingId: m.id });
    expect(banded.privacyLevel).toBe('age-band');
    expect(cases(banded)).toEqual([
      { pseudonym: `RP · ${a.caseNumber}`, age: null, ageBand: '15-17 år' },
      { pseudonym: `MF · ${b.caseNumber}`, age: null, ageBand: '12-14 år' },
    ]);
    await v.call('forums.save', { id: forum.id, name: forum.name, kind: 'leader-group', districtIds: [VALBY], privacyLevel: 'case-number' });
    const only = await v.call<Projection>('meetings.projection', { meetingId: m.id });
    expect(cases(only)).toEqual([
      { pseudonym: a.caseNumber, age: null, ageBand: '15-17 år' },
      { pseudonym: b.caseNumber, age: null, ageBand: '12-14 år' },
    ]);
    const text = JSON.stringify(only);
    for (const s of ['RP', 'MF', 'Rune', 'Prøvegaard', 'Mette', 'Fiktivholm', '"age":16', '"age":13', '2010-01-01', '010110', 'Prøveskolen']) expect(text).not.toContain(s);
    expect(lastAudit()).toMatchObject({ action: 'view', entity: 'meeting', detail: 'projection;privacy:case-number' });
  });

  it("a meeting's own level wins over the forum's, and null goes back to the forum's", async () => {
    const { a, forum, m } = await fixture(); // the seeded forum: case-number
    expect(forum.privacyLevel).toBe('case-number');
    expect(m.privacyLevel).toBeNull();
    const updated = await v.call<MeetingDetail>('meetings.update', { meetingId: m.id, heldOn: m.heldOn, privacyLevel: 'initials' });
    expect(updated.privacyLevel).toBe('initials');
    expect(lastAudit()).toMatchObject({ action: 'update', entity: 'meeting', detail: 'privacyLevel:initials' });
    expect((await v.call<Projection>('meetings.projection', { meetingId: m.id })).items[0]!.case).toMatchObject({ pseudonym: `RP · ${a.caseNumber}`, age: 16 });
    // Left out: unchanged.
    expect((await v.call<MeetingDetail>('meetings.update', { meetingId: m.id, heldOn: m.heldOn })).privacyLevel).toBe('initials');
    await v.call('meetings.update', { meetingId: m.id, heldOn: m.heldOn, privacyLevel: null });
    expect((await v.call<Projection>('meetings.projection', { meetingId: m.id })).items[0]!.case).toMatchObject({ pseudonym: a.caseNumber, age: null, ageBand: '15-17 år' });
    // Created with its own level.
    const other = await v.call<MeetingDetail>('meetings.create', { forumId: forum.id, heldOn: '2026-11-27', proposeAgenda: false, privacyLevel: 'age-band' });
    expect(other.privacyLevel).toBe('age-band');
  });

  it('minutes at case-number level: case numbers only, names in free text replaced by the case number, the school by […]', async () => {
    const { a, b, m } = await fixture('case-number');
    const minutes = await v.call<Minutes>('meetings.minutes', { meetingId: m.id });
    expect(minutes.privacyLevel).toBe('case-number');
    expect(minutes.items.map((i) => i.caseLabel)).toEqual([a.caseNumber, b.caseNumber]);
    expect(minutes.items[0]!.decision!.note).toBe(`${a.caseNumber} ${a.caseNumber} og hans mor taler med […].`);
    const text = JSON.stringify(minutes);
    for (const s of ['RP ·', 'MF ·', 'Rune', 'Prøvegaard', 'Mette', 'Fiktivholm']) expect(text).not.toContain(s);
  });
});
