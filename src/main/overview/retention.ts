import type { RetentionPart } from '../core/module';

/** Actions added on a case hold free text: retention empties them with the case. */
export const overviewRetention: RetentionPart = {
  scrubCase(sqlite, caseId) {
    sqlite.prepare(`UPDATE case_actions SET description = '', partner = '', drop_reason = NULL WHERE case_id = ?`).run(caseId);
  },
};
