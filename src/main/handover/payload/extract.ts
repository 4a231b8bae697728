import { AppError } from '../../core/errors';
import { handoverTables } from '../../core/module';
import type { HandlerCtx } from '../../core/service-context';
import { HANDOVER_PAYLOAD_FORMAT, handoverPayload, type HandoverPayload } from '../../../shared/handover';
import { currentSchemaVersion } from './validate';

type Row = Record<string, string | number | null>;
interface AuditRow { id: number; at: string; actor: string; action: string; entity: string; entity_id: number | null; detail: string | null }

/** Detail tokens (`key:id`) that name a row, and the payload table that row is in. */
export function detailTable(key: string, entity: string): string | undefined {
  if (key === 'meeting') return entity.startsWith('release') ? 'release_meetings' : 'meetings';
  return ({ case: 'cases', person: 'people', plan: 'sspplus_plans', custody: 'custody_periods', corrects: 'case_notes', review: 'sspplus_reviews' } as Record<string, string>)[key];
}

/**
 * One young person and every row about them, as the plain JSON payload of a handover: every
 * domain's tables (their DomainModule's handover part), read in one read transaction, and the
 * audit entries about those rows. Nothing about another person: the selects start from the
 * person, and reference rows (districts, efforts, forums, meetings) carry names and dates only.
 */
export function extractPersonPayload(s: HandlerCtx, personId: number): HandoverPayload {
  const person = s.sqlite.prepare(`SELECT anonymised_at AS a FROM people WHERE id = ?`).get(personId) as { a: string | null } | undefined;
  if (!person) throw new AppError('NOT_FOUND', 'Den unge findes ikke (længere) i boksen. Hent listen igen, og vælg den unge på ny.');
  if (person.a) throw new AppError('RULE_VIOLATION', 'Den unges personoplysninger er slettet, så der er intet at overdrage.');
  const specs = handoverTables(s.app.modules);
  const read = s.sqlite.transaction(() => {
    const tables: Record<string, Row[]> = {};
    for (const t of specs) {
      const rows = s.sqlite.prepare(t.select).all({ person: personId }) as Row[];
      if (rows.length) tables[t.table] = rows;
    }
    // The audit trail about these rows: by entity and id, and by a `case:` / `person:` token in the detail.
    const entries = new Map<number, AuditRow>();
    for (const t of specs) {
      if (!t.auditEntity || t.reference || !t.hasId) continue;
      const ids = (tables[t.table] ?? []).map((r) => r.id as number);
      if (!ids.length) continue;
      const rows = s.sqlite.prepare(`SELECT * FROM audit_log WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(t.auditEntity, JSON.stringify(ids)) as AuditRow[];
      for (const r of rows) if (!t.auditDetail || (r.detail ?? '').split(';').includes(t.auditDetail)) entries.set(r.id, r);
    }
    const tokens = [`person:${personId}`, ...(tables.cases ?? []).map((c) => `case:${c.id}`)];
    const like = s.sqlite.prepare(`SELECT * FROM audit_log WHERE detail LIKE ? ORDER BY id`);
    for (const token of tokens) {
      for (const r of like.all(`%${token}%`) as AuditRow[]) if ((r.detail ?? '').split(';').includes(token)) entries.set(r.id, r);
    }
    return { tables, audit: [...entries.values()].sort((a, b) => a.id - b.id) };
  });
  const { tables, audit } = read();
  return handoverPayload.parse({
    format: HANDOVER_PAYLOAD_FORMAT,
    schemaVersion: currentSchemaVersion(),
    createdAt: s.now.toISOString(),
    handoverDate: s.today,
    personId,
    caseIds: (tables.cases ?? []).map((c) => c.id as number),
    tables,
    audit: audit.map((r) => ({ at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail })),
  });
}
