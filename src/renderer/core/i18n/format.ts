import { format, parseISO } from 'date-fns';
import { da as daLocale, enGB } from 'date-fns/locale';
import { programmeDate, programmeWallClock } from '../../../shared/core/dates';
import { getLocale } from './locale';

const dateLocale = () => (getLocale() === 'da' ? daLocale : enGB);
/**
 * Calendar dates ("2025-11-23") are that day, not UTC midnight. Instants (a Date, or a timestamp
 * with a time) are shown on Copenhagen's wall clock, the programme's clock, whatever zone the
 * laptop is set to: the wall-clock figures are put in a local Date only for date-fns to print.
 */
const toDate = (d: Date | string): Date => {
  if (typeof d === 'string' && !d.includes('T')) return parseISO(d);
  const instant = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(instant.getTime())) return instant;
  const w = programmeWallClock(instant);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
};

/** Today as YYYY-MM-DD on the programme's clock (Europe/Copenhagen): the default for dates the user records. */
export function todayIso(): string {
  return programmeDate(new Date());
}

function formatDate(date: Date | string, pattern: string): string {
  return format(toDate(date), pattern, { locale: dateLocale() });
}

/** The one date style for tables and lists: "23.11.2025" (the same in both languages). */
export function tableDate(date: Date | string): string {
  return format(toDate(date), 'dd.MM.yyyy');
}

/** The one date style for prose: "23. november 2025" in Danish. */
export function proseDate(date: Date | string): string {
  return formatDate(date, getLocale() === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy');
}

/** Date and time, the table style with the time: "23.11.2025 kl. 14.05" in Danish. */
export function formatDateTime(date: Date | string): string {
  return format(toDate(date), getLocale() === 'da' ? "dd.MM.yyyy 'kl.' HH.mm" : 'dd.MM.yyyy, HH:mm');
}

/** A month ('2025-11'), not a date: "nov." (short, chart axes) or "november 2025" (long). */
export function monthName(month: string, length: 'short' | 'long'): string {
  return formatDate(`${month}-01`, length === 'short' ? 'MMM' : 'MMMM yyyy');
}
