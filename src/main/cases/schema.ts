import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Districts (bydele): data, not code. Seeded with Copenhagen's ten; editable in settings. `code` is
 * the district's stable identity in report files (a rename does not change it); `areas` the city
 * areas it covers, comma-separated: a bydel's code for the whole bydel ('amager-vest'), or
 * 'bydel/part' for a part of one ('amager-vest/distrikt-15'); '' when not mapped.
 */
export const districts = sqliteTable('districts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  code: text('code').unique(),
  areas: text('areas').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Efforts (indsatser) offered on cases: an editable list. */
export const efforts = sqliteTable('efforts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** A young person. `searchName` is the normalised full name (Unicode-aware lower case) for search. */
export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    searchName: text('search_name').notNull(),
    /** Sort key in Danish alphabetical order (æ, ø, å after z), see shared/domain/names. */
    sortName: text('sort_name').notNull(),
    /** Normalised DDMMYY-SSSS, or null. Unique: one CPR number belongs to one person. */
    cpr: text('cpr').unique(),
    birthDate: text('birth_date').notNull(),
    sex: text('sex', { enum: ['M', 'K', 'unknown'] }).notNull(),
    sexFromCpr: integer('sex_from_cpr', { mode: 'boolean' }).notNull().default(false),
    districtId: integer('district_id').references(() => districts.id),
    school: text('school'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Set when retention removed the personal data; the row stays as an anonymous statistical stub. */
    anonymisedAt: text('anonymised_at'),
  },
  // Birth date with the name (issue 17): Overblik's birthday windows read the names from the index
  // alone. Serves every birth-date range the plain birth-date index served (it replaces it).
  (t) => [
    index('people_birth_name_idx').on(t.birthDate, t.firstName, t.lastName),
    index('people_sort_idx').on(t.sortName),
    // What the semi-annual report reads of every person (semiannual-report/timeline.ts), read from
    // the index alone: a few hundred pages instead of the whole table with names and notes.
    index('people_report_idx').on(t.districtId, t.sex, t.birthDate),
  ],
);

/** Guardians and other contacts of a person. */
export const contacts = sqliteTable('contacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  relation: text('relation').notNull(),
  phone: text('phone'),
});

/**
 * An individual SSP case (enkeltsag). The current level and status are kept on the row for fast
 * lists; the truth over time is in case_level_changes and case_status_changes.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseNumber: text('case_number').notNull().unique(),
    externalRef: text('external_ref'),
    personId: integer('person_id').notNull().references(() => people.id),
    districtId: integer('district_id').references(() => districts.id),
    coordinator: text('coordinator'),
    forum: text('forum').notNull(),
    level: integer('level').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    openedOn: text('opened_on').notNull(),
    nextReviewOn: text('next_review_on'),
    closedOn: text('closed_on'),
    closingReason: text('closing_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Set when retention removed the personal data; the row stays as an anonymous statistical stub. */
    anonymisedAt: text('anonymised_at'),
    /**
     * The date of the case's latest activity: the latest of its opening, events, level changes and
     * notes (a note on its Copenhagen date). Kept by triggers (migration 0021), never written by
     * code: Overblik's "no activity for N weeks" reads it from an index instead of three
     * subqueries per open case.
     */
    lastActivityOn: text('last_activity_on'),
  },
  (t) => [
    // At most one open case per person.
    uniqueIndex('cases_one_open_per_person').on(t.personId).where(sql`status = 'open'`),
    // anonymised_at last: the case list (which leaves out retention stubs) counts from this index
    // alone, and the meetings agenda (status, level, district) still uses its prefix.
    index('cases_list_idx').on(t.status, t.level, t.districtId, t.anonymisedAt),
    index('cases_review_idx').on(t.nextReviewOn),
    // A person's cases; with the columns the semi-annual report reads of every case, so its
    // timeline (semiannual-report/timeline.ts) reads this index alone, not the wide table.
    index('cases_person_idx').on(t.personId, t.openedOn, t.level, t.districtId),
    // The case list's default view and sorts: (status, not anonymised) then the sort column, so a
    // page is read in order from the index and a count never touches the table. See BENCHMARKS.md.
    index('cases_active_idx').on(t.status, t.anonymisedAt, t.caseNumber),
    index('cases_active_review_idx').on(t.status, t.anonymisedAt, t.nextReviewOn),
    index('cases_active_opened_idx').on(t.status, t.anonymisedAt, t.openedOn),
    // The coordinator filter, and the list of coordinators (one seek per name).
    index('cases_coordinator_idx').on(t.coordinator),
    // Overblik: open cases by last activity, counted and paged from the index.
    index('cases_active_activity_idx').on(t.status, t.anonymisedAt, t.lastActivityOn),
    // Overblik "mine": one coordinator's open cases by review date and by last activity, counted
    // and paged from the index alone (through cases_coordinator_idx each count read every row).
    // Partial on the literal open-case condition, so that only queries that say it (Overblik's,
    // which name the index) can use them: the case list's status is a parameter.
    index('cases_open_coordinator_review_idx').on(t.coordinator, t.nextReviewOn).where(sql`status = 'open' AND anonymised_at IS NULL`),
    index('cases_open_coordinator_activity_idx').on(t.coordinator, t.lastActivityOn).where(sql`status = 'open' AND anonymised_at IS NULL`),
    // Overblik's birthday windows (issue 17): a person's open case with what the items show, from the
    // index alone (SQLite counts a partial index as covering only if it holds the WHERE's columns too).
    index('cases_open_person_cover_idx')
      .on(t.personId, t.status, t.anonymisedAt, t.level, t.caseNumber, t.coordinator)
      .where(sql`status = 'open' AND anonymised_at IS NULL`),
  ],
);

/** Level history: each change dated, with reason and deciding forum (and meeting, when decided there). */
export const caseLevelChanges = sqliteTable(
  'case_level_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    changedOn: text('changed_on').notNull(),
    level: integer('level').notNull(),
    reason: text('reason').notNull(),
    forum: text('forum').notNull(),
    meetingId: integer('meeting_id'),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  // With the level: the report's timeline reads the whole history from the index alone (the
  // table holds the reasons too, four times the pages).
  (t) => [index('level_changes_case_idx').on(t.caseId, t.changedOn, t.level)],
);

/**
 * District history: from `changedOn` on, the case belongs to `districtId` (the case's own
 * district, or its person's when the case has none; null: no district). One row when the case is
 * opened, one more each time that district changes (dated the day it was recorded). Reports of a
 * period count a case in the district it belonged to then, so a past half-year's numbers stay as
 * they were when someone moves. A case without rows (made before this table) is in its district.
 */
export const caseDistrictChanges = sqliteTable(
  'case_district_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    districtId: integer('district_id').references(() => districts.id),
    changedOn: text('changed_on').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('district_changes_case_idx').on(t.caseId, t.changedOn, t.districtId)],
);

/** Status history: opened, closed (with reason), reopened. Reports count from here. */
export const caseStatusChanges = sqliteTable(
  'case_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['opened', 'closed', 'reopened'] }).notNull(),
    changedOn: text('changed_on').notNull(),
    closingReason: text('closing_reason'),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('status_changes_case_idx').on(t.caseId, t.changedOn, t.kind)],
);

/** Dated events: concerns, charges, interviews, remand appearances, efforts. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredOn: text('occurred_on').notNull(),
    offenceCategory: text('offence_category'),
    effortId: integer('effort_id').references(() => efforts.id),
    description: text('description'),
    meetingId: integer('meeting_id'),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('events_case_idx').on(t.caseId, t.occurredOn),
    // With the case and the offence category: the report reads a half-year's charges, interviews
    // and remand appearances from the index alone (semiannual-report/timeline.ts eventsIn).
    index('events_kind_date_idx').on(t.kind, t.occurredOn, t.caseId, t.offenceCategory),
    // One case's events of a kind in a window (charges for the meeting agenda and its demo data):
    // without it, and before the planner has statistics, SQLite reads every charge in the window
    // for every case (1.4 s instead of 0.09 s per district at 20,000 cases). See BENCHMARKS.md.
    index('events_case_kind_idx').on(t.caseId, t.kind, t.occurredOn),
  ],
);

/** Journal notes: append-only. A correction is a new note pointing at the one it corrects. */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
    writtenAt: text('written_at').notNull(),
    text: text('text').notNull(),
    correctsNoteId: integer('corrects_note_id').references((): AnySQLiteColumn => caseNotes.id),
    meetingId: integer('meeting_id'),
  },
  (t) => [index('notes_case_idx').on(t.caseId)],
);

/**
 * The import's column mappings, remembered by the sheet's headers (normalised, in order), so the
 * next file with the same headers is mapped the same way. Holds header texts and field codes only.
 */
export const importMappings = sqliteTable('import_mappings', {
  headersKey: text('headers_key').primaryKey(),
  /** JSON: [{ column, field }] with field an import field code or 'ignore'. */
  mapping: text('mapping').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Exit courses (exitforløb) of a young person: which programme, start, end (at most three years
 * after the start), the contact person, status. The 24-month follow-up is computed from the end
 * date and the person's charges (src/shared/cases/exit.ts), not stored.
 */
export const exitCourses = sqliteTable(
  'exit_courses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => people.id),
    programme: text('programme', { enum: ['national', 'kk-18-25', 'exit-17'] }).notNull(),
    startOn: text('start_on').notNull(),
    endOn: text('end_on'),
    contactPerson: text('contact_person').notNull(),
    status: text('status', { enum: ['active', 'completed', 'interrupted'] }).notNull(),
    /** The day the follow-up 24 months after the end was recorded as done (Overblik lists it until then). */
    followUpRecordedOn: text('follow_up_recorded_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('exit_courses_person_idx').on(t.personId), index('exit_courses_dates_idx').on(t.startOn, t.endOn)],
);

/** Youth groups (ungegrupperinger): a name without personal data, linking cases. */
export const youthGroups = sqliteTable('youth_groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const youthGroupMembers = sqliteTable(
  'youth_group_members',
  {
    groupId: integer('group_id').notNull().references(() => youthGroups.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    addedOn: text('added_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.caseId] }), index('youth_group_members_case_idx').on(t.caseId)],
);

/**
 * Handovers sent from this vault (issue 21): one row per case of the handed-over person. While a
 * row's state is not 'refused' the person and everything about them is read-only here (triggers
 * of migration 0023 refuse every write; src/main/cases/handover-lock.ts turns that into a Danish
 * message). 'pending': sent, awaiting the receipt; 'accepted': the recipient took it and the
 * personal data left this vault; 'kept': accepted, kept read-only here; 'refused': editable again.
 * The reports count the case here only before `handoverDate` (unless refused).
 */
export const caseHandovers = sqliteTable(
  'case_handovers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    personId: integer('person_id').notNull().references(() => people.id),
    bundleId: text('bundle_id').notNull(),
    recipientFingerprint: text('recipient_fingerprint').notNull(),
    handoverDate: text('handover_date').notNull(),
    state: text('state', { enum: ['pending', 'accepted', 'kept', 'refused'] }).notNull(),
    createdAt: text('created_at').notNull(),
    settledAt: text('settled_at'),
  },
  (t) => [uniqueIndex('case_handovers_bundle_case').on(t.bundleId, t.caseId), index('case_handovers_person_idx').on(t.personId, t.state), index('case_handovers_case_idx').on(t.caseId, t.state)],
);

/**
 * Present (one row) only inside the transaction that settles a handover: the lock triggers let
 * that transaction scrub the handed-over person as retention does. Never left behind: the row is
 * inserted and deleted in the same transaction.
 */
export const handoverUnlock = sqliteTable('handover_unlock', {
  id: integer('id').primaryKey(),
});

/**
 * Handover bundles received into this vault (issue 21), by bundle id: importing the same bundle
 * twice finds its row and writes nothing. The reports count the received cases here from
 * `handoverDate` on (before it, the sender's vault counts them). Ids and the sender's fingerprint only.
 */
export const handoverImports = sqliteTable('handover_imports', {
  bundleId: text('bundle_id').primaryKey(),
  personId: integer('person_id').notNull().references(() => people.id),
  /** JSON array of the new case ids here. */
  caseIds: text('case_ids').notNull(),
  senderFingerprint: text('sender_fingerprint').notNull(),
  handoverDate: text('handover_date').notNull(),
  importedAt: text('imported_at').notNull(),
});
