import { addMonths } from '../../shared/core/dates';
import type { Sqlite } from '../core/connection';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { RetentionPart } from '../core/module';
import type { HandlerCtx, ServiceCtx } from '../core/service-context';
import { activeHandoverOf, closedCasesDue, HANDED_OVER_MESSAGE, type ClosedCaseDue } from '../cases';
import { getSetting } from './store';
import { recordRetentionDeletion } from './restore-record';

/**
 * Retention (GDPR art. 5(1)(e)): a closed case is due for deletion `retentionMonths` after its
 * closing date. Deleting removes the personal data for good and keeps the rows as anonymous
 * statistical stubs, so reports for past periods stay the same:
 * - kept: district, legal sex, level history dates and levels, status history dates and closing
 *   reasons (codes), event dates and categories, SSP+ and release dates and outcome codes;
 * - removed: names, CPR number, contacts, school, journal notes, every free-text field;
 * - the birth date becomes the first day of its half-year (1 January or 1 July). Age in whole
 *   years at every half-year end (30 June, 31 December) is then exactly what it was, which is all
 *   the reports use, while the day of birth is gone.
 * secure_delete is on for every connection, so freed and rewritten cells are zeroed on disk, and
 * the WAL is checkpointed and truncated afterwards so no old page images remain in it.
 * The person is anonymised only when nothing of theirs is still in use: no open case, no active
 * SSP+ plan, no custody without a release date, and no other case not yet due.
 *
 * This file only orchestrates: each domain says whether it still needs a person and scrubs its
 * own tables (its RetentionPart, listed in src/main/modules.ts).
 */

export interface DueCase extends ClosedCaseDue {
  dueOn: string;
  /** Whether the person's own data goes too (false: other cases or plans keep it for now). */
  personDeleted: boolean;
}

function personStillInUse(sqlite: Sqlite, parts: readonly RetentionPart[], personId: number, deleting: ReadonlySet<number>): boolean {
  return parts.some((p) => p.personInUse?.(sqlite, personId, deleting) ?? false);
}

export function listDue(s: ServiceCtx, parts: readonly RetentionPart[]): DueCase[] {
  const months = getSetting(s.db, 'retentionMonths');
  const rows = closedCasesDue(s.sqlite, addMonths(s.today, -months));
  const ids = new Set(rows.map((r) => r.caseId));
  return rows.map((r) => ({ ...r, dueOn: addMonths(r.closedOn, months), personDeleted: !personStillInUse(s.sqlite, parts, r.personId, ids) }));
}

export function retentionDue(s: ServiceCtx, parts: readonly RetentionPart[]) {
  return { retentionMonths: getSetting(s.db, 'retentionMonths'), cases: listDue(s, parts) };
}

/** Delete the personal data of the given due cases (and their people where allowed), in one transaction. */
export function applyRetention(s: HandlerCtx, parts: readonly RetentionPart[], caseIds: number[]): { cases: number; people: number } {
  const due = new Map(listDue(s, parts).map((d) => [d.caseId, d]));
  const missing = caseIds.filter((id) => !due.has(id));
  if (missing.length) {
    // A handed-over person's case (issue 21) is not offered: say why, as every other write on it does.
    const handedOver = missing.some((id) => {
      const c = s.sqlite.prepare(`SELECT person_id AS p FROM cases WHERE id = ?`).get(id) as { p: number } | undefined;
      return c !== undefined && activeHandoverOf(s.sqlite, c.p) !== undefined;
    });
    if (handedOver) throw new AppError('HANDED_OVER', HANDED_OVER_MESSAGE);
    throw new AppError('RULE_VIOLATION', 'En eller flere af de valgte sager er ikke (længere) klar til sletning. Opdater listen, og prøv igen.');
  }
  const stamp = s.now.toISOString();
  const result = s.sqlite.transaction(() => {
    const deleting = new Set(caseIds);
    for (const id of caseIds) for (const p of parts) p.scrubCase?.(s.sqlite, id, stamp);
    const personIds = [...new Set(caseIds.map((id) => due.get(id)!.personId))];
    const peopleDeleted: number[] = [];
    for (const pid of personIds) {
      if (!personStillInUse(s.sqlite, parts, pid, deleting)) {
        for (const p of parts) p.scrubPerson?.(s.sqlite, pid, stamp);
        peopleDeleted.push(pid);
      }
    }
    audit(s.db, { at: s.now, actor: s.actor, action: 'delete', entity: 'retention', detail: `cases:${caseIds.length};people:${peopleDeleted.length}` });
    return { cases: caseIds.length, people: peopleDeleted };
  })();
  s.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // Outside the database too, so a restore of an older backup deletes them again (issue 15).
  recordRetentionDeletion(s, caseIds, result.people);
  return { cases: result.cases, people: result.people.length };
}
