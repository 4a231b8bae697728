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

