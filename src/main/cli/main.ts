import { AppError } from '../core/errors';
import { UsageError, type CliIo } from './io';
import { initCommand } from './commands/init';
import { verifyCommand } from './commands/verify';
import { importCommand } from './commands/import';
import { seedCommand } from './commands/seed';
import { backupCommand, restoreCommand } from './commands/backup';
import { reportCommand } from './commands/report';
import { exportKeyCommand } from './commands/export-key';
import { handoverCommand } from './commands/handover';
import { setLockProgram } from '../vault';

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Commands by name. Later domains add theirs here (seed, import, report, backup, restore). */
export const commands: Record<string, Command> = {
  init: (argv, io) => initCommand(argv, io),
  verify: verifyCommand,
  import: importCommand,
  seed: seedCommand,
  backup: backupCommand,
  restore: restoreCommand,
  report: reportCommand,
  'export-key': exportKeyCommand,
  handover: handoverCommand,
};

const USAGE = `Brug: npm run cli -- <kommando> [flag]

Kommandoer:
${Object.keys(commands)
  .map((c) => `  ${c}`)
  .join('\n')}

  init   --vault DIR --passphrase-file F [--owner NAVN] [--role ROLLE] [--area OMRÅDE]
  verify --vault DIR --passphrase-file F
  import --vault DIR --passphrase-file F --file SAGER.csv|SAGER.xlsx
  seed   --vault DIR --passphrase-file F --people N [--seed S] [--today ÅÅÅÅ-MM-DD] [--force]
  backup --vault DIR --passphrase-file F --out FIL
  restore --vault DIR --passphrase-file F --from FIL [--recovery]
  export-key --vault DIR --passphrase-file F [--recovery] --out FIL   (databasens rå nøgle, til SQLCipher 4)
  report export --vault DIR --passphrase-file F --period ÅÅÅÅ-H1|ÅÅÅÅ-H2|ÅÅÅÅ [--districts "A,B"] [--unit NAVN] [--exact] --format json|csv|xlsx --out FIL
  report merge  --out FIL [--format json|csv|xlsx] [--exact] [--unit NAVN] A.json B.json ...
  handover keys export --vault DIR --passphrase-file F --out FIL          (boksens kode: offentlige nøgler)
  handover keys import --vault DIR --passphrase-file F --file FIL --fingerprint "ABCD EFGH ..." [--label NAVN]
  handover send    --vault DIR --passphrase-file F --person ID --to FINGERAFTRYK --out FIL
  handover receive --vault DIR --passphrase-file F --file FIL [--accept [--link ID] | --refuse GRUND] --receipt-out FIL
  handover receipt --vault DIR --passphrase-file F --file FIL [--keep-read-only]`;

/** Run one command. Expected errors print a Danish sentence to stderr, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Ukendt kommando: ${name}\n\n${USAGE}`);
    return 2;
  }
  // Named in the message another program gets while this one holds the vault.
  setLockProgram(`kommandolinjen (${name})`);
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof AppError) {
      io.err(`Fejl: ${e.message}`);
      return 1;
    }
    io.err(`Uventet fejl (${e instanceof Error ? e.name : 'ukendt'}). Intet er ændret af denne kommando ud over det, der allerede er meldt.`);
    return 1;
  }
}
