import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable } from '../../src/shared/semiannual-report/suppression';
import {
  ALREADY_ANONYMISED,
  anonymiseReport,
  createExactReport,
  emptyTables,
  mergeReports,
  parseReport,
  type ReportV1,
} from '../../src/shared/semiannual-report';
import { AMAGER_VEST, VALBY, exactReport, findRow } from './report-fixtures';

const S = '<5';

function merged(): ReportV1 {
  const r = mergeReports([exactReport(['Amager Vest'], AMAGER_VEST), exactReport(['Valby'], VALBY)], {
    generatedAt: '2026-07-02T09:00:00Z',
  });
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

describe('anonymiseReport on the worked example', () => {
  // Districts in city order: Valby (row 0), Amager Vest (row 1).
  const anon = anonymiseReport(merged());

  it('produces a valid anonymised report', () => {
    expect(anon.mode).toBe('anonymised');
    expect(anon.threshold).toBe(5);
    expect(parseReport(anon).ok).toBe(true);
  });

  it('suppresses active cases by level with its totals', () => {
    // Valby [7,1,5,1]=14, Amager Vest [3,6,2,0]=11, levels [10,7,7,1], grand 25.
    // Primary: Valby L2, L4; Amager Vest L1, L3; level-4 total 1.
    // Totals row has one hidden (L4 total) -> smallest other level total, L2 (7, first of two 7s).
    // Column L1 -> Valby L1 (7); column L3 -> Valby L3 (5).
    expect(anon.tables.casesByLevel.map((r) => [r.district, r.level, r.active])).toEqual([
      ['Valby', 1, S], ['Valby', 2, S], ['Valby', 3, S], ['Valby', 4, S],
      ['Amager Vest', 1, S], ['Amager Vest', 2, 6], ['Amager Vest', 3, S], ['Amager Vest', 4, 0],
    ]);
    expect(anon.totals.casesByLevel.map((r) => [r.district, r.level, r.active])).toEqual([
      ['Valby', 'all', 14], ['Amager Vest', 'all', 11],
      ['all', 1, 10], ['all', 2, S], ['all', 3, 7], ['all', 4, S], ['all', 'all', 25],
    ]);
  });

  it('suppresses each measure on its own', () => {
    // new: Valby [3,1,1,0]=5, Amager Vest [1,2,0,0]=3 -> every non-zero count is 1-4 except
    // Valby's total 5 and the grand total 8; level totals 4, 3, 1, 0 are hidden. The district
    // totals column (5, hidden 3, grand 8) would give 3 away, so Valby's 5 is hidden as well.
    expect(anon.tables.casesByLevel.map((r) => r.new)).toEqual([S, S, S, 0, S, S, 0, 0]);
    expect(anon.totals.casesByLevel.map((r) => r.new)).toEqual([S, S, S, S, S, 0, 8]);
  });

  it('suppresses sex and age bands', () => {
    // Sex: Valby M 9 K 5, Amager Vest M 8 K 3 -> K 3 primary; row -> M 8; column M -> 9;
    // column K -> 5. Totals stay.
    expect(anon.tables.activeBySex.map((r) => r.count)).toEqual([S, S, 0, S, S, 0]);
    expect(anon.totals.activeBySex.map((r) => r.count)).toEqual([14, 11, 17, 8, 0, 25]);
    // Bands: Valby 6+8, Amager Vest 5+6: nothing small.
    expect(findRow(anon.tables, 'activeByAgeBand', { district: 'Amager Vest', band: '12-14' }).count).toBe(5);
    expect(findRow(anon.totals, 'activeByAgeBand', { district: 'all', band: '15-17' }).count).toBe(14);
  });

  it('suppresses district-only tables against their one total', () => {
    // charges [10, 4] = 14: 4 hidden, then 10 (the only other); interviews shown; remand [3,1]=4 all hidden.
    expect(anon.tables.eventsByDistrict).toEqual([
      { district: 'Valby', charges: S, interviews: 12, remand: S },
      { district: 'Amager Vest', charges: S, interviews: 6, remand: S },
    ]);
    expect(anon.totals.eventsByDistrict).toEqual([{ district: 'all', charges: 14, interviews: 18, remand: S }]);
  });

  it('keeps assessments and header', () => {
    expect(anon.period).toBe('2026-H1');
    expect(anon.districts).toEqual(['Valby', 'Amager Vest']);
  });

  it('refuses an anonymised report', () => {
    expect(() => anonymiseReport(anon)).toThrow(ALREADY_ANONYMISED);
  });

  it('takes another threshold', () => {
    const a10 = anonymiseReport(merged(), { threshold: 10 });
    expect(a10.threshold).toBe(10);
    // interviews [12, 6] = 18: 6 is below 10, and the total would give it away, so 12 goes too.
    expect(findRow(a10.tables, 'eventsByDistrict', { district: 'Valby' }).interviews).toBe('<10');
    expect(findRow(a10.tables, 'eventsByDistrict', { district: 'Amager Vest' }).interviews).toBe('<10');
    expect(findRow(a10.totals, 'eventsByDistrict', { district: 'all' }).interviews).toBe(18);
    expect(parseReport(a10).ok).toBe(true);
  });
});

describe('shared district totals of active young people', () => {
  it('hides a district total in every table once one table must hide it', () => {
    // casesByLevel.active: Amager Vest [7,0,0,0]=7, Valby [2,9,0,0]=11. Valby L1 (2) is small;
    // on its own this table ends up hiding both district totals (Amager Vest's row has only
    // zeros besides 7, so its total would give 7 away). Those two totals are then hidden in all
    // three tables, and each table is suppressed again with them hidden from the start: here
    // that is enough with Amager Vest L1 (7) beside Valby L1 (2).
    const report = exactReport(
      ['Amager Vest', 'Valby'],
      [
        ['casesByLevel', { district: 'Amager Vest', level: 1 }, { active: 7 }],
        ['casesByLevel', { district: 'Valby', level: 1 }, { active: 2 }],
        ['casesByLevel', { district: 'Valby', level: 2 }, { active: 9 }],
        ['activeBySex', { district: 'Amager Vest', sex: 'M' }, { count: 7 }],
        ['activeBySex', { district: 'Valby', sex: 'M' }, { count: 6 }],
        ['activeBySex', { district: 'Valby', sex: 'K' }, { count: 5 }],
        ['activeByAgeBand', { district: 'Amager Vest', band: '15-17' }, { count: 7 }],
        ['activeByAgeBand', { district: 'Valby', band: '12-14' }, { count: 5 }],
        ['activeByAgeBand', { district: 'Valby', band: '15-17' }, { count: 6 }],
      ],
    );
    // On its own the sex table has nothing to hide ...
    expect(suppressTable([[7, 0, 0], [6, 5, 0]]).rowTotals).toEqual([7, 11]);
    const anon = anonymiseReport(report);
    expect(anon.totals.casesByLevel.map((r) => r.active)).toEqual([S, S, 9, 9, 0, 0, 18]);
    expect(anon.tables.casesByLevel.map((r) => r.active)).toEqual([S, 0, 0, 0, S, 9, 0, 0]);
    // ... but here the district totals are hidden as in casesByLevel, and protected in turn.
    expect(anon.tables.activeBySex.map((r) => r.count)).toEqual([S, 0, 0, S, S, 0]);
    expect(anon.totals.activeBySex.map((r) => r.count)).toEqual([S, S, S, S, 0, 18]);
    expect(findRow(anon.totals, 'activeByAgeBand', { district: 'Amager Vest', band: 'all' }).count).toBe(S);
    expect(findRow(anon.totals, 'activeByAgeBand', { district: 'Valby', band: 'all' }).count).toBe(S);
    expect(findRow(anon.totals, 'activeByAgeBand', { district: 'all', band: '12-14' }).count).toBe(S);
    expect(findRow(anon.totals, 'activeByAgeBand', { district: 'all', band: '15-17' }).count).toBe(S);
    expect(findRow(anon.totals, 'activeByAgeBand', { district: 'all', band: 'all' }).count).toBe(18);
    expect(findRow(anon.tables, 'activeByAgeBand', { district: 'Amager Vest', band: '15-17' }).count).toBe(S);
    expect(parseReport(anon).ok).toBe(true);
  });
});

describe('property: anonymised reports', () => {
  it('are valid, hide every small count and hide shared district totals alike', () => {
    const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 }));
    const districts = ['Indre By', 'Østerbro', 'Nørrebro'];
    const counts = fc.tuple(
      fc.array(count, { minLength: 12, maxLength: 12 }),
      fc.array(count, { minLength: 21, maxLength: 21 }),
      fc.array(count, { minLength: 9, maxLength: 9 }),
    );
    fc.assert(
      fc.property(counts, ([levels, bands, sexes]) => {
        const tables = emptyTables(districts);
        tables.casesByLevel.forEach((r, i) => (r.active = levels[i] ?? 0));
        tables.activeByAgeBand.forEach((r, i) => (r.count = bands[i] ?? 0));
        tables.activeBySex.forEach((r, i) => (r.count = sexes[i] ?? 0));
        const report = createExactReport(
          { period: '2026-H1', unit: 'SSP Test', districts, generatedAt: '2026-07-01T08:00:00Z', appVersion: '0.1.0' },
          tables,
        );
        const anon = anonymiseReport(report);
        expect(parseReport(anon).ok).toBe(true);
        anon.tables.casesByLevel.forEach((r, i) => {
          const v = levels[i] ?? 0;
          if (v > 0 && v < 5) expect(r.active).toBe(S);
          else if (r.active !== S) expect(r.active).toBe(v);
        });
        const hiddenTotals = (table: string, key: string, measure: string) =>
          [...districts, 'all'].map((d) => findRow(anon.totals, table, { district: d, [key]: 'all' })[measure] === S);
        const inCases = hiddenTotals('casesByLevel', 'level', 'active');
        expect(hiddenTotals('activeByAgeBand', 'band', 'count')).toEqual(inCases);
        expect(hiddenTotals('activeBySex', 'sex', 'count')).toEqual(inCases);
      }),
      { numRuns: 150 },
    );
  });
});
