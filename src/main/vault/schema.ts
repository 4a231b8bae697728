import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** One row: who owns this vault. Notes and audit entries use it. */
export const vaultMeta = sqliteTable('vault_meta', {
  id: integer('id').primaryKey(),
  vaultId: text('vault_id').notNull(),
  ownerName: text('owner_name').notNull(),
  ownerRole: text('owner_role').notNull(),
  ownerArea: text('owner_area').notNull(),
  createdAt: text('created_at').notNull(),
  /** Random key (hex) for authenticating backup manifests; readable only inside the encrypted vault. */
  backupMacKey: text('backup_mac_key'),
});
