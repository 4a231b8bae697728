import { parseArgs } from 'node:util';
import { openVault } from '../../app-context';
import { migrationState } from '../../core/migrate';
import { migrations } from '../../db/migrations';
import { readPassphraseFile, requireArg, type CliIo } from '../io';
import { AppError } from '../../core/errors';
import { DATABASE_CORRUPT_MESSAGE } from '../../core/connection';

/** Open read-only, check integrity and migrations, print a summary without personal data. */
export async function verifyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: 'string' }, 'passphrase-file': { type: 'string' } },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const passphrase = readPassphraseFile(values['passphrase-file']);
  const vault = openVault(dir);
  if (vault.state() === 'none') throw new AppError('VAULT_MISSING', `Der er ingen boks i ${dir}.`);
  const sqlite = await vault.openReadOnly(passphrase);
  try {
    let integrity: string[];
    try {
      integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch {
      throw new AppError('DATABASE_CORRUPT', DATABASE_CORRUPT_MESSAGE);
    }
    const state = migrationState(sqlite);
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    io.out(`Boks: ${dir}`);
    io.out(`Integritet: ${integrity.length === 1 && integrity[0] === 'ok' ? 'ok' : 'FEJL'}`);
    io.out(`Migreringer: ${state === 'current' ? `alle ${migrations.length} anvendt` : state === 'pending' ? 'nyere migreringer afventer (anvendes ved næste oplåsning)' : 'PASSER IKKE til denne version'}`);
    for (const t of tables) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number };
      io.out(`  ${t}: ${n} rækker`);
    }
    if (!(integrity.length === 1 && integrity[0] === 'ok')) {
      io.err('Integritetstjekket fandt fejl i databasen. Gendan fra en sikkerhedskopi.');
      return 1;
    }
    if (state === 'mismatch') {
      io.err('Boksens migreringer passer ikke til denne version af SSP Desk.');
      return 1;
    }
    io.out('Boksen er i orden.');
    return 0;
  } finally {
    sqlite.close();
    vault.lock();
  }
}
