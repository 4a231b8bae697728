/**
 * The trend (udvikling): the last four half-years of a report, for the chosen districts together.
 * Each point is the totals row ({district:'all'}) of that half-year's report for the same
 * districts and mode, exactly as that report shows it (a cut of its protected all-districts
 * report when anonymised): the trend publishes nothing the half-years' own reports do not.
 *
 * Cases by level (active at the end, new, closed), young people charged, SSP+ plans (active,
 * started, ended) and releases (releases, meetings held). The files (CSV, XLSX) and the print
 * view write it as two tables, oldest half-year first.
 */
import { formatPeriodLabel } from '../core/dates';
import { ALL, getRows, type GenericRow, type KeyValue } from './layout';
import type { Count, ReportV1 } from './schema';

export interface TrendCases {
  level: number | typeof ALL;
  active: Count;
  new: Count;
  closed: Count;
}

export interface TrendPointData {
  period: string;
  /** totals.casesByLevel for the districts together: levels 1-4, then 'all'. */
  byLevel: (TrendCases & { district: typeof ALL })[];
  /** Young people charged in the half-year. */
  charges: Count;
  sspPlus: { active: Count; started: Count; ended: Count };
  releases: { releases: Count; meetings: Count };
}

const totalRow = (report: ReportV1, id: string): GenericRow => getRows(report.totals, id).find((r) => r.district === ALL) ?? {};
const count = (v: KeyValue | undefined): Count => (v === undefined ? 0 : (v as Count));

/** A report's totals for the trend. */
export function trendPointOf(report: ReportV1): TrendPointData {
  const events = totalRow(report, 'eventsByDistrict');
  const plans = totalRow(report, 'sspPlus.byDistrict');
  const releases = totalRow(report, 'releases.byDistrict');
  return {
    period: report.period,
    byLevel: report.totals.casesByLevel
      .filter((r) => r.district === ALL)
      .map((r) => ({ district: ALL, level: r.level, active: r.active, new: r.new, closed: r.closed })),
    charges: count(events.charges),
    sspPlus: { active: count(plans.active), started: count(plans.started), ended: count(plans.ended) },
    releases: { releases: count(releases.releases), meetings: count(releases.meetings) },
  };
}

/** A trend table for the files: a title, column headers and rows of cells (Danish, as the files are). */
export interface TrendTable {
  title: string;
  sheet: string;
  columns: readonly string[];
  rows: (string | number)[][];
  /** Rows that are totals (shown bold). */
  totalRows: readonly number[];
}

const periodCell = (period: string) => `${formatPeriodLabel(period)} (${period})`;

/** The trend as two tables for the files: cases by level per half-year, then charges, SSP+ and releases. */
export function trendTables(points: readonly TrendPointData[]): TrendTable[] {
  const cases: (string | number)[][] = [];
  const totalRows: number[] = [];
  for (const p of points) {
    for (const r of p.byLevel) {
      if (r.level === ALL) totalRows.push(cases.length);
      cases.push([periodCell(p.period), r.level === ALL ? 'I alt' : r.level, r.active, r.new, r.closed]);
    }
  }
  return [
    {
      title: 'Udvikling: sager pr. niveau, seneste halvår',
      sheet: 'Udvikling sager',
      columns: ['Halvår', 'Niveau', 'Aktive ved periodens slut', 'Nye i perioden', 'Afsluttede i perioden'],
      rows: cases,
      totalRows,
    },
    {
      title: 'Udvikling: sigtede, SSP+ og løsladelser, seneste halvår',
      sheet: 'Udvikling øvrige',
      columns: ['Halvår', 'Unge sigtet', 'SSP+ aktive ved periodens slut', 'SSP+ startet', 'SSP+ afsluttet', 'Løsladelser', 'Løsladelsesmøder holdt'],
      rows: points.map((p) => [
        periodCell(p.period),
        p.charges,
        p.sspPlus.active,
        p.sspPlus.started,
        p.sspPlus.ended,
        p.releases.releases,
        p.releases.meetings,
      ]),
      totalRows: [],
    },
  ];
}

/** The note under the trend tables. */
export const TREND_NOTE =
  'Hvert halvår er talt som i sin egen rapport for de samme bydele, ud fra den bydel, sagen hørte til på dagen (bydelshistorikken). Alle valgte bydele tilsammen.';
