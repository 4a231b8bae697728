import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { cases, people } from '../cases/schema';

/**
 * SSP+: holistic plans (helhedsorienterede planer) for young adults 17½-25 with a level 3-4 case.
 * Rules in shared/domain/sspplus.ts; operations in services/sspplus*.ts.
 */

/** Partners that can take part in a plan or own an action: an editable list (defaults in a migration). */
export const sspPlusPartners = sqliteTable('sspplus_partners', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(100),
});

/** One plan. `caseId` is the level 3-4 case the plan was started on. */
export const sspPlusPlans = sqliteTable(
  'sspplus_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => people.id),
    caseId: integer('case_id').notNull().references(() => cases.id),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    startDate: text('start_date').notNull(),
    coordinator: text('coordinator').notNull(),
    reviewIntervalMonths: integer('review_interval_months').notNull().default(3),
    consentDate: text('consent_date'),
    consentScope: text('consent_scope'),
    endDate: text('end_date'),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // At most one active plan per person.
    uniqueIndex('sspplus_one_active_per_person').on(t.personId).where(sql`status = 'active'`),
    index('sspplus_plans_status_idx').on(t.status, t.startDate),
  ],
);

export const sspPlusPlanPartners = sqliteTable(
  'sspplus_plan_partners',
  {
    planId: integer('plan_id').notNull().references(() => sspPlusPlans.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id').notNull().references(() => sspPlusPartners.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.partnerId] })],
);

/** One row per life area that has content; an area without a row is empty (not relevant). */
export const sspPlusAreas = sqliteTable(
  'sspplus_areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => sspPlusPlans.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    currentSituation: text('current_situation').notNull().default(''),
    goal: text('goal').notNull().default(''),
    progressNotes: text('progress_notes').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sspplus_areas_plan_area').on(t.planId, t.area)],
);

/** Agreed actions (aftalte handlinger) within a life area. Never deleted: given up is a status. */
export const sspPlusActions = sqliteTable(
  'sspplus_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => sspPlusPlans.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    description: text('description').notNull(),
    partnerId: integer('partner_id').references(() => sspPlusPartners.id),
    deadline: text('deadline'),
    status: text('status').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('sspplus_actions_plan_idx').on(t.planId), index('sspplus_actions_deadline_idx').on(t.status, t.deadline)],
);

/** A review (opfølgning) of the plan: scheduled on the grid from the start, or ad hoc after an event. */
export const sspPlusReviews = sqliteTable(
  'sspplus_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => sspPlusPlans.id, { onDelete: 'cascade' }),
    heldOn: text('held_on').notNull(),
    kind: text('kind').notNull(),
    trigger: text('trigger'),
    participantsNote: text('participants_note').notNull().default(''),
    changes: text('changes').notNull().default(''),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sspplus_reviews_plan_idx').on(t.planId, t.heldOn)],
);

export const sspPlusReviewPartners = sqliteTable(
  'sspplus_review_partners',
  {
    reviewId: integer('review_id').notNull().references(() => sspPlusReviews.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id').notNull().references(() => sspPlusPartners.id),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.partnerId] })],
);

/** Status per life area at a review. */
export const sspPlusReviewAreas = sqliteTable(
  'sspplus_review_areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id').notNull().references(() => sspPlusReviews.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('sspplus_review_areas_review_area').on(t.reviewId, t.area)],
);

/** Outcome follow-ups at 3, 6 and 12 months after the plan ended; created when it ends. */
export const sspPlusFollowUps = sqliteTable(
  'sspplus_follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => sspPlusPlans.id, { onDelete: 'cascade' }),
    months: integer('months').notNull(),
    dueOn: text('due_on').notNull(),
    outcome: text('outcome'),
    recordedOn: text('recorded_on'),
  },
  (t) => [uniqueIndex('sspplus_follow_ups_plan_months').on(t.planId, t.months), index('sspplus_follow_ups_due_idx').on(t.dueOn)],
);
