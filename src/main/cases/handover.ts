import type { Sqlite } from '../core/connection';
import type { HandoverPart } from '../core/module';

/** The person's cases, as a subquery of a handover table's select. */
export const PERSON_CASES = `SELECT id FROM cases WHERE person_id = @person`;

/**
 * The case register's part of a handover payload (issue 21): the person, their contacts, cases
 * with level, district and status history, events, notes, Exit courses and youth-group
 * memberships. Districts are matched at the recipient by code (else name) and never created;
 * efforts and youth groups by name, created when missing (a youth group's name is no personal
 * data, so memberships travel by the group's name).
 */
export const casesHandover: HandoverPart = {
  tables: [
    {
      table: 'districts',
      select: `SELECT * FROM districts WHERE id IN (SELECT district_id FROM people WHERE id = @person
                 UNION SELECT district_id FROM cases WHERE person_id = @person
                 UNION SELECT district_id FROM case_district_changes WHERE case_id IN (${PERSON_CASES})) ORDER BY id`,
      hasId: true,
      reference: { matchBy: [['code'], ['name']], onMissing: 'null' },
    },
    {
      table: 'efforts',
      select: `SELECT * FROM efforts WHERE id IN (SELECT effort_id FROM case_events WHERE case_id IN (${PERSON_CASES})) ORDER BY id`,
      hasId: true,
      reference: { matchBy: [['name']], onMissing: 'insert', insertValues: { active: 0 } },
    },
    {
      table: 'youth_groups',
      select: `SELECT * FROM youth_groups WHERE id IN (SELECT group_id FROM youth_group_members WHERE case_id IN (${PERSON_CASES})) ORDER BY id`,
      hasId: true,
      reference: { matchBy: [['name']], onMissing: 'insert' },
      auditEntity: 'youth_group_member',
    },
    { table: 'people', select: `SELECT * FROM people WHERE id = @person`, hasId: true, refs: { district_id: 'districts' }, auditEntity: 'person' },
    { table: 'contacts', select: `SELECT * FROM contacts WHERE person_id = @person ORDER BY id`, hasId: true, refs: { person_id: 'people' } },
    {
      table: 'cases',
      select: `SELECT * FROM cases WHERE person_id = @person ORDER BY id`,
      hasId: true,
      refs: { person_id: 'people', district_id: 'districts' },
      auditEntity: 'case',
      beforeInsert: freeCaseNumber,
    },
    {
      table: 'case_level_changes',
      select: `SELECT * FROM case_level_changes WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { case_id: 'cases', meeting_id: 'meetings' },
    },
    {
      table: 'case_district_changes',
      select: `SELECT * FROM case_district_changes WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { case_id: 'cases', district_id: 'districts' },
    },
    { table: 'case_status_changes', select: `SELECT * FROM case_status_changes WHERE case_id IN (${PERSON_CASES}) ORDER BY id`, hasId: true, refs: { case_id: 'cases' } },
    {
      table: 'case_events',
      select: `SELECT * FROM case_events WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { case_id: 'cases', effort_id: 'efforts', meeting_id: 'meetings' },
      auditEntity: 'case_event',
    },
    {
      table: 'case_notes',
      select: `SELECT * FROM case_notes WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { case_id: 'cases', corrects_note_id: 'case_notes', meeting_id: 'meetings' },
      auditEntity: 'case_note',
    },
    { table: 'exit_courses', select: `SELECT * FROM exit_courses WHERE person_id = @person ORDER BY id`, hasId: true, refs: { person_id: 'people' }, auditEntity: 'exit_course' },
    {
      table: 'youth_group_members',
      select: `SELECT * FROM youth_group_members WHERE case_id IN (${PERSON_CASES}) ORDER BY group_id, case_id`,
      hasId: false,
      refs: { group_id: 'youth_groups', case_id: 'cases' },
    },
  ],
};

/** A case number already taken at the recipient becomes the next free one of the same year (as cases.open numbers). */
function freeCaseNumber(sqlite: Sqlite, row: Record<string, string | number | null>): void {
  const n = String(row.case_number);
  if (!sqlite.prepare(`SELECT 1 FROM cases WHERE case_number = ?`).get(n)) return;
  const year = /^\d{4}-/.test(n) ? n.slice(0, 4) : String(row.opened_on).slice(0, 4);
  const last = sqlite.prepare(`SELECT case_number AS n FROM cases WHERE case_number >= ? AND case_number < ? ORDER BY case_number DESC LIMIT 1`).get(`${year}-`, `${year}.`) as
    | { n: string }
    | undefined;
  const seq = last ? Number(last.n.slice(5)) + 1 : 1;
  row.case_number = `${year}-${String(seq).padStart(5, '0')}`;
}
