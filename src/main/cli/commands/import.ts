import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { openVault } from '../../app-context';
import { AppError } from '../../core/errors';
import { todayOf } from '../../core/clock';
import { headerKey, importCasesFile, IMPORT_FIELDS, previewImport, type ImportField, type MappingEntry } from '../../cases';
import type { ServiceCtx } from '../../core/service-context';
import { readPassphraseFile, requireArg, UsageError, type CliIo } from '../io';

/** The format from the file's extension: .csv or .xlsx. */
export function importFormatOf(file: string): 'csv' | 'xlsx' {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UsageError('--file skal være en .csv- eller .xlsx-fil.');
}

/** Open a vault with the passphrase file, run `work` with a service context as the vault's owner, lock it again. */
export async function withUnlockedVault<T>(dir: string, passphraseFile: string | undefined, work: (s: ServiceCtx) => Promise<T> | T): Promise<T> {
  const passphrase = readPassphraseFile(passphraseFile);
  const vault = openVault(dir);
  if (vault.state() === 'none') throw new AppError('VAULT_MISSING', `Der er ingen boks i ${dir}.`);
  await vault.unlock('passphrase', passphrase);
  try {
    const open = vault.current;
    const now = new Date();
    return await work({ db: open.db, sqlite: open.sqlite, actor: open.owner.name, now, today: todayOf(now) });
  } finally {
    vault.lock();
  }
}

/**
 * A mapping file: JSON, sheet column (its header text, or its letter) to field code or "ignorer",
 * e.g. { "Barnets fornavn": "fornavn", "Skole": "ignorer", "C": "cpr" }. Resolved against the
 * file's header row.
 */
export function resolveMapping(text: string, columns: readonly { index: number; letter: string; header: string }[]): MappingEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError('--map skal være en JSON-fil, fx { "Barnets fornavn": "fornavn", "Skole": "ignorer" }.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--map skal være et JSON-objekt: kolonne -> felt.');
  const out: MappingEntry[] = [];
  for (const [column, value] of Object.entries(parsed as Record<string, unknown>)) {
    const field = typeof value === 'string' ? value.trim().toLowerCase() : '';
    const target = field === 'ignorer' || field === 'ignore' ? 'ignore' : (IMPORT_FIELDS as readonly string[]).includes(field) ? (field as ImportField) : null;
    if (!target) throw new UsageError(`--map: ukendt felt for kolonnen "${column}". Brug et af: ${IMPORT_FIELDS.join(', ')} eller ignorer.`);
    const hit = columns.find((c) => c.letter === column.trim().toUpperCase()) ?? columns.find((c) => c.header !== '' && headerKey(c.header) === headerKey(column));
    if (!hit) throw new UsageError(`--map: kolonnen "${column}" findes ikke i filens overskriftslinje.`);
    out.push({ column: hit.index, field: target });
  }
  return out;
}

/** `import --vault DIR --passphrase-file F --file sager.csv|sager.xlsx [--map kolonner.json]`: all rows or none; prints the mapping it used. */
export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: 'string' }, 'passphrase-file': { type: 'string' }, file: { type: 'string' }, map: { type: 'string' } },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const file = requireArg(values.file, '--file');
  const format = importFormatOf(file);
  let content: Buffer;
  let mapText: string | undefined;
  try {
    content = readFileSync(file);
  } catch {
    throw new AppError('IO_ERROR', `Filen kan ikke læses: ${file}`);
  }
  if (values.map) {
    try {
      mapText = readFileSync(values.map, 'utf8');
    } catch {
      throw new AppError('IO_ERROR', `Filen kan ikke læses: ${values.map}`);
    }
  }
  const result = await withUnlockedVault(dir, values['passphrase-file'], async (s) => {
    // The reader takes over the bytes it gets, so each read gets its own copy.
    const preview = await previewImport(s, { format, content: Buffer.from(content) });
    const mapping = mapText !== undefined && preview.columns.length ? resolveMapping(mapText, preview.columns) : undefined;
    const used = mapping ? await previewImport(s, { format, content: Buffer.from(content), mapping }) : preview;
    if (used.columns.length) {
      io.out(`Overskrift fundet i række ${used.headerFirstLine === used.headerLine ? used.headerLine : `${used.headerFirstLine}-${used.headerLine}`}. Kolonner (${used.mappingSource === 'given' ? 'fra --map' : used.mappingSource === 'remembered' ? 'husket fra sidste import' : 'efter overskrifterne'}):`);
      for (const c of used.columns) io.out(`  ${c.letter.padEnd(3)} ${(c.header || '(tom)').padEnd(28)} -> ${c.field ?? 'ignoreres'}`);
    }
    return importCasesFile(s, { format, content, ...(mapping ? { mapping } : {}) });
  });
  if (result.ok) {
    for (const n of result.notes) io.out(`Linje ${n.line}: ${n.note}`);
    io.out(`Importeret ${result.imported} ${result.imported === 1 ? 'sag' : 'sager'}.`);
    return 0;
  }
  for (const e of result.errors) io.err(`Linje ${e.line}: ${e.reason}`);
  io.err(`Intet er importeret. Ret ${result.errors.length === 1 ? 'fejlen' : 'fejlene'} i filen, og prøv igen.`);
  return 1;
}
