/**
 * Issue 15, item 7: the import is bounded. The XLSX's unpacked sizes are checked from the ZIP's
 * directory before anything is unpacked; the file is read in a worker thread with a memory cap,
 * so the main process keeps answering while a file is read, and a file that needs more memory
 * is refused, not fatal. Peak memory of the worst files is measured in `npm run bench`
 * (tests/bench/import-bombs.ts), not asserted here.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createTestVault, type TestVault } from './helpers';
import { blankLinesCsv, xlsxBomb } from '../fixtures/import-bombs';
import { readInWorker } from '../../src/main/cases/import-run';

let v: TestVault;
beforeAll(async () => {
  v = await createTestVault();
});
afterAll(() => v.cleanup());

type Result = { ok: boolean; errors?: { line: number; reason: string }[] };
const importFile = (bytes: Buffer, format: 'csv' | 'xlsx') => v.call<Result>('cases.import', { fileName: `f.${format}`, format, contentBase64: bytes.toString('base64') });
const count = (table: string) => (v.ctx.vault.current.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('import bounds', () => {
  it('an XLSX of about 10 MB with 100 MiB of sheet XML is refused from its ZIP directory, before unpacking', async () => {
    const bomb = await xlsxBomb(100);
    expect(bomb.length).toBeLessThan(14_000_000);
    const r = await importFile(bomb, 'xlsx');
    expect(r).toEqual({ ok: false, errors: [{ line: 1, reason: expect.stringContaining('Regnearket er for stort til at blive importeret') }] });
    expect(count('cases')).toBe(0);
  }, 180_000);

  it('a 20 MB CSV of blank lines is read in a worker while the main thread keeps answering; refused as empty', async () => {
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    const r = await importFile(blankLinesCsv(20), 'csv');
    h.disable();
    expect(r).toEqual({ ok: false, errors: [{ line: 1, reason: 'Filen er tom.' }] });
    // Read on the main thread this took seconds (and 2.3 GB); in the worker the main thread only decodes the base64.
    console.log(`event loop: max delay ${Math.round(h.max / 1e6)} ms during the blank-line CSV`);
    expect(h.max / 1e6).toBeLessThan(1500);
    const withHeader = await importFile(blankLinesCsv(20, 'fornavn;efternavn;cpr;bydel;niveau;oprettet'), 'csv');
    expect(withHeader).toEqual({ ok: false, errors: [{ line: 1, reason: expect.stringContaining('ingen rækker') }] });
  }, 120_000);

  it('a file that needs more memory than the worker may use is refused in Danish; the main process lives on', async () => {
    const csv = Buffer.from(['fornavn;efternavn;bydel', ...Array.from({ length: 200_000 }, (_, i) => `Navn${i};Efternavn${i};Valby`)].join('\n'));
    // Each read takes over the bytes it is given, so each gets its own copy.
    const r = await readInWorker('csv', Buffer.from(csv), { maxRows: 1_000_000, maxCells: 256 }, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 });
    expect(r).toEqual({ ok: false, line: 1, reason: expect.stringContaining('kræver mere hukommelse') });
    // With the app's caps the same file reads.
    const ok = await readInWorker('csv', Buffer.from(csv), { maxRows: 1_000_000, maxCells: 256 });
    expect(ok.ok && ok.rows.length).toBe(200_001);
  }, 120_000);

  it('reading stops at the row limit: the rows after it are never kept', async () => {
    const csv = Buffer.from(['fornavn;efternavn', ...Array.from({ length: 5_000 }, (_, i) => `Navn${i};Efternavn${i}`)].join('\n'));
    const r = await readInWorker('csv', csv, { maxRows: 100, maxCells: 256 });
    expect(r.ok && [r.rows.length, r.truncated, r.rows.at(-1)!.line]).toEqual([100, true, 100]);
  });
});
