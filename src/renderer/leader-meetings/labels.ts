import { addDays } from '../../shared/core/dates';
import { AGENDA_REASONS, PARTNERS, forumKindLabel } from '../../shared/leader-meetings';
import { EVENT_KINDS, LEVEL_LABELS, OFFENCE_CATEGORIES, type CaseLevel } from '../../shared/cases';
import { tableDate } from '../core/i18n';

/** Domain vocabulary on screen: the shared domain's Danish labels (the words users expect). */
export const partnerOptions = PARTNERS.map((p) => ({ value: p.code as string, label: p.label }));
export const partnerName = (code: string) => PARTNERS.find((p) => p.code === code)?.label ?? code;
export const reasonName = (code: string) => AGENDA_REASONS.find((r) => r.code === code)?.label ?? code;
export const eventName = (code: string) => EVENT_KINDS.find((k) => k.code === code)?.label ?? code;
export const offenceName = (code: string) => OFFENCE_CATEGORIES.find((c) => c.code === code)?.label ?? code;
export const levelName = (level: number) => LEVEL_LABELS[level as CaseLevel] ?? String(level);
export { forumKindLabel };

/** "16. sep. – 20. nov. 2026": the period the agenda looks at (after .. through). */
export function periodText(window: { after: string; through: string }): string {
  return `${tableDate(addDays(window.after, 1))} – ${tableDate(window.through)}`;
}

