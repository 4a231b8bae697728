import type { Sqlite } from '../core/connection';
import { AppError } from '../core/errors';

/** What the lock triggers of migration 0023 raise on a write about a handed-over person. */
export const HANDED_OVER_RAISE = 'HANDED_OVER';

export const HANDED_OVER_MESSAGE =
  'Sagen er overdraget til en anden koordinator og afventer kvittering, så den kan ikke ændres her. Den kan ændres igen, hvis modtageren afviser overdragelsen. Intet er gemt fra denne handling.';

/** The handover lock as a Danish AppError, for a SQLite error raised by one of the lock triggers. */
export function handedOverError(e: unknown): AppError | undefined {
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT') && err.message === HANDED_OVER_RAISE) {
    return new AppError('HANDED_OVER', HANDED_OVER_MESSAGE);
  }
  return undefined;
}


export type HandoverLockState = 'pending' | 'accepted' | 'kept' | 'refused';

export interface HandoverLockRow {
  caseId: number;
  personId: number;
  bundleId: string;
  recipientFingerprint: string;
  handoverDate: string;
  state: HandoverLockState;
}

/** The person's handover that still holds them read-only here (any state but refused), or undefined. */
export function activeHandoverOf(sqlite: Sqlite, personId: number): HandoverLockRow | undefined {
  return sqlite
    .prepare(
      `SELECT case_id AS caseId, person_id AS personId, bundle_id AS bundleId, recipient_fingerprint AS recipientFingerprint, handover_date AS handoverDate, state
       FROM case_handovers WHERE person_id = ? AND state <> 'refused' ORDER BY id LIMIT 1`,
    )
    .get(personId) as HandoverLockRow | undefined;
}

/** A bundle's rows (one per case), oldest first. */
export function handoverRows(sqlite: Sqlite, bundleId: string): HandoverLockRow[] {
  return sqlite
    .prepare(
      `SELECT case_id AS caseId, person_id AS personId, bundle_id AS bundleId, recipient_fingerprint AS recipientFingerprint, handover_date AS handoverDate, state
       FROM case_handovers WHERE bundle_id = ? ORDER BY case_id`,
    )
    .all(bundleId) as HandoverLockRow[];
}

/**
 * Marks every case of the person handed over ('pending'): from here on the lock triggers refuse
 * every write about them. Inside the caller's transaction. Returns the case ids.
 */
export function lockPersonForHandover(sqlite: Sqlite, personId: number, h: { bundleId: string; recipientFingerprint: string; handoverDate: string }, stamp: string): number[] {
  const ids = (sqlite.prepare(`SELECT id FROM cases WHERE person_id = ? AND anonymised_at IS NULL ORDER BY id`).all(personId) as { id: number }[]).map((r) => r.id);
  const insert = sqlite.prepare(
    `INSERT INTO case_handovers (case_id, person_id, bundle_id, recipient_fingerprint, handover_date, state, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
  );
  for (const id of ids) insert.run(id, personId, h.bundleId, h.recipientFingerprint, h.handoverDate, stamp);
  return ids;
}

/** Sets a bundle's state (inside the caller's transaction). */
export function setHandoverState(sqlite: Sqlite, bundleId: string, state: HandoverLockState, stamp: string): void {
  sqlite.prepare(`UPDATE case_handovers SET state = ?, settled_at = ? WHERE bundle_id = ?`).run(state, stamp, bundleId);
}

/**
 * Runs `fn` with the handover lock lifted, inside the caller's transaction: the settle step that
 * scrubs a handed-over person as retention does. The unlock row never outlives the transaction.
 */
export function withHandoverUnlocked<T>(sqlite: Sqlite, fn: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withHandoverUnlocked outside a transaction');
  sqlite.prepare(`INSERT INTO handover_unlock (id) VALUES (1)`).run();
  const out = fn();
  sqlite.prepare(`DELETE FROM handover_unlock`).run();
  return out;
}
