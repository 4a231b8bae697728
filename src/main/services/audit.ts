import { auditLog } from '../db/schema';
import type { DbOrTx } from '../db/connection';

export type AuditAction = 'create' | 'update' | 'delete' | 'view' | 'reveal' | 'export' | 'import' | 'lock' | 'unlock' | 'backup' | 'restore' | string;

/**
 * Record who did what to which record. `detail` is codes and ids only, never personal values.
 * Called inside the same transaction as the write it describes.
 */
export function audit(db: DbOrTx, entry: { at: Date; actor: string; action: AuditAction; entity: string; entityId?: number | null; detail?: string | null }): void {
  db.insert(auditLog)
    .values({
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}
