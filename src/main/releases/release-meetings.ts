import { asc, desc, eq } from 'drizzle-orm';
import { releaseActionItems, releaseChecklistItems, releaseMeetingParticipants, releaseMeetings } from './schema';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { compare } from '../../shared/core/dates';
import {
  CHECKLIST_ITEM_CODES,
  plannedRelease,
  readiness,
  type ChecklistItemCode,
  type ChecklistStatus,
  type ReleaseMeetingKind,
  type ReleasePartner,
} from '../../shared/releases';
import type { ReleaseMeetingDetail, ReleaseMeetingTemplate } from '../../shared/releases';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { custodyPeriodOf, institutionOf, loadCustody, releasePerson } from './queries';

/**
 * Release-coordination meetings (løsladelsesmøder): date, place, participants, the checklist
 * (every item, each with status, owner, deadline and note), action items, and minutes. Saved
 * whole: the editor sends the full meeting, and the rows below it are replaced in one
 * transaction.
 */

export interface MeetingSaveInput {
  meetingId?: number;
  custodyId: number;
  kind: ReleaseMeetingKind;
  heldOn: string;
  place?: string;
  notes?: string;
  participants: { name: string; partner: ReleasePartner; organisation?: string }[];
  checklist: { item: ChecklistItemCode; status: ChecklistStatus; owner?: string; deadline?: string; note?: string }[];
  actions: { description: string; owner: string; deadline?: string; doneOn?: string }[];
}

type MeetingRow = typeof releaseMeetings.$inferSelect;

const clean = (text: string | undefined): string | null => {
  const v = text?.trim();
  return v ? v : null;
};

function loadMeeting(db: DbOrTx, meetingId: number): MeetingRow {
  const row = db.select().from(releaseMeetings).where(eq(releaseMeetings.id, meetingId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Mødet findes ikke. Det kan være slettet; gå tilbage til frihedsberøvelsen.');
  return row;
}

function checklistRows(db: DbOrTx, meetingId: number) {
  const stored = new Map(
    db
      .select()
      .from(releaseChecklistItems)
      .where(eq(releaseChecklistItems.meetingId, meetingId))
      .all()
      .map((r) => [r.item, r] as const),
  );
  return CHECKLIST_ITEM_CODES.map((item) => {
    const r = stored.get(item);
    return { item, status: r?.status ?? 'missing', owner: r?.owner ?? null, deadline: r?.deadline ?? null, note: r?.note ?? null };
  });
}

function participantRows(db: DbOrTx, meetingId: number) {
  return db
    .select({ name: releaseMeetingParticipants.name, partner: releaseMeetingParticipants.partner, organisation: releaseMeetingParticipants.organisation })
    .from(releaseMeetingParticipants)
    .where(eq(releaseMeetingParticipants.meetingId, meetingId))
    .orderBy(asc(releaseMeetingParticipants.sortOrder), asc(releaseMeetingParticipants.id))
    .all()
    .map((p) => ({ ...p, partner: p.partner as ReleasePartner }));
}

export function getReleaseMeetingDetail(s: ServiceCtx, meetingId: number, options: { recordView?: boolean } = {}): ReleaseMeetingDetail {
  const db = s.db;
  const m = loadMeeting(db, meetingId);
  if (options.recordView !== false) audit(db, { at: s.now, actor: s.actor, action: 'view', entity: 'release-meeting', entityId: m.id });
  const custody = loadCustody(db, m.custodyId);
  const checklist = checklistRows(db, m.id);
  return {
    id: m.id,
    custodyId: custody.id,
    person: releasePerson(db, custody.personId),
    institution: institutionOf(db, custody.institutionId).name,
    custodyType: custody.type,
    plannedReleaseOn: plannedRelease(custodyPeriodOf(custody)),
    releasedOn: custody.releasedOn,
    kind: m.kind,
    heldOn: m.heldOn,
    place: m.place,
    notes: m.notes,
    participants: participantRows(db, m.id),
    checklist,
    actions: db
      .select({ id: releaseActionItems.id, description: releaseActionItems.description, owner: releaseActionItems.owner, deadline: releaseActionItems.deadline, doneOn: releaseActionItems.doneOn })
      .from(releaseActionItems)
      .where(eq(releaseActionItems.meetingId, m.id))
      .orderBy(asc(releaseActionItems.sortOrder), asc(releaseActionItems.id))
      .all(),
    readiness: readiness(checklist),
  };
}

/**
 * A starting point for a new meeting: participants and checklist carried over from the latest
 * meeting about the same custody period (a final meeting picks up where the planning meeting
 * left off), or an empty list and every item 'missing'.
 */
export function releaseMeetingTemplate(s: ServiceCtx, custodyId: number): ReleaseMeetingTemplate {
  const custody = loadCustody(s.db, custodyId);
  const latest = s.db
    .select({ id: releaseMeetings.id })
    .from(releaseMeetings)
    .where(eq(releaseMeetings.custodyId, custody.id))
    .orderBy(desc(releaseMeetings.heldOn), desc(releaseMeetings.id))
    .limit(1)
    .get();
  if (!latest) {
    return {
      participants: [],
      checklist: CHECKLIST_ITEM_CODES.map((item) => ({ item, status: 'missing', owner: null, deadline: null, note: null })),
      fromMeetingId: null,
    };
  }
  return { participants: participantRows(s.db, latest.id), checklist: checklistRows(s.db, latest.id), fromMeetingId: latest.id };
}

function validateMeeting(s: ServiceCtx, custody: { imprisonedOn: string }, input: MeetingSaveInput): void {
  const fields: Record<string, string> = {};
  if (compare(input.heldOn, custody.imprisonedOn) < 0) fields.heldOn = 'Mødet kan ikke ligge før indsættelsen';
  input.actions.forEach((a, i) => {
    if (a.doneOn && compare(a.doneOn, s.today) > 0) fields[`actions.${i}.doneOn`] = 'Må ikke ligge i fremtiden';
  });
  if (Object.keys(fields).length) throw new AppError('RULE_VIOLATION', 'Mødet kan ikke gemmes. Ret de markerede felter.', fields);
}

/** Create or replace a meeting with its participants, checklist and action items. Returns its id. */
export function saveReleaseMeeting(s: ServiceCtx, input: MeetingSaveInput): number {
  return s.db.transaction((tx) => {
    const custody = loadCustody(tx, input.custodyId);
    if (input.meetingId !== undefined) {
      const existing = loadMeeting(tx, input.meetingId);
      if (existing.custodyId !== custody.id) throw new AppError('CONFLICT', 'Mødet hører til en anden frihedsberøvelse. Åbn det derfra.');
    }
    validateMeeting(s, custody, input);
    const stamp = s.now.toISOString();
    const values = { custodyId: custody.id, kind: input.kind, heldOn: input.heldOn, place: clean(input.place), notes: clean(input.notes), updatedAt: stamp };
    let meetingId: number;
    if (input.meetingId !== undefined) {
      meetingId = input.meetingId;
      tx.update(releaseMeetings).set(values).where(eq(releaseMeetings.id, meetingId)).run();
      tx.delete(releaseMeetingParticipants).where(eq(releaseMeetingParticipants.meetingId, meetingId)).run();
      tx.delete(releaseChecklistItems).where(eq(releaseChecklistItems.meetingId, meetingId)).run();
      tx.delete(releaseActionItems).where(eq(releaseActionItems.meetingId, meetingId)).run();
    } else {
      meetingId = tx.insert(releaseMeetings).values({ ...values, createdAt: stamp }).returning({ id: releaseMeetings.id }).get().id;
    }
    input.participants.forEach((p, i) => {
      tx.insert(releaseMeetingParticipants).values({ meetingId, name: p.name.trim(), partner: p.partner, organisation: clean(p.organisation), sortOrder: i }).run();
    });
    const given = new Map(input.checklist.map((c) => [c.item, c] as const));
    for (const item of CHECKLIST_ITEM_CODES) {
      const c = given.get(item);
      tx.insert(releaseChecklistItems)
        .values({ meetingId, item, status: c?.status ?? 'missing', owner: clean(c?.owner), deadline: c?.deadline ?? null, note: clean(c?.note) })
        .run();
    }
    input.actions.forEach((a, i) => {
      tx.insert(releaseActionItems)
        .values({ meetingId, description: a.description.trim(), owner: a.owner.trim(), deadline: a.deadline ?? null, doneOn: a.doneOn ?? null, sortOrder: i })
        .run();
    });
    const ready = readiness(CHECKLIST_ITEM_CODES.map((item) => ({ status: given.get(item)?.status ?? 'missing' })));
    audit(tx, {
      at: s.now,
      actor: s.actor,
      action: input.meetingId !== undefined ? 'update' : 'create',
      entity: 'release-meeting',
      entityId: meetingId,
      detail: `custody:${custody.id};kind:${input.kind};arranged:${ready.arranged};relevant:${ready.relevant};participants:${input.participants.length};actions:${input.actions.length}`,
    });
    return meetingId;
  });
}

export function deleteReleaseMeeting(s: ServiceCtx, meetingId: number): { deleted: true; custodyId: number } {
  return s.db.transaction((tx) => {
    const m = loadMeeting(tx, meetingId);
    tx.delete(releaseMeetings).where(eq(releaseMeetings.id, m.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'delete', entity: 'release-meeting', entityId: m.id, detail: `custody:${m.custodyId}` });
    return { deleted: true as const, custodyId: m.custodyId };
  });
}
