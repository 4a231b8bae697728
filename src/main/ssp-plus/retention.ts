import type { RetentionPart } from '../core/module';

/** An active SSP+ plan keeps the person; a deleted person's plans keep dates and outcome codes only. */
export const sspPlusRetention: RetentionPart = {
  personInUse(sqlite, personId) {
    return !!sqlite.prepare(`SELECT 1 FROM sspplus_plans WHERE person_id = ? AND end_date IS NULL`).get(personId);
  },
  scrubPerson(sqlite, personId) {
    const plans = `SELECT id FROM sspplus_plans WHERE person_id = ${Number(personId)}`;
    sqlite.prepare(`UPDATE sspplus_plans SET consent_scope = NULL, end_note = NULL, coordinator = '' WHERE person_id = ?`).run(personId);
    sqlite.exec(`UPDATE sspplus_areas SET current_situation = '', goal = '', progress_notes = '' WHERE plan_id IN (${plans})`);
    sqlite.exec(`UPDATE sspplus_actions SET description = '' WHERE plan_id IN (${plans})`);
    sqlite.exec(`UPDATE sspplus_reviews SET participants_note = '', changes = '' WHERE plan_id IN (${plans})`);
    sqlite.exec(`UPDATE sspplus_review_areas SET note = '' WHERE review_id IN (SELECT id FROM sspplus_reviews WHERE plan_id IN (${plans}))`);
  },
};
