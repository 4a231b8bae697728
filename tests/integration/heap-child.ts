/**
 * Child process of security-heap.test.ts: uses a vault the way the app does (create, write, lock,
 * unlock, change passphrase, backup, lock), then collects garbage and writes a heap snapshot for the
 * parent to scan for the database key and the passphrases, and (argv[4]) a dump of all its
 * writable memory, native heap included (SQLite's and OpenSSL's allocations). The secrets come in on stdin (not argv,
 * which stays in the heap for the life of the process) and every reference to them is dropped.
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { join } from 'node:path';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';

const [vaultDir, snapshotFile] = process.argv.slice(2) as [string, string];
const gc = (globalThis as { gc?: () => void }).gc!;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function use(input: Buffer): Promise<void> {
  const ctx = createAppContext({ vaultDir, kdf: TEST_KDF, backupDir: join(vaultDir, '..', 'backups') });
  const dispatch = createDispatcher(ctx);
  const must = async (name: string, payload: unknown) => {
    const r = (await dispatch(name, payload)) as { ok: boolean; error?: { code: string } };
    if (!r.ok) throw new Error(`${name}: ${r.error?.code}`);
  };
  const [first, second] = input.toString('utf8').split('\n') as [string, string];
  await must('vault.create', { passphrase: first, passphraseConfirm: first, owner: { name: 'Heap Testsen', role: 'SSP-koordinator', area: 'SSP Indre By' } });
  await must('people.create', { firstName: 'Aske', lastName: 'Holmgaard', birthDate: '2009-04-05' });
  await must('vault.lock', {});
  await must('vault.unlock', { method: 'passphrase', secret: first });
  await must('vault.changePassphrase', { current: first, next: second, nextConfirm: second });
  await must('backup.create', {});
  await must('vault.lock', {});
  await must('vault.unlock', { method: 'passphrase', secret: second });
  await must('vault.lock', {});
}

// Positive controls the parent must find: a live string and a live Buffer (native memory).
const keep = { text: ['heap', 'control', 'marker', String(process.pid)].join('-'), bytes: Buffer.from('6e61746976652d636f6e74726f6c2d6d61726b6572', 'hex') };
(globalThis as { heapControl?: unknown }).heapControl = keep;
const input = await readStdin();
await use(input);
input.fill(0);
for (let i = 0; i < 6; i++) {
  gc();
  await new Promise((r) => setTimeout(r, 20));
}
writeHeapSnapshot(snapshotFile);
if (process.argv[4]) dumpMemory(process.argv[4]);
process.stdout.write('snapshot written\n');

/** The process's whole writable memory (native heap included), for the parent to scan. Linux only. */
function dumpMemory(outFile: string): void {
  const maps = readFileSync('/proc/self/maps', 'utf8').split('\n');
  const mem = openSync('/proc/self/mem', 'r');
  const out = openSync(outFile, 'w');
  const buf = Buffer.alloc(1 << 20);
  try {
    for (const line of maps) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) rw/.exec(line);
      if (!m || line.includes('[vvar]')) continue;
      for (let at = parseInt(m[1]!, 16), end = parseInt(m[2]!, 16); at < end; ) {
        const n = Math.min(buf.length, end - at);
        let got = 0;
        try {
          got = readSync(mem, buf, 0, n, at);
        } catch {
          break;
        }
        if (got <= 0) break;
        writeSync(out, buf, 0, got);
        at += got;
      }
    }
  } finally {
    buf.fill(0);
    closeSync(mem);
    closeSync(out);
  }
}
