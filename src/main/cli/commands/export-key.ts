import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { openVault } from '../../app-context';
import { audit } from '../../core/audit';
import { AppError } from '../../core/errors';
import { writeFileAtomic } from '../../core/durable';
import { readPassphraseFile, requireArg, type CliIo } from '../io';

/**
 * `export-key --vault DIR --passphrase-file F [--recovery] --out FIL`: recovery without this
 * program. Proves the passphrase (or, with --recovery, the recovery key), records the export in
 * the audit trail, and writes the raw 256-bit database key as 64 hex digits to FIL (mode 0600,
 * never over an existing file, never on stdout), then prints how to open the database with
 * standard SQLCipher 4 tools (docs/vault-format.md).
 */
export async function exportKeyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: 'string' }, 'passphrase-file': { type: 'string' }, recovery: { type: 'boolean' }, out: { type: 'string' } },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const out = resolve(requireArg(values.out, '--out'));
  const secret = readPassphraseFile(values['passphrase-file']);
  const method = values.recovery ? 'recovery' : 'passphrase';
  if (existsSync(out)) throw new AppError('CONFLICT', `Filen findes allerede: ${out}. Vælg et nyt filnavn; en nøglefil overskrives aldrig.`);
  const vault = openVault(dir);
  if (vault.state() === 'none') throw new AppError('VAULT_MISSING', `Der er ingen boks i ${dir}.`);
  await vault.unlock(method, secret);
  try {
    const { key } = await vault.unwrapKey(method, secret);
    try {
      // Audited first: a key that leaves the program without a trace must not happen.
      audit(vault.current.db, { at: new Date(), actor: vault.current.owner.name, action: 'export', entity: 'vault', detail: `database-key:${method}` });
      writeFileAtomic(out, `${key.toString('hex')}\n`, 0o600);
    } finally {
      key.fill(0);
    }
  } finally {
    vault.lock();
  }
  io.out(`Databasens nøgle er skrevet til ${out} (kun læsbar for dig). Opbevar den som gendannelsesnøglen, og slet den, når du er færdig.`);
  io.out('');
  io.out('Åbn databasen med SQLCipher 4 (luk SSP Desk først):');
  io.out(`  sqlcipher "${resolve(dir, 'ssp-desk.db')}"`);
  io.out(`  sqlite> PRAGMA key = "x'<de 64 tegn fra ${out}>'";`);
  io.out('  sqlite> SELECT count(*) FROM cases;');
  io.out('Se docs/vault-format.md for nøglefilens og databasens format.');
  return 0;
}
