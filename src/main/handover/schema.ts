import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * This vault's handover identity: an X25519 key pair for receiving (as age's identity and
 * recipient strings) and an Ed25519 pair for signing (JWK d and x, base64url). One row (id 1).
 * The private halves live only here, inside the encrypted vault; they never leave main.
 */
export const handoverIdentity = sqliteTable('handover_identity', {
  id: integer('id').primaryKey(),
  x25519Secret: text('x25519_secret').notNull(),
  x25519Public: text('x25519_public').notNull(),
  ed25519Secret: text('ed25519_secret').notNull(),
  ed25519Public: text('ed25519_public').notNull(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Colleagues' vaults this vault may send to and receive from: a label and both public keys. */
export const handoverColleagues = sqliteTable('handover_colleagues', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  x25519Public: text('x25519_public').notNull(),
  ed25519Public: text('ed25519_public').notNull(),
  fingerprint: text('fingerprint').notNull().unique(),
  addedAt: text('added_at').notNull(),
});

/**
 * Every bundle this vault sent or received: ids, fingerprints, dates and the outcome, never
 * personal data. A sent bundle waits for its receipt; a received one remembers the outcome, so
 * the same bundle twice is recognised and its receipt can be written again.
 */
export const handoverLog = sqliteTable(
  'handover_log',
  {
    bundleId: text('bundle_id').primaryKey(),
    direction: text('direction', { enum: ['sent', 'received'] }).notNull(),
    peerFingerprint: text('peer_fingerprint').notNull(),
    /** The person here: the one sent, or the one imported / linked (null when refused). */
    personId: integer('person_id'),
    /** JSON array of case ids (the sender's ids in the manifest). */
    caseIds: text('case_ids').notNull(),
    createdAt: text('created_at').notNull(),
    validUntil: text('valid_until').notNull(),
    outcome: text('outcome', { enum: ['pending', 'accepted', 'refused'] }).notNull().default('pending'),
    reasonCode: text('reason_code'),
    settledAt: text('settled_at'),
  },
  (t) => [index('handover_log_person_idx').on(t.personId, t.direction)],
);
