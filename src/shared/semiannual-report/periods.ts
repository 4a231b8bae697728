/** Report periods: a half-year 'YYYY-H1' / 'YYYY-H2' (core/dates), or a year 'YYYY' made of both halves. */

export const YEAR_PERIOD = /^(\d{4})$/;

/** 'YYYY': a year report, made of its two half-years. */
export function isYearPeriod(period: string): boolean {
  return YEAR_PERIOD.test(period) && Number(period) >= 1;
}

/** The two half-years of a year period. */
export function halvesOf(year: string): [string, string] {
  return [`${year}-H1`, `${year}-H2`];
}
