import type Database from 'better-sqlite3';
import { SEARCH_COUNT_CAP } from '../../src/main/cases/queries';

/**
 * The "limit" baseline: the case list written by hand in SQL, the best plain SQL for the same
 * result (same rows in the same order, same total), with no ORM, no validation and no encryption
 * layer above SQLite's own. It runs on a copy of the same vault, so it has the same indexes, the
 * same search index (case_search) and the same planner statistics, and on a connection with the
 * same settings (page cache, temp store). Our path is services/caseQueries.listCases behind the
 * dispatcher (zod in and out, the handler, building the SQL, ages computed per row).
 */
export interface ListScenario {
  name: string;
  /** Input to cases.list (our path). */
  input: Record<string, unknown>;
  /** The equivalent hand-written SQL: the count and the page. */
  countSql: string;
  pageSql: string;
  /** Named parameter @p, when the SQL has one. */
  params: { p?: string | number };
}

const COLS =
  'c.id, c.case_number, p.first_name, p.last_name, p.birth_date, d.name, c.level, c.status, c.coordinator, c.opened_on, c.next_review_on';
const JOINS = 'JOIN people p ON p.id = c.person_id LEFT JOIN districts d ON d.id = c.district_id';
/** Page ids first (sorting ids, not joined rows), then the page's columns (CROSS JOIN: the page is the outer loop). */
const deferred = (inner: string, order: string) => `SELECT ${COLS} FROM (${inner}) k CROSS JOIN cases c ON c.id = k.id ${JOINS} ORDER BY ${order}`;

export function listScenarios(today: string, districtId: number, word: string, coordinator: string): ListScenario[] {
  const short = word.slice(0, 2);
  const fts = `"${word.replace(/"/g, '""')}"`;
  return [
    {
      name: 'åbne sager, første side',
      input: { status: 'open', limit: 100 },
      countSql: `SELECT count(*) FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open'`,
      pageSql: `SELECT ${COLS} FROM cases c ${JOINS} WHERE c.anonymised_at IS NULL AND c.status = 'open' ORDER BY c.case_number LIMIT 100`,
      params: {},
    },
    {
      name: 'åbne, sorteret efter navn',
      input: { status: 'open', sort: 'name', limit: 100 },
      countSql: `SELECT count(*) FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open'`,
      pageSql: `SELECT ${COLS} FROM cases c ${JOINS} WHERE c.anonymised_at IS NULL AND c.status = 'open' ORDER BY p.sort_name, c.id LIMIT 100`,
      params: {},
    },
    {
      name: 'niveau 3-4 + bydel, sorteret efter navn',
      input: { status: 'open', levels: [3, 4], districtIds: [districtId], sort: 'name', limit: 100 },
      countSql: `SELECT count(*) FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open' AND c.level IN (3, 4) AND c.district_id = @p`,
      pageSql: `SELECT ${COLS} FROM cases c ${JOINS} WHERE c.anonymised_at IS NULL AND c.status = 'open' AND c.level IN (3, 4) AND c.district_id = @p ORDER BY p.sort_name, c.id LIMIT 100`,
      params: { p: districtId },
    },
    {
      name: `fritekst "${word}" (søgeindeks) + alle statusser`,
      input: { status: 'all', search: word, limit: 100 },
      countSql: cappedCount(`FROM cases c WHERE c.anonymised_at IS NULL AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH @p)`),
      pageSql: deferred(
        `SELECT c.id FROM cases c WHERE c.anonymised_at IS NULL AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH @p) ORDER BY c.case_number LIMIT 100`,
        'c.case_number',
      ),
      params: { p: fts },
    },
    {
      name: `fritekst "${short}" (2 tegn, uden indeks) + alle statusser`,
      input: { status: 'all', search: short, limit: 100 },
      countSql: cappedCount(`FROM cases c JOIN people p ON p.id = c.person_id WHERE c.anonymised_at IS NULL
                 AND (instr(p.search_name, @p) > 0 OR instr(lower(c.case_number), @p) > 0 OR instr(lower(coalesce(c.external_ref, '')), @p) > 0)`),
      pageSql: deferred(
        `SELECT c.id FROM cases c JOIN people p ON p.id = c.person_id WHERE c.anonymised_at IS NULL
           AND (instr(p.search_name, @p) > 0 OR instr(lower(c.case_number), @p) > 0 OR instr(lower(coalesce(c.external_ref, '')), @p) > 0)
         ORDER BY c.case_number LIMIT 100`,
        'c.case_number',
      ),
      params: { p: short },
    },
    {
      name: 'gennemgang overskredet',
      input: { status: 'open', review: 'overdue', limit: 100 },
      countSql: `SELECT count(*) FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open' AND c.next_review_on < @p`,
      pageSql: `SELECT ${COLS} FROM cases c ${JOINS} WHERE c.anonymised_at IS NULL AND c.status = 'open' AND c.next_review_on < @p ORDER BY c.case_number LIMIT 100`,
      params: { p: today },
    },
    {
      name: 'koordinator, nyeste først',
      input: { status: 'open', coordinator, sort: 'openedOn', direction: 'desc', limit: 100 },
      countSql: `SELECT count(*) FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open' AND c.coordinator = @p`,
      pageSql: deferred(
        `SELECT c.id FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open' AND c.coordinator = @p ORDER BY c.opened_on DESC, c.id DESC LIMIT 100`,
        'c.opened_on DESC, c.id DESC',
      ),
      params: { p: coordinator },
    },
    {
      name: 'åbne, sorteret efter næste gennemgang',
      input: { status: 'open', sort: 'nextReviewOn', limit: 100 },
      countSql: `SELECT count(*) FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open'`,
      pageSql: deferred(
        `SELECT c.id FROM cases c WHERE c.anonymised_at IS NULL AND c.status = 'open' ORDER BY c.next_review_on IS NULL, c.next_review_on, c.id LIMIT 100`,
        'c.next_review_on IS NULL, c.next_review_on, c.id',
      ),
      params: {},
    },
  ];
}

/** Statements prepared once per connection, as our path does. */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare(sql)));
  return st;
}

/** A search's count as the list gives it (issue 17): at most SEARCH_COUNT_CAP, read from at most cap + 1 rows. */
function cappedCount(from: string): string {
  return `SELECT min(count(*), ${SEARCH_COUNT_CAP}) FROM (SELECT 1 ${from} LIMIT ${SEARCH_COUNT_CAP + 1})`;
}

/** The limit: the page and the total, as the list shows both. */
export function runLimit(db: Database.Database, s: ListScenario): { total: number; ids: number[] } {
  const args = 'p' in s.params ? [s.params] : [];
  const rows = statement(db, s.pageSql).all(...args) as { id: number }[];
  const total = (statement(db, s.countSql).raw().get(...args) as [number])[0];
  return { total, ids: rows.map((r) => r.id) };
}
