import { describe, expect, it } from 'vitest';
import {
  LinkedSystem,
  anonymiseReport,
  combineHalves,
  createExactReport,
  emptyTables,
  hiddenIntervals,
  intervalIsSafe,
  protect,
  restrictDistricts,
  suppressTable,
  unsafeHidden,
  type ReportV1,
} from '../../src/shared/semiannual-report';

/** A district x column grid with its margins as a linked system; hidden per `hidden[i][j]`. */
function gridSystem(cells: number[][], hidden: (i: number, j: number) => boolean) {
  const sys = new LinkedSystem();
  const R = cells.length;
  const C = (cells[0] as number[]).length;
  const v = (i: number, j: number) => sys.variable(`${i},${j}`, () => ({ value: 0, hidden: false, mayHide: true }));
  const rowSums = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: C }, (_, j) => cells.reduce((a, r) => a + (r[j] as number), 0));
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      const id = v(i, j);
      const info = sys.vars[id] as { value: number; hidden: boolean };
      info.value = i < R && j < C ? (cells[i]?.[j] as number) : i < R ? (rowSums[i] as number) : j < C ? (colSums[j] as number) : rowSums.reduce((a, b) => a + b, 0);
      info.hidden = hidden(i, j);
    }
  }
  for (let i = 0; i <= R; i++) sys.equation([...Array.from({ length: C }, (_, j) => [v(i, j), 1] as const), [v(i, C), -1]]);
  for (let j = 0; j <= C; j++) sys.equation([...Array.from({ length: R }, (_, i) => [v(i, j), 1] as const), [v(R, j), -1]]);
  return { sys, v };
}

describe('the interval attack inside the app (linked.ts)', () => {
  // Four small counts on a cycle: "two hidden per line" holds, no bridge, yet the 3 is known to be 1-4.
  const cells = [
    [3, 1, 10],
    [1, 2, 10],
    [10, 10, 10],
  ];
  const small = (i: number, j: number) => i < 2 && j < 2;

  it('per-table suppression leaves a count whose bounds lie within 1-4 (worked by hand: 3 in [1, 4])', () => {
    const t = suppressTable(cells);
    expect(t.cells.map((r) => r.map((x) => (x === '<5' ? 'h' : 's')))).toEqual([
      ['h', 'h', 's'],
      ['h', 'h', 's'],
      ['s', 's', 's'],
    ]);
    const { sys, v } = gridSystem(cells, small);
    // The cycle 3 -> 1 -> 2 -> 1 moves by at most 1 up (the 1s) and 2 down (the 2): [1, 4].
    expect(hiddenIntervals(sys).get(v(0, 0))).toEqual({ lo: 1, hi: 4 });
    expect(unsafeHidden(sys, 5)).toContain(v(0, 0));
  });

  it('protect hides more until no hidden count is pinned or known to be 1-4', () => {
    const { sys, v } = gridSystem(cells, small);
    const added = protect(sys, 5);
    expect(added.length).toBeGreaterThan(0);
    expect(unsafeHidden(sys, 5)).toEqual([]);
    for (const [, iv] of hiddenIntervals(sys)) expect(intervalIsSafe(iv, 5)).toBe(true);
    expect(sys.vars[v(0, 0)]?.hidden).toBe(true);
  });

  it('intervalIsSafe: one value, or inside 1..threshold-1, gives a count away', () => {
    expect(intervalIsSafe({ lo: 3, hi: 3 }, 5)).toBe(false);
    expect(intervalIsSafe({ lo: 1, hi: 4 }, 5)).toBe(false);
    expect(intervalIsSafe({ lo: 0, hi: 4 }, 5)).toBe(true);
    expect(intervalIsSafe({ lo: 2, hi: 5 }, 5)).toBe(true);
    expect(intervalIsSafe({ lo: 0, hi: 0 }, 5)).toBe(false);
    expect(intervalIsSafe({ lo: 7, hi: Infinity }, 5)).toBe(true);
  });
});

function report(period: string, districts: string[], fill: (tables: ReturnType<typeof emptyTables>) => void): ReportV1 {
  const tables = emptyTables(districts);
  fill(tables);
  return createExactReport({ period, unit: 'SSP Test', districts, generatedAt: '2026-08-15T10:00:00Z', appVersion: '0.1.0' }, tables);
}

describe('views cut from one pattern (views.ts)', () => {
  const D = ['A', 'B', 'C'];
  // Level 1 active: A 2 (small), B 10, C 12; nothing else.
  const exact = report('2026-H1', D, (t) => {
    const set = (d: string, n: number) => {
      (t.casesByLevel.find((r) => r.district === d && r.level === 1) as { active: number }).active = n;
      (t.activeByAgeBand.find((r) => r.district === d && r.band === '15-17') as { count: number }).count = n;
      (t.activeBySex.find((r) => r.district === d && r.sex === 'M') as { count: number }).count = n;
    };
    set('A', 2);
    set('B', 10);
    set('C', 12);
  });
  const anon = anonymiseReport(exact);
  const level1 = (r: ReportV1, d: string) => r.tables.casesByLevel.find((x) => x.district === d && x.level === 1)?.active;
  const total1 = (r: ReportV1) => r.totals.casesByLevel.find((x) => x.district === 'all' && x.level === 1)?.active;

  it('a subset keeps the district rows of the all-districts report', () => {
    const bc = restrictDistricts(anon, ['B', 'C']);
    expect(bc.districts).toEqual(['B', 'C']);
    expect(level1(bc, 'B')).toBe(level1(anon, 'B'));
    expect(level1(bc, 'C')).toBe(level1(anon, 'C'));
  });

  it("a subset's total is the sum of its shown counts, or hidden when one of them is", () => {
    expect(level1(anon, 'A')).toBe('<5');
    const ab = restrictDistricts(anon, ['A', 'B']);
    expect(total1(ab)).toBe('<5');
    const bc = restrictDistricts(anon, ['B', 'C']);
    const b = level1(anon, 'B');
    const c = level1(anon, 'C');
    expect(total1(bc)).toBe(typeof b === 'number' && typeof c === 'number' ? b + c : '<5');
    // All districts minus B and C would otherwise give A's 2.
    expect(typeof total1(anon) === 'number' && typeof total1(bc) === 'number' ? (total1(anon) as number) - (total1(bc) as number) : null).not.toBe(2);
  });

  it('the year: flows are the two halves added up (hidden if either is), stocks the second half', () => {
    const h1 = report('2026-H1', D, (t) => {
      (t.casesByLevel.find((r) => r.district === 'B' && r.level === 2) as { new: number }).new = 7;
      (t.casesByLevel.find((r) => r.district === 'C' && r.level === 2) as { new: number }).new = 3;
    });
    const h2 = report('2026-H2', D, (t) => {
      (t.casesByLevel.find((r) => r.district === 'B' && r.level === 2) as { new: number }).new = 6;
      (t.casesByLevel.find((r) => r.district === 'C' && r.level === 2) as { new: number }).new = 9;
      (t.casesByLevel.find((r) => r.district === 'B' && r.level === 2) as { active: number }).active = 8;
    });
    const year = combineHalves(h1, h2, '2026');
    const row = (d: string) => year.tables.casesByLevel.find((r) => r.district === d && r.level === 2);
    expect(year.period).toBe('2026');
    expect(row('B')).toMatchObject({ new: 13, active: 8 });
    expect(row('C')).toMatchObject({ new: 12, active: 0 });
    const anonYear = combineHalves(anonymiseReport(h1), anonymiseReport(h2), '2026');
    const rowA = (d: string) => anonYear.tables.casesByLevel.find((r) => r.district === d && r.level === 2);
    expect(rowA('C')?.new).toBe('<5'); // 3 hidden in the first half
  });
});
