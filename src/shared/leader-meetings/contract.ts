import { z } from 'zod';
import { op, shortText, longText, isoDate, id, empty } from '../core/contract';
import { level, eventKind } from '../cases';
import { AGENDA_REASON_CODES, FORUM_KIND_CODES, MAX_AGENDA_LOOKBACK_DAYS, MIN_AGENDA_LOOKBACK_DAYS, PARTNER_CODES, PRIVACY_LEVEL_CODES } from './rules';

/**
 * Forums (ledergrupper, lokaludvalg) and their meetings. Data minimisation is part of the
 * contract: meeting views carry pseudonyms (initials and case number) only; a young person's name
 * crosses the boundary only through `meetings.revealCase` (audited) and in minutes of a forum whose
 * setting allows names. No operation here returns a CPR number.
 */

export const partner = z.enum(PARTNER_CODES as [string, ...string[]]);
export const forumKind = z.enum(FORUM_KIND_CODES as [string, ...string[]]);
export const agendaReason = z.enum(AGENDA_REASON_CODES as [string, ...string[]]);
export const privacyLevel = z.enum(PRIVACY_LEVEL_CODES as [string, ...string[]]);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Skriv tidspunktet som TT:MM');

// ---- forums ----
export const forumMemberInput = z
  .object({ id: id.optional(), name: shortText(120).trim().min(1), partner, title: shortText(120).optional() })
  .strict();
export const forumSaveInput = z
  .object({
    id: id.optional(),
    name: shortText(120).trim().min(1),
    kind: forumKind,
    districtIds: z.array(id).min(1).max(50),
    minutesShowNames: z.boolean().default(false),
    /** Left out: a new forum gets its kind's default (setting), an existing one keeps its level. */
    privacyLevel: privacyLevel.optional(),
    active: z.boolean().default(true),
    members: z.array(forumMemberInput).max(60).default([]),
  })
  .strict();
export type ForumSaveInput = z.input<typeof forumSaveInput>;

export const forumMemberSchema = z.object({ id, name: z.string(), partner, title: z.string().nullable() }).strict();
export const forumSchema = z
  .object({
    id,
    name: z.string(),
    kind: forumKind,
    districtIds: z.array(z.number()),
    districts: z.array(z.string()),
    minutesShowNames: z.boolean(),
    privacyLevel,
    active: z.boolean(),
    members: z.array(forumMemberSchema),
    meetingCount: z.number().int(),
  })
  .strict();
export type Forum = z.infer<typeof forumSchema>;

// ---- meetings ----
const agendaWindowSchema = z.object({ after: z.string(), through: z.string() }).strict();

export const meetingSummarySchema = z
  .object({
    id,
    forumId: z.number(),
    forumName: z.string(),
    heldOn: z.string(),
    startsAt: z.string().nullable(),
    location: z.string().nullable(),
    caseCount: z.number().int(),
    decidedCount: z.number().int(),
  })
  .strict();
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const attendeeSchema = z.object({ id, memberId: z.number().nullable(), name: z.string(), partner, guest: z.boolean() }).strict();
export const actionSchema = z.object({ id, description: z.string(), partner, deadline: z.string() }).strict();
export const decisionSchema = z
  .object({
    id,
    levelBefore: level,
    levelAfter: level.nullable(),
    levelReason: z.string().nullable(),
    nextReviewOn: z.string().nullable(),
    note: z.string().nullable(),
    actions: z.array(actionSchema),
    actor: z.string(),
    createdAt: z.string(),
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;

/** A case as the meeting sees it: pseudonym, never the name. */
export const agendaCaseSchema = z
  .object({
    caseId: id,
    caseNumber: z.string(),
    pseudonym: z.string(),
    age: z.number().int(),
    district: z.string().nullable(),
    level,
    status: z.enum(['open', 'closed']),
    openedOn: z.string(),
    nextReviewOn: z.string().nullable(),
  })
  .strict();

/** A youth group on the agenda: its name (no personal data by rule) and its cases as the meeting sees them. */
export const agendaGroupSchema = z.object({ groupId: id, name: z.string(), cases: z.array(agendaCaseSchema) }).strict();

export const agendaItemSchema = z
  .object({
    id,
    position: z.number().int(),
    kind: z.enum(['case', 'point', 'group']),
    /** A point's title; a group's name. */
    title: z.string().nullable(),
    note: z.string().nullable(),
    reasons: z.array(agendaReason),
    case: agendaCaseSchema.nullable(),
    /** Set on a 'group' item. */
    group: agendaGroupSchema.nullable().optional(),
    decision: decisionSchema.nullable(),
  })
  .strict();
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingDetailSchema = z
  .object({
    id,
    forum: z.object({ id, name: z.string(), kind: forumKind, minutesShowNames: z.boolean(), privacyLevel, districtIds: z.array(z.number()), members: z.array(forumMemberSchema) }).strict(),
    /** The meeting's own privacy level, or null when it follows the forum's. */
    privacyLevel: privacyLevel.nullable(),
    heldOn: z.string(),
    startsAt: z.string().nullable(),
    location: z.string().nullable(),
    previousMeetingOn: z.string().nullable(),
    window: agendaWindowSchema,
    attendees: z.array(attendeeSchema),
    agenda: z.array(agendaItemSchema),
  })
  .strict();
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const guestInput = z.object({ name: shortText(120).trim().min(1), partner }).strict();
const meetingFields = {
  heldOn: isoDate,
  startsAt: clock.optional(),
  location: shortText(160).optional(),
  memberIds: z.array(id).max(60).default([]),
  guests: z.array(guestInput).max(30).default([]),
  /** The meeting's own privacy level; null (or left out when creating) follows the forum. */
  privacyLevel: privacyLevel.nullable().optional(),
};

export const agendaItemInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), caseId: id }).strict(),
  z.object({ kind: z.literal('point'), id: id.optional(), title: shortText(200).trim().min(1), note: longText(4000).optional() }).strict(),
  z.object({ kind: z.literal('group'), groupId: id, note: longText(4000).optional() }).strict(),
]);
export type AgendaItemInput = z.input<typeof agendaItemInput>;

export const proposalSchema = z
  .object({
    window: agendaWindowSchema,
    items: z.array(z.object({ caseId: id, reasons: z.array(agendaReason), onAgenda: z.boolean(), case: agendaCaseSchema }).strict()),
  })
  .strict();
export type AgendaProposal = z.infer<typeof proposalSchema>;

export const decisionInput = z
  .object({
    meetingId: id,
    caseId: id,
    levelChange: z.object({ level, reason: shortText(500).trim().min(1) }).strict().optional(),
    actions: z
      .array(z.object({ description: shortText(500).trim().min(1), partner, deadline: isoDate }).strict())
      .max(20)
      .default([]),
    nextReviewOn: isoDate.optional(),
    note: longText(4000).trim().optional(),
  })
  .strict();
export type DecisionInput = z.input<typeof decisionInput>;

// ---- projection and reveal ----
export const projectionCaseSchema = z
  .object({
    caseId: id,
    /** The label at the meeting's privacy level: initials and case number, or the case number alone. */
    pseudonym: z.string(),
    /** Exact age only at the 'initials' level; otherwise null and `ageBand` is set. */
    age: z.number().int().nullable(),
    ageBand: z.string().nullable(),
    district: z.string().nullable(),
    level,
    lastLevelChange: z.object({ changedOn: z.string(), level, previousLevel: level.nullable() }).strict().nullable(),
    eventCounts: z.array(z.object({ kind: eventKind, count: z.number().int() }).strict()),
    reasons: z.array(agendaReason),
    decided: z.boolean(),
    /** The person's latest SSP+ plan: active since its start, or ended on its end date; null without one. */
    sspPlus: z.object({ status: z.enum(['active', 'ended']), date: z.string() }).strict().nullable(),
    /**
     * Release coordination: in custody (with the expected release date, if known), or released
     * within the last 12 months (the follow-up horizon); null otherwise.
     */
    release: z.object({ status: z.enum(['in-custody', 'released']), date: z.string().nullable() }).strict().nullable(),
  })
  .strict();
/** A case of a youth group on the shared screen: the label at the meeting's privacy level, never a name. */
export const projectionGroupCaseSchema = z
  .object({ pseudonym: z.string(), age: z.number().int().nullable(), ageBand: z.string().nullable(), district: z.string().nullable(), level })
  .strict();
export const projectionSchema = z
  .object({
    meetingId: id,
    forumName: z.string(),
    heldOn: z.string(),
    privacyLevel,
    window: agendaWindowSchema,
    items: z.array(
      z
        .object({
          id,
          position: z.number().int(),
          kind: z.enum(['case', 'point', 'group']),
          title: z.string().nullable(),
          case: projectionCaseSchema.nullable(),
          group: z.object({ cases: z.array(projectionGroupCaseSchema) }).strict().nullable().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type Projection = z.infer<typeof projectionSchema>;

export const revealedCaseSchema = z
  .object({
    caseId: id,
    firstName: z.string(),
    lastName: z.string(),
    school: z.string().nullable(),
    coordinator: z.string().nullable(),
    lastLevelReason: z.string().nullable(),
    events: z.array(z.object({ kind: eventKind, occurredOn: z.string(), offenceCategory: z.string().nullable(), effortName: z.string().nullable(), description: z.string().nullable() }).strict()),
  })
  .strict();
export type RevealedCase = z.infer<typeof revealedCaseSchema>;

// ---- minutes ----
export const minutesSchema = z
  .object({
    meetingId: id,
    forumName: z.string(),
    forumKind,
    heldOn: z.string(),
    startsAt: z.string().nullable(),
    location: z.string().nullable(),
    showNames: z.boolean(),
    privacyLevel,
    attendees: z.array(z.object({ name: z.string(), partner, guest: z.boolean() }).strict()),
    items: z.array(
      z
        .object({
          position: z.number().int(),
          kind: z.enum(['case', 'point', 'group']),
          title: z.string().nullable(),
          note: z.string().nullable(),
          /** The pseudonym, or name and case number where the forum allows names. */
          caseLabel: z.string().nullable(),
          /** A group item's cases, labelled as caseLabel is. */
          groupCaseLabels: z.array(z.string()).optional(),
          level: level.nullable(),
          decision: decisionSchema.nullable(),
        })
        .strict(),
    ),
    preparedBy: z.string(),
  })
  .strict();
export type Minutes = z.infer<typeof minutesSchema>;

export const caseActionSchema = z
  .object({ id, meetingId: z.number(), heldOn: z.string(), forumName: z.string(), description: z.string(), partner, deadline: z.string() })
  .strict();

const meetingId = z.object({ meetingId: id }).strict();
const lookbackDays = z.number().int().min(MIN_AGENDA_LOOKBACK_DAYS).max(MAX_AGENDA_LOOKBACK_DAYS);
/** Per forum kind: the most private level its terms of reference allow, which a new forum starts at. */
const privacyDefaultsSchema = z.object({ 'leader-group': privacyLevel, 'local-committee': privacyLevel }).strict();
const meetingSettingsSchema = z.object({ agendaLookbackDays: lookbackDays, privacyDefaults: privacyDefaultsSchema }).strict();
const meetingSettingsInput = z.object({ agendaLookbackDays: lookbackDays.optional(), privacyDefaults: privacyDefaultsSchema.optional() }).strict();
export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;

export const leaderMeetingsContract = {
  'forums.list': op(empty, z.array(forumSchema)),
  'forums.save': op(forumSaveInput, forumSchema),

  'meetings.settings': op(empty, meetingSettingsSchema),
  'meetings.saveSettings': op(meetingSettingsInput, meetingSettingsSchema),

  'meetings.list': op(z.object({ forumId: id.optional() }).strict(), z.array(meetingSummarySchema)),
  'meetings.get': op(meetingId, meetingDetailSchema),
  'meetings.create': op(z.object({ forumId: id, ...meetingFields, proposeAgenda: z.boolean().default(true) }).strict(), meetingDetailSchema),
  'meetings.update': op(z.object({ meetingId: id, ...meetingFields }).strict(), meetingDetailSchema),
  'meetings.delete': op(meetingId, z.object({ deleted: z.literal(true) }).strict()),
  'meetings.proposeAgenda': op(meetingId, proposalSchema),
  'meetings.saveAgenda': op(z.object({ meetingId: id, items: z.array(agendaItemInput).max(200) }).strict(), meetingDetailSchema),
  'meetings.decide': op(decisionInput, meetingDetailSchema),

  'meetings.projection': op(meetingId, projectionSchema),
  'meetings.revealCase': op(z.object({ meetingId: id, caseId: id }).strict(), revealedCaseSchema),
  'meetings.minutes': op(meetingId, minutesSchema),
  'meetings.caseActions': op(z.object({ caseId: id }).strict(), z.array(caseActionSchema)),
} as const;
