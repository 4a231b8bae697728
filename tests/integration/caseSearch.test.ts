import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { seedDemoData, createRng } from '../../src/main/demo-data';
import { SEARCH_INDEX_MIN_CHARS } from '../../src/main/cases/queries';
import type { CaseDetail, CaseRow } from '../../src/shared/cases/contract';

/**
 * The case list's search: words of 3+ characters go through the trigram index `case_search`
 * (migration 0012), shorter ones through instr(). Both must give exactly what "every word occurs
 * in the normalised name, the case number or the external reference" says, and the index must
 * follow every change of those texts.
 */
const NOW = new Date('2026-11-23T10:00:00');
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

const list = (filter: Record<string, unknown> = {}) => v.call<{ total: number; rows: CaseRow[] }>('cases.list', filter);
const ids = async (filter: Record<string, unknown>) => (await list({ status: 'all', limit: 500, ...filter })).rows.map((r) => r.id).sort((a, b) => a - b);
const open = (first: string, last: string, over: Record<string, unknown> = {}) =>
  v.call<CaseDetail>('cases.open', { person: { firstName: first, lastName: last, birthDate: '2010-05-04' }, level: 2, reason: 'Bekymring', districtId: 1, openedOn: '2026-03-01', ...over });
const indexed = (phrase: string) =>
  v.ctx.vault.current.sqlite.prepare(`SELECT rowid FROM case_search WHERE case_search MATCH ?`).pluck().all(`"${phrase}"`) as number[];

describe('case search', () => {
  it('the index threshold is three characters', () => {
    expect(SEARCH_INDEX_MIN_CHARS).toBe(3);
  });

  it('finds æ, ø, å in any letter case through the index, and 1-2 letter words without it', async () => {
    const a = await open('Ærø', 'Søgård');
    const b = await open('Åse', 'Bøgh');
    const c = await open('Bo', 'Aagaard');
    // 3+ characters (the index): Danish letters, any case, inside a word.
    expect(await ids({ search: 'søgå' })).toEqual([a.id]);
    expect(await ids({ search: 'SØGÅRD' })).toEqual([a.id]);
    expect(await ids({ search: 'ærø' })).toEqual([a.id]);
    expect(await ids({ search: 'åse bøgh' })).toEqual([b.id]);
    // å is not aa.
    expect(await ids({ search: 'ågå' })).toEqual([]);
    expect(await ids({ search: 'aag' })).toEqual([c.id]);
    // 1 and 2 characters (instr): ø is in Søgård and Bøgh, not in Aagaard.
    expect(await ids({ search: 'ø' })).toEqual([a.id, b.id]);
    expect(await ids({ search: 'Å' })).toEqual([a.id, b.id]);
    expect(await ids({ search: 'bo' })).toEqual([c.id]);
    // Mixed: every word must match, long ones through the index and short ones without.
    expect(await ids({ search: 'gård ø' })).toEqual([a.id]);
    expect(await ids({ search: 'ø gh' })).toEqual([b.id]);
    expect(await ids({ search: 'aagaard ø' })).toEqual([]);
    // The case number, whole or in part.
    expect(await ids({ search: a.caseNumber })).toEqual([a.id]);
    expect(await ids({ search: a.caseNumber.slice(-3) })).toEqual([a.id]);
    // Quotes and FTS syntax are plain text.
    expect(await ids({ search: '"søg' })).toEqual([]);
    expect(await ids({ search: 'søg* OR bøgh' })).toEqual([]);
    expect((await list({ search: 'NEAR(søg' })).total).toBe(0);
    // FTS5 cannot take NUL in a query: such a word is searched without the index.
    expect(await v.dispatch('cases.list', { search: 'søg\u0000ård' })).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('follows renames, external references, retention stubs and deletes', async () => {
    const a = await open('Karla', 'Kjærsgaard', { externalRef: 'SAG-4711' });
    expect(await ids({ search: 'sag-47' })).toEqual([a.id]);
    expect(await ids({ search: 'kjærs' })).toEqual([a.id]);
    await v.call('people.update', { personId: a.person.id, person: { firstName: 'Karla', lastName: 'Øhlenschlæger', birthDate: '2010-05-04' } });
    expect(await ids({ search: 'kjærs' })).toEqual([]);
    expect(await ids({ search: 'øhlen' })).toEqual([a.id]);
    expect(indexed('kjærs')).toEqual([]);
    // A second case of the same person is found under the new name too.
    await v.call('cases.close', { caseId: a.id, closedOn: '2026-04-01', reason: 'moved' });
    const a2 = await v.call<CaseDetail>('cases.open', { personId: a.person.id, level: 1, reason: 'Ny bekymring', openedOn: '2026-05-01' });
    expect(await ids({ search: 'schlæ' })).toEqual([a.id, a2.id]);
    // Retention stubs leave the index (and the list): their number and reference are not searchable.
    const sqlite = v.ctx.vault.current.sqlite;
    sqlite.prepare(`UPDATE cases SET external_ref = NULL, anonymised_at = ? WHERE id = ?`).run(NOW.toISOString(), a.id);
    expect(indexed('sag-47')).toEqual([]);
    expect(indexed(a.caseNumber)).toEqual([]);
    expect(await ids({ search: 'schlæ' })).toEqual([a2.id]);
    // A deleted case leaves the index.
    sqlite.exec(`DELETE FROM case_level_changes WHERE case_id = ${a2.id}; DELETE FROM case_status_changes WHERE case_id = ${a2.id}; DELETE FROM cases WHERE id = ${a2.id}`);
    expect(indexed('schlæ')).toEqual([]);
  });

  it('gives exactly what a plain scan gives, on seeded data with random words and filters', async () => {
    const sqlite = v.ctx.vault.current.sqlite;
    seedDemoData(sqlite, { people: 400, seed: 3, today: '2026-11-23' });
    // Some external references with upper case, æ/ø/å and quotes.
    sqlite.exec(`UPDATE cases SET external_ref = 'KK-' || id || '-Øst' WHERE id % 7 = 0`);
    sqlite.exec(`UPDATE cases SET external_ref = 'j"' || id WHERE id % 11 = 0`);
    const all = sqlite
      .prepare(`SELECT c.id, c.status, c.level, p.search_name AS name, c.case_number AS num, c.external_ref AS ref FROM cases c JOIN people p ON p.id = c.person_id WHERE c.anonymised_at IS NULL`)
      .all() as { id: number; status: string; level: number; name: string; num: string; ref: string | null }[];
    // SQLite's lower() folds ASCII only, and so does the expected value here.
    const asciiLower = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
    const rng = createRng(5);
    for (let i = 0; i < 150; i++) {
      const source = rng.pick(all);
      const text = rng.pick([source.name, source.name, asciiLower(source.num), asciiLower(source.ref ?? source.name)]);
      const start = rng.int(0, Math.max(0, text.length - 1));
      const words = [text.slice(start, start + rng.int(1, 6)).trim()];
      if (rng.chance(0.3)) words.push(rng.pick(all).name.split(' ')[0]!.slice(0, rng.int(1, 4)));
      const search = words.join(' ');
      const status = rng.pick(['open', 'closed', 'all'] as const);
      const levels = rng.chance(0.3) ? [rng.int(1, 4)] : undefined;
      const normal = search.toLowerCase().split(/\s+/).filter(Boolean);
      const expected = all
        .filter((c) => (status === 'all' || c.status === status) && (!levels || levels.includes(c.level)))
        .filter((c) => normal.every((w) => c.name.includes(w) || asciiLower(c.num).includes(w) || asciiLower(c.ref ?? '').includes(w)))
        .map((c) => c.id)
        .sort((a, b) => a - b);
      const got = await list({ search: search.toUpperCase(), status, ...(levels ? { levels } : {}), limit: 500 });
      expect(got.total, search).toBe(expected.length);
      if (expected.length <= 500) expect(got.rows.map((r) => r.id).sort((a, b) => a - b), search).toEqual(expected);
    }
  }, 60_000);
});
