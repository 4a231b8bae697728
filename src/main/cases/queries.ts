import { asc, eq } from 'drizzle-orm';
import { caseEvents, caseLevelChanges, caseNotes, cases, caseStatusChanges, districts, efforts } from './schema';
import type Database from 'better-sqlite3';
import { clientOf, type Sqlite } from '../core/connection';
import { addYears, addDays, ageInYears } from '../../shared/core/dates';
import { normalizeForSearch } from '../../shared/core/districts';
import type { CaseDetail, CaseListInput, CaseRow } from '../../shared/cases';
import type { CaseLevel } from '../../shared/cases';
import { audit } from '../core/audit';
import { AppError } from '../core/errors';
import type { ServiceCtx } from '../core/service-context';
import { getPerson } from './people';
import { loadCase } from './writes';
import { activeHandoverOf } from './handover-lock';

/** Days ahead that count as "review due" in the case list. (design; configurable later) */
export const REVIEW_DUE_DAYS = 14;

/** Full detail of one case. Viewing is recorded in the audit trail. */
export function getCaseDetail(s: ServiceCtx, caseId: number, options: { recordView?: boolean } = {}): CaseDetail {
  const db = s.db;
  const c = loadCase(db, caseId);
  if (c.anonymisedAt) throw new AppError('NOT_FOUND', 'Sagen er slettet efter reglerne for opbevaring. Kun anonyme tal er tilbage.');
  if (options.recordView !== false) audit(db, { at: s.now, actor: s.actor, action: 'view', entity: 'case', entityId: caseId });
  const person = getPerson(db, c.personId);
  const district = c.districtId ? db.select({ name: districts.name }).from(districts).where(eq(districts.id, c.districtId)).get()?.name ?? null : null;
  const notes = db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)).orderBy(asc(caseNotes.writtenAt), asc(caseNotes.id)).all();
  const correctedBy = new Map<number, number[]>();
  for (const n of notes) if (n.correctsNoteId) correctedBy.set(n.correctsNoteId, [...(correctedBy.get(n.correctsNoteId) ?? []), n.id]);
  const handover = activeHandoverOf(clientOf(db), c.personId);
  return {
    ...(handover && handover.state !== 'refused' ? { handover: { state: handover.state, handoverDate: handover.handoverDate } } : {}),
    id: c.id,
    caseNumber: c.caseNumber,
    externalRef: c.externalRef,
    person,
    age: ageInYears(person.birthDate, s.today),
    districtId: c.districtId,
    district,
    coordinator: c.coordinator,
    forum: c.forum,
    level: c.level as CaseLevel,
    status: c.status,
    openedOn: c.openedOn,
    nextReviewOn: c.nextReviewOn,
    closedOn: c.closedOn,
    closingReason: c.closingReason,
    levelHistory: db
      .select()
      .from(caseLevelChanges)
      .where(eq(caseLevelChanges.caseId, caseId))
      .orderBy(asc(caseLevelChanges.changedOn), asc(caseLevelChanges.id))
      .all()
      .map((h) => ({ id: h.id, changedOn: h.changedOn, level: h.level as CaseLevel, reason: h.reason, forum: h.forum, meetingId: h.meetingId, actor: h.actor })),
    statusHistory: db
      .select()
      .from(caseStatusChanges)
      .where(eq(caseStatusChanges.caseId, caseId))
      .orderBy(asc(caseStatusChanges.changedOn), asc(caseStatusChanges.id))
      .all()
      .map((h) => ({ id: h.id, kind: h.kind, changedOn: h.changedOn, closingReason: h.closingReason, actor: h.actor })),
    events: db
      .select({ e: caseEvents, effortName: efforts.name })
      .from(caseEvents)
      .leftJoin(efforts, eq(efforts.id, caseEvents.effortId))
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.occurredOn), asc(caseEvents.id))
      .all()
      .map(({ e, effortName }) => ({
        id: e.id,
        kind: e.kind as CaseDetail['events'][number]['kind'],
        occurredOn: e.occurredOn,
        offenceCategory: e.offenceCategory,
        effortId: e.effortId,
        effortName: effortName ?? null,
        description: e.description,
        actor: e.actor,
        meetingId: e.meetingId,
      })),
    notes: notes.map((n) => ({
      id: n.id,
      author: n.author,
      writtenAt: n.writtenAt,
      text: n.text,
      correctsNoteId: n.correctsNoteId,
      correctedByNoteIds: correctedBy.get(n.id) ?? [],
      meetingId: n.meetingId,
    })),
  };
}

/** Sort columns; `nullable` ones sort their NULLs last (the others are NOT NULL, so no IS NULL term that would defeat an index). */
const SORT_COLUMNS: Record<string, { col: string; nullable?: boolean; people?: boolean; peopleIndex?: string }> = {
  caseNumber: { col: 'c.case_number' },
  name: { col: 'p.sort_name', people: true, peopleIndex: 'people_sort_idx' },
  // Older first means an earlier birth date.
  age: { col: 'p.birth_date', people: true, peopleIndex: 'people_birth_name_idx' },
  district: { col: 'd.sort_order', nullable: true },
  level: { col: 'c.level' },
  status: { col: 'c.status' },
  coordinator: { col: 'c.coordinator', nullable: true },
  nextReviewOn: { col: 'c.next_review_on', nullable: true },
  openedOn: { col: 'c.opened_on' },
};

/** Birth-date range for an age band on a reference date: age a..b means born in (ref-(b+1)y, ref-a y]. */
function bandRange(band: string, today: string): [string | null, string | null] {
  const [lo, hi] = band === '26+' ? [26, null] : (band.split('-').map(Number) as [number, number]);
  const latest = addYears(today, -lo);
  const earliest = hi === null ? null : addDays(addYears(today, -(hi + 1)), 1);
  return [earliest, latest];
}

/**
 * Words this long or longer are looked up in the trigram index `case_search` (migration 0011);
 * shorter ones cannot be (a trigram index has nothing under 3 characters) and fall back to instr().
 */
export const SEARCH_INDEX_MIN_CHARS = 3;

/** An FTS5 string literal: the word as one phrase, double quotes doubled. */
const ftsPhrase = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** Whether a search word can be looked up in `case_search` (FTS5's query parser ends a string at NUL). */
const searchableInIndex = (w: string) => [...w].length >= SEARCH_INDEX_MIN_CHARS && !w.includes('\u0000');

/**
 * A search counts at most this many matches (issue 17): a 1-2 letter word cannot use the trigram
 * index, and counting its tens of thousands of matches cost ~100 ms per keystroke at 100,000 cases.
 * Above it the list says "over 1.000" and pages up to the cap. Filters without a search count exactly.
 */
export const SEARCH_COUNT_CAP = 1000;

/**
 * Prepared statements per connection and SQL text. The list builds a handful of distinct SQL
 * texts (one per combination of filters), and preparing one costs about as much as running the
 * default page; a small cache per connection keeps that off every keystroke.
 */
const statementCache = new WeakMap<Sqlite, Map<string, Database.Statement>>();
const STATEMENT_CACHE_SIZE = 64;
function prepared(sqlite: Sqlite, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (st) {
    // Most recently used last.
    cache.delete(sql);
  } else {
    st = sqlite.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, st);
  return st;
}

/**
 * The case list: filters, search over name and case number (Unicode-aware, every word must match),
 * sort and a page. Plain SQL with bound parameters; every filter and sort has an index, and the
 * count joins only the tables its filters need. See BENCHMARKS.md for the plans and the figures.
 *
 * Search: a word matches when it occurs in the person's search_name, the lower-cased case number
 * or the lower-cased external reference. Words of 3+ characters use the case-sensitive trigram
 * index `case_search`, which holds exactly those three texts per case (kept by triggers), so a
 * phrase match there is the same test as instr() on them; shorter words use instr().
 */
export function listCases(
  sqlite: Sqlite,
  today: string,
  f: CaseListInput,
  options: { countCap?: number } = {},
): { total: number; capped: boolean; rows: CaseRow[] } {
  const where: string[] = ['c.anonymised_at IS NULL'];
  const params: (string | number)[] = [];
  /** Whether a WHERE term reads the people table (then the count joins it too). */
  let filtersPeople = false;
  const status = f.status ?? 'open';
  if (status !== 'all') {
    where.push('c.status = ?');
    params.push(status);
  }
  if (f.levels?.length) {
    where.push(`c.level IN (${f.levels.map(() => '?').join(',')})`);
    params.push(...f.levels);
  }
  if (f.districtIds?.length) {
    where.push(`c.district_id IN (${f.districtIds.map(() => '?').join(',')})`);
    params.push(...f.districtIds);
  }
  if (f.coordinator) {
    where.push('c.coordinator = ?');
    params.push(f.coordinator);
  }
  if (f.ageBands?.length) {
    const ors: string[] = [];
    for (const band of f.ageBands) {
      const [earliest, latest] = bandRange(band, today);
      ors.push(earliest ? '(p.birth_date >= ? AND p.birth_date <= ?)' : '(p.birth_date <= ?)');
      if (earliest) params.push(earliest);
      params.push(latest!);
    }
    where.push(`(${ors.join(' OR ')})`);
    filtersPeople = true;
  }
  if (f.review === 'overdue') {
    where.push('c.next_review_on < ?');
    params.push(today);
  } else if (f.review === 'due') {
    where.push('c.next_review_on <= ?');
    params.push(addDays(today, REVIEW_DUE_DAYS));
  }
  const words = normalizeForSearch(f.search ?? '').split(' ').filter(Boolean);
  const indexed = words.filter(searchableInIndex);
  if (indexed.length) {
    where.push('c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)');
    params.push(indexed.map(ftsPhrase).join(' AND '));
  }
  for (const w of words) {
    if (searchableInIndex(w)) continue;
    where.push(`(instr(p.search_name, ?) > 0 OR instr(lower(c.case_number), ?) > 0 OR instr(lower(coalesce(c.external_ref, '')), ?) > 0)`);
    params.push(w, w, w);
    filtersPeople = true;
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  // people.id = cases.person_id always matches (NOT NULL foreign key), so the count needs the join
  // only when a filter reads people; districts are a LEFT JOIN on their key and never change it.
  const countFrom = filtersPeople ? 'FROM cases c JOIN people p ON p.id = c.person_id' : 'FROM cases c';
  // With a search, count at most cap + 1 matches: enough to tell "over the cap" from "exactly the cap".
  const cap = words.length ? (options.countCap ?? SEARCH_COUNT_CAP) : null;
  const counted =
    cap === null
      ? (prepared(sqlite, `SELECT count(*) AS n ${countFrom} ${whereSql}`).get(...params) as { n: number }).n
      : (prepared(sqlite, `SELECT count(*) AS n FROM (SELECT 1 ${countFrom} ${whereSql} LIMIT ?)`).get(...params, cap + 1) as { n: number }).n;
  const capped = cap !== null && counted > cap;
  const total = capped ? cap : counted;
  // Paging stops at what the list shows.
  const offset = f.offset ?? 0;
  const limit = Math.max(0, Math.min(f.limit ?? 100, total - offset));
  const sort = SORT_COLUMNS[f.sort ?? 'caseNumber'] ?? SORT_COLUMNS.caseNumber!;
  let dir = f.direction === 'desc' ? 'DESC' : 'ASC';
  // "Age ascending" means youngest first, i.e. latest birth date first.
  if (f.sort === 'age') dir = dir === 'ASC' ? 'DESC' : 'ASC';
  const orderBy = `${sort.nullable ? `${sort.col} IS NULL, ` : ''}${sort.col} ${dir}, c.id ${dir}`;
  // The page's ids first, joining only what the filters and the sort read; then the 100 rows'
  // columns. Sorting tens of thousands of matches then moves ids, not joined rows. CROSS JOIN
  // keeps the page as the outer loop: otherwise SQLite may walk every case in sort order to
  // avoid sorting the 100 rows it has.
  // A 1-2 letter word (no trigram index) sorted by a people column: walk that column's index and
  // stop at the page's end. Otherwise SQLite reads and sorts every match (tens of thousands for
  // "s" at 100,000 cases: 130 ms, now 2.5 ms). Not with a 3+ letter word: the index narrows more.
  const walkPeople = sort.peopleIndex && !indexed.length && words.length > 0;
  const pageFrom = walkPeople
    ? `FROM people p INDEXED BY ${sort.peopleIndex} CROSS JOIN cases c ON c.person_id = p.id${f.sort === 'district' ? ' LEFT JOIN districts d ON d.id = c.district_id' : ''}`
    : `FROM cases c${filtersPeople || sort.people ? ' JOIN people p ON p.id = c.person_id' : ''}${f.sort === 'district' ? ' LEFT JOIN districts d ON d.id = c.district_id' : ''}`;
  const rows = prepared(
    sqlite,
    `SELECT c.id, c.case_number AS caseNumber, p.first_name AS firstName, p.last_name AS lastName, p.birth_date AS birthDate,
            d.name AS district, c.level, c.status, c.coordinator, c.opened_on AS openedOn, c.next_review_on AS nextReviewOn
     FROM (SELECT c.id ${pageFrom} ${whereSql} ORDER BY ${orderBy} LIMIT ? OFFSET ?) page
     CROSS JOIN cases c ON c.id = page.id JOIN people p ON p.id = c.person_id LEFT JOIN districts d ON d.id = c.district_id
     ORDER BY ${orderBy}`,
  ).all(...params, limit, offset) as (Omit<CaseRow, 'age'> & { birthDate: string })[];
  return {
    total,
    capped,
    rows: rows.map(({ birthDate, ...r }) => ({ ...r, age: ageInYears(birthDate, today) })),
  };
}

/** The distinct coordinators, sorted: one index seek per name (cases_coordinator_idx) instead of reading every case. */
export function listCoordinators(sqlite: Sqlite): string[] {
  return prepared(
    sqlite,
    `WITH RECURSIVE k(name) AS (
       SELECT min(coordinator) FROM cases
       UNION ALL
       SELECT (SELECT min(coordinator) FROM cases WHERE coordinator > k.name) FROM k WHERE k.name IS NOT NULL)
     SELECT name FROM k WHERE name IS NOT NULL`,
  )
    .pluck()
    .all() as string[];
}

export { cases };
