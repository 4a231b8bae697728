/**
 * Short-word search on the case list at a given size (issue 17): the 1- and 2-letter words a
 * coordinator types first, through the real dispatcher (contract, handler, SQLite, first page).
 * `npx tsx tests/bench/search-short.ts --vault DIR [--people 100000] [--runs 30]`: seeds DIR once
 * (kept for the next run), then prints median and p95 per word. Synthetic data only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { DEFAULT_KDF } from '../../src/main/vault/kdf';
import { seedDemoData } from '../../src/main/demo-data';
import { todayOf } from '../../src/main/core/clock';
import { measure, ms } from './stats';

const { values } = parseArgs({ options: { vault: { type: 'string' }, people: { type: 'string', default: '100000' }, runs: { type: 'string', default: '30' } } });
if (!values.vault) throw new Error('--vault DIR is required');
const PASS = 'bench-passphrase-lang-nok';
const vaultDir = join(values.vault, 'vault');
const ctx = createAppContext({ vaultDir, kdf: DEFAULT_KDF, validateOutput: false });
const dispatch = createDispatcher(ctx);
const call = async (name: string, input: unknown) => {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as never;
};
const fresh = !existsSync(vaultDir);
if (fresh) {
  await call('vault.create', { passphrase: PASS, passphraseConfirm: PASS, owner: { name: 'Bench Koordinator', role: 'SSP-koordinator', area: 'Bench' } });
  seedDemoData(ctx.vault.current.sqlite, { people: Number(values.people), seed: 1, today: todayOf(new Date()) });
  await call('vault.lock', {});
}
await call('vault.unlock', { method: 'passphrase', secret: PASS });
const runs = Number(values.runs);
const words = ['s', 'S', 'a', 'sø', 'Sø', 'ma', 'søn', 'sønd'];
// The default order (case number), then the other sorts for a 1- and a 2-letter word: the page
// must not sort every match before its LIMIT.
const cases: { word: string; sort?: string; direction?: string }[] = [
  ...words.map((word) => ({ word })),
  ...['name', 'age', 'district', 'level', 'nextReviewOn', 'openedOn'].flatMap((sort) => [{ word: 's', sort }, { word: 'sø', sort }]),
  { word: 's', sort: 'caseNumber', direction: 'desc' },
];
for (const c of cases) {
  const input = { search: c.word, limit: 100, ...(c.sort ? { sort: c.sort } : {}), ...(c.direction ? { direction: c.direction } : {}) };
  const first = (await call('cases.list', input)) as { total: number; capped: boolean; rows: unknown[] };
  const st = await measure(async () => void (await call('cases.list', input)), runs, 3);
  const label = `${JSON.stringify(c.word)}${c.sort ? ` by ${c.sort}${c.direction ? ` ${c.direction}` : ''}` : ''}`;
  console.log(`${label.padEnd(24)} total ${String(first.total).padStart(6)}${first.capped ? '+' : ' '} rows ${first.rows.length}  median ${ms(st.median)}  p95 ${ms(st.p95)}`);
}
await call('vault.lock', {});
