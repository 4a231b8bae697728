import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { people } from '../../cases/schema';

/**
 * Handover bundles received into this vault (issue 21), by bundle id: importing the same bundle
 * twice finds its row and writes nothing. Holds ids and the sender's fingerprint only.
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
