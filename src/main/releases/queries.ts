import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { custodyInstitutions, custodyPeriods, releaseActionItems, releaseChecklistItems, releaseFollowUps, releaseMeetingParticipants, releaseMeetings } from './schema';
import { districts, people } from '../cases';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import {
  isLongSentence,
  plannedRelease,
  readiness,
  releaseTimeline,
  type ChecklistStatus,
  type CustodyPeriod,
  type DoneMilestones,
  type Milestone,
  type ReleaseTimelineConfig,
} from '../../shared/releases';
import { FOLLOW_UP_MONTHS, type FollowUpMonths, type Outcome } from '../../shared/ssp-plus';
import type { CustodyDetail, FollowUpOut, ReadinessOut, ReleaseMeetingSummary, ReleasePerson } from '../../shared/releases';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { getReleaseSettings, timelineConfig } from './settings';

export type CustodyRow = typeof custodyPeriods.$inferSelect;

export function loadCustody(db: DbOrTx, custodyId: number): CustodyRow {
  const row = db.select().from(custodyPeriods).where(eq(custodyPeriods.id, custodyId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Frihedsberøvelsen findes ikke. Den kan være slettet; gå tilbage til oversigten.');
  return row;
}

export function custodyPeriodOf(row: Pick<CustodyRow, 'type' | 'imprisonedOn' | 'expectedReleaseOn' | 'paroleOn' | 'releasedOn'>): CustodyPeriod {
  return { type: row.type, imprisonedOn: row.imprisonedOn, expectedReleaseOn: row.expectedReleaseOn, paroleOn: row.paroleOn, releasedOn: row.releasedOn };
}

/** Name, birth date and district of a person, never the CPR number. */
export function releasePerson(db: DbOrTx, personId: number): ReleasePerson {
  const p = db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, birthDate: people.birthDate, district: districts.name })
    .from(people)
    .leftJoin(districts, eq(districts.id, people.districtId))
    .where(eq(people.id, personId))
    .get();
  if (!p) throw new AppError('NOT_FOUND', 'Personen findes ikke.');
  return { ...p, district: p.district ?? null };
}

export function institutionOf(db: DbOrTx, institutionId: number) {
  const row = db.select().from(custodyInstitutions).where(eq(custodyInstitutions.id, institutionId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Institutionen findes ikke.');
  return row;
}

/** Readiness of each meeting, from its checklist rows. */
export function meetingReadiness(db: DbOrTx, meetingIds: readonly number[]): Map<number, ReadinessOut> {
  const out = new Map<number, ReadinessOut>();
  if (meetingIds.length === 0) return out;
  const rows = db
    .select({ meetingId: releaseChecklistItems.meetingId, status: releaseChecklistItems.status })
    .from(releaseChecklistItems)
    .where(inArray(releaseChecklistItems.meetingId, [...meetingIds]))
    .all();
  const byMeeting = new Map<number, { status: ChecklistStatus }[]>();
  for (const r of rows) byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), { status: r.status }]);
  for (const mId of meetingIds) out.set(mId, readiness(byMeeting.get(mId) ?? []));
  return out;
}

export interface CustodyFacts {
  row: CustodyRow;
  config: Partial<ReleaseTimelineConfig>;
  meetings: { id: number; kind: ReleaseMeetingSummary['kind']; heldOn: string; place: string | null }[];
  followUps: Map<FollowUpMonths, { outcome: Outcome; newCharge: boolean; recordedOn: string; dueOn: string }>;
}

export function custodyFacts(db: DbOrTx, row: CustodyRow, config?: Partial<ReleaseTimelineConfig>): CustodyFacts {
  const meetings = db
    .select({ id: releaseMeetings.id, kind: releaseMeetings.kind, heldOn: releaseMeetings.heldOn, place: releaseMeetings.place })
    .from(releaseMeetings)
    .where(eq(releaseMeetings.custodyId, row.id))
    .orderBy(asc(releaseMeetings.heldOn), asc(releaseMeetings.id))
    .all();
  const followUps = new Map<FollowUpMonths, { outcome: Outcome; newCharge: boolean; recordedOn: string; dueOn: string }>();
  for (const f of db.select().from(releaseFollowUps).where(eq(releaseFollowUps.custodyId, row.id)).all()) {
    followUps.set(f.months as FollowUpMonths, { outcome: f.outcome, newCharge: f.newCharge, recordedOn: f.recordedOn, dueOn: f.dueOn });
  }
  return { row, config: config ?? timelineConfig(getReleaseSettings(db)), meetings, followUps };
}

/**
 * The milestones done: the ones recorded on the custody row, the release meeting (the latest
 * meeting held on or before today; a meeting dated later is only planned) and the follow-ups
 * recorded.
 */
export function doneMilestones(facts: CustodyFacts, today: string): DoneMilestones {
  const r = facts.row;
  const done: DoneMilestones = {};
  if (r.handleplanOn) done.handleplan = r.handleplanOn;
  if (r.municipalityContactedOn) done['municipality-contact'] = r.municipalityContactedOn;
  if (r.paroleDecisionOn) done['parole-decision'] = r.paroleDecisionOn;
  const held = facts.meetings.filter((m) => m.heldOn <= today);
  if (held.length) done['release-meeting'] = held[held.length - 1]!.heldOn;
  for (const [months, f] of facts.followUps) done[`followup-${months}`] = f.recordedOn;
  return done;
}

export function timelineOf(facts: CustodyFacts, today: string): Milestone[] {
  return releaseTimeline(custodyPeriodOf(facts.row), today, doneMilestones(facts, today), facts.config);
}

export function followUpsOf(facts: CustodyFacts, timeline: readonly Milestone[]): FollowUpOut[] {
  return FOLLOW_UP_MONTHS.map((months) => {
    const m = timeline.find((t) => t.key === `followup-${months}`)!;
    const f = facts.followUps.get(months);
    return {
      months,
      dueOn: m.dueOn,
      state: m.state,
      record: f ? { outcome: f.outcome, newCharge: f.newCharge, recordedOn: f.recordedOn } : null,
    };
  });
}

export function getCustodyDetail(s: ServiceCtx, custodyId: number, options: { recordView?: boolean } = {}): CustodyDetail {
  const db = s.db;
  const row = loadCustody(db, custodyId);
  if (options.recordView !== false) audit(db, { at: s.now, actor: s.actor, action: 'view', entity: 'custody', entityId: custodyId });
  const institution = institutionOf(db, row.institutionId);
  const facts = custodyFacts(db, row);
  const timeline = timelineOf(facts, s.today);
  const ready = meetingReadiness(db, facts.meetings.map((m) => m.id));
  const openActions = new Map<number, number>();
  if (facts.meetings.length) {
    for (const a of db
      .select({ meetingId: releaseActionItems.meetingId, doneOn: releaseActionItems.doneOn })
      .from(releaseActionItems)
      .where(inArray(releaseActionItems.meetingId, facts.meetings.map((m) => m.id)))
      .all()) {
      if (!a.doneOn) openActions.set(a.meetingId, (openActions.get(a.meetingId) ?? 0) + 1);
    }
  }
  const participants = new Map<number, number>();
  if (facts.meetings.length) {
    for (const p of db
      .select({ meetingId: releaseMeetingParticipants.meetingId })
      .from(releaseMeetingParticipants)
      .where(inArray(releaseMeetingParticipants.meetingId, facts.meetings.map((m) => m.id)))
      .all()) {
      participants.set(p.meetingId, (participants.get(p.meetingId) ?? 0) + 1);
    }
  }
  const meetings: ReleaseMeetingSummary[] = facts.meetings.map((m) => ({
    id: m.id,
    kind: m.kind,
    heldOn: m.heldOn,
    place: m.place,
    held: m.heldOn <= s.today,
    participants: participants.get(m.id) ?? 0,
    openActions: openActions.get(m.id) ?? 0,
    readiness: ready.get(m.id)!,
  }));
  const latest = facts.meetings[facts.meetings.length - 1];
  const period = custodyPeriodOf(row);
  return {
    id: row.id,
    person: releasePerson(db, row.personId),
    type: row.type,
    institutionId: institution.id,
    institution: institution.name,
    institutionKind: institution.kind,
    imprisonedOn: row.imprisonedOn,
    expectedReleaseOn: row.expectedReleaseOn,
    paroleOn: row.paroleOn,
    releasedOn: row.releasedOn,
    handleplanOn: row.handleplanOn,
    municipalityContactedOn: row.municipalityContactedOn,
    paroleDecisionOn: row.paroleDecisionOn,
    plannedReleaseOn: plannedRelease(period),
    longSentence: isLongSentence(period),
    timeline,
    meetings,
    readiness: latest ? ready.get(latest.id)! : null,
    followUps: followUpsOf(facts, timeline),
    otherPeriods: listCustodyForPerson(db, row.personId).filter((p) => p.id !== row.id),
  };
}

export function listCustodyForPerson(db: DbOrTx, personId: number) {
  return db
    .select({
      id: custodyPeriods.id,
      type: custodyPeriods.type,
      institution: custodyInstitutions.name,
      imprisonedOn: custodyPeriods.imprisonedOn,
      expectedReleaseOn: custodyPeriods.expectedReleaseOn,
      paroleOn: custodyPeriods.paroleOn,
      releasedOn: custodyPeriods.releasedOn,
    })
    .from(custodyPeriods)
    .innerJoin(custodyInstitutions, eq(custodyInstitutions.id, custodyPeriods.institutionId))
    .where(eq(custodyPeriods.personId, personId))
    .orderBy(desc(custodyPeriods.imprisonedOn), desc(custodyPeriods.id))
    .all()
    .map((r) => ({
      id: r.id,
      type: r.type,
      institution: r.institution,
      imprisonedOn: r.imprisonedOn,
      plannedReleaseOn: r.paroleOn ?? r.expectedReleaseOn,
      releasedOn: r.releasedOn,
    }));
}

/** Meetings held on or before a date (for reports and checks). */
export function meetingsHeldBy(db: DbOrTx, custodyId: number, date: string) {
  return db
    .select({ id: releaseMeetings.id, heldOn: releaseMeetings.heldOn })
    .from(releaseMeetings)
    .where(and(eq(releaseMeetings.custodyId, custodyId), lte(releaseMeetings.heldOn, date)))
    .all();
}
