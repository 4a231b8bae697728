/**
 * Import of cases from a CSV or XLSX file (one row = one young person with one case).
 *
 * The file is read in a worker thread, bounded (import-run.ts, import-read.ts); the header row is
 * found wherever it is, and the columns mapped to fields by their Danish headers, by a mapping
 * the user chose (remembered for the next file with the same headers) or given to the CLI
 * (import-values.ts). Every row is checked first, and every problem is reported with its line
 * (the sheet's row number) and the field it concerns, so the import screen can offer the cell for
 * fixing; fixes come back as `fixes` and replace the cell. Only then is anything written, in ONE
 * transaction, through the same service functions the app uses (insertCase -> insertPerson,
 * closeCase), so the same rules, history rows and audit entries apply. Nothing is ever half
 * imported: either every row goes in, or (chosen explicitly with `goodRowsOnly`) every good row
 * goes in and the bad ones come back as a CSV with a reason column.
 * People already in the vault (same CPR number, or same name and birth date) are duplicates: the
 * row is linked to the existing person or skipped, as the user decides; undecided is an error.
 * Reasons never quote a cell's value (it could be a name or a CPR number in the wrong column):
 * they name the column instead.
 */
import { eq } from 'drizzle-orm';
import { districts, importMappings } from './schema';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { maskCpr, parseCpr } from '../../shared/core/cpr';
import { compare, type IsoDate } from '../../shared/core/dates';
import { normalizeForSearch } from '../../shared/core/districts';
import { fullName } from '../../shared/core/names';
import { csvFile, csvLine } from '../../shared/core/csv';
import { CLOSING_REASONS, parseClosingReason, type CaseLevel, type ClosingReason } from '../../shared/cases';
import type { PersonInput } from '../../shared/cases';
import { audit } from '../core/audit';
import { closeCase, insertCase } from './writes';
import type { ServiceCtx } from '../core/service-context';
import { readInWorker } from './import-run';
import type { Cell, SheetRow } from './import-read';
import {
  cellValue, columnLetter, DANISH_HEADERS, findHeader, headersKey, IMPORT_FIELDS, parseSex, REQUIRED_FIELDS,
  type ImportField, type SheetColumn,
} from './import-values';

export { IMPORT_FIELDS, DANISH_HEADERS, headerKey, type ImportField } from './import-values';

export interface ImportError {
  line: number;
  reason: string;
  /** The field (column) the problem is in, when it is one cell's problem. */
  field?: ImportField;
}
export interface ImportNote {
  line: number;
  field: ImportField;
  note: string;
}
export interface MappingEntry {
  column: number;
  field: ImportField | 'ignore';
}
export interface ImportRequest {
  format: 'csv' | 'xlsx';
  content: Buffer;
  /** Columns to fields; columns left out keep the field their header gives. */
  mapping?: readonly MappingEntry[];
  /** Cells corrected in the import screen: the value replaces the file's cell. */
  fixes?: readonly { line: number; field: ImportField; value: string }[];
  /** What to do with a row whose person is already in the vault. */
  duplicates?: readonly { line: number; action: 'link' | 'skip' }[];
  /** Import the good rows and give back the bad ones, instead of nothing when a row is bad. */
  goodRowsOnly?: boolean;
}
export interface ImportColumn {
  index: number;
  letter: string;
  header: string;
  field: ImportField | null;
}
export interface DuplicatePerson {
  line: number;
  personId: number;
  match: 'cpr' | 'name-birth';
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  cpr: string | null;
}
export interface PreviewRow {
  line: number;
  values: Partial<Record<ImportField, string>>;
}
export interface ImportPreview {
  ok: boolean;
  headerLine: number;
  headerFirstLine: number;
  columns: ImportColumn[];
  mappingSource: 'auto' | 'remembered' | 'given';
  /** Required fields no column gives. */
  missing: ImportField[];
  /** Columns with a header that names no field (left out unless mapped). */
  unknown: number[];
  rowCount: number;
  /** The first rows as they would be stored. */
  preview: PreviewRow[];
  errors: ImportError[];
  notes: ImportNote[];
  duplicates: DuplicatePerson[];
  /** The cells of every bad row (as read, fixes applied), for fixing in place. */
  badRows: PreviewRow[];
}
export type ImportResult =
  | { ok: true; imported: number; linked: number; skipped: number; headerLine: number; notes: ImportNote[]; rejected?: { rows: number; fileName: string; csv: string } }
  | { ok: false; errors: ImportError[] };

export const MAX_IMPORT_ROWS = 50_000;
/** More errors than this are summed up in one last entry: a list of 50,000 identical errors helps nobody. */
export const MAX_REPORTED_ERRORS = 1_000;
/** The level-history reason written on every imported case. */
export const IMPORT_REASON = 'Importeret';
const PREVIEW_ROWS = 5;
const MAX_CELLS = 256;

// ---------------------------------------------------------------------------------------------
// Validation

interface RowPlan {
  line: number;
  person: PersonInput;
  personId?: number;
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
  cprFirstLine: Map<string, number>;
}

const CLOSING_LABELS = CLOSING_REASONS.map((r) => r.label).join(', ');
const DATE_FORMS = 'DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ, D-M-ÅÅ, DDMMÅÅÅÅ eller ÅÅÅÅ-MM-DD';

type Reasons = ImportError[];

function validateRow(get: (c: ImportField) => string, line: number, ctx: RowContext): { plan?: RowPlan; reasons: Reasons } {
  const reasons: Reasons = [];
  const add = (field: ImportField | undefined, reason: string) => reasons.push(field ? { line, field, reason } : { line, reason });
  const firstName = get('fornavn');
  const lastName = get('efternavn');
  if (!firstName) add('fornavn', 'Fornavn mangler (kolonne fornavn).');
  else if (firstName.length > 80) add('fornavn', 'Fornavnet er for langt (kolonne fornavn, højst 80 tegn).');
  if (!lastName) add('efternavn', 'Efternavn mangler (kolonne efternavn).');
  else if (lastName.length > 80) add('efternavn', 'Efternavnet er for langt (kolonne efternavn, højst 80 tegn).');

  // Date columns arrive as ÅÅÅÅ-MM-DD when readable (import-values cellValue); else the reason.
  const dateOf = (column: ImportField, label: string): IsoDate | null => {
    const text = get(column);
    if (!text) return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
    if (!date) add(column, `Ugyldig dato i kolonnen ${column}: skriv den som ${DATE_FORMS}.`);
    else if (compare(date, ctx.today) > 0) add(column, `${label} (kolonne ${column}) ligger i fremtiden.`);
    return date;
  };

  let cpr: string | undefined;
  let cprBirth: IsoDate | undefined;
  let cprSex: 'M' | 'K' | undefined;
  const rawCpr = get('cpr');
  if (rawCpr) {
    const parsed = parseCpr(rawCpr);
    if (!parsed.ok) {
      const hint = /^\d{9}$/.test(rawCpr) ? ' Der er kun 9 cifre: hvis regnearket har fjernet et foranstillet 0, giver det ikke en gyldig dato.' : '';
      add('cpr', `Ugyldigt CPR-nummer (kolonne cpr): ${parsed.reason}${hint}`);
    } else {
      cpr = parsed.value.normalized;
      cprBirth = parsed.value.birthDate;
      cprSex = parsed.value.sex;
      const first = ctx.cprFirstLine.get(cpr);
      if (first !== undefined) add('cpr', `CPR-nummeret (kolonne cpr) står også i linje ${first}. Hver person kan kun importeres én gang.`);
      else ctx.cprFirstLine.set(cpr, line);
      if (compare(cprBirth, ctx.today) > 0) add('cpr', 'Fødselsdatoen i CPR-nummeret (kolonne cpr) ligger i fremtiden.');
    }
  }
  const birthText = get('foedselsdato');
  let birthDate = dateOf('foedselsdato', 'Fødselsdatoen');
  if (!rawCpr && !birthText) add('foedselsdato', 'Fødselsdato mangler (kolonne foedselsdato): den skal udfyldes, når der ikke er et CPR-nummer.');
  if (birthDate && cprBirth && birthDate !== cprBirth) add('foedselsdato', 'Fødselsdatoen (kolonne foedselsdato) passer ikke med CPR-nummeret.');
  birthDate = cprBirth ?? birthDate;

  let sex: 'M' | 'K' | undefined;
  const sexValue = parseSex(get('koen'));
  if (sexValue === 'M' || sexValue === 'K') {
    if (cprSex && cprSex !== sexValue) add('koen', 'Kønnet (kolonne koen) passer ikke med CPR-nummeret. Lad feltet stå tomt, så bruges kønnet fra CPR-nummeret.');
    else if (!cprSex) sex = sexValue;
  } else if (sexValue === null) {
    add('koen', 'Ugyldigt køn i kolonnen koen: skriv M, K eller lad feltet stå tomt.');
  }

  let districtId: number | undefined;
  const districtText = get('bydel');
  if (!districtText) add('bydel', 'Bydel mangler (kolonne bydel).');
  else {
    districtId = ctx.districtByKey.get(normalizeForSearch(districtText));
    if (districtId === undefined) add('bydel', `Ukendt bydel i kolonnen bydel. Brug et af boksens bydelsnavne: ${ctx.districtNames.join(', ')}.`);
  }

  const levelText = get('niveau');
  const level = /^[1-4]$/.test(levelText) ? (Number(levelText) as CaseLevel) : null;
  if (!levelText) add('niveau', 'Niveau mangler (kolonne niveau).');
  else if (level === null) add('niveau', 'Ugyldigt niveau i kolonnen niveau: skriv 1, 2, 3 eller 4.');

  const openedOn = dateOf('oprettet', 'Oprettelsesdatoen');
  if (!get('oprettet')) add('oprettet', 'Oprettelsesdato mangler (kolonne oprettet).');
  if (openedOn && birthDate && compare(openedOn, birthDate) < 0) add('oprettet', 'Oprettelsesdatoen (kolonne oprettet) ligger før fødselsdatoen.');

  const closedOn = dateOf('afsluttet', 'Afslutningsdatoen');
  if (closedOn && openedOn && compare(closedOn, openedOn) < 0) add('afsluttet', 'Afslutningsdatoen (kolonne afsluttet) ligger før oprettelsesdatoen (kolonne oprettet).');
  const reasonText = get('afslutningsaarsag');
  const closingReason = reasonText ? parseClosingReason(reasonText) : null;
  if (reasonText && !closingReason) add('afslutningsaarsag', `Ukendt afslutningsårsag i kolonnen afslutningsaarsag. Brug en af: ${CLOSING_LABELS}.`);
  if (get('afsluttet') && !reasonText) add('afslutningsaarsag', 'Afslutningsårsag mangler (kolonne afslutningsaarsag): den skal udfyldes, når sagen er afsluttet.');
  if (reasonText && !get('afsluttet')) add('afsluttet', 'Der er en afslutningsårsag, men ingen dato i kolonnen afsluttet.');

  const coordinator = get('koordinator') || undefined;
  if (coordinator && coordinator.length > 120) add('koordinator', 'Koordinatorens navn er for langt (kolonne koordinator, højst 120 tegn).');
  const externalRef = get('sagsnummer') || undefined;
  if (externalRef && externalRef.length > 60) add('sagsnummer', 'Sagsnummeret er for langt (kolonne sagsnummer, højst 60 tegn).');

  if (reasons.length || !level || !openedOn || !birthDate) return { reasons };
  const person: PersonInput = { firstName, lastName, birthDate, districtId, contacts: [] };
  if (cpr) person.cpr = cpr;
  if (sex) person.sex = sex;
  return { reasons, plan: { line, person, level, openedOn, closedOn, closingReason, coordinator, externalRef } };
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
// Mapping

function applyMapping(columns: SheetColumn[], mapping: readonly MappingEntry[] | undefined): SheetColumn[] {
  if (!mapping) return columns;
  const byColumn = new Map(mapping.map((m) => [m.column, m.field]));
  return columns.map((c) => {
    const f = byColumn.get(c.index);
    return f === undefined ? c : { ...c, field: f === 'ignore' ? null : f };
  });
}

function rememberedMapping(s: ServiceCtx, key: string): MappingEntry[] | undefined {
  const row = s.db.select({ mapping: importMappings.mapping }).from(importMappings).where(eq(importMappings.headersKey, key)).get();
  if (!row) return undefined;
  try {
    const parsed = JSON.parse(row.mapping) as unknown;
    if (!Array.isArray(parsed)) return undefined;
    return parsed.filter(
      (m): m is MappingEntry => typeof m === 'object' && m !== null && Number.isInteger(m.column) && (m.field === 'ignore' || (IMPORT_FIELDS as readonly string[]).includes(m.field)),
    );
  } catch {
    return undefined;
  }
}

function mappingOf(columns: readonly SheetColumn[]): MappingEntry[] {
  return columns.map((c) => ({ column: c.index, field: c.field ?? 'ignore' }));
}

function headerProblems(columns: readonly SheetColumn[], line: number, firstLine: number): { errors: ImportError[]; missing: ImportField[] } {
  const errors: ImportError[] = [];
  const seen = new Map<ImportField, number>();
  for (const c of columns) {
    if (!c.field) continue;
    if (seen.has(c.field)) errors.push({ line, reason: `Kolonnen ${c.field} står mere end én gang (kolonne ${columnLetter(seen.get(c.field)!)} og ${columnLetter(c.index)}). Vælg "ignorer" for den ene.` });
    else seen.set(c.field, c.index);
  }
  const missing: ImportField[] = REQUIRED_FIELDS.filter((f) => !seen.has(f));
  const missingText: string[] = [...missing];
  const noBirth = !seen.has('cpr') && !seen.has('foedselsdato');
  if (noBirth) missingText.push('cpr eller foedselsdato');
  if (missingText.length) {
    const where = firstLine === line ? `række ${line}` : `række ${firstLine}-${line}`;
    errors.unshift({
      line,
      reason: `Overskriftslinjen mangler ${missingText.length === 1 ? 'kolonnen' : 'kolonnerne'} ${missingText.join(', ')}. Påkrævet: fornavn, efternavn, cpr eller foedselsdato, bydel, niveau, oprettet. (Overskriften blev fundet i ${where}; vælg kolonnerne i importens trin "Kolonner", eller skriv overskrifterne som ${REQUIRED_FIELDS.map((f) => DANISH_HEADERS[f]).join(', ')}.)`,
    });
  }
  return { errors, missing: noBirth ? [...missing, 'cpr'] : missing };
}

// ---------------------------------------------------------------------------------------------
// Analysis: the file read, the header found, the rows checked; shared by preview and import.

interface Analysis {
  preview: ImportPreview;
  plans: RowPlan[];
  /** Rows with problems, as read (for the rejected-rows file). */
  badSheetRows: { row: SheetRow; reasons: string[] }[];
  columns: SheetColumn[];
  headersKey: string;
  /** A problem with the file as a whole (nothing can be imported, not even the good rows). */
  fatal: boolean;
  skipped: number;
  linked: number;
}

function emptyPreview(errors: ImportError[]): ImportPreview {
  return { ok: false, headerLine: 1, headerFirstLine: 1, columns: [], mappingSource: 'auto', missing: [], unknown: [], rowCount: 0, preview: [], errors, notes: [], duplicates: [], badRows: [] };
}

const displayText = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c));

async function analyse(s: ServiceCtx, req: ImportRequest): Promise<Analysis> {
  const fail = (errors: ImportError[]): Analysis => ({ preview: emptyPreview(errors), plans: [], badSheetRows: [], columns: [], headersKey: '', fatal: true, skipped: 0, linked: 0 });
  const read = await readInWorker(req.format, req.content, { maxRows: MAX_IMPORT_ROWS + 20, maxCells: MAX_CELLS });
  if (!read.ok) return fail([{ line: read.line, reason: read.reason }]);
  const found = findHeader(read.rows);
  if (!found) return fail([{ line: 1, reason: req.format === 'xlsx' ? 'Det første ark i regnearket er tomt.' : 'Filen er tom.' }]);
  const key = headersKey(found.columns);
  const remembered = req.mapping ? undefined : rememberedMapping(s, key);
  const mappingSource: ImportPreview['mappingSource'] = req.mapping ? 'given' : remembered ? 'remembered' : 'auto';
  const columns = applyMapping(found.columns, req.mapping ?? remembered);
  const importColumns: ImportColumn[] = columns.map((c) => ({ index: c.index, letter: columnLetter(c.index), header: c.header, field: c.field }));
  const unknown = columns.filter((c) => c.field === null && c.header !== '' && mappingSource === 'auto').map((c) => c.index);
  const { errors: headerErrors, missing } = headerProblems(columns, found.line, found.firstLine);
  const base: ImportPreview = {
    ok: false, headerLine: found.line, headerFirstLine: found.firstLine, columns: importColumns, mappingSource, missing, unknown,
    rowCount: found.rows.length, preview: [], errors: [], notes: [], duplicates: [], badRows: [],
  };
  const result = (preview: Partial<ImportPreview>, rest: Partial<Analysis> = {}): Analysis => ({
    preview: { ...base, ...preview }, plans: [], badSheetRows: [], columns, headersKey: key, fatal: true, skipped: 0, linked: 0, ...rest,
  });
  if (headerErrors.length) return result({ errors: headerErrors });
  if (found.rows.length === 0) return result({ errors: [{ line: found.line, reason: 'Filen har ingen rækker med sager under overskriftslinjen.' }] });
  if (read.truncated || found.rows.length > MAX_IMPORT_ROWS) {
    const line = found.rows[MAX_IMPORT_ROWS]?.line ?? found.rows.at(-1)!.line;
    return result({ errors: [{ line, reason: `Filen har mere end ${MAX_IMPORT_ROWS} rækker. Der kan højst importeres ${MAX_IMPORT_ROWS} ad gangen: del filen op.` }] });
  }

  const districtRows = s.db.select({ id: districts.id, name: districts.name }).from(districts).all();
  const districtName = new Map(districtRows.map((d) => [d.id, d.name]));
  const ctx: RowContext = {
    today: s.today,
    districtByKey: new Map(districtRows.map((d) => [normalizeForSearch(d.name), d.id])),
    districtNames: districtRows.map((d) => d.name),
    cprFirstLine: new Map(),
  };
  const byCpr = s.sqlite.prepare('SELECT id, first_name AS firstName, last_name AS lastName, birth_date AS birthDate, cpr FROM people WHERE cpr = ?');
  const byNameBirth = s.sqlite.prepare(
    'SELECT id, first_name AS firstName, last_name AS lastName, birth_date AS birthDate, cpr FROM people WHERE birth_date = ? AND search_name = ? AND anonymised_at IS NULL AND (? IS NULL OR cpr IS NULL) LIMIT 1',
  );
  const fixes = new Map<string, string>();
  for (const f of req.fixes ?? []) fixes.set(`${f.line}:${f.field}`, f.value.trim());
  const decisions = new Map((req.duplicates ?? []).map((d) => [d.line, d.action]));
  const fieldIndex = new Map<ImportField, number>();
  for (const c of columns) if (c.field) fieldIndex.set(c.field, c.index);
  const width = found.columns.length;

  const plans: RowPlan[] = [];
  const errors: ImportError[] = [];
  const notes: ImportNote[] = [];
  const duplicates: DuplicatePerson[] = [];
  const preview: PreviewRow[] = [];
  const badRows: PreviewRow[] = [];
  const badSheetRows: Analysis['badSheetRows'] = [];
  let skipped = 0;
  let linked = 0;
  for (const row of found.rows) {
    const rowNotes: ImportNote[] = [];
    const texts = new Map<ImportField, string>();
    const get = (f: ImportField): string => {
      let t = texts.get(f);
      if (t !== undefined) return t;
      const fix = fixes.get(`${row.line}:${f}`);
      if (fix !== undefined) t = cellValue(fix, f, s.today).text;
      else {
        const i = fieldIndex.get(f);
        const v = i === undefined ? { text: '' } : cellValue(row.cells[i], f, s.today);
        if (v.note) rowNotes.push({ line: row.line, field: f, note: v.note });
        t = v.text;
      }
      texts.set(f, t);
      return t;
    };
    const bad = (reasons: ImportError[]) => {
      errors.push(...reasons);
      if (badRows.length < MAX_REPORTED_ERRORS) {
        const values: PreviewRow['values'] = {};
        for (const [f, i] of fieldIndex) values[f] = fixes.get(`${row.line}:${f}`) ?? displayText(row.cells[i]);
        badRows.push({ line: row.line, values });
      }
      badSheetRows.push({ row, reasons: reasons.map((r) => r.reason) });
    };
    if (row.problem) {
      bad([{ line: row.line, reason: row.problem }]);
      continue;
    }
    if (req.format === 'csv' && row.cells.slice(width).some((c) => String(c ?? '').trim() !== '')) {
      bad([{ line: row.line, reason: 'Rækken har flere felter end overskriftslinjen. Tjek, at tekst med komma eller semikolon står i anførselstegn.' }]);
      continue;
    }
    const { plan, reasons } = validateRow(get, row.line, ctx);
    if (plan) {
      // Already in the vault? Same CPR number, or same name and birth date where one of the two has no CPR number
      // (two different CPR numbers are two people).
      type Found = Omit<DuplicatePerson, 'line' | 'match'> & { id: number };
      const hit = (plan.person.cpr ? byCpr.get(plan.person.cpr) : undefined) as Found | undefined;
      const nameHit = hit ? undefined : (byNameBirth.get(plan.person.birthDate, normalizeForSearch(fullName(plan.person.firstName, plan.person.lastName)), plan.person.cpr ?? null) as Found | undefined);
      const existing = hit ?? nameHit;
      if (existing) {
        duplicates.push({ line: row.line, personId: existing.id, match: hit ? 'cpr' : 'name-birth', firstName: existing.firstName, lastName: existing.lastName, birthDate: existing.birthDate, cpr: existing.cpr ? maskCpr(existing.cpr) : null });
        const decision = decisions.get(row.line);
        if (decision === 'skip') {
          skipped++;
          continue;
        }
        if (decision === 'link') {
          plan.personId = existing.id;
          linked++;
        } else {
          reasons.push(
            hit
              ? { line: row.line, field: 'cpr', reason: 'CPR-nummeret (kolonne cpr) findes allerede på en person i boksen. Vælg at knytte sagen til den eksisterende person eller at springe rækken over.' }
              : { line: row.line, field: 'fornavn', reason: 'En person med samme navn og fødselsdato findes allerede i boksen. Vælg at knytte sagen til den eksisterende person eller at springe rækken over.' },
          );
        }
      }
    }
    if (reasons.length || !plan) {
      bad(reasons);
      continue;
    }
    notes.push(...rowNotes);
    plans.push(plan);
    if (preview.length < PREVIEW_ROWS) {
      const p = plan.person;
      preview.push({
        line: row.line,
        values: {
          fornavn: p.firstName, efternavn: p.lastName, cpr: p.cpr ? maskCpr(p.cpr) : '', foedselsdato: p.birthDate, koen: p.sex ?? sexOfCpr(p.cpr),
          bydel: p.districtId ? (districtName.get(p.districtId) ?? '') : '', niveau: String(plan.level), oprettet: plan.openedOn, afsluttet: plan.closedOn ?? '',
          afslutningsaarsag: plan.closingReason ? (CLOSING_REASONS.find((r) => r.code === plan.closingReason)?.label ?? '') : '', koordinator: plan.coordinator ?? '', sagsnummer: plan.externalRef ?? '',
        },
      });
    }
  }
  return {
    preview: { ...base, ok: errors.length === 0, preview, errors: capErrors(errors), notes, duplicates, badRows },
    plans, badSheetRows, columns, headersKey: key, fatal: false, skipped, linked,
  };
}

const sexOfCpr = (cpr: string | undefined): string => {
  const r = cpr ? parseCpr(cpr) : null;
  return r?.ok ? r.value.sex : '';
};

/** What an import of the file would do, without writing anything: the import screen's preview and mapping step. */
export async function previewImport(s: ServiceCtx, req: ImportRequest): Promise<ImportPreview> {
  return (await analyse(s, req)).preview;
}

/** The bad rows as a CSV (the file's header, the rows as read, a reason column), through the shared formula guard. */
function rejectedCsv(a: Analysis, headerLine: number): string {
  const lines = [csvLine(['Linje', ...a.columns.map((c) => c.header), 'Årsag'])];
  for (const { row, reasons } of a.badSheetRows) lines.push(csvLine([row.line, ...a.columns.map((c) => displayText(row.cells[c.index])), reasons.join(' ')]));
  void headerLine;
  return csvFile(lines);
}

/**
 * Import cases from a CSV or XLSX file: every row checked first, then all written in one
 * transaction, or nothing; with `goodRowsOnly`, the good rows in one transaction and the bad ones
 * given back as a file.
 */
export async function importCasesFile(s: ServiceCtx, req: ImportRequest): Promise<ImportResult> {
  const a = await analyse(s, req);
  const { preview } = a;
  if (a.fatal) return { ok: false, errors: preview.errors };
  if (preview.errors.length && !req.goodRowsOnly) return { ok: false, errors: preview.errors };
  if (a.plans.length === 0 && a.skipped === 0) return { ok: false, errors: preview.errors };

  // Oldest first, so case numbers (YYYY-NNNNN per opening year) follow the opening dates.
  const plans = [...a.plans].sort((x, y) => compare(x.openedOn, y.openedOn) || x.line - y.line);
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
      audit(tx, { at: s.now, actor: s.actor, action: 'import', entity: 'case', detail: `rows:${plans.length}` + (a.linked ? ` linked:${a.linked}` : '') + (a.skipped ? ` skipped:${a.skipped}` : '') + (a.badSheetRows.length ? ` rejected:${a.badSheetRows.length}` : '') });
      // The mapping is remembered for the next file with the same headers.
      if (preview.mappingSource !== 'remembered') {
        const mapping = JSON.stringify(mappingOf(a.columns));
        tx.insert(importMappings).values({ headersKey: a.headersKey, mapping, updatedAt: s.now.toISOString() }).onConflictDoUpdate({ target: importMappings.headersKey, set: { mapping, updatedAt: s.now.toISOString() } }).run();
      }
    });
  } catch (e) {
    if (e instanceof Rollback) return { ok: false, errors: failures };
    throw e;
  }
  const result: ImportResult = { ok: true, imported: plans.length, linked: a.linked, skipped: a.skipped, headerLine: preview.headerLine, notes: preview.notes };
  if (a.badSheetRows.length) result.rejected = { rows: a.badSheetRows.length, fileName: `ssp-desk-import-afviste-rækker-${s.today}.csv`, csv: rejectedCsv(a, preview.headerLine) };
  return result;
}

function insertPlan(s: ServiceCtx, tx: DbOrTx, p: RowPlan): void {
  const caseId = insertCase(s, tx, {
    ...(p.personId !== undefined ? { personId: p.personId } : { person: p.person }),
    level: p.level,
    reason: IMPORT_REASON,
    openedOn: p.openedOn,
    ...(p.coordinator ? { coordinator: p.coordinator } : {}),
    ...(p.externalRef ? { externalRef: p.externalRef } : {}),
  });
  if (p.closedOn && p.closingReason) closeCase(s, { caseId, closedOn: p.closedOn, reason: p.closingReason }, tx);
}
