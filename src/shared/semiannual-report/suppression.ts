/**
 * Small-count suppression for report tables (district x level, district x band, ...).
 *
 * The table is seen with its margins as one (R+1) x (C+1) grid: data cells, a row total per row
 * (last column), a column total per column (last row) and the grand total (corner). Every shown
 * total gives an equation ("line"): a row's cells sum to its total, a column's cells to its total,
 * the row totals to the grand total, the column totals to the grand total.
 *
 * 1. Primary: every shown count from 1 to threshold-1 is suppressed, totals included. A total of
 *    1-4 is shown as '<5' like any cell; its line then already has two unknowns (the total and at
 *    least one small cell), so it needs no further protection on its own account.
 * 2. Secondary: a line with exactly one suppressed member would reveal it by subtraction. Suppress
 *    the smallest other non-zero unsuppressed member of that line (data cells before the total;
 *    ties: first in line order). Lines are visited rows first (top to bottom, the totals row
 *    last), then columns (left to right, the totals column last); repeat until nothing changes.
 * 3. Linear check: "two per line" is not always enough (two suppressed blocks joined by a single
 *    suppressed cell let its value be computed from several lines together). A suppressed cell is
 *    derivable exactly when it is a bridge in the graph whose nodes are the lines and whose edges
 *    are the suppressed cells. For each bridge, the smallest non-zero cell that closes a cycle
 *    through it is suppressed too; then step 2 and 3 repeat until neither changes anything.
 *
 * Suppressed cells are shown as the marker '<threshold' ('<5'), also those suppressed in step 2/3
 * whose value is larger: the marker means "hidden to protect small numbers". Distinguishing the
 * steps would tell a reader which hidden cell is the small one.
 */

import { componentOf, firstBridge, type Edge, type Pos } from './suppression-graph';

export const DEFAULT_THRESHOLD = 5;

export type SuppressedMarker = `<${number}`;
export type ShownCount = number | SuppressedMarker;
export type SuppressionReason = 'primary' | 'secondary' | 'forced' | null;

export function suppressedMarker(threshold: number = DEFAULT_THRESHOLD): SuppressedMarker {
  return `<${threshold}`;
}

export function isSuppressed(value: ShownCount | unknown): value is SuppressedMarker {
  return typeof value === 'string' && /^<\d+$/.test(value);
}

export interface SuppressionOptions {
  /** Counts from 1 to threshold-1 are suppressed. Default 5. */
  threshold?: number;
  /** Row totals shown (default true). Turn off for one-column tables, where they repeat the cell. */
  rowTotals?: boolean;
  /** Column totals shown (default true). */
  columnTotals?: boolean;
  /** Grand total shown (default true); needs row or column totals. */
  grandTotal?: boolean;
  /**
   * Cells to suppress whatever their value, e.g. a district total hidden in another table that
   * shows the same number. Row/column indices are 0-based.
   */
  forced?: {
    cells?: readonly (readonly [number, number])[];
    rowTotals?: readonly number[];
    columnTotals?: readonly number[];
    grandTotal?: boolean;
  };
}

export interface SuppressedTable {
  cells: ShownCount[][];
  /** null when row totals are not shown. */
  rowTotals: ShownCount[] | null;
  columnTotals: ShownCount[] | null;
  grandTotal: ShownCount | null;
  /** Why each member was suppressed (null = shown), for diagnostics and tests. */
  reasons: {
    cells: SuppressionReason[][];
    rowTotals: SuppressionReason[];
    columnTotals: SuppressionReason[];
    grandTotal: SuppressionReason;
  };
}


interface Grid {
  R: number;
  C: number;
  value: number[][];
  exists: boolean[][];
  reason: SuppressionReason[][];
  /** Whether the row node (0..R) / column node (0..C) has an equation. */
  rowLine: boolean[];
  colLine: boolean[];
}

export function suppressTable(cells: readonly (readonly number[])[], options: SuppressionOptions = {}): SuppressedTable {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const showRow = options.rowTotals ?? true;
  const showCol = options.columnTotals ?? true;
  const showGrand = options.grandTotal ?? true;
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('Tærsklen skal være et helt tal på mindst 1.');
  if (showGrand && !showRow && !showCol) throw new RangeError('En totalsum kræver række- eller kolonnetotaler.');
  const R = cells.length;
  const C = cells[0]?.length ?? 0;
  for (const row of cells) {
    if (row.length !== C) throw new RangeError('Alle rækker skal have lige mange celler.');
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new RangeError('Tal i tabellen skal være hele tal på 0 eller mere.');
  }

  const g = buildGrid(cells, R, C, showRow, showCol, showGrand);
  // Primary and forced.
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      const v = at(g.value, i, j);
      if (at(g.exists, i, j) && v > 0 && v < threshold) setReason(g, [i, j], 'primary');
    }
  }
  const f = options.forced ?? {};
  for (const [i, j] of f.cells ?? []) force(g, [i, j]);
  for (const i of f.rowTotals ?? []) force(g, [i, C]);
  for (const j of f.columnTotals ?? []) force(g, [R, j]);
  if (f.grandTotal) force(g, [R, C]);

  const lines = buildLines(g);
  for (;;) {
    while (secondaryPass(g, lines)) {
      /* repeat until stable */
    }
    if (!fixOneBridge(g)) break;
  }
  return render(g, threshold, showRow, showCol, showGrand);
}

function at<T>(m: T[][], i: number, j: number): T {
  return (m[i] as T[])[j] as T;
}

function setReason(g: Grid, [i, j]: Pos, reason: SuppressionReason): void {
  (g.reason[i] as SuppressionReason[])[j] = reason;
}

function force(g: Grid, [i, j]: Pos): void {
  if (i < 0 || i > g.R || j < 0 || j > g.C || !at(g.exists, i, j)) throw new RangeError('Tvungen undertrykkelse uden for tabellen.');
  if (at(g.reason, i, j) === null) setReason(g, [i, j], 'forced');
}

function buildGrid(cells: readonly (readonly number[])[], R: number, C: number, showRow: boolean, showCol: boolean, showGrand: boolean): Grid {
  const value: number[][] = [];
  const exists: boolean[][] = [];
  const reason: SuppressionReason[][] = [];
  const colSums = new Array<number>(C).fill(0);
  let grand = 0;
  for (let i = 0; i <= R; i++) {
    const src = cells[i];
    const row = src ? [...src] : [...colSums];
    const sum = row.reduce((a, b) => a + b, 0);
    if (src) {
      src.forEach((v, j) => (colSums[j] = (colSums[j] ?? 0) + v));
      grand += sum;
    }
    row.push(src ? sum : grand);
    value.push(row);
    exists.push(row.map((_, j) => (i < R ? j < C || showRow : j < C ? showCol : showGrand)));
    reason.push(row.map(() => null));
  }
  const rowLine = Array.from({ length: R + 1 }, (_, i) => (i < R ? showRow : showCol && showGrand));
  const colLine = Array.from({ length: C + 1 }, (_, j) => (j < C ? showCol : showRow && showGrand));
  return { R, C, value, exists, reason, rowLine, colLine };
}

/** Each line: its existing members, data cells first and the total last. */
function buildLines(g: Grid): Pos[][] {
  const lines: Pos[][] = [];
  for (let i = 0; i <= g.R; i++) {
    if (!g.rowLine[i]) continue;
    const members: Pos[] = [];
    for (let j = 0; j <= g.C; j++) if (at(g.exists, i, j)) members.push([i, j]);
    lines.push(members);
  }
  for (let j = 0; j <= g.C; j++) {
    if (!g.colLine[j]) continue;
    const members: Pos[] = [];
    for (let i = 0; i <= g.R; i++) if (at(g.exists, i, j)) members.push([i, j]);
    lines.push(members);
  }
  return lines;
}

function isDataCell(g: Grid, [i, j]: Pos): boolean {
  return i < g.R && j < g.C;
}

/** Smallest non-zero candidate, data cells before totals, ties by order; zeros only as a last resort. */
function pick(g: Grid, candidates: readonly Pos[]): Pos | null {
  let best: Pos | null = null;
  const rank = (p: Pos): [number, number, number] => {
    const v = at(g.value, p[0], p[1]);
    return [v === 0 ? 1 : 0, isDataCell(g, p) ? 0 : 1, v];
  };
  for (const p of candidates) {
    if (best === null) {
      best = p;
      continue;
    }
    const a = rank(p);
    const b = rank(best);
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = p;
  }
  return best;
}

function secondaryPass(g: Grid, lines: readonly Pos[][]): boolean {
  let changed = false;
  for (const line of lines) {
    const hidden = line.filter(([i, j]) => at(g.reason, i, j) !== null);
    if (hidden.length !== 1) continue;
    const choice = pick(g, line.filter(([i, j]) => at(g.reason, i, j) === null));
    if (choice) {
      setReason(g, choice, 'secondary');
      changed = true;
    }
  }
  return changed;
}

// ---- bridges in the line graph -------------------------------------------------------------

/** Node ids: rows 0..R, columns R+1..R+C+1, and G = R+C+2 for "no equation". */
function endpoints(g: Grid, [i, j]: Pos): [number, number] {
  const G = g.R + g.C + 2;
  return [g.rowLine[i] ? i : G, g.colLine[j] ? g.R + 1 + j : G];
}

function suppressedEdges(g: Grid): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i <= g.R; i++) {
    for (let j = 0; j <= g.C; j++) {
      if (at(g.exists, i, j) && at(g.reason, i, j) !== null) {
        const [a, b] = endpoints(g, [i, j]);
        edges.push({ pos: [i, j], a, b });
      }
    }
  }
  return edges;
}

/** Suppresses one more cell to break the first bridge; false when there is none. */
function fixOneBridge(g: Grid): boolean {
  const nodeCount = g.R + g.C + 3;
  const edges = suppressedEdges(g);
  const bridge = firstBridge(nodeCount, edges);
  if (bridge === -1) return false;
  const e = edges[bridge] as Edge;
  const sideA = componentOf(e.a, edges, bridge);
  const sideB = componentOf(e.b, edges, bridge);
  const candidates: Pos[] = [];
  for (let i = 0; i <= g.R; i++) {
    for (let j = 0; j <= g.C; j++) {
      if (!at(g.exists, i, j) || at(g.reason, i, j) !== null) continue;
      const [a, b] = endpoints(g, [i, j]);
      if ((sideA.has(a) && sideB.has(b)) || (sideA.has(b) && sideB.has(a))) candidates.push([i, j]);
    }
  }
  const choice = pick(g, candidates);
  if (choice) {
    setReason(g, choice, 'secondary');
    return true;
  }
  // No single cell closes a cycle (not expected): hide the rest of both lines to stay safe.
  let changed = false;
  for (let i = 0; i <= g.R; i++) {
    for (let j = 0; j <= g.C; j++) {
      if (!at(g.exists, i, j) || at(g.reason, i, j) !== null || (i !== e.pos[0] && j !== e.pos[1])) continue;
      setReason(g, [i, j], 'secondary');
      changed = true;
    }
  }
  return changed;
}

function render(g: Grid, threshold: number, showRow: boolean, showCol: boolean, showGrand: boolean): SuppressedTable {
  const marker = suppressedMarker(threshold);
  const shown = (i: number, j: number): ShownCount => (at(g.reason, i, j) === null ? at(g.value, i, j) : marker);
  const { R, C } = g;
  const rows = Array.from({ length: R }, (_, i) => i);
  const cols = Array.from({ length: C }, (_, j) => j);
  return {
    cells: rows.map((i) => cols.map((j) => shown(i, j))),
    rowTotals: showRow ? rows.map((i) => shown(i, C)) : null,
    columnTotals: showCol ? cols.map((j) => shown(R, j)) : null,
    grandTotal: showGrand ? shown(R, C) : null,
    reasons: {
      cells: rows.map((i) => cols.map((j) => at(g.reason, i, j))),
      rowTotals: rows.map((i) => (showRow ? at(g.reason, i, C) : null)),
      columnTotals: cols.map((j) => (showCol ? at(g.reason, R, j) : null)),
      grandTotal: showGrand ? at(g.reason, R, C) : null,
    },
  };
}
