import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../core/connection';
import type { ServiceCtx } from '../core/service-context';
import { activePlanDueDates } from '../ssp-plus';
import { releaseDueItems } from '../releases';
import { addDays, addMonths, birthdayOf, dateOfTimestamp, type IsoDate } from '../../shared/core/dates';
import { seventeenAndHalfDate, twentyFifthBirthday } from '../../shared/ssp-plus';
import { EXIT_FOLLOW_UP_MONTHS, exitFollowUpDue } from '../../shared/cases';
import {
  birthDateRange,
  DEFAULT_INACTIVE_WEEKS,
  OVERVIEW_BUCKETS,
  OVERVIEW_ITEM_LIMIT,
  overviewWeeks,
  type Overview,
  type OverviewBucket,
  type OverviewItem,
  type OverviewKind,
  type OverviewWeeks,
} from '../../shared/overview';
import { getOverviewPrefs } from './prefs';

/**
 * Overblik: everything due up to the end of next week, across the modules, for the coordinator
 * (cases.coordinator / the SSP+ plan's coordinator = the vault owner's name) or for everyone.
 * The rules per kind (dates on the programme's calendar):
 * - case-review: an open case's next review date.
 * - meeting-action / case-action: an open action's deadline (ledergruppe meeting / added on the case).
 * - release-action: an open release-meeting action item's deadline (items without one are not listed).
 * - sspplus-review: an active plan's next scheduled review (status meeting).
 * - sspplus-action: a planned or in-progress action's deadline on an active plan.
 * - sspplus-followup: an ended plan's follow-up (3, 6, 12 months) not yet recorded.
 * - release-date / release-meeting / release-followup: what Løsladelser lists as coming (a planned
 *   release within the window), due or overdue, on its own rules and settings.
 * - exit-followup: an ended Exit course's follow-up 24 months after its end (exitFollowUpDue), until
 *   it is recorded; on the young person's open case, else their latest case (its coordinator is "mine").
 * - turning-17half: a young person with an open level 3-4 case and no active SSP+ plan turns 17½.
 * - turning-18: a young person with an open case turns 18. turning-25: with an open case or an
 *   active SSP+ plan, turns 25. Birthdays are listed only from today on (a passed one is not overdue).
 * - inactive: an open case with nothing recorded (event, note, level change, opening) for N weeks;
 *   its date is the last activity + N weeks.
 * Items after next week are left out; at most OVERVIEW_ITEM_LIMIT per bucket are returned, the
 * counts are complete.
 */
export function getOverview(s: ServiceCtx, input: { scope: 'mine' | 'all'; inactiveWeeks?: number }): Overview {
  const inactiveWeeks = input.inactiveWeeks ?? getOverviewPrefs(s.db).inactiveWeeks ?? DEFAULT_INACTIVE_WEEKS;
  const weeks = overviewWeeks(s.today);
  const me = s.actor;
  const mine = input.scope === 'mine' ? me : null;
  const counted: Partial<Record<OverviewKind, BucketCounts>> = {};
  const unnamed = new Set<OverviewItem>();
  const sspPlusActionOf = new Map<OverviewItem, number>(); // SSP+ action items -> the action's id
  const items = collectItems(s, weeks, mine, sspPlusActionOf);
  largeKinds(s, weeks, mine, inactiveWeeks * 7, items, counted, unnamed);

  const counts = { overdue: 0, thisWeek: 0, nextWeek: 0 };
  const countsByKind: Record<string, BucketCounts> = {};
  for (const it of items) {
    if (counted[it.kind]) continue; // counted in SQL: only its first items per bucket are here
    counts[it.bucket]++;
    (countsByKind[it.kind] ??= { overdue: 0, thisWeek: 0, nextWeek: 0 })[it.bucket]++;
  }
  for (const [kind, c] of Object.entries(counted)) {
    if (c.overdue + c.thisWeek + c.nextWeek === 0) continue;
    countsByKind[kind] = c;
    counts.overdue += c.overdue;
    counts.thisWeek += c.thisWeek;
    counts.nextWeek += c.nextWeek;
  }
  // Plain code-unit comparisons (dates are ISO, keys ASCII): localeCompare is far slower on 10,000+ items.
  items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const limited: OverviewItem[] = [];
  const taken: Record<OverviewBucket, number> = { overdue: 0, thisWeek: 0, nextWeek: 0 };
  for (const it of items) if (taken[it.bucket]++ < OVERVIEW_ITEM_LIMIT) limited.push(it);
  nameCaseItems(s.sqlite, limited.filter((it) => unnamed.has(it)));
  fillActions(s.sqlite, limited, sspPlusActionOf);

  const anyOpen = cachedStatement(s.sqlite, `SELECT 1 FROM cases WHERE status = 'open' AND anonymised_at IS NULL LIMIT 1`).get();
  return {
    today: s.today,
    me,
    scope: input.scope,
    inactiveWeeks,
    thisWeek: weeks.thisWeek,
    nextWeek: weeks.nextWeek,
    counts,
    countsByKind,
    items: limited,
    emptyVault: !anyOpen,
  };
}

const KIND_RANK: Record<OverviewKind, number> = {
  'case-review': 0,
  'meeting-action': 1,
  'release-action': 2,
  'case-action': 3,
  'sspplus-review': 4,
  'sspplus-action': 5,
  'sspplus-followup': 6,
  'release-date': 7,
  'release-meeting': 8,
  'release-followup': 9,
  'exit-followup': 10,
  'turning-17half': 11,
  'turning-18': 12,
  'turning-25': 13,
  inactive: 14,
};
void OVERVIEW_BUCKETS;

interface CaseRef {
  caseId: number;
  caseNumber: string;
  name: string;
  coordinator: string | null;
}

const CASE_COLS = `c.id AS caseId, c.case_number AS caseNumber, p.first_name || ' ' || p.last_name AS name, c.coordinator AS coordinator`;
const OPEN_CASE = `c.status = 'open' AND c.anonymised_at IS NULL`;

type BucketCounts = Record<OverviewBucket, number>;

/**
 * Case reviews and inactive cases are paged from the index alone (case id and date); only the
 * items that make the final list are then read from cases and people, in one statement: about
 * half of the 1,800 rows the two kinds' pages hold at 100,000 cases.
 */
function nameCaseItems(sqlite: Sqlite, items: OverviewItem[]): void {
  if (!items.length) return;
  // In id order: the lookups then walk the tables' b-trees forward instead of jumping about.
  const ids = [...new Set(items.map((it) => (it.target.kind === 'case' ? it.target.caseId : 0)))].sort((a, b) => a - b);
  const byId = new Map<number, CaseRef>();
  for (const r of cachedStatement(sqlite, `SELECT ${CASE_COLS} FROM json_each(?) AS j JOIN cases c ON c.id = j.value JOIN people p ON p.id = c.person_id`).all(JSON.stringify(ids)) as CaseRef[]) {
    byId.set(r.caseId, r);
  }
  for (const it of items) {
    const r = it.target.kind === 'case' ? byId.get(it.target.caseId) : undefined;
    if (!r) throw new Error('Overblik: a listed case was not found');
    it.personName = r.name;
    it.caseNumber = r.caseNumber;
    it.coordinator = r.coordinator;
  }
}

/**
 * The kinds that can run to tens of thousands of items (case reviews, inactive cases) are counted
 * per bucket in SQL and only their first OVERVIEW_ITEM_LIMIT items per bucket are read, in the
 * final order (due date, then key as a string), from an index on (status, anonymised_at, date)
 * for everyone, or the partial (coordinator, date) index of open cases for "mine" (migration 0024).
 * The index is named (INDEXED BY): with a range on bound parameters the planner otherwise took
 * the plain date index and read every row of the range from the table (45 ms instead of 1.5 ms
 * for a page at 100,000 cases). The final list takes at most OVERVIEW_ITEM_LIMIT per bucket over
 * all kinds, so nothing a kind leaves out here could have been shown.
 *
 * The count reads cases alone (people is joined by a NOT NULL key: it cannot change a count).
 * `column` is the date column; `shift` turns a due date into that column's value (inactive: the
 * last activity is the due date minus N weeks).
 */
function bucketedCaseRows(
  sqlite: Sqlite,
  weeks: OverviewWeeks,
  untilDue: Record<OverviewBucket, string | null> | null,
  sql: { cases: string; where: string; column: string; key: string; dateCounts: 'review' | 'activity' | null },
  params: Record<string, string>,
  shift: (due: IsoDate) => IsoDate,
): { counts: BucketCounts; rows: { caseId: number; d: string }[] } {
  const bounds = {
    today: shift(weeks.today),
    thisTo: shift(weeks.thisWeek.to),
    end: shift(weeks.nextWeek.to),
  };
  // One range count per bucket: a plain count over an index range is several times faster than one
  // pass with count(*) FILTER (...) per bucket (3 vs 0.6 ms for 20,000 entries). `>= ''` leaves NULL out.
  // For everyone, from open_case_date_counts (open cases per date, kept by triggers, migration
  // 0028): a sum over a few hundred dates instead of stepping through 34,000 index entries.
  const count = sql.dateCounts
    ? cachedStatement(sqlite, `SELECT coalesce(sum(n), 0) FROM open_case_date_counts WHERE kind = '${sql.dateCounts}' AND on_date >= @bFrom AND on_date <= @bTo`).pluck()
    : cachedStatement(sqlite, `SELECT count(*) FROM ${sql.cases} WHERE ${sql.where} AND ${sql.column} >= @bFrom AND ${sql.column} <= @bTo`).pluck();
  // From the index alone (case id and date): names are read for the items that make the list
  // (nameCaseItems). A join before the LIMIT read every row of a day's tie group (4.5 vs 0.5 ms).
  const page = cachedStatement(
    sqlite,
    `SELECT c.id AS caseId, ${sql.column} AS d FROM ${sql.cases} WHERE ${sql.where} AND ${sql.column} >= @bFrom AND ${sql.column} <= @bTo
     ORDER BY ${sql.column}, ${sql.key} LIMIT ${OVERVIEW_ITEM_LIMIT}`,
  );
  const counts: BucketCounts = { overdue: 0, thisWeek: 0, nextWeek: 0 };
  const rows: { caseId: number; d: string }[] = [];
  const ranges: [OverviewBucket, string, string][] = [
    ['overdue', '', addDays(bounds.today, -1)],
    ['thisWeek', bounds.today, bounds.thisTo],
    ['nextWeek', addDays(bounds.thisTo, 1), bounds.end],
  ];
  for (const [bucket, from, to] of ranges) {
    counts[bucket] = count.get({ ...params, bFrom: from, bTo: to }) as number;
    if (counts[bucket] === 0) continue;
    // Nothing due after the bucket's last listable date can be listed (listableUntil).
    const until = untilDue?.[bucket];
    const pageTo = until != null && shift(until) < to ? shift(until) : to;
    if (pageTo < from) continue;
    for (const r of page.all({ ...params, bFrom: from, bTo: pageTo }) as { caseId: number; d: string }[]) rows.push(r);
  }
  return { counts, rows };
}

/**
 * Per bucket, the due date of the OVERVIEW_ITEM_LIMIT-th item in the list's order over all kinds
 * (null when the bucket holds fewer): the other kinds' items (`others`, all read) and the open
 * cases' review and inactivity dates from open_case_date_counts (each kind read only until it alone
 * reaches the limit; at most OVERVIEW_ITEM_LIMIT dates, each has at least one case). No item due later can be listed in that bucket.
 */
function listableUntil(sqlite: Sqlite, weeks: OverviewWeeks, days: number, others: readonly OverviewItem[]): Record<OverviewBucket, string | null> {
  const dates = cachedStatement(
    sqlite,
    `SELECT on_date AS d, n FROM open_case_date_counts WHERE kind = @kind AND n > 0 AND on_date >= @from AND on_date <= @to ORDER BY on_date LIMIT ${OVERVIEW_ITEM_LIMIT}`,
  );
  const ranges: [OverviewBucket, string, string][] = [
    ['overdue', '', addDays(weeks.today, -1)],
    ['thisWeek', weeks.today, weeks.thisWeek.to],
    ['nextWeek', addDays(weeks.thisWeek.to, 1), weeks.nextWeek.to],
  ];
  const out: Record<OverviewBucket, string | null> = { overdue: null, thisWeek: null, nextWeek: null };
  for (const [bucket, from, to] of ranges) {
    const perDate = new Map<string, number>();
    const add = (d: string, n: number) => perDate.set(d, (perDate.get(d) ?? 0) + n);
    for (const it of others) if (it.bucket === bucket) add(it.dueOn, 1);
    // Each kind's dates up to where that kind alone reaches the limit: the bucket's limit is
    // reached no later, so every date up to it is read (most buckets stop after a few dates).
    const upToLimit = (params: Record<string, string>, shift: (d: string) => string) => {
      let total = 0;
      for (const r of dates.iterate(params) as IterableIterator<{ d: string; n: number }>) {
        add(shift(r.d), r.n);
        if ((total += r.n) >= OVERVIEW_ITEM_LIMIT) break;
      }
    };
    upToLimit({ kind: 'review', from, to }, (d) => d);
    upToLimit({ kind: 'activity', from: from === '' ? '' : addDays(from, -days), to: addDays(to, -days) }, (d) => addDays(d, days));
    let total = 0;
    for (const d of [...perDate.keys()].sort()) {
      total += perDate.get(d)!;
      if (total >= OVERVIEW_ITEM_LIMIT) {
        out[bucket] = d;
        break;
      }
    }
  }
  return out;
}

const ACTION_TABLES = [
  ['meeting-action', 'meeting_actions', 'meeting'],
  ['case-action', 'case_actions', 'case'],
] as const;

/** The listed meeting, case and SSP+ actions get their text, partner, case number, coordinator and name. */
function fillActions(sqlite: Sqlite, listed: OverviewItem[], sspPlusActionOf: Map<OverviewItem, number>): void {
  const plusItems = listed.filter((it) => sspPlusActionOf.has(it));
  if (plusItems.length) {
    const ids = [...new Set(plusItems.map((it) => sspPlusActionOf.get(it)!))].sort((a, b) => a - b);
    const byId = new Map<number, { description: string; name: string; caseNumber: string; partner: string | null }>();
    for (const r of cachedStatement(
      sqlite,
      `SELECT a.id AS actionId, a.description, p.first_name || ' ' || p.last_name AS name, c.case_number AS caseNumber, pa.name AS partner
       FROM json_each(?) AS j JOIN sspplus_actions a ON a.id = j.value JOIN sspplus_plans pl ON pl.id = a.plan_id JOIN people p ON p.id = pl.person_id
       JOIN cases c ON c.id = pl.case_id LEFT JOIN sspplus_partners pa ON pa.id = a.partner_id`,
    ).all(JSON.stringify(ids)) as { actionId: number; description: string; name: string; caseNumber: string; partner: string | null }[]) {
      byId.set(r.actionId, r);
    }
    for (const it of plusItems) {
      const r = byId.get(sspPlusActionOf.get(it)!);
      if (!r) throw new Error('Overblik: a listed SSP+ action was not found');
      it.personName = r.name;
      it.caseNumber = r.caseNumber;
      it.detail = r.description;
      it.partner = r.partner;
    }
  }
  for (const [kind, table] of ACTION_TABLES) {
    const items = listed.filter((it) => it.kind === kind);
    if (!items.length) continue;
    const ids = [...new Set(items.map((it) => it.action!.id))].sort((a, b) => a - b);
    const byId = new Map<number, CaseRef & { description: string; partner: string }>();
    for (const r of cachedStatement(
      sqlite,
      `SELECT a.id AS actionId, ${CASE_COLS}, a.description, a.partner FROM json_each(?) AS j JOIN ${table} a ON a.id = j.value
       JOIN cases c ON c.id = a.case_id JOIN people p ON p.id = c.person_id`,
    ).all(JSON.stringify(ids)) as (CaseRef & { actionId: number; description: string; partner: string })[]) {
      byId.set(r.actionId, r);
    }
    for (const it of items) {
      const r = byId.get(it.action!.id);
      if (!r) throw new Error('Overblik: a listed action was not found');
      it.personName = r.name;
      it.caseNumber = r.caseNumber;
      it.coordinator = r.coordinator;
      it.detail = r.description;
      it.partner = r.partner;
    }
  }
}

/** Prepared statements per connection and SQL text (Overblik runs the same few on every call). */
const statements = new WeakMap<Sqlite, Map<string, Statement<unknown[]>>>();
function cachedStatement(sqlite: Sqlite, text: string): Statement<unknown[]> {
  let byText = statements.get(sqlite);
  if (!byText) statements.set(sqlite, (byText = new Map()));
  let st = byText.get(text);
  if (!st) byText.set(text, (st = sqlite.prepare<unknown[]>(text)));
  return st;
}

function collectItems(
  s: ServiceCtx,
  weeks: OverviewWeeks,
  mine: string | null,
  sspPlusActionOf: Map<OverviewItem, number>,
): OverviewItem[] {
  const sqlite = s.sqlite;
  const end = weeks.nextWeek.to;
  const today = weeks.today;
  const out: OverviewItem[] = [];
  // bucketOf's rule on plain string comparisons: every date here comes from the database or the
  // date functions as a valid ISO date, and valid ISO dates sort lexically (bucketOf validates
  // each comparison, which cost several milliseconds over a thousand items).
  const bucket = (due: string): OverviewBucket | null => (due < today ? 'overdue' : due <= weeks.thisWeek.to ? 'thisWeek' : due <= end ? 'nextWeek' : null);
  const push = (item: Omit<OverviewItem, 'bucket'>) => {
    const b = bucket(item.dueOn);
    if (b) out.push(Object.assign(item, { bucket: b }));
  };
  const mineSql = mine === null ? '' : ` AND c.coordinator = @me`;
  const params: Record<string, string> = mine === null ? { end } : { end, me: mine };
  const caseItem = (kind: OverviewKind, r: CaseRef, dueOn: string, key: string, extra?: Pick<OverviewItem, 'detail' | 'partner' | 'action'>) =>
    push({ key, kind, dueOn, personName: r.name, caseNumber: r.caseNumber, detail: extra?.detail ?? null, partner: extra?.partner ?? null, coordinator: r.coordinator, target: { kind: 'case', caseId: r.caseId }, action: extra?.action ?? null });

  // Actions agreed at ledergruppe meetings, and added on cases.
  // Only id, deadline and case here (cases joined for the open-case rule; people by a NOT NULL
  // key cannot change the rows): most of them fall outside the first 300 of their bucket at
  // 100,000 cases, so the text, partner and names are read for the listed ones (fillActions).
  for (const [kind, table, source] of ACTION_TABLES) {
    for (const r of cachedStatement(sqlite, 
        `SELECT a.id AS actionId, a.deadline AS due, a.case_id AS caseId
         FROM ${table} a JOIN cases c ON c.id = a.case_id
         WHERE a.status = 'open' AND a.deadline <= @end AND ${OPEN_CASE}${mineSql}`,
      )
      .all(params) as { actionId: number; due: string; caseId: number }[]) {
      const b = bucket(r.due);
      if (b) out.push({ key: `${source}-action:${r.actionId}`, kind, dueOn: r.due, personName: '', caseNumber: null, detail: null, partner: null, coordinator: null, target: { kind: 'case', caseId: r.caseId }, action: { source, id: r.actionId }, bucket: b });
    }
  }

  // Release-meeting action items (the person's open case gives the coordinator).
  for (const r of cachedStatement(sqlite, 
      `SELECT ri.id AS actionId, ri.description, ri.owner AS partner, ri.deadline AS due, rm.custody_id AS custodyId,
              p.first_name || ' ' || p.last_name AS name, c.case_number AS caseNumber, c.coordinator AS coordinator
       FROM release_action_items ri JOIN release_meetings rm ON rm.id = ri.meeting_id JOIN custody_periods cp ON cp.id = rm.custody_id
       JOIN people p ON p.id = cp.person_id LEFT JOIN cases c ON c.person_id = cp.person_id AND c.status = 'open'
       WHERE ri.status = 'open' AND ri.done_on IS NULL AND ri.deadline IS NOT NULL AND ri.deadline <= @end AND p.anonymised_at IS NULL${mineSql}`,
    )
    .all(params) as { actionId: number; description: string; partner: string; due: string; custodyId: number; name: string; caseNumber: string | null; coordinator: string | null }[]) {
    push({
      key: `release-action:${r.actionId}`,
      kind: 'release-action',
      dueOn: r.due,
      personName: r.name,
      caseNumber: r.caseNumber,
      detail: r.description,
      partner: r.partner,
      coordinator: r.coordinator,
      target: { kind: 'custody', custodyId: r.custodyId },
      action: { source: 'release', id: r.actionId },
    });
  }

  // SSP+: status meetings (scheduled reviews) of active plans, their open actions, follow-ups of ended plans.
  const plans = activePlanDueDates(s).filter((plan) => mine === null || plan.coordinator === mine);
  for (const plan of plans) {
    push({
      key: `sspplus-review:${plan.planId}`,
      kind: 'sspplus-review',
      dueOn: plan.nextReviewOn,
      personName: `${plan.firstName} ${plan.lastName}`,
      caseNumber: plan.caseNumber,
      detail: null,
      partner: null,
      coordinator: plan.coordinator,
      target: { kind: 'plan', planId: plan.planId },
      action: null,
    });
  }
  const planMine = mine === null ? '' : ` AND pl.coordinator = @me`;
  // As the meeting actions: id, deadline, plan and coordinator here (people and cases are joined by
  // NOT NULL keys, the partner by a LEFT JOIN: neither changes the rows); the rest for the listed ones.
  for (const r of cachedStatement(sqlite, 
      `SELECT a.id AS actionId, a.deadline AS due, pl.id AS planId, pl.coordinator
       FROM sspplus_actions a JOIN sspplus_plans pl ON pl.id = a.plan_id
       WHERE pl.status = 'active' AND a.status IN ('planned', 'in-progress') AND a.deadline IS NOT NULL AND a.deadline <= @end${planMine}`,
    )
    .all(params) as { actionId: number; due: string; planId: number; coordinator: string }[]) {
    const b = bucket(r.due);
    if (!b) continue;
    const item: OverviewItem = { key: `sspplus-action:${r.actionId}`, kind: 'sspplus-action', dueOn: r.due, personName: '', caseNumber: null, detail: null, partner: null, coordinator: r.coordinator, target: { kind: 'plan', planId: r.planId }, action: null, bucket: b };
    sspPlusActionOf.set(item, r.actionId);
    out.push(item);
  }
  for (const r of cachedStatement(sqlite, 
      `SELECT f.id AS followUpId, f.months, f.due_on AS due, pl.id AS planId, pl.coordinator, p.first_name || ' ' || p.last_name AS name, c.case_number AS caseNumber
       FROM sspplus_follow_ups f JOIN sspplus_plans pl ON pl.id = f.plan_id JOIN people p ON p.id = pl.person_id JOIN cases c ON c.id = pl.case_id
       WHERE pl.status = 'ended' AND f.outcome IS NULL AND f.due_on <= @end AND p.anonymised_at IS NULL${planMine}`,
    )
    .all(params) as { followUpId: number; months: number; due: string; planId: number; coordinator: string; name: string; caseNumber: string }[]) {
    push({
      key: `sspplus-followup:${r.followUpId}`,
      kind: 'sspplus-followup',
      dueOn: r.due,
      personName: r.name,
      caseNumber: r.caseNumber,
      detail: String(r.months),
      partner: null,
      coordinator: r.coordinator,
      target: { kind: 'plan', planId: r.planId },
      action: null,
    });
  }

  // Løsladelser: planned releases, release meetings and follow-ups, on the releases module's own rules
  // (only the periods that can have one by the end of next week are looked at).
  const releases = releaseDueItems(s, end);
  const personIds = [...new Set(releases.map((r) => r.personId))];
  const openCaseOf = new Map<number, { caseNumber: string; coordinator: string | null }>();
  if (personIds.length) {
    for (const r of cachedStatement(sqlite, `SELECT person_id AS personId, case_number AS caseNumber, coordinator FROM cases WHERE status = 'open' AND person_id IN (${personIds.map(() => '?').join(',')})`)
      .all(...personIds) as { personId: number; caseNumber: string; coordinator: string | null }[]) {
      openCaseOf.set(r.personId, r);
    }
  }
  for (const r of releases) {
    const c = openCaseOf.get(r.personId);
    if (mine !== null && c?.coordinator !== mine) continue;
    const key = r.kind === 'release-followup' ? `release-followup:${r.custodyId}:${r.months}` : `${r.kind}:${r.custodyId}`;
    const detail = r.kind === 'release-followup' ? String(r.months) : null;
    push({ key, kind: r.kind, dueOn: r.dueOn, personName: `${r.firstName} ${r.lastName}`, caseNumber: c?.caseNumber ?? null, detail, partner: null, coordinator: c?.coordinator ?? null, target: { kind: 'custody', custodyId: r.custodyId }, action: null });
  }

  // Exit courses: the follow-up 24 months after the end, until recorded. The young person's open
  // case, else the latest one, gives the case to open and the coordinator. The due date is at most
  // a day after end + 24 months (29 February), so ends up to a few days past that bound are read.
  // CROSS JOIN keeps the few courses as the outer loop: with none or few of them the planner
  // scanned all people instead (10 ms at 100,000 people).
  for (const r of cachedStatement(
    sqlite,
    `SELECT e.id AS courseId, e.end_on AS endOn, ${CASE_COLS}
     FROM exit_courses e CROSS JOIN people p ON p.id = e.person_id
     CROSS JOIN cases c ON c.id = (SELECT k.id FROM cases k WHERE k.person_id = e.person_id AND k.anonymised_at IS NULL ORDER BY k.status = 'open' DESC, k.opened_on DESC, k.id DESC LIMIT 1)
     WHERE e.status != 'active' AND e.end_on IS NOT NULL AND e.follow_up_recorded_on IS NULL AND e.end_on <= @exitEndBound AND p.anonymised_at IS NULL${mineSql}`,
  ).all({ ...params, exitEndBound: addDays(addMonths(end, -EXIT_FOLLOW_UP_MONTHS), 3) }) as (CaseRef & { courseId: number; endOn: string })[]) {
    push({
      key: `exit-followup:${r.courseId}`,
      kind: 'exit-followup',
      dueOn: exitFollowUpDue(r.endOn),
      personName: r.name,
      caseNumber: r.caseNumber,
      detail: null,
      partner: null,
      coordinator: r.coordinator,
      target: { kind: 'case', caseId: r.caseId, panel: 'exit' },
      action: null,
    });
  }

  // Birthdays that matter: 17½ (SSP+), 18 and 25, from today to the end of next week.
  const inWindow = (date: IsoDate) => date >= today && date <= end; // valid ISO dates sort as strings
  const birthdays = (kind: OverviewKind, months: number, dateOf: (b: IsoDate) => IsoDate, extraWhere: string) => {
    // Both tables from covering indexes (migration 0026): the windows hold ~800 people at 100,000
    // cases, and reading each person's and case's row cost most of the statements' time.
    // Exactly the births whose birthday is in the window (a few days' slack each side read a third more rows).
    const w = birthDateRange(today, end, months, dateOf);
    for (const r of cachedStatement(sqlite, 
        `SELECT ${CASE_COLS}, p.birth_date AS birthDate FROM people p INDEXED BY people_birth_name_idx JOIN cases c INDEXED BY cases_open_person_cover_idx ON c.person_id = p.id
         WHERE p.birth_date BETWEEN @from AND @to AND ${OPEN_CASE}${extraWhere}${mineSql}`,
      )
      .all({ ...params, from: w.from, to: w.to }) as (CaseRef & { birthDate: string })[]) {
      const date = dateOf(r.birthDate);
      if (inWindow(date)) caseItem(kind, r, date, `${kind}:${r.caseId}`);
    }
  };
  birthdays('turning-17half', 17 * 12 + 6, seventeenAndHalfDate, ` AND c.level IN (3, 4) AND NOT EXISTS (SELECT 1 FROM sspplus_plans pl WHERE pl.person_id = p.id AND pl.status = 'active')`);
  birthdays('turning-18', 18 * 12, (b) => birthdayOf(b, 18), '');
  birthdays('turning-25', 25 * 12, twentyFifthBirthday, '');
  // 25 for active SSP+ plans whose person has no open case any more.
  const listed25 = new Set(out.filter((i) => i.kind === 'turning-25').map((i) => i.caseNumber));
  for (const plan of plans) {
    if (!inWindow(plan.turns25On)) continue;
    if (listed25.has(plan.caseNumber)) continue;
    push({ key: `turning-25-plan:${plan.planId}`, kind: 'turning-25', dueOn: plan.turns25On, personName: `${plan.firstName} ${plan.lastName}`, caseNumber: plan.caseNumber, detail: null, partner: null, coordinator: plan.coordinator, target: { kind: 'plan', planId: plan.planId }, action: null });
  }

  return out;
}

/**
 * Case reviews and inactive cases (tens of thousands at 100,000 cases): counted per bucket in SQL,
 * and only the rows that can make the list are read (bucketedCaseRows). For everyone, the per-date
 * counts (open_case_date_counts) give, per bucket, the last due date the list can reach: at most
 * OVERVIEW_ITEM_LIMIT items are listed per bucket, so once that many items of all kinds fall on
 * or before a date, nothing after it can be listed; the two pages stop there and read about
 * OVERVIEW_ITEM_LIMIT rows between them instead of up to twice that. Their items carry the case
 * id only; nameCaseItems adds name, number and coordinator to those that make the list.
 */
function largeKinds(
  s: ServiceCtx,
  weeks: OverviewWeeks,
  mine: string | null,
  days: number,
  out: OverviewItem[],
  counted: Partial<Record<OverviewKind, BucketCounts>>,
  unnamed: Set<OverviewItem>,
): void {
  const sqlite = s.sqlite;
  const mineSql = mine === null ? '' : ` AND c.coordinator = @me`;
  const today = weeks.today;
  const end = weeks.nextWeek.to;
  const bucket = (due: string): OverviewBucket | null => (due < today ? 'overdue' : due <= weeks.thisWeek.to ? 'thisWeek' : due <= end ? 'nextWeek' : null);
  const untilDue = mine === null ? listableUntil(sqlite, weeks, days, out) : null;
  // Case reviews: counted and paged in SQL (tens of thousands at 100,000 cases).
  // Their items carry the case id only; nameCaseItems adds name, number and coordinator.
  const unnamedItem = (kind: 'case-review' | 'inactive', caseId: number, dueOn: string, key: string) => {
    const b = bucket(dueOn);
    if (!b) return;
    const item: OverviewItem = { key, kind, dueOn, personName: '', caseNumber: null, detail: null, partner: null, coordinator: null, target: { kind: 'case', caseId }, action: null, bucket: b };
    unnamed.add(item);
    out.push(item);
  };
  const reviews = bucketedCaseRows(
    sqlite,
    weeks,
    untilDue,
    { cases: `cases c INDEXED BY ${mine === null ? 'cases_active_review_idx' : 'cases_open_coordinator_review_idx'}`, where: `${OPEN_CASE}${mineSql}`, column: 'c.next_review_on', key: `'review:' || c.id`, dateCounts: mine === null ? 'review' : null },
    mine === null ? {} : { me: mine },
    (d) => d,
  );
  counted['case-review'] = reviews.counts;
  for (const r of reviews.rows) unnamedItem('case-review', r.caseId, r.d, `review:${r.caseId}`);

  // Cases with no activity for N weeks: counted and paged in SQL on cases.last_activity_on.
  const inactive = bucketedCaseRows(
    sqlite,
    weeks,
    untilDue,
    { cases: `cases c INDEXED BY ${mine === null ? 'cases_active_activity_idx' : 'cases_open_coordinator_activity_idx'}`, where: `${OPEN_CASE}${mineSql}`, column: 'c.last_activity_on', key: `'inactive:' || c.id`, dateCounts: mine === null ? 'activity' : null },
    mine === null ? {} : { me: mine },
    (due) => addDays(due, -days),
  );
  counted.inactive = inactive.counts;
  // The same few dates recur on hundreds of rows: each is shifted once.
  const shifted = new Map<string, string>();
  const dueOf = (d: string) => shifted.get(d) ?? (shifted.set(d, addDays(d, days)), shifted.get(d)!);
  for (const r of inactive.rows) unnamedItem('inactive', r.caseId, dueOf(r.d), `inactive:${r.caseId}`);
}

/**
 * The programme date of a note's UTC timestamp, cheaply: Copenhagen is UTC+1 or +2, so before
 * 22:00 UTC the date is the UTC date; only later timestamps go through the time-zone conversion
 * (which costs about a millisecond per call: thousands of notes made Overblik take seconds).
 */
export function noteDate(timestamp: string): string {
  const hour = Number(timestamp.slice(11, 13));
  return /^\d{4}-\d{2}-\d{2}T\d{2}/.test(timestamp) && timestamp.endsWith('Z') && hour < 22 ? timestamp.slice(0, 10) : dateOfTimestamp(timestamp);
}
