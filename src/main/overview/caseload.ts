import type { ServiceCtx } from '../core/service-context';
import { addDays, addMonths, compare, fromParts, toParts, type IsoDate } from '../../shared/core/dates';
import type { Caseload } from '../../shared/overview';

/**
 * The caseload by level over the last 12 months: for each month, the cases open at its last day
 * (today for the current month) and the level each had then, from the status and level history.
 * "Mine" means the case's current coordinator (the register keeps no history of coordinators).
 */
export function getCaseload(s: ServiceCtx, scope: 'mine' | 'all'): Caseload {
  const { year, month } = toParts(s.today);
  const firstOfMonth = fromParts({ year, month, day: 1 });
  const points: { month: string; on: IsoDate }[] = [];
  for (let i = 11; i >= 0; i--) {
    const start = addMonths(firstOfMonth, -i);
    const endOfMonth = addDays(addMonths(start, 1), -1);
    points.push({ month: start.slice(0, 7), on: compare(endOfMonth, s.today) > 0 ? s.today : endOfMonth });
  }
  const from = points[0]!.on.slice(0, 7) + '-01';
  const mine = scope === 'mine' ? ` AND c.coordinator = @me` : '';
  const params = scope === 'mine' ? { from, me: s.actor } : { from };
  // Cases that could have been open in the window: opened by today, not closed before it starts.
  const caseSql = `SELECT c.id FROM cases c WHERE c.anonymised_at IS NULL AND c.opened_on <= '${s.today}' AND (c.status = 'open' OR c.closed_on >= @from)${mine}`;
  const status = s.sqlite
    .prepare(`SELECT sc.case_id AS caseId, sc.kind, sc.changed_on AS on_ FROM case_status_changes sc WHERE sc.case_id IN (${caseSql}) ORDER BY sc.case_id, sc.changed_on, sc.id`)
    .all(params) as { caseId: number; kind: string; on_: string }[];
  const levels = s.sqlite
    .prepare(`SELECT l.case_id AS caseId, l.level, l.changed_on AS on_ FROM case_level_changes l WHERE l.case_id IN (${caseSql}) ORDER BY l.case_id, l.changed_on, l.id`)
    .all(params) as { caseId: number; level: number; on_: string }[];
  const statusBy = groupBy(status);
  const levelBy = groupBy(levels);
  const months = points.map((p) => ({ month: p.month, levels: [0, 0, 0, 0] as [number, number, number, number] }));
  // One pass per case: the points are in date order and so are its changes (ISO dates from the
  // database compare as strings), so the status and level at each point are the latest change on
  // or before it, found by moving two cursors forward.
  for (const [caseId, changes] of statusBy) {
    const lv = levelBy.get(caseId) ?? [];
    let si = 0;
    let li = 0;
    let open = false;
    let level = 0;
    points.forEach((p, i) => {
      while (si < changes.length && changes[si]!.on_ <= p.on) open = changes[si++]!.kind !== 'closed';
      while (li < lv.length && lv[li]!.on_ <= p.on) level = lv[li++]!.level;
      if (open && level >= 1 && level <= 4) months[i]!.levels[level - 1]!++;
    });
  }
  return { scope, months };
}

function groupBy<T extends { caseId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.caseId);
    if (list) list.push(r);
    else m.set(r.caseId, [r]);
  }
  return m;
}
