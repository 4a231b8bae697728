import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { caseLevelChanges, cases, insertCase, people } from '../cases';
import { sspPlusActions, sspPlusAreas, sspPlusFollowUps, sspPlusPartners, sspPlusPlanPartners, sspPlusPlans, sspPlusReviewAreas, sspPlusReviewPartners, sspPlusReviews } from './schema';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { compare, formatDanishDate } from '../../shared/core/dates';
import { levelAt, type CaseLevel } from '../../shared/cases';
import { DEFAULT_REVIEW_INTERVAL_MONTHS, eligibility, followUpDueDates, FOLLOW_UP_MONTHS, outcomeOpensOn, outcomeTooEarlyMessage, type CaseStatus } from '../../shared/ssp-plus';
import type { z } from 'zod';
import type { areaSaveInput, followUpInput, planEndInput, planStartInput, planUpdateInput, reviewInput } from '../../shared/ssp-plus';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { ageBandOf, getSspPlusSettings } from './settings';

/**
 * SSP+ plans: the writes. Each runs in one transaction and leaves an audit entry with codes and
 * ids only. Reads are in ./sspPlusQueries.ts.
 */

type PlanRow = typeof sspPlusPlans.$inferSelect;

export function loadPlan(tx: DbOrTx, planId: number): PlanRow {
  const row = tx.select().from(sspPlusPlans).where(eq(sspPlusPlans.id, planId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Planen findes ikke.');
  return row;
}

function assertActive(plan: PlanRow): void {
  if (plan.status !== 'active') throw new AppError('RULE_VIOLATION', 'Planen er afsluttet og kan ikke ændres.');
}

function notInFuture(s: ServiceCtx, date: string, field: string): void {
  if (compare(date, s.today) > 0) throw new AppError('RULE_VIOLATION', 'Datoen kan ikke ligge i fremtiden.', { [field]: 'Må ikke ligge i fremtiden' });
}

function notBeforeStart(plan: PlanRow, date: string, field: string): void {
  if (compare(date, plan.startDate) < 0) {
    const when = formatDanishDate(plan.startDate);
    throw new AppError('RULE_VIOLATION', `Datoen kan ikke ligge før planens start (${when}).`, { [field]: `Må ikke ligge før ${when}` });
  }
}

function assertPartners(tx: DbOrTx, ids: readonly number[], field = 'partnerIds'): void {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = tx.select({ id: sspPlusPartners.id }).from(sspPlusPartners).where(inArray(sspPlusPartners.id, unique)).all();
  if (found.length !== unique.length) throw new AppError('NOT_FOUND', 'En af samarbejdspartnerne findes ikke. Genindlæs siden, og prøv igen.', { [field]: 'Ukendt samarbejdspartner' });
}

function setPlanPartners(tx: DbOrTx, planId: number, partnerIds: readonly number[]): void {
  tx.delete(sspPlusPlanPartners).where(eq(sspPlusPlanPartners.planId, planId)).run();
  for (const partnerId of new Set(partnerIds)) tx.insert(sspPlusPlanPartners).values({ planId, partnerId }).run();
}

/**
 * The case eligibility is judged on: the person's open case with its level on the start date, or,
 * without an open case (or when it was opened after the start date), the latest one with its
 * closing reason ("Overgået til SSP+" keeps a level 3-4 case eligible).
 */
export function eligibilityCase(tx: DbOrTx, personId: number, onDate: string): { caseId: number; level: CaseLevel; status: CaseStatus; closingReason: string | null } | null {
  const open = tx.select().from(cases).where(and(eq(cases.personId, personId), eq(cases.status, 'open'))).get();
  if (open) {
    const history = tx.select({ date: caseLevelChanges.changedOn, level: caseLevelChanges.level }).from(caseLevelChanges).where(eq(caseLevelChanges.caseId, open.id)).orderBy(asc(caseLevelChanges.id)).all();
    const level = levelAt(history.map((h) => ({ date: h.date, level: h.level as CaseLevel })), onDate);
    if (level !== null) return { caseId: open.id, level, status: 'open', closingReason: null };
  }
  // A case opened after the start date did not exist then.
  const latest = tx.select().from(cases).where(and(eq(cases.personId, personId), lte(cases.openedOn, onDate))).orderBy(desc(cases.openedOn), desc(cases.id)).get();
  return latest ? { caseId: latest.id, level: latest.level as CaseLevel, status: latest.status === 'open' ? 'open' : 'closed', closingReason: latest.closingReason ?? null } : null;
}

export function startPlan(s: ServiceCtx, input: z.output<typeof planStartInput>): number {
  return s.db.transaction((tx) => {
    const person = tx.select({ id: people.id, birthDate: people.birthDate }).from(people).where(eq(people.id, input.personId)).get();
    if (!person) throw new AppError('NOT_FOUND', 'Personen findes ikke.');
    notInFuture(s, input.startDate, 'startDate');
    const band = ageBandOf(tx);
    let c = eligibilityCase(tx, person.id, input.startDate);
    if (input.referral) {
      // The age band first, so a refused referral leaves no case behind (the transaction rolls back anyway).
      const age = eligibility(person.birthDate, input.startDate, { level: input.referral.level, status: 'open' }, band);
      if (!age.eligible) throw new AppError('RULE_VIOLATION', age.reason, { startDate: age.reason });
      if (c && (c.status === 'open' || eligibility(person.birthDate, input.startDate, c, band).eligible)) {
        const reason = 'Den unge har allerede en SSP-sag, som planen kan starte på. Start planen uden henvisning (skift sagens niveau til 3 eller 4 først, hvis det er lavere).';
        throw new AppError('RULE_VIOLATION', reason, { referral: reason });
      }
      const caseId = insertCase(s, tx, {
        personId: person.id,
        level: input.referral.level,
        reason: `Henvist til SSP+ af ${input.referral.source.trim()}: ${input.referral.reason.trim()}`,
        openedOn: input.startDate,
        coordinator: input.coordinator,
        ...(input.referral.districtId !== undefined ? { districtId: input.referral.districtId } : {}),
      });
      c = { caseId, level: input.referral.level, status: 'open', closingReason: null };
    }
    const e = eligibility(person.birthDate, input.startDate, c, band);
    if (!e.eligible) {
      const field = e.rule === 'age-too-low' || e.rule === 'age-too-high' ? 'startDate' : 'personId';
      throw new AppError('RULE_VIOLATION', e.reason, { [field]: e.reason });
    }
    const active = tx.select().from(sspPlusPlans).where(and(eq(sspPlusPlans.personId, person.id), eq(sspPlusPlans.status, 'active'))).get();
    if (active) {
      throw new AppError('CONFLICT', `Den unge har allerede en aktiv SSP+-plan (startet ${formatDanishDate(active.startDate)}). Der kan kun være én aktiv plan pr. person; åbn den i stedet.`);
    }
    if (input.consentDate) notInFuture(s, input.consentDate, 'consentDate');
    assertPartners(tx, input.partnerIds);
    const stamp = s.now.toISOString();
    const row = tx
      .insert(sspPlusPlans)
      .values({
        personId: person.id,
        caseId: c!.caseId,
        status: 'active',
        startDate: input.startDate,
        coordinator: input.coordinator.trim(),
        reviewIntervalMonths: input.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS,
        consentDate: input.consentDate ?? null,
        consentScope: input.consentScope?.trim() || null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning({ id: sspPlusPlans.id })
      .get();
    setPlanPartners(tx, row.id, input.partnerIds);
    audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'sspplus_plan', entityId: row.id, detail: `case:${c!.caseId};level:${c!.level}${input.referral ? ';referral' : ''}` });
    return row.id;
  });
}

export function updatePlan(s: ServiceCtx, input: z.output<typeof planUpdateInput>): void {
  s.db.transaction((tx) => {
    const plan = loadPlan(tx, input.planId);
    assertActive(plan);
    const set: Partial<PlanRow> = { updatedAt: s.now.toISOString() };
    const changed: string[] = [];
    if (input.coordinator !== undefined) {
      set.coordinator = input.coordinator.trim();
      changed.push('coordinator');
    }
    if (input.consentDate !== undefined) {
      if (input.consentDate) notInFuture(s, input.consentDate, 'consentDate');
      set.consentDate = input.consentDate;
      changed.push('consent');
    }
    if (input.consentScope !== undefined) {
      set.consentScope = input.consentScope?.trim() || null;
      if (!changed.includes('consent')) changed.push('consent');
    }
    if (input.reviewIntervalMonths !== undefined) {
      set.reviewIntervalMonths = input.reviewIntervalMonths;
      changed.push(`interval:${input.reviewIntervalMonths}`);
    }
    if (input.partnerIds !== undefined) {
      assertPartners(tx, input.partnerIds);
      setPlanPartners(tx, plan.id, input.partnerIds);
      changed.push('partners');
    }
    tx.update(sspPlusPlans).set(set).where(eq(sspPlusPlans.id, plan.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'sspplus_plan', entityId: plan.id, detail: changed.join(';') || null });
  });
}

/** Write one life area: its texts and its actions (with id: updated; without: added). */
export function saveArea(s: ServiceCtx, input: z.output<typeof areaSaveInput>): void {
  s.db.transaction((tx) => {
    const plan = loadPlan(tx, input.planId);
    assertActive(plan);
    const fields: Record<string, string> = {};
    input.actions.forEach((a, i) => {
      if (a.partnerId) {
        const ok = tx.select({ id: sspPlusPartners.id }).from(sspPlusPartners).where(eq(sspPlusPartners.id, a.partnerId)).get();
        if (!ok) fields[`actions.${i}.partnerId`] = 'Ukendt samarbejdspartner';
      }
      if (a.id) {
        const existing = tx.select().from(sspPlusActions).where(eq(sspPlusActions.id, a.id)).get();
        if (!existing || existing.planId !== plan.id || existing.area !== input.area) fields[`actions.${i}`] = 'Handlingen hører ikke til dette område';
      }
    });
    if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', 'Handlingerne kunne ikke gemmes. Ret de markerede felter.', fields);

    const stamp = s.now.toISOString();
    const texts = { currentSituation: input.currentSituation.trim(), goal: input.goal.trim(), progressNotes: input.progressNotes.trim() };
    const row = tx.select().from(sspPlusAreas).where(and(eq(sspPlusAreas.planId, plan.id), eq(sspPlusAreas.area, input.area))).get();
    if (row) tx.update(sspPlusAreas).set({ ...texts, updatedAt: stamp }).where(eq(sspPlusAreas.id, row.id)).run();
    else tx.insert(sspPlusAreas).values({ planId: plan.id, area: input.area, ...texts, updatedAt: stamp }).run();

    let added = 0;
    let updated = 0;
    for (const a of input.actions) {
      const values = { description: a.description.trim(), partnerId: a.partnerId ?? null, deadline: a.deadline ?? null, status: a.status, updatedAt: stamp };
      if (a.id) {
        tx.update(sspPlusActions).set(values).where(eq(sspPlusActions.id, a.id)).run();
        updated++;
      } else {
        tx.insert(sspPlusActions).values({ ...values, planId: plan.id, area: input.area, createdAt: stamp }).run();
        added++;
      }
    }
    tx.update(sspPlusPlans).set({ updatedAt: stamp }).where(eq(sspPlusPlans.id, plan.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'sspplus_plan', entityId: plan.id, detail: `area:${input.area};actions-added:${added};actions-updated:${updated}` });
  });
}

export function addReview(s: ServiceCtx, input: z.output<typeof reviewInput>): number {
  return s.db.transaction((tx) => {
    const plan = loadPlan(tx, input.planId);
    assertActive(plan);
    notInFuture(s, input.heldOn, 'heldOn');
    notBeforeStart(plan, input.heldOn, 'heldOn');
    assertPartners(tx, input.partnerIds);
    const seen = new Set<string>();
    input.areas.forEach((a, i) => {
      if (seen.has(a.area)) throw new AppError('INVALID_INPUT', 'Et område er angivet to gange.', { [`areas.${i}.area`]: 'Angivet to gange' });
      seen.add(a.area);
    });
    const stamp = s.now.toISOString();
    const review = tx
      .insert(sspPlusReviews)
      .values({
        planId: plan.id,
        heldOn: input.heldOn,
        kind: input.kind,
        trigger: input.kind === 'ad-hoc' ? (input.trigger ?? 'other') : null,
        participantsNote: input.participantsNote.trim(),
        changes: input.changes.trim(),
        actor: s.actor,
        createdAt: stamp,
      })
      .returning({ id: sspPlusReviews.id })
      .get();
    for (const partnerId of new Set(input.partnerIds)) tx.insert(sspPlusReviewPartners).values({ reviewId: review.id, partnerId }).run();
    let goals = 0;
    for (const a of input.areas) {
      tx.insert(sspPlusReviewAreas).values({ reviewId: review.id, area: a.area, status: a.status, note: a.note.trim() }).run();
      const newGoal = a.newGoal?.trim();
      if (newGoal) {
        const row = tx.select().from(sspPlusAreas).where(and(eq(sspPlusAreas.planId, plan.id), eq(sspPlusAreas.area, a.area))).get();
        if (row) tx.update(sspPlusAreas).set({ goal: newGoal, updatedAt: stamp }).where(eq(sspPlusAreas.id, row.id)).run();
        else tx.insert(sspPlusAreas).values({ planId: plan.id, area: a.area, goal: newGoal, updatedAt: stamp }).run();
        goals++;
      }
    }
    tx.update(sspPlusPlans).set({ updatedAt: stamp }).where(eq(sspPlusPlans.id, plan.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'sspplus_review', entityId: review.id, detail: `plan:${plan.id};kind:${input.kind};areas:${input.areas.length};goals:${goals}` });
    return review.id;
  });
}

export function endPlan(s: ServiceCtx, input: z.output<typeof planEndInput>): void {
  s.db.transaction((tx) => {
    const plan = loadPlan(tx, input.planId);
    assertActive(plan);
    notInFuture(s, input.endDate, 'endDate');
    notBeforeStart(plan, input.endDate, 'endDate');
    tx.update(sspPlusPlans)
      .set({ status: 'ended', endDate: input.endDate, endReason: input.reason, endNote: input.note?.trim() || null, updatedAt: s.now.toISOString() })
      .where(eq(sspPlusPlans.id, plan.id))
      .run();
    const due = followUpDueDates(input.endDate);
    const byMonths = { 3: due.m3, 6: due.m6, 12: due.m12 } as const;
    for (const months of FOLLOW_UP_MONTHS) tx.insert(sspPlusFollowUps).values({ planId: plan.id, months, dueOn: byMonths[months] }).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'close', entity: 'sspplus_plan', entityId: plan.id, detail: `reason:${input.reason}` });
  });
}

/** Record (or correct) the outcome at a follow-up. Returns the plan's id. */
export function recordFollowUp(s: ServiceCtx, input: z.output<typeof followUpInput>): number {
  return s.db.transaction((tx) => {
    const f = tx.select().from(sspPlusFollowUps).where(eq(sspPlusFollowUps.id, input.followUpId)).get();
    if (!f) throw new AppError('NOT_FOUND', 'Opfølgningen findes ikke.');
    const plan = loadPlan(tx, f.planId);
    notInFuture(s, input.recordedOn, 'recordedOn');
    if (plan.endDate && compare(input.recordedOn, plan.endDate) < 0) {
      throw new AppError('RULE_VIOLATION', 'Opfølgningen kan ikke ligge før planens afslutning.', { recordedOn: 'Må ikke ligge før afslutningen' });
    }
    const window = getSspPlusSettings(tx).outcomeWindowDays;
    if (compare(input.recordedOn, outcomeOpensOn(f.dueOn, window)) < 0) {
      const message = outcomeTooEarlyMessage(f.months, f.dueOn, window);
      throw new AppError('RULE_VIOLATION', message, { recordedOn: message });
    }
    tx.update(sspPlusFollowUps).set({ outcome: input.outcome, recordedOn: input.recordedOn }).where(eq(sspPlusFollowUps.id, f.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: f.outcome ? 'update' : 'create', entity: 'sspplus_follow_up', entityId: f.id, detail: `plan:${plan.id};months:${f.months};outcome:${input.outcome}` });
    return plan.id;
  });
}

// ---- partners ----

export function listPartners(tx: DbOrTx) {
  return tx.select({ id: sspPlusPartners.id, name: sspPlusPartners.name, active: sspPlusPartners.active }).from(sspPlusPartners).orderBy(asc(sspPlusPartners.sortOrder), asc(sspPlusPartners.name)).all();
}

export function savePartner(s: ServiceCtx, input: { id?: number; name: string; active: boolean }) {
  return s.db.transaction((tx) => {
    const name = input.name.trim();
    const clash = tx.select().from(sspPlusPartners).where(eq(sspPlusPartners.name, name)).get();
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', 'Der findes allerede en samarbejdspartner med det navn.', { name: 'Navnet er allerede brugt' });
    const cols = { id: sspPlusPartners.id, name: sspPlusPartners.name, active: sspPlusPartners.active };
    const row = input.id
      ? tx.update(sspPlusPartners).set({ name, active: input.active }).where(eq(sspPlusPartners.id, input.id)).returning(cols).get()
      : tx.insert(sspPlusPartners).values({ name, active: input.active }).returning(cols).get();
    if (!row) throw new AppError('NOT_FOUND', 'Samarbejdspartneren findes ikke.');
    audit(tx, { at: s.now, actor: s.actor, action: input.id ? 'update' : 'create', entity: 'sspplus_partner', entityId: row.id });
    return row;
  });
}
