import { audit } from '../core/audit';
import type { Sqlite } from '../core/connection';
import type { OpenVault } from '../core/context';

/**
 * Restore keeps the record (issue 15): the audit entries the current vault wrote after the backup
 * was taken (reveals, exports, deletions ...) are carried into the restored vault, so restoring an
 * older backup does not rewind the audit trail. Called from restoreBackup: readAuditSince before
 * the swap, carryAuditInto once the restored vault is open.
 */
export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  detail: string | null;
}

/** The entries from `since` on (the backup's createdAt); null when the current vault is not open to read. */
export function readAuditSince(open: OpenVault | null, since: string): AuditRow[] | null {
  if (!open) return null;
  return open.sqlite
    .prepare(`SELECT at, actor, action, entity, entity_id AS entityId, detail FROM audit_log WHERE at >= ? ORDER BY id`)
    .all(since) as AuditRow[];
}

const key = (r: AuditRow) => JSON.stringify([r.at, r.actor, r.action, r.entity, r.entityId, r.detail]);

/**
 * Insert the carried entries the restored vault does not have yet (those written in the same
 * instant as the backup may be in it already), with their own times and actors, and note the carry.
 * Returns how many were carried.
 */
export function carryAuditInto(restored: OpenVault, rows: AuditRow[] | null, now: Date): number {
  const sqlite: Sqlite = restored.sqlite;
  return sqlite.transaction(() => {
    if (rows === null) {
      audit(restored.db, { at: now, actor: restored.owner.name, action: 'restore', entity: 'audit', detail: 'not-carried:vault-was-locked' });
      return 0;
    }
    const since = rows[0]?.at;
    const present = new Set(
      since
        ? (sqlite.prepare(`SELECT at, actor, action, entity, entity_id AS entityId, detail FROM audit_log WHERE at >= ?`).all(since) as AuditRow[]).map(key)
        : [],
    );
    const insert = sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)`);
    let carried = 0;
    for (const r of rows) {
      if (present.has(key(r))) continue;
      insert.run(r.at, r.actor, r.action, r.entity, r.entityId, r.detail);
      carried += 1;
    }
    audit(restored.db, { at: now, actor: restored.owner.name, action: 'restore', entity: 'audit', detail: `carried:${carried}` });
    return carried;
  })();
}
