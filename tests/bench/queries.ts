import type Database from 'better-sqlite3';

/**
 * The "limit" baseline: the case list written by hand in SQL, with no ORM, no validation, no
 * encryption layer above SQLite's own. Same filters and result columns as services/caseQueries.
 */
export interface ListScenario {
  name: string;
  /** Input to cases.list (our path). */
  input: Record<string, unknown>;
  /** The equivalent hand-written SQL and parameters (the limit). */
  sql: string;
  params: (string | number)[];
}

const FROM = 'FROM cases c JOIN people p ON p.id = c.person_id LEFT JOIN districts d ON d.id = c.district_id';
const COLS =
  'c.id, c.case_number, p.first_name, p.last_name, p.birth_date, d.name, c.level, c.status, c.coordinator, c.opened_on, c.next_review_on';

export function listScenarios(today: string, districtId: number, word: string): ListScenario[] {
  return [
    {
      name: 'åbne sager, første side',
      input: { status: 'open', limit: 100 },
      sql: `SELECT ${COLS} ${FROM} WHERE c.status = 'open' ORDER BY c.case_number LIMIT 100`,
      params: [],
    },
    {
      name: 'niveau 3-4 + bydel, sorteret efter navn',
      input: { status: 'open', levels: [3, 4], districtIds: [districtId], sort: 'name', limit: 100 },
      sql: `SELECT ${COLS} ${FROM} WHERE c.status = 'open' AND c.level IN (3, 4) AND c.district_id = ? ORDER BY p.sort_name LIMIT 100`,
      params: [districtId],
    },
    {
      name: `fritekst "${word}" + alle statusser`,
      input: { status: 'all', search: word, limit: 100 },
      sql: `SELECT ${COLS} ${FROM} WHERE instr(p.search_name, ?) > 0 OR instr(lower(c.case_number), ?) > 0 ORDER BY c.case_number LIMIT 100`,
      params: [word, word],
    },
    {
      name: 'gennemgang overskredet',
      input: { status: 'open', review: 'overdue', limit: 100 },
      sql: `SELECT ${COLS} ${FROM} WHERE c.status = 'open' AND c.next_review_on < ? ORDER BY c.case_number LIMIT 100`,
      params: [today],
    },
  ];
}

/** The limit also counts the matches, as the list shows a total. */
export function runLimit(db: Database.Database, s: ListScenario): number {
  const rows = db.prepare(s.sql).all(...s.params);
  const countSql = s.sql.replace(/^SELECT .*? FROM/s, 'SELECT count(*) AS n FROM').replace(/ ORDER BY .*$/s, '');
  const { n } = db.prepare(countSql).get(...s.params) as { n: number };
  return rows.length + n;
}
