/**
 * The "Tryghed og uro" table of the report's files (CSV, XLSX): per bydel the flag "bydel med
 * uro", the 'uro observeret' entries and activated beredskabsplaner, and the bydel's assessment
 * beside them; then "Alle bydele" with the number of bydele med uro and the sums. Numbers stay
 * numbers. Nothing for a report without unrest rows (files from before them).
 */
import { bydeleWithUnrest, type UnrestRow } from './unrest';
import type { ReportV1 } from './schema';

export const UNREST_SHEET = 'Tryghed og uro';
export const UNREST_TITLE = 'Tryghed og uro: bydele med uro i perioden';
export const UNREST_HEADERS = ['Bydel', 'Bydel med uro', 'Uro observeret', 'Beredskabsplaner aktiveret', 'Vurdering'] as const;
export const UNREST_RULE =
  'En bydel er "bydel med uro", når loggen har "uro observeret" i perioden, eller en beredskabsplan var aktiv på en af periodens dage.';

export interface UnrestFileRow {
  cells: [string, string | number, number, number, string];
  total: boolean;
}

export function unrestFileRows(report: ReportV1): UnrestFileRow[] {
  const rows = report.unrest;
  if (!rows) return [];
  const text = new Map(report.assessments.map((a) => [a.district, a.text]));
  const sum = (f: (r: UnrestRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return [
    ...rows.map((r) => ({ cells: [r.district, r.withUnrest ? 'Ja' : 'Nej', r.observations, r.plansActivated, text.get(r.district) ?? ''] as UnrestFileRow['cells'], total: false })),
    { cells: ['Alle bydele', bydeleWithUnrest(rows), sum((r) => r.observations), sum((r) => r.plansActivated), ''], total: true },
  ];
}
