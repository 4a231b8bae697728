/**
 * Reading an import file into rows of cells, bounded. Runs inside the import worker thread
 * (import-worker.ts), so it imports only libraries, never other app modules (the worker is its
 * own bundle).
 *
 * Bounds, all checked while reading, never after the whole file is in memory:
 * - XLSX: the ZIP's central directory is read first (yauzl) and the declared unpacked sizes of
 *   the parts are checked before anything is unpacked; then the first sheet is streamed row by
 *   row (exceljs's streaming reader) and reading stops at the row limit.
 * - CSV: the bytes are decoded line by line (UTF-8 or Windows-1252, never both: a file that mixes
 *   them is refused with the lines named), blank lines are skipped without being kept, and
 *   parsing stops at the row limit.
 * Merged cells: the streaming reader gives a merged cell's value once (in its first cell), the
 * covered cells stay empty, so a merged header is one header.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/** A cell as read from the file: CSV gives strings, XLSX also numbers, dates and booleans. */
export type Cell = string | number | boolean | Date | null;
export interface SheetRow {
  line: number;
  cells: Cell[];
  /** A problem found while reading the row (e.g. an unterminated quote), reported as is. */
  problem?: string;
}
export interface ReadLimits {
  /** Non-blank rows kept; one more than this means "too many" (the reader stops there). */
  maxRows: number;
  /** Cells kept per row; a row with more is flagged. */
  maxCells: number;
}
export type ReadResult =
  | { ok: true; rows: SheetRow[]; truncated: boolean; encoding?: 'utf-8' | 'windows-1252' | 'utf-16' }
  | { ok: false; line: number; reason: string };

/** Unpacked sizes an XLSX may declare (a 50,000-row case list written by Excel or LibreOffice is about 25-45 MiB of sheet XML). */
export const XLSX_LIMITS = {
  maxEntries: 2_000,
  maxSheetBytes: 80 * 1024 * 1024,
  maxSharedStringsBytes: 40 * 1024 * 1024,
  maxOtherPartBytes: 8 * 1024 * 1024,
  maxTotalBytes: 160 * 1024 * 1024,
} as const;

class ReadError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const NOT_XLSX = 'Filen kan ikke læses som et Excel-regneark (.xlsx). Gem den som .xlsx eller .csv, og prøv igen.';

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || c === undefined || String(c).trim() === '');

// ---------------------------------------------------------------------------------------------
// CSV

/** Where each line starts (byte offsets), and which are valid UTF-8 with non-ASCII, which are not UTF-8. */
function utf8Lines(bytes: Uint8Array): { firstUtf8Line: number; firstOtherLine: number } {
  let line = 1;
  let firstUtf8Line = 0;
  let firstOtherLine = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      i++;
      continue;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    // A multi-byte UTF-8 sequence?
    let len = 0;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    let valid = len > 0 && i + len <= n;
    for (let k = 1; valid && k < len; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (valid) {
      if (!firstUtf8Line) firstUtf8Line = line;
      i += len;
    } else {
      if (!firstOtherLine) firstOtherLine = line;
      i++;
    }
    if (firstUtf8Line && firstOtherLine) break;
  }
  return { firstUtf8Line, firstOtherLine };
}

/**
 * UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 (what Danish Excel writes as "CSV").
 * A file with both valid UTF-8 letters and bytes that are not UTF-8 was put together from two
 * sources: refused, naming a line of each kind, rather than imported with garbled letters.
 */
export function decodeCsv(content: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16' } {
  if (content[0] === 0xff && content[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(content.subarray(2)), encoding: 'utf-16' };
  if (content[0] === 0xfe && content[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(content.subarray(2)), encoding: 'utf-16' };
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  const body = bom ? content.subarray(3) : content;
  const { firstUtf8Line, firstOtherLine } = utf8Lines(body);
  if (firstOtherLine && (firstUtf8Line || bom)) {
    const utf8Line = firstUtf8Line || 1;
    throw new ReadError(
      firstOtherLine,
      `Filen blander to tegnsæt: linje ${utf8Line} er gemt som UTF-8, men linje ${firstOtherLine} som Windows-1252 (æ, ø og å ville blive forkerte). Gem hele filen igen med ét tegnsæt, fx "CSV UTF-8", og prøv igen.`,
    );
  }
  if (firstOtherLine) return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
}

/** The delimiter used most often outside quotes in a line: semicolon, comma or tab. */
function detectDelimiter(line: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** The first line with a delimiter in it among the first non-blank lines (a title line has none). */
function delimiterOf(text: string): { delimiter: string; sepLine: boolean } {
  let start = 0;
  let seen = 0;
  let first: string | undefined;
  while (start < text.length && seen < 30) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 10_000));
    start = end + 1;
    if (line.trim() === '') continue;
    seen++;
    const sep = /^sep=(.)$/i.exec(line.trim());
    if (sep && seen === 1) return { delimiter: sep[1]!, sepLine: true };
    first ??= line;
    if (/[;,\t]/.test(line.replace(/"[^"]*"/g, ''))) {
      const d = detectDelimiter(line);
      // A title line such as "Sagsliste, Nørrebro" has one comma; a header row has many separators.
      if (line.split(d).length >= 3) return { delimiter: d, sepLine: false };
    }
  }
  return { delimiter: detectDelimiter(first ?? ''), sepLine: false };
}

export function readCsv(content: Uint8Array, limits: ReadLimits): ReadResult {
  const { text: decoded, encoding } = decodeCsv(content);
  // Line ends as the file has them: CRLF (Windows), LF, or (old Mac files) CR alone. No
  // replace over the whole text: on 10 million blank lines that alone needs hundreds of MB.
  const firstLf = decoded.indexOf('\n');
  const text = firstLf < 0 && decoded.includes('\r') ? decoded.replace(/\r/g, '\n') : decoded;
  const newline = firstLf > 0 && text[firstLf - 1] === '\r' ? '\r\n' : '\n';
  const { delimiter, sepLine } = delimiterOf(text);
  const rows: SheetRow[] = [];
  let start = 0;
  let line = 1;
  let truncated = false;
  let skipSep = sepLine;
  const parser = Papa.parse<string[]>(text, {
    delimiter,
    newline,
    skipEmptyLines: false,
    // Not fast mode: that splits the whole text into an array of lines first (10 million blank lines, 80 MB).
    fastMode: false,
    step: (result, p) => {
      const end = result.meta.cursor;
      const cells = result.data;
      if (!isBlank(cells)) {
        if (skipSep) skipSep = false;
        else if (rows.length >= limits.maxRows) {
          truncated = true;
          p.abort();
          return;
        } else {
          const row: SheetRow = { line, cells: cells.length > limits.maxCells ? cells.slice(0, limits.maxCells) : cells };
          if (result.errors.length) row.problem = 'Rækken kan ikke læses: et felt med anførselstegn er ikke afsluttet korrekt.';
          if (cells.length > limits.maxCells) row.problem = `Rækken har mere end ${limits.maxCells} felter.`;
          rows.push(row);
        }
      }
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  void parser;
  return { ok: true, rows, truncated, encoding };
}

// ---------------------------------------------------------------------------------------------
// XLSX

interface ZipEntryInfo {
  name: string;
  size: number;
}

/** The ZIP's central directory: every part's name and declared unpacked size, nothing unpacked. */
function zipEntries(content: Buffer): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new ReadError(1, NOT_XLSX));
      const entries: ZipEntryInfo[] = [];
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, size: entry.uncompressedSize });
        total += entry.uncompressedSize;
        if (entries.length > XLSX_LIMITS.maxEntries || total > XLSX_LIMITS.maxTotalBytes) {
          zip.close();
          return reject(new ReadError(1, tooBig()));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', () => reject(new ReadError(1, NOT_XLSX)));
      zip.readEntry();
    });
  });
}

const tooBig = () =>
  'Regnearket er for stort til at blive importeret (udpakket fylder det mere, end en sagsliste kan). Tjek, at det kun indeholder sagslisten, og prøv igen.';

function checkSizes(entries: ZipEntryInfo[]): void {
  if (!entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))) throw new ReadError(1, NOT_XLSX);
  for (const e of entries) {
    const limit = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)
      ? XLSX_LIMITS.maxSheetBytes
      : /^xl\/sharedStrings\.xml$/i.test(e.name)
        ? XLSX_LIMITS.maxSharedStringsBytes
        : XLSX_LIMITS.maxOtherPartBytes;
    if (e.size > limit) throw new ReadError(1, tooBig());
  }
}

function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return null;
}

export async function readXlsx(content: Buffer, limits: ReadLimits): Promise<ReadResult> {
  checkSizes(await zipEntries(content));
  // Loaded only for an XLSX: a CSV import does not pay for it.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const rows: SheetRow[] = [];
  let truncated = false;
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      if (sheets > 1) break; // Only the first sheet is read.
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        if (values.length - 1 > limits.maxCells) {
          if (rows.length >= limits.maxRows) {
            truncated = true;
            break;
          }
          rows.push({ line: row.number, cells: [], problem: `Rækken har mere end ${limits.maxCells} felter.` });
          continue;
        }
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        if (isBlank(cells)) continue;
        if (rows.length >= limits.maxRows) {
          truncated = true;
          break;
        }
        rows.push({ line: row.number, cells });
      }
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(1, NOT_XLSX);
  }
  if (sheets === 0) throw new ReadError(1, 'Regnearket har ingen ark.');
  return { ok: true, rows, truncated };
}

/** Read a CSV or XLSX file's first sheet as rows of cells, within the limits. */
export async function readSheetFile(format: 'csv' | 'xlsx', content: Buffer, limits: ReadLimits): Promise<ReadResult> {
  try {
    return format === 'xlsx' ? await readXlsx(content, limits) : readCsv(content, limits);
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, line: e.line, reason: e.message };
    throw e;
  }
}
