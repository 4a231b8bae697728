import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { audit } from '../core/audit';
import { AppError } from '../core/errors';
import type { HandlerCtx } from '../core/service-context';
import { createBackup, restoreBackup, vaultOf, vaultStatus } from '../vault';
import { getSetting, setSetting } from './store';
import { retentionParts } from '../core/module';
import { pruneExpiredBackups, reapplyDeletionsAfterRestore } from './restore-record';

/** Backups in the backup folder beside the vault, newest first. */
export function listBackups(dir: string) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^ssp-desk-backup-.*\.sspbak$/.test(f))
    .map((f) => {
      const st = statSync(join(dir, f));
      return { fileName: f, createdAt: st.mtime.toISOString(), bytes: st.size };
    })
    .sort((a, b) => b.fileName.localeCompare(a.fileName));
}

export function backupFileNameFor(now: Date): string {
  return `ssp-desk-backup-${now.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')}-${randomBytes(2).toString('hex')}.sspbak`;
}

export function backupStatus(s: HandlerCtx) {
  const last = getSetting(s.db, 'lastBackupAt');
  const days = getSetting(s.db, 'backupReminderDays');
  const due = !last || s.now.getTime() - Date.parse(last) > days * 86_400_000;
  return { lastBackupAt: last, reminderDue: due, reminderDays: days, folder: s.app.backupDir, backups: listBackups(s.app.backupDir) };
}

export function backupNow(s: HandlerCtx) {
  const fileName = backupFileNameFor(s.now);
  const path = join(s.app.backupDir, fileName);
  createBackup(vaultOf(s.app), path, s.now);
  s.db.transaction((tx) => {
    setSetting(tx, 'lastBackupAt', s.now.toISOString());
    audit(tx, { at: s.now, actor: s.actor, action: 'backup', entity: 'vault' });
  });
  s.app.log.info('backup.created');
  pruneExpiredBackups(s);
  return { fileName, createdAt: s.now.toISOString(), bytes: statSync(path).size };
}

export async function restoreFromBackup(s: HandlerCtx, input: { fileName: string; method: 'passphrase' | 'recovery'; secret: string }) {
  const path = join(s.app.backupDir, input.fileName);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'Sikkerhedskopien findes ikke i mappen med sikkerhedskopier.');
  const manifest = await restoreBackup(vaultOf(s.app), path, input.method, input.secret);
  // s.db and s.actor are read afresh: the restored vault is open now.
  reapplyDeletionsAfterRestore(s, retentionParts(s.app.modules));
  s.db.transaction((tx) => {
    // The restored vault was backed up at least when this backup was taken.
    const last = getSetting(tx, 'lastBackupAt');
    if (!last || last < manifest.createdAt) setSetting(tx, 'lastBackupAt', manifest.createdAt);
    audit(tx, { at: s.now, actor: s.actor, action: 'restore', entity: 'vault' });
  });
  s.app.log.info('backup.restored');
  return { restoredFrom: input.fileName, createdAt: manifest.createdAt, status: vaultStatus(s.app) };
}
