import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { cases, districts, people } from '../cases';
import { custodyInstitutions, custodyPeriods, releaseFollowUps, releaseMeetings } from './schema';
import { clientOf, perConnection, type DbOrTx } from '../core/connection';
import { addDays, addMonths, compare, diffDays } from '../../shared/core/dates';
import { normalizeForSearch } from '../../shared/core/districts';
import { plannedRelease } from '../../shared/releases';
import type { FollowUpMonths, Outcome } from '../../shared/ssp-plus';
import type { ReleasePerson, ReleasePersonHit, ReleasesOverview } from '../../shared/releases';
import type { ServiceCtx } from '../core/service-context';
import { custodyPeriodOf, meetingReadiness, timelineOf, type CustodyFacts } from './queries';
import { getReleaseSettings, timelineConfig } from './settings';

/** How far back released periods are still looked at for follow-ups (12 months plus a margin for overdue ones). */
const FOLLOW_UP_LOOKBACK_MONTHS = 24;

/**
 * The Løsladelser overview on today: releases planned in the next `horizonDays` (and overdue
 * ones not yet recorded) with the readiness of their latest meeting, release meetings due or
 * overdue, and follow-ups due or overdue.
 */
export function releasesOverview(s: ServiceCtx, input: { horizonDays?: number }): ReleasesOverview {
  const db = s.db;
  const settingsValue = getReleaseSettings(db);
  const config = timelineConfig(settingsValue);
  const horizonDays = input.horizonDays ?? settingsValue.upcomingDays;
  const horizon = addDays(s.today, horizonDays);
  const since = addMonths(s.today, -FOLLOW_UP_LOOKBACK_MONTHS);

  const rows = db
    .select({ c: custodyPeriods, institution: custodyInstitutions.name })
    .from(custodyPeriods)
    .innerJoin(custodyInstitutions, eq(custodyInstitutions.id, custodyPeriods.institutionId))
    .where(or(isNull(custodyPeriods.releasedOn), gte(custodyPeriods.releasedOn, since)))
    .all();
  const ids = rows.map((r) => r.c.id);

  const meetingsBy = new Map<number, CustodyFacts['meetings']>();
  const followUpsBy = new Map<number, CustodyFacts['followUps']>();
  if (ids.length) {
    for (const m of db
      .select({ id: releaseMeetings.id, custodyId: releaseMeetings.custodyId, kind: releaseMeetings.kind, heldOn: releaseMeetings.heldOn, place: releaseMeetings.place })
      .from(releaseMeetings)
      .where(inArray(releaseMeetings.custodyId, ids))
      .orderBy(asc(releaseMeetings.heldOn), asc(releaseMeetings.id))
      .all()) {
      meetingsBy.set(m.custodyId, [...(meetingsBy.get(m.custodyId) ?? []), m]);
    }
    for (const f of db.select().from(releaseFollowUps).where(inArray(releaseFollowUps.custodyId, ids)).all()) {
      const map = followUpsBy.get(f.custodyId) ?? new Map<FollowUpMonths, { outcome: Outcome; newCharge: boolean; recordedOn: string; dueOn: string }>();
      map.set(f.months as FollowUpMonths, { outcome: f.outcome, newCharge: f.newCharge, recordedOn: f.recordedOn, dueOn: f.dueOn });
      followUpsBy.set(f.custodyId, map);
    }
  }
  const latestMeeting = new Map<number, number>();
  for (const [custodyId, ms] of meetingsBy) latestMeeting.set(custodyId, ms[ms.length - 1]!.id);
  const ready = meetingReadiness(db, [...latestMeeting.values()]);
  const persons = peopleById(db, [...new Set(rows.map((r) => r.c.personId))]);

  const out: ReleasesOverview = { today: s.today, horizonDays, upcoming: [], meetingsDue: [], followUpsDue: [] };
  for (const { c, institution } of rows) {
    const facts: CustodyFacts = { row: c, config, meetings: meetingsBy.get(c.id) ?? [], followUps: followUpsBy.get(c.id) ?? new Map() };
    const timeline = timelineOf(facts, s.today);
    const byKey = new Map(timeline.map((m) => [m.key, m]));
    const base = { custodyId: c.id, person: persons.get(c.personId)!, institution, type: c.type };
    const meeting = byKey.get('release-meeting')!;
    if (c.releasedOn === null) {
      const planned = plannedRelease(custodyPeriodOf(c));
      if (planned !== null && compare(planned, horizon) <= 0) {
        const latest = latestMeeting.get(c.id);
        const held = facts.meetings.filter((m) => m.heldOn <= s.today);
        out.upcoming.push({
          ...base,
          plannedReleaseOn: planned,
          daysLeft: diffDays(planned, s.today),
          releaseState: byKey.get('release')!.state,
          readiness: latest !== undefined ? ready.get(latest)! : null,
          lastMeetingOn: held.length ? held[held.length - 1]!.heldOn : null,
          meetingState: meeting.state,
        });
      }
      if ((meeting.state === 'due' || meeting.state === 'overdue') && meeting.dueOn !== null) {
        out.meetingsDue.push({ ...base, windowStart: meeting.windowStart ?? null, dueOn: meeting.dueOn, state: meeting.state });
      }
    } else {
      for (const months of [3, 6, 12] as const) {
        const m = byKey.get(`followup-${months}`)!;
        if ((m.state === 'due' || m.state === 'overdue') && m.dueOn !== null) {
          out.followUpsDue.push({ ...base, releasedOn: c.releasedOn, months, dueOn: m.dueOn, state: m.state });
        }
      }
    }
  }
  const byDate = (a: { dueOn: string; custodyId: number }, b: { dueOn: string; custodyId: number }) => compare(a.dueOn, b.dueOn) || a.custodyId - b.custodyId;
  out.upcoming.sort((a, b) => compare(a.plannedReleaseOn, b.plannedReleaseOn) || a.custodyId - b.custodyId);
  out.meetingsDue.sort(byDate);
  out.followUpsDue.sort(byDate);
  return out;
}

function peopleById(db: DbOrTx, ids: readonly number[]): Map<number, ReleasePerson> {
  const out = new Map<number, ReleasePerson>();
  if (ids.length === 0) return out;
  for (const p of db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, birthDate: people.birthDate, district: districts.name })
    .from(people)
    .leftJoin(districts, eq(districts.id, people.districtId))
    .where(inArray(people.id, [...ids]))
    .all()) {
    out.set(p.id, { ...p, district: p.district ?? null });
  }
  return out;
}

/**
 * Find a person to register custody for: every word must occur in the normalised name (æ, ø, å
 * aware) or the open case number. Returns name, birth date, district and the open case number;
 * never the CPR number.
 */
export function searchPeople(db: DbOrTx, input: { search: string; limit: number }): ReleasePersonHit[] {
  const words = normalizeForSearch(input.search).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const rows = db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      birthDate: people.birthDate,
      district: districts.name,
      caseNumber: cases.caseNumber,
    })
    .from(people)
    .leftJoin(districts, eq(districts.id, people.districtId))
    .leftJoin(cases, and(eq(cases.personId, people.id), eq(cases.status, 'open')))
    .where(and(...words.map((w) => sql`(instr(${people.searchName}, ${w}) > 0 OR instr(coalesce(${cases.caseNumber}, ''), ${w}) > 0)`)))
    .orderBy(asc(people.sortName), asc(people.id))
    .limit(input.limit)
    .all();
  return rows.map((r) => ({ ...r, district: r.district ?? null, caseNumber: r.caseNumber ?? null }));
}

/** One item of Løsladelser that Overblik lists: a planned release, a release meeting or a follow-up. */
export interface ReleaseDueItem {
  kind: 'release-date' | 'release-meeting' | 'release-followup';
  custodyId: number;
  personId: number;
  firstName: string;
  lastName: string;
  dueOn: string;
  /** The follow-up's months (release-followup only). */
  months: FollowUpMonths | null;
}

const dueStatements = perConnection((db) => {
  const sqlite = clientOf(db);
  // Not released: the planned release (parole, else expected) up to the bound; released: within
  // the follow-up look-back, with a follow-up not recorded whose date (release + months) can fall
  // by the bound. Evaluated once per call; the other three statements take its ids (JSON array):
  // the same candidates evaluated in each of them cost about 1.4 ms per Overblik call at 100,000 cases.
  const candidates = `SELECT cp.id FROM custody_periods cp
      WHERE cp.released_on IS NULL AND coalesce(cp.parole_on, cp.expected_release_on) <= @unreleasedUntil
      UNION ALL
      SELECT cp.id FROM custody_periods cp
      WHERE cp.released_on >= @since AND cp.released_on <= @until3
        AND ((cp.released_on <= @until3 AND NOT EXISTS (SELECT 1 FROM release_followups f WHERE f.custody_id = cp.id AND f.months = 3))
          OR (cp.released_on <= @until6 AND NOT EXISTS (SELECT 1 FROM release_followups f WHERE f.custody_id = cp.id AND f.months = 6))
          OR (cp.released_on <= @until12 AND NOT EXISTS (SELECT 1 FROM release_followups f WHERE f.custody_id = cp.id AND f.months = 12)))`;
  return {
    candidates: sqlite.prepare(candidates).pluck(),
    periods: sqlite.prepare(
      `SELECT cp.id, cp.person_id AS personId, cp.institution_id AS institutionId, cp.type, cp.imprisoned_on AS imprisonedOn,
              cp.expected_release_on AS expectedReleaseOn, cp.parole_on AS paroleOn, cp.released_on AS releasedOn, cp.handleplan_on AS handleplanOn,
              cp.municipality_contacted_on AS municipalityContactedOn, cp.parole_decision_on AS paroleDecisionOn, cp.created_at AS createdAt, cp.updated_at AS updatedAt,
              p.first_name AS firstName, p.last_name AS lastName
       FROM json_each(?) AS j JOIN custody_periods cp ON cp.id = j.value JOIN people p ON p.id = cp.person_id`,
    ),
    meetings: sqlite.prepare(
      `SELECT m.id, m.custody_id AS custodyId, m.kind, m.held_on AS heldOn, m.place FROM release_meetings m
       WHERE m.custody_id IN (SELECT value FROM json_each(?)) ORDER BY m.held_on, m.id`,
    ),
    followUps: sqlite.prepare(
      `SELECT f.custody_id AS custodyId, f.months, f.outcome, f.new_charge AS newCharge, f.recorded_on AS recordedOn, f.due_on AS dueOn
       FROM release_followups f WHERE f.custody_id IN (SELECT value FROM json_each(?))`,
    ),
  };
});

/**
 * What Løsladelser has due up to `until` (inclusive), overdue ones included, on the module's own
 * rules and settings: the items of `releasesOverview` with `horizonDays` = until - today (a planned
 * release not yet recorded, a release meeting due or overdue, a follow-up due or overdue) whose
 * date is on or before `until`. For Overblik, which needs a handful of these: SQL narrows the
 * custody periods to those that can have one (their planned release early enough for the meeting
 * window's end, or released early enough for the first follow-up), and only those get a timeline.
 * Same order as the overview: by date, then custody id.
 */
export function releaseDueItems(s: ServiceCtx, until: string): ReleaseDueItem[] {
  const config = timelineConfig(getReleaseSettings(s.db));
  const st = dueStatements(s.db);
  // A few days' slack for the month-end rule of addMonths; the timeline below decides exactly.
  const toMonths = config.meetingWindowMonths?.to ?? 0;
  const unreleasedUntil = addDays(addMonths(until, toMonths), 4);
  const since = addMonths(s.today, -FOLLOW_UP_LOOKBACK_MONTHS);
  const bounds = {
    unreleasedUntil: compare(unreleasedUntil, until) > 0 ? unreleasedUntil : until,
    since,
    until3: addDays(addMonths(until, -3), 4),
    until6: addDays(addMonths(until, -6), 4),
    until12: addDays(addMonths(until, -12), 4),
  };
  type Row = CustodyFacts['row'] & { firstName: string; lastName: string };
  const ids = JSON.stringify(st.candidates.all(bounds));
  const meetingsBy = new Map<number, CustodyFacts['meetings']>();
  for (const { custodyId, ...m } of st.meetings.all(ids) as (CustodyFacts['meetings'][number] & { custodyId: number })[]) {
    const list = meetingsBy.get(custodyId);
    if (list) list.push(m);
    else meetingsBy.set(custodyId, [m]);
  }
  const followUpsBy = new Map<number, CustodyFacts['followUps']>();
  for (const f of st.followUps.all(ids) as { custodyId: number; months: FollowUpMonths; outcome: Outcome; newCharge: number; recordedOn: string; dueOn: string }[]) {
    let map = followUpsBy.get(f.custodyId);
    if (!map) followUpsBy.set(f.custodyId, (map = new Map()));
    map.set(f.months, { outcome: f.outcome, newCharge: f.newCharge === 1, recordedOn: f.recordedOn, dueOn: f.dueOn });
  }
  const out: ReleaseDueItem[] = [];
  for (const row of st.periods.all(ids) as Row[]) {
    const facts: CustodyFacts = { row, config, meetings: meetingsBy.get(row.id) ?? [], followUps: followUpsBy.get(row.id) ?? new Map() };
    const byKey = new Map(timelineOf(facts, s.today).map((m) => [m.key, m]));
    const base = { custodyId: row.id, personId: row.personId, firstName: row.firstName, lastName: row.lastName };
    if (row.releasedOn === null) {
      const planned = plannedRelease(custodyPeriodOf(row));
      if (planned !== null && compare(planned, until) <= 0 && byKey.get('release')!.state !== 'done') out.push({ ...base, kind: 'release-date', dueOn: planned, months: null });
      const meeting = byKey.get('release-meeting')!;
      if ((meeting.state === 'due' || meeting.state === 'overdue') && meeting.dueOn !== null && compare(meeting.dueOn, until) <= 0) {
        out.push({ ...base, kind: 'release-meeting', dueOn: meeting.dueOn, months: null });
      }
    } else {
      for (const months of [3, 6, 12] as const) {
        const m = byKey.get(`followup-${months}`)!;
        if ((m.state === 'due' || m.state === 'overdue') && m.dueOn !== null && compare(m.dueOn, until) <= 0) out.push({ ...base, kind: 'release-followup', dueOn: m.dueOn, months });
      }
    }
  }
  return out.sort((a, b) => compare(a.dueOn, b.dueOn) || a.custodyId - b.custodyId);
}
