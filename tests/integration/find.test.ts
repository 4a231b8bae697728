import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import type { CaseDetail, FindResult } from '../../src/shared/cases';
import { editDistance, parseFindQuery, wordScore } from '../../src/shared/cases';

/** Finding anyone: CPR (audited), birth date (masked), case number, names with typos; closed cases offered apart. Fictional people. */
const NOW = new Date('2026-12-02T09:00:00Z');
let v: TestVault;
const sql = <T = Record<string, unknown>>(query: string, ...params: unknown[]) => v.ctx.vault.current.sqlite.prepare(query).all(...params) as T[];
const people: Record<string, CaseDetail> = {};

async function open(firstName: string, lastName: string, extra: { cpr?: string; birthDate?: string } = {}) {
  const c = await v.call<CaseDetail>('cases.open', {
    person: { firstName, lastName, ...(extra.cpr ? { cpr: extra.cpr } : { birthDate: extra.birthDate ?? '2011-05-15' }) },
    level: 2,
    reason: 'Test',
    openedOn: '2026-11-01',
  });
  people[`${firstName} ${lastName}`] = c;
  return c;
}
const find = (query: string) => v.call<FindResult>('cases.find', { query });
const names = (r: FindResult['hits']) => r.map((h) => `${h.firstName} ${h.lastName}`);

beforeAll(async () => {
  v = await createTestVault({ now: () => NOW });
  await open('Laura', 'Fjeldbæk', { cpr: '1811034562' });
  await open('Laura', 'Fjeldbækgaard');
  await open('Lauritz', 'Fjeld');
  await open('Åse', 'Holm');
  await open('Aase', 'Holm');
  const closed = await open('Mikkel', 'Lukketsen');
  await v.call('cases.close', { caseId: closed.id, closedOn: '2026-11-20', reason: 'concern-ended' });
}, 60_000);
afterAll(() => v.cleanup());

describe('what the search text is', () => {
  it('reads CPR numbers, birth dates in Danish forms, case numbers and names', () => {
    expect(parseFindQuery('181103-4562', 2026)).toEqual({ kind: 'cpr', normalized: '181103-4562' });
    expect(parseFindQuery('1811034562', 2026)).toEqual({ kind: 'cpr', normalized: '181103-4562' });
    expect(parseFindQuery('181103', 2026)).toEqual({ kind: 'birthDate', dates: ['2003-11-18'] });
    expect(parseFindQuery('31-12-2009', 2026)).toEqual({ kind: 'birthDate', dates: ['2009-12-31'] });
    expect(parseFindQuery('31.12.2009', 2026)).toEqual({ kind: 'birthDate', dates: ['2009-12-31'] });
    expect(parseFindQuery('31122009', 2026)).toEqual({ kind: 'birthDate', dates: ['2009-12-31'] });
    expect(parseFindQuery('2026-0000', 2026)).toEqual({ kind: 'caseNumber', prefix: '2026-0000' });
    expect(parseFindQuery('  Laura  Fjeldbk ', 2026)).toEqual({ kind: 'name', words: ['laura', 'fjeldbk'] });
  });
  it('counts edits on letters: å is one letter, not aa', () => {
    expect(editDistance('fjeldbk', 'fjeldbæk', 2)).toBe(1);
    expect(editDistance('aase', 'åse', 2)).toBe(2);
    expect(editDistance('luara', 'laura', 2)).toBe(1); // a swap is one edit
    expect(wordScore('aase', 'åse')).toBeNull(); // 4 letters allow one edit
    expect(wordScore('laura', 'laura')).toBe(0);
    expect(wordScore('lau', 'laura')).toBe(1);
  });
});

describe('cases.find', () => {
  it('finds a name with a typo, exact matches first', async () => {
    const typo = await find('Laura Fjeldbk');
    // Lauritz Fjeld is within the edits too (lauri|tz, fjeld + 2 letters) and ranks last.
    expect(names(typo.hits)).toEqual(['Laura Fjeldbæk', 'Laura Fjeldbækgaard', 'Lauritz Fjeld']);
    expect(typo.hits[0]!.match).toBe('fuzzy');
    const exact = await find('laura fjeldbæk');
    expect(names(exact.hits)).toEqual(['Laura Fjeldbæk', 'Laura Fjeldbækgaard']);
    expect(exact.hits.map((h) => h.match)).toEqual(['exact', 'prefix']);
    expect(names((await find('Fjeld')).hits)).toEqual(['Lauritz Fjeld', 'Laura Fjeldbæk', 'Laura Fjeldbækgaard']);
  });

  it('keeps Danish letters: Åse is not Aase', async () => {
    expect(names((await find('Åse')).hits)).toEqual(['Åse Holm']);
    expect(names((await find('Aase')).hits)).toEqual(['Aase Holm']);
  });

  it('finds by birth date with the CPR number masked, and does not audit it', async () => {
    const before = sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'reveal'`);
    const r = await find('181103');
    expect(r.kind).toBe('birthDate');
    expect(r.hits.map((h) => [h.firstName, h.cprMasked])).toEqual([['Laura', '181103-xxxx']]);
    expect(JSON.stringify(r)).not.toContain('4562');
    expect((await find('18.11.2003')).hits).toHaveLength(1);
    expect(sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'reveal'`)).toEqual(before);
  });

  it('finds by the full CPR number, audited as a reveal, answered masked', async () => {
    const r = await find('181103-4562');
    expect(r.kind).toBe('cpr');
    expect(names(r.hits)).toEqual(['Laura Fjeldbæk']);
    expect(JSON.stringify(r)).not.toContain('4562');
    const personId = people['Laura Fjeldbæk']!.person.id;
    expect(sql(`SELECT action, entity, entity_id AS entityId, detail FROM audit_log WHERE detail = 'search:cpr'`)).toEqual([{ action: 'reveal', entity: 'person', entityId: personId, detail: 'search:cpr' }]);
  });

  it('offers a closed case apart', async () => {
    const r = await find('Mikkel Lukketsen');
    expect(r.hits).toEqual([]);
    expect(r.closedCount).toBe(1);
    expect(r.closed.map((h) => [h.caseId, h.status])).toEqual([[people['Mikkel Lukketsen']!.id, 'closed']]);
    expect((await find('Mikkel Lukketsn')).closedCount).toBe(1);
  });

  it('finds by case number', async () => {
    const c = people['Åse Holm']!;
    expect((await find(c.caseNumber)).hits.map((h) => h.caseId)).toEqual([c.id]);
  });

  it('sees a new person at once (the name index follows writes)', async () => {
    expect((await find('Zenia')).hits).toEqual([]);
    await open('Zenia', 'Nyholm');
    expect(names((await find('Zenia')).hits)).toEqual(['Zenia Nyholm']);
  });
});
