import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { cases, caseLevelChanges, caseNotes, districts, youthGroups } from '../cases/schema';

/** SSP forums: ledergrupper (levels 3-4) and lokaludvalg (levels 1-2), each for one or more districts. */
export const forums = sqliteTable('forums', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['leader-group', 'local-committee'] }).notNull(),
  /** Whether the minutes of this forum's meetings may show the young people's names. Default no. */
  minutesShowNames: integer('minutes_show_names', { mode: 'boolean' }).notNull().default(false),
  /**
   * How cases appear on the shared screen and in minutes without names (shared PRIVACY_LEVELS).
   * Forums made before the levels existed keep what they showed ('initials'); a new forum gets
   * its kind's default from the setting `meetings.privacyDefaults`.
   */
  privacyLevel: text('privacy_level', { enum: ['initials', 'age-band', 'case-number'] }).notNull().default('initials'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const forumDistricts = sqliteTable(
  'forum_districts',
  {
    forumId: integer('forum_id').notNull().references(() => forums.id, { onDelete: 'cascade' }),
    districtId: integer('district_id').notNull().references(() => districts.id),
  },
  (t) => [primaryKey({ columns: [t.forumId, t.districtId] })],
);

/** The professionals who sit in a forum, each for a partner (SOF, BUF, Politi ...). */
export const forumMembers = sqliteTable(
  'forum_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    forumId: integer('forum_id').notNull().references(() => forums.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    partner: text('partner').notNull(),
    title: text('title'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('forum_members_forum_idx').on(t.forumId)],
);

/** A meeting of a forum on a date. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    forumId: integer('forum_id').notNull().references(() => forums.id),
    heldOn: text('held_on').notNull(),
    startsAt: text('starts_at'),
    location: text('location'),
    /** This meeting's own privacy level, or null: the forum's. */
    privacyLevel: text('privacy_level', { enum: ['initials', 'age-band', 'case-number'] }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('meetings_one_per_forum_day').on(t.forumId, t.heldOn)],
);

/** Who attended: a forum member (name and partner copied, so minutes survive member edits) or a guest. */
export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').references(() => forumMembers.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    partner: text('partner').notNull(),
    guest: integer('guest', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('meeting_attendees_meeting_idx').on(t.meetingId)],
);

/** The agenda: cases (with the codes of why they were proposed), youth groups and free points, in order. */
export const meetingAgendaItems = sqliteTable(
  'meeting_agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['case', 'point', 'group'] }).notNull(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    /** A youth group discussed as one item (its cases shown pseudonymised). */
    groupId: integer('group_id').references(() => youthGroups.id, { onDelete: 'cascade' }),
    /** A free point's title. */
    title: text('title'),
    /** Comma-separated agenda reason codes ('review-due,charged'); empty when added by hand. */
    reasons: text('reasons').notNull().default(''),
    /** What was said under a free point, for the minutes. */
    pointNote: text('point_note'),
  },
  (t) => [index('agenda_meeting_idx').on(t.meetingId, t.position), uniqueIndex('agenda_one_case_per_meeting').on(t.meetingId, t.caseId),
    uniqueIndex('agenda_one_group_per_meeting').on(t.meetingId, t.groupId),
  ],
);

/** A decision on one agenda case, applied to the case in the same transaction. */
export const meetingDecisions = sqliteTable(
  'meeting_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id').notNull().references(() => meetings.id),
    agendaItemId: integer('agenda_item_id').notNull().references(() => meetingAgendaItems.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    levelBefore: integer('level_before').notNull(),
    /** The decided level, or null when the level was kept. */
    levelAfter: integer('level_after'),
    levelReason: text('level_reason'),
    levelChangeId: integer('level_change_id').references(() => caseLevelChanges.id, { onDelete: 'set null' }),
    nextReviewOn: text('next_review_on'),
    /** The note as written at the meeting (the journal note also summarises the whole decision). */
    note: text('note'),
    noteId: integer('note_id').references(() => caseNotes.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('decisions_one_per_item').on(t.agendaItemId), index('decisions_case_idx').on(t.caseId)],
);

/** Actions agreed at a meeting: what, which partner is responsible, by when. */
export const meetingActions = sqliteTable(
  'meeting_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    decisionId: integer('decision_id').notNull().references(() => meetingDecisions.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id').notNull().references(() => meetings.id),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    partner: text('partner').notNull(),
    deadline: text('deadline').notNull(),
    /** open, done or dropped (with `dropReason`); `closedOn` is the programme date it was closed. See src/shared/overview/actions.ts. */
    status: text('status', { enum: ['open', 'done', 'dropped'] }).notNull().default('open'),
    closedOn: text('closed_on'),
    dropReason: text('drop_reason'),
  },
  (t) => [index('actions_case_idx').on(t.caseId, t.deadline), index('actions_open_deadline_idx').on(t.status, t.deadline)],
);
