import { useSyncExternalStore } from 'react';
import { da, en } from '../../strings';
import { getLocale, subscribeLocale } from './locale';
import type { Locale, MessageKey, Messages, TArgs } from './types';

export type { Locale, MessageKey, PlainMessageKey } from './types';
export { getLocale, setLocale } from './locale';
export { formatDateTime, monthName, proseDate, tableDate, todayIso } from './format';

/** Read at call time: the joined catalogues import the areas, which import this module. */
const catalogs = (): Record<Locale, Messages> => ({ da, en });

/**
 * The user-visible text for a key in the current language. Placeholders are typed from the
 * Danish text: t('passphrase.tooShort', { min: 12, missing: 3 }).
 */
export function t<K extends MessageKey>(key: K, ...args: TArgs<K>): string {
  const text = catalogs()[getLocale()][key] ?? da[key];
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Danish grammar for a count: 1 picks the first key, anything else the second. */
export function tCount<K extends MessageKey>(one: K, other: K, count: number, ...args: TArgs<K>): string {
  return t(count === 1 ? one : other, ...args);
}

/** Re-render when the language changes. Used once, at the root (App). */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, getLocale);
}
