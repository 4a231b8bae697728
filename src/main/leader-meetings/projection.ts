import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import { caseEvents, caseLevelChanges, cases, efforts, people } from '../cases';
import { custodyPeriods } from '../releases';
import { meetingAgendaItems, meetingDecisions } from './schema';
import { sspPlusPlans } from '../ssp-plus';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { EVENT_KIND_CODES, type CaseLevel, type EventKind } from '../../shared/cases';
import { addMonths, compare } from '../../shared/core/dates';
import { ageAt, countEventsByKind } from '../../shared/leader-meetings';
import { meetingPrivacy } from './privacy';
import type { Projection, RevealedCase } from '../../shared/leader-meetings';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { loadForum } from './forums';
import { agendaCases, agendaGroups, meetingWindow, parseReasons } from './agenda';
import { loadMeeting } from './writes';

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
    const groups = agendaGroups(tx, items.flatMap((i) => (i.groupId ? [i.groupId] : [])), m.heldOn);
    const privacyLevel = meetingPrivacy(m, forum);
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
    const related = relatedStatus(tx, caseIds, m.heldOn);
    const decided = new Set(tx.select({ itemId: meetingDecisions.agendaItemId }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, m.id)).all().map((d) => d.itemId));
    audit(tx, { at: s.now, actor: s.actor, action: 'view', entity: 'meeting', entityId: m.id, detail: `projection;privacy:${privacyLevel}` });
    return {
      meetingId: m.id,
      forumName: forum.name,
      heldOn: m.heldOn,
      privacyLevel,
      window,
      items: items.map((i, index) => {
        const c = i.caseId ? summaries.get(i.caseId) : undefined;
        const h = i.caseId ? (history.get(i.caseId) ?? []) : [];
        const last = h[h.length - 1];
        const g = i.groupId ? groups.get(i.groupId) : undefined;
        return {
          id: i.id,
          position: index + 1,
          kind: i.kind,
          title: i.kind === 'point' ? i.title : (g?.name ?? null),
          // A youth group: each case at the meeting's privacy level, never a name, school or birth date.
          group: g
            ? { cases: g.cases.map((gc) => ({ pseudonym: privacyLevel === 'case-number' ? gc.caseNumber : gc.pseudonym, ...ageAt(privacyLevel, gc.age), district: gc.district, level: gc.level })) }
            : null,
          case: c
            ? {
                caseId: c.caseId,
                pseudonym: privacyLevel === 'case-number' ? c.caseNumber : c.pseudonym,
                ...ageAt(privacyLevel, c.age),
                district: c.district,
                level: c.level,
                lastLevelChange: last ? { changedOn: last.changedOn, level: last.level, previousLevel: h[h.length - 2]?.level ?? null } : null,
                eventCounts: countEventsByKind(events.get(c.caseId) ?? [], window, EVENT_KIND_CODES),
                reasons: parseReasons(i.reasons),
                decided: decided.has(i.id),
                sspPlus: related.get(c.caseId)?.sspPlus ?? null,
                release: related.get(c.caseId)?.release ?? null,
              }
            : null,
        };
      }),
    };
  });
}

type ProjectedCase = NonNullable<Projection['items'][number]['case']>;
type Related = Pick<ProjectedCase, 'sspPlus' | 'release'>;

/**
 * SSP+ and release status of each case's person as of the meeting date, read from those domains'
 * tables: the latest plan started by then (active, or ended with its end date), and the latest
 * custody period begun by then (in custody, or released within the last 12 months).
 */
function relatedStatus(tx: DbOrTx, caseIds: number[], refDate: string): Map<number, Related> {
  const out = new Map<number, Related>();
  if (!caseIds.length) return out;
  const persons = tx.select({ caseId: cases.id, personId: cases.personId }).from(cases).where(inArray(cases.id, caseIds)).all();
  const personIds = [...new Set(persons.map((p) => p.personId))];
  const plans = tx
    .select({ personId: sspPlusPlans.personId, status: sspPlusPlans.status, startDate: sspPlusPlans.startDate, endDate: sspPlusPlans.endDate })
    .from(sspPlusPlans)
    .where(and(inArray(sspPlusPlans.personId, personIds), lte(sspPlusPlans.startDate, refDate)))
    .orderBy(asc(sspPlusPlans.startDate), asc(sspPlusPlans.id))
    .all();
  const custody = tx
    .select({ personId: custodyPeriods.personId, imprisonedOn: custodyPeriods.imprisonedOn, expected: custodyPeriods.expectedReleaseOn, releasedOn: custodyPeriods.releasedOn })
    .from(custodyPeriods)
    .where(and(inArray(custodyPeriods.personId, personIds), lte(custodyPeriods.imprisonedOn, refDate)))
    .orderBy(asc(custodyPeriods.imprisonedOn), asc(custodyPeriods.id))
    .all();
  const horizon = addMonths(refDate, -12);
  for (const { caseId, personId } of persons) {
    const plan = plans.filter((p) => p.personId === personId).at(-1);
    const period = custody.filter((p) => p.personId === personId).at(-1);
    let release: Related['release'] = null;
    if (period) {
      if (!period.releasedOn || compare(period.releasedOn, refDate) > 0) release = { status: 'in-custody', date: period.expected };
      else if (compare(period.releasedOn, horizon) > 0) release = { status: 'released', date: period.releasedOn };
    }
    const planEnded = plan && plan.status === 'ended' && plan.endDate && compare(plan.endDate, refDate) <= 0;
    out.set(caseId, {
      sspPlus: plan ? (planEnded ? { status: 'ended', date: plan.endDate! } : { status: 'active', date: plan.startDate }) : null,
      release,
    });
  }
  return out;
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
