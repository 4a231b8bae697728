import { addDays, addMonths, compare, toParts, type IsoDate } from '../core/dates';

/**
 * Overblik's due rules, pure. Weeks run Monday to Sunday on the programme's calendar
 * (Europe/Copenhagen: `today` is always `ctx.today`/`todayIso()`, never the laptop's date).
 * An item is *overdue* when its date is before today, *this week* from today through this
 * week's Sunday, *next week* from the following Monday through Sunday; anything later is not
 * on Overblik. Due today is this week, not overdue.
 */
export const OVERVIEW_BUCKETS = ['overdue', 'thisWeek', 'nextWeek'] as const;
export type OverviewBucket = (typeof OVERVIEW_BUCKETS)[number];

/** ISO weekday, Monday = 1 ... Sunday = 7 (calendar arithmetic in UTC, no zone can shift it). */
export function isoWeekday(date: IsoDate): number {
  const { year, month, day } = toParts(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export interface OverviewWeeks {
  today: IsoDate;
  thisWeek: { from: IsoDate; to: IsoDate };
  nextWeek: { from: IsoDate; to: IsoDate };
}

export function overviewWeeks(today: IsoDate): OverviewWeeks {
  const monday = addDays(today, 1 - isoWeekday(today));
  return {
    today,
    thisWeek: { from: monday, to: addDays(monday, 6) },
    nextWeek: { from: addDays(monday, 7), to: addDays(monday, 13) },
  };
}

/** The bucket a due date falls in, or null when it is after next week. */
export function bucketOf(due: IsoDate, weeks: OverviewWeeks): OverviewBucket | null {
  if (compare(due, weeks.today) < 0) return 'overdue';
  if (compare(due, weeks.thisWeek.to) <= 0) return 'thisWeek';
  if (compare(due, weeks.nextWeek.to) <= 0) return 'nextWeek';
  return null;
}

/**
 * The birth dates whose birthday (`dateOf`: 18th, 17½, 25th ...) falls from `from` to `to`
 * inclusive, as one range (empty when from > to): the birthday rules are monotonic (a later birth
 * never has an earlier birthday; month ends and 29 February move to the 1st), so the births form
 * one range, found by stepping in from a few days outside the plain shift by `months`.
 */
export function birthDateRange(from: IsoDate, to: IsoDate, months: number, dateOf: (birth: IsoDate) => IsoDate): { from: IsoDate; to: IsoDate } {
  let first = addDays(addMonths(from, -months), -3);
  for (let i = 0; i < 7 && dateOf(first) < from; i++) first = addDays(first, 1);
  let last = addDays(addMonths(to, -months), 3);
  for (let i = 0; i < 7 && dateOf(last) > to; i++) last = addDays(last, -1);
  return { from: first, to: last };
}

/** A case with nothing recorded (event, note, level or status change) for this many weeks is listed. */
export const DEFAULT_INACTIVE_WEEKS = 8;
export const MIN_INACTIVE_WEEKS = 2;
export const MAX_INACTIVE_WEEKS = 52;

/** At most this many items per bucket cross the boundary; the counts are always complete. */
export const OVERVIEW_ITEM_LIMIT = 300;

/** The kinds of item on Overblik, in the order the screen's filter lists them. */
export const OVERVIEW_KINDS = [
  'case-review',
  'meeting-action',
  'release-action',
  'case-action',
  'sspplus-review',
  'sspplus-action',
  'sspplus-followup',
  'release-date',
  'release-meeting',
  'release-followup',
  'exit-followup',
  'turning-17half',
  'turning-18',
  'turning-25',
  'inactive',
] as const;
export type OverviewKind = (typeof OVERVIEW_KINDS)[number];
