import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../core/durable';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors';
import { isValidPeriod } from '../../../shared/core/dates';
import { coverageMessage, isYearPeriod } from '../../../shared/semiannual-report';
import { exportReport, mergeReportFiles } from '../../semiannual-report';
import { REPORT_FORMATS, renderReportFile, type ReportFormat } from '../../semiannual-report';
import { requireArg, UsageError, type CliIo } from '../io';
import { withUnlockedVault } from './import';

function formatOf(text: string | undefined, fallback?: ReportFormat): ReportFormat {
  const value = text ?? fallback;
  if (!value) throw new UsageError('--format mangler (json, csv eller xlsx).');
  if (!(REPORT_FORMATS as readonly string[]).includes(value)) throw new UsageError('--format skal være json, csv eller xlsx.');
  return value as ReportFormat;
}

function writeOut(path: string, base64: string): string {
  const out = resolve(path);
  try {
    writeFileAtomic(out, Buffer.from(base64, 'base64'), 0o644);
  } catch {
    throw new AppError('IO_ERROR', `Filen kan ikke skrives: ${out}. Tjek, at mappen findes, og at du må skrive i den.`);
  }
  return out;
}

const modeWord = (exact: boolean) => (exact ? 'eksakt' : 'anonymiseret');

/**
 * `report export --vault DIR --passphrase-file F --period 2026-H1 [--districts "A,B"] [--unit NAVN]
 * [--exact] --format json|csv|xlsx --out FIL`: the vault's report as a file (anonymised unless --exact).
 */
async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: 'string' },
      'passphrase-file': { type: 'string' },
      period: { type: 'string' },
      districts: { type: 'string' },
      unit: { type: 'string' },
      exact: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const period = requireArg(values.period, '--period');
  if (!isValidPeriod(period) && !isYearPeriod(period)) throw new UsageError('--period skrives som ÅÅÅÅ-H1 eller ÅÅÅÅ-H2, fx 2026-H1, eller ÅÅÅÅ for hele året.');
  const format = formatOf(values.format);
  const out = requireArg(values.out, '--out');
  const districts = values.districts
    ?.split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  if (values.districts !== undefined && !districts?.length) throw new UsageError('--districts skal nævne mindst én bydel, fx "Amager Vest,Nørrebro".');
  const unit = values.unit?.trim();
  if (unit !== undefined && (unit === '' || unit.length > 200)) throw new UsageError('--unit skal være 1-200 tegn.');
  const file = await withUnlockedVault(dir, values['passphrase-file'], (s) =>
    exportReport(s, { period, mode: values.exact ? 'exact' : 'anonymised', format, ...(districts ? { districts } : {}), ...(unit ? { unit } : {}) }, { via: 'cli' }),
  );
  const path = writeOut(out, file.base64);
  io.out(`Halvårsrapporten for ${period} (${modeWord(values.exact)}) er skrevet til ${path} (${file.bytes} bytes).`);
  return 0;
}

/**
 * `report merge --out FIL [--format json|csv|xlsx] [--exact] [--unit NAVN] A.json B.json ...`: unit
 * files (exact JSON) into one city report, anonymised unless --exact. Needs no vault.
 */
async function mergeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      exact: { type: 'boolean', default: false },
      unit: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const out = requireArg(values.out, '--out');
  const format = formatOf(values.format, 'json');
  if (positionals.length === 0) throw new UsageError('Angiv de rapporter (JSON-filer), der skal samles.');
  const files = positionals.map((p) => {
    try {
      return { name: basename(p), content: readFileSync(p, 'utf8') };
    } catch {
      throw new AppError('IO_ERROR', `Filen kan ikke læses: ${p}`);
    }
  });
  const unit = values.unit?.trim();
  const { report, coverage } = mergeReportFiles({ files, mode: values.exact ? 'exact' : 'anonymised', ...(unit ? { unit } : {}) }, { now: new Date() });
  const file = await renderReportFile(report, format);
  const path = writeOut(out, file.base64);
  io.out(
    `${files.length} rapporter for ${report.period} er samlet (${report.districts.length} bydele, ${modeWord(values.exact)}) og skrevet til ${path}.`,
  );
  io.out(coverageMessage(coverage));
  return 0;
}

/** `report export ...` and `report merge ...`. */
export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportCommand(rest, io);
  if (sub === 'merge') return mergeCommand(rest, io);
  throw new UsageError(sub ? `Ukendt underkommando til report: ${sub} (brug export eller merge).` : 'report skal følges af export eller merge.');
}
