/**
 * Every case's history in memory, read once per data version: the semi-annual report asks the
 * same questions ("status, level and district of this case on that day"; "does it count in this
 * vault on that day") for every case at several dates (a half-year's end, the half-year before's
 * for the flow constraints, four half-years for the trend). Asked in SQL, each question is an
 * index seek per case per date (about 0.9 s per half-year at 100,000 cases); here the histories
 * are read in one sequential pass per table (each table as one row of JSON columns: better-sqlite3
 * costs about 2 µs per returned row, a JSON array a fraction of that) and every date is answered
 * from memory.
 *
 * The rules are the report's (compute.ts, docs/report-format.md), the same as the SQL they
 * replace, which tests/integration/report-sql-reference.ts keeps and report-timeline.test.ts
 * compares with on a seeded vault:
 * - the row in effect on a day is the latest dated on or before it, ties broken by the one
 *   recorded last (the higher id);
 * - district: from the district history; before its first row, the first row; a case without
 *   history rows is in its own district, else its person's; a row without a district means none;
 * - level: from the level history, else the case's level now;
 * - a case handed over counts here before its handover date (unless refused), a case received
 *   from its handover date on (caseHereOn in compute.ts).
 *
 * Nothing here holds names, CPR numbers or note text: ids, dates, levels, districts, sex and the
 * birth date (for the age bands), as the SQLite page cache holds them anyway. The timeline is
 * kept per connection for the data version it was read at (see data-version.ts) and dropped with
 * the connection when the vault locks.
 */
import type { Sqlite } from '../core/connection';
import { dataVersion } from './data-version';

/** Status kinds as numbers. */
const OPENED = 0;
const REOPENED = 1;
const CLOSED = 2;
const OTHER = 3;
const statusCode = (kind: string) => (kind === 'opened' ? OPENED : kind === 'reopened' ? REOPENED : kind === 'closed' ? CLOSED : OTHER);

/** Per-case rows of one history table, grouped by case (CSR: rows of case i at start[i]..start[i+1]-1), by date then id. */
interface History {
  start: Int32Array;
  on: string[];
  value: Int32Array;
}

/** One event of the kinds the report counts (charges, interviews, remand). */
export interface TimelineEvent {
  id: number;
  /** Index of the event's case in the timeline. */
  caseIndex: number;
  occurredOn: string;
  kind: 'charge' | 'interview' | 'remand';
  offenceCategory: string | null;
}

export interface Timeline {
  /** Number of cases; case i has id caseId[i]. */
  readonly size: number;
  readonly caseId: Int32Array;
  readonly personId: Int32Array;
  readonly openedOn: string[];
  readonly sex: ('M' | 'K' | 'unknown')[];
  readonly birthDate: (string | null)[];
  /** Status (opened/reopened) of case i in effect on `on`: true when open. */
  openOn(i: number, on: string): boolean;
  /** The date of case i's first 'opened' change in [start, end], or null. */
  firstOpenedIn(i: number, start: string, end: string): string | null;
  /** The date of case i's last 'closed' change in [start, end], or null. */
  lastClosedIn(i: number, start: string, end: string): string | null;
  levelOn(i: number, on: string): number;
  /** District id of case i on `on`; null for none. */
  districtOn(i: number, on: string): number | null;
  /** Whether case i counts in this vault on `on` (handovers). */
  hereOn(i: number, on: string): boolean;
  /** The events of the counted kinds dated in [start, end], in no particular order (read once per range and kept with the timeline). */
  eventsIn(start: string, end: string): readonly TimelineEvent[];
}

type Columns = (string | number | null)[][];

/** One statement whose single row holds `n` JSON arrays (json_group_array), parsed. */
function columns(sqlite: Sqlite, sql: string, params: Record<string, string> = {}): Columns {
  const row = sqlite.prepare(sql).raw().get(params) as (string | null)[];
  return row.map((c) => (c === null ? [] : (JSON.parse(c) as (string | number | null)[])));
}

/**
 * Groups a history table's rows by case index, each case's rows sorted by date, then id (the
 * rows come in the index's order: by case and date, same-day rows by value, not by id).
 */
function groupByCase(size: number, indexOf: Int32Array, [ids, caseIds, on, values]: Columns, code: (v: string | number | null) => number): History {
  const n = caseIds!.length;
  const rowCase = new Int32Array(n);
  const start = new Int32Array(size + 1);
  for (let r = 0; r < n; r++) {
    const id = caseIds![r] as number;
    const i = id >= 0 && id < indexOf.length ? indexOf[id]! : -1;
    rowCase[r] = i;
    if (i >= 0) start[i + 1]! += 1;
  }
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, size);
  const outId = new Float64Array(start[size]!);
  const outOn = new Array<string>(start[size]!);
  const outValue = new Int32Array(start[size]!);
  for (let r = 0; r < n; r++) {
    const i = rowCase[r]!;
    if (i < 0) continue;
    const k = fill[i]!++;
    outId[k] = ids![r] as number;
    outOn[k] = on![r] as string;
    outValue[k] = code(values![r]!);
  }
  // An insertion sort per case by (date, id): segments are short and nearly sorted.
  for (let i = 0; i < size; i++) {
    for (let k = start[i]! + 1; k < start[i + 1]!; k++) {
      const d = outOn[k]!;
      const id = outId[k]!;
      const v = outValue[k]!;
      let j = k - 1;
      while (j >= start[i]! && (outOn[j]! > d || (outOn[j] === d && outId[j]! > id))) {
        outOn[j + 1] = outOn[j]!;
        outId[j + 1] = outId[j]!;
        outValue[j + 1] = outValue[j]!;
        j--;
      }
      outOn[j + 1] = d;
      outId[j + 1] = id;
      outValue[j + 1] = v;
    }
  }
  return { start, on: outOn, value: outValue };
}

/** Index of the row of case i in effect on `on` (latest dated on or before it), or -1. */
function atOrBefore(h: History, i: number, on: string): number {
  for (let k = h.start[i + 1]! - 1; k >= h.start[i]!; k--) if (h.on[k]! <= on) return k;
  return -1;
}

const NO_DISTRICT = -1;

/** Reads the timeline in one read transaction (a consistent snapshot). */
export function loadTimeline(sqlite: Sqlite): Timeline {
  return sqlite.transaction(() => readTimeline(sqlite))();
}

/**
 * A history table's id, case, date and value, read from its (case, date, value) index alone
 * (migration 0027): the tables hold reasons and actors too, several times the pages, and the
 * whole history does not stay in the page cache with them.
 */
const history = (sqlite: Sqlite, table: string, index: string, value: string) =>
  columns(sqlite, `SELECT json_group_array(id), json_group_array(case_id), json_group_array(changed_on), json_group_array(${value}) FROM ${table} INDEXED BY ${index} WHERE case_id IS NOT NULL`);

function readTimeline(sqlite: Sqlite): Timeline {
  // Cases and people in two index-only scans (a join would seek every person: slower than joining here).
  const [ids, persons, opened, levels, caseDistricts] = columns(
    sqlite,
    `SELECT json_group_array(id), json_group_array(person_id), json_group_array(opened_on), json_group_array(level), json_group_array(district_id)
     FROM cases INDEXED BY cases_person_idx WHERE person_id IS NOT NULL`,
  ) as [number[], number[], string[], number[], (number | null)[]];
  const [pIds, pDistricts, pSexes, pBirths] = columns(
    sqlite,
    `SELECT json_group_array(id), json_group_array(district_id), json_group_array(sex), json_group_array(birth_date) FROM people INDEXED BY people_report_idx`,
  ) as [number[], (number | null)[], (string | null)[], (string | null)[]];
  // People by id (an array indexed by id: ids are the table's row ids).
  let maxPerson = 0;
  for (const id of pIds) if (id > maxPerson) maxPerson = id;
  const personRow = new Int32Array(maxPerson + 1).fill(-1);
  for (let k = 0; k < pIds.length; k++) personRow[pIds[k]!] = k;
  // Cases in the order read (nothing depends on it); a case always has its person (foreign key),
  // one without would not be counted (the SQL's inner join).
  const caseRows: number[] = [];
  let maxCase = 0;
  for (let k = 0; k < ids.length; k++) {
    const pid = persons[k]!;
    if (pid >= 0 && pid <= maxPerson && personRow[pid]! >= 0) {
      caseRows.push(k);
      if (ids[k]! > maxCase) maxCase = ids[k]!;
    }
  }
  const size = caseRows.length;
  const caseId = new Int32Array(size);
  const personId = new Int32Array(size);
  const openedOn = new Array<string>(size);
  const level = new Int32Array(size);
  const ownDistrict = new Int32Array(size);
  const sex = new Array<'M' | 'K' | 'unknown'>(size);
  const birthDate = new Array<string | null>(size);
  const indexOf = new Int32Array(maxCase + 1).fill(-1);
  for (let i = 0; i < size; i++) {
    const k = caseRows[i]!;
    const pid = persons[k]!;
    const pr = personRow[pid]!;
    caseId[i] = ids[k]!;
    indexOf[ids[k]!] = i;
    personId[i] = pid;
    openedOn[i] = opened[k]!;
    level[i] = levels[k]!;
    ownDistrict[i] = caseDistricts[k] ?? pDistricts[pr] ?? NO_DISTRICT;
    const v = pSexes[pr];
    sex[i] = v === 'M' || v === 'K' ? v : 'unknown';
    birthDate[i] = pBirths[pr] ?? null;
  }

  const status = groupByCase(size, indexOf, history(sqlite, 'case_status_changes', 'status_changes_case_idx', 'kind'), (k) => statusCode(String(k)));
  const levelHistory = groupByCase(size, indexOf, history(sqlite, 'case_level_changes', 'level_changes_case_idx', 'level'), (v) => Number(v));
  const districts = groupByCase(size, indexOf, history(sqlite, 'case_district_changes', 'district_changes_case_idx', 'IFNULL(district_id, -1)'), (v) => Number(v));

  // Handovers (issue 21): a case sent away counts here before the earliest handover not refused;
  // one received counts from the latest import date that lists it.
  const leftOn = new Map<number, string>();
  for (const r of sqlite.prepare(`SELECT case_id AS caseId, MIN(handover_date) AS on_ FROM case_handovers WHERE state <> 'refused' GROUP BY case_id`).all() as { caseId: number; on_: string }[]) {
    const i = r.caseId < indexOf.length ? indexOf[r.caseId]! : -1;
    if (i >= 0) leftOn.set(i, r.on_);
  }
  const cameOn = new Map<number, string>();
  for (const r of sqlite.prepare(`SELECT i.handover_date AS on_, j.value AS caseId FROM handover_imports i, json_each(i.case_ids) j`).all() as { on_: string; caseId: number | string }[]) {
    const id = Number(r.caseId);
    const i = Number.isInteger(id) && id >= 0 && id < indexOf.length ? indexOf[id]! : -1;
    if (i >= 0 && !(cameOn.get(i)! >= r.on_)) cameOn.set(i, r.on_);
  }

  const events = new Map<string, TimelineEvent[]>();
  const readEvents = (start: string, end: string): TimelineEvent[] => {
    const [eId, eCase, eOn, eKind, eCategory] = columns(
      sqlite,
      `SELECT json_group_array(id), json_group_array(case_id), json_group_array(occurred_on), json_group_array(kind), json_group_array(offence_category)
       FROM case_events INDEXED BY events_kind_date_idx WHERE kind IN ('charge', 'interview', 'remand') AND occurred_on BETWEEN @start AND @end`,
      { start, end },
    );
    const out: TimelineEvent[] = [];
    for (let r = 0; r < eCase!.length; r++) {
      const id = eCase![r] as number;
      const i = id >= 0 && id < indexOf.length ? indexOf[id]! : -1;
      if (i < 0) continue;
      out.push({ id: eId![r] as number, caseIndex: i, occurredOn: eOn![r] as string, kind: eKind![r] as TimelineEvent['kind'], offenceCategory: (eCategory![r] as string | null) ?? null });
    }
    return out;
  };

  return {
    size,
    caseId,
    personId,
    openedOn,
    sex,
    birthDate,
    openOn(i, on) {
      const k = atOrBefore(status, i, on);
      return k >= 0 && (status.value[k] === OPENED || status.value[k] === REOPENED);
    },
    firstOpenedIn(i, start, end) {
      for (let k = status.start[i]!; k < status.start[i + 1]!; k++) {
        const d = status.on[k]!;
        if (d > end) break;
        if (status.value[k] === OPENED && d >= start) return d;
      }
      return null;
    },
    lastClosedIn(i, start, end) {
      for (let k = status.start[i + 1]! - 1; k >= status.start[i]!; k--) {
        const d = status.on[k]!;
        if (d < start) break;
        if (status.value[k] === CLOSED && d <= end) return d;
      }
      return null;
    },
    levelOn(i, on) {
      const k = atOrBefore(levelHistory, i, on);
      return k >= 0 ? levelHistory.value[k]! : level[i]!;
    },
    districtOn(i, on) {
      let d: number;
      if (districts.start[i + 1]! > districts.start[i]!) {
        const k = atOrBefore(districts, i, on);
        d = districts.value[k >= 0 ? k : districts.start[i]!]!;
      } else {
        d = ownDistrict[i]!;
      }
      return d === NO_DISTRICT ? null : d;
    },
    hereOn(i, on) {
      if (leftOn.size === 0 && cameOn.size === 0) return true;
      const left = leftOn.get(i);
      if (left !== undefined && left <= on) return false;
      const came = cameOn.get(i);
      return came === undefined || came <= on;
    },
    eventsIn(start, end) {
      const key = `${start}|${end}`;
      const kept = events.get(key);
      if (kept) return kept;
      const read = sqlite.transaction(() => readEvents(start, end))();
      events.set(key, read);
      return read;
    },
  };
}

const kept = new WeakMap<Sqlite, { version: string; timeline: Timeline }>();

/**
 * The timeline of the connection's data as it is now: the one kept if nothing has been written
 * since it was read (on this connection or any other), else a fresh read.
 */
export function timelineOf(sqlite: Sqlite): Timeline {
  const version = dataVersion(sqlite);
  const hit = kept.get(sqlite);
  if (hit && hit.version === version) return hit.timeline;
  const timeline = loadTimeline(sqlite);
  kept.set(sqlite, { version, timeline });
  return timeline;
}
