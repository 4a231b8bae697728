/**
 * The district a case belonged to on each date (case_district_changes): a row when the case is
 * opened, and one each time its district changes, dated the day the change is recorded. "Its
 * district" is the case's own, or its person's when the case has none, as the report counts it.
 * Reports read it (semiannual-report/compute.ts), so a past period never changes when someone
 * moves. Written inside the caller's transaction, never on its own.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../core/connection';

export type HistoryScope = { caseId: number } | { personId: number };

const where = (scope: HistoryScope): SQL => ('caseId' in scope ? sql`c.id = ${scope.caseId}` : sql`c.person_id = ${scope.personId}`);

/**
 * Gives every case in scope its first row (its opening day, its district now) if it has none:
 * call before changing a district, so the time before the change keeps the old one.
 */
export function ensureDistrictHistory(tx: DbOrTx, scope: HistoryScope, stamp: string): void {
  tx.run(sql`INSERT INTO case_district_changes (case_id, district_id, changed_on, created_at)
    SELECT c.id, COALESCE(c.district_id, p.district_id), c.opened_on, ${stamp}
    FROM cases c JOIN people p ON p.id = c.person_id
    WHERE ${where(scope)} AND NOT EXISTS (SELECT 1 FROM case_district_changes h WHERE h.case_id = c.id)`);
}

/** After a change: a row dated `on` for every case in scope whose district now differs from its last row. */
export function recordDistrictMoves(tx: DbOrTx, scope: HistoryScope, on: string, stamp: string): void {
  tx.run(sql`INSERT INTO case_district_changes (case_id, district_id, changed_on, created_at)
    SELECT c.id, COALESCE(c.district_id, p.district_id), ${on}, ${stamp}
    FROM cases c JOIN people p ON p.id = c.person_id
    WHERE ${where(scope)}
      AND COALESCE(c.district_id, p.district_id, -1) IS NOT COALESCE(
        (SELECT h.district_id FROM case_district_changes h WHERE h.case_id = c.id ORDER BY h.changed_on DESC, h.id DESC LIMIT 1), -1)`);
}
