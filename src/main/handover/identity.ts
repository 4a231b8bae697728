import { eq } from 'drizzle-orm';
import type { Db } from '../core/connection';
import type { HandlerCtx } from '../core/service-context';
import { audit } from '../core/audit';
import { colleagueCode, fingerprintOf, generateKeyPairs } from './keys';
import { handoverIdentity } from './schema';
import type { Writer } from './envelope';

/**
 * This vault's handover identity. Created with the vault (the domain's vault-creation hook), and
 * for a vault made before handovers existed, on first need (the first call that reads it), in its
 * own transaction with an audit entry carrying the fingerprint only. The keys stay in the
 * encrypted vault (SQLCipher pages, the vault key): no second wrapping, since the vault's key is
 * not handed to the domains and the row is never read outside main.
 */
function insertIdentity(db: Db, at: Date): string {
  const keys = generateKeyPairs();
  const fingerprint = fingerprintOf(keys);
  db.insert(handoverIdentity).values({ id: 1, ...keys, fingerprint, createdAt: at.toISOString() }).run();
  return fingerprint;
}

/** The vault-creation hook: the key pairs are made with the vault. */
export function createIdentityOnVaultCreated(db: Db): void {
  insertIdentity(db, new Date());
}

/** The identity with its private keys: for sealing and opening, never for an answer. */
export function loadIdentity(s: HandlerCtx): Writer {
  let row = s.db.select().from(handoverIdentity).where(eq(handoverIdentity.id, 1)).get();
  if (!row) {
    s.db.transaction((tx) => {
      if (tx.select().from(handoverIdentity).where(eq(handoverIdentity.id, 1)).get()) return;
      const fp = insertIdentity(s.db, s.now);
      audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'handover_identity', detail: `fingerprint:${fp}` });
    });
    row = s.db.select().from(handoverIdentity).where(eq(handoverIdentity.id, 1)).get()!;
  }
  return { x25519Secret: row.x25519Secret, x25519Public: row.x25519Public, ed25519Secret: row.ed25519Secret, ed25519Public: row.ed25519Public, fingerprint: row.fingerprint };
}

/** The label colleagues see for this vault: the owner's name and area (the coordinator, not a young person). */
export function vaultLabel(s: HandlerCtx): string {
  const o = s.app.vault.current.owner;
  return [o.name, o.area].filter((x) => x.trim()).join(', ').slice(0, 120);
}

/** What the app shows: the fingerprint and the code to give colleagues (public keys only). */
export function identityView(s: HandlerCtx): { fingerprint: string; label: string; code: string } {
  const id = loadIdentity(s);
  const label = vaultLabel(s);
  return { fingerprint: id.fingerprint, label, code: colleagueCode(label, id) };
}
