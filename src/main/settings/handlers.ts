import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { defineHandlers } from '../core/handlers';
import { getSetting, setSetting } from './store';
import { audit } from '../core/audit';
import { createBackup, restoreBackup } from '../vault/backup';
import { serviceCtx } from '../core/service-context';
import { vaultStatus } from '../vault/handlers';
import type { AppContext } from '../app-context';
import type { AppSettings } from '../../shared/settings/contract';
import { AppError } from '../core/errors';
import { applyRetention, listDue } from './retention';
import { exportAuditCsv, listAudit } from './audit-trail';

function readSettings(ctx: AppContext): AppSettings {
  const db = ctx.vault.current.db;
  return {
    idleLockMinutes: getSetting(db, 'idleLockMinutes'),
    backupReminderDays: getSetting(db, 'backupReminderDays'),
    retentionMonths: getSetting(db, 'retentionMonths'),
    reportThreshold: getSetting(db, 'reportThreshold'),
  };
}

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

export const maintenanceHandlers = defineHandlers({
  'settings.get': (_i, ctx) => readSettings(ctx),
  'settings.update': (input, ctx) => {
    const s = serviceCtx(ctx);
    s.db.transaction((tx) => {
      for (const [key, value] of Object.entries(input)) {
        if (value !== undefined) setSetting(tx, key as keyof AppSettings, value as never);
      }
      audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'settings', detail: Object.keys(input).sort().join(',') });
    });
    return readSettings(ctx);
  },
  'backup.status': (_i, ctx) => {
    const db = ctx.vault.current.db;
    const last = getSetting(db, 'lastBackupAt');
    const days = getSetting(db, 'backupReminderDays');
    const due = !last || ctx.now().getTime() - Date.parse(last) > days * 86_400_000;
    return { lastBackupAt: last, reminderDue: due, reminderDays: days, folder: ctx.backupDir, backups: listBackups(ctx.backupDir) };
  },
  'backup.create': (_i, ctx) => {
    const s = serviceCtx(ctx);
    const fileName = backupFileNameFor(s.now);
    const path = join(ctx.backupDir, fileName);
    createBackup(ctx.vault, path, s.now);
    s.db.transaction((tx) => {
      setSetting(tx, 'lastBackupAt', s.now.toISOString());
      audit(tx, { at: s.now, actor: s.actor, action: 'backup', entity: 'vault' });
    });
    ctx.log.info('backup.created');
    return { fileName, createdAt: s.now.toISOString(), bytes: statSync(path).size };
  },
  'backup.restore': async (input, ctx) => {
    const path = join(ctx.backupDir, input.fileName);
    if (!existsSync(path)) throw new AppError('NOT_FOUND', 'Sikkerhedskopien findes ikke i mappen med sikkerhedskopier.');
    const manifest = await restoreBackup(ctx.vault, path, input.method, input.secret);
    const s = serviceCtx(ctx);
    s.db.transaction((tx) => {
      // The restored vault was backed up at least when this backup was taken.
      const last = getSetting(tx, 'lastBackupAt');
      if (!last || last < manifest.createdAt) setSetting(tx, 'lastBackupAt', manifest.createdAt);
      audit(tx, { at: s.now, actor: s.actor, action: 'restore', entity: 'vault' });
    });
    ctx.log.info('backup.restored');
    return { restoredFrom: input.fileName, createdAt: manifest.createdAt, status: vaultStatus(ctx) };
  },
  'retention.due': (_i, ctx) => {
    const s = serviceCtx(ctx);
    return { retentionMonths: getSetting(s.db, 'retentionMonths'), cases: listDue(s) };
  },
  'retention.apply': (input, ctx) => applyRetention(serviceCtx(ctx), input.caseIds),
  'audit.list': (input, ctx) => listAudit(ctx.vault.current.sqlite, input),
  'audit.export': (input, ctx) => {
    const s = serviceCtx(ctx);
    const csv = exportAuditCsv(s.sqlite, input);
    audit(s.db, { at: s.now, actor: s.actor, action: 'export', entity: 'audit_log' });
    return { fileName: `ssp-desk-revisionsspor-${s.today}.csv`, csv };
  },
});
