/**
 * Runs the file reader (import-read.ts) in a worker thread with a memory cap and a time limit, so
 * a hostile or huge file never blocks or exhausts the main process: the worker is ended and the
 * user gets a Danish refusal. Built app: out/main/import-worker.js beside the main bundle
 * (electron.vite.config.ts); from source (tests, CLI with tsx): the .ts file through tsx.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readSheetFile, type ReadLimits, type ReadResult } from './import-read';

/** The worker's heap caps: with the streaming readers a 50,000-row file needs well under this. */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 } as const;
export const WORKER_TIMEOUT_MS = 60_000;

const OUT_OF_MEMORY =
  'Filen er for stor eller for indviklet til at blive læst (den kræver mere hukommelse, end en sagsliste kan). Tjek, at den kun indeholder sagslisten, og prøv igen.';
const TOO_SLOW = 'Det tog for lang tid at læse filen. Tjek, at den kun indeholder sagslisten, og prøv igen.';
const FAILED = 'Filen kan ikke læses. Gem den igen som .xlsx eller .csv, og prøv igen.';

/** The built worker beside this bundle, or (from source) a bootstrap that loads the .ts file through tsx. */
function workerEntry(): { script: URL | string; eval: boolean } {
  const built = new URL('./import-worker.js', import.meta.url);
  if (built.protocol === 'file:' && existsSync(fileURLToPath(built))) return { script: built, eval: false };
  const source = new URL('./import-worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return { script: `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`, eval: true };
}

/**
 * A CSV up to this size is read in the calling thread: decoded and parsed it needs a few tens of MB
 * and well under a second, less than starting a worker (which loads the readers anew each time).
 * Every XLSX goes to the worker, however small: a small ZIP can unpack to a lot.
 */
export const IN_PROCESS_CSV_BYTES = 3 * 1024 * 1024;

/** Read the file in a worker. Never throws for a bad file: a refusal is `{ ok: false }` at line 1. `content` is handed over (emptied). */
export function readInWorker(format: 'csv' | 'xlsx', content: Buffer, limits: ReadLimits, heap: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number } = {}): Promise<ReadResult> {
  if (format === 'csv' && content.byteLength <= IN_PROCESS_CSV_BYTES && Object.keys(heap).length === 0) return readSheetFile('csv', content, limits);
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    let settled = false;
    // The bytes are moved to the worker, not copied (the caller's buffer is emptied): one copy of a 20 MB file, not two.
    // A small Buffer shares Node's pool with others: that one is copied into its own memory, never moved.
    const owned = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.buffer instanceof ArrayBuffer && content.byteLength > Buffer.poolSize;
    const bytes = owned ? new Uint8Array(content.buffer as ArrayBuffer) : new Uint8Array(content);
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: { format, content: bytes, limits },
      transferList: [bytes.buffer as ArrayBuffer],
      resourceLimits: { ...WORKER_LIMITS, ...heap },
      stdout: false,
      stderr: false,
    });
    const finish = (r: ReadResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, line: 1, reason: TOO_SLOW }), WORKER_TIMEOUT_MS);
    worker.on('message', (m: ReadResult | { crashed: string }) => finish('crashed' in m ? { ok: false, line: 1, reason: FAILED } : m));
    worker.on('error', (e: Error & { code?: string }) => finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, line: 1, reason: OUT_OF_MEMORY } : { ok: false, line: 1, reason: FAILED }));
    worker.on('exit', (code) => finish({ ok: false, line: 1, reason: code === 0 ? FAILED : OUT_OF_MEMORY }));
  });
}
