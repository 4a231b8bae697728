import {
  CLOSING_REASONS,
  EVENT_KINDS,
  LEVEL_LABELS,
  OFFENCE_CATEGORIES,
  type CaseLevel,
} from '../../shared/cases';
import { AGE_BAND_LABELS, type AgeBand } from '../../shared/core/districts';
import { getLocale, t } from '../core/i18n';

/**
 * Domain vocabulary on screen: the shared domain's Danish labels (the words users expect, also
 * in the English UI, like the names of forums and laws), plus a few app words from i18n.
 */
const labelIn = (list: readonly { code: string; label: string }[], code: string | null) =>
  code === null ? '' : (list.find((x) => x.code === code)?.label ?? code);

export const LEVELS: readonly CaseLevel[] = [1, 2, 3, 4];
export const levelName = (level: CaseLevel) => LEVEL_LABELS[level];
export const closingReasonName = (code: string | null) => labelIn(CLOSING_REASONS, code);
export const eventKindName = (code: string) => labelIn(EVENT_KINDS, code);
export const offenceName = (code: string | null) => labelIn(OFFENCE_CATEGORIES, code);

export const closingReasonOptions = CLOSING_REASONS.map((r) => ({ value: r.code as string, label: r.label }));
export const eventKindOptions = EVENT_KINDS.map((k) => ({ value: k.code as string, label: k.label }));
export const offenceOptions = OFFENCE_CATEGORIES.map((c) => ({ value: c.code as string, label: c.label }));

export const LIST_AGE_BANDS = ['0-11', '12-14', '15-17', '18-21', '22-25', '26+'] as const satisfies readonly AgeBand[];
export type ListAgeBand = (typeof LIST_AGE_BANDS)[number];
export const ageBandName = (band: ListAgeBand) => AGE_BAND_LABELS[band];

export function sexName(sex: 'M' | 'K' | 'unknown'): string {
  return sex === 'M' ? t('cases.sex.M') : sex === 'K' ? t('cases.sex.K') : t('cases.sex.unknown');
}

export const statusName = (status: 'open' | 'closed') => (status === 'open' ? t('cases.status.open') : t('cases.status.closed'));

/** "3. mar. 2026": compact, for tables and the timeline. */
/** "3. marts 2026". */

/** 5.000 in Danish, 5,000 in English. */
export const formatCount = (n: number) => n.toLocaleString(getLocale() === 'da' ? 'da-DK' : 'en-GB');
