import { defineHandlers } from '../core/handlers';
import { retentionParts } from '../core/module';
import { readSettings, updateSettings } from './store';
import { backupNow, backupStatus, restoreFromBackup } from './backups';
import { applyRetention, retentionDue } from './retention';
import { exportAuditTrail, listAudit } from './audit-trail';

/** Settings, backups, retention and the audit trail. */
export const settingsHandlers = defineHandlers({
  'settings.get': (_i, s) => readSettings(s.db),
  'settings.update': (input, s) => updateSettings(s, input),
  'backup.status': (_i, s) => backupStatus(s),
  'backup.create': (_i, s) => backupNow(s),
  'backup.restore': (input, s) => restoreFromBackup(s, input),
  'retention.due': (_i, s) => retentionDue(s, retentionParts(s.app.modules)),
  'retention.apply': (input, s) => applyRetention(s, retentionParts(s.app.modules), input.caseIds),
  'audit.list': (input, s) => listAudit(s.sqlite, input),
  'audit.export': (input, s) => exportAuditTrail(s, input),
});
