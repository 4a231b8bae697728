/**
 * Overblik "alle" on a kept vault, with the time of every SQL statement it runs (issue 17):
 * `npx tsx tests/bench/overview-profile.ts --vault DIR [--runs 100] [--statements]`, where DIR is a
 * size folder that `npm run bench -- --keep ROOT` kept (ROOT/100000). Prints median and p95 of
 * overview.get through the dispatcher; with --statements also each statement's time per call
 * (timing every statement adds a little to the total). For a CPU profile:
 * `node --cpu-prof --import tsx tests/bench/overview-profile.ts --vault DIR`. Synthetic data only.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Statement } from 'better-sqlite3';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { DEFAULT_KDF } from '../../src/main/vault/kdf';
import { ms, summarise } from './stats';

const { values } = parseArgs({ options: { vault: { type: 'string' }, runs: { type: 'string', default: '100' }, statements: { type: 'boolean', default: false } } });
if (!values.vault) throw new Error('--vault DIR is required (a size folder kept by npm run bench -- --keep ROOT)');
const runs = Number(values.runs);
const ctx = createAppContext({ vaultDir: join(values.vault, 'vault'), kdf: DEFAULT_KDF, validateOutput: false });
const dispatch = createDispatcher(ctx);
const call = async (name: string, input: unknown) => {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value;
};
await call('vault.unlock', { method: 'passphrase', secret: 'bench-kept-vault-passphrase' });

const times = new Map<string, { ms: number; calls: number }>();
let timing = false;
type Method = (this: Statement, ...args: unknown[]) => unknown;
const proto = Object.getPrototypeOf(ctx.vault.current.sqlite.prepare('SELECT 1')) as Record<string, Method>;
for (const m of ['all', 'get', 'iterate', 'run']) {
  const original = proto[m]!;
  proto[m] = function (this: Statement, ...args: unknown[]) {
    if (!timing) return original.apply(this, args);
    const t = performance.now();
    const r = original.apply(this, args);
    const src = this.source.replace(/\s+/g, ' ');
    const from = Math.max(0, src.indexOf(' FROM '));
    const key = `${src.slice(0, 40)} … ${src.slice(from, from + 110)}`;
    const e = times.get(key) ?? { ms: 0, calls: 0 };
    e.ms += performance.now() - t;
    e.calls++;
    times.set(key, e);
    return r;
  };
}
for (let i = 0; i < 5; i++) await call('overview.get', { scope: 'all' });
timing = values.statements;
const samples: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await call('overview.get', { scope: 'all' });
  samples.push(performance.now() - t);
}
const st = summarise(samples);
console.log(`overview.get alle: median ${ms(st.median)} ms, p95 ${ms(st.p95)} ms, max ${ms(st.max)} ms (${runs} runs)`);
let total = 0;
for (const [key, e] of [...times].sort((a, b) => b[1].ms - a[1].ms)) {
  total += e.ms;
  console.log(`${(e.ms / runs).toFixed(3).padStart(7)} ms ${(e.calls / runs).toFixed(1).padStart(4)}x  ${key}`);
}
if (times.size) console.log(`all SQL per call: ${(total / runs).toFixed(2)} ms`);
await call('vault.lock', {});
