/**
 * The Sikker By figure (issue 16 item 2): young people aged 14-25 charged in the period with
 * person-endangering or serious crime, per bydel and for the city.
 *
 * - A charge counts when its offence category is person-endangering (shared/cases
 *   OFFENCE_CATEGORIES) or the case stood at level 3 or 4 on the charge date: level 3 is the
 *   programme's "gentagen alvorlig kriminalitet", the serious crime the goal speaks of, and the
 *   level is a decision recorded by people (DOMAIN.md), not a guess from the category.
 * - Age in whole years on the charge date, 14 through 25 (the 26th birthday ends it): the goal
 *   counts those charged at that age, and the charge date does not move when the report is
 *   made later.
 * - Bydel: the case's district on the charge date (district history). Per bydel a person counts
 *   once however many charges; `charged` of two bydele can hold the same person (moved, charged
 *   in both), so their sum is not the city's figure.
 * - `firstInCity`: the person counted once, in the bydel of their first counted charge in the
 *   period (of all the vault's charges, whatever districts are reported): its sum over all bydele
 *   is the city figure that counts a person once, and it adds up like every other table, so
 *   totals, suppression across tables, subsets, the year view and merge need no special rule.
 */
import { ageInYears, compare, type IsoDate } from '../core/dates';
import { CASE_LEVELS, OFFENCE_CATEGORIES } from '../cases';

export const SIKKER_BY_MIN_AGE = 14;
export const SIKKER_BY_MAX_AGE = 25;
/** Levels whose charges count as serious crime whatever the category. */
export const SIKKER_BY_SERIOUS_LEVELS: readonly number[] = CASE_LEVELS.filter((l) => l >= 3);

const PERSON_ENDANGERING = new Set<string>(OFFENCE_CATEGORIES.filter((c) => c.personEndangering).map((c) => c.code));

export interface SikkerByCharge {
  personId: number;
  occurredOn: IsoDate;
  offenceCategory: string | null;
  /** The case's level on the charge date. */
  level: number;
  /** The case's district on the charge date; null without one. */
  districtId: number | null;
  birthDate: IsoDate | null;
}

/** Whether a charge counts toward the Sikker By figure. */
export function countsForSikkerBy(c: SikkerByCharge): boolean {
  const serious = (c.offenceCategory !== null && PERSON_ENDANGERING.has(c.offenceCategory)) || SIKKER_BY_SERIOUS_LEVELS.includes(c.level);
  if (!serious || c.birthDate === null || c.birthDate.length !== 10) return false;
  const age = ageInYears(c.birthDate, c.occurredOn);
  return age >= SIKKER_BY_MIN_AGE && age <= SIKKER_BY_MAX_AGE;
}

export interface SikkerByCount {
  districtId: number;
  charged: number;
  firstInCity: number;
}

/** The counts per district from the period's charges (any order). Charges without a district are not placed. */
export function sikkerByCounts(charges: readonly SikkerByCharge[]): SikkerByCount[] {
  const counted = charges.filter((c) => countsForSikkerBy(c) && c.districtId !== null);
  const people = new Map<number, Set<number>>();
  const first = new Map<number, SikkerByCharge>();
  for (const c of counted) {
    const d = c.districtId as number;
    people.set(d, (people.get(d) ?? new Set()).add(c.personId));
    const f = first.get(c.personId);
    if (!f || compare(c.occurredOn, f.occurredOn) < 0) first.set(c.personId, c);
  }
  const out = new Map<number, SikkerByCount>();
  const row = (d: number) => out.get(d) ?? out.set(d, { districtId: d, charged: 0, firstInCity: 0 }).get(d)!;
  for (const [d, ps] of people) row(d).charged = ps.size;
  for (const c of first.values()) row(c.districtId as number).firstInCity += 1;
  return [...out.values()];
}
