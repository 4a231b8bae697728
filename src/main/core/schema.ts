import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Small settings as JSON values under a key (idle lock minutes, thresholds, retention months ...). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Audit trail: who did what to which record, when. Never field values: no names, CPR numbers or
 * note text. `detail` holds only codes and ids (e.g. "level:3").
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    detail: text('detail'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entity, t.entityId)],
);
