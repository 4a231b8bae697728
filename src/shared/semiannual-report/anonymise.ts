/**
 * Turns an exact report into an anonymised one: every measure of every table is suppressed as
 * a district x column grid together with its totals (suppression.ts), then everything linked is
 * checked with the interval attack and hidden further where needed (linked-system.ts). Tables without a column key are one
 * column with the district total ({district:'all'}) as its only equation.
 *
 * The number of young people with an active case per district, and in all, appears in three
 * tables (casesByLevel.active, activeByAgeBand, activeBySex). A district total hidden in one of
 * them is hidden in all three (repeated until no table adds one), so no table gives away what
 * another hides.
 */
import { suppressTable, type ShownCount, type SuppressionOptions } from './suppression';
import {
  ALL,
  SHARED_ACTIVE_TOTALS,
  TABLE_SPECS,
  assemble,
  getRows,
  type GenericRow,
  type KeyValue,
  type TableSpec,
} from './layout';
import type { ReportTables, ReportTotals, ReportV1 } from './schema';
import { indexRows, keyOf, tableTotals, toGrid } from './totals';
import { protectFollowUps, protectLinked } from './linked-system';

export const ALREADY_ANONYMISED = 'Rapporten er allerede anonymiseret; kun en eksakt rapport kan anonymiseres.';

function layoutOptions(spec: TableSpec): SuppressionOptions {
  return spec.column ? {} : { rowTotals: false, grandTotal: false };
}

const isShared = (spec: TableSpec, measure: string) =>
  SHARED_ACTIVE_TOTALS.some((s) => s.id === spec.id && s.measure === measure);

export interface AnonymiseOptions {
  threshold?: number;
  /**
   * The exact report of the half-year before, over the same districts (only its stock tables
   * are read: casesByLevel.active, activeByAgeBand, activeBySex, sspPlus.byDistrict.active,
   * exit.byDistrict.active).
   * With it, the flow active(P) = active(P-1) + new - closed is protected too (linked.ts).
   */
  previous?: ReportV1;
  /**
   * The exact reports of four and five half-years before (same districts; of the first only
   * exit.byDistrict is read, of the second its stocks): the Exit follow-ups due now are the
   * courses that ended then, so they are protected against what that half-year published.
   */
  followUpBase?: { exact: ReportV1; previous?: ReportV1 };
  /** 'stock': stop after the stock tables are protected (what the next half-year links to). */
  stage?: 'stock' | 'all';
}

/** Per-table suppression (suppression.ts) of every grid, with the shared active totals. */
function suppressEachTable(report: ReportV1, threshold: number): ReportV1 {
  const districts = report.districts;

  const exactRows = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) exactRows.set(spec.id, getRows(report.tables, spec.id));
  const gridOf = (spec: TableSpec, split: KeyValue | null, measure: string) =>
    toGrid(spec, indexRows(spec, exactRows.get(spec.id) ?? []), districts, split, measure);

  // District totals and grand total hidden in any of the shared tables, until stable.
  const forcedRows = new Set<number>();
  let forcedGrand = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const shared of SHARED_ACTIVE_TOTALS) {
      const spec = TABLE_SPECS.find((s) => s.id === shared.id) as TableSpec;
      const r = suppressTable(gridOf(spec, null, shared.measure), {
        threshold,
        forced: { rowTotals: [...forcedRows], grandTotal: forcedGrand },
      });
      r.reasons.rowTotals.forEach((reason, i) => {
        if (reason !== null && !forcedRows.has(i)) {
          forcedRows.add(i);
          changed = true;
        }
      });
      if (r.reasons.grandTotal !== null && !forcedGrand) {
        forcedGrand = true;
        changed = true;
      }
    }
  }

  const outRows = new Map<string, GenericRow[]>();
  const outTotals = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) {
    const rows = (exactRows.get(spec.id) ?? []).map((r) => ({ ...r }));
    const totals = tableTotals(spec, rows, districts);
    const rowIndex = indexRows(spec, rows);
    const totalIndex = indexRows(spec, totals);
    for (const split of spec.split?.values ?? [null]) {
      for (const measure of spec.measures) {
        const opts: SuppressionOptions = { ...layoutOptions(spec), threshold };
        if (isShared(spec, measure)) opts.forced = { rowTotals: [...forcedRows], grandTotal: forcedGrand };
        const r = suppressTable(gridOf(spec, split, measure), opts);
        const put = (index: Map<string, GenericRow>, d: KeyValue, c: KeyValue | null, v: ShownCount | undefined) => {
          const row = index.get(keyOf(spec, d, split, c));
          if (row && v !== undefined) row[measure] = v;
        };
        const columns: readonly (KeyValue | null)[] = spec.column?.values ?? [null];
        districts.forEach((d, i) => columns.forEach((c, j) => put(rowIndex, d, c, r.cells[i]?.[j])));
        if (!spec.column) {
          put(totalIndex, ALL, null, r.columnTotals?.[0]);
          continue;
        }
        districts.forEach((d, i) => put(totalIndex, d, ALL, r.rowTotals?.[i]));
        spec.column.values.forEach((c, j) => put(totalIndex, ALL, c, r.columnTotals?.[j]));
        put(totalIndex, ALL, ALL, r.grandTotal ?? undefined);
      }
    }
    outRows.set(spec.id, rows);
    outTotals.set(spec.id, totals);
  }

  return {
    ...report,
    mode: 'anonymised',
    threshold,
    tables: assemble(outRows) as unknown as ReportTables,
    totals: assemble(outTotals) as unknown as ReportTotals,
    assessments: report.assessments.map((a) => ({ ...a })),
  };
}

/**
 * An anonymised report: each table suppressed on its own first (suppression.ts), then the
 * interval attack over everything linked (linked-system.ts): the stock tables with their shared
 * totals, every other table, and with `previous` the flow from the half-year before. The stock
 * tables' pattern depends on their own half-year only, so the next half-year can link to it.
 */
export function anonymiseReport(report: ReportV1, options: AnonymiseOptions = {}): ReportV1 {
  if (report.mode !== 'exact') throw new Error(ALREADY_ANONYMISED);
  const threshold = options.threshold ?? report.threshold;
  const anon = suppressEachTable(report, threshold);
  protectLinked({ exact: report, anon }, null, threshold, 'stock');
  if (options.stage === 'stock') return anon;
  const previous = options.previous ? { exact: options.previous, anon: anonymiseReport(options.previous, { threshold, stage: 'stock' }) } : null;
  protectLinked({ exact: report, anon }, previous, threshold, 'flow');
  if (options.followUpBase) {
    const { exact, previous: before } = options.followUpBase;
    protectFollowUps({ exact: report, anon }, { exact, anon: anonymiseReport(exact, { threshold, ...(before ? { previous: before } : {}) }) }, threshold);
  }
  return anon;
}
