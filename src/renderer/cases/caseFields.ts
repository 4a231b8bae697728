import { isValidIsoDate } from '../../shared/core/dates';
import { t } from '../core/i18n';

/** Date checks shared by the case forms; '' passes (required-ness is checked by the caller). */
export function dateError(value: string, today: string, options: { notFuture?: boolean; notBefore?: string; notBeforeMessage?: string } = {}): string | undefined {
  if (!value) return undefined;
  if (!isValidIsoDate(value)) return t('cases.date.invalid');
  if (options.notFuture && value > today) return t('cases.date.future');
  if (options.notBefore && value < options.notBefore) return options.notBeforeMessage ?? t('cases.date.tooEarly');
  return undefined;
}

/** Maps main's field paths onto a form's keys (only the keys the form has). */
export function pickFields<K extends string>(fields: Record<string, string> | undefined, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [path, message] of Object.entries(fields ?? {})) if ((keys as readonly string[]).includes(path)) out[path as K] = message;
  return out;
}
