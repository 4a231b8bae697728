import { audit } from '../../core/audit';
import { AppError } from '../../core/errors';
import { retentionParts } from '../../core/module';
import type { HandlerCtx } from '../../core/service-context';
import { activeHandoverOf, handoverRows, lockPersonForHandover, setHandoverState, withHandoverUnlocked } from '../../cases';
import { recordRetentionDeletion } from '../../settings';
import { bundleIdSchema, fingerprintSchema } from '../../../shared/handover';
import { isoDate } from '../../../shared/core/contract';
import { compact } from './validate';

export interface MarkOptions {
  bundleId: string;
  recipientFingerprint: string;
  handoverDate: string;
}

/**
 * After the bundle is written: the person's cases are "overdraget – afventer kvittering" and,
 * with everything about the person, read-only here (the lock triggers refuse every write). Audited
 * ('send') with the bundle id and the recipient's fingerprint.
 */
export function markHandedOver(s: HandlerCtx, personId: number, o: MarkOptions): { caseIds: number[] } {
  if (!bundleIdSchema.safeParse(o.bundleId).success || !fingerprintSchema.safeParse(o.recipientFingerprint).success || !isoDate.safeParse(o.handoverDate).success) {
    throw new AppError('INVALID_INPUT', 'Overdragelsens id, modtagerens fingeraftryk eller datoen er ikke gyldig. Prøv igen.');
  }
  return s.sqlite.transaction(() => {
    const person = s.sqlite.prepare(`SELECT anonymised_at AS a FROM people WHERE id = ?`).get(personId) as { a: string | null } | undefined;
    if (!person || person.a) throw new AppError('NOT_FOUND', 'Den unge findes ikke (længere) i boksen. Hent listen igen.');
    if (activeHandoverOf(s.sqlite, personId)) throw new AppError('HANDED_OVER', 'Den unge er allerede overdraget og afventer kvittering. Åbn kvitteringen, før sagen kan sendes igen.');
    if (handoverRows(s.sqlite, o.bundleId).length) throw new AppError('CONFLICT', 'Denne overdragelse er allerede registreret. Intet er gemt.');
    const caseIds = lockPersonForHandover(s.sqlite, personId, o, s.now.toISOString());
    if (!caseIds.length) throw new AppError('RULE_VIOLATION', 'Den unge har ingen sager at overdrage. Intet er gemt.');
    audit(s.db, { at: s.now, actor: s.actor, action: 'send', entity: 'handover', entityId: personId, detail: `bundle:${o.bundleId};to:${compact(o.recipientFingerprint)};cases:${caseIds.length}` });
    return { caseIds };
  })();
}

export interface SettleResult {
  personId: number;
  caseIds: number[];
  state: 'accepted' | 'kept' | 'refused';
  /** Whether the person's personal data left this vault. */
  removed: boolean;
}

/**
 * The receipt's outcome at the sender. Accepted: the person's personal data leaves this vault the
 * way retention removes it (every domain's retention part; the anonymous stub keeps past reports
 * as they were), unless `keepReadOnly` (the sender must keep it: read-only for good). Refused: the
 * cases are editable again. Audited ('accept', 'refuse', 'remove') with bundle id only.
 */
export function settleHandover(s: HandlerCtx, bundleId: string, outcome: 'accepted' | 'refused', options: { keepReadOnly?: boolean } = {}): SettleResult {
  if (!bundleIdSchema.safeParse(bundleId).success) throw new AppError('INVALID_INPUT', 'Overdragelsens id er ikke gyldigt. Åbn kvitteringen igen.');
  const stamp = s.now.toISOString();
  const parts = retentionParts(s.app.modules);
  const result = s.sqlite.transaction((): SettleResult => {
    const rows = handoverRows(s.sqlite, bundleId);
    if (!rows.length) throw new AppError('NOT_FOUND', 'Kvitteringen hører ikke til en overdragelse fra denne boks. Tjek, at det er den rigtige fil.');
    const { personId } = rows[0]!;
    const caseIds = rows.map((r) => r.caseId);
    if (rows[0]!.state !== 'pending') throw new AppError('CONFLICT', 'Kvitteringen for denne overdragelse er allerede behandlet. Intet er ændret.');
    const who = { at: s.now, actor: s.actor, entity: 'handover', entityId: personId };
    if (outcome === 'refused') {
      setHandoverState(s.sqlite, bundleId, 'refused', stamp);
      audit(s.db, { ...who, action: 'refuse', detail: `bundle:${bundleId};cases:${caseIds.length}` });
      return { personId, caseIds, state: 'refused', removed: false };
    }
    if (options.keepReadOnly) {
      setHandoverState(s.sqlite, bundleId, 'kept', stamp);
      audit(s.db, { ...who, action: 'accept', detail: `bundle:${bundleId};cases:${caseIds.length};kept` });
      return { personId, caseIds, state: 'kept', removed: false };
    }
    setHandoverState(s.sqlite, bundleId, 'accepted', stamp);
    audit(s.db, { ...who, action: 'accept', detail: `bundle:${bundleId};cases:${caseIds.length}` });
    withHandoverUnlocked(s.sqlite, () => {
      for (const id of caseIds) for (const p of parts) p.scrubCase?.(s.sqlite, id, stamp);
      for (const p of parts) p.scrubPerson?.(s.sqlite, personId, stamp);
    });
    audit(s.db, { ...who, action: 'remove', detail: `bundle:${bundleId};cases:${caseIds.length};people:1` });
    return { personId, caseIds, state: 'accepted', removed: true };
  })();
  if (result.removed) {
    // As retention: no old page images left in the WAL, and a restore of an older backup removes them again.
    s.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    recordRetentionDeletion(s, result.caseIds, [result.personId]);
  }
  return result;
}
