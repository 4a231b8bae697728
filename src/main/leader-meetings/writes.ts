import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { cases, youthGroups } from '../cases';
import { forums, meetingActions, meetingAgendaItems, meetingAttendees, meetingDecisions, meetings, forumMembers } from './schema';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import type { ForumKind, Partner, PrivacyLevel } from '../../shared/leader-meetings';
import type { CaseLevel } from '../../shared/cases';
import type { AgendaItemInput, AgendaProposal, Decision, MeetingDetail, MeetingSummary } from '../../shared/leader-meetings';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { forumDistrictIds, forumMemberRows, loadForum } from './forums';
import { agendaCases, agendaGroups, computeProposal, meetingWindow, parseReasons, type MeetingRow } from './agenda';

export function loadMeeting(tx: DbOrTx, meetingId: number): MeetingRow {
  const row = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Mødet findes ikke.');
  return row;
}

/** Decisions of a meeting by agenda item id, with their actions. */
export function meetingDecisionsByItem(tx: DbOrTx, meetingId: number): Map<number, Decision & { caseId: number }> {
  const out = new Map<number, Decision & { caseId: number }>();
  const rows = tx.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)).orderBy(asc(meetingDecisions.id)).all();
  const actions = tx.select().from(meetingActions).where(eq(meetingActions.meetingId, meetingId)).orderBy(asc(meetingActions.id)).all();
  for (const d of rows) {
    out.set(d.agendaItemId, {
      id: d.id,
      caseId: d.caseId,
      levelBefore: d.levelBefore as CaseLevel,
      levelAfter: (d.levelAfter as CaseLevel | null) ?? null,
      levelReason: d.levelReason,
      nextReviewOn: d.nextReviewOn,
      note: d.note,
      actions: actions.filter((a) => a.decisionId === d.id).map((a) => ({ id: a.id, description: a.description, partner: a.partner as Partner, deadline: a.deadline })),
      actor: d.actor,
      createdAt: d.createdAt,
    });
  }
  return out;
}

export function getMeetingDetail(db: DbOrTx, meetingId: number): MeetingDetail {
  const m = loadMeeting(db, meetingId);
  const forum = loadForum(db, m.forumId);
  const { window, previous } = meetingWindow(db, m);
  const items = db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, m.id)).orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id)).all();
  const caseMap = agendaCases(db, items.flatMap((i) => (i.caseId ? [i.caseId] : [])), m.heldOn);
  const groupMap = agendaGroups(db, items.flatMap((i) => (i.groupId ? [i.groupId] : [])), m.heldOn);
  const decisions = meetingDecisionsByItem(db, m.id);
  return {
    id: m.id,
    forum: {
      id: forum.id,
      name: forum.name,
      kind: forum.kind as ForumKind,
      minutesShowNames: forum.minutesShowNames,
      privacyLevel: forum.privacyLevel as PrivacyLevel,
      districtIds: forumDistrictIds(db, forum.id),
      members: forumMemberRows(db, forum.id),
    },
    privacyLevel: (m.privacyLevel as PrivacyLevel | null) ?? null,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    location: m.location,
    previousMeetingOn: previous,
    window,
    attendees: db
      .select()
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, m.id))
      .orderBy(asc(meetingAttendees.guest), asc(meetingAttendees.id))
      .all()
      .map((a) => ({ id: a.id, memberId: a.memberId, name: a.name, partner: a.partner as Partner, guest: a.guest })),
    agenda: items.map((i, index) => {
      const decision = decisions.get(i.id);
      return {
        id: i.id,
        position: index + 1,
        kind: i.kind,
        title: i.groupId ? (groupMap.get(i.groupId)?.name ?? null) : i.title,
        note: i.pointNote,
        reasons: parseReasons(i.reasons),
        case: i.caseId ? (caseMap.get(i.caseId) ?? null) : null,
        group: i.groupId ? (groupMap.get(i.groupId) ?? null) : null,
        decision: decision ? stripCaseId(decision) : null,
      };
    }),
  };
}

function stripCaseId(d: Decision & { caseId?: number }): Decision {
  const { caseId: _caseId, ...rest } = d;
  return rest;
}

export function listMeetings(db: DbOrTx, filter: { forumId?: number }): MeetingSummary[] {
  const rows = db
    .select({ m: meetings, forumName: forums.name })
    .from(meetings)
    .innerJoin(forums, eq(forums.id, meetings.forumId))
    .where(filter.forumId ? eq(meetings.forumId, filter.forumId) : undefined)
    .orderBy(desc(meetings.heldOn), asc(forums.name))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.m.id);
  const caseCounts = new Map(
    db
      .select({ id: meetingAgendaItems.meetingId, n: count() })
      .from(meetingAgendaItems)
      .where(and(inArray(meetingAgendaItems.meetingId, ids), isNotNull(meetingAgendaItems.caseId)))
      .groupBy(meetingAgendaItems.meetingId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const decided = new Map(
    db
      .select({ id: meetingDecisions.meetingId, n: count() })
      .from(meetingDecisions)
      .where(inArray(meetingDecisions.meetingId, ids))
      .groupBy(meetingDecisions.meetingId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return rows.map(({ m, forumName }) => ({
    id: m.id,
    forumId: m.forumId,
    forumName,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    location: m.location,
    caseCount: caseCounts.get(m.id) ?? 0,
    decidedCount: decided.get(m.id) ?? 0,
  }));
}

interface MeetingFields {
  heldOn: string;
  startsAt?: string;
  location?: string;
  memberIds?: number[];
  guests?: { name: string; partner: string }[];
  privacyLevel?: string | null;
}

function assertFreeDay(tx: DbOrTx, forumId: number, heldOn: string, exceptId?: number): void {
  const clash = tx.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.forumId, forumId), eq(meetings.heldOn, heldOn))).get();
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', 'Forummet har allerede et møde den dag. Åbn det møde, eller vælg en anden dato.', { heldOn: 'Der er allerede et møde den dag' });
}

function writeAttendees(tx: DbOrTx, meetingId: number, forumId: number, input: MeetingFields): void {
  tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).run();
  const memberIds = [...new Set(input.memberIds ?? [])];
  if (memberIds.length) {
    const members = tx.select().from(forumMembers).where(and(eq(forumMembers.forumId, forumId), inArray(forumMembers.id, memberIds))).all();
    if (members.length !== memberIds.length) throw new AppError('INVALID_INPUT', 'En af deltagerne er ikke medlem af forummet. Vælg deltagerne igen.', { memberIds: 'Ukendt medlem' });
    for (const id of memberIds) {
      const m = members.find((x) => x.id === id)!;
      tx.insert(meetingAttendees).values({ meetingId, memberId: m.id, name: m.name, partner: m.partner, guest: false }).run();
    }
  }
  for (const g of input.guests ?? []) tx.insert(meetingAttendees).values({ meetingId, memberId: null, name: g.name.trim(), partner: g.partner, guest: true }).run();
}

function insertProposed(tx: DbOrTx, meeting: MeetingRow, startPosition: number): number {
  const forum = loadForum(tx, meeting.forumId);
  const { items } = computeProposal(tx, meeting, forum);
  const onAgenda = new Set(tx.select({ caseId: meetingAgendaItems.caseId }).from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id)).all().map((r) => r.caseId));
  let position = startPosition;
  for (const p of items) {
    if (onAgenda.has(p.caseId)) continue;
    tx.insert(meetingAgendaItems).values({ meetingId: meeting.id, position: position++, kind: 'case', caseId: p.caseId, reasons: p.reasons.join(',') }).run();
  }
  return position - startPosition;
}

export function createMeeting(s: ServiceCtx, input: MeetingFields & { forumId: number; proposeAgenda?: boolean }): MeetingDetail {
  const id = s.db.transaction((tx) => {
    const forum = loadForum(tx, input.forumId);
    if (!forum.active) throw new AppError('RULE_VIOLATION', 'Forummet er ikke aktivt. Aktivér det under Fora først.');
    assertFreeDay(tx, forum.id, input.heldOn);
    const stamp = s.now.toISOString();
    const m = tx
      .insert(meetings)
      .values({ forumId: forum.id, heldOn: input.heldOn, startsAt: input.startsAt ?? null, location: input.location?.trim() || null, privacyLevel: (input.privacyLevel as PrivacyLevel | null | undefined) ?? null, createdAt: stamp, updatedAt: stamp })
      .returning()
      .get();
    writeAttendees(tx, m.id, forum.id, input);
    const proposed = input.proposeAgenda === false ? 0 : insertProposed(tx, m, 1);
    audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'meeting', entityId: m.id, detail: `forum:${forum.id};proposed:${proposed}` });
    return m.id;
  });
  return getMeetingDetail(s.db, id);
}

export function updateMeeting(s: ServiceCtx, input: MeetingFields & { meetingId: number }): MeetingDetail {
  s.db.transaction((tx) => {
    const m = loadMeeting(tx, input.meetingId);
    if (m.heldOn !== input.heldOn) {
      const decided = tx.select({ id: meetingDecisions.id }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, m.id)).limit(1).get();
      if (decided) throw new AppError('RULE_VIOLATION', 'Mødets dato kan ikke ændres, når der er gemt beslutninger.', { heldOn: 'Der er gemt beslutninger på mødet' });
      assertFreeDay(tx, m.forumId, input.heldOn, m.id);
    }
    tx.update(meetings)
      .set({
        heldOn: input.heldOn,
        startsAt: input.startsAt ?? null,
        location: input.location?.trim() || null,
        // Left out: unchanged; null: back to the forum's level.
        ...(input.privacyLevel !== undefined ? { privacyLevel: input.privacyLevel as PrivacyLevel | null } : {}),
        updatedAt: s.now.toISOString(),
      })
      .where(eq(meetings.id, m.id))
      .run();
    writeAttendees(tx, m.id, m.forumId, input);
    const privacyChanged = input.privacyLevel !== undefined && (input.privacyLevel ?? null) !== m.privacyLevel;
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'meeting', entityId: m.id, detail: privacyChanged ? `privacyLevel:${input.privacyLevel ?? 'forum'}` : null });
  });
  return getMeetingDetail(s.db, input.meetingId);
}

export function deleteMeeting(s: ServiceCtx, meetingId: number): { deleted: true } {
  s.db.transaction((tx) => {
    const m = loadMeeting(tx, meetingId);
    const decided = tx.select({ id: meetingDecisions.id }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, m.id)).limit(1).get();
    if (decided) throw new AppError('RULE_VIOLATION', 'Mødet har gemte beslutninger og kan ikke slettes.');
    tx.delete(meetings).where(eq(meetings.id, m.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'delete', entity: 'meeting', entityId: m.id });
  });
  return { deleted: true };
}

/** The proposal for a meeting as it stands now, with which cases are already on the agenda. */
export function getProposal(s: ServiceCtx, meetingId: number): AgendaProposal {
  const m = loadMeeting(s.db, meetingId);
  const { window, items } = computeProposal(s.db, m, loadForum(s.db, m.forumId));
  const onAgenda = new Set(s.db.select({ caseId: meetingAgendaItems.caseId }).from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, m.id)).all().map((r) => r.caseId));
  const summaries = agendaCases(s.db, items.map((i) => i.caseId), m.heldOn);
  return { window, items: items.map((i) => ({ caseId: i.caseId, reasons: i.reasons, onAgenda: onAgenda.has(i.caseId), case: summaries.get(i.caseId)! })) };
}

/**
 * Replace the agenda with `items`, in that order. Cases already on it keep their reasons and
 * decision; a newly added case gets the proposal's reasons when the rules propose it. An item
 * with a saved decision cannot be removed.
 */
export function saveAgenda(s: ServiceCtx, input: { meetingId: number; items: AgendaItemInput[] }): MeetingDetail {
  s.db.transaction((tx) => {
    const m = loadMeeting(tx, input.meetingId);
    const existing = tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, m.id)).all();
    const byCase = new Map(existing.filter((e) => e.caseId !== null).map((e) => [e.caseId!, e]));
    const points = new Map(existing.filter((e) => e.kind === 'point').map((e) => [e.id, e]));
    const byGroup = new Map(existing.filter((e) => e.groupId !== null).map((e) => [e.groupId!, e]));
    const caseIds = input.items.flatMap((i) => (i.kind === 'case' ? [i.caseId] : []));
    if (new Set(caseIds).size !== caseIds.length) throw new AppError('INVALID_INPUT', 'En sag står to gange på dagsordenen. Fjern den ene.', { items: 'Samme sag to gange' });
    const groupIds = input.items.flatMap((i) => (i.kind === 'group' ? [i.groupId] : []));
    if (new Set(groupIds).size !== groupIds.length) throw new AppError('INVALID_INPUT', 'En ungegruppering står to gange på dagsordenen. Fjern den ene.', { items: 'Samme gruppering to gange' });
    const newGroupIds = groupIds.filter((g) => !byGroup.has(g));
    if (newGroupIds.length) {
      const found = tx.select({ id: youthGroups.id }).from(youthGroups).where(inArray(youthGroups.id, newGroupIds)).all();
      if (found.length !== newGroupIds.length) throw new AppError('NOT_FOUND', 'En af ungegrupperingerne findes ikke. Vælg den igen.');
    }
    const newCaseIds = caseIds.filter((c) => !byCase.has(c));
    if (newCaseIds.length) {
      const found = tx.select({ id: cases.id }).from(cases).where(inArray(cases.id, newCaseIds)).all();
      if (found.length !== new Set(newCaseIds).size) throw new AppError('NOT_FOUND', 'En af sagerne findes ikke. Søg sagen frem igen.');
    }
    const proposal = newCaseIds.length ? new Map(computeProposal(tx, m, loadForum(tx, m.forumId)).items.map((p) => [p.caseId, p.reasons])) : new Map();
    const kept = new Set<number>();
    input.items.forEach((item, index) => {
      const position = index + 1;
      if (item.kind === 'case') {
        const row = byCase.get(item.caseId);
        if (row) {
          tx.update(meetingAgendaItems).set({ position }).where(eq(meetingAgendaItems.id, row.id)).run();
          kept.add(row.id);
        } else {
          tx.insert(meetingAgendaItems).values({ meetingId: m.id, position, kind: 'case', caseId: item.caseId, reasons: (proposal.get(item.caseId) ?? []).join(',') }).run();
        }
      } else if (item.kind === 'group') {
        const row = byGroup.get(item.groupId);
        if (row) {
          tx.update(meetingAgendaItems).set({ position, pointNote: item.note?.trim() || null }).where(eq(meetingAgendaItems.id, row.id)).run();
          kept.add(row.id);
        } else {
          tx.insert(meetingAgendaItems).values({ meetingId: m.id, position, kind: 'group', groupId: item.groupId, pointNote: item.note?.trim() || null }).run();
        }
      } else if (item.id !== undefined) {
        if (!points.has(item.id)) throw new AppError('NOT_FOUND', 'Et af punkterne findes ikke længere. Hent mødet igen.');
        tx.update(meetingAgendaItems).set({ position, title: item.title.trim(), pointNote: item.note?.trim() || null }).where(eq(meetingAgendaItems.id, item.id)).run();
        kept.add(item.id);
      } else {
        tx.insert(meetingAgendaItems).values({ meetingId: m.id, position, kind: 'point', title: item.title.trim(), pointNote: item.note?.trim() || null }).run();
      }
    });
    const removed = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (removed.length) {
      const decided = tx.select({ id: meetingDecisions.id }).from(meetingDecisions).where(inArray(meetingDecisions.agendaItemId, removed)).limit(1).get();
      if (decided) throw new AppError('RULE_VIOLATION', 'En sag med en gemt beslutning kan ikke fjernes fra dagsordenen.');
      tx.delete(meetingAgendaItems).where(inArray(meetingAgendaItems.id, removed)).run();
    }
    tx.update(meetings).set({ updatedAt: s.now.toISOString() }).where(eq(meetings.id, m.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'meeting', entityId: m.id, detail: `agenda:${input.items.length}` });
  });
  return getMeetingDetail(s.db, input.meetingId);
}

