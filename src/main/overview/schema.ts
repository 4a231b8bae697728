import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
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
