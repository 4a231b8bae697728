import type { Sqlite } from '../core/connection';
import type { RetentionPart } from '../core/module';

/** A closed case whose personal data is due for deletion, as the retention screen lists it. */
export interface ClosedCaseDue {
  caseId: number;
  caseNumber: string;
  personId: number;
  firstName: string;
  lastName: string;
  district: string | null;
  closedOn: string;
}

/** Closed cases not yet anonymised, closed on or before the cutoff, oldest first. */
export function closedCasesDue(sqlite: Sqlite, cutoff: string): ClosedCaseDue[] {
  return sqlite
    .prepare(
      `SELECT c.id AS caseId, c.case_number AS caseNumber, c.person_id AS personId, p.first_name AS firstName, p.last_name AS lastName,
              d.name AS district, c.closed_on AS closedOn
       FROM cases c JOIN people p ON p.id = c.person_id LEFT JOIN districts d ON d.id = c.district_id
       WHERE c.status = 'closed' AND c.anonymised_at IS NULL AND c.closed_on <= ?
         -- A person handed over to another vault (issue 21) is not this vault's to delete: read-only until refused.
         AND NOT EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id = c.person_id AND h.state <> 'refused')
       ORDER BY c.closed_on, c.id`,
    )
    .all(cutoff) as ClosedCaseDue[];
}

/** The half-year start of a birth date: keeps every period-end age, drops the day. */
export function stubBirthDate(birthDate: string): string {
  const [y, m] = birthDate.split('-').map(Number) as [number, number];
  return `${y}-${m <= 6 ? '01' : '07'}-01`;
}

/**
 * The case register's part: a person stays while any other case of theirs is not being deleted
 * now (open, not yet due, or due but not chosen); a case loses its notes, free text and
 * coordinator and its youth-group memberships; a person loses name, CPR number, school, contacts
 * and the contact persons of Exit courses (whose programme and dates stay for the report), and
 * the birth date becomes the first day of its half-year. An active Exit course keeps the person.
 */
export const casesRetention: RetentionPart = {
  personInUse(sqlite, personId, deleting) {
    const cases = sqlite.prepare(`SELECT id FROM cases WHERE person_id = ? AND anonymised_at IS NULL`).all(personId) as { id: number }[];
    if (cases.some((c) => !deleting.has(c.id))) return true;
    // An Exit course still running keeps the young person (as an active SSP+ plan does).
    return !!sqlite.prepare(`SELECT 1 FROM exit_courses WHERE person_id = ? AND status = 'active'`).get(personId);
  },
  scrubCase(sqlite, caseId, stamp) {
    sqlite.prepare(`DELETE FROM case_notes WHERE case_id = ?`).run(caseId);
    sqlite.prepare(`DELETE FROM youth_group_members WHERE case_id = ?`).run(caseId);
    sqlite.prepare(`UPDATE case_events SET description = NULL WHERE case_id = ?`).run(caseId);
    sqlite.prepare(`UPDATE case_level_changes SET reason = '' WHERE case_id = ?`).run(caseId);
    sqlite.prepare(`UPDATE cases SET external_ref = NULL, coordinator = NULL, anonymised_at = ? WHERE id = ?`).run(stamp, caseId);
  },
  scrubPerson(sqlite, personId, stamp) {
    const p = sqlite.prepare(`SELECT birth_date AS b FROM people WHERE id = ?`).get(personId) as { b: string };
    sqlite
      .prepare(`UPDATE people SET first_name = '', last_name = '', search_name = '', sort_name = '', cpr = NULL, school = NULL, birth_date = ?, anonymised_at = ? WHERE id = ?`)
      .run(stubBirthDate(p.b), stamp, personId);
    sqlite.prepare(`DELETE FROM contacts WHERE person_id = ?`).run(personId);
    // Exit courses keep programme, dates and status on the anonymous stub (the report counts them); the contact person goes.
    sqlite.prepare(`UPDATE exit_courses SET contact_person = '' WHERE person_id = ?`).run(personId);
  },
};
