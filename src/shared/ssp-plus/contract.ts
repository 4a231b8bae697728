import { z } from 'zod';
import { op, shortText, longText, isoDate, id, empty } from '../core/contract';
import { level } from '../cases';
import {
  ACTION_STATUS_CODES,
  AREA_REVIEW_STATUS_CODES,
  LIFE_AREA_CODES,
  OUTCOME_CODES,
  PLAN_END_REASON_CODES,
  REVIEW_KIND_CODES,
  REVIEW_TRIGGER_CODES,
} from './rules';

/**
 * SSP+ holistic plans. No operation here returns a CPR number: plans carry the young person's name
 * and age only (the printed plan is handed to the young person).
 */

/** A zod enum over a domain code list, keeping the codes' type. */
const codes = <C extends string>(list: readonly C[]) => z.enum(list as unknown as [C, ...C[]]);
export const lifeArea = codes(LIFE_AREA_CODES);
export const planEndReason = codes(PLAN_END_REASON_CODES);
export const outcome = codes(OUTCOME_CODES);
export const actionStatus = codes(ACTION_STATUS_CODES);
export const reviewKind = codes(REVIEW_KIND_CODES);
export const reviewTrigger = codes(REVIEW_TRIGGER_CODES);
export const areaReviewStatus = codes(AREA_REVIEW_STATUS_CODES);
/** FOLLOW_UP_MONTHS in the domain. */
const followUpMonths = z.union([z.literal(3), z.literal(6), z.literal(12)]);
const interval = z.number().int().min(1).max(12);
const planStatus = z.enum(['active', 'ended']);

// ---- partners ----
export const sspPlusPartnerSchema = z.object({ id, name: z.string(), active: z.boolean() }).strict();
export type SspPlusPartner = z.infer<typeof sspPlusPartnerSchema>;

// ---- plan detail ----
const reviewDueSchema = z.object({ dueOn: z.string(), daysLeft: z.number().int(), overdue: z.boolean() }).strict();

export const planActionSchema = z
  .object({
    id,
    area: lifeArea,
    description: z.string(),
    partnerId: z.number().nullable(),
    partnerName: z.string().nullable(),
    deadline: z.string().nullable(),
    status: actionStatus,
    overdue: z.boolean(),
  })
  .strict();
export type PlanAction = z.infer<typeof planActionSchema>;

export const planAreaSchema = z
  .object({
    area: lifeArea,
    /** false when nothing is written for the area (not relevant, or not yet filled). */
    filled: z.boolean(),
    currentSituation: z.string(),
    goal: z.string(),
    progressNotes: z.string(),
    actions: z.array(planActionSchema),
  })
  .strict();
export type PlanArea = z.infer<typeof planAreaSchema>;

export const planReviewSchema = z
  .object({
    id,
    heldOn: z.string(),
    kind: reviewKind,
    trigger: reviewTrigger.nullable(),
    partnerIds: z.array(z.number()),
    partnerNames: z.array(z.string()),
    participantsNote: z.string(),
    changes: z.string(),
    areas: z.array(z.object({ area: lifeArea, status: areaReviewStatus, note: z.string() }).strict()),
    actor: z.string(),
  })
  .strict();
export type PlanReview = z.infer<typeof planReviewSchema>;

export const followUpSchema = z
  .object({ id, months: followUpMonths, dueOn: z.string(), outcome: outcome.nullable(), recordedOn: z.string().nullable(), due: z.boolean() })
  .strict();
export type PlanFollowUp = z.infer<typeof followUpSchema>;

export const planDetailSchema = z
  .object({
    id,
    status: planStatus,
    today: z.string(),
    person: z.object({ id, firstName: z.string(), lastName: z.string(), age: z.number().int(), turns25On: z.string() }).strict(),
    caseId: id,
    caseNumber: z.string(),
    caseLevel: level,
    startDate: z.string(),
    coordinator: z.string(),
    reviewIntervalMonths: z.number().int(),
    partners: z.array(sspPlusPartnerSchema),
    consentDate: z.string().nullable(),
    consentScope: z.string().nullable(),
    areas: z.array(planAreaSchema),
    reviews: z.array(planReviewSchema),
    /** The scheduled grid up to the next due date, each with the scheduled review that counted for it. */
    schedule: z.array(z.object({ dueOn: z.string(), reviewId: z.number().nullable(), heldOn: z.string().nullable() }).strict()),
    nextReview: reviewDueSchema.nullable(),
    overdueActions: z.number().int(),
    endDate: z.string().nullable(),
    endReason: planEndReason.nullable(),
    endNote: z.string().nullable(),
    followUps: z.array(followUpSchema),
  })
  .strict();
export type PlanDetail = z.infer<typeof planDetailSchema>;

// ---- lists and overview ----
const personName = { personId: id, firstName: z.string(), lastName: z.string() };

export const planRowSchema = z
  .object({
    planId: id,
    ...personName,
    age: z.number().int(),
    caseNumber: z.string(),
    level,
    coordinator: z.string(),
    status: planStatus,
    startDate: z.string(),
    endDate: z.string().nullable(),
    endReason: planEndReason.nullable(),
    nextReview: reviewDueSchema.nullable(),
    overdueActions: z.number().int(),
    turns25On: z.string(),
  })
  .strict();
export type PlanRow = z.infer<typeof planRowSchema>;

export const overviewSchema = z
  .object({
    today: z.string(),
    activePlans: z.array(planRowSchema),
    dueReviews: z.array(z.object({ planId: id, ...personName, dueOn: z.string(), daysLeft: z.number().int(), overdue: z.boolean() }).strict()),
    overdueActions: z.array(
      z
        .object({ planId: id, actionId: id, ...personName, area: lifeArea, description: z.string(), partnerName: z.string().nullable(), deadline: z.string(), daysOverdue: z.number().int() })
        .strict(),
    ),
    dueFollowUps: z.array(z.object({ planId: id, followUpId: id, ...personName, months: followUpMonths, dueOn: z.string(), endDate: z.string() }).strict()),
    alerts: z
      .object({
        turning17Half: z.array(z.object({ ...personName, caseId: id, caseNumber: z.string(), level, date: z.string(), daysLeft: z.number().int() }).strict()),
        turning25: z.array(z.object({ planId: id, ...personName, date: z.string(), daysLeft: z.number().int() }).strict()),
      })
      .strict(),
  })
  .strict();
export type SspPlusOverview = z.infer<typeof overviewSchema>;

export const candidateSchema = z
  .object({
    ...personName,
    age: z.number().int(),
    caseId: z.number().nullable(),
    caseNumber: z.string().nullable(),
    level: level.nullable(),
    caseStatus: z.enum(['open', 'closed']).nullable(),
    activePlanId: z.number().nullable(),
    eligible: z.boolean(),
    reason: z.string().nullable(),
    /** True when a referral would let the plan start (no case, or the latest closed for another reason). */
    referralPossible: z.boolean(),
  })
  .strict();
export type SspPlusCandidate = z.infer<typeof candidateSchema>;

// ---- inputs ----
const planId = z.object({ planId: id }).strict();

export const planStartInput = z
  .object({
    personId: id,
    startDate: isoDate,
    coordinator: shortText(120).trim().min(1),
    partnerIds: z.array(id).max(50).default([]),
    consentDate: isoDate.optional(),
    consentScope: longText(2000).optional(),
    reviewIntervalMonths: interval.optional(),
    /**
     * A referral without an SSP case (e.g. from Kriminalforsorgen for a 19-year-old): the plan's
     * level 3-4 case is opened in the same step, its reason naming who referred.
     */
    referral: z
      .object({
        level: z.union([z.literal(3), z.literal(4)]),
        source: shortText(120).trim().min(1),
        reason: longText(2000).trim().min(1),
        districtId: id.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type PlanStartInput = z.input<typeof planStartInput>;

export const planUpdateInput = z
  .object({
    planId: id,
    coordinator: shortText(120).trim().min(1).optional(),
    partnerIds: z.array(id).max(50).optional(),
    consentDate: isoDate.nullable().optional(),
    consentScope: longText(2000).nullable().optional(),
    reviewIntervalMonths: interval.optional(),
  })
  .strict();
export type PlanUpdateInput = z.input<typeof planUpdateInput>;

export const actionInput = z
  .object({
    id: id.optional(),
    description: shortText(500).trim().min(1),
    partnerId: id.nullable().optional(),
    deadline: isoDate.nullable().optional(),
    status: actionStatus.default('planned'),
  })
  .strict();

export const areaSaveInput = z
  .object({
    planId: id,
    area: lifeArea,
    currentSituation: longText(4000).default(''),
    goal: longText(4000).default(''),
    progressNotes: longText(8000).default(''),
    /** Actions with an id are updated, without one added; actions left out are kept as they are. */
    actions: z.array(actionInput).max(50).default([]),
  })
  .strict();
export type AreaSaveInput = z.input<typeof areaSaveInput>;

export const reviewInput = z
  .object({
    planId: id,
    heldOn: isoDate,
    kind: reviewKind,
    trigger: reviewTrigger.optional(),
    partnerIds: z.array(id).max(50).default([]),
    participantsNote: shortText(500).default(''),
    changes: longText(8000).default(''),
    areas: z
      .array(z.object({ area: lifeArea, status: areaReviewStatus, note: longText(2000).default(''), newGoal: longText(4000).optional() }).strict())
      .max(10)
      .default([]),
  })
  .strict();
export type ReviewInput = z.input<typeof reviewInput>;

export const planEndInput = z
  .object({ planId: id, endDate: isoDate, reason: planEndReason, note: shortText(500).optional() })
  .strict();

export const followUpInput = z.object({ followUpId: id, outcome, recordedOn: isoDate }).strict();

/** The programme's SSP+ rules a vault can set (issue 19): the age band and the outcome window. */
export const sspPlusSettingsSchema = z
  .object({
    /** The band starts at this age in months (210 = 17½). */
    minAgeMonths: z.number().int().min(12 * 12).max(22 * 12),
    /** A plan starts before this birthday (25: "17½-24" in whole years). */
    maxAgeYears: z.number().int().min(18).max(30),
    /** A 3/6/12-month outcome can be recorded from this many days before it is due. */
    outcomeWindowDays: z.number().int().min(0).max(60),
  })
  .strict();
export type SspPlusSettings = z.infer<typeof sspPlusSettingsSchema>;

export const sspPlusContract = {
  'sspplus.overview': op(empty, overviewSchema),
  'sspplus.list': op(z.object({ status: z.enum(['active', 'ended', 'all']).default('active') }).strict(), z.array(planRowSchema)),
  'sspplus.candidates': op(z.object({ search: shortText(100).optional(), startDate: isoDate }).strict(), z.array(candidateSchema)),
  'sspplus.get': op(planId, planDetailSchema),
  'sspplus.start': op(planStartInput, planDetailSchema),
  'sspplus.update': op(planUpdateInput, planDetailSchema),
  'sspplus.saveArea': op(areaSaveInput, planDetailSchema),
  'sspplus.addReview': op(reviewInput, planDetailSchema),
  'sspplus.end': op(planEndInput, planDetailSchema),
  'sspplus.recordFollowUp': op(followUpInput, planDetailSchema),
  'sspplus.settings.get': op(empty, sspPlusSettingsSchema),
  'sspplus.settings.save': op(sspPlusSettingsSchema.partial().strict(), sspPlusSettingsSchema),
  'sspplus.partners.list': op(empty, z.array(sspPlusPartnerSchema)),
  'sspplus.partners.save': op(z.object({ id: id.optional(), name: shortText(80).trim().min(1), active: z.boolean().default(true) }).strict(), sspPlusPartnerSchema),
} as const;
