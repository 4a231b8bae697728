import { audit } from '../../core/audit';
import type { Sqlite } from '../../core/connection';
import { AppError } from '../../core/errors';
import type { HandoverTable } from '../../core/module';
import type { HandlerCtx } from '../../core/service-context';
import { ensureDistrictHistory, recordDistrictMoves, activeHandoverOf } from '../../cases';
import { bundleIdSchema, fingerprintSchema, type HandoverPayload } from '../../../shared/handover';
import { detailTable } from './extract';
import { compact, parsePayload } from './validate';

type Cell = string | number | null;
type Row = Record<string, Cell>;
/** Per payload table: the sender's id -> the id here (null: a reference not found here). */
type IdMaps = Map<string, Map<number, number | null>>;

export interface ImportOptions {
  bundleId: string;
  senderFingerprint: string;
  /** Link to this person here (same CPR, or same name and birth date) instead of adding a new one. */
  linkToPersonId?: number;
  /**
   * The recipient's district, set on the cases from the handover date on. Default: the district
   * whose name the vault owner's area names (e.g. "SSP Valby" -> Valby), else the case keeps the
   * district it had (matched by code).
   */
  districtId?: number | null;
}

export interface ImportResult {
  personId: number;
  caseIds: number[];
  alreadyImported: boolean;
}

const BAD_OPTIONS = 'Overdragelsens id eller afsenderens fingeraftryk er ikke gyldigt. Åbn pakken igen. Intet er gemt.';

function ownDistrict(s: HandlerCtx): number | undefined {
  const area = s.app.vault.current.owner.area;
  const rows = s.sqlite.prepare(`SELECT id, name FROM districts WHERE active = 1 ORDER BY length(name) DESC, id`).all() as { id: number; name: string }[];
  const lower = area.toLocaleLowerCase('da');
  return rows.find((d) => lower.includes(d.name.toLocaleLowerCase('da')))?.id;
}

function insertRow(sqlite: Sqlite, table: string, row: Row, withoutId: boolean): number {
  const cols = Object.keys(row).filter((c) => !(withoutId && c === 'id'));
  const info = sqlite.prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c] ?? null));
  return Number(info.lastInsertRowid);
}

/** A reference row (district, effort, forum, meeting ...): the row here with the same natural key, else inserted or null. */
function matchReference(sqlite: Sqlite, spec: HandoverTable, row: Row): number | null {
  const ref = spec.reference!;
  for (const keys of ref.matchBy) {
    if (keys.some((k) => row[k] === null || row[k] === undefined)) continue;
    const hit = sqlite.prepare(`SELECT id FROM ${spec.table} WHERE ${keys.map((k) => `"${k}" = ?`).join(' AND ')} LIMIT 1`).get(...keys.map((k) => row[k])) as { id: number } | undefined;
    if (hit) return hit.id;
  }
  if (ref.onMissing === 'null') return null;
  return insertRow(sqlite, spec.table, { ...row, ...(ref.insertValues ?? {}) }, true);
}

function remapDetail(detail: string | null, entity: string, maps: IdMaps): string | null {
  if (detail === null) return null;
  return detail
    .split(';')
    .map((token) => {
      const m = /^([a-z-]+):(\d+)$/.exec(token);
      const table = m ? detailTable(m[1]!, entity) : undefined;
      if (!m || !table) return token;
      const here = maps.get(table)?.get(Number(m[2]));
      return `${m[1]}:${here ?? '?'}`;
    })
    .join(';');
}

/**
 * Writes a received person into this vault, in one transaction: new ids here for every row,
 * reference rows matched by name or code, the recipient's district on the cases from the handover
 * date, the sender's audit extract (ids remapped), and one audit entry with the bundle id and the
 * sender's fingerprint. Idempotent by bundle id: the same bundle again writes nothing.
 */
export function importPersonPayload(s: HandlerCtx, raw: HandoverPayload | unknown, options: ImportOptions): ImportResult {
  if (!bundleIdSchema.safeParse(options.bundleId).success || !fingerprintSchema.safeParse(options.senderFingerprint).success) {
    throw new AppError('INVALID_INPUT', BAD_OPTIONS);
  }
  const { payload, tables } = parsePayload(s.sqlite, s.app.modules, raw);
  const stamp = s.now.toISOString();
  const run = s.sqlite.transaction((): ImportResult => {
    const before = s.sqlite.prepare(`SELECT person_id AS personId, case_ids AS caseIds FROM handover_imports WHERE bundle_id = ?`).get(options.bundleId) as
      | { personId: number; caseIds: string }
      | undefined;
    if (before) return { personId: before.personId, caseIds: JSON.parse(before.caseIds) as number[], alreadyImported: true };

    const person = payload.tables.people![0]!;
    const maps: IdMaps = new Map();
    if (options.linkToPersonId !== undefined) {
      const here = s.sqlite.prepare(`SELECT anonymised_at AS a FROM people WHERE id = ?`).get(options.linkToPersonId) as { a: string | null } | undefined;
      if (!here || here.a) throw new AppError('NOT_FOUND', 'Den unge, sagen skulle knyttes til, findes ikke (længere) i denne boks. Åbn pakken igen, og vælg på ny. Intet er gemt.');
      if (activeHandoverOf(s.sqlite, options.linkToPersonId)) throw new AppError('HANDED_OVER', 'Den unge, sagen skulle knyttes til, er selv overdraget fra denne boks og kan ikke ændres. Vælg at oprette den unge som ny. Intet er gemt.');
      const hasOpen = s.sqlite.prepare(`SELECT 1 FROM cases WHERE person_id = ? AND status = 'open'`).get(options.linkToPersonId);
      if (hasOpen && (payload.tables.cases ?? []).some((c) => c.status === 'open')) {
        throw new AppError('CONFLICT', 'Den unge har allerede en åben sag i denne boks, og der kan kun være én åben sag pr. person. Luk den ene sag først, eller opret den unge som ny. Intet er gemt.');
      }
    } else if (person.cpr !== null && s.sqlite.prepare(`SELECT 1 FROM people WHERE cpr = ?`).get(person.cpr)) {
      throw new AppError('CONFLICT', 'Der findes allerede en ung med samme CPR-nummer i denne boks. Vælg at knytte overdragelsen til den unge, der findes her. Intet er gemt.');
    }

    for (const spec of tables) {
      const map = new Map<number, number | null>();
      maps.set(spec.table, map);
      for (const source of payload.tables[spec.table] ?? []) {
        const row: Row = { ...source };
        for (const [column, target] of Object.entries(spec.refs ?? {})) {
          const v = row[column];
          if (v !== null && v !== undefined) row[column] = maps.get(target)!.get(v as number) ?? null;
        }
        if (spec.table === 'people' && options.linkToPersonId !== undefined) {
          map.set(source.id as number, options.linkToPersonId);
          continue;
        }
        if (spec.reference) {
          map.set(source.id as number, matchReference(s.sqlite, spec, row));
          continue;
        }
        spec.beforeInsert?.(s.sqlite, row);
        const newId = insertRow(s.sqlite, spec.table, row, spec.hasId);
        if (spec.hasId) map.set(source.id as number, newId);
      }
    }

    const personId = maps.get('people')!.get(payload.personId)!;
    const caseIds = payload.caseIds.map((c) => maps.get('cases')!.get(c)!);
    // From the handover date the cases belong to this vault's district (the reports count them here).
    const districtId = options.districtId === undefined ? ownDistrict(s) : options.districtId;
    for (const caseId of caseIds) {
      ensureDistrictHistory(s.db, { caseId }, stamp);
      if (districtId !== undefined) {
        s.sqlite.prepare(`UPDATE cases SET district_id = ? WHERE id = ?`).run(districtId, caseId);
        recordDistrictMoves(s.db, { caseId }, payload.handoverDate, stamp);
      }
    }
    // The sender's audit extract, ids remapped to this vault's rows (unknown ones dropped).
    const byEntity = new Map<string, HandoverTable[]>();
    for (const t of tables) if (t.auditEntity) byEntity.set(t.auditEntity, [...(byEntity.get(t.auditEntity) ?? []), t]);
    const insertAudit = s.sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const e of payload.audit) {
      const tokens = (e.detail ?? '').split(';');
      const table = (byEntity.get(e.entity) ?? []).find((t) => !t.auditDetail || tokens.includes(t.auditDetail));
      const entityId = e.entityId === null || !table ? null : (maps.get(table.table)?.get(e.entityId) ?? null);
      const detail = remapDetail(e.detail, e.entity, maps);
      insertAudit.run(e.at, e.actor, e.action, e.entity, entityId, detail === null ? 'via:handover' : `${detail};via:handover`);
    }
    s.sqlite
      .prepare(`INSERT INTO handover_imports (bundle_id, person_id, case_ids, sender_fingerprint, handover_date, imported_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(options.bundleId, personId, JSON.stringify(caseIds), options.senderFingerprint, payload.handoverDate, stamp);
    audit(s.db, {
      at: s.now,
      actor: s.actor,
      action: 'receive',
      entity: 'handover',
      entityId: personId,
      detail: `bundle:${options.bundleId};from:${compact(options.senderFingerprint)};cases:${caseIds.length}${options.linkToPersonId !== undefined ? ';linked' : ''}`,
    });
    return { personId, caseIds, alreadyImported: false };
  });
  return run();
}
