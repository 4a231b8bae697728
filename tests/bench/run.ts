/**
 * `npm run bench [-- --sizes 1000,20000,100000 --runs 20 --out artifacts/bench/latest.json]`
 *
 * Seeds a fresh encrypted vault per size with the project's seeder, then measures our real path
 * (dispatcher: zod parse, service, SQLite through SQLite3MultipleCiphers) next to two baselines
 * measured in the same run on the same data:
 *  - the limit: the same queries hand-written in SQL on a plain, unencrypted copy (no ORM, no
 *    validation, no encryption);
 *  - encryption alone: the hand-written SQL on the encrypted file vs on the plain copy.
 * Ratios are computed inside the run; absolute times on shared machines are noisy.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createAppContext } from '../../src/main/context';
import { createDispatcher } from '../../src/main/handlers';
import { DEFAULT_KDF, deriveKey } from '../../src/main/vault/kdf';
import { seedDemoData } from '../../src/main/services/seed';
import { createBackup } from '../../src/main/vault/backup';
import { openEncryptedDatabase } from '../../src/main/db/connection';
import { localIsoDate } from '../../src/main/clock';
import { listScenarios, runLimit } from './queries';
import { measure, ms, type Stats } from './stats';
import { extraBenchmarks } from './extra';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,20000,100000' }, runs: { type: 'string', default: '20' }, out: { type: 'string', default: 'artifacts/bench/latest.json' } },
});
const sizes = values.sizes!.split(',').map(Number);
const RUNS = Number(values.runs);
const PASS = `bench-${randomBytes(8).toString('hex')}`;
const results: Record<string, unknown>[] = [];
const lines: string[] = [];

function row(size: number, name: string, ours: Stats, baseline?: { label: string; stats: Stats }, extra: Record<string, unknown> = {}) {
  const ratio = baseline ? ours.median / baseline.stats.median : undefined;
  results.push({ size, name, ...ours, ...(baseline ? { baseline: baseline.label, baselineMedian: baseline.stats.median, baselineP95: baseline.stats.p95, ratio } : {}), ...extra });
  lines.push(
    `${String(size).padStart(7)} | ${name.padEnd(48)} | ${ms(ours.median).padStart(8)} | ${ms(ours.p95).padStart(8)} | ${ms(ours.min).padStart(8)} | ${ms(ours.max).padStart(8)} | ${String(ours.runs).padStart(4)} | ${
      baseline ? `${baseline.label} ${ms(baseline.stats.median)} ms → ${ratio!.toFixed(2)}x` : ''
    }`,
  );
  console.log(lines[lines.length - 1]);
}

async function main() {
  const machine = { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length, at: new Date().toISOString() };
  console.log(`SSP Desk bench: sizes ${sizes.join(', ')}, ${RUNS} runs after warm-up, ${machine.cpus} cores, Node ${machine.node}`);
  console.log(`   size | benchmark                                        |   median |      p95 |      min |      max | runs | baseline`);

  // The KDF alone, with the app's parameters.
  const salt = randomBytes(16);
  row(0, 'KDF alene (scrypt, appens parametre)', await measure(() => deriveKey(PASS, salt, DEFAULT_KDF), 5, 1));

  for (const size of sizes) {
    const root = mkdtempSync(join(tmpdir(), `ssp-bench-${size}-`));
    try {
      const vaultDir = join(root, 'vault');
      const ctx = createAppContext({ vaultDir, kdf: DEFAULT_KDF, validateOutput: false });
      const dispatch = createDispatcher(ctx);
      const call = async (name: string, input: unknown) => {
        const r = await dispatch(name, input);
        if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
        return r.value as never;
      };
      await call('vault.create', { passphrase: PASS, passphraseConfirm: PASS, owner: { name: 'Bench Koordinator', role: 'SSP-koordinator', area: 'Bench' } });
      const today = localIsoDate(new Date());
      const seedStart = performance.now();
      seedDemoData(ctx.vault.current.sqlite, { people: size, seed: 1, today });
      const seedMs = performance.now() - seedStart;
      console.log(`        seeded ${size} people/cases in ${(seedMs / 1000).toFixed(1)} s`);

      // Unlock: the whole call, then the part that is not the KDF.
      await call('vault.lock', {});
      const unlock = await measure(async () => {
        await call('vault.unlock', { method: 'passphrase', secret: PASS });
        await call('vault.lock', {});
      }, 5, 1);
      row(size, 'oplåsning i alt (KDF + åbn + migreringstjek)', unlock);
      await call('vault.unlock', { method: 'passphrase', secret: PASS });

      // Baseline copies: the encrypted file opened raw, and a plain decrypted copy.
      const { key } = await ctx.vault.unwrapKey('passphrase', PASS);
      ctx.vault.current.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const plainFile = join(root, 'plain.db');
      copyFileSync(ctx.vault.files.database, plainFile);
      const toPlain = openEncryptedDatabase(plainFile, key);
      toPlain.pragma('journal_mode = DELETE');
      toPlain.pragma(`rekey=''`);
      toPlain.close();
      const plain = new Database(plainFile, { readonly: true });
      const encrypted = openEncryptedDatabase(ctx.vault.files.database, key, { readonly: true });
      key.fill(0);

      const d = (ctx.vault.current.sqlite.prepare(`SELECT id FROM districts ORDER BY sort_order LIMIT 1 OFFSET 2`).get() as { id: number }).id;
      const word = (ctx.vault.current.sqlite.prepare(`SELECT substr(last_name, 1, 4) AS w FROM people ORDER BY id LIMIT 1 OFFSET 7`).get() as { w: string }).w.toLowerCase();
      for (const sc of listScenarios(today, d, word)) {
        const ours = await measure(() => call('cases.list', sc.input), RUNS);
        const limit = await measure(() => runLimit(plain, sc), RUNS);
        const enc = await measure(() => runLimit(encrypted, sc), RUNS);
        row(size, `sagsliste: ${sc.name}`, ours, { label: 'grænse (rå SQL, ukrypteret)', stats: limit });
        row(size, `  kryptering alene: ${sc.name}`, enc, { label: 'samme SQL ukrypteret', stats: limit });
      }

      const ids = ctx.vault.current.sqlite.prepare(`SELECT id FROM cases ORDER BY random() LIMIT 200`).pluck().all() as number[];
      let i = 0;
      row(size, 'sagsdetalje (cases.get, med revisionsspor)', await measure(() => call('cases.get', { caseId: ids[i++ % ids.length] }), RUNS));
      row(size, 'skrivning + revisionsspor (cases.addNote)', await measure(() => call('cases.addNote', { caseId: ids[i++ % ids.length], text: 'Benchmark-notat.' }), RUNS));

      for (const extra of await extraBenchmarks({ size, call, sqlite: ctx.vault.current.sqlite, root, runs: RUNS })) {
        row(size, extra.name, extra.stats, extra.baseline);
      }

      if (size === Math.max(...sizes)) {
        const backupFile = join(root, 'backup.sspbak');
        row(size, 'sikkerhedskopi (VACUUM INTO + manifest)', await measure(() => createBackup(ctx.vault, backupFile), 3, 0), undefined, { bytes: statSync(backupFile).size });
        const rss = process.memoryUsage().rss;
        console.log(`        RSS in this process with the ${size}-case vault open and queried: ${(rss / 1024 / 1024).toFixed(0)} MiB`);
        results.push({ size, name: 'RSS (MiB)', value: Math.round(rss / 1024 / 1024) });
      }
      plain.close();
      encrypted.close();
      ctx.vault.lock();
      results.push({ size, name: 'seed (ms)', value: Math.round(seedMs) });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, JSON.stringify({ machine, runs: RUNS, sizes, results }, null, 2));
  console.log(`\nwrote ${values.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
