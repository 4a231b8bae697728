import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { cases } from '../cases/schema';

/**
 * Actions added on a case by hand (outside a meeting): what, which partner is responsible, by
 * when, and their status. Actions agreed at ledergruppe meetings (meeting_actions) and release
 * meetings (release_action_items) keep their own tables with the same status columns; the
 * overview domain reads all three as one list (src/main/overview/actions.ts).
 */
export const caseActions = sqliteTable(
  'case_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    partner: text('partner').notNull(),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: ['open', 'done', 'dropped'] }).notNull().default('open'),
    closedOn: text('closed_on'),
    dropReason: text('drop_reason'),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('case_actions_case_idx').on(t.caseId, t.deadline), index('case_actions_open_idx').on(t.status, t.deadline)],
);

/**
 * How many open cases (status open, not anonymised) have each review date ('review':
 * cases.next_review_on) and each last-activity date ('activity': cases.last_activity_on). Kept by
 * triggers on cases (migration 0028), so Overblik counts tens of thousands of due reviews and
 * inactive cases by summing a few hundred rows per date range instead of stepping through every
 * index entry (3.9 ms per call at 100,000 cases). A date whose count fell to 0 keeps its row.
 * No personal data: dates and counts only.
 */
export const openCaseDateCounts = sqliteTable(
  'open_case_date_counts',
  {
    kind: text('kind', { enum: ['review', 'activity'] }).notNull(),
    onDate: text('on_date').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.onDate] })],
);
