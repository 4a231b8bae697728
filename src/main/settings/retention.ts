import { addMonths } from '../../shared/core/dates';
import type { Sqlite } from '../core/connection';
import { AppError } from '../core/errors';
import { getSetting } from './store';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

/**
 * Retention (GDPR art. 5(1)(e)): a closed case is due for deletion `retentionMonths` after its
 * closing date. Deleting removes the personal data for good and keeps the rows as anonymous
 * statistical stubs, so reports for past periods stay the same:
 * - kept: district, legal sex, level history dates and levels, status history dates and closing
 *   reasons (codes), event dates and categories, SSP+ and release dates and outcome codes;
 * - removed: names, CPR number, contacts, school, journal notes, every free-text field;
 * - the birth date becomes the first day of its half-year (1 January or 1 July). Age in whole
 *   years at every half-year end (30 June, 31 December) is then exactly what it was, which is all
 *   the reports use, while the day of birth is gone.
 * secure_delete is on for every connection, so freed and rewritten cells are zeroed on disk, and
 * the WAL is checkpointed and truncated afterwards so no old page images remain in it.
 * The person is anonymised only when nothing of theirs is still in use: no open case, no active
 * SSP+ plan, no custody without a release date, and no other case not yet due.
 */

export interface DueCase {
  caseId: number;
  caseNumber: string;
  personId: number;
  firstName: string;
  lastName: string;
  district: string | null;
  closedOn: string;
  dueOn: string;
  /** Whether the person's own data goes too (false: other cases or plans keep it for now). */
  personDeleted: boolean;
}

function tableExists(sqlite: Sqlite, name: string): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(name);
}

/** The half-year start of a birth date: keeps every period-end age, drops the day. */
export function stubBirthDate(birthDate: string): string {
  const [y, m] = birthDate.split('-').map(Number) as [number, number];
  return `${y}-${m <= 6 ? '01' : '07'}-01`;
}

function personStillInUse(sqlite: Sqlite, personId: number, deleting: Set<number>): boolean {
  const cases = sqlite.prepare(`SELECT id FROM cases WHERE person_id = ? AND anonymised_at IS NULL`).all(personId) as { id: number }[];
  // Any other case not being deleted now keeps the person: open, not yet due, or due but not chosen.
  for (const c of cases) if (!deleting.has(c.id)) return true;
  if (tableExists(sqlite, 'sspplus_plans') && sqlite.prepare(`SELECT 1 FROM sspplus_plans WHERE person_id = ? AND end_date IS NULL`).get(personId)) return true;
  if (tableExists(sqlite, 'custody_periods') && sqlite.prepare(`SELECT 1 FROM custody_periods WHERE person_id = ? AND released_on IS NULL`).get(personId)) return true;
  return false;
}

export function listDue(s: ServiceCtx): DueCase[] {
  const months = getSetting(s.db, 'retentionMonths');
  const cutoff = addMonths(s.today, -months);
  const rows = s.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.case_number AS caseNumber, c.person_id AS personId, p.first_name AS firstName, p.last_name AS lastName,
              d.name AS district, c.closed_on AS closedOn
       FROM cases c JOIN people p ON p.id = c.person_id LEFT JOIN districts d ON d.id = c.district_id
       WHERE c.status = 'closed' AND c.anonymised_at IS NULL AND c.closed_on <= ? ORDER BY c.closed_on, c.id`,
    )
    .all(cutoff) as Omit<DueCase, 'dueOn' | 'personDeleted'>[];
  const ids = new Set(rows.map((r) => r.caseId));
  return rows.map((r) => ({ ...r, dueOn: addMonths(r.closedOn, months), personDeleted: !personStillInUse(s.sqlite, r.personId, ids) }));
}

function scrubCase(sqlite: Sqlite, caseId: number, stamp: string): void {
  sqlite.prepare(`DELETE FROM case_notes WHERE case_id = ?`).run(caseId);
  sqlite.prepare(`UPDATE case_events SET description = NULL WHERE case_id = ?`).run(caseId);
  sqlite.prepare(`UPDATE case_level_changes SET reason = '' WHERE case_id = ?`).run(caseId);
  sqlite.prepare(`UPDATE cases SET external_ref = NULL, coordinator = NULL, anonymised_at = ? WHERE id = ?`).run(stamp, caseId);
  if (tableExists(sqlite, 'meeting_agenda_items')) sqlite.prepare(`UPDATE meeting_agenda_items SET reasons = '', point_note = NULL WHERE case_id = ?`).run(caseId);
  if (tableExists(sqlite, 'meeting_decisions')) sqlite.prepare(`UPDATE meeting_decisions SET level_reason = NULL, note = NULL WHERE case_id = ?`).run(caseId);
  if (tableExists(sqlite, 'meeting_actions')) sqlite.prepare(`UPDATE meeting_actions SET description = '' WHERE case_id = ?`).run(caseId);
}

function scrubPerson(sqlite: Sqlite, personId: number, stamp: string): void {
  const p = sqlite.prepare(`SELECT birth_date AS b FROM people WHERE id = ?`).get(personId) as { b: string };
  sqlite
    .prepare(`UPDATE people SET first_name = '', last_name = '', search_name = '', sort_name = '', cpr = NULL, school = NULL, birth_date = ?, anonymised_at = ? WHERE id = ?`)
    .run(stubBirthDate(p.b), stamp, personId);
  sqlite.prepare(`DELETE FROM contacts WHERE person_id = ?`).run(personId);
  if (tableExists(sqlite, 'sspplus_plans')) {
    const plans = `SELECT id FROM sspplus_plans WHERE person_id = ${Number(personId)}`;
    sqlite.prepare(`UPDATE sspplus_plans SET consent_scope = NULL, end_note = NULL, coordinator = '' WHERE person_id = ?`).run(personId);
    sqlite.exec(`UPDATE sspplus_areas SET current_situation = '', goal = '', progress_notes = '' WHERE plan_id IN (${plans})`);
    sqlite.exec(`UPDATE sspplus_actions SET description = '' WHERE plan_id IN (${plans})`);
    sqlite.exec(`UPDATE sspplus_reviews SET participants_note = '', changes = '' WHERE plan_id IN (${plans})`);
    sqlite.exec(`UPDATE sspplus_review_areas SET note = '' WHERE review_id IN (SELECT id FROM sspplus_reviews WHERE plan_id IN (${plans}))`);
  }
  if (tableExists(sqlite, 'custody_periods')) {
    const meetings = `SELECT m.id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE c.person_id = ${Number(personId)}`;
    sqlite.exec(`UPDATE release_meetings SET place = NULL, notes = NULL WHERE id IN (${meetings})`);
    sqlite.exec(`UPDATE release_meeting_participants SET name = '', organisation = NULL WHERE meeting_id IN (${meetings})`);
    sqlite.exec(`UPDATE release_checklist_items SET owner = NULL, note = NULL WHERE meeting_id IN (${meetings})`);
    sqlite.exec(`UPDATE release_action_items SET description = '', owner = '' WHERE meeting_id IN (${meetings})`);
  }
}

/** Delete the personal data of the given due cases (and their people where allowed), in one transaction. */
export function applyRetention(s: ServiceCtx, caseIds: number[]): { cases: number; people: number } {
  const due = new Map(listDue(s).map((d) => [d.caseId, d]));
  const missing = caseIds.filter((id) => !due.has(id));
  if (missing.length) {
    throw new AppError('RULE_VIOLATION', 'En eller flere af de valgte sager er ikke (længere) klar til sletning. Opdater listen, og prøv igen.');
  }
  const stamp = s.now.toISOString();
  const result = s.sqlite.transaction(() => {
    const deleting = new Set(caseIds);
    for (const id of caseIds) scrubCase(s.sqlite, id, stamp);
    const personIds = [...new Set(caseIds.map((id) => due.get(id)!.personId))];
    let peopleDeleted = 0;
    for (const pid of personIds) {
      if (!personStillInUse(s.sqlite, pid, deleting)) {
        scrubPerson(s.sqlite, pid, stamp);
        peopleDeleted++;
      }
    }
    audit(s.db, { at: s.now, actor: s.actor, action: 'delete', entity: 'retention', detail: `cases:${caseIds.length};people:${peopleDeleted}` });
    return { cases: caseIds.length, people: peopleDeleted };
  })();
  s.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
