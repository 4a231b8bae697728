/**
 * Import of cases from a CSV or XLSX file (one row = one young person with one case).
 *
 * All or nothing: every row is read and checked first, and every problem is reported with its
 * line (the header is line 1). Only a file without problems is written, in ONE transaction,
 * through the same service functions the app uses (insertCase -> insertPerson, closeCase), so
 * the same rules, history rows and audit entries apply. Reasons never quote a cell's value
 * (it could be a name or a CPR number in the wrong column): they name the column instead.
 */
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { districts } from './schema';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { parseCpr } from '../../shared/core/cpr';
import { compare, fromParts, isValidIsoDate, type IsoDate } from '../../shared/core/dates';
import { normalizeForSearch } from '../../shared/core/districts';
import { CLOSING_REASONS, parseClosingReason, type CaseLevel, type ClosingReason } from '../../shared/cases';
import type { PersonInput } from '../../shared/cases';
import { audit } from '../core/audit';
import { closeCase, insertCase } from './writes';
import type { ServiceCtx } from '../core/service-context';

export interface ImportError {
  line: number;
  reason: string;
}
export type ImportResult = { ok: true; imported: number } | { ok: false; errors: ImportError[] };

export const MAX_IMPORT_ROWS = 50_000;
/** More errors than this are summed up in one last entry: a list of 50,000 identical errors helps nobody. */
export const MAX_REPORTED_ERRORS = 1_000;
/** The level-history reason written on every imported case. */
export const IMPORT_REASON = 'Importeret';

const COLUMNS = [
  'fornavn', 'efternavn', 'cpr', 'foedselsdato', 'koen', 'bydel', 'niveau',
  'oprettet', 'afsluttet', 'afslutningsaarsag', 'koordinator', 'sagsnummer',
] as const;
type Column = (typeof COLUMNS)[number];
const DATE_COLUMNS: ReadonlySet<Column> = new Set(['foedselsdato', 'oprettet', 'afsluttet']);
const REQUIRED: readonly Column[] = ['fornavn', 'efternavn', 'bydel', 'niveau', 'oprettet'];

/** Spellings accepted in the header, after headerKey(): ø/æ/å written out, or typed without them. */
const ALIASES: Readonly<Record<string, Column>> = {
  cprnummer: 'cpr', cprnr: 'cpr', fodselsdato: 'foedselsdato', kon: 'koen',
  afslutningsarsag: 'afslutningsaarsag', sagsnr: 'sagsnummer',
};

function headerKey(text: string): string {
  return normalizeForSearch(text).replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[\s_.-]/g, '');
}

function columnOf(header: string): Column | null {
  const key = headerKey(header);
  return (COLUMNS as readonly string[]).includes(key) ? (key as Column) : (ALIASES[key] ?? null);
}

/** A cell as read from the file: CSV gives strings, XLSX also numbers, dates and booleans. */
type Cell = string | number | boolean | Date | null;
interface SheetRow {
  line: number;
  cells: Cell[];
  /** A problem found while reading the row (e.g. an unterminated quote), reported as is. */
  problem?: string;
}
interface Sheet {
  headerLine: number;
  header: string[];
  rows: SheetRow[];
}

class FileError extends Error {}

// ---------------------------------------------------------------------------------------------
// Reading CSV

/** UTF-8 with or without BOM; UTF-16 with BOM; else Windows-1252 (what Danish Excel writes by default as "CSV"). */
function decodeText(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return new TextDecoder('utf-8').decode(content.subarray(3));
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** The delimiter used most often outside quotes in the header line: semicolon, comma or tab. */
function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || String(c).trim() === '');

function readCsv(content: Buffer): Sheet {
  const text = decodeText(content).replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
  // Excel understands (and some exports write) a first line 'sep=;' naming the delimiter.
  const sepLine = /^sep=(.)$/i.exec(firstLine.trim());
  const delimiter = sepLine ? sepLine[1]! : detectDelimiter(firstLine);
  const records: SheetRow[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      const row: SheetRow = { line, cells: result.data };
      if (result.errors.length) row.problem = 'Rækken kan ikke læses: et felt med anførselstegn er ikke afsluttet korrekt.';
      records.push(row);
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  const nonEmpty = records.filter((r) => !isBlank(r.cells));
  if (sepLine) nonEmpty.shift();
  const head = nonEmpty.shift();
  if (!head) throw new FileError('Filen er tom.');
  return { headerLine: head.line, header: head.cells.map((c) => String(c ?? '')), rows: nonEmpty };
}

// ---------------------------------------------------------------------------------------------
// Reading XLSX

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

async function readXlsx(content: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new FileError('Filen kan ikke læses som et Excel-regneark (.xlsx). Gem den som .xlsx eller .csv, og prøv igen.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FileError('Regnearket har ingen ark.');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(plainCell(row.getCell(i).value));
    if (!isBlank(cells)) rows.push({ line: rowNumber, cells });
  });
  const head = rows.shift();
  if (!head) throw new FileError('Det første ark i regnearket er tomt.');
  return { headerLine: head.line, header: head.cells.map((c) => (c === null ? '' : String(c))), rows };
}

// ---------------------------------------------------------------------------------------------
// Cells to text

/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
function excelSerialToIso(serial: number): IsoDate {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function cellText(cell: Cell | undefined, column: Column): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    // exceljs gives date cells as UTC midnight; round to the nearest second against float noise.
    const d = new Date(Math.round(cell.getTime() / 1000) * 1000);
    return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  if (typeof cell === 'number') {
    // A CPR number typed as a number loses its leading zero (day 01-09): ten digits come back as nine.
    if (column === 'cpr' && Number.isInteger(cell) && cell >= 0 && cell < 1e10) return String(cell).padStart(10, '0');
    if (DATE_COLUMNS.has(column) && cell > 0 && cell < 2_958_466) return excelSerialToIso(cell);
    return String(cell);
  }
  return String(cell).trim();
}

const DMY = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

/** 'YYYY-MM-DD' (a time after it is ignored); 'DD-MM-YYYY', 'DD.MM.YYYY' and 'DD/MM/YYYY' too. */
function parseDate(text: string): IsoDate | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (iso) return isValidIsoDate(iso[1]) ? iso[1]! : null;
  const m = DMY.exec(text);
  if (!m) return null;
  const candidate = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(candidate) ? candidate : null;
}

// ---------------------------------------------------------------------------------------------
// Validation

interface RowPlan {
  line: number;
  person: PersonInput;
  level: CaseLevel;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
  closingReason: ClosingReason | null;
  coordinator: string | undefined;
  externalRef: string | undefined;
}

interface RowContext {
  today: IsoDate;
  districtByKey: Map<string, number>;
  districtNames: string[];
  cprInVault: (cpr: string) => boolean;
  cprFirstLine: Map<string, number>;
}

const CLOSING_LABELS = CLOSING_REASONS.map((r) => r.label).join(', ');

function validateRow(get: (c: Column) => string, line: number, ctx: RowContext): { plan?: RowPlan; reasons: string[] } {
  const reasons: string[] = [];
  const firstName = get('fornavn');
  const lastName = get('efternavn');
  if (!firstName) reasons.push('Fornavn mangler (kolonne fornavn).');
  else if (firstName.length > 80) reasons.push('Fornavnet er for langt (kolonne fornavn, højst 80 tegn).');
  if (!lastName) reasons.push('Efternavn mangler (kolonne efternavn).');
  else if (lastName.length > 80) reasons.push('Efternavnet er for langt (kolonne efternavn, højst 80 tegn).');

  // Date columns: the value, or null when empty or invalid (then the reason is recorded).
  const dateOf = (column: Column, label: string): IsoDate | null => {
    const text = get(column);
    if (!text) return null;
    const date = parseDate(text);
    if (!date) reasons.push(`Ugyldig dato i kolonnen ${column}: skriv den som ÅÅÅÅ-MM-DD.`);
    else if (compare(date, ctx.today) > 0) reasons.push(`${label} (kolonne ${column}) ligger i fremtiden.`);
    return date;
  };

  let cpr: string | undefined;
  let cprBirth: IsoDate | undefined;
  let cprSex: 'M' | 'K' | undefined;
  const rawCpr = get('cpr');
  if (rawCpr) {
    const parsed = parseCpr(rawCpr);
    if (!parsed.ok) {
      reasons.push(`Ugyldigt CPR-nummer (kolonne cpr): ${parsed.reason}`);
    } else {
      cpr = parsed.value.normalized;
      cprBirth = parsed.value.birthDate;
      cprSex = parsed.value.sex;
      const first = ctx.cprFirstLine.get(cpr);
      if (first !== undefined) reasons.push(`CPR-nummeret (kolonne cpr) står også i linje ${first}. Hver person kan kun importeres én gang.`);
      else ctx.cprFirstLine.set(cpr, line);
      if (ctx.cprInVault(cpr)) reasons.push('CPR-nummeret (kolonne cpr) findes allerede på en person i boksen. Fjern rækken, og opret sagen på den eksisterende person.');
      if (compare(cprBirth, ctx.today) > 0) reasons.push('Fødselsdatoen i CPR-nummeret (kolonne cpr) ligger i fremtiden.');
    }
  }
  const birthText = get('foedselsdato');
  let birthDate = dateOf('foedselsdato', 'Fødselsdatoen');
  if (!rawCpr && !birthText) reasons.push('Fødselsdato mangler (kolonne foedselsdato): den skal udfyldes, når der ikke er et CPR-nummer.');
  if (birthDate && cprBirth && birthDate !== cprBirth) reasons.push('Fødselsdatoen (kolonne foedselsdato) passer ikke med CPR-nummeret.');
  birthDate = cprBirth ?? birthDate;

  let sex: 'M' | 'K' | undefined;
  const sexText = get('koen').toUpperCase();
  if (sexText === 'M' || sexText === 'K') {
    if (cprSex && cprSex !== sexText) reasons.push('Kønnet (kolonne koen) passer ikke med CPR-nummeret. Lad feltet stå tomt, så bruges kønnet fra CPR-nummeret.');
    else if (!cprSex) sex = sexText;
  } else if (sexText !== '') {
    reasons.push('Ugyldigt køn i kolonnen koen: skriv M, K eller lad feltet stå tomt.');
  }

  let districtId: number | undefined;
  const districtText = get('bydel');
  if (!districtText) reasons.push('Bydel mangler (kolonne bydel).');
  else {
    districtId = ctx.districtByKey.get(normalizeForSearch(districtText));
    if (districtId === undefined) reasons.push(`Ukendt bydel i kolonnen bydel. Brug et af boksens bydelsnavne: ${ctx.districtNames.join(', ')}.`);
  }

  const levelText = get('niveau');
  const level = /^[1-4]$/.test(levelText) ? (Number(levelText) as CaseLevel) : null;
  if (!levelText) reasons.push('Niveau mangler (kolonne niveau).');
  else if (level === null) reasons.push('Ugyldigt niveau i kolonnen niveau: skriv 1, 2, 3 eller 4.');

  const openedOn = dateOf('oprettet', 'Oprettelsesdatoen');
  if (!get('oprettet')) reasons.push('Oprettelsesdato mangler (kolonne oprettet).');
  if (openedOn && birthDate && compare(openedOn, birthDate) < 0) reasons.push('Oprettelsesdatoen (kolonne oprettet) ligger før fødselsdatoen.');

  const closedOn = dateOf('afsluttet', 'Afslutningsdatoen');
  if (closedOn && openedOn && compare(closedOn, openedOn) < 0) reasons.push('Afslutningsdatoen (kolonne afsluttet) ligger før oprettelsesdatoen (kolonne oprettet).');
  const reasonText = get('afslutningsaarsag');
  const closingReason = reasonText ? parseClosingReason(reasonText) : null;
  if (reasonText && !closingReason) reasons.push(`Ukendt afslutningsårsag i kolonnen afslutningsaarsag. Brug en af: ${CLOSING_LABELS}.`);
  if (get('afsluttet') && !reasonText) reasons.push('Afslutningsårsag mangler (kolonne afslutningsaarsag): den skal udfyldes, når sagen er afsluttet.');
  if (reasonText && !get('afsluttet')) reasons.push('Der er en afslutningsårsag, men ingen dato i kolonnen afsluttet.');

  const coordinator = get('koordinator') || undefined;
  if (coordinator && coordinator.length > 120) reasons.push('Koordinatorens navn er for langt (kolonne koordinator, højst 120 tegn).');
  const externalRef = get('sagsnummer') || undefined;
  if (externalRef && externalRef.length > 60) reasons.push('Sagsnummeret er for langt (kolonne sagsnummer, højst 60 tegn).');

  if (reasons.length || !level || !openedOn || !birthDate) return { reasons };
  const person: PersonInput = { firstName, lastName, birthDate, districtId, contacts: [] };
  if (cpr) person.cpr = cpr;
  if (sex) person.sex = sex;
  return { reasons, plan: { line, person, level, openedOn, closedOn, closingReason, coordinator, externalRef } };
}

function headerErrors(header: string[], line: number): { errors: ImportError[]; index: Map<Column, number> } {
  const index = new Map<Column, number>();
  const errors: ImportError[] = [];
  header.forEach((h, i) => {
    const column = columnOf(h);
    if (!column) return; // Other columns (notes, ids from another system) are ignored.
    if (index.has(column)) errors.push({ line, reason: `Kolonnen ${column} står mere end én gang i overskriftslinjen.` });
    else index.set(column, i);
  });
  const missing: string[] = REQUIRED.filter((c) => !index.has(c));
  if (!index.has('cpr') && !index.has('foedselsdato')) missing.push('cpr eller foedselsdato');
  if (missing.length) {
    errors.unshift({
      line,
      reason: `Overskriftslinjen mangler ${missing.length === 1 ? 'kolonnen' : 'kolonnerne'} ${missing.join(', ')}. Påkrævet: fornavn, efternavn, cpr eller foedselsdato, bydel, niveau, oprettet.`,
    });
  }
  return { errors, index };
}

function capErrors(errors: ImportError[]): ImportError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const rest = errors.slice(MAX_REPORTED_ERRORS);
  const lines = new Set(rest.map((e) => e.line)).size;
  return [
    ...errors.slice(0, MAX_REPORTED_ERRORS),
    { line: rest[0]!.line, reason: `... og ${rest.length} fejl mere i ${lines} ${lines === 1 ? 'række' : 'rækker'}. Ret de første, og prøv igen.` },
  ];
}

function fieldLabel(field: string): string {
  const names: Record<string, string> = { cpr: 'cpr', birthDate: 'foedselsdato', openedOn: 'oprettet', closedOn: 'afsluttet', firstName: 'fornavn', lastName: 'efternavn' };
  return names[field] ?? field;
}

function describeAppError(e: AppError): string {
  const fields = Object.entries(e.fields ?? {}).map(([k, v]) => `kolonne ${fieldLabel(k)}: ${v}`);
  return fields.length ? `${e.message} (${fields.join('; ')})` : e.message;
}

class Rollback extends Error {}

// ---------------------------------------------------------------------------------------------

/** Import cases from a CSV or XLSX file: every row checked first, then all written in one transaction, or nothing. */
export async function importCasesFile(s: ServiceCtx, input: { format: 'csv' | 'xlsx'; content: Buffer }): Promise<ImportResult> {
  let sheet: Sheet;
  try {
    sheet = input.format === 'xlsx' ? await readXlsx(input.content) : readCsv(input.content);
  } catch (e) {
    if (e instanceof FileError) return { ok: false, errors: [{ line: 1, reason: e.message }] };
    throw e;
  }
  const { errors, index } = headerErrors(sheet.header, sheet.headerLine);
  if (errors.length) return { ok: false, errors };
  if (sheet.rows.length === 0) return { ok: false, errors: [{ line: sheet.headerLine, reason: 'Filen har ingen rækker med sager under overskriftslinjen.' }] };
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      errors: [{ line: sheet.rows[MAX_IMPORT_ROWS]!.line, reason: `Filen har ${sheet.rows.length} rækker. Der kan højst importeres ${MAX_IMPORT_ROWS} ad gangen: del filen op.` }],
    };
  }

  const districtRows = s.db.select({ id: districts.id, name: districts.name }).from(districts).all();
  const cprLookup = s.sqlite.prepare('SELECT 1 FROM people WHERE cpr = ?').pluck();
  const ctx: RowContext = {
    today: s.today,
    districtByKey: new Map(districtRows.map((d) => [normalizeForSearch(d.name), d.id])),
    districtNames: districtRows.map((d) => d.name),
    cprInVault: (cpr) => cprLookup.get(cpr) !== undefined,
    cprFirstLine: new Map(),
  };
  const plans: RowPlan[] = [];
  const rowErrors: ImportError[] = [];
  for (const row of sheet.rows) {
    if (row.problem) {
      rowErrors.push({ line: row.line, reason: row.problem });
      continue;
    }
    if (input.format === 'csv' && row.cells.slice(sheet.header.length).some((c) => String(c ?? '').trim() !== '')) {
      rowErrors.push({ line: row.line, reason: 'Rækken har flere felter end overskriftslinjen. Tjek, at tekst med komma eller semikolon står i anførselstegn.' });
      continue;
    }
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : cellText(row.cells[i], c);
    };
    const { plan, reasons } = validateRow(get, row.line, ctx);
    for (const reason of reasons) rowErrors.push({ line: row.line, reason });
    if (plan) plans.push(plan);
  }
  if (rowErrors.length) return { ok: false, errors: capErrors(rowErrors) };

  // Oldest first, so case numbers (YYYY-NNNNN per opening year) follow the opening dates.
  plans.sort((a, b) => compare(a.openedOn, b.openedOn) || a.line - b.line);
  const failures: ImportError[] = [];
  try {
    s.db.transaction((tx) => {
      for (const p of plans) {
        try {
          insertPlan(s, tx, p);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          failures.push({ line: p.line, reason: describeAppError(e) });
          throw new Rollback();
        }
      }
      audit(tx, { at: s.now, actor: s.actor, action: 'import', entity: 'case', detail: `rows:${plans.length}` });
    });
  } catch (e) {
    if (e instanceof Rollback) return { ok: false, errors: failures };
    throw e;
  }
  return { ok: true, imported: plans.length };
}

function insertPlan(s: ServiceCtx, tx: DbOrTx, p: RowPlan): void {
  const caseId = insertCase(s, tx, {
    person: p.person,
    level: p.level,
    reason: IMPORT_REASON,
    openedOn: p.openedOn,
    ...(p.coordinator ? { coordinator: p.coordinator } : {}),
    ...(p.externalRef ? { externalRef: p.externalRef } : {}),
  });
  if (p.closedOn && p.closingReason) closeCase(s, { caseId, closedOn: p.closedOn, reason: p.closingReason }, tx);
}

