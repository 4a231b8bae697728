/**
 * The tryghed and unrest log per district (schema.ts district_unrest_entries; rules in
 * shared/semiannual-report/unrest.ts). A text is refused on saving when it holds a CPR-like
 * number, a date or a first or last name of a person in the vault (the same checks as youth
 * group names and the report's assessments), so nothing personal is ever stored in it. Each write
 * in one transaction with its audit entry (codes and ids only, never the text).
 */
import { asc, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../core/connection';
import { districts } from '../cases';
import { districtUnrestEntries } from './schema';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { loadNameIndex } from './assessments';
import { UNREST_TEXT_MESSAGES, unrestOf, unrestTextProblem, type UnrestEntry, type UnrestKind, type UnrestRow } from '../../shared/semiannual-report';

const columns = {
  id: districtUnrestEntries.id,
  districtId: districtUnrestEntries.districtId,
  district: districts.name,
  occurredOn: districtUnrestEntries.occurredOn,
  kind: districtUnrestEntries.kind,
  text: districtUnrestEntries.text,
  updatedAt: districtUnrestEntries.updatedAt,
  updatedBy: districtUnrestEntries.updatedBy,
};

/** The log, newest first (one district's with districtId). */
export function listUnrest(s: ServiceCtx, input: { districtId?: number }): UnrestEntry[] {
  return s.db
    .select(columns)
    .from(districtUnrestEntries)
    .innerJoin(districts, eq(districts.id, districtUnrestEntries.districtId))
    .where(input.districtId === undefined ? undefined : eq(districtUnrestEntries.districtId, input.districtId))
    .orderBy(desc(districtUnrestEntries.occurredOn), desc(districtUnrestEntries.id))
    .all() as UnrestEntry[];
}

export function saveUnrest(s: ServiceCtx, input: { id?: number; districtId: number; occurredOn: string; kind: UnrestKind; text: string }): UnrestEntry {
  const district = s.db.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId)).get();
  if (!district) throw new AppError('NOT_FOUND', 'Bydelen findes ikke. Vælg en bydel fra listen.', { districtId: 'Findes ikke' });
  if (input.occurredOn > s.today) throw new AppError('RULE_VIOLATION', 'Datoen ligger efter i dag. Skriv den dag, det skete.', { occurredOn: 'Efter i dag' });
  const text = input.text.replace(/\r\n?/g, '\n').trim();
  const problem = unrestTextProblem(text) ?? (loadNameIndex(s.sqlite, [text]).occursIn(text) ? 'person-name' : null);
  if (problem) throw new AppError('RULE_VIOLATION', UNREST_TEXT_MESSAGES[problem], { text: UNREST_TEXT_MESSAGES[problem] });
  const stamp = s.now.toISOString();
  const id = s.db.transaction((tx) => {
    let entryId: number;
    if (input.id !== undefined) {
      const done = tx
        .update(districtUnrestEntries)
        .set({ districtId: district.id, occurredOn: input.occurredOn, kind: input.kind, text, updatedAt: stamp, updatedBy: s.actor })
        .where(eq(districtUnrestEntries.id, input.id))
        .run();
      if (done.changes === 0) throw new AppError('NOT_FOUND', 'Indførslen findes ikke længere. Opdatér listen, og prøv igen.');
      entryId = input.id;
    } else {
      entryId = tx
        .insert(districtUnrestEntries)
        .values({ districtId: district.id, occurredOn: input.occurredOn, kind: input.kind, text, createdAt: stamp, updatedAt: stamp, updatedBy: s.actor })
        .returning({ id: districtUnrestEntries.id })
        .get().id;
    }
    audit(tx, { at: s.now, actor: s.actor, action: input.id === undefined ? 'create' : 'update', entity: 'district-unrest', entityId: entryId, detail: `district:${district.id};kind:${input.kind}` });
    return entryId;
  });
  return s.db.select(columns).from(districtUnrestEntries).innerJoin(districts, eq(districts.id, districtUnrestEntries.districtId)).where(eq(districtUnrestEntries.id, id)).get() as UnrestEntry;
}

export function deleteUnrest(s: ServiceCtx, input: { id: number }): { deleted: true } {
  s.db.transaction((tx) => {
    const row = tx.select({ districtId: districtUnrestEntries.districtId }).from(districtUnrestEntries).where(eq(districtUnrestEntries.id, input.id)).get();
    if (!row) throw new AppError('NOT_FOUND', 'Indførslen findes ikke længere. Opdatér listen.');
    tx.delete(districtUnrestEntries).where(eq(districtUnrestEntries.id, input.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'delete', entity: 'district-unrest', entityId: input.id, detail: `district:${row.districtId}` });
  });
  return { deleted: true };
}

/** Each district's unrest in [start, end], in the order given, for the report. */
export function unrestFor(db: Db, start: string, end: string, wanted: readonly { id: number; name: string }[]): UnrestRow[] {
  const rows = db
    .select({ districtId: districtUnrestEntries.districtId, occurredOn: districtUnrestEntries.occurredOn, kind: districtUnrestEntries.kind })
    .from(districtUnrestEntries)
    .where(lte(districtUnrestEntries.occurredOn, end))
    .orderBy(asc(districtUnrestEntries.occurredOn))
    .all();
  return wanted.map((d) => ({ district: d.name, ...unrestOf(rows.filter((r) => r.districtId === d.id), start, end) }));
}
