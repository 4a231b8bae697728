import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { districts } from '../cases/schema';

/**
 * Each district's written assessment (observationer og vurderinger) for one half-year of the
 * semi-annual report. Free text without personal data: an export refuses a text with a CPR-shaped
 * number or the name of a person in the vault (services/reportAssessments.ts). Keyed by the
 * district's id, so renaming a district keeps its texts.
 */
export const reportAssessments = sqliteTable(
  'report_assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'YYYY-H1' or 'YYYY-H2'. */
    period: text('period').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    text: text('text').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [uniqueIndex('report_assessments_period_district').on(t.period, t.districtId)],
);

/**
 * Tryghed and unrest (issue 16 item 2): a dated log per district with no personal data: unrest
 * observed, an emergency plan (beredskabsplan) activated or ended, measures taken, partners
 * involved. The text is checked on saving (no CPR-like number, no date, no name of a person in
 * the vault: unrest.ts). The report derives "bydel med uro" per half-year from it.
 */
export const districtUnrestEntries = sqliteTable(
  'district_unrest_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    occurredOn: text('occurred_on').notNull(),
    /** 'unrest-observed' | 'plan-activated' | 'plan-ended' | 'measure' | 'partners' (shared/semiannual-report/unrest.ts). */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [index('district_unrest_district_date').on(t.districtId, t.occurredOn)],
);
