import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputedReport } from '../../src/shared/semiannual-report/contract';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { OFFENCE_CATEGORIES, OFFENCE_CATEGORY_CODES } from '../../src/shared/cases';
import { createTestVault, type TestVault } from './helpers';

/**
 * The report's content tables (issue 16 item 2) on a small fixture, every expectation worked out
 * by hand from the fixture below (not from the code under test).
 */

let clock = new Date('2025-12-01T10:00:00Z');
const at = (day: string) => {
  clock = new Date(`${day}T10:00:00Z`);
};
let v: TestVault;
let D: [string, string, string];
let ids: Record<string, number>;

const open = (first: string, birthDate: string, level: number, district: string, openedOn = '2025-12-01') =>
  v.call<CaseDetail>('cases.open', { person: { firstName: first, lastName: 'Testesen', birthDate }, level, reason: 'Fixture', districtId: ids[district], openedOn });
const charge = async (caseId: number, day: string, offenceCategory: string) => {
  at(day);
  await v.call('cases.addEvent', { caseId, kind: 'charge', occurredOn: day, offenceCategory });
};

beforeAll(async () => {
  v = await createTestVault({ now: () => clock });
  const options = await v.call<{ districts: { id: number; name: string }[] }>('report.options', {});
  ids = Object.fromEntries(options.districts.map((d) => [d.name, d.id]));
  D = options.districts.slice(0, 3).map((d) => d.name) as [string, string, string];
  const [d1, d2, d3] = D;
  // P1, 17 years: violence and robbery in D1 (person-endangering), counted once.
  const p1 = await open('Pia', '2008-03-01', 2, d1);
  // P2: violence at 13 (2026-02-01, not counted), again on the 14th birthday (counted), D1.
  const p2 = await open('Per', '2012-06-15', 2, d1);
  // P3: violence on the last day aged 25 (counted), robbery on the 26th birthday (not), D2.
  const p3 = await open('Povl', '2000-04-01', 2, d2);
  // P4: theft at level 3 (serious) in D2, moves to D3 on 2026-03-01, theft at level 3 there: both bydele, the city once (first: D2).
  const p4 = await open('Palle', '2009-01-01', 3, d2);
  // P5: theft at level 2 (not counted), level 3 from 2026-03-15, chikane at level 3 (counted), D3.
  const p5 = await open('Pernille', '2010-05-05', 2, d3);
  // P6: chikane at level 2 (not person-endangering: not counted), D3.
  const p6 = await open('Preben', '2010-01-01', 2, d3);
  // P7: threats before and after the half-year (not counted), D1.
  const p7 = await open('Petra', '2008-01-01', 2, d1);

  await charge(p7.id, '2025-12-20', 'threats');
  await charge(p4.id, '2026-01-20', 'theft');
  await charge(p2.id, '2026-02-01', 'violence');
  await charge(p5.id, '2026-02-02', 'theft');
  await charge(p1.id, '2026-02-10', 'violence');
  await charge(p6.id, '2026-02-20', 'harassment');
  at('2026-03-01');
  await v.call('cases.update', { caseId: p4.id, districtId: ids[d3] });
  at('2026-03-15');
  await v.call('cases.changeLevel', { caseId: p5.id, level: 3, changedOn: '2026-03-15', reason: 'Gentagen kriminalitet' });
  await charge(p3.id, '2026-03-31', 'violence');
  await charge(p3.id, '2026-04-01', 'robbery');
  await charge(p4.id, '2026-04-10', 'theft');
  await charge(p1.id, '2026-05-01', 'robbery');
  await charge(p5.id, '2026-05-05', 'harassment');
  await charge(p2.id, '2026-06-15', 'violence');
  await charge(p7.id, '2026-07-01', 'threats');
  at('2026-08-15');
}, 60_000);
afterAll(() => v?.cleanup());

const compute = async (input: Record<string, unknown>) => (await v.call<ComputedReport>('report.compute', { period: '2026-H1', mode: 'exact', ...input })).report;
const sikkerBy = (r: ComputedReport['report']) => Object.fromEntries(r.tables.sikkerBy.byDistrict.map((x) => [x.district, [x.charged, x.firstInCity]]));

describe('chikane among the offence categories', () => {
  it('is a category with a Danish label, not person-endangering', () => {
    expect(OFFENCE_CATEGORY_CODES).toContain('harassment');
    expect(OFFENCE_CATEGORIES.find((c) => c.code === 'harassment')).toEqual({ code: 'harassment', label: 'Chikane', personEndangering: false });
  });
});

describe('Sikker By: young people 14-25 charged with person-endangering or serious crime', () => {
  it('per bydel on the charge date, each person once per bydel; the city counts a person once', async () => {
    const r = await compute({});
    const [d1, d2, d3] = D;
    // By hand: D1 {P1, P2}, D2 {P3, P4}, D3 {P4, P5}; first counted charge: P1 D1, P2 D1, P3 D2, P4 D2, P5 D3.
    expect(sikkerBy(r)[d1]).toEqual([2, 2]);
    expect(sikkerBy(r)[d2]).toEqual([2, 2]);
    expect(sikkerBy(r)[d3]).toEqual([2, 1]);
    for (const d of r.districts.filter((x) => !D.includes(x))) expect(sikkerBy(r)[d]).toEqual([0, 0]);
    // City: 6 person-bydel pairs, 5 people (P4 counted once).
    expect(r.totals.sikkerBy.byDistrict).toEqual([{ district: 'all', charged: 6, firstInCity: 5 }]);
  });

  it('a subset of bydele counts what lies in it; the first charge is the vault-wide first', async () => {
    const r = await compute({ districts: [D[2]] });
    expect(r.tables.sikkerBy.byDistrict).toEqual([{ district: D[2], charged: 2, firstInCity: 1 }]);
  });

  it('the year adds its halves (2026-H2: P7\'s threats on 2026-07-01, person-endangering, aged 18, in D1)', async () => {
    const h2 = await compute({ period: '2026-H2' });
    expect(sikkerBy(h2)[D[0]]).toEqual([1, 1]);
    const r = (await v.call<ComputedReport>('report.compute', { period: '2026', mode: 'exact' })).report;
    expect(r.totals.sikkerBy.byDistrict).toEqual([{ district: 'all', charged: 7, firstInCity: 6 }]);
  });

  it('anonymised: counts of 1-4 are hidden', async () => {
    const r = (await v.call<ComputedReport>('report.compute', { period: '2026-H1', mode: 'anonymised' })).report;
    for (const row of r.tables.sikkerBy.byDistrict.filter((x) => D.includes(x.district))) {
      expect(row.charged).toBe('<5');
      expect(row.firstInCity).toBe('<5');
    }
  });
});

describe('tryghed and unrest: the log per bydel and "bydel med uro"', () => {
  let names: string[];
  const save = (input: Record<string, unknown>) => v.dispatch('report.unrest.save', input);
  const unrest = async (period: string) => (await v.call<ComputedReport>('report.compute', { period, mode: 'anonymised' })).report.unrest ?? [];
  const flagged = (rows: { district: string; withUnrest: boolean }[]) => rows.filter((r) => r.withUnrest).map((r) => r.district);
  beforeAll(async () => {
    const options = await v.call<{ districts: { id: number; name: string }[] }>('report.options', {});
    names = options.districts.map((d) => d.name);
    const entry = (district: number, occurredOn: string, kind: string, text: string) =>
      v.call('report.unrest.save', { districtId: options.districts[district]!.id, occurredOn, kind, text });
    await entry(0, '2026-03-10', 'unrest-observed', 'Grupper af unge ved stationen om aftenen.');
    await entry(1, '2025-11-01', 'plan-activated', 'Beredskabsplan aktiveret efter uro ved skolen.');
    await entry(1, '2026-02-01', 'plan-ended', 'Roligt igen.');
    await entry(2, '2026-04-01', 'measure', 'Ekstra natteravne fredag og lørdag.');
    await entry(2, '2026-04-02', 'partners', 'Politi, klub og boligsocial helhedsplan.');
    await entry(3, '2026-06-30', 'plan-activated', 'Plan aktiveret.');
    await entry(4, '2025-10-01', 'plan-activated', 'Plan aktiveret.');
    await entry(4, '2025-12-31', 'plan-ended', 'Plan afsluttet.');
  });

  it('derives the flag per period by the rule, counted in the report (hand-worked)', async () => {
    // H1: D0 observed; D1's plan active until 1 Feb; D3 activated 30 Jun; D2 only measures; D4's plan ended 2025.
    const h1 = await unrest('2026-H1');
    expect(flagged(h1)).toEqual([names[0], names[1], names[3]]);
    expect(h1.find((r) => r.district === names[0])).toEqual({ district: names[0], withUnrest: true, observations: 1, plansActivated: 0 });
    expect(h1.find((r) => r.district === names[3])).toEqual({ district: names[3], withUnrest: true, observations: 0, plansActivated: 1 });
    expect(h1).toHaveLength(names.length);
    // H2: only D3's plan, still active. The year: D0, D1, D3.
    expect(flagged(await unrest('2026-H2'))).toEqual([names[3]]);
    expect(flagged(await unrest('2026'))).toEqual([names[0], names[1], names[3]]);
    // A subset keeps its own rows only.
    const sub = (await v.call<ComputedReport>('report.compute', { period: '2026-H1', mode: 'exact', districts: [names[2], names[3]] })).report.unrest;
    expect(sub?.map((r) => [r.district, r.withUnrest])).toEqual([[names[2], false], [names[3], true]]);
  });

  it('edits and deletes entries; the flag follows', async () => {
    const list = await v.call<{ id: number; kind: string; districtId: number }[]>('report.unrest.list', {});
    expect(list).toHaveLength(8);
    const measure = list.find((e) => e.kind === 'measure')!;
    await v.call('report.unrest.save', { id: measure.id, districtId: measure.districtId, occurredOn: '2026-07-10', kind: 'unrest-observed', text: 'Uro ved pladsen.' });
    expect(flagged(await unrest('2026-H2'))).toEqual([names[2], names[3]]);
    expect(await v.dispatch('report.unrest.delete', { id: measure.id })).toMatchObject({ ok: true });
    expect(flagged(await unrest('2026-H2'))).toEqual([names[3]]);
    expect(await v.call('report.unrest.list', { districtId: measure.districtId })).toHaveLength(1);
    expect(await v.dispatch('report.unrest.delete', { id: measure.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses personal data in the text: CPR-like numbers, dates, names of registered young people', async () => {
    const base = { districtId: 1, occurredOn: '2026-05-01', kind: 'unrest-observed' };
    expect(await save({ ...base, text: 'Ung med 010203-1234 ved stationen' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { text: expect.stringContaining('CPR') } } });
    expect(await save({ ...base, text: 'Født 12.03.09, set ved stationen' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { text: expect.stringContaining('dato') } } });
    expect(await save({ ...base, text: 'Pernille og venner ved stationen' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { text: expect.stringContaining('navn') } } });
    expect(await save({ ...base, text: 'Familien Testesens gård' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await save({ ...base, text: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await save({ ...base, occurredOn: '2026-09-01', text: 'Uro' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { occurredOn: expect.any(String) } } });
    expect(await save({ ...base, kind: 'riot', text: 'Uro' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The audit trail has codes and ids only.
    const details = v.ctx.vault.current.sqlite.prepare(`SELECT detail FROM audit_log WHERE entity = 'district-unrest'`).all() as { detail: string }[];
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d.detail).toMatch(/^district:\d+(;kind:[a-z-]+)?$/);
  });

  it('merge: two files of different bydele carry both their unrest rows; the count is per bydel', async () => {
    const file = async (districts: (string | undefined)[]) => {
      const f = await v.call<{ base64: string }>('report.export', { period: '2026-H1', mode: 'exact', format: 'json', districts: districts as string[] });
      return Buffer.from(f.base64, 'base64').toString('utf8');
    };
    const merged = await v.call<{ report: ComputedReport['report'] }>('report.merge', {
      mode: 'exact',
      files: [
        { name: 'a.json', content: await file([names[0], names[1]]) },
        { name: 'b.json', content: await file([names[2], names[3]]) },
      ],
    });
    expect(flagged(merged.report.unrest ?? [])).toEqual([names[0], names[1], names[3]]);
    // Sikker By through the merge: the city figure is the files' sum (per-bydel rows taken over).
    expect(merged.report.totals.sikkerBy.byDistrict[0]).toEqual({ district: 'all', charged: 6, firstInCity: 5 });
  });
});
