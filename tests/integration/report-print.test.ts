import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ReportFileOutput } from '../../src/shared/semiannual-report/contract';
import { seedDemoData } from '../../src/main/demo-data';
import { DEFAULT_DISTRICT_NAMES } from '../../src/shared/core/districts';
import { createTestVault, type TestVault } from './helpers';
import { buildReportFixture, NOW, PERIOD, REPORTED } from '../fixtures/report/fixture';
import { convertFileWithLibreOffice, pdfInfo, pdfPageTexts, pdfToPngs } from './spreadsheet';

/**
 * The report's files as a spreadsheet program sees them (issue 16, "files that work"): the XLSX
 * is opened by LibreOffice (headless, the stand-in for Excel) and printed to PDF; every page is
 * A4, fitted to the width, and carries the header row and the district column. Numbers are
 * number cells (levels and months too), the time the report was made is a date-time on
 * Copenhagen's clock, in the XLSX and in the CSV. The PDF's pages are written as PNGs to
 * artifacts/screenshots to be looked at.
 */

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots', import.meta.url));
const bytesOf = (f: ReportFileOutput) => Buffer.from(f.base64, 'base64');
/** A4 in points (210 x 297 mm). */
const A4 = { width: 595.3, height: 841.9 };

/** Sheet titles (as in the page header) and the headers of their columns, from the format's labels. */
const SHEETS: { title: string; headers: string[]; byPeriod?: boolean }[] = [
  { title: 'Sager pr. bydel og niveau', headers: ['Bydel', 'Niveau', 'Aktive ved', 'Nye i', 'Afsluttede i'] },
  { title: 'Aktive sager ved periodens slut pr. aldersgruppe', headers: ['Bydel', 'Aldersgruppe', 'Unge med'] },
  { title: 'Aktive sager ved periodens slut pr. køn', headers: ['Bydel', 'Køn', 'Unge med'] },
  { title: 'Unge med hændelser i perioden', headers: ['Bydel', 'Sigtet', 'Afhørt af', 'Fremstillet i'] },
  { title: 'SSP+ forløb', headers: ['Bydel', 'Aktive ved', 'Startet i', 'Afsluttet i'] },
  { title: 'SSP+ opfølgninger i perioden', headers: ['Bydel', 'Opfølgning', 'Status', 'Antal'] },
  { title: 'Løsladelser og løsladelsesmøder', headers: ['Bydel', 'Løsladelser i', 'Løsladelsesmøder'] },
  { title: 'Opfølgning efter løsladelse i perioden', headers: ['Bydel', 'Opfølgning', 'Status', 'Antal'] },
  { title: 'Exitforløb', headers: ['Bydel', 'I gang ved', 'Startet i', 'Afsluttet i', 'ingen ny', 'ny sigtelse'] },
  { title: 'Sikker By: sigtede unge 14-25 år', headers: ['Bydel', 'Sigtede unge', 'Heraf talt i'] },
  { title: 'Tryghed og uro: bydele med uro i perioden', headers: ['Bydel', 'Bydel med', 'Uro observeret', 'Beredskabsplaner', 'Vurdering'] },
  // The trend (last four half-years): the half-year is the repeated first column.
  { title: 'Udvikling: sager pr. niveau, seneste halvår', headers: ['Halvår', 'Niveau', 'Aktive ved', 'Nye i', 'Afsluttede i'], byPeriod: true },
  { title: 'Udvikling: sigtede, SSP+ og løsladelser, seneste halvår', headers: ['Halvår', 'Unge sigtet', 'SSP+ aktive', 'SSP+ startet', 'Løsladelser'], byPeriod: true },
  { title: 'Observationer og vurderinger', headers: ['Bydel'] },
];

describe('XLSX cells on the hand-made register (2026-H1, made 15 August 2026 10:00 UTC)', () => {
  let v: TestVault;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    v = await createTestVault({ now: () => NOW });
    await buildReportFixture(v.call);
    // Tryghed og uro: Valby observed twice and a plan activated; Nørrebro only a measure.
    const ids = Object.fromEntries((await v.call<{ districts: { id: number; name: string }[] }>('report.options', {})).districts.map((d) => [d.name, d.id]));
    for (const [d, occurredOn, kind] of [['Valby', '2026-02-01', 'unrest-observed'], ['Valby', '2026-03-01', 'unrest-observed'], ['Valby', '2026-03-02', 'plan-activated'], ['Nørrebro', '2026-04-01', 'measure']] as const) {
      await v.call('report.unrest.save', { districtId: ids[d], occurredOn, kind, text: 'Uro ved pladsen; politi og klub til stede.' });
    }
    await v.call('report.assessments.save', { period: PERIOD, districtId: ids['Valby'], text: 'Uro i foråret, beredskabsplan aktiveret.' });
    const file = await v.call<ReportFileOutput>('report.export', { period: PERIOD, districts: [...REPORTED], mode: 'exact', format: 'xlsx' });
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
  }, 60_000);
  afterAll(() => v.cleanup());

  it('"Dannet" is a date-time cell on Copenhagen\'s clock (12:00 summer time), shown dd-mm-yyyy hh:mm', () => {
    const about = wb.getWorksheet('Om rapporten')!;
    const row = about.getRows(1, about.rowCount)!.find((r) => r.getCell(1).value === 'Dannet (dansk tid)')!;
    const cell = row.getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    // Spreadsheet cells have no time zone: the cell holds the wall clock, read back as UTC fields.
    expect((cell.value as Date).toISOString()).toBe('2026-08-15T12:00:00.000Z');
    expect(cell.numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(about.getRows(1, about.rowCount)!.find((r) => r.getCell(1).value === 'Tærskel')!.getCell(2).value).toBe(5);
  });

  it('levels and follow-up months are number cells; no cell holds a number as text', () => {
    const cases = wb.getWorksheet('Sager pr. niveau')!;
    expect(cases.getRow(2).values).toEqual([undefined, 'Nørrebro', 1, 1, 1, 0]);
    expect(cases.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(cases.getRow(cases.rowCount).values).toEqual([undefined, 'Alle bydele', 'I alt', 14, 7, 5]);
    const fu = wb.getWorksheet('Løsladelse opfølgning')!;
    const valby3 = fu.getRows(2, fu.rowCount - 1)!.find((r) => r.getCell(1).value === 'Valby' && r.getCell(2).value === 3 && r.getCell(3).value === 'Ingen af delene')!;
    expect(valby3.getCell(4).value).toBe(1);
    expect(valby3.getCell(2).numFmt).toBe('0" mdr."');
    const asText: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((r, n) =>
        r.eachCell((c, col) => {
          if (typeof c.value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(c.value)) asText.push(`${ws.name}!${n}:${col}`);
        }),
      ),
    );
    expect(asText).toEqual([]);
  });

  it('Tryghed og uro: flag, counts as number cells and the assessment beside them; Sikker By as numbers', () => {
    const ws = wb.getWorksheet('Tryghed og uro')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Bydel', 'Bydel med uro', 'Uro observeret', 'Beredskabsplaner aktiveret', 'Vurdering']);
    const rows = ws.getRows(2, ws.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === 'Valby')).toEqual(['Valby', 'Ja', 2, 1, 'Uro i foråret, beredskabsplan aktiveret.']);
    expect(rows.find((r) => r[0] === 'Nørrebro')).toEqual(['Nørrebro', 'Nej', 0, 0]);
    expect(rows.find((r) => r[0] === 'Alle bydele')).toEqual(['Alle bydele', 1, 2, 1]);
    const sb = wb.getWorksheet('Sikker By')!;
    expect(sb.getRow(1).values).toEqual([undefined, 'Bydel', 'Sigtede unge i bydelen', 'Heraf talt i byens tal (første sigtelse i perioden)']);
    for (let n = 2; n <= sb.rowCount; n++) for (const c of [2, 3]) expect(sb.getRow(n).getCell(c).type).toBe(ExcelJS.ValueType.Number);
  });

  it('every sheet: A4 portrait, one page wide, the header row (and on tables the district column) as print titles, page header and footer', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.orientation, ws.name).toBe('portrait');
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
      if (ws.name !== 'Om rapporten') expect(ws.pageSetup.printTitlesColumn, ws.name).toBe('A:A');
      expect(ws.headerFooter.oddFooter, ws.name).toContain('Side &P af &N');
    }
  });
});

describe('the XLSX printed by LibreOffice, all ten districts of a seeded vault', () => {
  let v: TestVault;
  let pages: string[];
  let info: { pages: number; width: number; height: number };
  let csvRows: string[][];
  let csvAsSheet: ExcelJS.Workbook;
  beforeAll(async () => {
    v = await createTestVault({ now: () => NOW });
    seedDemoData(v.ctx.vault.current.sqlite, { people: 300, seed: 16, today: '2026-08-15' });
    const long = Array.from({ length: 60 }, (_, i) => `Afsnit ${i + 1}: uro ved stationen om aftenen, flere unge i klubberne og et godt samarbejde med skolerne i området.`).join('\n');
    const options = await v.call<{ districts: { id: number; name: string }[] }>('report.options', {});
    await v.call('report.assessments.save', { period: PERIOD, districtId: options.districts[0]!.id, text: long });
    const xlsx = bytesOf(await v.call<ReportFileOutput>('report.export', { period: PERIOD, mode: 'anonymised', format: 'xlsx' }));
    const pdf = convertFileWithLibreOffice(xlsx, 'rapport.xlsx', 'pdf');
    pages = pdfPageTexts(pdf);
    info = pdfInfo(pdf);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(`${SHOTS}/report-xlsx-libreoffice.pdf`, pdf);
    pdfToPngs(pdf, `${SHOTS}/report-xlsx-page`);
    const csv = bytesOf(await v.call<ReportFileOutput>('report.export', { period: PERIOD, mode: 'anonymised', format: 'csv' }));
    csvRows = Papa.parse<string[]>(csv.toString('utf8').slice(1), { delimiter: ';' }).data;
    // LibreOffice opens the CSV as Danish Excel would (semicolons, UTF-8) and saves it as XLSX: what did it read?
    csvAsSheet = new ExcelJS.Workbook();
    const converted = convertFileWithLibreOffice(csv, 'rapport.csv', 'xlsx:Calc MS Excel 2007 XML', 'CSV:59,34,76,1');
    await csvAsSheet.xlsx.load(converted as unknown as ArrayBuffer);
  }, 240_000);
  afterAll(() => v.cleanup());

  it('every page is A4; the page count is one page per sheet plus the pages long tables need', () => {
    expect(Math.abs(info.width - A4.width)).toBeLessThan(1);
    expect(Math.abs(info.height - A4.height)).toBeLessThan(1);
    expect(pages.length).toBe(info.pages);
    // 12 sheets at least one page each (the two trend sheets hold at most 4 x 5 and 4 rows: one page each). Upper bound from the rows, at 40 rows a page (a page holds
    // about 47 rows of 15 points): per table rows = districts x categories + totals.
    const rows = [10 * 4 + 10 + 4 + 1, 10 * 7 + 10 + 7 + 1, 10 * 3 + 10 + 3 + 1, 11, 11, 3 * (10 * 5 + 10 + 5 + 1), 11, 3 * (10 * 5 + 10 + 5 + 1), 11, 11, 12];
    const bound = 1 + rows.reduce((n, r) => n + Math.ceil(r / 40), 0) + 2 + 6; // + the trend sheets, the long assessment (60 paragraphs) in Vurderinger and beside the unrest flags
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.length).toBeLessThanOrEqual(bound);
    // Before this change LibreOffice printed the same workbook on 28 Letter pages, columns split off.
  });

  it('the first page holds the facts; "Dannet" is a local date-time (15-08-2026 12:00)', () => {
    const first = pages[0]!;
    expect(first).toContain('Om rapporten');
    expect(first).toMatch(/Dannet \(dansk tid\)\s+15-08-2026 12:00/);
    expect(first).toMatch(/Periode\s+1\. halvår 2026 \(2026-H1\)/);
  });

  it('every other page holds its table title, every column header (fitted to the width) and the district column', () => {
    const districtOrAll = new RegExp(`^\\s*(${[...DEFAULT_DISTRICT_NAMES, 'Alle bydele'].map((d) => d.replace(/[/+]/g, '\\$&')).join('|')})\\b`, 'm');
    const seen = new Set<string>();
    for (const [i, page] of pages.slice(1).entries()) {
      const sheet = SHEETS.find((s) => page.includes(s.title));
      expect(sheet, `page ${i + 2}`).toBeDefined();
      seen.add(sheet!.title);
      for (const h of sheet!.headers) expect(page, `page ${i + 2}: ${h}`).toContain(h);
      expect(page, `page ${i + 2}`).toMatch(sheet!.byPeriod ? /^\s*[12]\. halvår \d{4} \(\d{4}-H[12]\)/m : districtOrAll);
      expect(page, `page ${i + 2}`).toMatch(/Side \d+ af \d+/);
      expect(page).toContain('SSP Amager Vest · Anonymiseret');
    }
    expect([...seen]).toEqual(SHEETS.map((s) => s.title));
  });

  it('a long assessment runs on over pages without being cut: every paragraph is printed, continued rows say so', () => {
    const all = pages.join('\n');
    for (const n of [1, 30, 60]) expect(all).toContain(`Afsnit ${n}:`);
    expect(all).toContain('Indre By (fortsat)');
  });

  it('CSV: "Dannet" on Copenhagen\'s clock, which LibreOffice reads as a date-time value', () => {
    expect(csvRows.find((r) => r[0] === 'Dannet (dansk tid)')?.[1]).toBe('2026-08-15 12:00:00');
    const ws = csvAsSheet.worksheets[0]!;
    const row = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Dannet (dansk tid)')!;
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(2).value as Date).toISOString()).toBe('2026-08-15T12:00:00.000Z');
    // Tryghed og uro: its block with the count of bydele med uro (none in the seeded vault) as a number.
    const header = csvRows.findIndex((r) => r[0] === 'Bydel' && r[1] === 'Bydel med uro');
    expect(header).toBeGreaterThan(0);
    expect(csvRows[header + 11]?.slice(0, 4)).toEqual(['Alle bydele', '0', '0', '0']);
    const uroRow = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Alle bydele' && r.getCell(2).value === 0 && r.getCell(5).value === null);
    expect(uroRow?.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    // Levels in the CSV are read as numbers too.
    const levelRow = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Indre By' && r.getCell(2).value === 1);
    expect(levelRow).toBeDefined();
  });
});
