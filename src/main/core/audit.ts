import { sql } from 'drizzle-orm';
import { auditLog } from './schema';
import { perConnection, type DbOrTx } from './connection';

export type AuditAction = 'create' | 'update' | 'delete' | 'view' | 'reveal' | 'export' | 'import' | 'lock' | 'unlock' | 'backup' | 'restore' | string;

const param = sql.placeholder;
/** Prepared once per connection: every write audits, and an import writes thousands (see BENCHMARKS.md). */
const insertAudit = perConnection((db) =>
  db
    .insert(auditLog)
    .values({ at: param('at'), actor: param('actor'), action: param('action'), entity: param('entity'), entityId: param('entityId'), detail: param('detail') })
    .prepare(),
);

/**
 * Record who did what to which record. `detail` is codes and ids only, never personal values.
 * Called inside the same transaction as the write it describes.
 */
export function audit(db: DbOrTx, entry: { at: Date; actor: string; action: AuditAction; entity: string; entityId?: number | null; detail?: string | null }): void {
  insertAudit(db).run({
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? null,
  });
}
