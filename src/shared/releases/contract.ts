import { z } from 'zod';
import { op, shortText, longText, isoDate, id, empty } from '../core/contract';
import {
  CHECKLIST_ITEM_CODES,
  CHECKLIST_STATUS_CODES,
  CUSTODY_TYPE_CODES,
  INSTITUTION_KIND_CODES,
  MILESTONE_KEYS,
  RECORDED_MILESTONES,
  RELEASE_MEETING_KIND_CODES,
  RELEASE_PARTNER_CODES,
} from './rules';
import { OUTCOME_CODES } from '../ssp-plus';

/**
 * Release coordination (den gode løsladelse): custody periods, their timeline, release
 * meetings with checklist and action items, and follow-ups at 3, 6 and 12 months.
 * Nothing here carries a CPR number: release screens and the printed summary never show one.
 */

const enumOf = <T extends string>(codes: readonly T[]) => z.enum(codes as [T, ...T[]]);

export const custodyType = enumOf(CUSTODY_TYPE_CODES);
export const institutionKind = enumOf(INSTITUTION_KIND_CODES);
export const releasePartner = enumOf(RELEASE_PARTNER_CODES);
export const releaseMeetingKind = enumOf(RELEASE_MEETING_KIND_CODES);
export const checklistItem = enumOf(CHECKLIST_ITEM_CODES);
export const checklistStatus = enumOf(CHECKLIST_STATUS_CODES);
export const followUpOutcome = enumOf(OUTCOME_CODES);
export const recordedMilestone = enumOf(RECORDED_MILESTONES);
export const milestoneKey = enumOf(MILESTONE_KEYS);
export const milestoneState = z.enum(['done', 'due', 'overdue', 'not-applicable', 'upcoming']);
export const followUpMonths = z.union([z.literal(3), z.literal(6), z.literal(12)]);

// ---- outputs ----

export const institutionSchema = z.object({ id, name: z.string(), kind: institutionKind, active: z.boolean(), sortOrder: z.number().int() }).strict();
export type Institution = z.infer<typeof institutionSchema>;

/** The young person as release screens show them: name, birth date and district, never the CPR number. */
export const releasePersonSchema = z
  .object({ id, firstName: z.string(), lastName: z.string(), birthDate: z.string(), district: z.string().nullable() })
  .strict();
export type ReleasePerson = z.infer<typeof releasePersonSchema>;

export const readinessSchema = z.object({ arranged: z.number().int(), relevant: z.number().int(), total: z.number().int() }).strict();
export type ReadinessOut = z.infer<typeof readinessSchema>;

export const milestoneSchema = z
  .object({
    key: milestoneKey,
    label: z.string(),
    dueOn: z.string().nullable(),
    windowStart: z.string().optional(),
    state: milestoneState,
    doneOn: z.string().optional(),
  })
  .strict();
export type MilestoneOut = z.infer<typeof milestoneSchema>;

export const followUpRecordSchema = z.object({ outcome: followUpOutcome, newCharge: z.boolean(), recordedOn: z.string() }).strict();
export const followUpSchema = z
  .object({ months: followUpMonths, dueOn: z.string().nullable(), state: milestoneState, record: followUpRecordSchema.nullable() })
  .strict();
export type FollowUpOut = z.infer<typeof followUpSchema>;

export const meetingSummarySchema = z
  .object({
    id,
    kind: releaseMeetingKind,
    heldOn: z.string(),
    place: z.string().nullable(),
    /** True when the date is today or earlier. */
    held: z.boolean(),
    participants: z.number().int(),
    openActions: z.number().int(),
    readiness: readinessSchema,
  })
  .strict();
export type ReleaseMeetingSummary = z.infer<typeof meetingSummarySchema>;

export const custodySummarySchema = z
  .object({
    id,
    type: custodyType,
    institution: z.string(),
    imprisonedOn: z.string(),
    plannedReleaseOn: z.string().nullable(),
    releasedOn: z.string().nullable(),
  })
  .strict();

export const custodyDetailSchema = z
  .object({
    id,
    person: releasePersonSchema,
    type: custodyType,
    institutionId: id,
    institution: z.string(),
    institutionKind,
    imprisonedOn: z.string(),
    expectedReleaseOn: z.string().nullable(),
    paroleOn: z.string().nullable(),
    releasedOn: z.string().nullable(),
    handleplanOn: z.string().nullable(),
    municipalityContactedOn: z.string().nullable(),
    paroleDecisionOn: z.string().nullable(),
    /** Parole date, else expected release; null when neither is known. */
    plannedReleaseOn: z.string().nullable(),
    longSentence: z.boolean(),
    timeline: z.array(milestoneSchema),
    meetings: z.array(meetingSummarySchema),
    /** The checklist of the latest meeting; null before the first. */
    readiness: readinessSchema.nullable(),
    followUps: z.array(followUpSchema),
    /** The person's other custody periods. */
    otherPeriods: z.array(custodySummarySchema),
  })
  .strict();
export type CustodyDetail = z.infer<typeof custodyDetailSchema>;

export const participantSchema = z.object({ name: z.string(), partner: releasePartner, organisation: z.string().nullable() }).strict();
export const checklistRowSchema = z
  .object({ item: checklistItem, status: checklistStatus, owner: z.string().nullable(), deadline: z.string().nullable(), note: z.string().nullable() })
  .strict();
export const actionSchema = z
  .object({ id, description: z.string(), owner: z.string(), deadline: z.string().nullable(), doneOn: z.string().nullable() })
  .strict();

export const meetingDetailSchema = z
  .object({
    id,
    custodyId: id,
    person: releasePersonSchema,
    institution: z.string(),
    custodyType,
    plannedReleaseOn: z.string().nullable(),
    releasedOn: z.string().nullable(),
    kind: releaseMeetingKind,
    heldOn: z.string(),
    place: z.string().nullable(),
    notes: z.string().nullable(),
    participants: z.array(participantSchema),
    /** Every checklist item, in the brief's order. */
    checklist: z.array(checklistRowSchema),
    actions: z.array(actionSchema),
    readiness: readinessSchema,
  })
  .strict();
export type ReleaseMeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingTemplateSchema = z
  .object({
    participants: z.array(participantSchema),
    checklist: z.array(checklistRowSchema),
    /** The meeting the template was copied from, if any. */
    fromMeetingId: z.number().int().nullable(),
  })
  .strict();
export type ReleaseMeetingTemplate = z.infer<typeof meetingTemplateSchema>;

const overviewPerson = { custodyId: id, person: releasePersonSchema, institution: z.string(), type: custodyType };
export const overviewSchema = z
  .object({
    today: z.string(),
    horizonDays: z.number().int(),
    /** Not yet released, planned release on or before today + horizonDays (overdue ones included). */
    upcoming: z.array(
      z
        .object({
          ...overviewPerson,
          plannedReleaseOn: z.string(),
          daysLeft: z.number().int(),
          releaseState: milestoneState,
          readiness: readinessSchema.nullable(),
          lastMeetingOn: z.string().nullable(),
          meetingState: milestoneState,
        })
        .strict(),
    ),
    /** Release meetings due (inside their window) or overdue, not yet held. */
    meetingsDue: z.array(z.object({ ...overviewPerson, windowStart: z.string().nullable(), dueOn: z.string(), state: milestoneState }).strict()),
    /** Follow-ups due or overdue and not recorded. */
    followUpsDue: z.array(
      z.object({ ...overviewPerson, releasedOn: z.string(), months: followUpMonths, dueOn: z.string(), state: milestoneState }).strict(),
    ),
  })
  .strict();
export type ReleasesOverview = z.infer<typeof overviewSchema>;

export const personHitSchema = z
  .object({ id, firstName: z.string(), lastName: z.string(), birthDate: z.string(), district: z.string().nullable(), caseNumber: z.string().nullable() })
  .strict();
export type ReleasePersonHit = z.infer<typeof personHitSchema>;

export const releaseSettingsSchema = z
  .object({
    /** The release meeting window: from this many months before release ... */
    meetingWindowFromMonths: z.number().int().min(1).max(24),
    /** ... to this many months before. */
    meetingWindowToMonths: z.number().int().min(0).max(23),
    /** A point milestone shows as due this many days ahead. */
    dueSoonDays: z.number().int().min(0).max(90),
    /** The overview lists releases this many days ahead. */
    upcomingDays: z.number().int().min(7).max(365),
  })
  .strict();
export type ReleaseSettings = z.infer<typeof releaseSettingsSchema>;

// ---- inputs ----

const optionalText = (max: number) => shortText(max).optional();

export const custodyFieldsInput = {
  institutionId: id,
  type: custodyType,
  imprisonedOn: isoDate,
};

export const participantInput = z
  .object({ name: shortText(120).trim().min(1), partner: releasePartner, organisation: optionalText(120) })
  .strict();
export const checklistInput = z
  .object({ item: checklistItem, status: checklistStatus, owner: optionalText(120), deadline: isoDate.optional(), note: longText(2000).optional() })
  .strict();
export const actionInput = z
  .object({ description: shortText(500).trim().min(1), owner: shortText(120).trim().min(1), deadline: isoDate.optional(), doneOn: isoDate.optional() })
  .strict();

export const meetingSaveInput = z
  .object({
    /** Leave out to create a meeting. */
    meetingId: id.optional(),
    custodyId: id,
    kind: releaseMeetingKind,
    heldOn: isoDate,
    place: optionalText(200),
    notes: longText(20_000).optional(),
    participants: z.array(participantInput).max(40),
    checklist: z
      .array(checklistInput)
      .max(CHECKLIST_ITEM_CODES.length)
      .refine((rows) => new Set(rows.map((r) => r.item)).size === rows.length, { message: 'Hvert punkt på tjeklisten må kun stå én gang' }),
    actions: z.array(actionInput).max(60),
  })
  .strict();
export type ReleaseMeetingSaveInput = z.input<typeof meetingSaveInput>;

const custodyId = z.object({ custodyId: id }).strict();
const meetingId = z.object({ meetingId: id }).strict();

export const releasesContract = {
  'releases.overview': op(z.object({ horizonDays: z.number().int().min(1).max(365).optional() }).strict(), overviewSchema),
  'releases.settings.get': op(empty, releaseSettingsSchema),
  'releases.settings.save': op(releaseSettingsSchema.partial().strict(), releaseSettingsSchema),

  'releases.institutions.list': op(empty, z.array(institutionSchema)),
  'releases.institutions.save': op(
    z
      .object({
        id: id.optional(),
        name: shortText(120).trim().min(1),
        kind: institutionKind,
        active: z.boolean().default(true),
        sortOrder: z.number().int().min(0).max(1000).default(0),
      })
      .strict(),
    institutionSchema,
  ),

  'releases.people.search': op(
    z.object({ search: shortText(100), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    z.array(personHitSchema),
  ),
  'releases.custody.listForPerson': op(z.object({ personId: id }).strict(), z.array(custodySummarySchema)),
  'releases.custody.get': op(custodyId, custodyDetailSchema),
  'releases.custody.create': op(
    z
      .object({
        personId: id,
        ...custodyFieldsInput,
        expectedReleaseOn: isoDate.optional(),
        paroleOn: isoDate.optional(),
        releasedOn: isoDate.optional(),
      })
      .strict(),
    custodyDetailSchema,
  ),
  'releases.custody.update': op(
    z
      .object({
        custodyId: id,
        ...custodyFieldsInput,
        expectedReleaseOn: isoDate.nullable(),
        paroleOn: isoDate.nullable(),
        releasedOn: isoDate.nullable(),
      })
      .strict(),
    custodyDetailSchema,
  ),
  'releases.custody.recordMilestone': op(
    z.object({ custodyId: id, milestone: recordedMilestone, doneOn: isoDate.nullable() }).strict(),
    custodyDetailSchema,
  ),
  'releases.custody.recordRelease': op(z.object({ custodyId: id, releasedOn: isoDate }).strict(), custodyDetailSchema),
  'releases.custody.delete': op(custodyId, z.object({ deleted: z.literal(true) }).strict()),

  'releases.meeting.template': op(custodyId, meetingTemplateSchema),
  'releases.meeting.get': op(meetingId, meetingDetailSchema),
  'releases.meeting.save': op(meetingSaveInput, meetingDetailSchema),
  'releases.meeting.delete': op(meetingId, z.object({ deleted: z.literal(true), custodyId: id }).strict()),

  'releases.followup.record': op(
    z.object({ custodyId: id, months: followUpMonths, outcome: followUpOutcome, newCharge: z.boolean(), recordedOn: isoDate }).strict(),
    custodyDetailSchema,
  ),
} as const;
