import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from './errors';

/** Drizzle over the connection; queries name each domain's tables themselves (no relational schema). */
export type Db = BetterSQLite3Database;
export type Sqlite = Database.Database;

/**
 * Under Electron the Node build of the native module cannot load (different ABI): the packaged
 * app ships a second build made with @electron/rebuild, whose path the shell passes here.
 */
let nativeBinding: string | undefined;
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** The options every `new Database` in main passes: the Electron build of the module when the shell set one. */
export function nativeBindingOption(): { nativeBinding?: string } {
  return nativeBinding ? { nativeBinding } : {};
}

export const DATABASE_CORRUPT_MESSAGE =
  'Databasen i boksen kan ikke læses: den er beskadiget eller hører ikke til denne nøglefil. Gendan fra en sikkerhedskopi.';

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * Key the connection through the module's key API (sqlite3_key) with SQLCipher's raw-key form
 * x'<64 hex digits>', built byte by byte in a Buffer that is zeroed at once: the key never becomes
 * a JavaScript string (a `PRAGMA key` statement would leave its text in the heap; issue 15).
 */
function setRawKey(sqlite: Sqlite, key: Buffer): void {
  if (key.length !== 32) throw new Error('A database key is 32 bytes');
  const spec = Buffer.alloc(3 + 64);
  try {
    spec[0] = 0x78; // x
    spec[1] = 0x27; // '
    for (let i = 0; i < 32; i++) {
      spec[2 + 2 * i] = HEX[key[i]! >> 4]!;
      spec[3 + 2 * i] = HEX[key[i]! & 15]!;
    }
    spec[66] = 0x27;
    (sqlite as unknown as { key(k: Buffer): number }).key(spec);
  } finally {
    spec.fill(0);
  }
}

/**
 * Open the encrypted database with a raw 256-bit key (SQLCipher v4 page encryption through
 * SQLite3MultipleCiphers; the WAL is encrypted too). The key is checked by the first read.
 */
export function openEncryptedDatabase(file: string, key: Buffer, options: { readonly?: boolean; fileMustExist?: boolean; exclusive?: boolean } = {}): Sqlite {
  let sqlite: Sqlite | undefined;
  try {
    sqlite = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.fileMustExist ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    sqlite.pragma(`cipher='sqlcipher'`);
    sqlite.pragma('legacy=4');
    setRawKey(sqlite, key);
    // The vault's own connection: SQLite's exclusive locking mode, set before the first access, so
    // the file stays locked by this connection while it is open and the WAL index lives in this
    // process's memory instead of a `-shm` file (one file fewer for a crash or a power cut to leave
    // behind; under LazyFS a cut `-shm` made the next open fail with SQLITE_IOERR_SHMOPEN).
    if (options.exclusive) sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      // FULL: a transaction reported committed survives a crash of the app or the OS.
      sqlite.pragma('synchronous = FULL');
      writeTransactionsImmediate(sqlite);
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    tuneConnection(sqlite, { analyse: !options.readonly });
    return sqlite;
  } catch (e) {
    sqlite?.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('DATABASE_CORRUPT', DATABASE_CORRUPT_MESSAGE);
    }
    // Extended codes too (SQLITE_IOERR_WRITE, SQLITE_CANTOPEN_ISDIR ...).
    if (code && /^SQLITE_(CANTOPEN|READONLY|IOERR|FULL)(_|$)/.test(code)) {
      throw new AppError('IO_ERROR', 'Boksens fil kan ikke åbnes til skrivning. Tjek, at mappen findes, at der er plads på disken, og at du har adgang til den.');
    }
    throw e;
  }
}

/**
 * Every transaction on this connection begins IMMEDIATE (takes the write lock at BEGIN): a
 * DEFERRED transaction that reads first and then writes cannot wait for a busy database (SQLite
 * answers SQLITE_BUSY at once, since waiting could deadlock), so busy_timeout never applied.
 * better-sqlite3's `transaction()` and drizzle's `db.transaction()` (which calls its `.deferred`
 * variant) both go through the connection's `transaction`, so it is replaced here once; nested
 * transactions stay savepoints. Read-only connections keep the default.
 */
export function writeTransactionsImmediate(sqlite: Sqlite): void {
  const original = sqlite.transaction.bind(sqlite);
  const patched = (<F extends (...args: never[]) => unknown>(fn: F) => {
    const tx = original(fn);
    const immediate = tx.immediate;
    const run = function (this: unknown, ...args: unknown[]) {
      return (immediate as unknown as (...a: unknown[]) => unknown).apply(this, args);
    };
    Object.defineProperties(run, {
      default: { value: immediate },
      deferred: { value: immediate },
      immediate: { value: immediate },
      exclusive: { value: tx.exclusive },
      database: { value: sqlite, enumerable: true },
    });
    return run as unknown as typeof tx;
  }) as Sqlite['transaction'];
  Object.defineProperty(sqlite, 'transaction', { value: patched, configurable: true, writable: true });
}

/** Indexes whose sqlite_stat4 samples are kept: their keys hold no personal data (see tuneConnection). */
export const STAT4_KEPT = ['cases_list_idx', 'cases_active_idx', 'cases_active_review_idx', 'cases_active_opened_idx'] as const;

/** Page cache per connection, in KiB (negative = KiB for SQLite). See BENCHMARKS.md. */
export const PAGE_CACHE_KIB = 64 * 1024;

/**
 * Speed settings (no effect on results or durability):
 * - a 64 MiB page cache instead of this build's 16 MB: every page read from an encrypted file is
 *   decrypted, and memory mapping does not apply to encrypted pages, so the pages the case list
 *   and reports read again and again (a 100,000-case vault is about 190 MB) stay decrypted here;
 * - temporary b-trees for sorting in memory, never in a temporary file;
 * - `PRAGMA optimize=0x10002` (SQLite's advice for long-lived connections, at open): gathers the
 *   statistics the query planner needs to choose between indexes (without them it assumes that
 *   `status = 'open'` picks out a few rows, when it is four in five, and reads 80,000 rows through
 *   an index instead of scanning the table). It analyses a table only when it has no statistics
 *   or has changed size a lot, so it is a no-op (about 1 ms) at most unlocks; the first unlock
 *   after a large import or a migration takes longer once (about 3 s at 100,000 cases). Sampled
 *   keys (sqlite_stat4) are kept only for STAT4_KEPT. Failures are ignored: statistics only
 *   speed things up.
 */
export function tuneConnection(sqlite: Sqlite, options: { analyse: boolean }): void {
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  sqlite.pragma('temp_store = MEMORY');
  if (!options.analyse) return;
  try {
    sqlite.pragma('optimize = 0x10002');
    // sqlite_stat4 holds sampled index entries, whole keys: names, CPR numbers, search trigrams.
    // Keep samples only of the case list's indexes, whose keys are codes, dates and case numbers
    // (with them the planner sees that four cases in five are open, and sorts by name by walking
    // the name index: 1 ms instead of 35 ms at 100,000 cases), so no copy of personal data
    // outlives its deletion there. Then reload the statistics, so this connection plans the same.
    if (sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'`).get()) {
      const kept = STAT4_KEPT.map((name) => `'${name}'`).join(', ');
      if (sqlite.prepare(`DELETE FROM sqlite_stat4 WHERE NOT (tbl = 'cases' AND idx IN (${kept}))`).run().changes > 0) sqlite.exec('ANALYZE sqlite_schema');
    }
  } catch {
    // Statistics are an optimisation: a full disk must not stop the vault from opening.
  }
}

export function toDrizzle(sqlite: Sqlite): Db {
  return drizzle(sqlite);
}

/** A drizzle transaction handle; services take `DbOrTx` so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** The better-sqlite3 connection under a drizzle database or transaction (drizzle keeps it as `session.client`). */
export function clientOf(db: DbOrTx): Sqlite {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!(client instanceof Database)) throw new Error('clientOf: this drizzle handle has no better-sqlite3 client');
  return client;
}

/**
 * One value per connection, built on first use: for prepared queries that live as long as the
 * connection. Building a drizzle query and preparing its SQL costs far more than running it, so
 * statements on hot paths (import: several per row) are prepared once. A transaction runs on its
 * database's connection, so a statement prepared on the connection runs inside the transaction.
 */
export function perConnection<T>(build: (db: Db) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<Sqlite, T>();
  return (db) => {
    const client = clientOf(db);
    let value = cache.get(client);
    if (value === undefined) {
      value = build(toDrizzle(client));
      cache.set(client, value);
    }
    return value;
  };
}
