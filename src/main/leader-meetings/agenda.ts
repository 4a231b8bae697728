import { and, asc, desc, eq, gt, inArray, lt, lte } from 'drizzle-orm';
import { caseEvents, caseLevelChanges, cases, districts, people, youthGroupCaseIds, youthGroups } from '../cases';
import { meetingActions, meetings } from './schema';
import { settings } from '../core/schema';
import type { DbOrTx } from '../core/connection';
import { ageInYears } from '../../shared/core/dates';
import {
  agendaWindow,
  DEFAULT_AGENDA_LOOKBACK_DAYS,
  forumLevels,
  MAX_AGENDA_LOOKBACK_DAYS,
  MIN_AGENDA_LOOKBACK_DAYS,
  proposeAgenda,
  pseudonym,
  type AgendaCandidate,
  type AgendaReason,
  type AgendaWindow,
  type ForumKind,
  type ProposedItem,
} from '../../shared/leader-meetings';
import type { CaseLevel } from '../../shared/cases';
import type { AgendaItem } from '../../shared/leader-meetings';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { forumDistrictIds, type ForumRow } from './forums';

export type MeetingRow = typeof meetings.$inferSelect;

// ---- the look-back setting (design: 90 days; configurable per vault) ----

const LOOKBACK_KEY = 'meetings.agendaLookbackDays';

export function agendaLookbackDays(db: DbOrTx): number {
  const row = db.select().from(settings).where(eq(settings.key, LOOKBACK_KEY)).get();
  if (!row) return DEFAULT_AGENDA_LOOKBACK_DAYS;
  try {
    const n = JSON.parse(row.value) as unknown;
    return typeof n === 'number' && Number.isInteger(n) && n >= MIN_AGENDA_LOOKBACK_DAYS && n <= MAX_AGENDA_LOOKBACK_DAYS ? n : DEFAULT_AGENDA_LOOKBACK_DAYS;
  } catch {
    return DEFAULT_AGENDA_LOOKBACK_DAYS;
  }
}

export function saveAgendaLookbackDays(s: ServiceCtx, days: number): { agendaLookbackDays: number } {
  s.db.transaction((tx) => {
    const value = JSON.stringify(days);
    tx.insert(settings).values({ key: LOOKBACK_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'setting', detail: `${LOOKBACK_KEY}:${days}` });
  });
  return { agendaLookbackDays: agendaLookbackDays(s.db) };
}

// ---- the window and the proposal ----

/** The date of the forum's latest meeting before this one, or null. */
export function previousMeetingDate(tx: DbOrTx, meeting: MeetingRow): string | null {
  return (
    tx
      .select({ heldOn: meetings.heldOn })
      .from(meetings)
      .where(and(eq(meetings.forumId, meeting.forumId), lt(meetings.heldOn, meeting.heldOn)))
      .orderBy(desc(meetings.heldOn))
      .limit(1)
      .get()?.heldOn ?? null
  );
}

export function meetingWindow(tx: DbOrTx, meeting: MeetingRow): { window: AgendaWindow; previous: string | null } {
  const previous = previousMeetingDate(tx, meeting);
  return { window: agendaWindow(meeting.heldOn, previous, agendaLookbackDays(tx)), previous };
}

/** The cases the rules put on this meeting's agenda (see shared/domain/meetings proposeAgenda). */
export function computeProposal(tx: DbOrTx, meeting: MeetingRow, forum: ForumRow): { window: AgendaWindow; items: ProposedItem[] } {
  const { window } = meetingWindow(tx, meeting);
  const levels = forumLevels(forum.kind as ForumKind);
  const districtIds = forumDistrictIds(tx, forum.id);
  if (!districtIds.length) return { window, items: [] };
  const rows = tx
    .select({ id: cases.id, caseNumber: cases.caseNumber, status: cases.status, level: cases.level, districtId: cases.districtId, nextReviewOn: cases.nextReviewOn })
    .from(cases)
    .where(and(eq(cases.status, 'open'), inArray(cases.level, [...levels]), inArray(cases.districtId, districtIds)))
    .all();
  if (!rows.length) return { window, items: [] };
  const ids = rows.map((r) => r.id);
  const changes = new Map<number, string[]>();
  for (const ch of tx
    .select({ caseId: caseLevelChanges.caseId, on: caseLevelChanges.changedOn })
    .from(caseLevelChanges)
    .where(and(inArray(caseLevelChanges.caseId, ids), gt(caseLevelChanges.changedOn, window.after), lte(caseLevelChanges.changedOn, window.through)))
    .all()) {
    changes.set(ch.caseId, [...(changes.get(ch.caseId) ?? []), ch.on]);
  }
  const charges = new Map<number, string[]>();
  for (const e of tx
    .select({ caseId: caseEvents.caseId, on: caseEvents.occurredOn })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, ids), eq(caseEvents.kind, 'charge'), gt(caseEvents.occurredOn, window.after), lte(caseEvents.occurredOn, window.through)))
    .all()) {
    charges.set(e.caseId, [...(charges.get(e.caseId) ?? []), e.on]);
  }
  // Open actions agreed at earlier meetings, due by this one (the action's status is the overview domain's concept; the table is ours).
  const openActions = new Map<number, string[]>();
  for (const a of tx
    .select({ caseId: meetingActions.caseId, deadline: meetingActions.deadline })
    .from(meetingActions)
    .where(and(inArray(meetingActions.caseId, ids), eq(meetingActions.status, 'open'), lte(meetingActions.deadline, window.through)))
    .all()) {
    openActions.set(a.caseId, [...(openActions.get(a.caseId) ?? []), a.deadline]);
  }
  const candidates: AgendaCandidate[] = rows.map((r) => ({
    id: r.id,
    caseNumber: r.caseNumber,
    status: r.status,
    level: r.level as CaseLevel,
    districtId: r.districtId,
    nextReviewOn: r.nextReviewOn,
    levelChangeDates: changes.get(r.id) ?? [],
    chargeDates: charges.get(r.id) ?? [],
    openActionDeadlines: openActions.get(r.id) ?? [],
  }));
  return { window, items: proposeAgenda(candidates, { levels, districtIds }, window) };
}

// ---- case summaries for the meeting views (pseudonyms, never names) ----

export type AgendaCase = NonNullable<AgendaItem['case']>;

export function agendaCases(tx: DbOrTx, caseIds: readonly number[], refDate: string): Map<number, AgendaCase> {
  const out = new Map<number, AgendaCase>();
  if (!caseIds.length) return out;
  const rows = tx
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      firstName: people.firstName,
      lastName: people.lastName,
      birthDate: people.birthDate,
      district: districts.name,
      level: cases.level,
      status: cases.status,
      openedOn: cases.openedOn,
      nextReviewOn: cases.nextReviewOn,
    })
    .from(cases)
    .innerJoin(people, eq(people.id, cases.personId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(inArray(cases.id, [...caseIds]))
    .orderBy(asc(cases.id))
    .all();
  for (const r of rows) {
    out.set(r.id, {
      caseId: r.id,
      caseNumber: r.caseNumber,
      pseudonym: pseudonym(r.firstName, r.lastName, r.caseNumber),
      age: ageInYears(r.birthDate, refDate),
      district: r.district ?? null,
      level: r.level as CaseLevel,
      status: r.status,
      openedOn: r.openedOn,
      nextReviewOn: r.nextReviewOn,
    });
  }
  return out;
}

export type AgendaGroup = NonNullable<AgendaItem['group']>;

/** The youth groups on an agenda: name and their cases (pseudonyms, never names), by group id. */
export function agendaGroups(tx: DbOrTx, groupIds: readonly number[], refDate: string): Map<number, AgendaGroup> {
  const out = new Map<number, AgendaGroup>();
  if (!groupIds.length) return out;
  const groups = tx.select({ id: youthGroups.id, name: youthGroups.name }).from(youthGroups).where(inArray(youthGroups.id, [...groupIds])).all();
  const members = new Map(groups.map((g) => [g.id, youthGroupCaseIds(tx, g.id)]));
  const summaries = agendaCases(tx, [...new Set([...members.values()].flat())], refDate);
  for (const g of groups) out.set(g.id, { groupId: g.id, name: g.name, cases: (members.get(g.id) ?? []).flatMap((id) => (summaries.has(id) ? [summaries.get(id)!] : [])) });
  return out;
}

export function parseReasons(text: string): AgendaReason[] {
  return text ? (text.split(',') as AgendaReason[]) : [];
}
