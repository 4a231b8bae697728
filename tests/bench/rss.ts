/**
 * Main-process memory with a vault loaded, in a process of its own (the benchmark process also
 * holds the baseline copies and their caches): unlock the vault, use it as a coordinator would
 * (the case list with filters, sorts and search; case details; the report), then report the
 * resident set size. Run by run.ts: `tsx tests/bench/rss.ts <vaultDir>` with BENCH_PASSPHRASE set.
 */
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { DEFAULT_KDF } from '../../src/main/vault/kdf';
import { todayOf } from '../../src/main/core/clock';
import { periodOf, previousPeriods } from '../../src/shared/core/dates';

async function main() {
  const vaultDir = process.argv[2]!;
  const rssBefore = process.memoryUsage().rss;
  const ctx = createAppContext({ vaultDir, kdf: DEFAULT_KDF, validateOutput: false });
  const dispatch = createDispatcher(ctx);
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value as never;
  };
  await call('vault.unlock', { method: 'passphrase', secret: process.env.BENCH_PASSPHRASE });
  const rssUnlocked = process.memoryUsage().rss;
  const sorts = ['caseNumber', 'name', 'age', 'district', 'level', 'status', 'coordinator', 'nextReviewOn', 'openedOn'];
  for (const sort of sorts) for (const status of ['open', 'all']) await call('cases.list', { status, sort, limit: 100 });
  for (const search of ['a', 'ege', 'strand', 'søn', '2024-0']) await call('cases.list', { status: 'all', search, limit: 100 });
  const { rows } = (await call('cases.list', { status: 'open', limit: 100 })) as { rows: { id: number }[] };
  for (const r of rows.slice(0, 50)) await call('cases.get', { caseId: r.id });
  const rssList = process.memoryUsage().rss;
  const period = previousPeriods(periodOf(todayOf(new Date())), 1)[0]!;
  await call('report.compute', { period, mode: 'anonymised' });
  const rssReport = process.memoryUsage().rss;
  const mib = (n: number) => Math.round(n / 1024 / 1024);
  ctx.vault.lock();
  console.log(
    JSON.stringify({ beforeUnlock: mib(rssBefore), unlocked: mib(rssUnlocked), afterList: mib(rssList), afterReport: mib(rssReport), heapUsed: mib(process.memoryUsage().heapUsed) }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
