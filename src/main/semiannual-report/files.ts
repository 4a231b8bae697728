/**
 * A report as a file: JSON (the exchange format, checked against the schema before it is
 * written), CSV (shared/report/csv.ts) or XLSX (one sheet per table, styled header row). Only
 * the report's own fields go in: counts, district names, the unit and the assessments.
 */
import ExcelJS from 'exceljs';
import { formatPeriodLabel } from '../../shared/core/dates';
import {
  TABLE_SPECS,
  getRows,
  hiddenLegend,
  keyValueLabel,
  labelsOf,
  MODE_LABELS,
  parseReport,
  reportToCsv,
  tableColumns,
  type ReportV1,
} from '../../shared/semiannual-report';
import { AppError } from '../core/errors';

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

/** ASCII slug of the unit for file names: 'SSP Amager Øst' -> 'ssp-amager-oest'. */
export function slug(text: string, max = 40): string {
  const s = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

/** 'halvaarsrapport-2026-H1-ssp-amager-anonymiseret.csv' / '...-eksakt.json'. */
export function reportFileName(report: Pick<ReportV1, 'period' | 'unit' | 'mode'>, format: ReportFormat): string {
  const unit = slug(report.unit);
  return ['halvaarsrapport', report.period, ...(unit ? [unit] : []), report.mode === 'exact' ? 'eksakt' : 'anonymiseret'].join('-') + `.${format}`;
}

/** The JSON text of a report, after checking it against the format (a failure is a bug, not the user's). */
export function reportToJson(report: ReportV1): string {
  const check = parseReport(report);
  if (!check.ok) throw new AppError('INTERNAL', 'Rapporten kunne ikke dannes i det fælles format. Intet er gemt. Kontakt support.');
  return `${JSON.stringify(check.report, null, 2)}\n`;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF004D99' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  row.height = 32;
}

/** The report as an XLSX workbook: "Om rapporten", one sheet per table, "Vurderinger". */
export async function reportToXlsx(report: ReportV1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SSP Desk';
  wb.created = new Date(report.generatedAt);
  wb.modified = new Date(report.generatedAt);

  const about = wb.addWorksheet('Om rapporten');
  about.columns = [{ width: 18 }, { width: 90 }];
  styleHeader(about.addRow(['Halvårsrapport', 'Urolige områder i København']));
  const facts: [string, string | number][] = [
    ['Periode', `${report.period} (${formatPeriodLabel(report.period)})`],
    ['Enhed', report.unit],
    ['Bydele', report.districts.join(', ')],
    ['Tilstand', MODE_LABELS[report.mode]],
    ['Tærskel', report.threshold],
    ['Dannet', report.generatedAt],
    ['Formatversion', `${report.format} ${report.version}`],
    ['Programversion', report.appVersion],
  ];
  if (report.mode === 'anonymised') facts.push(['Note', hiddenLegend(report.threshold)]);
  for (const f of facts) about.addRow(f).getCell(2).alignment = { wrapText: true, vertical: 'top' };

  for (const spec of TABLE_SPECS) {
    const labels = labelsOf(spec);
    const columns = tableColumns(spec);
    const ws = wb.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ width: c === 'district' ? 28 : Math.max(14, (labels.columns[c] ?? c).length * 0.9) }));
    styleHeader(ws.addRow(columns.map((c) => labels.columns[c] ?? c)));
    const add = (row: Record<string, string | number>, total: boolean) => {
      const r = ws.addRow(columns.map((c) => (spec.measures.includes(c) ? row[c] : keyValueLabel(c, row[c] as string | number))));
      columns.forEach((c, i) => {
        const cell = r.getCell(i + 1);
        if (spec.measures.includes(c)) cell.alignment = { horizontal: 'right' };
        if (total) {
          cell.fill = TOTAL_FILL;
          cell.font = { bold: true };
        }
      });
    };
    for (const row of getRows(report.tables, spec.id)) add(row, false);
    for (const row of getRows(report.totals, spec.id)) add(row, true);
  }

  const notes = wb.addWorksheet('Vurderinger', { views: [{ state: 'frozen', ySplit: 1 }] });
  notes.columns = [{ width: 28 }, { width: 100 }];
  styleHeader(notes.addRow(['Bydel', 'Observationer og vurderinger']));
  for (const a of report.assessments) {
    const r = notes.addRow([a.district, a.text]);
    r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  // exceljs's typings predate Node's generic Buffer.
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The report as a file in the chosen format. */
export async function renderReportFile(report: ReportV1, format: ReportFormat): Promise<ReportFile> {
  let bytes: Buffer;
  if (format === 'json') bytes = Buffer.from(reportToJson(report), 'utf8');
  else if (format === 'csv') bytes = Buffer.from(reportToCsv(report), 'utf8');
  else bytes = await reportToXlsx(report);
  return { fileName: reportFileName(report, format), mimeType: MIME[format], base64: bytes.toString('base64'), bytes: bytes.length };
}
