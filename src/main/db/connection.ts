import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { AppError } from '../errors';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

/**
 * Under Electron the Node build of the native module cannot load (different ABI): the packaged
 * app ships a second build made with @electron/rebuild, whose path the shell passes here.
 */
let nativeBinding: string | undefined;
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export const DATABASE_CORRUPT_MESSAGE =
  'Databasen i boksen kan ikke læses: den er beskadiget eller hører ikke til denne nøglefil. Gendan fra en sikkerhedskopi.';

/**
 * Open the encrypted database with a raw 256-bit key (SQLCipher v4 page encryption through
 * SQLite3MultipleCiphers; the WAL is encrypted too). The key is checked by the first read.
 */
export function openEncryptedDatabase(file: string, key: Buffer, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Sqlite {
  let sqlite: Sqlite | undefined;
  try {
    sqlite = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.fileMustExist ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    sqlite.pragma(`cipher='sqlcipher'`);
    sqlite.pragma('legacy=4');
    sqlite.pragma(`key="x'${key.toString('hex')}'"`);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      // FULL: a transaction reported committed survives a crash of the app or the OS.
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    return sqlite;
  } catch (e) {
    sqlite?.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('DATABASE_CORRUPT', DATABASE_CORRUPT_MESSAGE);
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_IOERR' || code === 'SQLITE_FULL') {
      throw new AppError('IO_ERROR', 'Boksens fil kan ikke åbnes til skrivning. Tjek, at mappen findes, at der er plads på disken, og at du har adgang til den.');
    }
    throw e;
  }
}

export function toDrizzle(sqlite: Sqlite): Db {
  return drizzle(sqlite, { schema });
}

/** A drizzle transaction handle; services take `DbOrTx` so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
