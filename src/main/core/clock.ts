import { programmeDate } from '../../shared/core/dates';

/**
 * Today's calendar date as YYYY-MM-DD on the programme's clock (Europe/Copenhagen), not the
 * laptop's time zone: see programmeDate.
 */
export function todayOf(d: Date): string {
  return programmeDate(d);
}
