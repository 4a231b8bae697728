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

describe('Exit follow-ups linked to the courses ended four half-years before (linked-system.ts)', () => {
  const D = ['A', 'B', 'C'];
  type ExitCounts = { ended?: number; followUpsNoNewCharge?: number; followUpsNewCharge?: number };
  const exitReport = (period: string, counts: Record<string, ExitCounts>) =>
    report(period, D, (t) => {
      for (const [d, c] of Object.entries(counts)) Object.assign(t.exit.byDistrict.find((r) => r.district === d) as object, c);
    });
  // Ended in 2024-H1: A 5, B 9, C 9 (all shown). Due in 2026-H1: without a new charge A 5, B 6,
  // C 7 (all shown); with one A 0, B 3, C 2 (B and C hidden, their total 5 shown). Worked by hand:
  // B's 3 = 9 - 6 and C's 2 = 9 - 7 unless a count without a new charge is hidden beside them.
  const base = exitReport('2024-H1', { A: { ended: 5 }, B: { ended: 9 }, C: { ended: 9 } });
  const now = exitReport('2026-H1', {
    A: { followUpsNoNewCharge: 5, followUpsNewCharge: 0 },
    B: { followUpsNoNewCharge: 6, followUpsNewCharge: 3 },
    C: { followUpsNoNewCharge: 7, followUpsNewCharge: 2 },
  });
  const row = (r: ReportV1, d: string) => r.tables.exit.byDistrict.find((x) => x.district === d) as unknown as Record<string, number | string>;

  it('without the link the split gives the small counts away as ended minus the other part', () => {
    const anon = anonymiseReport(now);
    expect(row(anonymiseReport(base), 'B').ended).toBe(9);
    expect(row(anon, 'B')).toMatchObject({ followUpsNoNewCharge: 6, followUpsNewCharge: '<5' });
    expect(row(anon, 'C')).toMatchObject({ followUpsNoNewCharge: 7, followUpsNewCharge: '<5' });
  });

  it('with the link a hidden part has its other part hidden too, and nothing is pinned or known to be 1-4', () => {
    const anon = anonymiseReport(now, { followUpBase: { exact: base } });
    for (const d of ['B', 'C']) {
      expect(row(anon, d).followUpsNewCharge).toBe('<5');
      expect(row(anon, d).followUpsNoNewCharge).toBe('<5');
    }
    // The attacker's system by hand: x_B + y_B = 9, x_C + y_C = 9, the shown city totals, A shown.
    const sys = new LinkedSystem();
    const hidden = (d: string, m: string) => typeof row(anon, d)[m] === 'string';
    const v = (d: string, m: string) =>
      sys.variable(`${d}|${m}`, () => ({ value: Number((now.tables.exit.byDistrict.find((x) => x.district === d) as unknown as Record<string, number>)[m]), hidden: hidden(d, m), mayHide: false }));
    for (const m of ['followUpsNoNewCharge', 'followUpsNewCharge']) {
      const total = sys.variable(`all|${m}`, () => ({ value: D.reduce((a, d) => a + Number((now.tables.exit.byDistrict.find((x) => x.district === d) as unknown as Record<string, number>)[m]), 0), hidden: typeof anon.totals.exit.byDistrict[0]?.[m as 'followUpsNewCharge'] === 'string', mayHide: false }));
      sys.equation([...D.map((d) => [v(d, m), 1] as const), [total, -1]]);
    }
    for (const [d, ended] of [['A', 5], ['B', 9], ['C', 9]] as const) {
      const e = sys.variable(`${d}|ended`, () => ({ value: ended, hidden: false, mayHide: false }));
      sys.equation([[v(d, 'followUpsNoNewCharge'), 1], [v(d, 'followUpsNewCharge'), 1], [e, -1]]);
    }
    expect(unsafeHidden(sys, 5)).toEqual([]);
  });

  it('none ended there: its follow-ups are shown as 0, never hidden (hiding them protects nothing)', () => {
    const anon = anonymiseReport(exitReport('2026-H1', { A: { followUpsNoNewCharge: 0, followUpsNewCharge: 0 }, B: { followUpsNoNewCharge: 6, followUpsNewCharge: 3 }, C: { followUpsNoNewCharge: 7, followUpsNewCharge: 2 } }), {
      followUpBase: { exact: exitReport('2024-H1', { A: { ended: 0 }, B: { ended: 9 }, C: { ended: 9 } }) },
    });
    expect(row(anon, 'A')).toMatchObject({ followUpsNoNewCharge: 0, followUpsNewCharge: 0 });
  });
});
