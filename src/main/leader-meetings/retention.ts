import type { RetentionPart } from '../core/module';

/** Ledergruppe meetings keep their dates and decisions' codes; the free text about the case goes. */
export const leaderMeetingsRetention: RetentionPart = {
  scrubCase(sqlite, caseId) {
    sqlite.prepare(`UPDATE meeting_agenda_items SET reasons = '', point_note = NULL WHERE case_id = ?`).run(caseId);
    sqlite.prepare(`UPDATE meeting_decisions SET level_reason = NULL, note = NULL WHERE case_id = ?`).run(caseId);
    sqlite.prepare(`UPDATE meeting_actions SET description = '', drop_reason = NULL WHERE case_id = ?`).run(caseId);
  },
};
