/**
 * The views an anonymised report can be published in, made from one protected pattern so that
 * no view tells more than the report for all districts of the half-years it covers:
 *
 * - a subset of the districts: the district rows and their totals as in the all-districts
 *   report; a total over the subset is shown only when every count it sums is shown (then it is
 *   their sum, which anyone can add up), otherwise it is hidden;
 * - the year (both halves): flows (new, closed, started, ended, events, follow-ups, releases and
 *   meetings) are the two halves added up, shown only when both halves are shown; stocks (active
 *   at the end) are the second half's. A year view therefore holds nothing that the two
 *   half-years did not already show. Events count young people per half-year: someone charged in
 *   both halves counts twice in the year.
 */
import { isSuppressed } from './suppression';
import { ALL, TABLE_SPECS, assemble, getRows, rowKey, type GenericRow, type KeyValue } from './layout';
import type { ReportTables, ReportTotals, ReportV1 } from './schema';
import { FLOWS } from './linked-system';
export { halvesOf, isYearPeriod, withYearPeriods } from './periods';

const markerOf = (r: ReportV1) => `<${r.threshold}`;

/** The anonymised all-districts report cut down to some of its districts (kept in the report's order). */
export function restrictDistricts(full: ReportV1, wanted: readonly string[]): ReportV1 {
  const keep = new Set(wanted);
  const districts = full.districts.filter((d) => keep.has(d));
  if (districts.length === full.districts.length) return structuredClone(full);
  const marker = markerOf(full);
  const outRows = new Map<string, GenericRow[]>();
  const outTotals = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) {
    const rows = getRows(full.tables, spec.id).filter((r) => keep.has(r.district as string)).map((r) => ({ ...r }));
    const byKey = new Map(rows.map((r) => [rowKey(r, spec), r]));
    const fullTotals = getRows(full.totals, spec.id);
    const districtTotals = new Map(fullTotals.filter((r) => keep.has(r.district as string)).map((r) => [rowKey(r, spec), r]));
    const sumOf = (values: readonly (KeyValue | undefined)[]): KeyValue => {
      let n = 0;
      for (const v of values) {
        if (typeof v !== 'number') return marker;
        n += v;
      }
      return n;
    };
    const totals: GenericRow[] = [];
    for (const t of fullTotals) {
      if (t.district !== ALL) {
        if (keep.has(t.district as string)) totals.push({ ...t });
        continue;
      }
      const out: GenericRow = { ...t };
      const column = spec.column ? (t[spec.column.key] as KeyValue) : null;
      const probe = (d: string, c: KeyValue | null): GenericRow => {
        const p: GenericRow = { district: d };
        if (spec.split) p[spec.split.key] = t[spec.split.key] as KeyValue;
        if (spec.column && c !== null) p[spec.column.key] = c;
        return p;
      };
      for (const m of spec.measures) {
        if (spec.column && column === ALL) {
          // The subset's grand total: from the subset's district totals, or from its column totals.
          const viaRows = sumOf(districts.map((d) => districtTotals.get(rowKey(probe(d, ALL), spec))?.[m]));
          const viaColumns = sumOf(
            spec.column.values.map((c) => sumOf(districts.map((d) => byKey.get(rowKey(probe(d, c), spec))?.[m]))),
          );
          out[m] = typeof viaRows === 'number' ? viaRows : viaColumns;
        } else {
          out[m] = sumOf(districts.map((d) => byKey.get(rowKey(probe(d, column), spec))?.[m]));
        }
      }
      totals.push(out);
    }
    outRows.set(spec.id, rows);
    outTotals.set(spec.id, totals);
  }
  return {
    ...full,
    districts: [...districts],
    ...(full.districtAreas ? { districtAreas: full.districtAreas.filter((a) => keep.has(a.district)).map((a) => ({ ...a, areas: [...a.areas] })) } : {}),
    tables: assemble(outRows) as unknown as ReportTables,
    totals: assemble(outTotals) as unknown as ReportTotals,
    assessments: full.assessments.filter((a) => keep.has(a.district)).map((a) => ({ ...a })),
  };
}

/** Counts at the period's end (the year shows its second half's): the flows' stocks (Exit courses running among them), the age and sex tables. */
const isStock = (id: string, m: string) => FLOWS.some((f) => f.id === id && f.stock === m) || id === 'activeByAgeBand' || id === 'activeBySex';

/** The year report from its two half-years (same districts, mode and threshold). */
export function combineHalves(h1: ReportV1, h2: ReportV1, year: string): ReportV1 {
  if (h1.mode !== h2.mode || h1.threshold !== h2.threshold || h1.districts.join('\u0000') !== h2.districts.join('\u0000')) {
    throw new RangeError('Halvårene skal have samme bydele, tilstand og tærskel.');
  }
  const marker = markerOf(h2);
  const combine = (id: string, a: readonly GenericRow[], b: readonly GenericRow[], measures: readonly string[]) =>
    b.map((row, i) => {
      const other = a[i] as GenericRow;
      const out: GenericRow = { ...row };
      for (const m of measures) {
        if (isStock(id, m)) continue;
        const x = other[m];
        const y = row[m];
        out[m] = typeof x === 'number' && typeof y === 'number' && !isSuppressed(x) && !isSuppressed(y) ? x + y : marker;
      }
      return out;
    });
  const rows = new Map<string, GenericRow[]>();
  const totals = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) {
    rows.set(spec.id, combine(spec.id, getRows(h1.tables, spec.id), getRows(h2.tables, spec.id), spec.measures));
    totals.set(spec.id, combine(spec.id, getRows(h1.totals, spec.id), getRows(h2.totals, spec.id), spec.measures));
  }
  return {
    ...h2,
    period: year,
    tables: assemble(rows) as unknown as ReportTables,
    totals: assemble(totals) as unknown as ReportTotals,
    assessments: [],
  };
}
