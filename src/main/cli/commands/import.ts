import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { openVault } from '../../app-context';
import { AppError } from '../../core/errors';
import { todayOf } from '../../core/clock';
import { importCasesFile } from '../../cases';
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

/** `import --vault DIR --passphrase-file F --file sager.csv|sager.xlsx`: all rows or none. */
export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: 'string' }, 'passphrase-file': { type: 'string' }, file: { type: 'string' } },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const file = requireArg(values.file, '--file');
  const format = importFormatOf(file);
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    throw new AppError('IO_ERROR', `Filen kan ikke læses: ${file}`);
  }
  const result = await withUnlockedVault(dir, values['passphrase-file'], (s) => importCasesFile(s, { format, content }));
  if (result.ok) {
    io.out(`Importeret ${result.imported} ${result.imported === 1 ? 'sag' : 'sager'}.`);
    return 0;
  }
  for (const e of result.errors) io.err(`Linje ${e.line}: ${e.reason}`);
  io.err(`Intet er importeret. Ret ${result.errors.length === 1 ? 'fejlen' : 'fejlene'} i filen, og prøv igen.`);
  return 1;
}
