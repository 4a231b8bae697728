import { asc, eq } from 'drizzle-orm';
import { caseEvents, caseLevelChanges, caseNotes, cases, caseStatusChanges, districts, efforts } from '../db/schema';
import type { Sqlite } from '../db/connection';
import { addYears, addDays, ageInYears } from '../../shared/domain/dates';
import { normalizeForSearch } from '../../shared/domain/districts';
import type { CaseDetail, CaseListInput, CaseRow } from '../../shared/contract/register';
import type { CaseLevel } from '../../shared/domain/levels';
import { audit } from './audit';
import { AppError } from '../errors';
import type { ServiceCtx } from './context';
import { getPerson } from './people';
import { loadCase } from './cases';

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
  return {
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

const SORT_COLUMNS: Record<string, string> = {
  caseNumber: 'c.case_number',
  name: 'p.sort_name',
  // Older first means an earlier birth date.
  age: 'p.birth_date',
  district: 'd.sort_order',
  level: 'c.level',
  status: 'c.status',
  coordinator: 'c.coordinator',
  nextReviewOn: 'c.next_review_on',
  openedOn: 'c.opened_on',
};

/** Birth-date range for an age band on a reference date: age a..b means born in (ref-(b+1)y, ref-a y]. */
function bandRange(band: string, today: string): [string | null, string | null] {
  const [lo, hi] = band === '26+' ? [26, null] : (band.split('-').map(Number) as [number, number]);
  const latest = addYears(today, -lo);
  const earliest = hi === null ? null : addDays(addYears(today, -(hi + 1)), 1);
  return [earliest, latest];
}

/**
 * The case list: filters, search over name and case number (Unicode-aware, every word must match),
 * sort and a page. Plain SQL with bound parameters on indexed columns; see BENCHMARKS.md.
 */
export function listCases(sqlite: Sqlite, today: string, f: CaseListInput): { total: number; rows: CaseRow[] } {
  const where: string[] = ['c.anonymised_at IS NULL'];
  const params: (string | number)[] = [];
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
  }
  if (f.review === 'overdue') {
    where.push('c.next_review_on < ?');
    params.push(today);
  } else if (f.review === 'due') {
    where.push('c.next_review_on <= ?');
    params.push(addDays(today, REVIEW_DUE_DAYS));
  }
  const words = normalizeForSearch(f.search ?? '').split(' ').filter(Boolean);
  for (const w of words) {
    where.push(`(instr(p.search_name, ?) > 0 OR instr(lower(c.case_number), ?) > 0 OR instr(lower(coalesce(c.external_ref, '')), ?) > 0)`);
    params.push(w, w, w);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM cases c JOIN people p ON p.id = c.person_id LEFT JOIN districts d ON d.id = c.district_id';
  const total = (sqlite.prepare(`SELECT count(*) AS n ${from} ${whereSql}`).get(...params) as { n: number }).n;
  const sortCol = SORT_COLUMNS[f.sort ?? 'caseNumber'] ?? 'c.case_number';
  let dir = f.direction === 'desc' ? 'DESC' : 'ASC';
  // "Age ascending" means youngest first, i.e. latest birth date first.
  if (f.sort === 'age') dir = dir === 'ASC' ? 'DESC' : 'ASC';
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.case_number AS caseNumber, p.first_name AS firstName, p.last_name AS lastName, p.birth_date AS birthDate,
              d.name AS district, c.level, c.status, c.coordinator, c.opened_on AS openedOn, c.next_review_on AS nextReviewOn
       ${from} ${whereSql} ORDER BY ${sortCol} IS NULL, ${sortCol} ${dir}, c.id ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...params, f.limit ?? 100, f.offset ?? 0) as (Omit<CaseRow, 'age'> & { birthDate: string })[];
  return {
    total,
    rows: rows.map(({ birthDate, ...r }) => ({ ...r, age: ageInYears(birthDate, today) })),
  };
}

export function listCoordinators(sqlite: Sqlite): string[] {
  return (sqlite.prepare(`SELECT DISTINCT coordinator FROM cases WHERE coordinator IS NOT NULL ORDER BY coordinator`).all() as { coordinator: string }[]).map((r) => r.coordinator);
}

export { cases };
