import type { HandlerCtx } from '../../core/service-context';
import type { PayloadPreview } from '../../../shared/handover';
import { parsePayload } from './validate';

/**
 * What a received payload holds, before anything is written: the person, their case numbers, a
 * count per table, and the people already here with the same CPR number or the same name and
 * birth date (the receiver may link to one of them).
 */
export function previewPayload(s: HandlerCtx, raw: unknown): PayloadPreview {
  const { payload } = parsePayload(s.sqlite, s.app.modules, raw);
  const p = payload.tables.people![0]!;
  const person = {
    firstName: String(p.first_name ?? ''),
    lastName: String(p.last_name ?? ''),
    birthDate: String(p.birth_date ?? ''),
    cpr: typeof p.cpr === 'string' ? p.cpr : null,
    sex: String(p.sex ?? 'unknown'),
  };
  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(payload.tables)) counts[table] = rows.length;
  counts.audit = payload.audit.length;
  type Match = PayloadPreview['matches'][number];
  const rows = s.sqlite
    .prepare(
      `SELECT id AS personId, first_name AS firstName, last_name AS lastName, birth_date AS birthDate,
              CASE WHEN cpr IS NOT NULL AND cpr = @cpr THEN 'cpr' ELSE 'name-birth' END AS matchedBy
       FROM people WHERE anonymised_at IS NULL AND ((@cpr IS NOT NULL AND cpr = @cpr) OR (search_name = @search AND birth_date = @birth))
       ORDER BY matchedBy, id`,
    )
    .all({ cpr: person.cpr, search: String(p.search_name ?? ''), birth: person.birthDate }) as Match[];
  return {
    person,
    handoverDate: payload.handoverDate,
    caseNumbers: (payload.tables.cases ?? []).map((c) => String(c.case_number)),
    counts,
    matches: rows,
  };
}
