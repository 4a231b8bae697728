/**
 * Building an exact report: empty tables with every row present (all counts 0) for a service to
 * fill in, and the finished report with its totals computed.
 */
import { REPORT_FORMAT, REPORT_VERSION, TABLE_SPECS, assemble, expectedRowKeys, zeroRows, type GenericRow } from './layout';
import { defaultIdentity } from '../core/districts';
import type { Assessment, DistrictArea, ReportTables, ReportV1 } from './schema';
import { DEFAULT_THRESHOLD } from './suppression';
import { computeTotals } from './totals';

/** Every table with one row per district and category, all counts 0, in the format's order. */
export function emptyTables(districts: readonly string[]): ReportTables {
  const byId = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) byId.set(spec.id, zeroRows(spec, expectedRowKeys(spec, districts)));
  return assemble(byId) as unknown as ReportTables;
}

export interface ReportHeader {
  period: string;
  unit: string;
  districts: readonly string[];
  generatedAt: string;
  appVersion: string;
  threshold?: number;
  /** Each district's code and areas, in the order of `districts`; from the names (city bydele) when left out. */
  districtAreas?: readonly DistrictArea[];
}

/** An exact report from filled-in tables; totals are computed here, never by hand. */
export function createExactReport(header: ReportHeader, tables: ReportTables, assessments: readonly Assessment[] = []): ReportV1 {
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    period: header.period,
    unit: header.unit,
    districts: [...header.districts],
    districtAreas: header.districtAreas
      ? header.districtAreas.map((a) => ({ district: a.district, code: a.code, areas: [...a.areas] }))
      : header.districts.map((d) => ({ district: d, ...defaultIdentity(d) })),
    mode: 'exact',
    threshold: header.threshold ?? DEFAULT_THRESHOLD,
    generatedAt: header.generatedAt,
    appVersion: header.appVersion,
    tables,
    totals: computeTotals(tables, header.districts),
    assessments: assessments.map((a) => ({ ...a })),
  };
}
