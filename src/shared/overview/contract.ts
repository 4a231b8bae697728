import { z } from 'zod';
import { op, shortText, isoDate, id, empty } from '../core/contract';
import { level } from '../cases';
import { ACTION_SOURCES, ACTION_STATUSES } from './actions';
import { MAX_INACTIVE_WEEKS, MIN_INACTIVE_WEEKS, OVERVIEW_BUCKETS, OVERVIEW_KINDS } from './rules';

/**
 * Overblik (the first screen after unlocking) and the programme's actions. Overblik carries the
 * young person's name (it is the coordinator's own worklist, like SSP+'s overview) and never a
 * CPR number.
 */
export const actionSource = z.enum(ACTION_SOURCES);
export const actionStatus = z.enum(ACTION_STATUSES);
export const overviewBucket = z.enum(OVERVIEW_BUCKETS);
export const overviewKind = z.enum(OVERVIEW_KINDS);

export const actionSchema = z
  .object({
    source: actionSource,
    id,
    caseId: id.nullable(),
    description: z.string(),
    /** A partner code (meetings, case actions) or the responsible person's name (release meetings). */
    partner: z.string(),
    /** The partner's name for display (the code's label, or the owner's name as written). */
    partnerLabel: z.string(),
    deadline: z.string().nullable(),
    status: actionStatus,
    closedOn: z.string().nullable(),
    dropReason: z.string().nullable(),
    /** Where it was agreed: the meeting's forum or 'release meeting', and its date; null for a case action. */
    origin: z.object({ kind: z.enum(['meeting', 'release']), meetingId: id, custodyId: id.nullable(), heldOn: z.string(), forumName: z.string().nullable() }).strict().nullable(),
  })
  .strict();
export type ActionView = z.infer<typeof actionSchema>;

export const actionRef = z.object({ source: actionSource, id }).strict();

export const actionAddInput = z
  .object({ caseId: id, description: shortText(500).trim().min(1), partner: shortText(120).trim().min(1), deadline: isoDate })
  .strict();

export const actionStatusInput = z
  .object({ source: actionSource, id, status: actionStatus, reason: shortText(500).trim().min(1).optional() })
  .strict()
  .refine((v) => v.status !== 'dropped' || !!v.reason, { message: 'Skriv hvorfor handlingen droppes', path: ['reason'] });

/** Where an item is done: a case, an SSP+ plan or a custody period (the renderer maps it to a screen). */
export const overviewTarget = z.discriminatedUnion('kind', [
  /** `panel`: the part of the case screen where it is done (the Exit panel for an Exit follow-up). */
  z.object({ kind: z.literal('case'), caseId: id, panel: z.literal('exit').optional() }).strict(),
  z.object({ kind: z.literal('plan'), planId: id }).strict(),
  z.object({ kind: z.literal('custody'), custodyId: id }).strict(),
]);
export type OverviewTarget = z.infer<typeof overviewTarget>;

export const overviewItemSchema = z
  .object({
    key: z.string(),
    kind: overviewKind,
    bucket: overviewBucket,
    dueOn: z.string(),
    personName: z.string(),
    caseNumber: z.string().nullable(),
    /** What: the action's text, the milestone, or null when the kind says it all. */
    detail: z.string().nullable(),
    /** The action's partner code or owner, when the item is an action. */
    partner: z.string().nullable(),
    coordinator: z.string().nullable(),
    target: overviewTarget,
    /** Set for actions: they can be marked done from Overblik. */
    action: actionRef.nullable(),
  })
  .strict();
export type OverviewItem = z.infer<typeof overviewItemSchema>;

const range = z.object({ from: z.string(), to: z.string() }).strict();
const counts = z.object({ overdue: z.number().int(), thisWeek: z.number().int(), nextWeek: z.number().int() }).strict();

export const overviewInput = z
  .object({
    scope: z.enum(['mine', 'all']).default('mine'),
    inactiveWeeks: z.number().int().min(MIN_INACTIVE_WEEKS).max(MAX_INACTIVE_WEEKS).optional(),
  })
  .strict();
export type OverviewInput = z.input<typeof overviewInput>;

export const overviewSchema = z
  .object({
    today: z.string(),
    me: z.string(),
    scope: z.enum(['mine', 'all']),
    inactiveWeeks: z.number().int(),
    thisWeek: range,
    nextWeek: range,
    counts,
    countsByKind: z.record(z.string(), counts),
    items: z.array(overviewItemSchema),
    /** True when the vault holds no open case at all (a new vault): the screen says how to start. */
    emptyVault: z.boolean(),
  })
  .strict();
export type Overview = z.infer<typeof overviewSchema>;

export const caseloadSchema = z
  .object({
    scope: z.enum(['mine', 'all']),
    /** The last 12 months, oldest first: open cases at each month's end (today for this month) by level. */
    months: z.array(z.object({ month: z.string(), levels: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]) }).strict()),
  })
  .strict();
export type Caseload = z.infer<typeof caseloadSchema>;

/** What Overblik remembers between sessions (per vault). */
export const overviewPrefsSchema = z
  .object({ scope: z.enum(['mine', 'all']), inactiveWeeks: z.number().int().min(MIN_INACTIVE_WEEKS).max(MAX_INACTIVE_WEEKS), hiddenKinds: z.array(overviewKind).max(OVERVIEW_KINDS.length) })
  .strict();
export type OverviewPrefs = z.infer<typeof overviewPrefsSchema>;

/** Badges for the case page: the same young person's SSP+ plan and custody periods. */
export const caseLinksSchema = z
  .object({
    plans: z.array(z.object({ planId: id, status: z.enum(['active', 'ended']), startDate: z.string(), endDate: z.string().nullable() }).strict()),
    custody: z.array(z.object({ custodyId: id, imprisonedOn: z.string(), releasedOn: z.string().nullable() }).strict()),
    /** The case's district's forum (ledergruppe for levels 3-4, lokaludvalg for 1-2) and its next meeting. */
    forums: z.array(z.object({ forumId: id, name: z.string(), kind: z.string(), nextMeeting: z.object({ meetingId: id, heldOn: z.string(), onAgenda: z.boolean() }).strict().nullable() }).strict()),
  })
  .strict();
export type CaseLinks = z.infer<typeof caseLinksSchema>;

export const overviewContract = {
  'overview.get': op(overviewInput, overviewSchema),
  'overview.caseload': op(z.object({ scope: z.enum(['mine', 'all']).default('mine') }).strict(), caseloadSchema),
  'overview.prefs': op(empty, overviewPrefsSchema),
  'overview.savePrefs': op(overviewPrefsSchema, overviewPrefsSchema),
  'overview.caseLinks': op(z.object({ caseId: id, level: level.optional() }).strict(), caseLinksSchema),
  /** "Sæt på næste møde": the case onto a meeting's agenda (kept as it is when already there). */
  'overview.addToMeeting': op(z.object({ caseId: id, meetingId: id }).strict(), z.object({ meetingId: id, added: z.boolean() }).strict()),
  'actions.forCase': op(z.object({ caseId: id }).strict(), z.array(actionSchema)),
  'actions.add': op(actionAddInput, actionSchema),
  'actions.setStatus': op(actionStatusInput, actionSchema),
} as const;
