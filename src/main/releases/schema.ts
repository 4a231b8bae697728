import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { people } from '../cases/schema';

/**
 * Release coordination (den gode løsladelse): custody periods on a person, the release
 * meetings held about them with their checklist, participants and action items, and the
 * outcome follow-ups after the release. See shared/domain/release.ts for the timeline.
 */

/** Prisons, arresthuse, remand prisons and secure youth institutions: an editable list. */
export const custodyInstitutions = sqliteTable('custody_institutions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['prison', 'arresthus', 'remand', 'youth'] }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * One period of custody: a sentence served (afsoning) or remand (varetægt). The milestones
 * that are not derived from other rows (action plan, municipality contacted, parole decision)
 * are recorded here as the date each was done.
 */
export const custodyPeriods = sqliteTable(
  'custody_periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => people.id),
    institutionId: integer('institution_id').notNull().references(() => custodyInstitutions.id),
    type: text('type', { enum: ['afsoning', 'varetaegt'] }).notNull(),
    imprisonedOn: text('imprisoned_on').notNull(),
    expectedReleaseOn: text('expected_release_on'),
    paroleOn: text('parole_on'),
    releasedOn: text('released_on'),
    handleplanOn: text('handleplan_on'),
    municipalityContactedOn: text('municipality_contacted_on'),
    paroleDecisionOn: text('parole_decision_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('custody_person_idx').on(t.personId), index('custody_released_idx').on(t.releasedOn), index('custody_expected_idx').on(t.expectedReleaseOn)],
);

/** A release-coordination meeting (løsladelsesmøde) about one custody period. */
export const releaseMeetings = sqliteTable(
  'release_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    custodyId: integer('custody_id').notNull().references(() => custodyPeriods.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['planning', 'final', 'other'] }).notNull(),
    heldOn: text('held_on').notNull(),
    place: text('place'),
    /** Free-text minutes. Never audited or logged. */
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('release_meetings_custody_idx').on(t.custodyId, t.heldOn), index('release_meetings_held_idx').on(t.heldOn)],
);

/** Who took part, for which partner. */
export const releaseMeetingParticipants = sqliteTable(
  'release_meeting_participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id').notNull().references(() => releaseMeetings.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    partner: text('partner').notNull(),
    /** Title or organisation, e.g. "Tilsynsførende" or the pensionat's name. */
    organisation: text('organisation'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('release_participants_meeting_idx').on(t.meetingId)],
);

/** The meeting's checklist: one row per item code (shared/domain/release-checklist.ts). */
export const releaseChecklistItems = sqliteTable(
  'release_checklist_items',
  {
    meetingId: integer('meeting_id').notNull().references(() => releaseMeetings.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    status: text('status', { enum: ['arranged', 'in-progress', 'missing', 'not-relevant'] }).notNull(),
    owner: text('owner'),
    deadline: text('deadline'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.item] })],
);

/** Action items agreed at the meeting: what, who, by when, and when done. */
export const releaseActionItems = sqliteTable(
  'release_action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id').notNull().references(() => releaseMeetings.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    deadline: text('deadline'),
    doneOn: text('done_on'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** open, done (`doneOn` set) or dropped (with `dropReason`, closed on `droppedOn`). See src/shared/overview/actions.ts. */
    status: text('status', { enum: ['open', 'done', 'dropped'] }).notNull().default('open'),
    droppedOn: text('dropped_on'),
    dropReason: text('drop_reason'),
  },
  (t) => [index('release_actions_meeting_idx').on(t.meetingId), index('release_actions_deadline_idx').on(t.deadline)],
);

/**
 * Outcome follow-up at 3, 6 or 12 months after the actual release. Kept flat for the
 * semi-annual report: one row per custody period and milestone, with its due date (release +
 * months, kept in step when the release date is corrected), the outcome code (shared/domain/
 * sspplus OUTCOMES: uddannelse, job, aktivering, ingen, ukendt), new charge yes/no, and when
 * it was recorded.
 */
export const releaseFollowUps = sqliteTable(
  'release_followups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    custodyId: integer('custody_id').notNull().references(() => custodyPeriods.id, { onDelete: 'cascade' }),
    months: integer('months').notNull(),
    dueOn: text('due_on').notNull(),
    outcome: text('outcome', { enum: ['uddannelse', 'job', 'aktivering', 'ingen', 'ukendt'] }).notNull(),
    newCharge: integer('new_charge', { mode: 'boolean' }).notNull(),
    recordedOn: text('recorded_on').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('release_followups_one_per_milestone').on(t.custodyId, t.months), index('release_followups_due_idx').on(t.dueOn)],
);
