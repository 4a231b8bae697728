import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase, toDrizzle, type Sqlite } from '../../src/main/core/connection';
import { sql } from 'drizzle-orm';
import { createBackup } from '../../src/main/vault/backup';
import { Vault } from '../../src/main/vault/vault';
import { lockFilesOf } from '../../src/main/vault/lock';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { todayOf } from '../../src/main/core/clock';
import { buildImportCsv } from '../bench/importCsv';
import { createTestVault, PASSPHRASE, tempDir } from './helpers';

/**
 * One program per vault, and write transactions that wait for a busy database. Real processes:
 * the app is lock-child.ts (the real dispatcher), the CLI is src/main/cli/index.ts.
 */

const root = tempDir('ssp-lock-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const passFile = join(root, 'pass.txt');
writeFileSync(passFile, `${PASSPHRASE}\n`);
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

interface Proc {
  proc: ChildProcessWithoutNullStreams;
  lines: Record<string, unknown>[];
  wait(pred: (l: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  exit: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
}

function run(args: string[]): Proc {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, LOCK_PASSPHRASE: PASSPHRASE }, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let out = '';
  let err = '';
  let buf = '';
  const waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (c: string) => {
    out += c;
    buf += c;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const text = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const w of [...waiters]) if (w.pred(line)) w.resolve(line);
    }
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (c: string) => (err += c));
  const exit = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
  return {
    proc,
    lines,
    exit,
    stdout: () => out,
    stderr: () => err,
    wait(pred, ms = 60_000) {
      const found = lines.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out; stderr: ${err}; lines: ${JSON.stringify(lines.slice(-3))}`)), ms);
        waiters.push({ pred, resolve: (l) => (clearTimeout(t), resolve(l)) });
        void exit.then(() => setTimeout(() => reject(new Error(`exited; stderr: ${err}; lines: ${JSON.stringify(lines.slice(-3))}`)), 50));
      });
    },
  };
}
const cli = (...args: string[]) => run(['src/main/cli/index.ts', ...args]);
const app = (dir: string) => run(['tests/integration/lock-child.ts', 'writer', dir]);

/** Wait until the lock-holder file names `program` (the lock is taken). */
async function heldBy(dir: string, program: RegExp, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  const file = lockFilesOf(dir).holder;
  while (Date.now() < until) {
    if (existsSync(file) && program.test(readFileSync(file, 'utf8'))) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`lock never held by ${program}`);
}

/** Every note the app reported saved is in the vault with its text; the app saw no refusal. */
async function expectAppWritesKept(dir: string, writer: Proc): Promise<number> {
  const refused = writer.lines.filter((l) => l.t === 'refused');
  expect(refused, 'no error reached the app user').toEqual([]);
  const commits = writer.lines.filter((l) => l.t === 'commit');
  const vault = new Vault(dir, { kdf: TEST_KDF });
  await vault.unlock('passphrase', PASSPHRASE);
  try {
    const notes = new Map((vault.current.sqlite.prepare('SELECT id, text FROM case_notes').all() as { id: number; text: string }[]).map((n) => [n.id, n.text]));
    for (const c of commits) expect(sha(notes.get(c.noteId as number) ?? ''), `note ${String(c.noteId)}`).toBe(c.textSha);
    expect(vault.current.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  } finally {
    vault.lock();
  }
  return commits.length;
}

async function vaultWithBackup(name: string): Promise<{ dir: string; backup: string }> {
  const v = await createTestVault({ dir: join(root, name, 'vault') });
  const backup = join(root, name, 'backup.sspbak');
  createBackup(v.ctx.vault, backup);
  v.ctx.vault.lock();
  return { dir: v.dir, backup };
}

async function keyOf(dir: string): Promise<Buffer> {
  return (await new Vault(dir, { kdf: TEST_KDF }).unwrapKey('passphrase', PASSPHRASE)).key;
}

describe('write transactions begin IMMEDIATE', () => {
  // The vault's own connection is in exclusive locking mode (no other connection can touch its
  // file while it is open); these use two ordinary connections from openEncryptedDatabase on a
  // vault's database, to show the property every writable connection it makes has.
  it('a transaction holds the write lock from BEGIN, even before its first write', async () => {
    const v = await createTestVault({ dir: join(root, 'immediate', 'vault') });
    v.ctx.vault.lock();
    const key = await keyOf(v.dir);
    const first: Sqlite = openEncryptedDatabase(v.files.database, key, { fileMustExist: true });
    const other: Sqlite = openEncryptedDatabase(v.files.database, key, { fileMustExist: true });
    other.pragma('busy_timeout = 0');
    try {
      const db = toDrizzle(first);
      let secondWriter: string | null = 'not tried';
      db.transaction((tx) => {
        tx.all(sql`SELECT count(*) FROM cases`);
        try {
          other.exec('BEGIN IMMEDIATE; ROLLBACK');
          secondWriter = null;
        } catch (e) {
          secondWriter = (e as { code?: string }).code ?? 'error';
        }
      });
      // DEFERRED would have taken no write lock yet, and the other connection would have got it.
      expect(secondWriter).toBe('SQLITE_BUSY');
      // Raw better-sqlite3 transactions (retention, seeding, migrations) too.
      first.transaction(() => {
        expect(() => other.exec('BEGIN IMMEDIATE; ROLLBACK')).toThrow(/locked|busy/i);
      })();
    } finally {
      other.close();
      first.close();
      key.fill(0);
      v.cleanup();
    }
  });

  it('a read-then-write transaction waits for a busy database (busy_timeout) instead of failing with SQLITE_BUSY', async () => {
    const v = await createTestVault({ dir: join(root, 'busy', 'vault') });
    v.ctx.vault.lock();
    const key = await keyOf(v.dir);
    const conn = openEncryptedDatabase(v.files.database, key, { fileMustExist: true });
    key.fill(0);
    const holder = run(['tests/integration/lock-child.ts', 'hold-write', v.dir, '1500']);
    try {
      await holder.wait((l) => l.t === 'held');
      const t0 = Date.now();
      const db = toDrizzle(conn);
      const results: string[] = [];
      for (let i = 0; i < 3; i++) {
        try {
          db.transaction((tx) => {
            const n = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM settings`);
            tx.run(sql`INSERT OR REPLACE INTO settings (key, value) VALUES (${`busy-test-${i}`}, ${String(n?.n ?? 0)})`);
          });
          results.push('ok');
        } catch (e) {
          results.push((e as { code?: string }).code ?? 'error');
        }
      }
      const waited = Date.now() - t0;
      expect(results).toEqual(['ok', 'ok', 'ok']);
      expect(waited).toBeGreaterThan(300);
      console.log(`busy database: 3 read-then-write transactions waited ${waited} ms for the other writer and all succeeded`);
      expect(await holder.exit).toBe(0);
    } finally {
      holder.proc.kill('SIGKILL');
      conn.close();
      v.cleanup();
    }
  }, 60_000);
});

describe('one program per vault', () => {
  it('app (dispatcher) writing + CLI restore: the restore is refused naming the app, every saved write is kept', async () => {
    const { dir, backup } = await vaultWithBackup('app-restore');
    const writer = app(dir);
    try {
      await writer.wait((l) => l.t === 'ready');
      await writer.wait((l) => l.t === 'commit');
      const restore = cli('restore', '--vault', dir, '--passphrase-file', passFile, '--from', backup);
      expect(await restore.exit).toBe(1);
      expect(restore.stderr()).toMatch(new RegExp(`^Fejl: Boksen er i brug af SSP Desk-programmet \\(proces ${writer.proc.pid}, siden [^)]+\\)\\. .*Intet er ændret\\.\\n$`));
      // The app goes on writing after the refused restore.
      const before = writer.lines.filter((l) => l.t === 'commit').length;
      await writer.wait((l) => l.t === 'commit' && writer.lines.filter((x) => x.t === 'commit').length > before + 5);
      writer.proc.stdin.write('stop\n');
      await writer.wait((l) => l.t === 'done');
      expect(await writer.exit).toBe(0);
      const kept = await expectAppWritesKept(dir, writer);
      expect(kept).toBeGreaterThan(5);
      console.log(`app + CLI restore: restore refused (exit 1), ${kept} notes the app reported saved are all in the vault, 0 errors in the app`);
    } finally {
      writer.proc.kill('SIGKILL');
    }
  }, 120_000);

  it('app writing + CLI import: the import is refused; CLI importing + app: the unlock is refused naming the import', async () => {
    const { dir } = await vaultWithBackup('app-import');
    const csv = join(root, 'app-import', 'sager.csv');
    {
      const v = new Vault(dir, { kdf: TEST_KDF });
      await v.unlock('passphrase', PASSPHRASE);
      writeFileSync(csv, buildImportCsv(v.current.sqlite, 8000, todayOf(new Date())));
      v.lock();
    }
    const writer = app(dir);
    try {
      await writer.wait((l) => l.t === 'commit');
      const imp = cli('import', '--vault', dir, '--passphrase-file', passFile, '--file', csv);
      expect(await imp.exit).toBe(1);
      expect(imp.stderr()).toMatch(/^Fejl: Boksen er i brug af SSP Desk-programmet \(proces \d+/);
      writer.proc.stdin.write('stop\n');
      expect(await writer.exit).toBe(0);
      const kept = await expectAppWritesKept(dir, writer);

      // The other way round: the CLI imports, the app is refused with the CLI named, not BUSY.
      const imp2 = cli('import', '--vault', dir, '--passphrase-file', passFile, '--file', csv);
      await heldBy(dir, /kommandolinjen \(import\)/);
      const { createAppContext } = await import('../../src/main/app-context');
      const { createDispatcher } = await import('../../src/main/modules');
      const ctx = createAppContext({ vaultDir: dir, kdf: TEST_KDF });
      const dispatch = createDispatcher(ctx);
      const refused = await dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
      expect(refused).toEqual({ ok: false, error: { code: 'VAULT_IN_USE', message: expect.stringMatching(/^Boksen er i brug af kommandolinjen \(import\) \(proces \d+, siden/) } });
      expect(ctx.vault.state()).toBe('locked');
      expect(await imp2.exit, imp2.stderr()).toBe(0);
      expect(imp2.stdout()).toMatch(/Importeret 8000 sager/);
      const unlocked = await dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
      expect(unlocked.ok).toBe(true);
      expect((ctx.vault.current.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(8000 + 1);
      ctx.vault.lock();
      console.log(`app + CLI import: import refused while the app wrote (${kept} app notes kept); app unlock refused with VAULT_IN_USE while the CLI imported 8000 rows, then opened them all`);
    } finally {
      writer.proc.kill('SIGKILL');
    }
  }, 180_000);

  it('two CLIs: the second is refused, naming the first, and exits non-zero', async () => {
    const { dir, backup } = await vaultWithBackup('two-cli');
    const csv = join(root, 'two-cli', 'sager.csv');
    {
      const v = new Vault(dir, { kdf: TEST_KDF });
      await v.unlock('passphrase', PASSPHRASE);
      writeFileSync(csv, buildImportCsv(v.current.sqlite, 8000, todayOf(new Date())));
      v.lock();
    }
    const first = cli('import', '--vault', dir, '--passphrase-file', passFile, '--file', csv);
    await heldBy(dir, /kommandolinjen \(import\)/);
    const second = cli('restore', '--vault', dir, '--passphrase-file', passFile, '--from', backup);
    const third = cli('backup', '--vault', dir, '--passphrase-file', passFile, '--out', join(root, 'two-cli', 'b2.sspbak'));
    expect(await second.exit).toBe(1);
    expect(await third.exit).toBe(1);
    for (const p of [second, third]) expect(p.stderr()).toMatch(/^Fejl: Boksen er i brug af kommandolinjen \(import\) \(proces \d+, siden .*Intet er ændret\.\n$/);
    expect(await first.exit, first.stderr()).toBe(0);
    expect(existsSync(join(root, 'two-cli', 'b2.sspbak'))).toBe(false);
    const v = new Vault(dir, { kdf: TEST_KDF });
    await v.unlock('passphrase', PASSPHRASE);
    expect((v.current.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(8000);
    v.lock();
    // Once the first has finished, the lock is free again (nothing stale left behind).
    const after = cli('backup', '--vault', dir, '--passphrase-file', passFile, '--out', join(root, 'two-cli', 'b3.sspbak'));
    expect(await after.exit, after.stderr()).toBe(0);
  }, 180_000);

  it('a killed holder leaves no stale lock', async () => {
    const { dir } = await vaultWithBackup('killed');
    const writer = app(dir);
    await writer.wait((l) => l.t === 'commit');
    writer.proc.kill('SIGKILL');
    await writer.exit;
    const v = new Vault(dir, { kdf: TEST_KDF });
    await v.unlock('passphrase', PASSPHRASE);
    expect(v.state()).toBe('unlocked');
    v.lock();
  }, 60_000);
});
