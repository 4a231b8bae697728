/**
 * The import's reading of a sheet as a coordinator keeps it: which row is the header (title rows
 * above it skipped, a second header row joined), which column is which field (every spelling a
 * Danish user writes), and cell values as spreadsheets store them (CPR numbers that lost their
 * leading zero, dates in the forms Excel and Calc write, Excel serial numbers).
 * Pure functions: no database, no file access.
 */
import { parseCpr } from '../../shared/core/cpr';
import { compare, fromParts, isValidIsoDate, type IsoDate } from '../../shared/core/dates';
import { normalizeForSearch } from '../../shared/core/districts';
import type { Cell, SheetRow } from './import-read';

export const IMPORT_FIELDS = [
  'fornavn', 'efternavn', 'cpr', 'foedselsdato', 'koen', 'bydel', 'niveau',
  'oprettet', 'afsluttet', 'afslutningsaarsag', 'koordinator', 'sagsnummer',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['foedselsdato', 'oprettet', 'afsluttet']);
export const REQUIRED_FIELDS: readonly ImportField[] = ['fornavn', 'efternavn', 'bydel', 'niveau', 'oprettet'];

/** The header a Danish sheet would use for each field (the help and the sample file show these). */
export const DANISH_HEADERS: Readonly<Record<ImportField, string>> = {
  fornavn: 'Fornavn', efternavn: 'Efternavn', cpr: 'CPR-nr.', foedselsdato: 'Fødselsdato', koen: 'Køn', bydel: 'Bydel',
  niveau: 'Niveau', oprettet: 'Oprettet', afsluttet: 'Afsluttet', afslutningsaarsag: 'Afslutningsårsag', koordinator: 'Koordinator', sagsnummer: 'Sagsnummer',
};

/**
 * Header spellings, after headerKey(): lower case, æ/ø/å written as ae/oe/aa (so "Fødselsdato",
 * "Foedselsdato" and "Fodselsdato" meet), without spaces and punctuation, and without a hint in
 * brackets ("Fødselsdato (dd-mm-åååå)").
 */
const SPELLINGS: Readonly<Record<ImportField, readonly string[]>> = {
  fornavn: ['fornavn', 'fornavne', 'firstname', 'givenname'],
  efternavn: ['efternavn', 'efternavne', 'mellemogefternavn', 'lastname', 'surname', 'familienavn'],
  cpr: ['cpr', 'cprnr', 'cprnummer', 'cprno', 'personnummer', 'personnr', 'cprnrnummer'],
  foedselsdato: ['foedselsdato', 'fodselsdato', 'foedselsdag', 'fodselsdag', 'foedt', 'fodt', 'foedtden', 'birthdate', 'dateofbirth'],
  koen: ['koen', 'kon', 'koenmk', 'sex', 'gender'],
  bydel: ['bydel', 'bydele', 'omraade', 'omrade', 'bydelomraade', 'lokalomraade'],
  niveau: ['niveau', 'sspniveau', 'indsatsniveau', 'level', 'niv'],
  oprettet: ['oprettet', 'oprettelsesdato', 'opretdato', 'sagoprettet', 'startdato', 'start', 'opstart', 'opstartsdato', 'datoforoprettelse', 'oprettetden'],
  afsluttet: ['afsluttet', 'afslutningsdato', 'slutdato', 'sagafsluttet', 'lukket', 'afsluttetden', 'datoforafslutning'],
  afslutningsaarsag: ['afslutningsaarsag', 'afslutningsarsag', 'aarsag', 'arsag', 'aarsagtilafslutning', 'arsagtilafslutning', 'afslutningsgrund', 'grund'],
  koordinator: ['koordinator', 'sspkoordinator', 'ansvarligkoordinator', 'ansvarlig', 'kontaktperson'],
  sagsnummer: ['sagsnummer', 'sagsnr', 'sagsid', 'journalnummer', 'journalnr', 'jnr', 'refnr', 'reference', 'eksterntsagsnummer'],
};
const FIELD_BY_KEY = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((f) => SPELLINGS[f].map((k) => [k, f] as const)));

export function headerKey(text: string): string {
  return normalizeForSearch(text)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

export function fieldOfHeader(header: string): ImportField | null {
  const key = headerKey(header);
  return key === '' ? null : (FIELD_BY_KEY.get(key) ?? null);
}

// ---------------------------------------------------------------------------------------------
// The header row

export interface SheetColumn {
  index: number;
  /** The header text as in the sheet (rows of a two-row header joined with " / "); '' when blank. */
  header: string;
  /** The field this column fills, by its header; null when unknown or blank. */
  field: ImportField | null;
}
export interface HeaderFound {
  /** The sheet's line (row number) of the header; with two header rows, the last of them. */
  line: number;
  firstLine: number;
  columns: SheetColumn[];
  /** The rows under the header. */
  rows: SheetRow[];
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? '' : String(c).trim());
const knownFields = (row: SheetRow) => new Set(row.cells.map((c) => (typeof c === 'string' ? fieldOfHeader(c) : null)).filter((f) => f !== null)).size;
/** How many rows from the top are looked at for the header. */
const HEADER_SCAN_ROWS = 15;

/**
 * The header row: among the first rows, the one naming the most known fields (a title row
 * above it names none). A row right above or below that also names fields is a second header
 * row (e.g. "Koordinator" merged over two rows): its names fill the header row's blank cells.
 * With no row naming two fields, the first row is the header (the mapping step names the rest).
 */
export function findHeader(rows: readonly SheetRow[]): HeaderFound | null {
  if (rows.length === 0) return null;
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  let best = 0;
  let bestScore = -1;
  scan.forEach((r, i) => {
    const score = knownFields(r);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (bestScore < 2) best = 0;
  let first = best;
  let last = best;
  if (bestScore >= 2) {
    if (best > 0 && rows[best - 1]!.line === rows[best]!.line - 1 && knownFields(rows[best - 1]!) >= 1) first = best - 1;
    if (best + 1 < rows.length && rows[best + 1]!.line === rows[best]!.line + 1 && knownFields(rows[best + 1]!) >= 1) last = best + 1;
  }
  const block = rows.slice(first, last + 1);
  const width = Math.max(...block.map((r) => r.cells.length));
  const columns: SheetColumn[] = [];
  for (let i = 0; i < width; i++) {
    const texts = block.map((r) => text(r.cells[i])).filter((t) => t !== '');
    // The lowest cell naming a field decides; otherwise the texts joined, for the mapping step.
    const named = [...texts].reverse().find((t) => fieldOfHeader(t) !== null);
    columns.push({ index: i, header: named ?? texts.join(' / '), field: named ? fieldOfHeader(named) : null });
  }
  // A field named twice is reported by the import (never silently doubled or dropped).
  return { line: rows[last]!.line, firstLine: rows[first]!.line, columns, rows: rows.slice(last + 1) };
}

/** The spreadsheet column letter of a 0-based index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The key a mapping is remembered by: the header texts in order. */
export function headersKey(columns: readonly SheetColumn[]): string {
  return columns.map((c) => headerKey(c.header)).join('|');
}

// ---------------------------------------------------------------------------------------------
// Values

/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!(serial >= 1 && serial < 2_958_466)) return null;
  const d = new Date(Math.round((Math.floor(serial) - 25569) * 86_400_000));
  return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export type DateKind = 'birth' | 'case';

/**
 * A two-digit year: for a birth date the latest century that does not put it after today
 * (a child born in '09 is from 2009, a parent's '58 from 1958); for a case date always 20yy
 * (the programme has no cases from the 1900s; a future date is then refused as such).
 */
export function resolveTwoDigitYear(yy: number, month: number, day: number, kind: DateKind, today: IsoDate): number {
  if (kind === 'case') return 2000 + yy;
  const candidate = 2000 + yy;
  const iso = `${candidate}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return compare(iso, today) > 0 ? 1900 + yy : candidate;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{2}|\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/;
const DDMMYYYY = /^(\d{2})(\d{2})(\d{4})$/;

function partsToIso(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * A date as a coordinator's sheet holds it: ÅÅÅÅ-MM-DD; d-m-åå, dd-mm-åååå, dd.mm.åååå, dd/mm/åååå
 * (day first, as in Danish); ddmmåååå; an Excel serial number (a date cell saved as a number).
 */
export function parseDateText(value: string, kind: DateKind, today: IsoDate): IsoDate | null {
  const t = value.trim();
  let m = ISO.exec(t);
  if (m) return partsToIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(t);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = m[3]!.length === 2 ? resolveTwoDigitYear(Number(m[3]), month, day, kind, today) : Number(m[3]);
    return partsToIso(year, month, day);
  }
  m = DDMMYYYY.exec(t);
  if (m) return partsToIso(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{1,7}(?:[.,]\d+)?$/.test(t)) {
    const serial = Number(t.replace(',', '.'));
    // Serials of dates 1950-2100 only: a bare "12" is a mistake, not 12 January 1900.
    if (serial >= 18_264 && serial < 73_051) return excelSerialToIso(serial);
  }
  return null;
}

export interface CellValue {
  text: string;
  /** A Danish note for the row's report (e.g. the CPR number's lost leading zero put back). */
  note?: string;
}

export const CPR_ZERO_NOTE = 'CPR-nummeret havde mistet sit første ciffer (0), fordi regnearket gemte det som et tal; nullet er sat foran.';

/**
 * A cell as the text the validation reads. Date cells and Excel serials in date columns become
 * ÅÅÅÅ-MM-DD; a CPR number that lost its leading zero (the sheet stored it as a number, or a CSV
 * has a 9-digit run) gets it back when that gives a valid CPR date, with a note.
 */
export function cellValue(cell: Cell | undefined, field: ImportField, today: IsoDate): CellValue {
  if (cell === null || cell === undefined) return { text: '' };
  if (cell instanceof Date) {
    // Date cells come as UTC midnight; round to the nearest second against float noise.
    const d = new Date(Math.round(cell.getTime() / 1000) * 1000);
    const iso = fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    return { text: iso };
  }
  if (typeof cell === 'number') {
    if (field === 'cpr' && Number.isInteger(cell) && cell >= 0) return cprDigits(String(cell));
    if (DATE_FIELDS.has(field)) {
      const iso = excelSerialToIso(cell);
      if (iso) return { text: iso };
    }
    return { text: String(cell) };
  }
  const t = String(cell).trim();
  if (field === 'cpr' && /^\d{9}$/.test(t)) return cprDigits(t);
  if (DATE_FIELDS.has(field) && t !== '') {
    const iso = parseDateText(t, field === 'foedselsdato' ? 'birth' : 'case', today);
    if (iso) return { text: iso };
  }
  return { text: t };
}

function cprDigits(digits: string): CellValue {
  if (digits.length === 9) {
    const padded = `0${digits}`;
    if (parseCpr(padded).ok) return { text: padded, note: CPR_ZERO_NOTE };
  }
  return { text: digits };
}

/** "M"/"K", or the words a sheet may use; '' when empty; null when not understood. */
export function parseSex(value: string): 'M' | 'K' | '' | null {
  const k = headerKey(value);
  if (k === '') return '';
  if (['m', 'mand', 'dreng', 'han', 'maskulin'].includes(k)) return 'M';
  if (['k', 'kvinde', 'pige', 'hun', 'f', 'feminin'].includes(k)) return 'K';
  return null;
}
