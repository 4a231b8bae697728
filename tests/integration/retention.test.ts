import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createTestVault, PASSPHRASE, tempDir, type TestVault } from './helpers';
import { decryptPages, containsText } from './forensics';
import { stubBirthDate } from '../../src/main/cases/retention';
import type { CaseDetail } from '../../src/shared/cases/contract';

const NOW = new Date('2026-11-23T10:00:00');
let v: TestVault;
afterEach(() => v?.cleanup());

async function fixture() {
  v = await createTestVault({ now: () => NOW });
  const open = (first: string, last: string, cpr: string, openedOn: string, extra: Record<string, unknown> = {}) =>
    v.call<CaseDetail>('cases.open', { person: { firstName: first, lastName: last, cpr, school: 'Skolen ved Søerne' }, level: 2, reason: 'Sigtet for hærværk', districtId: 1, openedOn, ...extra });
  // A: closed 2024-06-01, the person's only case: due (cut-off 24 months before 2026-11-23 is 2024-11-23).
  const a = await open('Sørine', 'Ålykkegård', '150810-4123', '2023-01-10');
  await v.call('cases.addNote', { caseId: a.id, text: 'Fortroligt notat om familien Ålykkegård' });
  await v.call('cases.addEvent', { caseId: a.id, kind: 'concern', occurredOn: '2023-02-01', description: 'Bekymring fra klubben' });
  await v.call('cases.changeLevel', { caseId: a.id, level: 3, changedOn: '2023-06-01', reason: 'Gentagne tyverier' });
  await v.call('cases.close', { caseId: a.id, closedOn: '2024-06-01', reason: 'concern-ended' });
  // B: closed 2024-05-01 and due, but the same person has an open case C: the person stays.
  const b = await open('Bjørk', 'Kjærholm', '020309-4567', '2023-03-01');
  await v.call('cases.addNote', { caseId: b.id, text: 'Notat på den gamle sag' });
  await v.call('cases.close', { caseId: b.id, closedOn: '2024-05-01', reason: 'moved' });
  const c = await v.call<CaseDetail>('cases.open', { personId: b.person.id, level: 1, reason: 'Ny bekymring', openedOn: '2026-01-05' });
  // D: closed 2025-06-01: not due yet.
  const d = await open('Dagny', 'Østergaard', '111111-4118', '2024-01-01');
  await v.call('cases.close', { caseId: d.id, closedOn: '2025-06-01', reason: 'other' });
  return { a, b, c, d };
}

describe('retention', () => {
  it('keeps the birth date only to its half-year, which keeps every period-end age', () => {
    expect(stubBirthDate('2010-08-15')).toBe('2010-07-01');
    expect(stubBirthDate('2010-06-30')).toBe('2010-01-01');
    expect(stubBirthDate('2008-02-29')).toBe('2008-01-01');
  });

  it('lists exactly the closed cases past the retention period, and whether the person goes too', async () => {
    const { a, b } = await fixture();
    const due = await v.call<{ retentionMonths: number; cases: { caseId: number; dueOn: string; personDeleted: boolean }[] }>('retention.due', {});
    expect(due.retentionMonths).toBe(24);
    expect(due.cases.map((c) => [c.caseId, c.dueOn, c.personDeleted])).toEqual([
      [b.id, '2026-05-01', false],
      [a.id, '2026-06-01', true],
    ]);
    await v.call('settings.update', { retentionMonths: 36 });
    expect((await v.call<{ cases: unknown[] }>('retention.due', {})).cases).toEqual([]);
  });

  it('removes the personal data for good and keeps an anonymous statistical stub', async () => {
    const { a, b, c, d } = await fixture();
    const sqlite = v.ctx.vault.current.sqlite;
    const auditBefore = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(await v.dispatch('retention.apply', { caseIds: [a.id, d.id], confirm: true })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await v.dispatch('retention.apply', { caseIds: [a.id], confirm: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await v.call('retention.apply', { caseIds: [a.id, b.id], confirm: true })).toEqual({ cases: 2, people: 1 });
    // The audit trail says a deletion happened, not what.
    const entries = sqlite.prepare('SELECT action, entity, entity_id, detail FROM audit_log WHERE id > ?').all(auditBefore);
    expect(entries).toEqual([{ action: 'delete', entity: 'retention', entity_id: null, detail: 'cases:2;people:1' }]);

    // The stub: dates, levels, codes, district and sex kept; names, CPR, school, notes, free text gone.
    const person = sqlite.prepare('SELECT first_name, last_name, cpr, birth_date, sex, district_id, school, anonymised_at FROM people WHERE id = ?').get(a.person.id);
    expect(person).toEqual({ first_name: '', last_name: '', cpr: null, birth_date: '2010-07-01', sex: 'M', district_id: null, school: null, anonymised_at: NOW.toISOString() });
    expect(sqlite.prepare('SELECT changed_on, level, reason FROM case_level_changes WHERE case_id = ? ORDER BY id').all(a.id)).toEqual([
      { changed_on: '2023-01-10', level: 2, reason: '' },
      { changed_on: '2023-06-01', level: 3, reason: '' },
    ]);
    expect(sqlite.prepare('SELECT kind, changed_on, closing_reason FROM case_status_changes WHERE case_id = ? ORDER BY id').all(a.id)).toEqual([
      { kind: 'opened', changed_on: '2023-01-10', closing_reason: null },
      { kind: 'closed', changed_on: '2024-06-01', closing_reason: 'concern-ended' },
    ]);
    expect(sqlite.prepare('SELECT kind, occurred_on, description FROM case_events WHERE case_id = ?').all(a.id)).toEqual([{ kind: 'concern', occurred_on: '2023-02-01', description: null }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM case_notes WHERE case_id IN (?, ?)').get(a.id, b.id)).toEqual({ n: 0 });
    // B's person is still in use (open case C): kept, with C untouched.
    expect((await v.call<CaseDetail>('cases.get', { caseId: c.id })).person.lastName).toBe('Kjærholm');
    expect(await v.dispatch('cases.get', { caseId: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await v.call<{ total: number }>('cases.list', { status: 'all' })).total).toBe(2);

    // On disk: decrypt every page of the database (free pages included) and look for the removed text.
    const { key } = await v.ctx.vault.unwrapKey('passphrase', PASSPHRASE);
    await v.call('vault.lock', {});
    const pages = decryptPages(v.files.database, key);
    expect(containsText(pages, 'Kjærholm')).toBe(true); // sanity: the decryption works
    for (const gone of ['Sørine', 'Ålykkegård', '150810-4123', 'Fortroligt notat', 'Bekymring fra klubben', 'Gentagne tyverier', 'Notat på den gamle sag']) {
      expect(containsText(pages, gone), gone).toBe(false);
    }
    void d;
  });

  it('keeps the person while one of their due cases is not chosen', async () => {
    v = await createTestVault({ now: () => NOW });
    const first = await v.call<CaseDetail>('cases.open', { person: { firstName: 'Tove', lastName: 'Lærkesen', birthDate: '2008-03-03' }, level: 1, reason: 'r', openedOn: '2022-01-01' });
    await v.call('cases.close', { caseId: first.id, closedOn: '2022-06-01', reason: 'other' });
    const second = await v.call<CaseDetail>('cases.open', { personId: first.person.id, level: 2, reason: 'r', openedOn: '2023-01-01' });
    await v.call('cases.close', { caseId: second.id, closedOn: '2023-06-01', reason: 'moved' });
    const due = await v.call<{ cases: { caseId: number; personDeleted: boolean }[] }>('retention.due', {});
    expect(due.cases.map((c) => [c.caseId, c.personDeleted])).toEqual([[first.id, true], [second.id, true]]);
    expect(await v.call('retention.apply', { caseIds: [first.id], confirm: true })).toEqual({ cases: 1, people: 0 });
    const left = await v.call<{ cases: { caseId: number; lastName: string }[] }>('retention.due', {});
    expect(left.cases).toMatchObject([{ caseId: second.id, lastName: 'Lærkesen' }]);
    expect(await v.call('retention.apply', { caseIds: [second.id], confirm: true })).toEqual({ cases: 1, people: 1 });
  });

  it('the on-disk check would see removed text without secure_delete (control)', () => {
    const dir = tempDir('ssp-control-');
    const db = new Database(join(dir, 'c.db'));
    const key = Buffer.alloc(32, 7);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.pragma('secure_delete = OFF');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)');
    const ins = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 200; i++) ins.run(i === 50 ? 'Fortroligt notat kontrol' : `almindelig tekst ${i}`);
    db.exec('DELETE FROM t WHERE id = 51');
    db.close();
    expect(containsText(decryptPages(join(dir, 'c.db'), key), 'Fortroligt notat kontrol')).toBe(true);
  });
});
