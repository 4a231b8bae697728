import { and, asc, eq, inArray } from 'drizzle-orm';
import { cases, people } from '../cases';
import { sspPlusActions, sspPlusAreas, sspPlusFollowUps, sspPlusPartners, sspPlusPlanPartners, sspPlusPlans, sspPlusReviewAreas, sspPlusReviewPartners, sspPlusReviews } from './schema';
import { clientOf, perConnection, type DbOrTx } from '../core/connection';
import { addDays, ageInYears, compare, diffDays } from '../../shared/core/dates';
import { normalizeForSearch } from '../../shared/core/districts';
import type { CaseLevel } from '../../shared/cases';
import {
  ALERT_DAYS,
  LIFE_AREA_CODES,
  REVIEW_DUE_SOON_DAYS,
  eligibility,
  gridIndexFor,
  isActionOverdue,
  nextScheduledReview,
  reviewSchedule,
  turns17HalfWithin,
  twentyFifthBirthday,
  type ActionStatus,
  type LifeArea,
} from '../../shared/ssp-plus';
import type { PlanAction, PlanDetail, PlanFollowUp, PlanReview, PlanRow, SspPlusCandidate, SspPlusOverview } from '../../shared/ssp-plus';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { eligibilityCase, listPartners, loadPlan } from './writes';
import { ageBandOf } from './settings';

/** SSP+ reads: one plan in full, the lists, the overview with its flags and alerts, start candidates. */

type Plan = typeof sspPlusPlans.$inferSelect;

function scheduledDates(db: DbOrTx, planIds: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!planIds.length) return out;
  const rows = db
    .select({ planId: sspPlusReviews.planId, heldOn: sspPlusReviews.heldOn })
    .from(sspPlusReviews)
    .where(and(inArray(sspPlusReviews.planId, [...planIds]), eq(sspPlusReviews.kind, 'scheduled')))
    .all();
  for (const r of rows) out.set(r.planId, [...(out.get(r.planId) ?? []), r.heldOn]);
  return out;
}

function nextReviewOf(plan: Plan, held: readonly string[], today: string) {
  if (plan.status !== 'active') return null;
  const { dueOn, daysLeft, overdue } = nextScheduledReview(plan.startDate, held, plan.reviewIntervalMonths, today);
  return { dueOn, daysLeft, overdue };
}

function toAction(a: typeof sspPlusActions.$inferSelect, partnerName: string | null, today: string, planActive: boolean): PlanAction {
  const status = a.status as ActionStatus;
  return {
    id: a.id,
    area: a.area as LifeArea,
    description: a.description,
    partnerId: a.partnerId,
    partnerName,
    deadline: a.deadline,
    status,
    overdue: planActive && isActionOverdue(a.deadline, status, today),
  };
}

/** One plan in full. Viewing is recorded in the audit trail (not after the plan's own writes). */
export function getPlanDetail(s: ServiceCtx, planId: number, options: { recordView?: boolean } = {}): PlanDetail {
  const db = s.db;
  const plan = loadPlan(db, planId);
  if (options.recordView !== false) audit(db, { at: s.now, actor: s.actor, action: 'view', entity: 'sspplus_plan', entityId: plan.id });
  const today = s.today;
  const person = db.select().from(people).where(eq(people.id, plan.personId)).get()!;
  const theCase = db.select().from(cases).where(eq(cases.id, plan.caseId)).get()!;
  const partnerNames = new Map(listPartners(db).map((p) => [p.id, p]));
  const active = plan.status === 'active';

  const areaRows = db.select().from(sspPlusAreas).where(eq(sspPlusAreas.planId, plan.id)).all();
  const actionRows = db.select().from(sspPlusActions).where(eq(sspPlusActions.planId, plan.id)).orderBy(asc(sspPlusActions.id)).all();
  const actions = actionRows.map((a) => toAction(a, a.partnerId ? (partnerNames.get(a.partnerId)?.name ?? null) : null, today, active));
  const areas = LIFE_AREA_CODES.map((area) => {
    const row = areaRows.find((r) => r.area === area);
    const own = actions.filter((a) => a.area === area);
    const texts = { currentSituation: row?.currentSituation ?? '', goal: row?.goal ?? '', progressNotes: row?.progressNotes ?? '' };
    return { area, filled: Boolean(texts.currentSituation || texts.goal || texts.progressNotes || own.length), ...texts, actions: own };
  });

  const reviewRows = db.select().from(sspPlusReviews).where(eq(sspPlusReviews.planId, plan.id)).orderBy(asc(sspPlusReviews.heldOn), asc(sspPlusReviews.id)).all();
  const ids = reviewRows.map((r) => r.id);
  const reviewAreas = ids.length ? db.select().from(sspPlusReviewAreas).where(inArray(sspPlusReviewAreas.reviewId, ids)).orderBy(asc(sspPlusReviewAreas.id)).all() : [];
  const reviewPartners = ids.length ? db.select().from(sspPlusReviewPartners).where(inArray(sspPlusReviewPartners.reviewId, ids)).all() : [];
  const reviews: PlanReview[] = reviewRows.map((r) => {
    const pids = reviewPartners.filter((p) => p.reviewId === r.id).map((p) => p.partnerId);
    return {
      id: r.id,
      heldOn: r.heldOn,
      kind: r.kind as PlanReview['kind'],
      trigger: r.trigger as PlanReview['trigger'],
      partnerIds: pids,
      partnerNames: pids.map((p) => partnerNames.get(p)?.name ?? '').filter(Boolean),
      participantsNote: r.participantsNote,
      changes: r.changes,
      areas: reviewAreas.filter((a) => a.reviewId === r.id).map((a) => ({ area: a.area as LifeArea, status: a.status as PlanReview['areas'][number]['status'], note: a.note })),
      actor: r.actor,
    };
  });

  // The grid of scheduled dates up to the next one due (or the end), each with the review that counted for it.
  const scheduled = reviews.filter((r) => r.kind === 'scheduled' && compare(r.heldOn, today) <= 0);
  const nextReview = nextReviewOf(plan, scheduled.map((r) => r.heldOn), today);
  const until = nextReview?.dueOn ?? plan.endDate ?? today;
  const schedule = reviewSchedule(plan.startDate, plan.reviewIntervalMonths, until).map((dueOn, i) => {
    const held = [...scheduled].reverse().find((r) => gridIndexFor(plan.startDate, r.heldOn, plan.reviewIntervalMonths) === i + 1);
    return { dueOn, reviewId: held?.id ?? null, heldOn: held?.heldOn ?? null };
  });

  const followUps: PlanFollowUp[] = db
    .select()
    .from(sspPlusFollowUps)
    .where(eq(sspPlusFollowUps.planId, plan.id))
    .orderBy(asc(sspPlusFollowUps.months))
    .all()
    .map((f) => ({ id: f.id, months: f.months as 3 | 6 | 12, dueOn: f.dueOn, outcome: f.outcome as PlanFollowUp['outcome'], recordedOn: f.recordedOn, due: f.outcome === null && compare(f.dueOn, today) <= 0 }));

  const planPartnerIds = db.select({ id: sspPlusPlanPartners.partnerId }).from(sspPlusPlanPartners).where(eq(sspPlusPlanPartners.planId, plan.id)).all().map((p) => p.id);
  return {
    id: plan.id,
    status: plan.status,
    today,
    person: { id: person.id, firstName: person.firstName, lastName: person.lastName, age: ageInYears(person.birthDate, today), turns25On: twentyFifthBirthday(person.birthDate) },
    caseId: theCase.id,
    caseNumber: theCase.caseNumber,
    caseLevel: theCase.level as CaseLevel,
    startDate: plan.startDate,
    coordinator: plan.coordinator,
    reviewIntervalMonths: plan.reviewIntervalMonths,
    partners: listPartners(db).filter((p) => planPartnerIds.includes(p.id)),
    consentDate: plan.consentDate,
    consentScope: plan.consentScope,
    areas,
    reviews,
    schedule,
    nextReview,
    overdueActions: actions.filter((a) => a.overdue).length,
    endDate: plan.endDate,
    endReason: plan.endReason as PlanDetail['endReason'],
    endNote: plan.endNote,
    followUps,
  };
}

/** Plans as rows, newest start first. */
export function listPlans(s: ServiceCtx, status: 'active' | 'ended' | 'all'): PlanRow[] {
  const db = s.db;
  const rows = db
    .select({ plan: sspPlusPlans, person: people, caseNumber: cases.caseNumber, level: cases.level })
    .from(sspPlusPlans)
    .innerJoin(people, eq(people.id, sspPlusPlans.personId))
    .innerJoin(cases, eq(cases.id, sspPlusPlans.caseId))
    .where(status === 'all' ? undefined : eq(sspPlusPlans.status, status))
    .orderBy(asc(people.sortName), asc(sspPlusPlans.id))
    .all();
  const planIds = rows.map((r) => r.plan.id);
  const held = scheduledDates(db, planIds);
  const overdue = new Map<number, number>();
  if (planIds.length) {
    const open = db.select().from(sspPlusActions).where(and(inArray(sspPlusActions.planId, planIds), inArray(sspPlusActions.status, ['planned', 'in-progress']))).all();
    for (const a of open) if (isActionOverdue(a.deadline, a.status as ActionStatus, s.today)) overdue.set(a.planId, (overdue.get(a.planId) ?? 0) + 1);
  }
  return rows.map(({ plan, person, caseNumber, level }) => ({
    planId: plan.id,
    personId: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    age: ageInYears(person.birthDate, s.today),
    caseNumber,
    level: level as CaseLevel,
    coordinator: plan.coordinator,
    status: plan.status,
    startDate: plan.startDate,
    endDate: plan.endDate,
    endReason: plan.endReason as PlanRow['endReason'],
    nextReview: nextReviewOf(plan, held.get(plan.id) ?? [], s.today),
    overdueActions: plan.status === 'active' ? (overdue.get(plan.id) ?? 0) : 0,
    turns25On: twentyFifthBirthday(person.birthDate),
  }));
}

/** The SSP+ overview on today's date: active plans, due reviews, overdue actions, due follow-ups, alerts. */
export function overview(s: ServiceCtx): SspPlusOverview {
  const db = s.db;
  const today = s.today;
  const activePlans = listPlans(s, 'active');
  const name = (r: { personId: number; firstName: string; lastName: string }) => ({ personId: r.personId, firstName: r.firstName, lastName: r.lastName });
  const byPlan = new Map(activePlans.map((p) => [p.planId, p]));

  const dueReviews = activePlans
    .filter((p) => p.nextReview && p.nextReview.daysLeft <= REVIEW_DUE_SOON_DAYS)
    .map((p) => ({ planId: p.planId, ...name(p), ...p.nextReview! }))
    .sort((a, b) => compare(a.dueOn, b.dueOn));

  const planIds = activePlans.map((p) => p.planId);
  const overdueActions = planIds.length
    ? db
        .select({ a: sspPlusActions, partnerName: sspPlusPartners.name })
        .from(sspPlusActions)
        .leftJoin(sspPlusPartners, eq(sspPlusPartners.id, sspPlusActions.partnerId))
        .where(and(inArray(sspPlusActions.planId, planIds), inArray(sspPlusActions.status, ['planned', 'in-progress'])))
        .all()
        .filter(({ a }) => isActionOverdue(a.deadline, a.status as ActionStatus, today))
        .map(({ a, partnerName }) => ({
          planId: a.planId,
          actionId: a.id,
          ...name(byPlan.get(a.planId)!),
          area: a.area as LifeArea,
          description: a.description,
          partnerName,
          deadline: a.deadline!,
          daysOverdue: diffDays(today, a.deadline!),
        }))
        .sort((x, y) => compare(x.deadline, y.deadline) || x.actionId - y.actionId)
    : [];

  const dueFollowUps = db
    .select({ f: sspPlusFollowUps, plan: sspPlusPlans, person: people })
    .from(sspPlusFollowUps)
    .innerJoin(sspPlusPlans, eq(sspPlusPlans.id, sspPlusFollowUps.planId))
    .innerJoin(people, eq(people.id, sspPlusPlans.personId))
    .where(eq(sspPlusPlans.status, 'ended'))
    .all()
    .filter(({ f }) => f.outcome === null && compare(f.dueOn, today) <= 0)
    .map(({ f, plan, person }) => ({ planId: plan.id, followUpId: f.id, personId: person.id, firstName: person.firstName, lastName: person.lastName, months: f.months as 3 | 6 | 12, dueOn: f.dueOn, endDate: plan.endDate! }))
    .sort((a, b) => compare(a.dueOn, b.dueOn) || a.followUpId - b.followUpId);

  // Alerts. 17½: people with an open level 3-4 case and no active plan (a few hundred rows at most).
  const activePeople = new Set(activePlans.map((p) => p.personId));
  const turning17Half = db
    .select({ c: cases, person: people })
    .from(cases)
    .innerJoin(people, eq(people.id, cases.personId))
    .where(and(eq(cases.status, 'open'), inArray(cases.level, [3, 4])))
    .all()
    .flatMap(({ c, person }) => {
      const date = activePeople.has(person.id) ? null : turns17HalfWithin(person.birthDate, today, ALERT_DAYS);
      return date ? [{ ...name({ personId: person.id, ...person }), caseId: c.id, caseNumber: c.caseNumber, level: c.level as CaseLevel, date, daysLeft: diffDays(date, today) }] : [];
    })
    .sort((a, b) => compare(a.date, b.date));
  // 25: active plans whose person turns 25 within the window, or already has (the plan must end).
  const limit = addDays(today, ALERT_DAYS);
  const turning25 = activePlans
    .filter((p) => compare(p.turns25On, limit) <= 0)
    .map((p) => ({ planId: p.planId, ...name(p), date: p.turns25On, daysLeft: diffDays(p.turns25On, today) }))
    .sort((a, b) => compare(a.date, b.date));

  return { today, activePlans, dueReviews, overdueActions, dueFollowUps, alerts: { turning17Half, turning25 } };
}

/**
 * People a plan could start for, with eligibility on startDate. Without a search: people with an
 * open level 3-4 case or one closed with "Overgået til SSP+". With one: anyone whose name or case number matches (every word).
 */
export function candidates(s: ServiceCtx, input: { search?: string; startDate: string }): SspPlusCandidate[] {
  const band = ageBandOf(s.db);
  const words = normalizeForSearch(input.search ?? '').split(' ').filter(Boolean);
  const where: string[] = [];
  const params: string[] = [];
  for (const w of words) {
    where.push(`(instr(p.search_name, ?) > 0 OR EXISTS (SELECT 1 FROM cases c2 WHERE c2.person_id = p.id AND instr(lower(c2.case_number), ?) > 0))`);
    params.push(w, w);
  }
  if (!words.length) where.push(`EXISTS (SELECT 1 FROM cases c3 WHERE c3.person_id = p.id AND (c3.status = 'open' OR c3.closing_reason = 'to-ssp-plus') AND c3.level IN (3, 4))`);
  const rows = s.sqlite
    .prepare(`SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, p.birth_date AS birthDate FROM people p WHERE ${where.join(' AND ')} ORDER BY p.sort_name, p.id LIMIT 50`)
    .all(...params) as { id: number; firstName: string; lastName: string; birthDate: string }[];
  return rows.map((p) => {
    const c = eligibilityCase(s.db, p.id, input.startDate);
    const caseRow = c ? s.db.select({ caseNumber: cases.caseNumber, level: cases.level, status: cases.status }).from(cases).where(eq(cases.id, c.caseId)).get() : undefined;
    const activePlan = s.db.select({ id: sspPlusPlans.id }).from(sspPlusPlans).where(and(eq(sspPlusPlans.personId, p.id), eq(sspPlusPlans.status, 'active'))).get();
    const e = eligibility(p.birthDate, input.startDate, c, band);
    return {
      personId: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      age: ageInYears(p.birthDate, input.startDate),
      caseId: c?.caseId ?? null,
      caseNumber: caseRow?.caseNumber ?? null,
      level: (caseRow?.level as CaseLevel | undefined) ?? null,
      caseStatus: caseRow?.status ?? null,
      activePlanId: activePlan?.id ?? null,
      eligible: e.eligible && !activePlan,
      reason: e.eligible ? (activePlan ? 'Den unge har allerede en aktiv SSP+-plan.' : null) : e.reason,
      referralPossible: !e.eligible && (e.rule === 'no-case' || e.rule === 'case-closed') && !activePlan,
    };
  });
}

/** An active plan's dates that Overblik lists: its next scheduled review and the 25th birthday. */
export interface PlanDueDates {
  planId: number;
  personId: number;
  firstName: string;
  lastName: string;
  caseNumber: string;
  coordinator: string;
  /** The next scheduled review (status meeting), as `listPlans` gives it. */
  nextReviewOn: string;
  turns25On: string;
}

const dueStatements = perConnection((db) => {
  const sqlite = clientOf(db);
  return {
    plans: sqlite.prepare(
      `SELECT pl.id AS planId, pl.person_id AS personId, p.first_name AS firstName, p.last_name AS lastName, c.case_number AS caseNumber,
              pl.coordinator, pl.start_date AS startDate, pl.review_interval_months AS reviewIntervalMonths, p.birth_date AS birthDate
       FROM sspplus_plans pl JOIN people p ON p.id = pl.person_id JOIN cases c ON c.id = pl.case_id
       WHERE pl.status = 'active' ORDER BY pl.id`,
    ),
    held: sqlite.prepare(
      `SELECT r.plan_id AS planId, r.held_on AS heldOn FROM sspplus_reviews r JOIN sspplus_plans pl ON pl.id = r.plan_id
       WHERE pl.status = 'active' AND r.kind = 'scheduled'`,
    ),
  };
});

/**
 * Every active plan's next scheduled review and 25th birthday, on the same rules as `listPlans`
 * (the SSP+ screen's rows), without the screen's other columns: for Overblik, which reads these
 * two dates on every call. Plain SQL, prepared once per connection; by plan id.
 */
export function activePlanDueDates(s: ServiceCtx): PlanDueDates[] {
  const st = dueStatements(s.db);
  const held = new Map<number, string[]>();
  for (const r of st.held.all() as { planId: number; heldOn: string }[]) {
    const list = held.get(r.planId);
    if (list) list.push(r.heldOn);
    else held.set(r.planId, [r.heldOn]);
  }
  type Row = Omit<PlanDueDates, 'nextReviewOn' | 'turns25On'> & { startDate: string; reviewIntervalMonths: number; birthDate: string };
  return (st.plans.all() as Row[]).map(({ startDate, reviewIntervalMonths, birthDate, ...r }) => ({
    ...r,
    nextReviewOn: nextScheduledReview(startDate, held.get(r.planId) ?? [], reviewIntervalMonths, s.today).dueOn,
    turns25On: twentyFifthBirthday(birthDate),
  }));
}
