/**
 * The report as an XLSX workbook that prints: "Om rapporten", one sheet per table, the trend
 * (last four half-years, two sheets "Udvikling ..."), "Vurderinger".
 *
 * Every sheet is set up for A4 portrait, fitted to one page wide (as many pages down as needed),
 * with the header row and the district column as print titles, so every printed page says what
 * its columns are and which district a row belongs to. The page header names the table and the
 * period, the footer the unit, the mode and "Side x af y": a page handed on alone still says what
 * it is. Numbers are number cells (levels and follow-up months too; months shown as "3 mdr." by
 * a number format), the time the report was made is a date-time cell on Copenhagen's clock.
 * Rows holding wrapped text get a height for their lines (spreadsheet programs do not grow rows
 * written by a library), and long assessments are split into paragraphs of at most a page.
 */
import ExcelJS from 'exceljs';
import { formatPeriodLabel, programmeWallClockAsUtc } from '../../shared/core/dates';
import {
  ALL,
  LEVEL_NAMES,
  MODE_LABELS,
  TABLE_SPECS,
  districtCodesText,
  getRows,
  hiddenLegend,
  keyValueLabel,
  labelsOf,
  tableColumns,
  UNREST_HEADERS,
  UNREST_RULE,
  UNREST_SHEET,
  UNREST_TITLE,
  unrestFileRows,
  type GenericRow,
  type ReportV1,
  type TableSpec,
  TREND_NOTE,
  YEAR_NOTE,
  isYearPeriod,
  trendTables,
  type TrendPointData,
} from '../../shared/semiannual-report';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF004D99' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** Points per line of 11-point text, and a row's padding. */
const LINE_HEIGHT = 15;
const ROW_PADDING = 3;
/** Lines of text a row may hold (Excel's row height limit is 409 points). */
const MAX_LINES_PER_ROW = 24;

export const DATE_TIME_FORMAT = 'dd-mm-yyyy hh:mm';
export const MONTHS_FORMAT = '0" mdr."';

/** Lines a text needs in a column of `width` characters (words are not split; a conservative guess). */
export function linesFor(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= width) line += 1 + w;
      else {
        count += 1;
        line = w;
      }
      while (line > width) {
        count += 1;
        line -= width;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

const heightFor = (lines: number) => lines * LINE_HEIGHT + ROW_PADDING;

/** Text for an Excel page header or footer: '&' starts a code there, so it is doubled. */
const headerText = (s: string) => s.replace(/&/g, '&&');

interface PageFacts {
  title: string;
  report: ReportV1;
}

/** A4 portrait, one page wide, header row (and district column) repeated, header and footer text. */
function setUpPage(ws: ExcelJS.Worksheet, { title, report }: PageFacts, repeatDistrictColumn: boolean): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as needed
    scale: 100,
    margins: { left: 0.6, right: 0.6, top: 0.9, bottom: 0.8, header: 0.35, footer: 0.35 },
    printTitlesRow: '1:1',
    ...(repeatDistrictColumn ? { printTitlesColumn: 'A:A' } : {}),
    horizontalCentered: false,
  };
  const period = `${formatPeriodLabel(report.period)} (${report.period})`;
  const mode = report.mode === 'exact' ? 'Eksakt: må ikke offentliggøres' : 'Anonymiseret';
  ws.headerFooter = {
    oddHeader: `&L&B${headerText(title)}&B&R${isYearPeriod(report.period) ? 'Årsrapport' : 'Halvårsrapport'} ${headerText(period)}`,
    oddFooter: `&L${headerText(report.unit)} · ${mode}&RSide &P af &N`,
  };
}

function styleHeader(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', wrapText: true };
    lines = Math.max(lines, linesFor(String(cell.value ?? ''), widths[col - 1] ?? 10));
  });
  row.height = heightFor(lines);
}

/** A key cell's value: numbers stay numbers (level, months), 'all' and codes become Danish words. */
function keyCell(key: string, value: string | number): string | number {
  if (value !== ALL && typeof value === 'number') return value;
  return keyValueLabel(key, value);
}

function columnWidth(spec: TableSpec, column: string, label: string): number {
  if (column === 'district') return 28;
  if (column === spec.column?.key || column === spec.split?.key) return column === 'level' || column === 'months' ? 11 : 18;
  return Math.min(20, Math.max(12, Math.ceil(label.length / 2) + 2));
}

function tableSheet(wb: ExcelJS.Workbook, report: ReportV1, spec: TableSpec): void {
  const labels = labelsOf(spec);
  const columns = tableColumns(spec);
  const headers = columns.map((c) => labels.columns[c] ?? c);
  const widths = columns.map((c, i) => columnWidth(spec, c, headers[i] as string));
  const ws = wb.addWorksheet(labels.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  setUpPage(ws, { title: labels.title, report }, true);
  styleHeader(ws.addRow(headers), widths);
  const add = (row: GenericRow, total: boolean) => {
    const r = ws.addRow(columns.map((c) => (spec.measures.includes(c) ? row[c] : keyCell(c, row[c] as string | number))));
    columns.forEach((c, i) => {
      const cell = r.getCell(i + 1);
      cell.border = THIN;
      if (c === 'months' && typeof cell.value === 'number') cell.numFmt = MONTHS_FORMAT;
      if (c !== 'district') cell.alignment = { horizontal: spec.measures.includes(c) || typeof cell.value === 'number' ? 'right' : 'left' };
      if (total) {
        cell.fill = TOTAL_FILL;
        cell.font = { bold: true };
      }
    });
  };
  for (const row of getRows(report.tables, spec.id)) add(row, false);
  for (const row of getRows(report.totals, spec.id)) add(row, true);
}

const ABOUT_WIDTHS = [22, 62] as const;

function aboutSheet(wb: ExcelJS.Workbook, report: ReportV1): void {
  const ws = wb.addWorksheet('Om rapporten');
  ws.columns = ABOUT_WIDTHS.map((width) => ({ width }));
  setUpPage(ws, { title: 'Om rapporten', report }, false);
  styleHeader(ws.addRow([isYearPeriod(report.period) ? 'Årsrapport' : 'Halvårsrapport', 'Urolige områder i København']), ABOUT_WIDTHS);
  const facts: [string, string | number | Date][] = [
    ['Periode', `${formatPeriodLabel(report.period)} (${report.period})`],
    ['Enhed', report.unit],
    ['Bydele', report.districts.join(', ')],
    ...(districtCodesText(report) ? [['Bydelskoder', districtCodesText(report) as string] as [string, string]] : []),
    ['Tilstand', MODE_LABELS[report.mode]],
    ['Tærskel', report.threshold],
    ['Dannet (dansk tid)', programmeWallClockAsUtc(new Date(report.generatedAt))],
    ['Formatversion', `${report.format} ${report.version}`],
    ['Programversion', report.appVersion],
  ];
  if (report.mode === 'anonymised') facts.push(['Note', hiddenLegend(report.threshold)]);
  if (isYearPeriod(report.period)) facts.push(['Året', YEAR_NOTE]);
  for (const [level, name] of Object.entries(LEVEL_NAMES)) facts.push([`Niveau ${level}`, name]);
  for (const [label, value] of facts) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    const cell = row.getCell(2);
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    if (value instanceof Date) cell.numFmt = DATE_TIME_FORMAT;
    row.height = heightFor(typeof value === 'string' ? linesFor(value, ABOUT_WIDTHS[1]) : 1);
  }
}

/** A text cut into pieces of at most `maxLines` lines each (at paragraph, then word boundaries). */
export function splitForRows(text: string, width: number, maxLines = MAX_LINES_PER_ROW): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim() !== '') pieces.push(current.replace(/\s+$/, ''));
    current = '';
  };
  for (const paragraph of text.split(/\r?\n/)) {
    const candidate = current === '' ? paragraph : `${current}\n${paragraph}`;
    if (linesFor(candidate, width) <= maxLines) {
      current = candidate;
      continue;
    }
    push();
    // A paragraph longer than a row: by words.
    let part = '';
    for (const word of paragraph.split(/(?<=\s)/)) {
      if (part !== '' && linesFor(part + word, width) > maxLines) {
        current = part;
        push();
        part = '';
      }
      part += word;
    }
    current = part;
  }
  push();
  return pieces.length ? pieces : [''];
}

const NOTES_WIDTHS = [24, 72] as const;

function assessmentsSheet(wb: ExcelJS.Workbook, report: ReportV1): void {
  const ws = wb.addWorksheet('Vurderinger', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = NOTES_WIDTHS.map((width) => ({ width }));
  setUpPage(ws, { title: 'Observationer og vurderinger', report }, true);
  styleHeader(ws.addRow(['Bydel', 'Observationer og vurderinger']), NOTES_WIDTHS);
  if (report.assessments.length === 0) ws.addRow(['', 'Ingen bydel har skrevet en vurdering for perioden.']);
  for (const a of report.assessments) {
    for (const [i, piece] of splitForRows(a.text, NOTES_WIDTHS[1]).entries()) {
      const r = ws.addRow([i === 0 ? a.district : `${a.district} (fortsat)`, piece]);
      r.getCell(1).alignment = { vertical: 'top', wrapText: true };
      r.getCell(1).font = { bold: i === 0 };
      r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      r.height = heightFor(Math.max(linesFor(piece, NOTES_WIDTHS[1]), linesFor(r.getCell(1).text, NOTES_WIDTHS[0])));
      r.eachCell((c) => (c.border = THIN));
    }
  }
}

const UNREST_WIDTHS = [24, 11, 16, 19, 40] as const;

/** Tryghed og uro (shared/semiannual-report/unrest-file.ts): the flag and counts per bydel, the assessment beside them. */
function unrestSheet(wb: ExcelJS.Workbook, report: ReportV1): void {
  const rows = unrestFileRows(report);
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(UNREST_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = UNREST_WIDTHS.map((width) => ({ width }));
  setUpPage(ws, { title: UNREST_TITLE, report }, true);
  styleHeader(ws.addRow([...UNREST_HEADERS]), UNREST_WIDTHS);
  for (const { cells, total } of rows) {
    const [district, flag, observations, plans, text] = cells;
    for (const [i, piece] of splitForRows(text, UNREST_WIDTHS[4]).entries()) {
      const r = ws.addRow(i === 0 ? [district, flag, observations, plans, piece || null] : [`${district} (fortsat)`, null, null, null, piece]);
      r.getCell(5).alignment = { wrapText: true, vertical: 'top', indent: 1 };
      r.getCell(1).alignment = { vertical: 'top', horizontal: 'left' };
      r.getCell(2).alignment = { vertical: 'top', horizontal: 'center' };
      for (const c of [3, 4]) r.getCell(c).alignment = { vertical: 'top', horizontal: 'right', indent: 1 };
      r.height = heightFor(Math.max(linesFor(piece, UNREST_WIDTHS[4]), linesFor(r.getCell(1).text, UNREST_WIDTHS[0])));
      r.eachCell({ includeEmpty: true }, (c) => {
        c.border = THIN;
        if (total) {
          c.fill = TOTAL_FILL;
          c.font = { bold: true };
        }
      });
    }
  }
  const note = ws.addRow([UNREST_RULE]);
  ws.mergeCells(note.number, 1, note.number, 5);
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = heightFor(linesFor(UNREST_RULE, UNREST_WIDTHS.reduce((a, b) => a + b, 0)));
}

const TREND_WIDTHS = [26, 12, 16, 16, 16, 16, 16] as const;

/** The trend (last four half-years): one sheet per trend table, the half-year column repeated on every page. */
function trendSheets(wb: ExcelJS.Workbook, report: ReportV1, trend: readonly TrendPointData[]): void {
  for (const table of trendTables(trend)) {
    const ws = wb.addWorksheet(table.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    const widths = table.columns.map((_, i) => TREND_WIDTHS[i] ?? 16);
    ws.columns = widths.map((width) => ({ width }));
    setUpPage(ws, { title: table.title, report }, true);
    styleHeader(ws.addRow([...table.columns]), widths);
    table.rows.forEach((cells, i) => {
      const r = ws.addRow(cells);
      r.eachCell((cell, col) => {
        cell.border = THIN;
        if (col > 1) cell.alignment = { horizontal: 'right' };
        if (table.totalRows.includes(i)) {
          cell.fill = TOTAL_FILL;
          cell.font = { bold: true };
        }
      });
    });
    const note = ws.addRow([TREND_NOTE]);
    ws.mergeCells(note.number, 1, note.number, table.columns.length);
    note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    note.height = heightFor(linesFor(TREND_NOTE, widths.reduce((a, b) => a + b, 0)));
  }
}

export async function reportToXlsx(report: ReportV1, trend?: readonly TrendPointData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SSP Desk';
  wb.created = new Date(report.generatedAt);
  wb.modified = new Date(report.generatedAt);
  aboutSheet(wb, report);
  for (const spec of TABLE_SPECS) tableSheet(wb, report, spec);
  unrestSheet(wb, report);
  if (trend && trend.length > 0) trendSheets(wb, report, trend);
  assessmentsSheet(wb, report);
  // exceljs's typings predate Node's generic Buffer.
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
