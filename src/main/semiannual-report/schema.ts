import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
