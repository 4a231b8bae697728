import type { Sqlite } from '../../core/connection';
import { AppError } from '../../core/errors';
import { handoverTables, type DomainModule, type HandoverTable } from '../../core/module';
import { migrations } from '../../db/migrations';
import { handoverPayload, type HandoverPayload } from '../../../shared/handover';

/** The vault's schema version: its newest migration's tag (what a payload made here carries). */
export const currentSchemaVersion = (): string => migrations[migrations.length - 1]!.tag;

const INVALID = 'Pakken kan ikke læses: indholdet er ikke en gyldig overdragelse fra SSP Desk. Bed afsenderen om at sende sagen igen. Intet er gemt.';

/** A fingerprint as the audit trail writes it: without spaces (the trail's detail splits at spaces). */
export const compact = (fingerprint: string): string => fingerprint.replace(/\s+/g, '');

/** Column names of a table in this vault. */
export function columnsOf(sqlite: Sqlite, table: string): Set<string> {
  return new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
}

/**
 * The whole payload checked before anything is read from it: its shape (zod), a schema version
 * this vault knows (a newer one is refused with what to do), only known tables and columns, one
 * person, and every reference inside it pointing at a row it carries.
 */
export function parsePayload(sqlite: Sqlite, modules: readonly DomainModule[], raw: unknown): { payload: HandoverPayload; tables: HandoverTable[] } {
  const parsed = handoverPayload.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID_INPUT', INVALID);
  const payload = parsed.data;
  const tags = migrations.map((m) => m.tag);
  if (!tags.includes(payload.schemaVersion)) {
    const newer = payload.schemaVersion > currentSchemaVersion();
    throw new AppError(
      'RULE_VIOLATION',
      newer
        ? 'Pakken er lavet med en nyere version af SSP Desk end denne. Opdater SSP Desk på denne computer, og åbn pakken igen. Intet er gemt.'
        : 'Pakken er lavet med en version af SSP Desk, som denne version ikke kender. Bed afsenderen om at opdatere SSP Desk og sende sagen igen. Intet er gemt.',
    );
  }
  const tables = handoverTables(modules);
  const known = new Map(tables.map((t) => [t.table, t]));
  const ids = new Map<string, Set<number>>();
  for (const [name, rows] of Object.entries(payload.tables)) {
    const spec = known.get(name);
    if (!spec) throw new AppError('INVALID_INPUT', INVALID);
    const columns = columnsOf(sqlite, name);
    const seen = new Set<number>();
    for (const row of rows) {
      for (const c of Object.keys(row)) if (!columns.has(c)) throw new AppError('INVALID_INPUT', INVALID);
      if (spec.hasId) {
        const id = row.id;
        if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0 || seen.has(id)) throw new AppError('INVALID_INPUT', INVALID);
        seen.add(id);
      }
    }
    ids.set(name, seen);
  }
  const people = payload.tables.people ?? [];
  if (people.length !== 1 || people[0]!.id !== payload.personId) throw new AppError('INVALID_INPUT', INVALID);
  const caseIds = ids.get('cases') ?? new Set();
  if (payload.caseIds.length !== caseIds.size || payload.caseIds.some((c) => !caseIds.has(c))) throw new AppError('INVALID_INPUT', INVALID);
  for (const spec of tables) {
    for (const row of payload.tables[spec.table] ?? []) {
      for (const [column, target] of Object.entries(spec.refs ?? {})) {
        const v = row[column];
        if (v === null || v === undefined) continue;
        if (typeof v !== 'number' || !ids.get(target)?.has(v)) throw new AppError('INVALID_INPUT', INVALID);
      }
    }
  }
  return { payload, tables };
}
