/**
 * The release meeting checklist: fixed items, each with a status (plus owner, deadline and
 * note, which live with the stored item, not here).
 */

export const CHECKLIST_ITEMS = [
  { code: 'housing', label: 'Bolig og adresse' },
  { code: 'income', label: 'Forsørgelse fra første dag' },
  { code: 'education-job', label: 'Uddannelse eller job og første aftale i jobcentret' },
  { code: 'substance-treatment', label: 'Misbrugsbehandling' },
  { code: 'health', label: 'Sundhed, psykiatri og medicin' },
  { code: 'family-network', label: 'Familie og netværk' },
  { code: 'id-documents', label: 'Legitimation, sundhedskort og bankkonto' },
  { code: 'probation', label: 'Tilsyn: vilkår og kontakt til Kriminalforsorgen' },
  { code: 'mentor', label: 'Mentor eller exit-koordinator' },
  { code: 'gang-exit', label: 'Exit fra bande' },
  { code: 'risk-level', label: 'Risikoniveau' },
] as const;
export type ChecklistItemCode = (typeof CHECKLIST_ITEMS)[number]['code'];
export const CHECKLIST_ITEM_CODES: readonly ChecklistItemCode[] = CHECKLIST_ITEMS.map((i) => i.code);

export const CHECKLIST_STATUSES = [
  { code: 'arranged', label: 'Arrangeret' },
  { code: 'in-progress', label: 'I gang' },
  { code: 'missing', label: 'Mangler' },
  { code: 'not-relevant', label: 'Ikke relevant' },
] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number]['code'];
export const CHECKLIST_STATUS_CODES: readonly ChecklistStatus[] = CHECKLIST_STATUSES.map((s) => s.code);

export function checklistItemLabel(code: ChecklistItemCode): string {
  return CHECKLIST_ITEMS.find((i) => i.code === code)?.label ?? code;
}

export function checklistStatusLabel(code: ChecklistStatus): string {
  return CHECKLIST_STATUSES.find((s) => s.code === code)?.label ?? code;
}

export interface Readiness {
  /** Items arranged. */
  arranged: number;
  /** Items not marked 'not-relevant'. */
  relevant: number;
  /** All items. */
  total: number;
}

/** How ready a release is: "arranged of relevant" (e.g. 7 af 9 relevante punkter). */
export function readiness(items: readonly { status: ChecklistStatus }[]): Readiness {
  let arranged = 0;
  let relevant = 0;
  for (const item of items) {
    if (item.status === 'arranged') arranged++;
    if (item.status !== 'not-relevant') relevant++;
  }
  return { arranged, relevant, total: items.length };
}
