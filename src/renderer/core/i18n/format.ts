import { format, parseISO } from 'date-fns';
import { da as daLocale, enGB } from 'date-fns/locale';
import { getLocale } from './locale';

const dateLocale = () => (getLocale() === 'da' ? daLocale : enGB);
/** ISO strings are read as local time ("2025-11-23" is that day here, not UTC midnight). */
const toDate = (d: Date | string) => (typeof d === 'string' ? parseISO(d) : d);

/** A calendar date for people: "23. november 2025" in Danish. */
export function formatDate(date: Date | string, pattern = 'd. MMMM yyyy'): string {
  return format(toDate(date), pattern, { locale: dateLocale() });
}

/** Date and time: "23. nov. 2025 kl. 14.05" in Danish. */
export function formatDateTime(date: Date | string): string {
  return format(toDate(date), getLocale() === 'da' ? "d. MMM yyyy 'kl.' HH.mm" : 'd MMM yyyy, HH:mm', { locale: dateLocale() });
}
