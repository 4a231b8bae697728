/**
 * The semi-annual report's exact counts, computed from the vault. Everything the report reads
 * goes through `reportQueries`, returning counts keyed by district id: the case counts from the
 * connection's timeline (timeline.ts: every case's status, level and district history read once
 * per data version, then asked for each date in memory), the SSP+, release and Exit counts as one
 * grouped SQL statement each (few rows). `computeExactTables` puts them into the format's tables
 * (src/shared/report); totals and suppression happen there.
 *
 * Definitions (docs/report-format.md):
 * - a case counts in the district it belonged to on the day counted (district history: the
 *   period's end for active cases and SSP+ plans, the opening, closing, event or follow-up day
 *   otherwise); a release counts in the district of the person's latest case opened on or before
 *   the date, on that date, else the person's own district;
 * - active at the period end: the case's latest status change on or before the end is
 *   'opened' or 'reopened'; level = the level in effect on the end date;
 * - new: an 'opened' status change in the period; level = the level in effect on the opening day;
 * - closed: a 'closed' status change in the period (a case closed twice counts once, at its last
 *   closing in the period); level = the level in effect on that day;
 * - "the level in effect on a day": the latest level change dated on or before it (ties: the one
 *   recorded last), as shared/domain/levels levelAt;
 * - age in whole years on the period's last day (a birthday on that day counts), as ageInYears;
 * - a case handed over to another vault (issue 21) counts here before its handover date, a case
 *   received from one from its handover date on (caseHereOn); so both vaults' reports stay right.
 *
 * Retention keeps deleted cases as anonymous stubs in the same tables (people.anonymised_at):
 * district, sex, status and level history, events and a birth date on the first of its
 * half-year, which gives the same age at every period end. The queries read stubs like any
 * other row, so reports of past periods do not change when personal data is deleted.
 */
import type { Sqlite } from '../core/connection';
import { timelineOf, type Timeline, type TimelineEvent } from './timeline';
import { addDays, addMonths, compare } from '../../shared/core/dates';
import { exitFollowUp, exitFollowUpDue } from '../../shared/cases';
import { AGE_BANDS, ageBand } from '../../shared/core/districts';
import { FOLLOW_UP_MONTHS, OUTCOME_CODES, outcomeOpensOn } from '../../shared/ssp-plus';
import { emptyTables, getRows, sikkerByCounts, type GenericRow, type KeyValue, type ReportTables, type SikkerByCharge } from '../../shared/semiannual-report';

export interface ReportScope {
  /** First and last day of the half-year, both inclusive. */
  start: string;
  end: string;
  /** Meetings dated after this day are planned, not held. */
  today: string;
  /** The districts to report, in report order. */
  districts: readonly { id: number; name: string }[];
  /**
   * A 3/6/12-month outcome counts only when recorded in its window: from this many days before
   * it was due (the SSP+ setting, 14 by default). One recorded earlier counts as 'ukendt'.
   */
  outcomeWindowDays?: number;
  /** SSP+'s age band ends at this birthday (the setting, 25 by default). */
  sspPlusMaxAgeYears?: number;
}

const DEFAULT_OUTCOME_WINDOW_DAYS = 14;

/** A grouped count; `districtId` null when neither the case nor the person has a district. */
type DistrictId = number | null;
export interface LevelCount { districtId: DistrictId; level: number; n: number }
export interface ActiveCount { districtId: DistrictId; level: number; band: string; sex: string; n: number }
export interface EventCount { districtId: DistrictId; charges: number; interviews: number; remand: number }
export interface PlanCount { districtId: DistrictId; active: number; started: number; ended: number }
export interface FollowUpCount { districtId: DistrictId; months: number; outcome: string; n: number }
export interface ReleaseCount { districtId: DistrictId; releases: number; meetings: number }
export interface ExitCount { districtId: DistrictId; active: number; started: number; ended: number; followUpsNoNewCharge: number; followUpsNewCharge: number }

// ---- SQL fragments ------------------------------------------------------------------------

/**
 * The district case `c` (of person `p`) belonged to on the date expression `on`, from its
 * district history (the latest row on or before the date; before its first row, the first row);
 * a case without history rows is in its district now (its own, else its person's). -1 stands
 * for "no district" inside, NULL outside.
 */
export const districtOn = (on: string, c = 'c', p = 'p') =>
  `NULLIF(COALESCE(
     (SELECT IFNULL(h.district_id, -1) FROM case_district_changes h WHERE h.case_id = ${c}.id AND h.changed_on <= ${on}
      ORDER BY h.changed_on DESC, h.id DESC LIMIT 1),
     (SELECT IFNULL(h.district_id, -1) FROM case_district_changes h WHERE h.case_id = ${c}.id ORDER BY h.changed_on, h.id LIMIT 1),
     ${c}.district_id, ${p}.district_id, -1), -1)`;

/** District of person `pid` on the date expression `on`: their latest case opened by then, else their own. */
const personDistrictOn = (pid: string, on: string) =>
  `COALESCE((SELECT ${districtOn(on, 'c2')} FROM cases c2 WHERE c2.person_id = ${pid} AND c2.opened_on <= ${on}
             ORDER BY c2.opened_on DESC, c2.id DESC LIMIT 1), p.district_id)`;

/**
 * Whether case `c` counts in this vault on the date expression `on` (issue 21): a case handed over
 * to another vault counts here up to the day before its handover date (unless the handover was
 * refused), a case received from another vault from its handover date on; before it, the sender's
 * report counts it. So on every date a case counts in exactly one vault.
 */
export const caseHereOn = (on: string, c = 'c') =>
  `(NOT EXISTS (SELECT 1 FROM case_handovers h WHERE h.case_id = ${c}.id AND h.state <> 'refused' AND h.handover_date <= ${on})
    AND NOT EXISTS (SELECT 1 FROM handover_imports i WHERE i.handover_date > ${on} AND EXISTS (SELECT 1 FROM json_each(i.case_ids) j WHERE j.value = ${c}.id)))`;

/** The same for a person's own rows (custody, Exit): the dates they left this vault and came to it, as columns. */
const personWindow = (pid: string) =>
  `(SELECT MIN(h.handover_date) FROM case_handovers h WHERE h.person_id = ${pid} AND h.state <> 'refused') AS leftOn,
   (SELECT MAX(i.handover_date) FROM handover_imports i WHERE i.person_id = ${pid}) AS cameOn`;
const personHereOn = (pid: string, on: string) =>
  `(NOT EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id = ${pid} AND h.state <> 'refused' AND h.handover_date <= ${on})
    AND NOT EXISTS (SELECT 1 FROM handover_imports i WHERE i.person_id = ${pid} AND i.handover_date > ${on}))`;
/** Whether a date falls in a person's time in this vault (see personWindow). */
const hereOn = (w: { leftOn: string | null; cameOn: string | null }, on: string | null): boolean =>
  on !== null && (w.leftOn === null || compare(on, w.leftOn) < 0) && (w.cameOn === null || compare(on, w.cameOn) >= 0);

// ---- the queries ----------------------------------------------------------------------------

const BAND_INDEX = Object.fromEntries(AGE_BANDS.map((b, k) => [b, k])) as Record<(typeof AGE_BANDS)[number], number>;

/** Counts per district and level of the cases for which `dayOf` gives a day (counted here on it), on that day. */
function countByDistrictLevel(t: Timeline, dayOf: (i: number) => string | null): LevelCount[] {
  const counts = new Map<number, LevelCount>();
  for (let i = 0; i < t.size; i++) {
    const day = dayOf(i);
    if (day === null || !t.hereOn(i, day)) continue;
    const districtId = t.districtOn(i, day);
    const level = t.levelOn(i, day);
    const key = ((districtId ?? -1) + 1) * 64 + level;
    const row = counts.get(key);
    if (row) row.n += 1;
    else counts.set(key, { districtId, level, n: 1 });
  }
  return [...counts.values()];
}

/**
 * What the report reads. The case counts (active, new, closed, events, Sikker By) come from the
 * connection's timeline (timeline.ts: every case's history read once per data version); the
 * SSP+, release and Exit counts, which touch few rows, are one SQL statement each. Each takes
 * the period's bounds.
 */
export const reportQueries = {
  /**
   * Active cases on the end date by district, level, age band and sex: opened by the end, counted
   * here on it, and the latest status change on or before it 'opened' or 'reopened'. Age in whole
   * years on the end date (a birthday on it counts), from the birth year and whether the birthday
   * falls later in the year than the end date, as ageInYears.
   */
  activeCases: (sqlite: Sqlite, scope: ReportScope): ActiveCount[] => {
    const t = timelineOf(sqlite);
    const { end } = scope;
    const endYear = Number(end.slice(0, 4));
    const endDay = end.slice(5, 10);
    // Counted by a number made of district, level, age band and sex (a string key per case costs more than the rest).
    const counts = new Map<number, ActiveCount>();
    for (let i = 0; i < t.size; i++) {
      if (t.openedOn[i]! > end || !t.hereOn(i, end) || !t.openOn(i, end)) continue;
      const birth = t.birthDate[i];
      // The birth year as SQLite's CAST reads it; the birthday later in the year than the end date: not yet a year older.
      const band = ageBand(birth !== null && birth !== undefined && birth.length === 10 ? endYear - (parseInt(birth.slice(0, 4), 10) || 0) - (birth.slice(5, 10) > endDay ? 1 : 0) : null);
      const districtId = t.districtOn(i, end);
      const level = t.levelOn(i, end);
      const sex = t.sex[i]!;
      const key = ((((districtId ?? -1) + 1) * 64 + level) * 16 + BAND_INDEX[band]) * 4 + (sex === 'M' ? 0 : sex === 'K' ? 1 : 2);
      const row = counts.get(key);
      if (row) row.n += 1;
      else counts.set(key, { districtId, level, band, sex, n: 1 });
    }
    return [...counts.values()];
  },

  /** Cases opened in the period (their first 'opened' change in it), by district and level on that day. */
  newCases: (sqlite: Sqlite, scope: ReportScope): LevelCount[] => {
    const t = timelineOf(sqlite);
    return countByDistrictLevel(t, (i) => t.firstOpenedIn(i, scope.start, scope.end));
  },

  /** Cases closed in the period (a case closed twice counts once, at its last closing in it), by district and level on that day. */
  closedCases: (sqlite: Sqlite, scope: ReportScope): LevelCount[] => {
    const t = timelineOf(sqlite);
    return countByDistrictLevel(t, (i) => t.lastClosedIn(i, scope.start, scope.end));
  },

  /** Young people (not events) with at least one event of each kind in the period, in the district of the event's case on its day. */
  eventPeople: (sqlite: Sqlite, scope: ReportScope): EventCount[] => {
    const t = timelineOf(sqlite);
    // (person, district, kind) as one number: person ids below 2^33 and district ids below 2^18 (row ids) keep it under 2^53.
    const seen = new Set<number>();
    const out = new Map<DistrictId, EventCount>();
    for (const e of t.eventsIn(scope.start, scope.end)) {
      if (!t.hereOn(e.caseIndex, e.occurredOn)) continue;
      const districtId = t.districtOn(e.caseIndex, e.occurredOn);
      const key = t.personId[e.caseIndex]! * 1_048_576 + ((districtId ?? -1) + 1) * 4 + (e.kind === 'charge' ? 0 : e.kind === 'interview' ? 1 : 2);
      if (seen.has(key)) continue;
      seen.add(key);
      const row = out.get(districtId) ?? out.set(districtId, { districtId, charges: 0, interviews: 0, remand: 0 }).get(districtId)!;
      if (e.kind === 'charge') row.charges += 1;
      else if (e.kind === 'interview') row.interviews += 1;
      else row.remand += 1;
    }
    return [...out.values()];
  },

  /**
   * SSP+ plans running on the end date (and the young person still in the age band then: a plan
   * not yet ended for someone who has turned 25 is not active), started and ended in the period,
   * in the district of the plan's case. SQLite's '+N years' moves 29 February to 1 March, the
   * programme's month-end rule.
   */
  sspPlusPlans: (sqlite: Sqlite, scope: ReportScope): PlanCount[] =>
    sqlite
      .prepare(
        `SELECT ${districtOn('@end')} AS districtId,
                SUM(pl.start_date <= @end AND (pl.end_date IS NULL OR pl.end_date > @end) AND date(p.birth_date, printf('+%d years', @maxAge)) > @end AND ${caseHereOn('@end')}) AS active,
                SUM(pl.start_date BETWEEN @start AND @end AND ${caseHereOn('pl.start_date')}) AS started,
                SUM(pl.end_date IS NOT NULL AND pl.end_date BETWEEN @start AND @end AND ${caseHereOn('pl.end_date')}) AS ended
         FROM sspplus_plans pl JOIN cases c ON c.id = pl.case_id JOIN people p ON p.id = pl.person_id
         WHERE pl.start_date <= @end AND (pl.end_date IS NULL OR pl.end_date >= @start)
         GROUP BY 1`,
      )
      .all({ start: scope.start, end: scope.end, maxAge: scope.sspPlusMaxAgeYears ?? 25 }) as PlanCount[],

  /** SSP+ follow-ups due in the period by outcome; not recorded, or recorded before its window, is 'ukendt'. */
  sspPlusFollowUps: (sqlite: Sqlite, scope: ReportScope): FollowUpCount[] =>
    sqlite
      .prepare(
        `SELECT ${districtOn('f.due_on')} AS districtId, f.months AS months,
                CASE WHEN f.outcome IS NOT NULL AND f.recorded_on >= date(f.due_on, printf('-%d days', @window)) THEN f.outcome ELSE 'ukendt' END AS outcome,
                COUNT(*) AS n
         FROM sspplus_follow_ups f JOIN sspplus_plans pl ON pl.id = f.plan_id
         JOIN cases c ON c.id = pl.case_id JOIN people p ON p.id = pl.person_id
         WHERE f.due_on BETWEEN @start AND @end AND ${caseHereOn('f.due_on')}
         GROUP BY 1, 2, 3`,
      )
      .all({ start: scope.start, end: scope.end, window: scope.outcomeWindowDays ?? DEFAULT_OUTCOME_WINDOW_DAYS }) as FollowUpCount[],

  /** Actual releases in the period, and release meetings held in it (not after today: those are planned). */
  releases: (sqlite: Sqlite, scope: ReportScope): ReleaseCount[] =>
    sqlite
      .prepare(
        `SELECT districtId, SUM(kind = 'release') AS releases, SUM(kind = 'meeting') AS meetings FROM (
           SELECT ${personDistrictOn('cp.person_id', 'cp.released_on')} AS districtId, 'release' AS kind
           FROM custody_periods cp JOIN people p ON p.id = cp.person_id
           WHERE cp.released_on BETWEEN @start AND @end AND ${personHereOn('cp.person_id', 'cp.released_on')}
           UNION ALL
           SELECT ${personDistrictOn('cp.person_id', 'm.held_on')} AS districtId, 'meeting' AS kind
           FROM release_meetings m JOIN custody_periods cp ON cp.id = m.custody_id JOIN people p ON p.id = cp.person_id
           WHERE m.held_on BETWEEN @start AND @heldUntil AND ${personHereOn('cp.person_id', 'm.held_on')})
         GROUP BY 1`,
      )
      .all({ start: scope.start, end: scope.end, heldUntil: compare(scope.today, scope.end) < 0 ? scope.today : scope.end }) as ReleaseCount[],

  /**
   * Follow-ups after release (3, 6, 12 months from the actual release date, month-end clamped)
   * that fall due in the period, by the outcome recorded; not recorded is 'ukendt'.
   */
  releaseFollowUps: (sqlite: Sqlite, scope: ReportScope): FollowUpCount[] => {
    const rows = sqlite
      .prepare(
        `SELECT cp.id AS custodyId, cp.released_on AS releasedOn, ${personDistrictOn('cp.person_id', 'cp.released_on')} AS districtId,
                f.months AS months, f.outcome AS outcome, f.recorded_on AS recordedOn, ${personWindow('cp.person_id')}
         FROM custody_periods cp JOIN people p ON p.id = cp.person_id
         LEFT JOIN release_followups f ON f.custody_id = cp.id
         WHERE cp.released_on BETWEEN @from AND @end`,
      )
      .all({ from: addDays(addMonths(scope.start, -12), -3), end: scope.end }) as {
      custodyId: number;
      releasedOn: string;
      districtId: DistrictId;
      months: number | null;
      outcome: string | null;
      recordedOn: string | null;
      leftOn: string | null;
      cameOn: string | null;
    }[];
    const window = scope.outcomeWindowDays ?? DEFAULT_OUTCOME_WINDOW_DAYS;
    const custody = new Map<number, { releasedOn: string; districtId: DistrictId; outcomes: Map<number, string>; window: { leftOn: string | null; cameOn: string | null } }>();
    for (const r of rows) {
      const c = custody.get(r.custodyId) ?? { releasedOn: r.releasedOn, districtId: r.districtId, outcomes: new Map(), window: { leftOn: r.leftOn, cameOn: r.cameOn } };
      const inWindow = r.months !== null && r.recordedOn !== null && compare(r.recordedOn, outcomeOpensOn(addMonths(r.releasedOn, r.months), window)) >= 0;
      if (r.months !== null && r.outcome !== null && inWindow) c.outcomes.set(r.months, r.outcome);
      custody.set(r.custodyId, c);
    }
    const counts = new Map<string, FollowUpCount>();
    for (const c of custody.values()) {
      for (const months of FOLLOW_UP_MONTHS) {
        const due = addMonths(c.releasedOn, months);
        if (compare(due, scope.start) < 0 || compare(due, scope.end) > 0 || !hereOn(c.window, due)) continue;
        const outcome = c.outcomes.get(months) ?? 'ukendt';
        const key = `${c.districtId}|${months}|${outcome}`;
        const entry = counts.get(key) ?? { districtId: c.districtId, months, outcome, n: 0 };
        entry.n += 1;
        counts.set(key, entry);
      }
    }
    return [...counts.values()];
  },

  /**
   * Exit courses in the district of the person's latest case opened by the period end (else the
   * person's own): running on the end date (not ended by then), started and ended in the period,
   * and the 24-month follow-ups (anniversary of the end) due in the period by today, split by
   * whether the register has a new charge in them (exitFollowUp: the day after the end through
   * the due date). Retention keeps an ended course's dates and programme on the anonymous stub.
   */
  exitCourses: (sqlite: Sqlite, scope: ReportScope): ExitCount[] => {
    const rows = sqlite
      .prepare(
        `SELECT e.person_id AS personId, e.start_on AS startOn, e.end_on AS endOn, ${personDistrictOn('e.person_id', '@end')} AS districtId, ${personWindow('e.person_id')}
         FROM exit_courses e JOIN people p ON p.id = e.person_id
         WHERE e.start_on <= @end AND (e.end_on IS NULL OR e.end_on >= @from)`,
      )
      .all({ end: scope.end, from: addMonths(scope.start, -25) }) as { personId: number; startOn: string; endOn: string | null; districtId: DistrictId; leftOn: string | null; cameOn: string | null }[];
    const dueBy = compare(scope.today, scope.end) < 0 ? scope.today : scope.end;
    const followedUp = rows.filter((r) => r.endOn !== null && compare(exitFollowUpDue(r.endOn), scope.start) >= 0 && compare(exitFollowUpDue(r.endOn), dueBy) <= 0);
    const charges = new Map<number, string[]>();
    if (followedUp.length) {
      for (const c of sqlite
        .prepare(
          `SELECT c.person_id AS personId, e.occurred_on AS on_ FROM case_events e JOIN cases c ON c.id = e.case_id
           WHERE e.kind = 'charge' AND c.person_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify([...new Set(followedUp.map((r) => r.personId))])) as { personId: number; on_: string }[]) {
        charges.set(c.personId, [...(charges.get(c.personId) ?? []), c.on_]);
      }
    }
    const out = new Map<DistrictId, ExitCount>();
    const inPeriod = (d: string | null) => d !== null && compare(d, scope.start) >= 0 && compare(d, scope.end) <= 0;
    for (const r of rows) {
      const row = out.get(r.districtId) ?? { districtId: r.districtId, active: 0, started: 0, ended: 0, followUpsNoNewCharge: 0, followUpsNewCharge: 0 };
      if ((r.endOn === null || compare(r.endOn, scope.end) > 0) && hereOn(r, scope.end)) row.active += 1;
      if (inPeriod(r.startOn) && hereOn(r, r.startOn)) row.started += 1;
      if (inPeriod(r.endOn) && hereOn(r, r.endOn)) row.ended += 1;
      if (followedUp.includes(r) && hereOn(r, exitFollowUpDue(r.endOn!))) {
        const f = exitFollowUp(r.endOn, charges.get(r.personId) ?? [], exitFollowUpDue(r.endOn!))!;
        if (f.newCharges > 0) row.followUpsNewCharge += 1;
        else row.followUpsNoNewCharge += 1;
      }
      out.set(r.districtId, row);
    }
    return [...out.values()];
  },

  /**
   * Every charge in the period with what the Sikker By figure needs (sikker-by.ts): category,
   * the case's level and district on the charge date, the birth date; in date, then id order.
   * All districts: a person's first charge decides where the city figure counts them, whichever
   * districts are reported.
   */
  sikkerByCharges: (sqlite: Sqlite, scope: ReportScope): SikkerByCharge[] => {
    const t = timelineOf(sqlite);
    const charges = t.eventsIn(scope.start, scope.end).filter((e) => e.kind === 'charge');
    const before = (a: TimelineEvent, b: TimelineEvent) => a.occurredOn < b.occurredOn || (a.occurredOn === b.occurredOn && a.id < b.id);
    // In date, then id order (they usually come so, from the kind-and-date index).
    if (charges.some((e, k) => k > 0 && before(e, charges[k - 1]!))) charges.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return charges.map((e) => ({
      personId: t.personId[e.caseIndex]!,
      occurredOn: e.occurredOn,
      offenceCategory: e.offenceCategory,
      level: t.levelOn(e.caseIndex, e.occurredOn),
      districtId: t.districtOn(e.caseIndex, e.occurredOn),
      birthDate: t.birthDate[e.caseIndex] ?? null,
    }));
  },
};

export type ReportQueries = typeof reportQueries;

// ---- into the format's tables ---------------------------------------------------------------

/** Counts that could not be placed in a district (case and person without one). */
export interface Unplaced {
  active: number;
  new: number;
  closed: number;
}

export interface ComputedTables {
  tables: ReportTables;
  unplaced: Unplaced;
}

const OUTCOMES = new Set<string>(OUTCOME_CODES);
const MONTHS = new Set<number>(FOLLOW_UP_MONTHS);

/** Adds counts to rows of one table, found by their key values. */
class TableFiller {
  private readonly index = new Map<string, GenericRow>();
  constructor(
    tables: ReportTables,
    id: string,
    private readonly keys: readonly string[],
  ) {
    for (const row of getRows(tables, id)) this.index.set(this.key(keys.map((k) => row[k] as KeyValue)), row);
  }
  private key(values: readonly (KeyValue | undefined)[]): string {
    return JSON.stringify(values);
  }
  add(values: readonly KeyValue[], measures: Record<string, number>): boolean {
    const row = this.index.get(this.key(values));
    if (!row) return false;
    for (const [m, n] of Object.entries(measures)) row[m] = (row[m] as number) + n;
    return true;
  }
}

/**
 * The exact tables of a report for the scope, read through `queries`. With `casesOnly` only the
 * case tables (casesByLevel, activeByAgeBand, activeBySex) are filled and the rest stay 0: enough
 * for the trend, whose case counts are suppressed exactly as in the full report (suppression
 * links the case tables only to each other). With `stockOnly` only the stocks at the end date
 * (active cases by level, age and sex; active SSP+ plans; Exit courses running): what the next
 * half-year links to. With `exitOnly` only the Exit table (what the follow-ups two years on link to).
 */
export function computeExactTables(
  sqlite: Sqlite,
  scope: ReportScope,
  options: { casesOnly?: boolean; stockOnly?: boolean; exitOnly?: boolean } = {},
  queries: ReportQueries = reportQueries,
): ComputedTables {
  const names = new Map(scope.districts.map((d) => [d.id, d.name]));
  const tables = emptyTables(scope.districts.map((d) => d.name));
  const unplaced: Unplaced = { active: 0, new: 0, closed: 0 };
  const nameOf = (id: DistrictId) => (id === null ? undefined : names.get(id));

  if (options.exitOnly) {
    // The Exit table alone (what a later half-year's follow-ups link to).
    const exit = new TableFiller(tables, 'exit.byDistrict', ['district']);
    for (const { districtId, ...counts } of queries.exitCourses(sqlite, scope)) {
      const d = nameOf(districtId);
      if (d !== undefined) exit.add([d], counts);
    }
    return { tables, unplaced };
  }
  const byLevel = new TableFiller(tables, 'casesByLevel', ['district', 'level']);
  const byBand = new TableFiller(tables, 'activeByAgeBand', ['district', 'band']);
  const bySex = new TableFiller(tables, 'activeBySex', ['district', 'sex']);
  for (const r of queries.activeCases(sqlite, scope)) {
    const d = nameOf(r.districtId);
    if (r.districtId === null) unplaced.active += r.n;
    if (d === undefined || !byLevel.add([d, r.level], { active: r.n })) continue;
    byBand.add([d, r.band], { count: r.n });
    bySex.add([d, r.sex], { count: r.n });
  }
  if (options.stockOnly) {
    // What the next half-year's flows link to: active cases (above) and active SSP+ plans.
    const plans = new TableFiller(tables, 'sspPlus.byDistrict', ['district']);
    for (const r of queries.sspPlusPlans(sqlite, scope)) {
      const d = nameOf(r.districtId);
      if (d !== undefined) plans.add([d], { active: r.active });
    }
    // ... and Exit courses running at the end (the Exit flow links to them like the SSP+ one).
    const running = new TableFiller(tables, 'exit.byDistrict', ['district']);
    for (const r of queries.exitCourses(sqlite, scope)) {
      const d = nameOf(r.districtId);
      if (d !== undefined) running.add([d], { active: r.active });
    }
    return { tables, unplaced };
  }
  for (const [measure, rows] of [
    ['new', queries.newCases(sqlite, scope)],
    ['closed', queries.closedCases(sqlite, scope)],
  ] as const) {
    for (const r of rows) {
      const d = nameOf(r.districtId);
      if (r.districtId === null) unplaced[measure] += r.n;
      if (d !== undefined) byLevel.add([d, r.level], { [measure]: r.n });
    }
  }

  if (options.casesOnly) return { tables, unplaced };

  const events = new TableFiller(tables, 'eventsByDistrict', ['district']);
  for (const r of queries.eventPeople(sqlite, scope)) {
    const d = nameOf(r.districtId);
    if (d !== undefined) events.add([d], { charges: r.charges, interviews: r.interviews, remand: r.remand });
  }

  const plans = new TableFiller(tables, 'sspPlus.byDistrict', ['district']);
  for (const r of queries.sspPlusPlans(sqlite, scope)) {
    const d = nameOf(r.districtId);
    if (d !== undefined) plans.add([d], { active: r.active, started: r.started, ended: r.ended });
  }
  const releases = new TableFiller(tables, 'releases.byDistrict', ['district']);
  for (const r of queries.releases(sqlite, scope)) {
    const d = nameOf(r.districtId);
    if (d !== undefined) releases.add([d], { releases: r.releases, meetings: r.meetings });
  }

  const exit = new TableFiller(tables, 'exit.byDistrict', ['district']);
  for (const { districtId, ...counts } of queries.exitCourses(sqlite, scope)) {
    const d = nameOf(districtId);
    if (d !== undefined) exit.add([d], counts);
  }

  const sikkerBy = new TableFiller(tables, 'sikkerBy.byDistrict', ['district']);
  for (const { districtId, charged, firstInCity } of sikkerByCounts(queries.sikkerByCharges(sqlite, scope))) {
    const d = nameOf(districtId);
    if (d !== undefined) sikkerBy.add([d], { charged, firstInCity });
  }

  for (const [id, rows] of [
    ['sspPlus.followUps', queries.sspPlusFollowUps(sqlite, scope)],
    ['releases.followUps', queries.releaseFollowUps(sqlite, scope)],
  ] as const) {
    const filler = new TableFiller(tables, id, ['district', 'months', 'outcome']);
    for (const r of rows) {
      const d = nameOf(r.districtId);
      if (d === undefined || !MONTHS.has(r.months)) continue;
      filler.add([d, r.months, OUTCOMES.has(r.outcome) ? r.outcome : 'ukendt'], { count: r.n });
    }
  }
  return { tables, unplaced };
}

/** The earliest date anything in the register happened, for the list of periods; null in an empty vault. */
export function earliestActivity(sqlite: Sqlite): string | null {
  const row = sqlite.prepare(`SELECT MIN(changed_on) AS d FROM case_status_changes`).get() as { d: string | null };
  return row.d;
}
