/**
 * Peak memory of the import on the hostile files of issue 15 (item 7), each in a process of its
 * own, as the app's main process would see it (the worker thread's memory included: same process).
 * `tsx tests/bench/import-bombs.ts` prints one JSON line per file; run.ts prints them as notes.
 *   - xlsx-100mib: an XLSX of about 12 MB with 100 MiB of sheet XML (refused from the ZIP directory)
 *   - xlsx-60mib: the same with 60 MiB (under the size caps: streamed, stopped at the row limit)
 *   - csv-blank-20mb: 20 MB of blank lines
 *   - csv-50001-rows: one row more than the limit
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { blankLinesCsv, xlsxBomb } from '../fixtures/import-bombs';

const PASS = 'bench-bombe-passphrase-lang-nok';

async function child(file: string, format: 'csv' | 'xlsx') {
  const root = mkdtempSync(join(tmpdir(), 'ssp-bomb-'));
  try {
    const ctx = createAppContext({ vaultDir: join(root, 'vault'), kdf: TEST_KDF, validateOutput: false });
    const dispatch = createDispatcher(ctx);
    const ok = await dispatch('vault.create', { passphrase: PASS, passphraseConfirm: PASS, owner: { name: 'Bench', role: 'SSP-koordinator', area: 'Bench' } });
    if (!ok.ok) throw new Error('vault.create failed');
    const content = readFileSync(file);
    const before = process.resourceUsage().maxRSS;
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    const t = performance.now();
    const r = await dispatch('cases.import', { fileName: `f.${format}`, format, contentBase64: content.toString('base64') });
    const ms = performance.now() - t;
    h.disable();
    const value = r.ok ? (r.value as { ok: boolean; errors?: { reason: string }[] }) : null;
    console.log(
      JSON.stringify({
        bytes: content.length,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        rssBeforeImportMiB: Math.round(before / 1024),
        ms: Math.round(ms),
        eventLoopMaxDelayMs: Math.round(h.max / 1e6),
        answer: value ? (value.ok ? 'imported' : value.errors?.[0]?.reason.slice(0, 60)) : 'error',
      }),
    );
    ctx.vault.lock();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function parent() {
  const dir = mkdtempSync(join(tmpdir(), 'ssp-bombs-'));
  try {
    const rows = ['fornavn;efternavn;cpr;foedselsdato;koen;bydel;niveau;oprettet', ...Array.from({ length: 50_001 }, (_, i) => `Navn${i};Efternavn${i};;01-02-2010;K;Valby;1;01-02-2024`)];
    const files: [string, 'csv' | 'xlsx', () => Promise<Buffer> | Buffer][] = [
      ['xlsx-100mib', 'xlsx', () => xlsxBomb(100)],
      ['xlsx-60mib', 'xlsx', () => xlsxBomb(60)],
      ['csv-blank-20mb', 'csv', () => blankLinesCsv(20)],
      ['csv-50001-rows', 'csv', () => Buffer.from(rows.join('\r\n'))],
    ];
    for (const [name, format, make] of files) {
      const file = join(dir, `${name}.${format}`);
      writeFileSync(file, await make());
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/import-bombs.ts', file, format], { encoding: 'utf8', timeout: 600_000 });
      const line = run.stdout.trim().split('\n').pop() ?? '';
      try {
        console.log(JSON.stringify({ file: name, ...(JSON.parse(line) as object) }));
      } catch {
        console.log(JSON.stringify({ file: name, failed: run.stderr.slice(0, 400) }));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2]) void child(process.argv[2], process.argv[3] as 'csv' | 'xlsx');
else void parent();
