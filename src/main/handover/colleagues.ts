import { asc, eq } from 'drizzle-orm';
import { normalizeFingerprint, type ColleagueView } from '../../shared/handover';
import type { ServiceCtx } from '../core/service-context';
import type { HandlerCtx } from '../core/service-context';
import { audit } from '../core/audit';
import { AppError } from '../core/errors';
import type { Addressee } from './envelope';
import { loadIdentity } from './identity';
import { parseColleagueCode } from './keys';
import { handoverColleagues } from './schema';

/**
 * Known colleagues: other vaults this one sends to and accepts from. Added from their code (a
 * pasted line or a file's text) only when the fingerprint the user typed (read to them by the
 * colleague, by phone or in person) is the code's. Audited with the fingerprint only.
 */
export function listColleagues(s: ServiceCtx): ColleagueView[] {
  return s.db
    .select({ id: handoverColleagues.id, label: handoverColleagues.label, fingerprint: handoverColleagues.fingerprint, addedAt: handoverColleagues.addedAt })
    .from(handoverColleagues)
    .orderBy(asc(handoverColleagues.label), asc(handoverColleagues.id))
    .all();
}

/** Read a code without adding it: the label and the fingerprint to compare. */
export function inspectColleagueCode(code: string): { label: string; fingerprint: string } {
  const parsed = parseColleagueCode(code);
  if (!parsed) throw new AppError('INVALID_INPUT', 'Koden kan ikke læses. Kopiér hele koden (den begynder med "ssp-desk-kollega:1:") eller vælg kollegaens nøglefil igen.', { code: 'Koden kan ikke læses' });
  return { label: parsed.label, fingerprint: parsed.fingerprint };
}

export function addColleague(s: HandlerCtx, input: { code: string; fingerprint: string; label?: string }): ColleagueView {
  const parsed = parseColleagueCode(input.code);
  if (!parsed) throw new AppError('INVALID_INPUT', 'Koden kan ikke læses. Kopiér hele koden (den begynder med "ssp-desk-kollega:1:") eller vælg kollegaens nøglefil igen.', { code: 'Koden kan ikke læses' });
  const typed = normalizeFingerprint(input.fingerprint);
  if (typed !== parsed.fingerprint) {
    throw new AppError(
      'RULE_VIOLATION',
      'Fingeraftrykket passer ikke til koden. Sammenlign det igen med kollegaen (telefon eller ansigt til ansigt); passer det stadig ikke, er koden ikke deres. Kollegaen er ikke tilføjet.',
      { fingerprint: 'Passer ikke til koden' },
    );
  }
  const me = loadIdentity(s);
  if (parsed.fingerprint === me.fingerprint) throw new AppError('RULE_VIOLATION', 'Koden er din egen boks. Tilføj kollegaens kode i stedet.', { code: 'Din egen kode' });
  const label = (input.label?.trim() || parsed.label).slice(0, 120);
  const id = s.db.transaction((tx) => {
    const existing = tx.select({ id: handoverColleagues.id }).from(handoverColleagues).where(eq(handoverColleagues.fingerprint, parsed.fingerprint)).get();
    if (existing) throw new AppError('CONFLICT', 'Kollegaen findes allerede i listen (samme fingeraftryk).');
    const row = tx
      .insert(handoverColleagues)
      .values({ label, x25519Public: parsed.x25519Public, ed25519Public: parsed.ed25519Public, fingerprint: parsed.fingerprint, addedAt: s.now.toISOString() })
      .returning({ id: handoverColleagues.id })
      .get();
    audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'handover_colleague', entityId: row.id, detail: `fingerprint:${parsed.fingerprint}` });
    return row.id;
  });
  return listColleagues(s).find((c) => c.id === id)!;
}

export function removeColleague(s: ServiceCtx, input: { colleagueId: number }): { removed: true } {
  s.db.transaction((tx) => {
    const row = tx.select().from(handoverColleagues).where(eq(handoverColleagues.id, input.colleagueId)).get();
    if (!row) throw new AppError('NOT_FOUND', 'Kollegaen findes ikke længere i listen. Genindlæs siden.');
    tx.delete(handoverColleagues).where(eq(handoverColleagues.id, row.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'delete', entity: 'handover_colleague', entityId: row.id, detail: `fingerprint:${row.fingerprint}` });
  });
  return { removed: true };
}

export function colleagueById(s: ServiceCtx, id: number): (Addressee & { id: number; label: string }) | null {
  const r = s.db.select().from(handoverColleagues).where(eq(handoverColleagues.id, id)).get();
  return r ? { id: r.id, label: r.label, fingerprint: r.fingerprint, x25519Public: r.x25519Public, ed25519Public: r.ed25519Public } : null;
}

export function colleagueByFingerprint(s: ServiceCtx, fp: string): (Addressee & { id: number; label: string }) | null {
  const r = s.db.select().from(handoverColleagues).where(eq(handoverColleagues.fingerprint, fp)).get();
  return r ? { id: r.id, label: r.label, fingerprint: r.fingerprint, x25519Public: r.x25519Public, ed25519Public: r.ed25519Public } : null;
}
