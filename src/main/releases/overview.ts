import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { cases, districts, people } from '../cases';
import { custodyInstitutions, custodyPeriods, releaseFollowUps, releaseMeetings } from './schema';
import type { DbOrTx } from '../core/connection';
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
