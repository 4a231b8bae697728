import { getLocale } from '../core/i18n';

/** A file size for people: "834 kB", "1,2 MB". */
export function formatBytes(bytes: number): string {
  const locale = getLocale() === 'da' ? 'da-DK' : 'en-GB';
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
