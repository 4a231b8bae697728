/**
 * `npm run bench:durability [-- --old DIR --rounds 5]`: what durability costs on the write paths.
 *
 * The same operations through the real dispatcher on a fresh encrypted vault per code tree, round
 * by round (interleaved, so the shared machine's load hits both alike), next to hand-written SQL
 * on the same connection (an INSERT in a transaction: the limit for one committed write):
 *  - one note (cases.addNote), one case opened (cases.open), 2,000-row CSV import (cases.import),
 *    a backup (backup.create), vault create, passphrase change;
 *  - "before" is the code given with --old (a checkout of main before issue 14: DEFERRED
 *    transactions, no directory fsyncs, vault built in place, normal locking mode), "after" this tree.
 * Prints a Markdown table for BENCHMARKS.md and writes artifacts/bench/durability.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarise, ms, type Stats } from './stats';
import { buildImportCsv } from './importCsv';

const { values } = parseArgs({ options: { old: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
const ROUNDS = Number(values.rounds);
const PASS = 'grøn-cykel-under-Amagerbro-42';
const OTHER = 'en-anden-lang-sætning-om-Vesterbro-31';
const OWNER = { name: 'Bench Koordinatorsen', role: 'SSP-koordinator', area: 'SSP Amager Vest' };

interface Tree {
  name: string;
  createAppContext: (o: Record<string, unknown>) => { vault: { current: { sqlite: import('better-sqlite3').Database }; lock(): void }; backupDir: string };
  createDispatcher: (ctx: unknown) => (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  TEST_KDF: unknown;
  todayOf: (d: Date) => string;
}

async function load(root: string, name: string): Promise<Tree> {
  const r = (p: string) => import(resolve(root, p));
  const [ac, mod, kdf, clock] = await Promise.all([r('main/app-context.ts'), r('main/modules.ts'), r('main/vault/kdf.ts'), r('main/core/clock.ts')]);
  return { name, createAppContext: ac.createAppContext, createDispatcher: mod.createDispatcher, TEST_KDF: kdf.TEST_KDF, todayOf: clock.todayOf };
}

type Samples = Record<string, number[]>;

async function round(tree: Tree, out: Samples): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `ssp-bench-dur-${tree.name}-`));
  const add = (k: string, v: number) => (out[k] ??= []).push(v);
  try {
    const ctx = tree.createAppContext({ vaultDir: join(dir, 'vault'), kdf: tree.TEST_KDF });
    const dispatch = tree.createDispatcher(ctx);
    const call = async (n: string, i: unknown) => {
      const res = await dispatch(n, i);
      if (!res.ok) throw new Error(`${n}: ${res.error?.code}`);
      return res.value as Record<string, unknown>;
    };
    let t = performance.now();
    await call('vault.create', { passphrase: PASS, passphraseConfirm: PASS, owner: OWNER });
    add('vault create (TEST_KDF)', performance.now() - t);
    const c = await call('cases.open', { person: { firstName: 'Åse', lastName: 'Målegård', birthDate: '2011-04-03' }, level: 1, reason: 'Bekymring', openedOn: '2026-01-05' });
    for (let i = 0; i < 40; i++) {
      t = performance.now();
      await call('cases.addNote', { caseId: c.id, text: `Notat ${i} om samtalen på Østerbro` });
      add('note (cases.addNote)', performance.now() - t);
    }
    for (let i = 0; i < 15; i++) {
      t = performance.now();
      await call('cases.open', { person: { firstName: 'Bo', lastName: `Målesen-${i}`, birthDate: '2012-03-03' }, level: 2, reason: 'Bekymring', openedOn: '2026-01-05' });
      add('case opened (cases.open)', performance.now() - t);
    }
    const sqlite = ctx.vault.current.sqlite;
    const insert = sqlite.prepare(`INSERT INTO case_notes (case_id, text, author, written_at) VALUES (?, ?, 'x', '2026-01-05T10:00:00Z')`);
    for (let i = 0; i < 40; i++) {
      t = performance.now();
      sqlite.transaction(() => insert.run(c.id, `Håndskrevet ${i}`))();
      add('hand-written SQL: one INSERT committed', performance.now() - t);
    }
    const csv = buildImportCsv(sqlite, 2000, tree.todayOf(new Date()), 7);
    t = performance.now();
    const imp = await call('cases.import', { fileName: 'sager.csv', format: 'csv', contentBase64: csv.toString('base64') });
    if (!imp.ok) throw new Error('import refused');
    add('import of 2,000 CSV rows (cases.import)', performance.now() - t);
    t = performance.now();
    await call('backup.create', {});
    add('backup (backup.create)', performance.now() - t);
    t = performance.now();
    await call('vault.changePassphrase', { current: PASS, next: OTHER, nextConfirm: OTHER });
    add('passphrase change (TEST_KDF)', performance.now() - t);
    ctx.vault.lock();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const after = await load(resolve('src'), 'after');
  const before = values.old ? await load(resolve(values.old), 'before') : null;
  const samples: Record<string, Samples> = { before: {}, after: {} };
  // A warm-up round each (module loading and JIT), then measured rounds in alternating order.
  if (before) await round(before, {});
  await round(after, {});
  for (let r = 0; r < ROUNDS; r++) {
    if (before && r % 2 === 0) await round(before, samples.before!);
    await round(after, samples.after!);
    if (before && r % 2 === 1) await round(before, samples.before!);
  }
  const keys = Object.keys(samples.after!);
  const stats = (s: Samples, k: string): Stats | null => (s[k]?.length ? summarise(s[k]!) : null);
  const lines = ['| operation | before: median ms (p95) | after: median ms (p95) | after / before |', '| --- | --- | --- | --- |'];
  for (const k of keys) {
    const a = stats(samples.after!, k)!;
    const b = stats(samples.before!, k);
    lines.push(`| ${k} | ${b ? `${ms(b.median)} (${ms(b.p95)})` : '-'} | ${ms(a.median)} (${ms(a.p95)}) | ${b ? (a.median / b.median).toFixed(2) : '-'} |`);
  }
  console.log(lines.join('\n'));
  mkdirSync('artifacts/bench', { recursive: true });
  writeFileSync('artifacts/bench/durability.json', JSON.stringify({ rounds: ROUNDS, samples }, null, 2));
}

void main();
