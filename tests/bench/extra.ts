import type Database from 'better-sqlite3';
import type { Sqlite } from '../../src/main/core/connection';
import { createRng } from '../../src/main/cases/seed';
import { computeExactTables } from '../../src/main/semiannual-report/compute';
import { sqlReportQueries } from '../integration/report-sql-reference';
import { halfYearPeriod, periodOf, previousPeriods } from '../../src/shared/core/dates';
import { createExactReport, emptyTables, getRows, TABLE_SPECS } from '../../src/shared/semiannual-report';
import { buildImportCsv } from './importCsv';
import { measure, measureInterleaved, type Stats } from './stats';
import { overviewBenchmarks } from './overview';

export interface ExtraResult {
  name: string;
  stats: Stats;
  baseline?: { label: string; stats: Stats };
  extra?: Record<string, unknown>;
}

export interface ExtraContext {
  size: number;
  largest: boolean;
  today: string;
  call: (name: string, input: unknown) => Promise<never>;
  /** The vault's own (encrypted) connection. */
  sqlite: Sqlite;
  /** The plain copy (the limit) and the encrypted file opened raw, with the same settings. */
  plain: Database.Database;
  encrypted: Database.Database;
  runs: number;
  log: (line: string) => void;
}

export const IMPORT_ROWS = 10_000;
/** Import runs per size: each adds 10,000 cases, so few, and only where it says something. */
const IMPORT_RUNS = 3;
export const MERGE_FILES = 50;

/** Benchmarks of later domains: report computation and merge (largest size), import of a CSV (20,000). */
export async function extraBenchmarks(ctx: ExtraContext): Promise<ExtraResult[]> {
  const out: ExtraResult[] = [];
  if (ctx.largest) out.push(...(await reportBenchmarks(ctx)));
  out.push(...(await overviewBenchmarks(ctx)));
  if (ctx.size === 20_000 || (ctx.largest && ctx.size < 20_000)) out.push(await importBenchmark(ctx));
  return out;
}

/**
 * The semi-annual report for the last complete half-year, all districts: our whole call
 * (report.compute: tables, totals, suppression, zod) and its tables alone on the vault, each the
 * first call after a write (the timeline of every case's history and the reports are kept until
 * the data changes: a write before each run makes them fresh), against the hand-written SQL the
 * tables were computed with before the timeline (tests/integration/report-sql-reference.ts: one
 * grouped statement per table) on the plain copy. Then merging 50 district files (no database).
 */
async function reportBenchmarks(ctx: ExtraContext): Promise<ExtraResult[]> {
  const period = previousPeriods(periodOf(ctx.today), 1)[0]!;
  const { start, end } = halfYearPeriod(period);
  const districts = ctx.plain.prepare(`SELECT id, name FROM districts ORDER BY sort_order, id`).all() as { id: number; name: string }[];
  const scope = { start, end, today: ctx.today, districts };
  const runs = Math.max(5, Math.round(ctx.runs / 4));
  const touch = ctx.sqlite.prepare(`UPDATE districts SET sort_order = sort_order WHERE id = (SELECT MIN(id) FROM districts)`);
  const [ours, oursTables, encTables, limit] = await measureInterleaved(
    [
      () => {
        touch.run();
        return ctx.call('report.compute', { period, mode: 'exact' });
      },
      () => {
        touch.run();
        return computeExactTables(ctx.sqlite, scope);
      },
      () => computeExactTables(ctx.encrypted, scope, {}, sqlReportQueries),
      () => computeExactTables(ctx.plain, scope, {}, sqlReportQueries),
    ],
    runs,
    1,
  );
  const limitLabel = 'grænse: håndskrevet SQL, ukrypteret kopi';
  const results: ExtraResult[] = [
    { name: `rapport ${period}: report.compute efter en skrivning (tabeller, totaler, zod)`, stats: ours!, baseline: { label: limitLabel, stats: limit! } },
    { name: `rapport ${period}: tabellerne efter en skrivning (tidslinje + optælling)`, stats: oursTables!, baseline: { label: limitLabel, stats: limit! } },
    { name: `  kryptering alene: den håndskrevne SQL`, stats: encTables!, baseline: { label: 'samme SQL ukrypteret', stats: limit! } },
  ];

  const files = mergeFiles(period);
  const bytes = files.reduce((a, f) => a + f.content.length, 0);
  ctx.log(`        merge input: ${MERGE_FILES} district files, ${(bytes / 1024).toFixed(0)} KiB`);
  results.push({
    name: `sammenlægning af ${MERGE_FILES} bydelsfiler (report.merge, anonymiseret)`,
    stats: await measure(() => ctx.call('report.merge', { files, mode: 'anonymised' }), Math.max(5, Math.round(ctx.runs / 2)), 2),
    extra: { files: MERGE_FILES, bytes },
  });
  return results;
}

/** 50 exact one-district reports with synthetic counts (totals consistent), as units send them. */
function mergeFiles(period: string): { name: string; content: string }[] {
  const rng = createRng(7);
  return Array.from({ length: MERGE_FILES }, (_, i) => {
    const district = `Bydel ${String(i + 1).padStart(2, '0')}`;
    const tables = emptyTables([district]);
    for (const spec of TABLE_SPECS) for (const row of getRows(tables, spec.id)) for (const m of spec.measures) row[m] = rng.int(0, 40);
    const active = tables.casesByLevel.reduce((a, r) => a + (r.active as number), 0);
    tables.activeByAgeBand.forEach((r, j) => (r.count = j === 2 ? active : 0));
    tables.activeBySex.forEach((r, j) => (r.count = j === 0 ? active : 0));
    const report = createExactReport(
      { period, unit: `SSP ${district}`, districts: [district], generatedAt: `${halfYearPeriod(period).end}T10:00:00Z`, appVersion: '0.1.0' },
      tables,
      [{ district, text: 'Observationer og vurderinger for halvåret. '.repeat(20) }],
    );
    return { name: `${district}.json`, content: JSON.stringify(report, null, 2) };
  });
}

/** Import of a 10,000-row CSV through cases.import (read, check every row, write in one transaction). */
async function importBenchmark(ctx: ExtraContext): Promise<ExtraResult> {
  let seed = 100;
  const samples: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    // A new file each time: the previous run's CPR numbers are in the vault now.
    const csv = buildImportCsv(ctx.sqlite, IMPORT_ROWS, ctx.today, seed++);
    const input = { fileName: 'import.csv', format: 'csv', contentBase64: csv.toString('base64') };
    const t = performance.now();
    const r = (await ctx.call('cases.import', input)) as unknown as { ok: boolean; imported?: number; errors?: unknown[] };
    samples.push(performance.now() - t);
    if (!r.ok || r.imported !== IMPORT_ROWS) throw new Error(`import failed: ${JSON.stringify(r).slice(0, 500)}`);
  }
  const s = [...samples].sort((a, b) => a - b);
  const stats: Stats = { runs: s.length, median: s[Math.floor(s.length / 2)]!, p95: s[s.length - 1]!, min: s[0]!, max: s[s.length - 1]! };
  return { name: `import af ${IMPORT_ROWS.toLocaleString('da-DK')} rækker (CSV, cases.import)`, stats, extra: { rows: IMPORT_ROWS, msPerRow: stats.median / IMPORT_ROWS } };
}
