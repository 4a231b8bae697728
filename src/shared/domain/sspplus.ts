/**
 * SSP+ (young adults 17½-25 with a level 3 or 4 case): eligibility, plan vocabulary,
 * review schedule, outcome follow-up dates and age alerts.
 */
import {
  addDays,
  addMonths,
  birthdayOf,
  compare,
  diffDays,
  formatDanishDate,
  type IsoDate,
} from './dates';
import type { CaseLevel } from './levels';

// ---------------------------------------------------------------------------------------------
// Age limits

/**
 * The day someone turns 17½: birth date + 17 years + 6 months (210 months), clamped to the month
 * end (born 31 August 2008 -> 28 February 2026).
 */
export function seventeenAndHalfDate(birthDate: IsoDate): IsoDate {
  return addMonths(birthDate, 17 * 12 + 6);
}

/**
 * The 25th birthday. Same rule as ageInYears (dates.ts): a 29 February birth turns 25 on 1 March
 * in a year without 29 February, so "under 25" agrees with the age shown everywhere else.
 */
export function twentyFifthBirthday(birthDate: IsoDate): IsoDate {
  return birthdayOf(birthDate, 25);
}

// ---------------------------------------------------------------------------------------------
// Eligibility

export type CaseStatus = 'open' | 'closed';
export type EligibilityRule = 'age-too-low' | 'age-too-high' | 'level-too-low' | 'no-open-case';
export type Eligibility = { eligible: true } | { eligible: false; rule: EligibilityRule; reason: string };

/**
 * Whether a plan may start on startDate. Rules, checked in this order (the first failure is
 * reported): 17½ reached on or before the start date; the start date before the 25th birthday;
 * an open case; that case at level 3 or 4.
 */
export function eligibility(
  birthDate: IsoDate,
  startDate: IsoDate,
  openCase: { level: CaseLevel; status: CaseStatus } | null,
): Eligibility {
  const from = seventeenAndHalfDate(birthDate);
  if (compare(startDate, from) < 0) {
    return {
      eligible: false,
      rule: 'age-too-low',
      reason: `SSP+ er for unge fra 17½ år. Den unge er ikke fyldt 17½ på startdatoen, men bliver det ${formatDanishDate(from)}; planen kan tidligst starte den dag.`,
    };
  }
  const until = twentyFifthBirthday(birthDate);
  if (compare(startDate, until) >= 0) {
    return {
      eligible: false,
      rule: 'age-too-high',
      reason: `SSP+ er for unge under 25 år. Den unge fylder 25 ${formatDanishDate(until)}, så en plan skal starte før den dag.`,
    };
  }
  if (openCase === null || openCase.status !== 'open') {
    return {
      eligible: false,
      rule: 'no-open-case',
      reason: 'SSP+ kræver en åben sag på niveau 3 eller 4. Den unge har ingen åben sag; opret eller genåbn sagen først.',
    };
  }
  if (openCase.level < 3) {
    return {
      eligible: false,
      rule: 'level-too-low',
      reason: `SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau ${openCase.level}.`,
    };
  }
  return { eligible: true };
}

// ---------------------------------------------------------------------------------------------
// Plan vocabulary

export const LIFE_AREAS = [
  { code: 'education', label: 'Uddannelse' },
  { code: 'employment', label: 'Beskæftigelse' },
  { code: 'income', label: 'Forsørgelse' },
  { code: 'housing', label: 'Bolig' },
  { code: 'substance-use', label: 'Misbrug' },
  { code: 'health', label: 'Sundhed' },
  { code: 'network', label: 'Netværk' },
  { code: 'leisure', label: 'Fritid' },
  { code: 'criminal-associations', label: 'Kriminelle relationer / exit' },
  { code: 'probation-conditions', label: 'Vilkår' },
] as const;
export type LifeArea = (typeof LIFE_AREAS)[number]['code'];
export const LIFE_AREA_CODES: readonly LifeArea[] = LIFE_AREAS.map((a) => a.code);

export const PLAN_END_REASONS = [
  { code: 'completed', label: 'Gennemført' },
  { code: 'turned-25', label: 'Fyldt 25' },
  { code: 'moved', label: 'Fraflyttet' },
  { code: 'declined', label: 'Takket nej' },
  { code: 'other', label: 'Andet' },
] as const;
export type PlanEndReason = (typeof PLAN_END_REASONS)[number]['code'];
export const PLAN_END_REASON_CODES: readonly PlanEndReason[] = PLAN_END_REASONS.map((r) => r.code);

/**
 * Outcome at a follow-up. The codes are Danish because they are also the keys of the shared
 * report format (report/schema.ts); 'ukendt' is for a follow-up that could not be made.
 */
export const OUTCOMES = [
  { code: 'uddannelse', label: 'I uddannelse' },
  { code: 'job', label: 'I job' },
  { code: 'aktivering', label: 'I aktivering' },
  { code: 'ingen', label: 'Ingen af delene' },
  { code: 'ukendt', label: 'Ukendt' },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['code'];
export const OUTCOME_CODES: readonly Outcome[] = OUTCOMES.map((o) => o.code);

/** In education, a job or activation: what the 50 % target in the source documents counts. */
export function isActiveOutcome(outcome: Outcome): boolean {
  return outcome === 'uddannelse' || outcome === 'job' || outcome === 'aktivering';
}

function labelOf(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((x) => x.code === code)?.label ?? code;
}
export const lifeAreaLabel = (code: LifeArea): string => labelOf(LIFE_AREAS, code);
export const planEndReasonLabel = (code: PlanEndReason): string => labelOf(PLAN_END_REASONS, code);
export const outcomeLabel = (code: Outcome): string => labelOf(OUTCOMES, code);

// ---------------------------------------------------------------------------------------------
// Reviews and follow-ups

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 3;

/**
 * Review due dates start + k*interval months (k = 1, 2, ...) up to and including `until`.
 * Each date is computed from the start, not from the previous one, so month-end clamping does
 * not drift (start 31 January: 30 April, 31 July, 31 October).
 */
export function reviewSchedule(
  startDate: IsoDate,
  intervalMonths: number = DEFAULT_REVIEW_INTERVAL_MONTHS,
  until: IsoDate,
): IsoDate[] {
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1) {
    throw new RangeError('Intervallet skal være et helt antal måneder, mindst 1.');
  }
  const out: IsoDate[] = [];
  for (let k = 1; ; k++) {
    const due = addMonths(startDate, k * intervalMonths);
    if (compare(due, until) > 0) return out;
    out.push(due);
  }
}

export interface ReviewDue {
  dueOn: IsoDate;
  /** dueOn - refDate in days: negative when overdue, 0 on the day. */
  daysLeft: number;
  overdue: boolean;
}

/**
 * The next review: interval months after the latest review held on or before refDate, or after
 * the start when none was held yet. Reviews dated after refDate are ignored (not yet held).
 */
export function nextReviewDue(
  startDate: IsoDate,
  reviewsDone: readonly IsoDate[],
  intervalMonths: number = DEFAULT_REVIEW_INTERVAL_MONTHS,
  refDate: IsoDate,
): ReviewDue {
  let last = startDate;
  for (const r of reviewsDone) {
    if (compare(r, refDate) <= 0 && compare(r, last) > 0) last = r;
  }
  const dueOn = addMonths(last, intervalMonths);
  const daysLeft = diffDays(dueOn, refDate);
  return { dueOn, daysLeft, overdue: daysLeft < 0 };
}

export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

/** Outcome follow-ups after a plan ends (or a release): +3, +6 and +12 months, month-end clamped. */
export function followUpDueDates(endDate: IsoDate): { m3: IsoDate; m6: IsoDate; m12: IsoDate } {
  return { m3: addMonths(endDate, 3), m6: addMonths(endDate, 6), m12: addMonths(endDate, 12) };
}

// ---------------------------------------------------------------------------------------------
// Alerts

function within(date: IsoDate, refDate: IsoDate, days: number): IsoDate | null {
  return compare(date, refDate) >= 0 && compare(date, addDays(refDate, days)) <= 0 ? date : null;
}

/** The 17½ date when it falls within [refDate, refDate + days]; else null. */
export function turns17HalfWithin(birthDate: IsoDate, refDate: IsoDate, days = 60): IsoDate | null {
  return within(seventeenAndHalfDate(birthDate), refDate, days);
}

/** The 25th birthday when it falls within [refDate, refDate + days]; else null. */
export function turns25Within(birthDate: IsoDate, refDate: IsoDate, days = 60): IsoDate | null {
  return within(twentyFifthBirthday(birthDate), refDate, days);
}
