/**
 * SSP+ (young adults 17½-25 with a level 3 or 4 case): eligibility, plan vocabulary,
 * review schedule, outcome follow-up dates and age alerts.
 */
import {
  addDays,
  addMonths,
  anniversary,
  birthdayOf,
  compare,
  diffDays,
  formatDanishDate,
  type IsoDate,
} from '../core/dates';
import type { CaseLevel } from '../cases';

// ---------------------------------------------------------------------------------------------
// Age limits

/**
 * The day someone turns 17½: 210 months after birth by the programme's month-end rule
 * (`anniversary` in dates.ts): born 31 August 2008 -> 1 March 2026, as a 29 February birth turns
 * 25 on 1 March.
 */
export function seventeenAndHalfDate(birthDate: IsoDate): IsoDate {
  return anniversary(birthDate, 17 * 12 + 6);
}

/**
 * The 25th birthday. Same rule as ageInYears (dates.ts): a 29 February birth turns 25 on 1 March
 * in a year without 29 February, so "under 25" agrees with the age shown everywhere else.
 */
export function twentyFifthBirthday(birthDate: IsoDate): IsoDate {
  return birthdayOf(birthDate, 25);
}

// ---------------------------------------------------------------------------------------------
// The age band (a setting: the programme's two documents say "17½-24" and "17½-25")

/**
 * Who SSP+ is for, by age: from `minAgeMonths` months old (210 = 17½) until the birthday
 * `maxAgeYears` (25: a plan starts before the 25th birthday, so "17½-24" in whole years, "up to
 * 25" in the other document's words). Both ends follow the month-end rule of `anniversary`.
 */
export interface AgeBand {
  minAgeMonths: number;
  maxAgeYears: number;
}
export const DEFAULT_AGE_BAND: AgeBand = { minAgeMonths: 17 * 12 + 6, maxAgeYears: 25 };

/** "17½", "18", "17 år og 3 måneder": an age given in months, for Danish sentences. */
export function ageLabel(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (rest === 0) return String(years);
  if (rest === 6) return `${years}½`;
  return `${years} år og ${rest} ${rest === 1 ? 'måned' : 'måneder'}`;
}

/** The first day in the band. */
export function bandStart(birthDate: IsoDate, band: AgeBand = DEFAULT_AGE_BAND): IsoDate {
  return anniversary(birthDate, band.minAgeMonths);
}

/** The first day after the band (the `maxAgeYears` birthday). */
export function bandEnd(birthDate: IsoDate, band: AgeBand = DEFAULT_AGE_BAND): IsoDate {
  return birthdayOf(birthDate, band.maxAgeYears);
}

// ---------------------------------------------------------------------------------------------
// Eligibility

export type CaseStatus = 'open' | 'closed';
export type EligibilityRule = 'age-too-low' | 'age-too-high' | 'level-too-low' | 'no-case' | 'case-closed';
export type Eligibility = { eligible: true } | { eligible: false; rule: EligibilityRule; reason: string };

/** The young person's latest SSP case as eligibility sees it. */
export interface EligibilityCase {
  level: CaseLevel;
  status: CaseStatus;
  /** The closing reason code of a closed case ('to-ssp-plus' = "Overgået til SSP+"). */
  closingReason?: string | null;
}

/**
 * Whether a plan may start on startDate. The programme's rule: a young person in the age band
 * with an SSP case in category 3-4. The case is the latest one: open at level 3 or 4, or closed
 * with "Overgået til SSP+" at level 3 or 4 (the natural order: the case is handed over, then the
 * plan starts). Checked in this order, the first failure reported: the band's start on or before
 * the start date; the start date before the band's end; a case; its status; its level.
 */
export function eligibility(birthDate: IsoDate, startDate: IsoDate, latestCase: EligibilityCase | null, band: AgeBand = DEFAULT_AGE_BAND): Eligibility {
  const from = bandStart(birthDate, band);
  const min = ageLabel(band.minAgeMonths);
  if (compare(startDate, from) < 0) {
    return {
      eligible: false,
      rule: 'age-too-low',
      reason: `SSP+ er for unge fra ${min} år. Den unge er ikke fyldt ${min} på startdatoen, men bliver det ${formatDanishDate(from)}; planen kan tidligst starte den dag.`,
    };
  }
  const until = bandEnd(birthDate, band);
  if (compare(startDate, until) >= 0) {
    return {
      eligible: false,
      rule: 'age-too-high',
      reason: `SSP+ er for unge under ${band.maxAgeYears} år. Den unge fylder ${band.maxAgeYears} ${formatDanishDate(until)}, så en plan skal starte før den dag.`,
    };
  }
  if (latestCase === null) {
    return {
      eligible: false,
      rule: 'no-case',
      reason: 'SSP+ kræver en SSP-sag på niveau 3 eller 4. Den unge har ingen sag på startdatoen: registrér henvisningen, så oprettes sagen i samme trin.',
    };
  }
  if (latestCase.status !== 'open' && latestCase.closingReason !== 'to-ssp-plus') {
    return {
      eligible: false,
      rule: 'case-closed',
      reason: 'SSP+ kræver en åben sag på niveau 3 eller 4 eller en sag afsluttet med "Overgået til SSP+". Den unges seneste sag er afsluttet af en anden grund; genåbn sagen, eller registrér en henvisning.',
    };
  }
  if (latestCase.level < 3) {
    return {
      eligible: false,
      rule: 'level-too-low',
      reason: `SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau ${latestCase.level}.`,
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

/**
 * The first day a 3/6/12-month outcome can be recorded: `windowDays` before it is due (a setting,
 * 14 by default). Before that the outcome would say nothing about the 3, 6 or 12 months.
 */
export function outcomeOpensOn(dueOn: IsoDate, windowDays: number): IsoDate {
  return addDays(dueOn, -windowDays);
}

/** The Danish refusal of an outcome recorded before its window opens. */
export function outcomeTooEarlyMessage(months: number, dueOn: IsoDate, windowDays: number): string {
  return `Opfølgningen efter ${months} måneder kan først registreres fra ${formatDanishDate(outcomeOpensOn(dueOn, windowDays))} (den forfalder ${formatDanishDate(dueOn)}).`;
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

// ---------------------------------------------------------------------------------------------
// Partners, actions and reviews (added with the SSP+ screens)

/** The partners a new vault offers for a plan. The list is data (sspplus_partners), editable. */
export const DEFAULT_PARTNERS: readonly string[] = ['SOF', 'BIF / Jobcenter', 'BUF', 'Kriminalforsorgen', 'Politi'];

export const ACTION_STATUSES = [
  { code: 'planned', label: 'Ikke startet' },
  { code: 'in-progress', label: 'I gang' },
  { code: 'done', label: 'Udført' },
  { code: 'cancelled', label: 'Opgivet' },
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number]['code'];
export const ACTION_STATUS_CODES: readonly ActionStatus[] = ACTION_STATUSES.map((s) => s.code);
export const actionStatusLabel = (code: ActionStatus): string => labelOf(ACTION_STATUSES, code);

/** An agreed action is overdue when its deadline has passed (refDate after it) and it is not done or given up. */
export function isActionOverdue(deadline: IsoDate | null, status: ActionStatus, refDate: IsoDate): boolean {
  return deadline !== null && (status === 'planned' || status === 'in-progress') && compare(deadline, refDate) < 0;
}

export const REVIEW_KINDS = [
  { code: 'scheduled', label: 'Planlagt statusmøde' },
  { code: 'ad-hoc', label: 'Ekstra statusmøde' },
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number]['code'];
export const REVIEW_KIND_CODES: readonly ReviewKind[] = REVIEW_KINDS.map((k) => k.code);
export const reviewKindLabel = (code: ReviewKind): string => labelOf(REVIEW_KINDS, code);

/** Why an ad hoc review was held (DOMAIN.md: after events such as a new charge, a release, lost housing). */
export const REVIEW_TRIGGERS = [
  { code: 'new-charge', label: 'Ny sigtelse' },
  { code: 'release', label: 'Løsladelse' },
  { code: 'lost-housing', label: 'Mistet bolig' },
  { code: 'other', label: 'Andet' },
] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number]['code'];
export const REVIEW_TRIGGER_CODES: readonly ReviewTrigger[] = REVIEW_TRIGGERS.map((k) => k.code);
export const reviewTriggerLabel = (code: ReviewTrigger): string => labelOf(REVIEW_TRIGGERS, code);

/** Status of a life area at a review. */
export const AREA_REVIEW_STATUSES = [
  { code: 'progress', label: 'Fremgang' },
  { code: 'unchanged', label: 'Uændret' },
  { code: 'setback', label: 'Tilbagegang' },
  { code: 'achieved', label: 'Mål nået' },
  { code: 'not-relevant', label: 'Ikke relevant' },
] as const;
export type AreaReviewStatus = (typeof AREA_REVIEW_STATUSES)[number]['code'];
export const AREA_REVIEW_STATUS_CODES: readonly AreaReviewStatus[] = AREA_REVIEW_STATUSES.map((s) => s.code);
export const areaReviewStatusLabel = (code: AreaReviewStatus): string => labelOf(AREA_REVIEW_STATUSES, code);

/** Reviews due within this many days count as "due soon" in the overview. *(design)* */
export const REVIEW_DUE_SOON_DAYS = 14;
/** Alerts look this many days ahead (17½ and 25). */
export const ALERT_DAYS = 60;

/**
 * The grid date (start + k·interval, k >= 1) a scheduled review held on `heldOn` counts for: the
 * nearest one, the earlier on a tie (a late review counts for the date it was late for). Returns k.
 */
export function gridIndexFor(startDate: IsoDate, heldOn: IsoDate, intervalMonths: number): number {
  let k = 1;
  while (compare(addMonths(startDate, (k + 1) * intervalMonths), heldOn) <= 0) k++;
  const before = addMonths(startDate, k * intervalMonths);
  if (compare(before, heldOn) > 0) return 1; // held before the first grid date
  const after = addMonths(startDate, (k + 1) * intervalMonths);
  return diffDays(heldOn, before) <= diffDays(after, heldOn) ? k : k + 1;
}

export interface ScheduledReviewDue extends ReviewDue {
  /** k in start + k·interval. */
  index: number;
}

/**
 * The next scheduled review on a fixed grid from the start: start + k·interval months. Each
 * scheduled review held on or before refDate counts for its nearest grid date (gridIndexFor);
 * the next one due is the grid date after the one the latest of them counted for. A date that
 * was missed is left behind once a later review is held. Ad hoc reviews do not move the grid.
 */
export function nextScheduledReview(
  startDate: IsoDate,
  scheduledHeld: readonly IsoDate[],
  intervalMonths: number = DEFAULT_REVIEW_INTERVAL_MONTHS,
  refDate: IsoDate,
): ScheduledReviewDue {
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1) {
    throw new RangeError('Intervallet skal være et helt antal måneder, mindst 1.');
  }
  // The nearest grid date never moves back for a later review (gridIndexFor is monotonic in the
  // date held), so the latest review held by refDate gives the highest index: one grid search
  // instead of one per review (Overblik runs this for every active plan on each call).
  let latest: IsoDate | null = null;
  for (const r of scheduledHeld) if (compare(r, refDate) <= 0 && (latest === null || compare(r, latest) > 0)) latest = r;
  const covered = latest === null ? 0 : gridIndexFor(startDate, latest, intervalMonths);
  const index = covered + 1;
  const dueOn = addMonths(startDate, index * intervalMonths);
  const daysLeft = diffDays(dueOn, refDate);
  return { dueOn, daysLeft, overdue: daysLeft < 0, index };
}
