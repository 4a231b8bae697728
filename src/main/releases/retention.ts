import type { RetentionPart } from '../core/module';

/** A custody without a release date keeps the person; release meetings lose places, names and notes. */
export const releasesRetention: RetentionPart = {
  personInUse(sqlite, personId) {
    return !!sqlite.prepare(`SELECT 1 FROM custody_periods WHERE person_id = ? AND released_on IS NULL`).get(personId);
  },
  scrubPerson(sqlite, personId) {
    const meetings = `SELECT m.id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE c.person_id = ${Number(personId)}`;
    sqlite.exec(`UPDATE release_meetings SET place = NULL, notes = NULL WHERE id IN (${meetings})`);
    sqlite.exec(`UPDATE release_meeting_participants SET name = '', organisation = NULL WHERE meeting_id IN (${meetings})`);
    sqlite.exec(`UPDATE release_checklist_items SET owner = NULL, note = NULL WHERE meeting_id IN (${meetings})`);
    sqlite.exec(`UPDATE release_action_items SET description = '', owner = '', drop_reason = NULL WHERE meeting_id IN (${meetings})`);
  },
};
