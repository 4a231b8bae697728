import { migrations as embedded, type EmbeddedMigration } from '../db/migrations';
import { AppError } from './errors';
import type { Sqlite } from './connection';

const TABLE = '__ssp_migrations';

export const MIGRATION_MISMATCH_MESSAGE =
  'Boksen er lavet med en anden version af SSP Desk end denne, og kan ikke åbnes sikkert. Brug den version af programmet, boksen blev lavet med, eller kontakt SSP-Sekretariatet.';

export interface AppliedMigration {
  idx: number;
  tag: string;
  hash: string;
}

export function appliedMigrations(sqlite: Sqlite): AppliedMigration[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  return sqlite.prepare(`SELECT idx, tag, hash FROM ${TABLE} ORDER BY idx`).all() as AppliedMigration[];
}

/**
 * Check that what the vault has applied is a prefix of the migration files, then apply the rest
 * in one transaction. A vault with an unknown or altered migration is refused, never "repaired".
 */
export function migrate(sqlite: Sqlite, files: EmbeddedMigration[] = embedded, now: Date = new Date()): { applied: number } {
  const run = sqlite.transaction(() => {
    const applied = appliedMigrations(sqlite);
    if (applied.length > files.length) throw new AppError('MIGRATION_MISMATCH', MIGRATION_MISMATCH_MESSAGE);
    applied.forEach((a, i) => {
      const f = files[i]!;
      if (a.idx !== f.idx || a.tag !== f.tag || a.hash !== f.hash) {
        throw new AppError('MIGRATION_MISMATCH', MIGRATION_MISMATCH_MESSAGE);
      }
    });
    const pending = files.slice(applied.length);
    const insert = sqlite.prepare(`INSERT INTO ${TABLE} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`);
    for (const m of pending) {
      for (const statement of m.sql.split('--> statement-breakpoint')) {
        if (statement.trim()) sqlite.exec(statement);
      }
      insert.run(m.idx, m.tag, m.hash, now.toISOString());
    }
    return { applied: pending.length };
  });
  return run.immediate();
}

/** Read-only check used by `verify`: are the vault's migrations exactly the files? */
export function migrationState(sqlite: Sqlite, files: EmbeddedMigration[] = embedded): 'current' | 'pending' | 'mismatch' {
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(TABLE);
  if (!exists) return files.length ? 'pending' : 'current';
  const applied = sqlite.prepare(`SELECT idx, tag, hash FROM ${TABLE} ORDER BY idx`).all() as AppliedMigration[];
  if (applied.length > files.length) return 'mismatch';
  for (let i = 0; i < applied.length; i++) {
    const a = applied[i]!;
    const f = files[i]!;
    if (a.idx !== f.idx || a.tag !== f.tag || a.hash !== f.hash) return 'mismatch';
  }
  return applied.length === files.length ? 'current' : 'pending';
}
