import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import type { CaseDetail, Person } from '../../src/shared/cases/contract';
import type { CaseYouthGroup, ExitCourse, YouthGroup } from '../../src/shared/cases';
import { exitFollowUpDue, exitLatestEnd } from '../../src/shared/cases';

/** Issue 19 item 7: Exit courses with their 24-month follow-up, and youth groups. */
const NOW = new Date('2026-12-03T10:00:00Z'); // programme date 2026-12-03
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

type ExitList = { courses: ExitCourse[]; kkPlacesInUse: number };
const sqlite = () => v.ctx.vault.current.sqlite;

async function youngPerson(birthDate: string, first = 'Sami', last = 'Sekvens') {
  return v.call<CaseDetail>('cases.open', { person: { firstName: first, lastName: last, birthDate }, level: 3, reason: 'Gentagen kriminalitet', districtId: 1, openedOn: '2023-01-10' });
}
const charge = (caseId: number, occurredOn: string) => v.call('cases.addEvent', { caseId, kind: 'charge', occurredOn, offenceCategory: 'violence' });
const saveExit = (input: Record<string, unknown>) => v.dispatch('cases.exit.save', { contactPerson: 'Exit-koordinator Bo Berg', ...input });

describe('Exit course dates by the month-end rule (anniversary)', () => {
  it('three years and 24 months land on the same day, or the 1st of the next month when it does not exist', () => {
    expect(exitLatestEnd('2023-12-01')).toBe('2026-12-01');
    expect(exitLatestEnd('2024-02-29')).toBe('2027-03-01');
    expect(exitFollowUpDue('2024-08-31')).toBe('2026-08-31');
    expect(exitFollowUpDue('2024-02-29')).toBe('2026-03-01');
    expect(exitFollowUpDue('2024-10-31')).toBe('2026-10-31');
    expect(exitFollowUpDue('2025-04-30')).toBe('2027-04-30');
  });
});

describe('Exit courses on a young person', () => {
  it('counts the new charges in the 24 months after the end (day after the end through the due date), on all the person\'s cases', async () => {
    // Born 31 May 2006: 17½ on 1 December 2023 (30 November + ... has no 31st: the 1st of the next month).
    const c1 = await youngPerson('2006-05-31');
    const personId = c1.person.id;
    await charge(c1.id, '2023-05-01'); // before the course
    await charge(c1.id, '2024-02-29'); // the end day: still inside the course
    await charge(c1.id, '2024-03-01'); // day 1 of the window: counts
    await v.call('cases.close', { caseId: c1.id, closedOn: '2025-01-01', reason: 'other' });
    const c2 = await v.call<CaseDetail>('cases.open', { personId, level: 3, reason: 'Ny sigtelse', districtId: 1, openedOn: '2025-02-01' });
    await charge(c2.id, '2025-06-15'); // counts
    await v.call('cases.addEvent', { caseId: c2.id, kind: 'concern', occurredOn: '2025-07-01' }); // not a charge
    await charge(c2.id, '2026-03-01'); // the due date itself: counts
    await charge(c2.id, '2026-03-02'); // after the 24 months

    // Too young on 30 November 2023 (209 months), old enough on 1 December.
    expect(await saveExit({ personId, programme: 'exit-17', startOn: '2023-11-30', endOn: '2024-02-29', status: 'completed' })).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', fields: { programme: expect.stringContaining('fra 17½ år') } },
    });
    const r = await saveExit({ personId, programme: 'exit-17', startOn: '2023-12-01', endOn: '2024-02-29', status: 'completed' });
    expect(r.ok).toBe(true);
    const list = await v.call<ExitList>('cases.exit.list', { personId });
    expect(list.courses).toHaveLength(1);
    // By hand: 2024-03-01, 2025-06-15 and 2026-03-01 lie in [2024-03-01, 2026-03-01]; the other three charges do not.
    expect(list.courses[0]).toMatchObject({
      programme: 'exit-17',
      startOn: '2023-12-01',
      endOn: '2024-02-29',
      latestEndOn: '2026-12-01',
      overdue: false,
      contactPerson: 'Exit-koordinator Bo Berg',
      status: 'completed',
      followUp: { dueOn: '2026-03-01', state: 'due', windowAfter: '2024-03-01', windowThrough: '2026-03-01', newCharges: 3 },
    });
    // A second method: the same count straight from the table.
    const direct = sqlite()
      .prepare(`SELECT count(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.person_id = ? AND e.kind = 'charge' AND e.occurred_on > '2024-02-29' AND e.occurred_on <= '2026-03-01'`)
      .get(personId) as { n: number };
    expect(direct.n).toBe(3);
  });

  it('a follow-up still running counts through today', async () => {
    const c = await youngPerson('2004-01-15');
    await charge(c.id, '2026-01-10');
    await charge(c.id, '2026-12-03');
    await saveExit({ personId: c.person.id, programme: 'kk-18-25', startOn: '2024-11-01', endOn: '2025-10-31', status: 'interrupted' });
    const { courses } = await v.call<ExitList>('cases.exit.list', { personId: c.person.id });
    expect(courses[0]!.followUp).toEqual({ dueOn: '2027-10-31', state: 'running', windowAfter: '2025-11-01', windowThrough: '2026-12-03', newCharges: 2, recordedOn: null });
  });

  it('holds a course to three years, an end date only when ended, no future end, and the programmes\' ages', async () => {
    const c = await youngPerson('2006-05-31');
    const personId = c.person.id;
    const base = { personId, programme: 'national', startOn: '2023-12-01' };
    expect(await saveExit({ ...base, endOn: '2026-12-02', status: 'completed' })).toMatchObject({ ok: false, error: { fields: { endOn: expect.stringContaining('højst tre år') } } });
    expect(await saveExit({ ...base, endOn: null, status: 'completed' })).toMatchObject({ ok: false, error: { fields: { endOn: expect.stringContaining('skal have en slutdato') } } });
    expect(await saveExit({ ...base, endOn: '2024-06-01', status: 'active' })).toMatchObject({ ok: false, error: { fields: { endOn: expect.stringContaining('ingen slutdato') } } });
    expect(await saveExit({ ...base, endOn: '2023-11-30', status: 'completed' })).toMatchObject({ ok: false, error: { fields: { endOn: expect.stringContaining('før startdatoen') } } });
    expect(await saveExit({ ...base, startOn: '2026-12-04', status: 'active' })).toMatchObject({ ok: false, error: { fields: { startOn: expect.stringContaining('fremtiden') } } });
    // Københavns Kommune's Exit is for 18-25: 17 on 1 December 2023.
    expect(await saveExit({ ...base, programme: 'kk-18-25', status: 'active' })).toMatchObject({ ok: false, error: { fields: { programme: expect.stringContaining('18-25') } } });
    expect(sqlite().prepare('SELECT count(*) AS n FROM exit_courses').get()).toEqual({ n: 0 });
    // The last allowed day: three years on, included.
    expect(await saveExit({ ...base, endOn: '2026-12-01', status: 'completed' })).toMatchObject({ ok: true });
    // An active course past its three years is flagged for ending.
    const active = (await saveExit({ ...base, status: 'active' })) as { ok: true; value: ExitList };
    expect(active.value.courses.find((x) => x.status === 'active')).toMatchObject({ overdue: true, followUp: null, endOn: null, latestEndOn: '2026-12-01' });
  });

  it('updates and deletes a course; the audit trail holds codes and ids only', async () => {
    const c = await youngPerson('2004-01-15', 'Åsa', 'Ørnekær');
    const personId = c.person.id;
    const first = (await saveExit({ personId, programme: 'kk-18-25', startOn: '2025-01-06', status: 'active' })) as { ok: true; value: ExitList };
    const id = first.value.courses[0]!.id;
    expect(first.value.kkPlacesInUse).toBe(1);
    const ended = await v.call<ExitList>('cases.exit.save', { personId, id, programme: 'kk-18-25', startOn: '2025-01-06', endOn: '2026-06-30', contactPerson: 'Mentor Jens Juhl', status: 'completed' });
    expect(ended.courses[0]).toMatchObject({ id, status: 'completed', contactPerson: 'Mentor Jens Juhl', followUp: { dueOn: '2028-06-30', state: 'running' } });
    expect(ended.kkPlacesInUse).toBe(0);
    // Another person's id is refused.
    const other = await youngPerson('2003-03-03', 'Bo', 'Bindestreg');
    expect(await v.dispatch('cases.exit.save', { personId: other.person.id, id, programme: 'national', startOn: '2025-01-06', contactPerson: 'x', status: 'active' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await v.dispatch('cases.exit.delete', { personId: other.person.id, id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await v.call<ExitList>('cases.exit.delete', { personId, id })).courses).toEqual([]);
    const entries = sqlite().prepare(`SELECT action, entity, entity_id AS entityId, detail FROM audit_log WHERE entity = 'exit_course' ORDER BY id`).all();
    expect(entries).toEqual([
      { action: 'create', entity: 'exit_course', entityId: id, detail: `person:${personId};programme:kk-18-25;status:active` },
      { action: 'update', entity: 'exit_course', entityId: id, detail: `person:${personId};programme:kk-18-25;status:completed` },
      { action: 'delete', entity: 'exit_course', entityId: id, detail: `person:${personId}` },
    ]);
    const all = JSON.stringify(sqlite().prepare('SELECT * FROM audit_log').all());
    for (const word of ['Åsa', 'Ørnekær', 'Jens', 'Juhl', 'Bo Berg', '2004-01-15']) expect(all).not.toContain(word);
  });
});

describe('youth groups (ungegrupperinger)', () => {
  it('refuses names with a CPR number, a date or a young person\'s name (Unicode case folded), and duplicates', async () => {
    await youngPerson('2008-02-02', 'Søren', 'Åkjær');
    const save = (name: string) => v.dispatch('youthGroups.save', { name });
    expect(await save('Gruppe 010106-1234')).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { name: expect.stringContaining('CPR-nummer') } } });
    expect(await save('Drengene fra 12.03.09')).toMatchObject({ ok: false, error: { fields: { name: expect.stringContaining('dato') } } });
    expect(await save('SØREN og co')).toMatchObject({ ok: false, error: { fields: { name: expect.stringContaining('navn på en ung') } } });
    expect(await save('Åkjær-banden')).toMatchObject({ ok: false, error: { fields: { name: expect.stringContaining('navn på en ung') } } });
    const g = await v.call<YouthGroup>('youthGroups.save', { name: '  Gruppe   Nord 2 ' });
    expect(g).toEqual({ id: g.id, name: 'Gruppe Nord 2', active: true, caseCount: 0 });
    expect(await save('gruppe nord 2')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(sqlite().prepare('SELECT count(*) AS n FROM youth_groups').get()).toEqual({ n: 1 });
  });

  it('links cases, shows each case its groups with the other cases, removes a link; audit without names', async () => {
    const a = await youngPerson('2008-02-02', 'Søren', 'Åkjær');
    const b = await youngPerson('2009-04-04', 'Mads', 'Møller');
    const g = await v.call<YouthGroup>('youthGroups.save', { name: 'Gruppe Nord 2' });
    await v.call('youthGroups.addCase', { groupId: g.id, caseId: a.id, addedOn: '2026-11-01' });
    const ofB = await v.call<CaseYouthGroup[]>('youthGroups.addCase', { groupId: g.id, caseId: b.id, addedOn: '2026-11-02' });
    expect(ofB).toHaveLength(1);
    expect(ofB[0]!.cases.map((c) => [c.caseId, c.firstName, c.addedOn])).toEqual([
      [b.id, 'Mads', '2026-11-02'],
      [a.id, 'Søren', '2026-11-01'],
    ]);
    expect(await v.dispatch('youthGroups.addCase', { groupId: g.id, caseId: a.id, addedOn: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await v.dispatch('youthGroups.addCase', { groupId: g.id, caseId: a.id, addedOn: '2026-12-04' })).toMatchObject({ ok: false });
    expect((await v.call<YouthGroup[]>('youthGroups.list', {}))[0]).toMatchObject({ name: 'Gruppe Nord 2', caseCount: 2 });
    expect(await v.call('youthGroups.removeCase', { groupId: g.id, caseId: a.id })).toEqual([]);
    expect((await v.call<CaseYouthGroup[]>('youthGroups.ofCase', { caseId: b.id }))[0]!.cases.map((c) => c.caseId)).toEqual([b.id]);
    // Inactive groups take no new cases.
    await v.call('youthGroups.save', { id: g.id, name: 'Gruppe Nord 2', active: false });
    expect(await v.dispatch('youthGroups.addCase', { groupId: g.id, caseId: a.id, addedOn: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const entries = sqlite().prepare(`SELECT action, entity, detail FROM audit_log WHERE entity LIKE 'youth_group%' ORDER BY id`).all();
    expect(entries).toEqual([
      { action: 'create', entity: 'youth_group', detail: 'active:1' },
      { action: 'create', entity: 'youth_group_member', detail: `case:${a.id}` },
      { action: 'create', entity: 'youth_group_member', detail: `case:${b.id}` },
      { action: 'delete', entity: 'youth_group_member', detail: `case:${a.id}` },
      { action: 'update', entity: 'youth_group', detail: 'active:0' },
    ]);
  });
});

describe('retention', () => {
  it("clears the person's Exit contact persons (programme and dates stay on the stub for the report), removes the case's group memberships; a running Exit course keeps the person", async () => {
    const a = await youngPerson('2004-01-15', 'Åsa', 'Ørnekær');
    const b = await youngPerson('2004-02-15', 'Bent', 'Brøndum');
    for (const c of [a, b]) await v.call('cases.close', { caseId: c.id, closedOn: '2024-06-01', reason: 'other' });
    await saveExit({ personId: a.person.id, programme: 'kk-18-25', startOn: '2023-02-01', endOn: '2024-01-31', status: 'completed' });
    await saveExit({ personId: b.person.id, programme: 'kk-18-25', startOn: '2023-02-01', status: 'active' });
    const g = await v.call<YouthGroup>('youthGroups.save', { name: 'Gruppe Syd' });
    for (const c of [a, b]) await v.call('youthGroups.addCase', { groupId: g.id, caseId: c.id, addedOn: '2024-01-01' });
    const due = await v.call<{ cases: { caseId: number; personDeleted: boolean }[] }>('retention.due', {});
    expect(due.cases.map((c) => [c.caseId, c.personDeleted])).toEqual([
      [a.id, true],
      [b.id, false],
    ]);
    expect(await v.call('retention.apply', { caseIds: [a.id, b.id], confirm: true })).toEqual({ cases: 2, people: 1 });
    expect(sqlite().prepare('SELECT person_id AS p, programme, start_on AS s, end_on AS e, contact_person AS contact, status FROM exit_courses ORDER BY id').all()).toEqual([
      { p: a.person.id, programme: 'kk-18-25', s: '2023-02-01', e: '2024-01-31', contact: '', status: 'completed' },
      { p: b.person.id, programme: 'kk-18-25', s: '2023-02-01', e: null, contact: 'Exit-koordinator Bo Berg', status: 'active' },
    ]);
    expect(sqlite().prepare('SELECT count(*) AS n FROM youth_group_members').get()).toEqual({ n: 0 });
    expect((await v.call<YouthGroup[]>('youthGroups.list', {}))[0]!.caseCount).toBe(0);
    expect(await v.dispatch('cases.exit.list', { personId: a.person.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await v.call<Person>('people.update', { personId: b.person.id, person: { firstName: 'Bent', lastName: 'Brøndum', birthDate: '2004-02-15' } })).lastName).toBe('Brøndum');
  });
});

describe('a youth group as one item on the ledergruppe agenda', () => {
  const VALBY = 5;
  async function fixture() {
    const a = await v.call<CaseDetail>('cases.open', {
      person: { firstName: 'Rune', lastName: 'Prøvegaard', cpr: '0101104002', districtId: VALBY, school: 'Prøveskolen' },
      level: 4, reason: 'Test', districtId: VALBY, openedOn: '2026-01-10',
    });
    const b = await v.call<CaseDetail>('cases.open', {
      person: { firstName: 'Mette', lastName: 'Fiktivholm', cpr: '1506134012', districtId: VALBY, school: 'Fiktiv Friskole' },
      level: 3, reason: 'Test', districtId: VALBY, openedOn: '2026-02-10',
    });
    const closed = await v.call<CaseDetail>('cases.open', { person: { firstName: 'Lukket', lastName: 'Sagsen', birthDate: '2011-03-03', districtId: VALBY }, level: 3, reason: 'Test', districtId: VALBY, openedOn: '2026-02-10' });
    const g = await v.call<YouthGroup>('youthGroups.save', { name: 'Gruppe Valby 1' });
    for (const c of [b, a, closed]) await v.call('youthGroups.addCase', { groupId: g.id, caseId: c.id, addedOn: '2026-03-01' });
    await v.call('cases.close', { caseId: closed.id, closedOn: '2026-06-01', reason: 'other' });
    const forum = (await v.call<{ id: number; name: string }[]>('forums.list', {})).find((f) => f.name === 'SSP-ledergruppe Valby')!;
    const m = await v.call<{ id: number }>('meetings.create', { forumId: forum.id, heldOn: '2026-11-20', proposeAgenda: false });
    return { a, b, g, forum, m };
  }
  type Detail = { agenda: { id: number; kind: string; title: string | null; note: string | null; group?: { groupId: number; name: string; cases: { caseId: number; pseudonym: string }[] } | null; case: unknown }[] };
  type Proj = { privacyLevel: string; items: { kind: string; title: string | null; case: unknown; group?: { cases: { pseudonym: string; age: number | null; ageBand: string | null; district: string | null; level: number }[] } | null }[] };

  it('holds the group with its open cases; the projection shows them at the privacy level, with no personal data', async () => {
    const { a, b, g, forum, m } = await fixture();
    const saved = await v.call<Detail>('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'point', title: 'Tryghed i Valby' }, { kind: 'group', groupId: g.id, note: 'Drøftet' }] });
    expect(saved.agenda.map((i) => [i.kind, i.title])).toEqual([
      ['point', 'Tryghed i Valby'],
      ['group', 'Gruppe Valby 1'],
    ]);
    // The closed case is not discussed; the open ones by case number.
    expect(saved.agenda[1]!.group!.cases.map((c) => c.caseId)).toEqual([a.id, b.id]);
    expect(saved.agenda[1]!.note).toBe('Drøftet');
    expect(await v.dispatch('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'group', groupId: g.id }, { kind: 'group', groupId: g.id }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await v.dispatch('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'group', groupId: 9999 }] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Reordering keeps the same row (and its note).
    const moved = await v.call<Detail>('meetings.saveAgenda', { meetingId: m.id, items: [{ kind: 'group', groupId: g.id, note: 'Drøftet' }, { kind: 'point', id: saved.agenda[0]!.id, title: 'Tryghed i Valby' }] });
    expect(moved.agenda[0]!.id).toBe(saved.agenda[1]!.id);

    // Most private level (the default): case numbers and age bands. On 2026-11-20 Rune is 16, Mette 13.
    const p1 = await v.call<Proj>('meetings.projection', { meetingId: m.id });
    expect(p1.privacyLevel).toBe('case-number');
    expect(p1.items[0]).toEqual({
      id: moved.agenda[0]!.id,
      position: 1,
      kind: 'group',
      title: 'Gruppe Valby 1',
      case: null,
      group: {
        cases: [
          { pseudonym: a.caseNumber, age: null, ageBand: '15-17 år', district: 'Valby', level: 4 },
          { pseudonym: b.caseNumber, age: null, ageBand: '12-14 år', district: 'Valby', level: 3 },
        ],
      },
    });
    await v.call('forums.save', { id: forum.id, name: forum.name, kind: 'leader-group', districtIds: [VALBY], privacyLevel: 'initials' });
    const p2 = await v.call<Proj>('meetings.projection', { meetingId: m.id });
    expect(p2.items[0]!.group!.cases.map((c) => [c.pseudonym, c.age, c.ageBand])).toEqual([
      [`RP · ${a.caseNumber}`, 16, null],
      [`MF · ${b.caseNumber}`, 13, null],
    ]);
    for (const p of [p1, p2]) {
      const json = JSON.stringify(p);
      for (const s of ['Rune', 'Prøvegaard', 'Mette', 'Fiktivholm', 'Lukket', '010110', '150613', '2010-01-01', '2013-06-15', 'Prøveskolen', 'Fiktiv Friskole']) expect(json).not.toContain(s);
    }
    // The minutes: the group's name and its cases labelled as the forum allows (no names here).
    const minutes = await v.call<{ items: { kind: string; title: string | null; note: string | null; groupCaseLabels?: string[] }[] }>('meetings.minutes', { meetingId: m.id });
    expect(minutes.items[0]).toMatchObject({ kind: 'group', title: 'Gruppe Valby 1', note: 'Drøftet', groupCaseLabels: [`RP · ${a.caseNumber}`, `MF · ${b.caseNumber}`] });
    expect(JSON.stringify(minutes)).not.toContain('Prøvegaard');
  });
});

describe('Exit in the half-year report', () => {
  it('counts courses running, started and ended, and the 24-month follow-ups due by today with and without a new charge; retention changes nothing', async () => {
    // Today 2026-12-03, period 2026-H2 (1 July - 31 December). By hand, per person:
    const districts = await v.call<{ id: number; name: string }[]>('districts.list', {});
    const valby = districts.find((d) => d.name === 'Valby')!.id;
    const norrebro = districts.find((d) => d.name === 'Nørrebro')!.id;
    const person = async (birthDate: string, districtId: number, openedOn = '2023-01-10') =>
      v.call<CaseDetail>('cases.open', { person: { firstName: 'Ung', lastName: `Nr${birthDate}`, birthDate, districtId }, level: 3, reason: 'Test', districtId, openedOn });
    const course = (personId: number, startOn: string, endOn: string | null, programme = 'national') =>
      v.call('cases.exit.save', { personId, programme, startOn, endOn, contactPerson: 'Kontakt', status: endOn ? 'completed' : 'active' });
    const p1 = await person('2004-01-15', valby); // running since H1: active
    await course(p1.person.id, '2026-02-01', null, 'kk-18-25');
    const p2 = await person('2004-02-15', valby); // started and ended in H2: started, ended, not active
    await course(p2.person.id, '2026-08-01', '2026-11-30');
    const p3 = await person('2004-03-15', valby); // ended 2024-08-31: due 2026-08-31, a charge on 2025-01-10: new charge
    await charge(p3.id, '2025-01-10');
    await course(p3.person.id, '2023-09-01', '2024-08-31');
    await v.call('cases.close', { caseId: p3.id, closedOn: '2024-09-01', reason: 'other' });
    const p4 = await person('2004-04-15', valby); // ended 2024-10-31: due 2026-10-31; charges on the end day and after the due date only: no new charge
    await charge(p4.id, '2024-10-31');
    await charge(p4.id, '2026-11-01');
    await course(p4.person.id, '2023-01-01', '2024-10-31');
    const p5 = await person('2004-05-15', valby); // ended 2024-12-20: due 2026-12-20, after today: not counted yet
    await course(p5.person.id, '2024-01-01', '2024-12-20');
    const p6 = await person('2004-06-15', norrebro); // Nørrebro: started in H2, running
    await course(p6.person.id, '2026-09-01', null);
    const exitRows = async () => {
      const r = await v.call<{ report: { tables: { exit: { byDistrict: Record<string, unknown>[] } }; totals: { exit: { byDistrict: Record<string, unknown>[] } } } }>('report.compute', {
        period: '2026-H2',
        districts: ['Valby', 'Nørrebro'],
        mode: 'exact',
      });
      return { rows: r.report.tables.exit.byDistrict, totals: r.report.totals.exit.byDistrict };
    };
    const expected = {
      rows: [
        // Rows in the register's district order (Nørrebro before Valby), whatever order was asked.
        { district: 'Nørrebro', active: 1, started: 1, ended: 0, followUpsNoNewCharge: 0, followUpsNewCharge: 0 },
        { district: 'Valby', active: 1, started: 1, ended: 1, followUpsNoNewCharge: 1, followUpsNewCharge: 1 },
      ],
      totals: [{ district: 'all', active: 2, started: 2, ended: 1, followUpsNoNewCharge: 1, followUpsNewCharge: 1 }],
    };
    expect(await exitRows()).toEqual(expected);
    // P3's case is past the retention period: the person becomes a stub, the report stays.
    expect(await v.call('retention.apply', { caseIds: [p3.id], confirm: true })).toEqual({ cases: 1, people: 1 });
    expect(await exitRows()).toEqual(expected);
  });
});
