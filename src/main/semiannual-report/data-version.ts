/**
 * The version of a connection's data, for what the report keeps between calls (the timeline,
 * the protected reports): the connection's change counter (every insert, update and delete
 * through it, the app's only writer while the vault is open) with SQLite's data_version (changes
 * by any other connection), so any write makes the next report a fresh one. The report's own
 * export audit entries are left out (`countOwnAudit`): the report reads no audit rows, so an
 * export does not make the next export of the same half-years a fresh computation.
 */
import type { Sqlite } from '../core/connection';

const ownAuditChanges = new WeakMap<Sqlite, number>();

export const totalChanges = (sqlite: Sqlite) => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

export function dataVersion(sqlite: Sqlite): string {
  const changes = totalChanges(sqlite) - (ownAuditChanges.get(sqlite) ?? 0);
  return `${changes}:${String(sqlite.pragma('data_version', { simple: true }))}`;
}

/** Runs `write` (the report's export audit entry) without it counting as a change to the data. */
export function withoutVersionChange(sqlite: Sqlite, write: () => void): void {
  const before = totalChanges(sqlite);
  write();
  ownAuditChanges.set(sqlite, (ownAuditChanges.get(sqlite) ?? 0) + totalChanges(sqlite) - before);
}
