import { parseArgs } from 'node:util';
import { todayOf } from '../../core/clock';
import { isValidIsoDate } from '../../../shared/core/dates';
import { seedDemoData, MAX_SEED_PEOPLE } from '../../demo-data';
import { requireArg, UsageError, type CliIo } from '../io';
import { withUnlockedVault } from './import';

function positiveInt(text: string | undefined, flag: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(requireArg(text, flag));
  if (!Number.isSafeInteger(value) || value < 0) throw new UsageError(`${flag} skal være et helt tal.`);
  return value;
}

/**
 * `seed --vault DIR --passphrase-file F --people N [--seed S] [--today YYYY-MM-DD] [--force]`:
 * synthetic demo data. A vault that already has cases is refused unless --force, so demo people
 * never end up among real cases by a slip of the keyboard.
 */
export async function seedCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: 'string' },
      'passphrase-file': { type: 'string' },
      people: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const people = positiveInt(values.people, '--people');
  if (people < 1 || people > MAX_SEED_PEOPLE) throw new UsageError(`--people skal være mellem 1 og ${MAX_SEED_PEOPLE}.`);
  const seed = positiveInt(values.seed, '--seed', 1);
  if (values.today !== undefined && !isValidIsoDate(values.today)) throw new UsageError('--today skal skrives som ÅÅÅÅ-MM-DD.');
  const summary = await withUnlockedVault(dir, values['passphrase-file'], (s) =>
    seedDemoData(s.sqlite, { people, seed, today: values.today ?? todayOf(s.now), now: s.now, actor: s.actor, force: values.force }),
  );
  io.out(`Demodata er lagt i boksen på ${(summary.ms / 1000).toFixed(1).replace('.', ',')} s (seed ${seed}):`);
  io.out(`  personer: ${summary.people}`);
  io.out(`  sager: ${summary.cases} (åbne ${summary.openCases}, afsluttede ${summary.closedCases})`);
  io.out(`  niveauændringer: ${summary.levelChanges}`);
  io.out(`  statusændringer: ${summary.statusChanges}`);
  io.out(`  hændelser: ${summary.events}`);
  io.out(`  journalnotater: ${summary.notes}`);
  io.out(`  kontakter: ${summary.contacts}`);
  return 0;
}
