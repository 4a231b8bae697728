import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSuppressed,
  suppressTable,
  suppressedMarker,
  type SuppressionOptions,
} from '../../src/shared/semiannual-report/suppression';
import { derivableCells } from './suppression-checker';

const S = '<5';

describe('primary suppression', () => {
  it('hides 1-4 and keeps 0 and 5+', () => {
    const r = suppressTable([
      [2, 3, 10],
      [4, 1, 10],
      [10, 10, 10],
    ]);
    expect(r.cells).toEqual([
      [S, S, 10],
      [S, S, 10],
      [10, 10, 10],
    ]);
    expect(r.rowTotals).toEqual([15, 15, 30]);
    expect(r.columnTotals).toEqual([16, 14, 30]);
    expect(r.grandTotal).toBe(60);
    expect(r.reasons.cells).toEqual([
      ['primary', 'primary', null],
      ['primary', 'primary', null],
      [null, null, null],
    ]);
  });
  it('leaves a table without small counts alone', () => {
    const r = suppressTable([
      [0, 5],
      [6, 0],
    ]);
    expect(r.cells).toEqual([
      [0, 5],
      [6, 0],
    ]);
    expect(r.rowTotals).toEqual([5, 6]);
    expect(r.columnTotals).toEqual([6, 5]);
    expect(r.grandTotal).toBe(11);
  });
  it('uses the threshold for the marker', () => {
    const r = suppressTable([[9, 10]], { threshold: 10, columnTotals: false, grandTotal: false });
    expect(r.cells).toEqual([['<10', '<10']]);
    expect(r.rowTotals).toEqual([19]);
    expect(suppressedMarker(10)).toBe('<10');
    expect(isSuppressed('<10')).toBe(true);
    expect(isSuppressed(4)).toBe(false);
    expect(isSuppressed('4')).toBe(false);
  });
});

describe('secondary suppression', () => {
  it('hides the smallest other non-zero cell of a row (rows only)', () => {
    const r = suppressTable(
      [
        [2, 8, 6],
        [10, 12, 15],
      ],
      { columnTotals: false, grandTotal: false },
    );
    expect(r.cells).toEqual([
      [S, 8, S],
      [10, 12, 15],
    ]);
    expect(r.rowTotals).toEqual([16, 37]);
    expect(r.columnTotals).toBeNull();
    expect(r.grandTotal).toBeNull();
    expect(r.reasons.cells[0]).toEqual(['primary', null, 'secondary']);
  });
  it('breaks ties by the first index and skips zeros', () => {
    const r = suppressTable([[2, 0, 6, 6]], { columnTotals: false, grandTotal: false });
    expect(r.cells).toEqual([[S, 0, S, 6]]);
  });
  it('protects two rows that share a column of small counts', () => {
    // Pass 1 rows: row0 -> (0,2)=6, row1 -> (1,1)=7; columns: col1 -> (0,1)=8, col2 -> (1,2)=9.
    const r = suppressTable([
      [2, 8, 6],
      [3, 7, 9],
      [10, 12, 15],
    ]);
    expect(r.cells).toEqual([
      [S, S, S],
      [S, S, S],
      [10, 12, 15],
    ]);
    expect(r.rowTotals).toEqual([16, 19, 37]);
    expect(r.columnTotals).toEqual([15, 27, 30]);
    expect(r.grandTotal).toBe(72);
  });
  it('needs a second round when a column step leaves rows with one hidden cell', () => {
    // Round 1: row0 hides (0,1)=10; col0 hides (2,0)=6; col1 hides (1,1)=9.
    // Now row1 and row2 each have exactly one hidden cell.
    // Round 2: row1 hides (1,0)=15; row2 hides (2,1)=25. Round 3: nothing changes.
    const r = suppressTable([
      [3, 10, 20],
      [15, 9, 30],
      [6, 25, 40],
    ]);
    expect(r.cells).toEqual([
      [S, S, 20],
      [S, S, 30],
      [S, S, 40],
    ]);
    expect(r.reasons.cells).toEqual([
      ['primary', 'secondary', null],
      ['secondary', 'secondary', null],
      ['secondary', 'secondary', null],
    ]);
    expect(r.rowTotals).toEqual([33, 54, 71]);
    expect(r.columnTotals).toEqual([24, 44, 90]);
    expect(r.grandTotal).toBe(158);
  });
});

describe('totals', () => {
  it('hides a total of 1-4 and protects it in the totals column', () => {
    // Row 0 sums to 3: hidden. The row totals column then has one hidden member, so the
    // first smallest other row total (21, row 1) is hidden too; the rest follows by lines.
    const r = suppressTable([
      [1, 2, 0],
      [6, 7, 8],
      [9, 5, 7],
    ]);
    expect(r.cells).toEqual([
      [S, S, 0],
      [S, 7, S],
      [9, S, S],
    ]);
    expect(r.rowTotals).toEqual([S, S, 21]);
    expect(r.columnTotals).toEqual([16, 14, 15]);
    expect(r.grandTotal).toBe(45);
    expect(r.reasons.rowTotals).toEqual(['primary', 'secondary', null]);
  });
  it('protects a one-column table through its total', () => {
    const r = suppressTable([[3], [10], [12]], { rowTotals: false, grandTotal: false });
    expect(r.cells).toEqual([[S], [S], [12]]);
    expect(r.columnTotals).toEqual([25]);
    expect(r.rowTotals).toBeNull();
    const small = suppressTable([[1], [2], [0]], { rowTotals: false, grandTotal: false });
    expect(small.cells).toEqual([[S], [S], [0]]);
    expect(small.columnTotals).toEqual([S]);
  });
  it('honours forced cells and totals', () => {
    const r = suppressTable(
      [
        [10, 20],
        [30, 40],
      ],
      { forced: { rowTotals: [0] } },
    );
    // Row total 30 forced. Rows: row 0 hides its smallest data cell (0,0)=10. Columns: column 0
    // hides (1,0)=30; the totals column (30 hidden, 70, grand 100) hides row total 70.
    expect(r.rowTotals).toEqual([S, S]);
    expect(r.cells).toEqual([
      [S, 20],
      [S, 40],
    ]);
    expect(r.reasons.rowTotals).toEqual(['forced', 'secondary']);
    expect(r.columnTotals).toEqual([40, 60]);
    expect(r.grandTotal).toBe(100);
  });
});

describe('linear check beyond two per line', () => {
  it('breaks a bridge between two blocks of hidden cells', () => {
    // Two 2x2 blocks of small counts joined by (0,2)=3: every line has 0 or >= 2 hidden cells,
    // yet rows 0+1 minus columns 0+1 give (0,2). The smallest cell closing a cycle through it
    // is (0,3)=20.
    const cells = [
      [1, 2, 3, 20],
      [2, 1, 30, 40],
      [30, 40, 1, 2],
      [50, 60, 2, 1],
    ];
    const r = suppressTable(cells);
    expect(r.cells).toEqual([
      [S, S, S, S],
      [S, S, 30, 40],
      [30, 40, S, S],
      [50, 60, S, S],
    ]);
    expect(r.reasons.cells[0]?.[3]).toBe('secondary');
    expect(r.rowTotals).toEqual([26, 73, 73, 113]);
    expect(r.columnTotals).toEqual([83, 103, 36, 63]);
    expect(r.grandTotal).toBe(285);
    expect(derivableCells(cells, r, {})).toEqual([]);
  });
});

describe('input checks', () => {
  it('refuses bad tables', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[1]], { rowTotals: false, columnTotals: false })).toThrow(RangeError);
    expect(() => suppressTable([[1]], { threshold: 0 })).toThrow(RangeError);
    expect(() => suppressTable([[1]], { forced: { cells: [[3, 3]] } })).toThrow(RangeError);
  });
  it('handles an empty table', () => {
    expect(suppressTable([])).toEqual({
      cells: [], rowTotals: [], columnTotals: [], grandTotal: 0,
      reasons: { cells: [], rowTotals: [], columnTotals: [], grandTotal: null },
    });
  });
});

describe('property: no hidden value can be derived', () => {
  const count = fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 4, arbitrary: fc.integer({ min: 5, max: 40 }) },
  );
  const table = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
  const layout = fc.constantFrom<SuppressionOptions>(
    {},
    { rowTotals: false, grandTotal: false },
    { columnTotals: false, grandTotal: false },
    { grandTotal: false },
    { rowTotals: false },
    { columnTotals: false },
  );

  it('holds for random small tables', () => {
    fc.assert(
      fc.property(table, layout, (cells, options) => {
        const r = suppressTable(cells, options);
        // every small count is hidden, every shown value is true (checked inside), nothing derivable
        cells.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v > 0 && v < 5) expect(r.cells[i]?.[j]).toBe(S);
          }),
        );
        expect(derivableCells(cells, r, options)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('every line with a shown total has 0 or >= 2 hidden members', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const r = suppressTable(cells);
        const hiddenIn = (xs: unknown[]) => xs.filter(isSuppressed).length;
        cells.forEach((_, i) => {
          const n = hiddenIn([...(r.cells[i] ?? []), r.rowTotals?.[i]]);
          expect(n === 0 || n >= 2).toBe(true);
        });
        (r.columnTotals ?? []).forEach((t, j) => {
          const n = hiddenIn([...r.cells.map((row) => row[j]), t]);
          expect(n === 0 || n >= 2).toBe(true);
        });
        const n1 = hiddenIn([...(r.rowTotals ?? []), r.grandTotal]);
        const n2 = hiddenIn([...(r.columnTotals ?? []), r.grandTotal]);
        expect(n1 === 0 || n1 >= 2).toBe(true);
        expect(n2 === 0 || n2 >= 2).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
