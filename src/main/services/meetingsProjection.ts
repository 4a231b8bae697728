import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import { caseEvents, caseLevelChanges, cases, efforts, meetingAgendaItems, meetingDecisions, people } from '../db/schema';
import { AppError } from '../errors';
import { EVENT_KIND_CODES, type CaseLevel, type EventKind } from '../../shared/domain/levels';
import { countEventsByKind } from '../../shared/domain/meetings';
import type { Projection, RevealedCase } from '../../shared/contract/meetings';
import { audit } from './audit';
import type { ServiceCtx } from './context';
import { loadForum } from './meetingsForums';
import { agendaCases, meetingWindow, parseReasons } from './meetingsAgenda';
import { loadMeeting } from './meetings';

/**
 * What the shared screen shows: per agenda case only the pseudonym, age, district, level and its
 * last change, and the number of events per kind in the period. No names, no CPR numbers, no
 * free text: those come only from `revealCase`, one case at a time. Opening it is audited.
 */
export function getProjection(s: ServiceCtx, meetingId: number): Projection {
  return s.db.transaction((tx) => {
    const m = loadMeeting(tx, meetingId);
    const forum = loadForum(tx, m.forumId);
    const { window } = meetingWindow(tx, m);
    const items = tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, m.id)).orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id)).all();
    const caseIds = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
    const summaries = agendaCases(tx, caseIds, m.heldOn);
    const history = new Map<number, { changedOn: string; level: CaseLevel }[]>();
    const events = new Map<number, { kind: string; occurredOn: string }[]>();
    if (caseIds.length) {
      for (const h of tx
        .select({ caseId: caseLevelChanges.caseId, changedOn: caseLevelChanges.changedOn, level: caseLevelChanges.level })
        .from(caseLevelChanges)
        .where(inArray(caseLevelChanges.caseId, caseIds))
        .orderBy(asc(caseLevelChanges.changedOn), asc(caseLevelChanges.id))
        .all()) {
        history.set(h.caseId, [...(history.get(h.caseId) ?? []), { changedOn: h.changedOn, level: h.level as CaseLevel }]);
      }
      for (const e of tx
        .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, occurredOn: caseEvents.occurredOn })
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, caseIds), gt(caseEvents.occurredOn, window.after), lte(caseEvents.occurredOn, window.through)))
        .all()) {
        events.set(e.caseId, [...(events.get(e.caseId) ?? []), e]);
      }
    }
    const decided = new Set(tx.select({ itemId: meetingDecisions.agendaItemId }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, m.id)).all().map((d) => d.itemId));
    audit(tx, { at: s.now, actor: s.actor, action: 'view', entity: 'meeting', entityId: m.id, detail: 'projection' });
    return {
      meetingId: m.id,
      forumName: forum.name,
      heldOn: m.heldOn,
      window,
      items: items.map((i, index) => {
        const c = i.caseId ? summaries.get(i.caseId) : undefined;
        const h = i.caseId ? (history.get(i.caseId) ?? []) : [];
        const last = h[h.length - 1];
        return {
          id: i.id,
          position: index + 1,
          kind: i.kind,
          title: i.kind === 'point' ? i.title : null,
          case: c
            ? {
                caseId: c.caseId,
                pseudonym: c.pseudonym,
                age: c.age,
                district: c.district,
                level: c.level,
                lastLevelChange: last ? { changedOn: last.changedOn, level: last.level, previousLevel: h[h.length - 2]?.level ?? null } : null,
                eventCounts: countEventsByKind(events.get(c.caseId) ?? [], window, EVENT_KIND_CODES),
                reasons: parseReasons(i.reasons),
                decided: decided.has(i.id),
              }
            : null,
        };
      }),
    };
  });
}

/**
 * The name and details of ONE agenda case, for the moment the forum needs them. Only for cases on
 * the meeting's agenda; never the CPR number. Every call is audited as a reveal.
 */
export function revealCase(s: ServiceCtx, input: { meetingId: number; caseId: number }): RevealedCase {
  return s.db.transaction((tx) => {
    const m = loadMeeting(tx, input.meetingId);
    const item = tx.select({ id: meetingAgendaItems.id }).from(meetingAgendaItems).where(and(eq(meetingAgendaItems.meetingId, m.id), eq(meetingAgendaItems.caseId, input.caseId))).get();
    if (!item) throw new AppError('NOT_FOUND', 'Sagen står ikke på mødets dagsorden.');
    const row = tx
      .select({ caseId: cases.id, firstName: people.firstName, lastName: people.lastName, school: people.school, coordinator: cases.coordinator })
      .from(cases)
      .innerJoin(people, eq(people.id, cases.personId))
      .where(eq(cases.id, input.caseId))
      .get();
    if (!row) throw new AppError('NOT_FOUND', 'Sagen findes ikke.');
    const { window } = meetingWindow(tx, m);
    const lastChange = tx
      .select({ reason: caseLevelChanges.reason })
      .from(caseLevelChanges)
      .where(eq(caseLevelChanges.caseId, row.caseId))
      .orderBy(asc(caseLevelChanges.changedOn), asc(caseLevelChanges.id))
      .all()
      .at(-1);
    const evs = tx
      .select({ e: caseEvents, effortName: efforts.name })
      .from(caseEvents)
      .leftJoin(efforts, eq(efforts.id, caseEvents.effortId))
      .where(and(eq(caseEvents.caseId, row.caseId), gt(caseEvents.occurredOn, window.after), lte(caseEvents.occurredOn, window.through)))
      .orderBy(asc(caseEvents.occurredOn), asc(caseEvents.id))
      .all();
    audit(tx, { at: s.now, actor: s.actor, action: 'reveal', entity: 'case', entityId: row.caseId, detail: `meeting:${m.id}` });
    return {
      caseId: row.caseId,
      firstName: row.firstName,
      lastName: row.lastName,
      school: row.school,
      coordinator: row.coordinator,
      lastLevelReason: lastChange?.reason ?? null,
      events: evs.map(({ e, effortName }) => ({
        kind: e.kind as EventKind,
        occurredOn: e.occurredOn,
        offenceCategory: e.offenceCategory,
        effortName: effortName ?? null,
        description: e.description,
      })),
    };
  });
}
