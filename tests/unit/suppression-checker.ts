/**
 * Independent checker for the suppression tests: writes the equations a reader can form from a
 * shown table (each shown total = the sum of its line) and tests, by Gaussian elimination,
 * whether any hidden value is determined by them. Uses only the implementation's types.
 */
import { expect } from 'vitest';
import type { SuppressionOptions, suppressTable } from '../../src/shared/semiannual-report/suppression';

const isSuppressed = (v: unknown): boolean => typeof v === 'string' && /^<\d+$/.test(v);

type Result = ReturnType<typeof suppressTable>;

/** Ids of hidden members whose value follows from the shown ones ('i,j', 'r,i', 'c,j', 'g'). */
export function derivableCells(cells: number[][], r: Result, o: SuppressionOptions): string[] {
  const R = cells.length;
  const C = cells[0]?.length ?? 0;
  const showRow = o.rowTotals ?? true;
  const showCol = o.columnTotals ?? true;
  const showGrand = o.grandTotal ?? true;
  // Every shown member: [id, value-or-hidden]. Ids: "i,j" for cells, "r,i", "c,j", "g".
  const hidden = new Map<string, number>(); // id -> unknown index
  const known = new Map<string, number>();
  const note = (id: string, shown: unknown, value: number) => {
    if (isSuppressed(shown)) hidden.set(id, hidden.size);
    else {
      expect(shown).toBe(value);
      known.set(id, value);
    }
  };
  const rowSum = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: C }, (_, j) => cells.reduce((a, row) => a + (row[j] ?? 0), 0));
  const grand = rowSum.reduce((a, b) => a + b, 0);
  cells.forEach((row, i) => row.forEach((v, j) => note(`${i},${j}`, r.cells[i]?.[j], v)));
  if (showRow) rowSum.forEach((v, i) => note(`r,${i}`, r.rowTotals?.[i], v));
  if (showCol) colSum.forEach((v, j) => note(`c,${j}`, r.columnTotals?.[j], v));
  if (showGrand) note('g', r.grandTotal, grand);
  // Equations as lists of [id, coefficient]: parts +1, total -1.
  const eqs: Array<Array<[string, number]>> = [];
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  if (showRow) for (const i of range(R)) eqs.push([...range(C).map((j): [string, number] => [`${i},${j}`, 1]), [`r,${i}`, -1]]);
  if (showCol) for (const j of range(C)) eqs.push([...range(R).map((i): [string, number] => [`${i},${j}`, 1]), [`c,${j}`, -1]]);
  if (showRow && showGrand) eqs.push([...range(R).map((i): [string, number] => [`r,${i}`, 1]), ['g', -1]]);
  if (showCol && showGrand) eqs.push([...range(C).map((j): [string, number] => [`c,${j}`, 1]), ['g', -1]]);
  const n = hidden.size;
  const matrix = eqs.map((eq) => {
    const row = new Array<number>(n).fill(0);
    for (const [id, coef] of eq) {
      const k = hidden.get(id);
      if (k !== undefined) row[k] = (row[k] ?? 0) + coef;
    }
    return row;
  });
  const base = rank(matrix, n);
  const out: string[] = [];
  for (const [id, k] of hidden) {
    const unit = new Array<number>(n).fill(0);
    unit[k] = 1;
    if (rank([...matrix, unit], n) === base) out.push(id);
  }
  return out;
}

function rank(rows: number[][], n: number): number {
  const m = rows.map((r) => [...r]);
  let rk = 0;
  for (let col = 0; col < n && rk < m.length; col++) {
    let pivot = -1;
    for (let i = rk; i < m.length; i++) if (Math.abs(m[i]?.[col] ?? 0) > 1e-9) { pivot = i; break; }
    if (pivot === -1) continue;
    [m[rk], m[pivot]] = [m[pivot] as number[], m[rk] as number[]];
    const p = m[rk] as number[];
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue;
      const row = m[i] as number[];
      const f = (row[col] ?? 0) / (p[col] ?? 1);
      if (f !== 0) for (let j = col; j < n; j++) row[j] = (row[j] ?? 0) - f * (p[j] ?? 0);
    }
    rk++;
  }
  return rk;
}
