import Database from 'better-sqlite3';
import { nativeBindingOption } from '../core/connection';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors';
import { writeFileAtomic } from '../core/durable';

/**
 * One program per vault. The lock is an OS file lock held by SQLite on a small, empty database
 * beside the vault folder (`<vault>.lock`): a connection in exclusive locking mode that has begun
 * an exclusive transaction keeps the file locked (POSIX fcntl / Windows LockFileEx) until it is
 * closed or the process ends, however it ends (a crash or SIGKILL releases it; nothing stale is
 * left to clean up). It sits beside the folder, not in it, so it also covers a restore's swap of
 * the folder and the start-up recovery of the siblings (`<vault>.restore-*`, `<vault>.old-*`).
 *
 * Who holds it is written to `<vault>.lock-holder` (program, process id, since when), so the
 * second program can say in Danish what holds the vault. Within one process the lock is shared
 * (one program), counted per folder.
 */

const holderSchema = z.object({ program: z.string().max(200), pid: z.number().int(), since: z.string().max(40) }).strict();
export type LockHolder = z.infer<typeof holderSchema>;

let processProgram = 'SSP Desk-programmet';
/** What this process calls itself in the message another program gets ("kommandolinjen (restore)"). */
export function setLockProgram(name: string): void {
  processProgram = name;
}

export function lockFilesOf(vaultDir: string) {
  return { lock: `${vaultDir}.lock`, holder: `${vaultDir}.lock-holder` };
}

interface Held {
  sqlite: Database.Database;
  count: number;
}
const held = new Map<string, Held>();

function readHolder(path: string): LockHolder | null {
  try {
    return holderSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

function timeOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'ukendt tidspunkt';
  return new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' }).format(d);
}

export function inUseMessage(holder: LockHolder | null): string {
  const who = holder ? `${holder.program} (proces ${holder.pid}, siden ${timeOf(holder.since)})` : 'et andet program';
  return `Boksen er i brug af ${who}. Kun ét program ad gangen kan have boksen åben. Luk det andet program, og prøv igen. Intet er ændret.`;
}

/** A handle on the vault lock; release() once. */
export interface VaultLock {
  release(): void;
}

/**
 * Take the vault's lock or fail at once with VAULT_IN_USE naming the holder. Never waits: the
 * app shows the message, the CLI exits non-zero.
 */
export function acquireVaultLock(vaultDir: string, now: Date = new Date()): VaultLock {
  const files = lockFilesOf(vaultDir);
  let entry = held.get(files.lock);
  if (!entry) {
    mkdirSync(dirname(files.lock), { recursive: true, mode: 0o700 });
    // The shell's Electron build of the module (a packaged app cannot load the Node build).
    const sqlite = new Database(files.lock, nativeBindingOption());
    try {
      sqlite.pragma('busy_timeout = 0');
      sqlite.pragma('locking_mode = EXCLUSIVE');
      // No journal file beside it (nothing is ever written to this database).
      sqlite.pragma('journal_mode = MEMORY');
      sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (e) {
      sqlite.close();
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY') || (e as { code?: string }).code?.startsWith('SQLITE_LOCKED')) {
        throw new AppError('VAULT_IN_USE', inUseMessage(readHolder(files.holder)));
      }
      throw new AppError('IO_ERROR', 'Boksens låsefil kan ikke oprettes. Tjek, at mappen findes, og at du har adgang til den.');
    }
    entry = { sqlite, count: 0 };
    held.set(files.lock, entry);
    try {
      writeFileAtomic(files.holder, JSON.stringify({ program: processProgram, pid: process.pid, since: now.toISOString() }));
    } catch {
      // The holder's name is a courtesy for the message; the lock itself is held.
    }
  }
  entry.count += 1;
  const e = entry;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      e.count -= 1;
      if (e.count === 0) {
        held.delete(files.lock);
        rmSync(files.holder, { force: true });
        e.sqlite.close();
      }
    },
  };
}
