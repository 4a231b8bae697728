import type { Sqlite } from '../core/connection';
import { csvFile, csvLine } from '../../shared/core/csv';
import { addDays, formatProgrammeDateTime, programmeDayStart } from '../../shared/core/dates';
import { auditActionText, auditDetailText, auditEntityText } from '../../shared/settings';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  detail: string | null;
}

function where(f: AuditFilter): { sql: string; params: (string | number)[] } {
  const w: string[] = [];
  const params: (string | number)[] = [];
  if (f.actor) {
    w.push('actor = ?');
    params.push(f.actor);
  }
  if (f.action) {
    w.push('action = ?');
    params.push(f.action);
  }
  if (f.entity) {
    w.push('entity = ?');
    params.push(f.entity);
  }
  // Dates are Copenhagen's calendar days; `at` is a UTC ISO timestamp (toISOString), so compare it
  // with the instants those days begin and end there.
  if (f.from) {
    w.push('at >= ?');
    params.push(programmeDayStart(f.from));
  }
  if (f.to) {
    w.push('at < ?');
    params.push(programmeDayStart(addDays(f.to, 1)));
  }
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params };
}

/** The audit trail, newest first, filtered. Entries hold codes and ids only, never personal values. */
export function listAudit(sqlite: Sqlite, f: AuditFilter): { total: number; rows: AuditRow[]; actors: string[]; actions: string[]; entities: string[] } {
  const { sql, params } = where(f);
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(...params) as { n: number }).n;
  const rows = sqlite
    .prepare(`SELECT id, at, actor, action, entity, entity_id AS entityId, detail FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit ?? 200, f.offset ?? 0) as AuditRow[];
  const distinct = (col: string) => (sqlite.prepare(`SELECT DISTINCT ${col} AS v FROM audit_log ORDER BY v`).all() as { v: string }[]).map((r) => r.v);
  return { total, rows, actors: distinct('actor'), actions: distinct('action'), entities: distinct('entity') };
}

/**
 * CSV for a data-protection review, through the app's one CSV writer (shared/core/csv: semicolon,
 * UTF-8 with BOM, formula cells made inert): Danish headers, actions, areas and details in Danish
 * words, the time on Copenhagen's clock; the codes are kept in their own columns for filtering.
 */
export function exportAuditCsv(sqlite: Sqlite, f: AuditFilter): string {
  const { sql, params } = where(f);
  const rows = sqlite.prepare(`SELECT id, at, actor, action, entity, entity_id AS entityId, detail FROM audit_log ${sql} ORDER BY id`).all(...params) as AuditRow[];
  const lines = [csvLine(['Nr.', 'Tidspunkt (dansk tid)', 'Bruger', 'Handling', 'Område', 'Post-nr.', 'Detaljer', 'Handlingskode', 'Områdekode', 'Detaljekode'])];
  for (const r of rows) {
    lines.push(csvLine([r.id, formatProgrammeDateTime(new Date(r.at)), r.actor, auditActionText(r.action), auditEntityText(r.entity), r.entityId, auditDetailText(r.detail), r.action, r.entity, r.detail]));
  }
  return csvFile(lines);
}

/** The audit trail as CSV; the export itself is audited. */
export function exportAuditTrail(s: ServiceCtx, f: AuditFilter): { fileName: string; csv: string } {
  const csv = exportAuditCsv(s.sqlite, f);
  audit(s.db, { at: s.now, actor: s.actor, action: 'export', entity: 'audit_log' });
  return { fileName: `ssp-desk-revisionsspor-${s.today}.csv`, csv };
}
