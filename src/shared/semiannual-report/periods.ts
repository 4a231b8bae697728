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

/**
 * The periods a report can be chosen for: the half-years (newest first) with each year whose two
 * halves are both in the list placed before its halves ('2026', '2026-H2', '2026-H1', '2025', ...).
 */
export function withYearPeriods(halfYears: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of halfYears) {
    const m = /^(\d{4})-H([12])$/.exec(p);
    const year = m?.[1];
    if (year && !out.includes(year) && halfYears.includes(`${year}-H1`) && halfYears.includes(`${year}-H2`)) out.push(year);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
