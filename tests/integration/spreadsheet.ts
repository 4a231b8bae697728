/**
 * Sheets made by a real spreadsheet program: a test writes a flat ODF spreadsheet (.fods, plain
 * XML with typed cells: text, numbers, dates with Calc's Danish default format DD-MM-YY, merged
 * cells), and LibreOffice (headless, Debian's `libreoffice-calc-nogui`) saves it as XLSX or as
 * CSV the way Danish Excel users send it. Nothing in the files is written by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SheetCell =
  | string
  | number
  | null
  | { date: string }
  | { text: string; colSpan?: number; rowSpan?: number }
  | { covered: true };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(c: SheetCell): string {
  if (c === null) return '<table:table-cell/>';
  if (typeof c === 'number') return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
  if ('covered' in c) return '<table:covered-table-cell/>';
  if ('date' in c) return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
  const span = `${c.colSpan ? ` table:number-columns-spanned="${c.colSpan}"` : ''}${c.rowSpan ? ` table:number-rows-spanned="${c.rowSpan}"` : ''}`;
  return `<table:table-cell${span} office:value-type="string"><text:p>${esc(c.text)}</text:p></table:table-cell>`;
}

/** A flat ODF spreadsheet with one sheet; `blankRowsAfter` empty rows at the end (as a sheet in use has). */
export function fods(rows: readonly (readonly SheetCell[])[], blankRowsAfter = 0): string {
  const body = rows.map((r) => `<table:table-row>${r.map(cellXml).join('')}</table:table-row>`).join('\n');
  const blanks = blankRowsAfter ? `<table:table-row table:number-rows-repeated="${blankRowsAfter}"><table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p> </text:p></table:table-cell></table:table-row>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles><style:default-style style:family="table-cell"><style:text-properties fo:language="da" fo:country="DK"/></style:default-style></office:styles>
<office:automatic-styles>
<number:date-style style:name="N37" number:language="da" number:country="DK"><number:day number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:year/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N37"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Sager">
${body}
${blanks}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

export type Target = 'xlsx' | 'csv-windows-1252' | 'csv-utf8-bom' | 'csv-utf8';

const FILTERS: Record<Target, string> = {
  xlsx: 'xlsx',
  // Field separator 59 (;), text delimiter 34 ("), character set 1 (Windows-1252), from line 1.
  'csv-windows-1252': 'csv:Text - txt - csv (StarCalc):59,34,1,1',
  // Character set 76 (UTF-8).
  'csv-utf8-bom': 'csv:Text - txt - csv (StarCalc):59,34,76,1',
  'csv-utf8': 'csv:Text - txt - csv (StarCalc):59,34,76,1',
};

/** Let LibreOffice save the sheet as `target`; the file's bytes. Throws when soffice is missing (CI installs it). */
export function convertWithLibreOffice(fodsText: string, target: Target): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ssp-soffice-'));
  try {
    writeFileSync(join(dir, 'sager.fods'), fodsText);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', FILTERS[target], '--outdir', join(dir, 'out'), join(dir, 'sager.fods')], {
      env: { ...process.env, HOME: dir },
      timeout: 120_000,
      stdio: 'pipe',
    });
    const bytes = readFileSync(join(dir, 'out', target === 'xlsx' ? 'sager.xlsx' : 'sager.csv'));
    // "CSV UTF-8" as Excel saves it starts with a byte-order mark; LibreOffice 7.4 writes none, so it is added here.
    return target === 'csv-utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Let LibreOffice open a file (as a spreadsheet program would: an XLSX or a CSV) and save it in
 * another format, e.g. 'pdf' (calc_pdf_Export prints every sheet with the file's page setup).
 * `inFilter` reads a CSV as Danish Excel does: 'CSV:59,34,76,1' (semicolons, quotes, UTF-8, line 1).
 */
export function convertFileWithLibreOffice(bytes: Buffer, fileName: string, target: string, inFilter?: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ssp-soffice-'));
  try {
    writeFileSync(join(dir, fileName), bytes);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, ...(inFilter ? [`--infilter=${inFilter}`] : []), '--convert-to', target, '--outdir', join(dir, 'out'), join(dir, fileName)], {
      env: { ...process.env, HOME: dir },
      timeout: 180_000,
      stdio: 'pipe',
    });
    const ext = target.split(':')[0] as string;
    return readFileSync(join(dir, 'out', fileName.replace(/\.[^.]+$/, `.${ext}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF (poppler's pdftotext keeps the page layout; pages split at form feeds). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ssp-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'in.pdf'), '-'], { timeout: 60_000 }).toString('utf8');
    const pages = text.split('\f');
    if (pages[pages.length - 1]?.trim() === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF's page count and page size in points, from poppler's pdfinfo. */
export function pdfInfo(pdf: Buffer): { pages: number; width: number; height: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ssp-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(dir, 'in.pdf')], { timeout: 60_000 }).toString('utf8');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info);
    return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each page of a PDF as a PNG (poppler's pdftoppm) under `outPrefix`-N.png, to look at. */
export function pdfToPngs(pdf: Buffer, outPrefix: string, dpi = 60): void {
  const dir = mkdtempSync(join(tmpdir(), 'ssp-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), join(dir, 'in.pdf'), outPrefix], { timeout: 120_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
