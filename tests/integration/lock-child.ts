/**
 * A second program for the two-process tests (lock.test.ts), run with `node --import tsx`.
 *
 *   writer VAULT        the app: unlocks through the real dispatcher and adds notes to one case
 *                       until a line arrives on stdin; one JSON line per call on stdout
 *                       ({"t":"commit","noteId","textSha"} or {"t":"refused","code"}), then locks.
 *   hold-write VAULT MS holds a write transaction on the database for MS milliseconds with a raw
 *                       connection (as a checkpoint or another writer would), ignoring the vault
 *                       lock, to show that a busy database makes a write wait instead of failing.
 * The passphrase comes in LOCK_PASSPHRASE.
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { Vault } from '../../src/main/vault/vault';
import { openEncryptedDatabase } from '../../src/main/core/connection';
import type { Result } from '../../src/shared/contract';

const [mode, vaultDir, arg] = process.argv.slice(2);
const passphrase = process.env.LOCK_PASSPHRASE ?? '';
const emit = (line: Record<string, unknown>) => writeSync(1, `${JSON.stringify(line)}\n`);
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

async function writer(): Promise<void> {
  const ctx = createAppContext({ vaultDir: vaultDir!, kdf: TEST_KDF, validateOutput: true });
  const dispatch = createDispatcher(ctx);
  const call = async <T>(name: string, input: unknown) => (await dispatch(name, input)) as Result<T>;
  const unlocked = await call('vault.unlock', { method: 'passphrase', secret: passphrase });
  if (!unlocked.ok) {
    emit({ t: 'fatal', code: unlocked.error.code, message: unlocked.error.message });
    process.exit(3);
  }
  const opened = await call<{ id: number }>('cases.open', {
    person: { firstName: 'Åse', lastName: 'Låsegård', birthDate: '2011-04-03' },
    level: 1,
    reason: 'Bekymring fra skolen',
    openedOn: '2026-01-05',
  });
  if (!opened.ok) {
    emit({ t: 'fatal', code: opened.error.code });
    process.exit(3);
  }
  emit({ t: 'ready', caseId: opened.value.id });
  let stop = false;
  process.stdin.once('data', () => (stop = true));
  for (let i = 1; !stop; i++) {
    const text = `Notat ${i} om samtalen på Østerbro`;
    const r = await call<{ notes: { id: number }[] }>('cases.addNote', { caseId: opened.value.id, text });
    if (r.ok) emit({ t: 'commit', noteId: Math.max(...r.value.notes.map((n) => n.id)), textSha: sha(text) });
    else emit({ t: 'refused', code: r.error.code, message: r.error.message });
    // Let stdin's event through now and then.
    if (i % 5 === 0) await new Promise((r) => setImmediate(r));
  }
  await call('vault.lock', {});
  emit({ t: 'done' });
  process.exit(0);
}

async function holdWrite(): Promise<void> {
  const vault = new Vault(vaultDir!, { kdf: TEST_KDF });
  const { key } = await vault.unwrapKey('passphrase', passphrase);
  const sqlite = openEncryptedDatabase(vault.files.database, key, { fileMustExist: true });
  key.fill(0);
  sqlite.exec('BEGIN IMMEDIATE');
  emit({ t: 'held' });
  await new Promise((r) => setTimeout(r, Number(arg ?? 1500)));
  sqlite.exec('COMMIT');
  sqlite.close();
  emit({ t: 'released' });
  process.exit(0);
}

void (mode === 'writer' ? writer() : mode === 'hold-write' ? holdWrite() : Promise.reject(new Error('mode')));
