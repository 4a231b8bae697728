/**
 * Exit courses (exitforløb) on a young person, and their follow-up two years after the end.
 * The programme's goal: no new conviction two years after the course ends. The register holds
 * charges, not convictions, so the follow-up counts the charges (case events of kind 'charge' on
 * any of the person's cases) in the 24 months after the end.
 */
import { anniversary, ageInMonths, ageInYears, compare, minDate, addDays, type IsoDate } from '../core/dates';

/**
 * national: the national Exit work in SSP+ (exit from gangs); kk-18-25: Københavns Kommune's Exit
 * for 18-25-year-olds (about 25 places); exit-17: the exit programme from 17½ for up to three years.
 */
export const EXIT_PROGRAMME_CODES = ['national', 'kk-18-25', 'exit-17'] as const;
export type ExitProgramme = (typeof EXIT_PROGRAMME_CODES)[number];

export const EXIT_STATUS_CODES = ['active', 'completed', 'interrupted'] as const;
export type ExitStatus = (typeof EXIT_STATUS_CODES)[number];

/** A course lasts at most three years (the exit programme from 17½: "up to three years"). */
export const EXIT_MAX_MONTHS = 36;
/** The follow-up: two years after the end. */
export const EXIT_FOLLOW_UP_MONTHS = 24;
/** Places in Københavns Kommune's Exit for 18-25 (shown as use of places, not enforced). */
export const EXIT_KK_PLACES = 25;

/** The last day a course started on `startOn` may end: three years on, by the month-end rule. */
export function exitLatestEnd(startOn: IsoDate): IsoDate {
  return anniversary(startOn, EXIT_MAX_MONTHS);
}

/** The follow-up date: 24 months after the end, by the month-end rule (31 Aug 2024 -> 1 Sep 2026). */
export function exitFollowUpDue(endOn: IsoDate): IsoDate {
  return anniversary(endOn, EXIT_FOLLOW_UP_MONTHS);
}

/** Problem codes of a course as entered (each becomes a Danish sentence on the side that shows it). */
export type ExitProblem =
  | 'end-before-start'
  | 'over-three-years'
  | 'end-in-future'
  | 'end-missing'
  | 'end-on-active'
  | 'start-in-future'
  | 'too-young-17'
  | 'outside-18-25';

export interface ExitCourseFields {
  programme: ExitProgramme;
  startOn: IsoDate;
  endOn: IsoDate | null;
  status: ExitStatus;
}

/**
 * What is wrong with a course, by field. An ended course (completed or interrupted) needs its end
 * date, not after today; an active one has none yet. The end is at most three years after the
 * start (`exitLatestEnd`, that day included). Age at the start: the programme from 17½ needs 17½
 * (210 months), Københavns Kommune's Exit 18 to 25 whole years.
 */
export function exitCourseProblems(c: ExitCourseFields, birthDate: IsoDate, today: IsoDate): Partial<Record<'startOn' | 'endOn' | 'programme', ExitProblem>> {
  const out: Partial<Record<'startOn' | 'endOn' | 'programme', ExitProblem>> = {};
  if (compare(c.startOn, today) > 0) out.startOn = 'start-in-future';
  if (c.status === 'active') {
    if (c.endOn) out.endOn = 'end-on-active';
  } else if (!c.endOn) {
    out.endOn = 'end-missing';
  } else if (compare(c.endOn, c.startOn) < 0) {
    out.endOn = 'end-before-start';
  } else if (compare(c.endOn, exitLatestEnd(c.startOn)) > 0) {
    out.endOn = 'over-three-years';
  } else if (compare(c.endOn, today) > 0) {
    out.endOn = 'end-in-future';
  }
  if (c.programme === 'exit-17' && ageInMonths(birthDate, c.startOn) < 17 * 12 + 6) out.programme = 'too-young-17';
  if (c.programme === 'kk-18-25') {
    const age = ageInYears(birthDate, c.startOn);
    if (age < 18 || age > 25) out.programme = 'outside-18-25';
  }
  return out;
}

export type ExitFollowUpState = 'running' | 'due';

export interface ExitFollowUp {
  /** 24 months after the end. */
  dueOn: IsoDate;
  /** running: the 24 months are not over (today before dueOn); due: they are. */
  state: ExitFollowUpState;
  /** Charges counted: after the end day, through the due date (or today while running). */
  windowAfter: IsoDate;
  windowThrough: IsoDate;
  newCharges: number;
}

/**
 * The follow-up of an ended course: the window runs from the day after the end through the due
 * date (the end day itself is still inside the course); while it runs, through today. The count
 * is the charges dated inside it. Null for an active course.
 */
export function exitFollowUp(endOn: IsoDate | null, chargeDates: readonly IsoDate[], today: IsoDate): ExitFollowUp | null {
  if (!endOn) return null;
  const dueOn = exitFollowUpDue(endOn);
  const through = minDate(dueOn, today);
  const after = addDays(endOn, 1);
  const newCharges = chargeDates.filter((d) => compare(d, after) >= 0 && compare(d, through) <= 0).length;
  return { dueOn, state: compare(today, dueOn) >= 0 ? 'due' : 'running', windowAfter: after, windowThrough: through, newCharges };
}

/** An active course past its three years (to be ended). */
export function exitOverdue(c: { status: ExitStatus; startOn: IsoDate }, today: IsoDate): boolean {
  return c.status === 'active' && compare(today, exitLatestEnd(c.startOn)) > 0;
}
