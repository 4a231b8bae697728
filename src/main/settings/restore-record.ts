import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, programmeDate } from '../../shared/core/dates';
import { audit } from '../core/audit';
import type { RetentionPart } from '../core/module';
import type { HandlerCtx, ServiceCtx } from '../core/service-context';
import { appendDeletionLedger, readDeletionLedger, vaultOf } from '../vault';
import { listBackups } from './backups';
import { getSetting } from './store';
import { withHandoverUnlocked } from '../cases';

/**
 * Retention survives a restore (issue 15). Each retention run is written to the deletion ledger
 * beside the vault (ids and creation times only, HMAC'd: src/main/vault/deletion-ledger.ts);
 * after a restore the rows it names that the backup still holds are anonymised again with the
 * same domain parts, so deleted people stay deleted. Backups older than the retention period are
 * deleted on schedule (with every new backup, which the backup reminder asks for), with an audit note.
 */

function createdAtOf(s: ServiceCtx, table: 'cases' | 'people', ids: readonly number[]): [number, string][] {
  const q = s.sqlite.prepare(`SELECT id, created_at AS c FROM ${table} WHERE id = ?`);
  return ids.flatMap((id) => {
    const r = q.get(id) as { id: number; c: string } | undefined;
    return r ? [[r.id, r.c] as [number, string]] : [];
  });
}

/** Called by applyRetention right after its transaction commits. */
export function recordRetentionDeletion(s: HandlerCtx, caseIds: readonly number[], personIds: readonly number[]): void {
  appendDeletionLedger(vaultOf(s.app).dir, s.sqlite, {
    at: s.now.toISOString(),
    cases: createdAtOf(s, 'cases', caseIds),
    people: createdAtOf(s, 'people', personIds),
  });
}

/**
 * After a restore: anonymise again what the ledger says retention deleted, where the restored
 * vault still has it (same id and creation time, not anonymised). Audited; an invalid ledger is
 * not used and the audit trail says so.
 */
export function reapplyDeletionsAfterRestore(s: HandlerCtx, parts: readonly RetentionPart[]): { cases: number; people: number } | null {
  const read = readDeletionLedger(vaultOf(s.app).dir, s.sqlite);
  if (!read.ok) {
    audit(s.db, { at: s.now, actor: s.actor, action: 'restore', entity: 'retention', detail: 'ledger-invalid' });
    s.app.log.warn('retention.ledger_invalid');
    return null;
  }
  const stamp = s.now.toISOString();
  const caseQ = s.sqlite.prepare(`SELECT 1 FROM cases WHERE id = ? AND created_at = ? AND anonymised_at IS NULL`);
  const personQ = s.sqlite.prepare(`SELECT 1 FROM people WHERE id = ? AND created_at = ? AND anonymised_at IS NULL`);
  const result = s.sqlite.transaction(() => {
    let cases = 0;
    let people = 0;
    // A person handed over (issue 21) and removed after the receipt is read-only in a backup taken
    // while the handover awaited its receipt: the removal is applied again past the lock.
    withHandoverUnlocked(s.sqlite, () => {
      for (const e of read.entries) {
        for (const [id, createdAt] of e.cases) {
          if (!caseQ.get(id, createdAt)) continue;
          for (const p of parts) p.scrubCase?.(s.sqlite, id, stamp);
          cases += 1;
        }
        for (const [id, createdAt] of e.people) {
          if (!personQ.get(id, createdAt)) continue;
          for (const p of parts) p.scrubPerson?.(s.sqlite, id, stamp);
          people += 1;
        }
      }
    });
    audit(s.db, { at: s.now, actor: s.actor, action: 'delete', entity: 'retention', detail: `reapplied-after-restore;cases:${cases};people:${people}` });
    return { cases, people };
  })();
  s.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}

/** The instant in a backup file name (ssp-desk-backup-2026-11-23T10-00-00Z-ab12.sspbak). */
export function backupTakenAt(fileName: string): Date | null {
  const m = /^ssp-desk-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-/.exec(fileName);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Delete backups taken before today minus the retention period: they hold personal data that
 * retention has deleted since. The newest backup is always kept. One audit entry per run that
 * deleted something.
 */
export function pruneExpiredBackups(s: HandlerCtx): number {
  const months = getSetting(s.db, 'retentionMonths');
  const cutoff = addMonths(s.today, -months);
  const backups = listBackups(s.app.backupDir);
  const expired = backups.slice(1).filter((b) => {
    const at = backupTakenAt(b.fileName);
    return at !== null && programmeDate(at) < cutoff;
  });
  for (const b of expired) rmSync(join(s.app.backupDir, b.fileName), { force: true });
  if (expired.length > 0) {
    audit(s.db, { at: s.now, actor: s.actor, action: 'delete', entity: 'backup', detail: `expired:${expired.length};months:${months}` });
    s.app.log.info('backup.pruned', { count: expired.length });
  }
  return expired.length;
}
