/**
 * Totals of the report's tables, computed from exact rows. For a table with a column key (level,
 * band, sex, outcome) there is a total per district over the column ('all'), per column value
 * over the districts (district 'all') and the grand total; tables with only districts get one
 * {district:'all'} row. The follow-up point (months) is never summed.
 */
import {
  ALL,
  TABLE_SPECS,
  assemble,
  getRows,
  rowKey,
  totalsRowKeys,
  type GenericRow,
  type KeyValue,
  type TableSpec,
} from './layout';
import type { ReportTables, ReportTotals } from './schema';

/** Rows of a table indexed by rowKey. */
export function indexRows(spec: TableSpec, rows: readonly GenericRow[]): Map<string, GenericRow> {
  return new Map(rows.map((r) => [rowKey(r, spec), r]));
}

/** rowKey of the row with these key values. */
export function keyOf(spec: TableSpec, district: KeyValue, split: KeyValue | null, column: KeyValue | null): string {
  const row: GenericRow = { district };
  if (spec.split && split !== null) row[spec.split.key] = split;
  if (spec.column && column !== null) row[spec.column.key] = column;
  return rowKey(row, spec);
}

/**
 * One measure of one table (for one split value) as a district x column grid of exact counts;
 * a table without a column key gives one column. Missing rows count as 0. Throws on a hidden
 * count: grids are for exact reports.
 */
export function toGrid(
  spec: TableSpec,
  index: ReadonlyMap<string, GenericRow>,
  districts: readonly string[],
  split: KeyValue | null,
  measure: string,
): number[][] {
  const columns: readonly (KeyValue | null)[] = spec.column?.values ?? [null];
  return districts.map((d) =>
    columns.map((c) => {
      const v = index.get(keyOf(spec, d, split, c))?.[measure] ?? 0;
      if (typeof v !== 'number') throw new TypeError('Totaler kan kun beregnes af eksakte tal.');
      return v;
    }),
  );
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The totals rows of one table, in totalsRowKeys order. */
export function tableTotals(spec: TableSpec, rows: readonly GenericRow[], districts: readonly string[]): GenericRow[] {
  const index = indexRows(spec, rows);
  const out: GenericRow[] = totalsRowKeys(spec, districts).map((k) => ({ ...k }));
  const byKey = indexRows(spec, out);
  for (const split of spec.split?.values ?? [null]) {
    for (const measure of spec.measures) {
      const grid = toGrid(spec, index, districts, split, measure);
      const set = (d: KeyValue, c: KeyValue | null, v: number) => {
        const row = byKey.get(keyOf(spec, d, split, c));
        if (row) row[measure] = v;
      };
      const grand = sum(grid.map(sum));
      if (!spec.column) {
        set(ALL, null, grand);
        continue;
      }
      districts.forEach((d, i) => set(d, ALL, sum(grid[i] ?? [])));
      spec.column.values.forEach((c, j) => set(ALL, c, sum(grid.map((row) => row[j] ?? 0))));
      set(ALL, ALL, grand);
    }
  }
  return out;
}

/** Totals for every table of an exact report. */
export function computeTotals(tables: ReportTables, districts: readonly string[]): ReportTotals {
  const byId = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) byId.set(spec.id, tableTotals(spec, getRows(tables, spec.id), districts));
  return assemble(byId) as unknown as ReportTotals;
}
