/**
 * The layout of the report's tables, as data. Every table is a list of rows keyed by district
 * and at most two more keys: a `column` key that totals sum over ('all') and a `split` key that
 * they never sum over (the follow-up point: 3, 6 and 12 months are the same people at different
 * times). Each numeric field of a row (a "measure") is its own district x column grid. Totals,
 * suppression, validation and merging all walk this list, so a table is described once.
 */
import { CASE_LEVELS } from '../cases';
import { AGE_BANDS } from '../core/districts';
import { FOLLOW_UP_MONTHS, OUTCOME_CODES } from '../ssp-plus';

export const REPORT_FORMAT = 'ssp-halvaarsrapport';
/** The version SSP Desk writes: 2 adds each district's code and areas (`districtAreas`). */
export const REPORT_VERSION = 2;
/** The versions SSP Desk reads (version 1 files have no district codes; merge derives them from the names). */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
/** Key value meaning "summed over this dimension" in totals rows. */
export const ALL = 'all';
export const REPORT_SEXES = ['M', 'K', 'unknown'] as const;
export const REPORT_LEVELS = CASE_LEVELS;
export const REPORT_BANDS = AGE_BANDS;
export const REPORT_OUTCOMES = OUTCOME_CODES;
export const REPORT_FOLLOW_UP_MONTHS = FOLLOW_UP_MONTHS;

export type KeyValue = string | number;
/** A table row seen generically: district, keys and measures. */
export type GenericRow = Record<string, KeyValue>;

export interface Dimension {
  key: string;
  values: readonly KeyValue[];
}

export interface TableSpec {
  /** Path of the table under `tables` / `totals`, e.g. 'casesByLevel' or 'sspPlus.followUps'. */
  id: string;
  column: Dimension | null;
  split: Dimension | null;
  measures: readonly string[];
  /**
   * Measures whose per-district totals and grand total are the same numbers in several tables
   * (young people with an active case): suppression hides them alike everywhere.
   */
  sharedTotals?: string;
}

export const TABLE_SPECS: readonly TableSpec[] = [
  { id: 'casesByLevel', column: { key: 'level', values: REPORT_LEVELS }, split: null, measures: ['active', 'new', 'closed'] },
  { id: 'activeByAgeBand', column: { key: 'band', values: REPORT_BANDS }, split: null, measures: ['count'] },
  { id: 'activeBySex', column: { key: 'sex', values: REPORT_SEXES }, split: null, measures: ['count'] },
  { id: 'eventsByDistrict', column: null, split: null, measures: ['charges', 'interviews', 'remand'] },
  { id: 'sspPlus.byDistrict', column: null, split: null, measures: ['active', 'started', 'ended'] },
  {
    id: 'sspPlus.followUps',
    column: { key: 'outcome', values: REPORT_OUTCOMES },
    split: { key: 'months', values: REPORT_FOLLOW_UP_MONTHS },
    measures: ['count'],
  },
  { id: 'releases.byDistrict', column: null, split: null, measures: ['releases', 'meetings'] },
  {
    id: 'releases.followUps',
    column: { key: 'outcome', values: REPORT_OUTCOMES },
    split: { key: 'months', values: REPORT_FOLLOW_UP_MONTHS },
    measures: ['count'],
  },
  // Disjoint follow-up measures (no published sum of the two), so a hidden one is not their difference.
  { id: 'exit.byDistrict', column: null, split: null, measures: ['active', 'started', 'ended', 'followUpsNoNewCharge', 'followUpsNewCharge'] },
  // Sikker By (sikker-by.ts): charged per bydel, and each person once in the bydel of their first charge (sums to the city figure).
  { id: 'sikkerBy.byDistrict', column: null, split: null, measures: ['charged', 'firstInCity'] },
];

/** Which (table, measure) grids share the active-case district totals. */
export const SHARED_ACTIVE_TOTALS: readonly { id: string; measure: string }[] = [
  { id: 'casesByLevel', measure: 'active' },
  { id: 'activeByAgeBand', measure: 'count' },
  { id: 'activeBySex', measure: 'count' },
];

/** The rows of one table in a `tables` or `totals` object (generic view; no copy). */
export function getRows(container: unknown, id: string): GenericRow[] {
  let node: unknown = container;
  for (const part of id.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return Array.isArray(node) ? (node as GenericRow[]) : [];
}

/** Builds a `tables`/`totals` object from rows per table id. */
export function assemble(rowsById: ReadonlyMap<string, GenericRow[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of TABLE_SPECS) {
    const parts = spec.id.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1] as string] = rowsById.get(spec.id) ?? [];
  }
  return out;
}

/** One key value in a row key: type and length first, so different values never give the same key. */
const keyPart = (v: unknown): string => (typeof v === 'number' ? `n${v}` : typeof v === 'string' ? `s${v.length}:${v}` : '-');

/**
 * The identity of a row in its table (district, split value, column value), for maps of rows.
 * Made for every cell the totals, the suppression and the views look up (hundreds of thousands
 * per report), so plain concatenation rather than JSON.
 */
export function rowKey(row: GenericRow, spec: TableSpec): string {
  return `${keyPart(row.district)}|${spec.split ? keyPart(row[spec.split.key]) : '-'}|${spec.column ? keyPart(row[spec.column.key]) : '-'}`;
}

function keyRow(spec: TableSpec, district: KeyValue, split: KeyValue | null, column: KeyValue | null): GenericRow {
  const row: GenericRow = { district };
  if (spec.split && split !== null) row[spec.split.key] = split;
  if (spec.column && column !== null) row[spec.column.key] = column;
  return row;
}

const splitValues = (spec: TableSpec): readonly (KeyValue | null)[] => spec.split?.values ?? [null];

/** Key fields of the rows a table must have: every district x split x column, in this order. */
export function expectedRowKeys(spec: TableSpec, districts: readonly string[]): GenericRow[] {
  const out: GenericRow[] = [];
  for (const d of districts) {
    for (const s of splitValues(spec)) {
      for (const c of spec.column?.values ?? [null]) out.push(keyRow(spec, d, s, c));
    }
  }
  return out;
}

/**
 * Key fields of a table's totals rows. With a column key, per split value: each district summed
 * over the column ({district, column:'all'}), then each column value summed over districts
 * ({district:'all', column}), then the grand total (both 'all'). Without: one {district:'all'}.
 */
export function totalsRowKeys(spec: TableSpec, districts: readonly string[]): GenericRow[] {
  const out: GenericRow[] = [];
  for (const s of splitValues(spec)) {
    if (!spec.column) {
      out.push(keyRow(spec, ALL, s, null));
      continue;
    }
    for (const d of districts) out.push(keyRow(spec, d, s, ALL));
    for (const c of spec.column.values) out.push(keyRow(spec, ALL, s, c));
    out.push(keyRow(spec, ALL, s, ALL));
  }
  return out;
}

/** Rows with every measure 0, for a report that a service then fills in. */
export function zeroRows(spec: TableSpec, keys: readonly GenericRow[]): GenericRow[] {
  return keys.map((k) => {
    const row: GenericRow = { ...k };
    for (const m of spec.measures) row[m] = 0;
    return row;
  });
}
