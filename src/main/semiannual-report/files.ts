/**
 * A report as a file: JSON (the exchange format, checked against the schema before it is
 * written), CSV (shared/semiannual-report/csv.ts) or XLSX (xlsx.ts: one sheet per table, set up to print). Only
 * the report's own fields go in: counts, district names, the unit and the assessments.
 */
import { asciiSlug, DEFAULT_DISTRICT_NAMES, normalizeForSearch } from '../../shared/core/districts';
import { isYearPeriod, parseReport, reportToCsv, type ReportV1, type TrendPointData } from '../../shared/semiannual-report';
import { AppError } from '../core/errors';
import { reportToXlsx } from './xlsx';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64. */
  base64: string;
  bytes: number;
}

const MIME: Record<ReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** ASCII slug for file names: 'SSP Amager Øst' -> 'ssp-amager-oest' (shared/core/districts). */
export const slug = asciiSlug;

/**
 * What a report covers, for its file name: the whole city ('hele-byen') when it holds all of
 * Copenhagen's ten districts, up to three districts by name ('noerrebro-valby-amager-vest'),
 * else how many ('5-bydele'). The unit is not in the name: a file is named after what it holds.
 */
export function coverageSlug(districts: readonly string[]): string {
  const have = new Set(districts.map(normalizeForSearch));
  if (have.size === DEFAULT_DISTRICT_NAMES.length && DEFAULT_DISTRICT_NAMES.every((d) => have.has(normalizeForSearch(d)))) return 'hele-byen';
  if (districts.length <= 3) return districts.map((d) => slug(d, 30)).filter(Boolean).join('-') || `${districts.length}-bydele`;
  return `${districts.length}-bydele`;
}

/**
 * 'halvaarsrapport-2026-H1-noerrebro-valby-anonymiseret.csv' / 'halvaarsrapport-2026-H1-hele-byen-eksakt.json';
 * a year (both halves) is an 'aarsrapport-2026-...'.
 */
export function reportFileName(report: Pick<ReportV1, 'period' | 'districts' | 'mode'>, format: ReportFormat | 'pdf'): string {
  const kind = isYearPeriod(report.period) ? 'aarsrapport' : 'halvaarsrapport';
  return [kind, report.period, coverageSlug(report.districts), report.mode === 'exact' ? 'eksakt' : 'anonymiseret'].join('-') + `.${format}`;
}

/** The JSON text of a report, after checking it against the format (a failure is a bug, not the user's). */
export function reportToJson(report: ReportV1): string {
  const check = parseReport(report);
  if (!check.ok) throw new AppError('INTERNAL', 'Rapporten kunne ikke dannes i det fælles format. Intet er gemt. Kontakt support.');
  return `${JSON.stringify(check.report, null, 2)}\n`;
}

/** The report as a file in the chosen format; CSV and XLSX hold the trend when given (trend.ts), JSON never. */
export async function renderReportFile(report: ReportV1, format: ReportFormat, trend?: readonly TrendPointData[]): Promise<ReportFile> {
  let bytes: Buffer;
  if (format === 'json') bytes = Buffer.from(reportToJson(report), 'utf8');
  else if (format === 'csv') bytes = Buffer.from(reportToCsv(report, trend), 'utf8');
  else bytes = await reportToXlsx(report, trend);
  return { fileName: reportFileName(report, format), mimeType: MIME[format], base64: bytes.toString('base64'), bytes: bytes.length };
}
