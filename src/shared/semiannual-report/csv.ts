/**
 * The report as CSV for Danish Excel: UTF-8 with a byte-order mark (so æ, ø, å come out right),
 * semicolon as separator, CRLF line ends. One block per table: a title line, a header line, the
 * district rows, then the totals rows ("I alt", "Alle bydele"), and an empty line; then the trend
 * (the last four half-years, trend.ts) when given. The header
 * block says period, unit, mode, threshold and when the report was made (Copenhagen's clock,
 * "2026-08-15 12:00:00", which Danish Excel reads as a date-time); the assessments come last.
 *
 * Free text (unit, district names, assessments) that starts like a spreadsheet formula
 * (=, +, -, @) gets a leading apostrophe, so Excel shows it as text and never runs it: the one
 * guard every CSV of the app uses (shared/core/csv.ts).
 */
import { formatPeriodLabel, formatProgrammeDateTime } from '../core/dates';
import { CSV_BOM, CSV_EOL, CSV_SEP, csvCell, inertText } from '../core/csv';
import { TABLE_SPECS, getRows, type GenericRow, type KeyValue } from './layout';
import { districtCodesText, hiddenLegend, keyValueLabel, labelsOf, MODE_LABELS, tableColumns, YEAR_NOTE } from './labels';
import { isYearPeriod } from './periods';
import type { ReportV1 } from './schema';
import { TREND_NOTE, trendTables, type TrendPointData } from './trend';
import { UNREST_HEADERS, UNREST_RULE, UNREST_TITLE, unrestFileRows } from './unrest-file';

export { CSV_BOM, csvCell, inertText };
const SEP = CSV_SEP;
const EOL = CSV_EOL;

const line = (cells: readonly (string | number)[]) => cells.map(csvCell).join(SEP);

function cellOf(key: string, value: KeyValue | undefined, measures: readonly string[]): string | number {
  if (value === undefined) return '';
  if (measures.includes(key)) return value;
  if (key === 'district') return inertText(keyValueLabel(key, value));
  return keyValueLabel(key, value);
}

function block(report: ReportV1, id: string): string[] {
  const spec = TABLE_SPECS.find((s) => s.id === id)!;
  const labels = labelsOf(spec);
  const columns = tableColumns(spec);
  const rowLine = (row: GenericRow) => line(columns.map((c) => cellOf(c, row[c], spec.measures)));
  return [
    line([labels.title]),
    line(columns.map((c) => labels.columns[c] ?? c)),
    ...getRows(report.tables, id).map(rowLine),
    ...getRows(report.totals, id).map(rowLine),
  ];
}

/** The whole report as a CSV text, byte-order mark included. */
export function reportToCsv(report: ReportV1, trend?: readonly TrendPointData[]): string {
  const lines: string[] = [
    line([isYearPeriod(report.period) ? 'Årsrapport' : 'Halvårsrapport', 'Urolige områder i København']),
    line(['Periode', `${report.period} (${formatPeriodLabel(report.period)})`]),
    line(['Enhed', inertText(report.unit)]),
    line(['Bydele', inertText(report.districts.join(', '))]),
    ...(districtCodesText(report) ? [line(['Bydelskoder', inertText(districtCodesText(report) as string)])] : []),
    line(['Tilstand', MODE_LABELS[report.mode]]),
    line(['Tærskel', report.threshold]),
    line(['Dannet (dansk tid)', formatProgrammeDateTime(new Date(report.generatedAt))]),
    line(['Formatversion', `${report.format} ${report.version}`]),
    line(['Programversion', report.appVersion]),
  ];
  if (report.mode === 'anonymised') lines.push(line(['Note', hiddenLegend(report.threshold)]));
  if (isYearPeriod(report.period)) lines.push(line(['Året', YEAR_NOTE]));
  lines.push('');
  for (const spec of TABLE_SPECS) lines.push(...block(report, spec.id), '');
  if (trend && trend.length > 0) {
    for (const t of trendTables(trend)) lines.push(line([t.title]), line(t.columns), ...t.rows.map((r) => line(r)), '');
    lines.push(line(['Note', TREND_NOTE]), '');
  }
  const unrest = unrestFileRows(report);
  if (unrest.length) lines.push(line([UNREST_TITLE]), line([UNREST_RULE]), line([...UNREST_HEADERS]), ...unrest.map((r) => line(r.cells.map((c) => (typeof c === 'string' ? inertText(c) : c)))), '');
  lines.push(line(['Observationer og vurderinger']), line(['Bydel', 'Vurdering']));
  for (const a of report.assessments) lines.push(line([inertText(a.district), inertText(a.text)]));
  return CSV_BOM + lines.join(EOL) + EOL;
}
