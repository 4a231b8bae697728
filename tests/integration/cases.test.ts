import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, OWNER, type TestVault } from './helpers';
import type { CaseDetail, CaseRow, Person } from '../../src/shared/cases/contract';

const NOW = new Date('2026-11-23T10:00:00');
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

const person = (over: Record<string, unknown> = {}) => ({ firstName: 'Åse', lastName: 'Prøvegård', birthDate: '2010-05-04', ...over });
const open = (over: Record<string, unknown> = {}) =>
  v.call<CaseDetail>('cases.open', { person: person(), level: 2, reason: 'Sigtet for tyveri', districtId: 1, openedOn: '2026-03-01', ...over });
const list = (filter: Record<string, unknown> = {}) => v.call<{ total: number; rows: CaseRow[] }>('cases.list', filter);
const auditRows = () =>
  v.ctx.vault.current.sqlite.prepare('SELECT actor, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id').all() as {
    actor: string; action: string; entity: string; entityId: number | null; detail: string | null;
  }[];

describe('people and CPR', () => {
  it('takes birth date and legal sex from the CPR number, masks it, and reveals it only on request (audited)', async () => {
    const p = await v.call<Person>('people.create', { firstName: 'Bo', lastName: 'Egeholt', cpr: '0101104235' });
    expect(p.birthDate).toBe('2010-01-01');
    expect(p.sex).toBe('M');
    expect(p.sexFromCpr).toBe(true);
    expect(p.cpr).toBe('010110-xxxx');
    expect(p.cprRevealed).toBe(false);
    const before = auditRows().length;
    expect(await v.call('people.revealCpr', { personId: p.id })).toEqual({ cpr: '010110-4235' });
    expect(auditRows().slice(before)).toEqual([{ actor: OWNER.name, action: 'reveal', entity: 'person', entityId: p.id, detail: 'cpr' }]);
  });

  it('keeps the stored CPR number when an update leaves it out, and removes it when given empty', async () => {
    const p = await v.call<Person>('people.create', { firstName: 'Bo', lastName: 'Egeholt', cpr: '0101104235' });
    const kept = await v.call<Person>('people.update', { personId: p.id, person: { firstName: 'Bo', lastName: 'Egeholt-Nørgaard' } });
    expect(kept).toMatchObject({ lastName: 'Egeholt-Nørgaard', cpr: '010110-xxxx', birthDate: '2010-01-01' });
    const removed = await v.call<Person>('people.update', { personId: p.id, person: { firstName: 'Bo', lastName: 'Egeholt', cpr: '', birthDate: '2010-01-01' } });
    expect(removed.cpr).toBeNull();
  });

  it('lets the user override legal sex from the CPR number', async () => {
    const p = await v.call<Person>('people.create', { firstName: 'Kim', lastName: 'Ravnsø', cpr: '010110-4235', sex: 'K' });
    expect(p.sex).toBe('K');
    expect(p.sexFromCpr).toBe(false);
  });

  it('accepts a CPR number failing modulus 11, with a warning when checked', async () => {
    // 010110-4234: weights 4,3,2,7,6,5,4,3,2,1 give 0+3+0+7+6+0+16+6+6+4 = 48, not divisible by 11.
    const check = await v.call<{ ok: boolean; warnings: string[] }>('people.checkCpr', { cpr: '010110-4234' });
    expect(check.ok).toBe(true);
    expect(check.warnings.length).toBe(1);
    const p = await v.call<Person>('people.create', { firstName: 'Ida', lastName: 'Kildeholm', cpr: '010110-4234' });
    expect(p.birthDate).toBe('2010-01-01');
  });

  it('refuses the same CPR number on two people, and malformed numbers, with field messages', async () => {
    await v.call('people.create', { firstName: 'Ida', lastName: 'Kildeholm', cpr: '010110-4234' });
    const dup = await v.dispatch('people.create', { firstName: 'Anden', lastName: 'Person', cpr: '0101104234' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { cpr: 'Findes allerede på en anden person' } } });
    // checkCpr answers format only: the clash is told by create (issue 15, no oracle).
    expect(await v.call('people.checkCpr', { cpr: '010110-4234' })).toMatchObject({ ok: true, birthDate: '2010-01-01' });
    const bad = await v.dispatch('people.create', { firstName: 'X', lastName: 'Y', cpr: '320110-4234' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { cpr: expect.any(String) } } });
    const none = await v.dispatch('people.create', { firstName: 'X', lastName: 'Y' });
    expect(none).toMatchObject({ ok: false, error: { fields: { birthDate: 'Fødselsdato skal udfyldes, når der ikke er et CPR-nummer' } } });
  });
});

describe('cases', () => {
  it('opens a case with its level history, default forum and status history', async () => {
    const c = await open();
    expect(c.caseNumber).toBe('2026-00001');
    expect(c.level).toBe(2);
    expect(c.forum).toBe('SOF / lokaludvalg');
    expect(c.status).toBe('open');
    expect(c.age).toBe(16);
    expect(c.district).toBe('Indre By');
    expect(c.levelHistory).toMatchObject([{ changedOn: '2026-03-01', level: 2, reason: 'Sigtet for tyveri', forum: 'SOF / lokaludvalg', actor: OWNER.name }]);
    expect(c.statusHistory).toMatchObject([{ kind: 'opened', changedOn: '2026-03-01' }]);
    const second = await open({ person: person({ firstName: 'Bo', birthDate: '2011-01-01' }), level: 4 });
    expect(second.caseNumber).toBe('2026-00002');
    expect(second.forum).toBe('SSP-ledergruppe');
  });

  it('allows at most one open case per person', async () => {
    const c = await open();
    const again = await v.dispatch('cases.open', { personId: c.person.id, level: 1, reason: 'Ny bekymring', openedOn: '2026-04-01' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('allerede en åben sag (2026-00001)') } });
    // The database itself refuses it too.
    expect(() =>
      v.ctx.vault.current.sqlite
        .prepare(`INSERT INTO cases (case_number, person_id, forum, level, status, opened_on, created_at, updated_at) VALUES ('X', ?, 'f', 1, 'open', '2026-01-01', 'x', 'x')`)
        .run(c.person.id),
    ).toThrow(/UNIQUE/);
  });

  it('keeps levels as a dated history; the latest change by date is the current level', async () => {
    const c = await open();
    let d = await v.call<CaseDetail>('cases.changeLevel', { caseId: c.id, level: 3, changedOn: '2026-06-10', reason: 'Gentagen alvorlig kriminalitet' });
    expect(d.level).toBe(3);
    expect(d.forum).toBe('SSP-ledergruppe');
    // A back-dated change goes into history but does not override the later one.
    d = await v.call<CaseDetail>('cases.changeLevel', { caseId: c.id, level: 1, changedOn: '2026-04-01', reason: 'Bekymring mindsket', forum: 'BUF / lokaludvalg' });
    expect(d.level).toBe(3);
    expect(d.levelHistory.map((h) => [h.changedOn, h.level])).toEqual([['2026-03-01', 2], ['2026-04-01', 1], ['2026-06-10', 3]]);
    expect(await v.dispatch('cases.changeLevel', { caseId: c.id, level: 4, changedOn: '2026-02-01', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { changedOn: expect.any(String) } } });
    expect(await v.dispatch('cases.changeLevel', { caseId: c.id, level: 4, changedOn: '2026-11-24', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'Datoen kan ikke ligge i fremtiden.' } });
    expect(await v.dispatch('cases.changeLevel', { caseId: c.id, level: 4, changedOn: '2026-07-01', reason: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: expect.any(String) } } });
  });

  it('closes with a reason from the fixed list and reopens, both recorded in history', async () => {
    const c = await open();
    expect(await v.dispatch('cases.close', { caseId: c.id, closedOn: '2026-05-01', reason: 'bored' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    let d = await v.call<CaseDetail>('cases.close', { caseId: c.id, closedOn: '2026-05-01', reason: 'moved' });
    expect(d).toMatchObject({ status: 'closed', closedOn: '2026-05-01', closingReason: 'moved' });
    expect(await v.dispatch('cases.changeLevel', { caseId: c.id, level: 3, changedOn: '2026-06-01', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await v.dispatch('cases.reopen', { caseId: c.id, reopenedOn: '2026-04-01', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    d = await v.call<CaseDetail>('cases.reopen', { caseId: c.id, reopenedOn: '2026-09-01', reason: 'Flyttet tilbage, ny sigtelse', level: 3 });
    expect(d).toMatchObject({ status: 'open', closedOn: null, closingReason: null, level: 3, forum: 'SSP-ledergruppe' });
    expect(d.statusHistory.map((h) => [h.kind, h.changedOn, h.closingReason])).toEqual([
      ['opened', '2026-03-01', null],
      ['closed', '2026-05-01', 'moved'],
      ['reopened', '2026-09-01', null],
    ]);
    expect(d.levelHistory.at(-1)).toMatchObject({ changedOn: '2026-09-01', level: 3, reason: 'Flyttet tilbage, ny sigtelse' });
  });

  it('refuses to reopen while the person has another open case', async () => {
    const c = await open();
    await v.call('cases.close', { caseId: c.id, closedOn: '2026-05-01', reason: 'concern-ended' });
    await v.call('cases.open', { personId: c.person.id, level: 1, reason: 'Ny bekymring', openedOn: '2026-06-01' });
    expect(await v.dispatch('cases.reopen', { caseId: c.id, reopenedOn: '2026-07-01', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('records dated events; charges need a category and efforts an effort from the list', async () => {
    const c = await open();
    expect(await v.dispatch('cases.addEvent', { caseId: c.id, kind: 'charge', occurredOn: '2026-04-02' })).toMatchObject({ ok: false, error: { fields: { offenceCategory: expect.any(String) } } });
    expect(await v.dispatch('cases.addEvent', { caseId: c.id, kind: 'effort-started', occurredOn: '2026-04-02' })).toMatchObject({ ok: false, error: { fields: { effortId: expect.any(String) } } });
    const effortsList = await v.call<{ id: number; name: string }[]>('efforts.list', {});
    expect(effortsList.map((e) => e.name)).toEqual(['18+ center', 'Den Korte Snor', 'Exit', 'Fritidsjob', 'Fritidsjob med mentor', 'Klub', 'Københavnerteamet', 'Mentor', 'Ny Start', 'Spydspidsen']);
    await v.call('cases.addEvent', { caseId: c.id, kind: 'charge', occurredOn: '2026-04-02', offenceCategory: 'theft' });
    await v.call('cases.addEvent', { caseId: c.id, kind: 'interview', occurredOn: '2026-04-03' });
    const d = await v.call<CaseDetail>('cases.addEvent', { caseId: c.id, kind: 'effort-started', occurredOn: '2026-04-10', effortId: effortsList.find((e) => e.name === 'Den Korte Snor')!.id });
    expect(d.events.map((e) => [e.kind, e.occurredOn, e.offenceCategory, e.effortName])).toEqual([
      ['charge', '2026-04-02', 'theft', null],
      ['interview', '2026-04-03', null, null],
      ['effort-started', '2026-04-10', null, 'Den Korte Snor'],
    ]);
  });

  it('keeps journal notes append-only: a correction is a new note pointing at the old one', async () => {
    const c = await open();
    let d = await v.call<CaseDetail>('cases.addNote', { caseId: c.id, text: 'Samtale med skolen om fravær.' });
    const first = d.notes[0]!;
    expect(first).toMatchObject({ author: OWNER.name, writtenAt: NOW.toISOString(), correctsNoteId: null });
    d = await v.call<CaseDetail>('cases.addNote', { caseId: c.id, text: 'Rettelse: samtalen var med klubben.', correctsNoteId: first.id });
    expect(d.notes.map((n) => [n.text, n.correctsNoteId, n.correctedByNoteIds])).toEqual([
      ['Samtale med skolen om fravær.', null, [d.notes[1]!.id]],
      ['Rettelse: samtalen var med klubben.', first.id, []],
    ]);
    expect(() => v.ctx.vault.current.sqlite.prepare('UPDATE case_notes SET text = ? WHERE id = ?').run('overskrevet', first.id)).toThrow(/append-only/);
    const other = await open({ person: person({ firstName: 'Bo', birthDate: '2011-01-01' }) });
    expect(await v.dispatch('cases.addNote', { caseId: other.id, text: 'x', correctsNoteId: first.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('audits every write and every detail view, without names, CPR numbers or note text', async () => {
    const start = auditRows().length;
    const c = await open({ person: person({ cpr: '040510-4236' }) });
    await v.call('cases.get', { caseId: c.id });
    await v.call('cases.changeLevel', { caseId: c.id, level: 3, changedOn: '2026-06-10', reason: 'Gentagen alvorlig kriminalitet' });
    await v.call('cases.addEvent', { caseId: c.id, kind: 'concern', occurredOn: '2026-06-11', description: 'Set med ældre unge' });
    await v.call('cases.addNote', { caseId: c.id, text: 'Hemmelig notattekst' });
    await v.call('cases.update', { caseId: c.id, nextReviewOn: '2026-12-01' });
    await v.call('cases.close', { caseId: c.id, closedOn: '2026-07-01', reason: 'to-ssp-plus' });
    await v.call('cases.reopen', { caseId: c.id, reopenedOn: '2026-08-01', reason: 'Ny sag' });
    await v.call('people.update', { personId: c.person.id, person: person({ cpr: '040510-4236', school: 'Ny skole' }) });
    const rows = auditRows().slice(start);
    expect(rows.map((r) => `${r.action}:${r.entity}`)).toEqual([
      'create:person', 'create:case', 'view:case', 'update:case', 'create:case_event', 'create:case_note', 'update:case', 'close:case', 'reopen:case', 'update:person',
    ]);
    expect(rows.every((r) => r.actor === OWNER.name)).toBe(true);
    const text = JSON.stringify(rows);
    for (const secret of ['Åse', 'Prøvegård', '040510', 'Hemmelig', 'Set med', 'Gentagen', 'Ny skole']) expect(text).not.toContain(secret);
  });
});

describe('case list', () => {
  async function fixture() {
    const d = await v.call<{ id: number; name: string }[]>('districts.list', {});
    const id = (name: string) => d.find((x) => x.name === name)!.id;
    const mk = (first: string, last: string, birthDate: string, level: number, district: string, extra: Record<string, unknown> = {}) =>
      v.call<CaseDetail>('cases.open', { person: { firstName: first, lastName: last, birthDate }, level, reason: 'r', districtId: id(district), openedOn: '2026-01-15', ...extra });
    const a = await mk('Ærlig', 'Øbro', '2012-01-01', 1, 'Østerbro', { coordinator: 'Kaj', nextReviewOn: '2026-11-01' });
    const b = await mk('Åge', 'Ågård', '2009-11-23', 3, 'Nørrebro', { coordinator: 'Lis', nextReviewOn: '2026-11-30' });
    const c = await mk('Zeki', 'Zander', '2009-11-24', 4, 'Nørrebro', { coordinator: 'Kaj', nextReviewOn: '2027-02-01' });
    const e = await mk('Emil', 'Aabel', '2004-06-01', 2, 'Valby');
    await v.call('cases.close', { caseId: e.id, closedOn: '2026-06-01', reason: 'moved' });
    return { a, b, c, e, id };
  }

  it('searches names with æ, ø, å in any letter case, and case numbers', async () => {
    const { a, b } = await fixture();
    expect((await list({ search: 'ærlig' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await list({ search: 'ÆRLIG ØBRO' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await list({ search: 'ågå' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await list({ search: 'ÅGÅ' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await list({ search: b.caseNumber })).rows.map((r) => r.id)).toEqual([b.id]);
    // å is not aa: "Aabel" does not match "åbel".
    expect((await list({ search: 'åbel', status: 'all' })).total).toBe(0);
    expect((await list({ search: 'nobody' })).total).toBe(0);
  });

  it('filters by level, district, status, coordinator, age band and review', async () => {
    const { a, b, c, e, id } = await fixture();
    const ids = async (f: Record<string, unknown>) => (await list(f)).rows.map((r) => r.id).sort();
    expect(await ids({})).toEqual([a.id, b.id, c.id].sort());
    expect(await ids({ status: 'closed' })).toEqual([e.id]);
    expect(await ids({ status: 'all' })).toEqual([a.id, b.id, c.id, e.id].sort());
    expect(await ids({ levels: [3, 4] })).toEqual([b.id, c.id].sort());
    expect(await ids({ districtIds: [id('Nørrebro')] })).toEqual([b.id, c.id].sort());
    expect(await ids({ coordinator: 'Kaj' })).toEqual([a.id, c.id].sort());
    // On 2026-11-23: born 2009-11-23 turned 17 today (15-17); born 2009-11-24 is still 16; born 2012-01-01 is 14.
    expect(await ids({ ageBands: ['15-17'] })).toEqual([b.id, c.id].sort());
    expect(await ids({ ageBands: ['12-14'] })).toEqual([a.id]);
    expect(await ids({ ageBands: ['22-25'], status: 'all' })).toEqual([e.id]);
    expect(await ids({ review: 'overdue' })).toEqual([a.id]);
    expect(await ids({ review: 'due' })).toEqual([a.id, b.id].sort());
  });

  it('sorts by name in Danish order and by age, and pages', async () => {
    await fixture();
    const names = async (f: Record<string, unknown>) => (await list({ status: 'all', ...f })).rows.map((r) => r.lastName);
    expect(await names({ sort: 'name' })).toEqual(['Aabel', 'Zander', 'Øbro', 'Ågård']);
    expect(await names({ sort: 'name', direction: 'desc' })).toEqual(['Ågård', 'Øbro', 'Zander', 'Aabel']);
    expect(await names({ sort: 'age' })).toEqual(['Øbro', 'Zander', 'Ågård', 'Aabel']);
    const page = await list({ status: 'all', sort: 'name', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.lastName)).toEqual(['Zander', 'Øbro']);
  });
});
