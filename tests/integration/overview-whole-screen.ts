/**
 * Overblik as it was computed before its due-items-only queries (issue 17, commit 2b2595d):
 * every SSP+ plan's screen row (`listPlans`), the whole Løsladelser overview (`releasesOverview`),
 * case reviews and inactive cases counted with count(*) FILTER in one pass. Kept for the tests as
 * the independent method the new queries are compared with (tests/integration/overviewDueItems.test.ts).
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../src/main/core/connection';
import type { ServiceCtx } from '../../src/main/core/service-context';
import { listPlans } from '../../src/main/ssp-plus';
import { releasesOverview } from '../../src/main/releases';
import { addDays, addMonths, birthdayOf, compare, diffDays, type IsoDate } from '../../src/shared/core/dates';
import { seventeenAndHalfDate, twentyFifthBirthday } from '../../src/shared/ssp-plus';
import {
  DEFAULT_INACTIVE_WEEKS,
  OVERVIEW_BUCKETS,
  OVERVIEW_ITEM_LIMIT,
  overviewWeeks,
  type Overview,
  type OverviewBucket,
  type OverviewItem,
  type OverviewKind,
  type OverviewWeeks,
} from '../../src/shared/overview';
import { getOverviewPrefs } from '../../src/main/overview/prefs';

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
 * - turning-17half: a young person with an open level 3-4 case and no active SSP+ plan turns 17½.
 * - turning-18: a young person with an open case turns 18. turning-25: with an open case or an
 *   active SSP+ plan, turns 25. Birthdays are listed only from today on (a passed one is not overdue).
 * - inactive: an open case with nothing recorded (event, note, level change, opening) for N weeks;
 *   its date is the last activity + N weeks.
 * Items after next week are left out; at most OVERVIEW_ITEM_LIMIT per bucket are returned, the
 * counts are complete.
 */
export function wholeScreenOverview(s: ServiceCtx, input: { scope: 'mine' | 'all'; inactiveWeeks?: number }): Overview {
  const inactiveWeeks = input.inactiveWeeks ?? getOverviewPrefs(s.db).inactiveWeeks ?? DEFAULT_INACTIVE_WEEKS;
  const weeks = overviewWeeks(s.today);
  const me = s.actor;
  const mine = input.scope === 'mine' ? me : null;
  const counted: Partial<Record<OverviewKind, BucketCounts>> = {};
  const items = collectItems(s, weeks, mine, inactiveWeeks, counted);

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
  'exit-followup': 9.5, // not listed before issue 17's Exit follow-ups; needed by the type only
  'turning-17half': 10,
  'turning-18': 11,
  'turning-25': 12,
  inactive: 13,
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
 * The kinds that can run to tens of thousands of items (case reviews, inactive cases) are counted
 * per bucket in SQL and only their first OVERVIEW_ITEM_LIMIT items per bucket are read, in the
 * final order (due date, then key as a string), from an index on (status, anonymised_at, date).
 * The final list takes at most OVERVIEW_ITEM_LIMIT per bucket over all kinds, so nothing a kind
 * leaves out here could have been shown.
 *
 * The count reads cases alone (people is joined by a NOT NULL key: it cannot change a count).
 * `column` is the date column; `shift` turns a due date into that column's value (inactive: the
 * last activity is the due date minus N weeks).
 */
function bucketedCaseRows<R>(
  sqlite: Sqlite,
  weeks: OverviewWeeks,
  sql: { select: string; from: string; countFrom: string; where: string; column: string; key: string },
  params: Record<string, string>,
  shift: (due: IsoDate) => IsoDate,
): { counts: BucketCounts; rows: R[] } {
  const bounds = {
    today: shift(weeks.today),
    thisTo: shift(weeks.thisWeek.to),
    end: shift(weeks.nextWeek.to),
  };
  const where = `${sql.where} AND ${sql.column} <= @bEnd`;
  const counted = cachedStatement(
    sqlite,
    `SELECT count(*) FILTER (WHERE ${sql.column} < @bToday) AS overdue,
            count(*) FILTER (WHERE ${sql.column} >= @bToday AND ${sql.column} <= @bThisTo) AS thisWeek,
            count(*) FILTER (WHERE ${sql.column} > @bThisTo) AS nextWeek
     FROM ${sql.countFrom} WHERE ${where}`,
  ).get({ ...params, bToday: bounds.today, bThisTo: bounds.thisTo, bEnd: bounds.end }) as BucketCounts;
  const page = cachedStatement(
    sqlite,
    `SELECT ${sql.select} FROM ${sql.from} WHERE ${where} AND ${sql.column} >= @bFrom AND ${sql.column} <= @bTo
     ORDER BY ${sql.column}, ${sql.key} LIMIT ${OVERVIEW_ITEM_LIMIT}`,
  );
  const rows: R[] = [];
  const ranges: [OverviewBucket, string, string][] = [
    ['overdue', '', addDays(bounds.today, -1)],
    ['thisWeek', bounds.today, bounds.thisTo],
    ['nextWeek', addDays(bounds.thisTo, 1), bounds.end],
  ];
  for (const [bucket, from, to] of ranges) {
    if (counted[bucket] > 0) rows.push(...(page.all({ ...params, bEnd: bounds.end, bFrom: from, bTo: to }) as R[]));
  }
  return { counts: counted, rows };
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

function collectItems(s: ServiceCtx, weeks: OverviewWeeks, mine: string | null, inactiveWeeks: number, counted: Partial<Record<OverviewKind, BucketCounts>>): OverviewItem[] {
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
    if (b) out.push({ ...item, bucket: b });
  };
  const mineSql = mine === null ? '' : ` AND c.coordinator = @me`;
  const params: Record<string, string> = mine === null ? { end } : { end, me: mine };
  const caseItem = (kind: OverviewKind, r: CaseRef, dueOn: string, key: string, extra: Partial<OverviewItem> = {}) =>
    push({ key, kind, dueOn, personName: r.name, caseNumber: r.caseNumber, detail: null, partner: null, coordinator: r.coordinator, target: { kind: 'case', caseId: r.caseId }, action: null, ...extra });

  // Case reviews: counted and paged in SQL (tens of thousands at 100,000 cases).
  const reviews = bucketedCaseRows<CaseRef & { due: string }>(
    sqlite,
    weeks,
    { select: `${CASE_COLS}, c.next_review_on AS due`, from: `cases c JOIN people p ON p.id = c.person_id`, countFrom: 'cases c', where: `${OPEN_CASE}${mineSql}`, column: 'c.next_review_on', key: `'review:' || c.id` },
    mine === null ? {} : { me: mine },
    (d) => d,
  );
  counted['case-review'] = reviews.counts;
  for (const r of reviews.rows) caseItem('case-review', r, r.due, `review:${r.caseId}`);

  // Actions agreed at ledergruppe meetings, and added on cases.
  for (const [kind, table, source] of [
    ['meeting-action', 'meeting_actions', 'meeting'],
    ['case-action', 'case_actions', 'case'],
  ] as const) {
    for (const r of cachedStatement(sqlite, 
        `SELECT ${CASE_COLS}, a.id AS actionId, a.description, a.partner, a.deadline AS due
         FROM ${table} a JOIN cases c ON c.id = a.case_id JOIN people p ON p.id = c.person_id
         WHERE a.status = 'open' AND a.deadline <= @end AND ${OPEN_CASE}${mineSql}`,
      )
      .all(params) as (CaseRef & { actionId: number; description: string; partner: string; due: string })[]) {
      caseItem(kind, r, r.due, `${source}-action:${r.actionId}`, { detail: r.description, partner: r.partner, action: { source, id: r.actionId } });
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
  const plans = listPlans(s, 'active');
  for (const plan of plans) {
    if (mine !== null && plan.coordinator !== mine) continue;
    if (plan.nextReview) {
      push({
        key: `sspplus-review:${plan.planId}`,
        kind: 'sspplus-review',
        dueOn: plan.nextReview.dueOn,
        personName: `${plan.firstName} ${plan.lastName}`,
        caseNumber: plan.caseNumber,
        detail: null,
        partner: null,
        coordinator: plan.coordinator,
        target: { kind: 'plan', planId: plan.planId },
        action: null,
      });
    }
  }
  const planMine = mine === null ? '' : ` AND pl.coordinator = @me`;
  for (const r of cachedStatement(sqlite, 
      `SELECT a.id AS actionId, a.description, a.deadline AS due, pl.id AS planId, pl.coordinator, p.first_name || ' ' || p.last_name AS name, c.case_number AS caseNumber, pa.name AS partner
       FROM sspplus_actions a JOIN sspplus_plans pl ON pl.id = a.plan_id JOIN people p ON p.id = pl.person_id JOIN cases c ON c.id = pl.case_id
       LEFT JOIN sspplus_partners pa ON pa.id = a.partner_id
       WHERE pl.status = 'active' AND a.status IN ('planned', 'in-progress') AND a.deadline IS NOT NULL AND a.deadline <= @end${planMine}`,
    )
    .all(params) as { actionId: number; description: string; due: string; planId: number; coordinator: string; name: string; caseNumber: string; partner: string | null }[]) {
    push({
      key: `sspplus-action:${r.actionId}`,
      kind: 'sspplus-action',
      dueOn: r.due,
      personName: r.name,
      caseNumber: r.caseNumber,
      detail: r.description,
      partner: r.partner,
      coordinator: r.coordinator,
      target: { kind: 'plan', planId: r.planId },
      action: null,
    });
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

  // Løsladelser: planned releases, release meetings and follow-ups, on the releases module's own rules.
  const releases = releasesOverview(s, { horizonDays: diffDays(end, today) });
  const personIds = [...new Set([...releases.upcoming, ...releases.meetingsDue, ...releases.followUpsDue].map((r) => r.person.id))];
  const openCaseOf = new Map<number, { caseNumber: string; coordinator: string | null }>();
  if (personIds.length) {
    for (const r of cachedStatement(sqlite, `SELECT person_id AS personId, case_number AS caseNumber, coordinator FROM cases WHERE status = 'open' AND person_id IN (${personIds.map(() => '?').join(',')})`)
      .all(...personIds) as { personId: number; caseNumber: string; coordinator: string | null }[]) {
      openCaseOf.set(r.personId, r);
    }
  }
  const releaseItem = (kind: OverviewKind, r: { custodyId: number; person: { id: number; firstName: string; lastName: string } }, dueOn: string, key: string, detail: string | null) => {
    const c = openCaseOf.get(r.person.id);
    if (mine !== null && c?.coordinator !== mine) return;
    push({ key, kind, dueOn, personName: `${r.person.firstName} ${r.person.lastName}`, caseNumber: c?.caseNumber ?? null, detail, partner: null, coordinator: c?.coordinator ?? null, target: { kind: 'custody', custodyId: r.custodyId }, action: null });
  };
  for (const r of releases.upcoming) if (r.releaseState !== 'done') releaseItem('release-date', r, r.plannedReleaseOn, `release-date:${r.custodyId}`, null);
  for (const r of releases.meetingsDue) releaseItem('release-meeting', r, r.dueOn, `release-meeting:${r.custodyId}`, null);
  for (const r of releases.followUpsDue) releaseItem('release-followup', r, r.dueOn, `release-followup:${r.custodyId}:${r.months}`, String(r.months));

  // Birthdays that matter: 17½ (SSP+), 18 and 25, from today to the end of next week.
  const birthWindow = (months: number) => ({ from: addMonths(today, -months), to: addMonths(end, -months) });
  const inWindow = (date: IsoDate) => compare(date, today) >= 0 && compare(date, end) <= 0;
  const birthdays = (kind: OverviewKind, months: number, dateOf: (b: IsoDate) => IsoDate, extraWhere: string) => {
    // 29 February births move to 1 March: widen the birth-date range by a few days, then check exactly.
    const w = birthWindow(months);
    for (const r of cachedStatement(sqlite, 
        `SELECT ${CASE_COLS}, p.birth_date AS birthDate FROM people p JOIN cases c ON c.person_id = p.id
         WHERE p.birth_date BETWEEN @from AND @to AND ${OPEN_CASE}${extraWhere}${mineSql}`,
      )
      .all({ ...params, from: addDays(w.from, -3), to: addDays(w.to, 3) }) as (CaseRef & { birthDate: string })[]) {
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
    if (mine !== null && plan.coordinator !== mine) continue;
    if (!inWindow(plan.turns25On)) continue;
    if (listed25.has(plan.caseNumber)) continue;
    push({ key: `turning-25-plan:${plan.planId}`, kind: 'turning-25', dueOn: plan.turns25On, personName: `${plan.firstName} ${plan.lastName}`, caseNumber: plan.caseNumber, detail: null, partner: null, coordinator: plan.coordinator, target: { kind: 'plan', planId: plan.planId }, action: null });
  }

  // Cases with no activity for N weeks: counted and paged in SQL on cases.last_activity_on.
  const days = inactiveWeeks * 7;
  const inactive = bucketedCaseRows<CaseRef & { last: string }>(
    sqlite,
    weeks,
    { select: `${CASE_COLS}, c.last_activity_on AS last`, from: `cases c JOIN people p ON p.id = c.person_id`, countFrom: 'cases c', where: `${OPEN_CASE}${mineSql}`, column: 'c.last_activity_on', key: `'inactive:' || c.id` },
    mine === null ? {} : { me: mine },
    (due) => addDays(due, -days),
  );
  counted.inactive = inactive.counts;
  for (const r of inactive.rows) caseItem('inactive', r, addDays(r.last, days), `inactive:${r.caseId}`);
  return out;
}
