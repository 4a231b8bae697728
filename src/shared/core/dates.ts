/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'). No times, no time zones: every calculation
 * works on year/month/day numbers or on a day count from the Unix epoch computed in UTC, so no
 * local time zone or daylight-saving change can move a date by a day.
 */
export type IsoDate = string;

export interface DateParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The ASCII digit at i, or -1. (Not a closure in parseIsoDate: a bundler's name helper wrapped it on every call.) */
function digitAt(value: string, i: number): number {
  const c = value.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * 'YYYY-MM-DD' with ASCII digits read as numbers, or null. By character codes: the date
 * functions validate every argument, and Overblik calls them some 10,000 times (a regular
 * expression and three Number() calls per date took most of its JavaScript time).
 */
function parseIsoDate(value: string): DateParts | null {
  const days = dayNumberOrNaN(value);
  if (days !== days) return null;
  return { year: yearOf(value), month: digitAt(value, 5) * 10 + digitAt(value, 6), day: digitAt(value, 8) * 10 + digitAt(value, 9) };
}

function yearOf(value: string): number {
  return digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
}

/**
 * The day number (days since 1970-01-01, negative before) of a valid 'YYYY-MM-DD', or NaN:
 * validates and converts without allocating (compare, addDays and diffDays run thousands of
 * times per Overblik call, and the objects and Date instances they made kept the collector busy).
 */
function dayNumberOrNaN(value: string): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const y0 = digitAt(value, 0), y1 = digitAt(value, 1), y2 = digitAt(value, 2), y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5), m1 = digitAt(value, 6), d0 = digitAt(value, 8), d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** 'YYYY-MM-DD' of parts known to be a real date with a year 1-9999 (no re-validation). */
function formatValid(year: number, month: number, day: number): IsoDate {
  return `${year >= 1000 ? String(year) : String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (years 0001-9999). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const n = dayNumberOrNaN(value);
  return n === n;
}

/** Splits a valid IsoDate; throws a RangeError on anything else. */
export function toParts(date: IsoDate): DateParts {
  const parts = typeof date === 'string' ? parseIsoDate(date) : null;
  if (!parts) throw new RangeError('Ugyldig dato: forventede formatet ÅÅÅÅ-MM-DD.');
  return parts;
}

/** Builds an IsoDate from parts; throws if the parts are not a real calendar date. */
export function fromParts(parts: DateParts): IsoDate {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError('Ugyldig dato.');
  }
  return formatValid(year, month, day);
}

/** Days since 1970-01-01 (negative before), on the proleptic Gregorian calendar. */
function toDayNumber(date: IsoDate): number {
  const n = dayNumberOrNaN(date);
  if (n !== n) throw new RangeError('Ugyldig dato: forventede formatet ÅÅÅÅ-MM-DD.');
  return n;
}

/** The date of a day number (H. Hinnant's civil_from_days); throws outside the years 1-9999. */
function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError('Ugyldig dato.');
  return formatValid(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError('Antal dage skal være et helt tal.');
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds whole months. When the target month is shorter, the day is clamped to its last day:
 * 2025-08-31 + 3 = 2025-11-30, 2025-01-31 + 1 = 2025-02-28, 2024-01-31 + 1 = 2024-02-29.
 * Negative months go backwards with the same clamping (2025-03-31 - 1 = 2025-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError('Antal måneder skal være et helt tal.');
  toDayNumber(date); // validates
  const index = yearOf(date) * 12 + (digitAt(date, 5) * 10 + digitAt(date, 6) - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError('Ugyldig dato.');
  return formatValid(newYear, newMonth, Math.min(digitAt(date, 8) * 10 + digitAt(date, 9), daysInMonth(newYear, newMonth)));
}

/** Adds whole years with month-end clamping (2024-02-29 + 1 year = 2025-02-28). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** -1 if a is before b, 0 if equal, 1 if after. Validates both. */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  toDayNumber(a);
  toDayNumber(b);
  return a < b ? -1 : a > b ? 1 : 0; // valid ISO dates sort lexically
}

/** Whole days from b to a, i.e. a - b (like date-fns differenceInDays(a, b)). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compare(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compare(a, b) >= 0 ? a : b;
}

/**
 * The month-end rule for ages and anniversaries, one rule for the whole programme:
 * an anniversary `months` months after `date` falls on the same day of the month; when the target
 * month has no such day (31 -> a 30-day month, 29-31 -> February), it falls on the 1st of the next
 * month. So born 31 August 2008 turns 17½ on 1 March 2026 (17½ years have not passed on 28
 * February: the 31st has not come), and born 29 February 2004 turns 25 on 1 March 2029. This is
 * the rule ageInYears and ageInMonths count by, so "turns N on" and "is N on" always agree.
 * Deadlines of schedules ("every 3 months", "3 months after the plan ended") use addMonths,
 * which keeps a deadline inside its month (31 May + 3 = 31 August, 30 November + 3 = 28 February).
 */
export function anniversary(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError('Antal måneder skal være et helt tal.');
  const { year, month, day } = toParts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (day <= daysInMonth(newYear, newMonth)) return fromParts({ year: newYear, month: newMonth, day });
  return newMonth === 12 ? fromParts({ year: newYear + 1, month: 1, day: 1 }) : fromParts({ year: newYear, month: newMonth + 1, day: 1 });
}

/** The date on which someone born on birthDate turns `years` years old (the month-end rule above). */
export function birthdayOf(birthDate: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years)) throw new RangeError('Antal år skal være et helt tal.');
  return anniversary(birthDate, years * 12);
}

/** Whole months of age on refDate, by the month-end rule (the day of the month must have come). */
export function ageInMonths(birthDate: IsoDate, refDate: IsoDate): number {
  const b = toParts(birthDate);
  const r = toParts(refDate);
  return (r.year - b.year) * 12 + (r.month - b.month) - (r.day < b.day ? 1 : 0);
}

/**
 * Age in whole years on refDate. The birthday itself counts (born 2010-05-05 is 16 on 2026-05-05).
 * Rule for 29 February births: in years without 29 February the age goes up on 1 March
 * (so 28 February is still the old age). Before birth the result is negative.
 */
export function ageInYears(birthDate: IsoDate, refDate: IsoDate): number {
  const b = toParts(birthDate);
  const r = toParts(refDate);
  let age = r.year - b.year;
  // Comparing (month, day) gives the 1 March rule for free: (2, 28) < (2, 29) < (3, 1).
  if (r.month < b.month || (r.month === b.month && r.day < b.day)) age -= 1;
  return age;
}

// ---------------------------------------------------------------------------------------------
// Half-year periods ('2026-H1' = January-June, '2026-H2' = July-December)

export type PeriodString = string;

export interface HalfYear {
  year: number;
  half: 1 | 2;
}

const PERIOD = /^(\d{4})-H([12])$/;

/** '2026-H1' -> { year: 2026, half: 1 }; null when the text is not a half-year period. */
export function parsePeriod(text: string): HalfYear | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  return { year, half: m[2] === '1' ? 1 : 2 };
}

export function formatPeriod(period: HalfYear): PeriodString {
  if (!Number.isInteger(period.year) || period.year < 1 || period.year > 9999 || (period.half !== 1 && period.half !== 2)) {
    throw new RangeError('Ugyldig periode.');
  }
  return `${String(period.year).padStart(4, '0')}-H${period.half}`;
}

export function isValidPeriod(text: unknown): text is PeriodString {
  return typeof text === 'string' && parsePeriod(text) !== null;
}

function requirePeriod(period: PeriodString): HalfYear {
  const p = parsePeriod(period);
  if (!p) throw new RangeError('Ugyldig periode: forventede formatet ÅÅÅÅ-H1 eller ÅÅÅÅ-H2.');
  return p;
}

/** First and last day of a half-year, both inclusive. */
export function halfYearPeriod(period: PeriodString): { start: IsoDate; end: IsoDate } {
  const { year, half } = requirePeriod(period);
  const y = String(year).padStart(4, '0');
  return half === 1 ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` };
}

/** The half-year containing a date. */
export function periodOf(date: IsoDate): PeriodString {
  const { year, month } = toParts(date);
  return formatPeriod({ year, half: month <= 6 ? 1 : 2 });
}

/** True when the date lies in the period (both ends inclusive). */
export function isInPeriod(date: IsoDate, period: PeriodString): boolean {
  const { start, end } = halfYearPeriod(period);
  return compare(date, start) >= 0 && compare(date, end) <= 0;
}

/**
 * The n half-years before `period`, most recent first, not including `period` itself:
 * previousPeriods('2026-H1', 3) = ['2025-H2', '2025-H1', '2024-H2'].
 */
export function previousPeriods(period: PeriodString, n: number): PeriodString[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('Antal perioder skal være et helt tal på 0 eller mere.');
  const { year, half } = requirePeriod(period);
  const out: PeriodString[] = [];
  let index = year * 2 + (half - 1);
  for (let i = 0; i < n; i++) {
    index -= 1;
    const y = Math.floor(index / 2);
    if (y < 1) break;
    out.push(formatPeriod({ year: y, half: index % 2 === 0 ? 1 : 2 }));
  }
  return out;
}

const DANISH_MONTHS = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'december',
] as const;

/** '2026-03-01' -> '1. marts 2026', for Danish sentences. */
export function formatDanishDate(date: IsoDate): string {
  const { year, month, day } = toParts(date);
  return `${day}. ${DANISH_MONTHS[month - 1] ?? ''} ${year}`;
}

/** '2026-H1' -> '1. halvår 2026', '2026' -> 'hele 2026' (a year report), for labels. */
export function formatPeriodLabel(period: PeriodString): string {
  if (/^\d{4}$/.test(period)) return `hele ${Number(period)}`;
  const { year, half } = requirePeriod(period);
  return `${half}. halvår ${year}`;
}

/**
 * The programme's clock. SSP København runs in Europe/Copenhagen: "today", the half-year a
 * moment falls in and every deadline follow Copenhagen's calendar, whatever time zone the laptop
 * is set to (a laptop left on UTC would otherwise put 2026-06-30T22:30Z, half past midnight on
 * 1 July in Copenhagen, in the first half-year). Uses the time-zone data built into Node and
 * Chromium (Intl), so summer time follows the EU rules without a table of our own.
 */
export const PROGRAMME_TIME_ZONE = 'Europe/Copenhagen';

export interface WallClock extends DateParts {
  hour: number;
  minute: number;
  second: number;
}

let wallClockFormat: Intl.DateTimeFormat | undefined;

/** The wall clock in Copenhagen at an instant. */
export function programmeWallClock(instant: Date): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Ugyldigt tidspunkt.');
  wallClockFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: PROGRAMME_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts: Record<string, number> = {};
  for (const p of wallClockFormat.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The calendar date in Copenhagen at an instant: the programme's "today". */
export function programmeDate(instant: Date): IsoDate {
  const { year, month, day } = programmeWallClock(instant);
  return fromParts({ year, month, day });
}

/** The Copenhagen calendar date of a timestamp (a note's writtenAt); its first ten characters if it is not one. */
export function dateOfTimestamp(timestamp: string): IsoDate {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp.slice(0, 10) : programmeDate(d);
}

/**
 * The instant a calendar day begins in Copenhagen, as an ISO timestamp in UTC ("2026-07-01" ->
 * "2026-06-30T22:00:00.000Z" in summer time, "2027-01-01" -> "2026-12-31T23:00:00.000Z" in winter):
 * what a filter by day compares stored UTC timestamps with. Midnight always exists there (the
 * clocks change at 02:00 and 03:00).
 */
export function programmeDayStart(date: IsoDate): string {
  const { year, month, day } = toParts(date);
  for (const offsetHours of [2, 1]) {
    const instant = new Date(Date.UTC(year, month - 1, day) - offsetHours * 3_600_000);
    const w = programmeWallClock(instant);
    if (w.hour === 0 && w.minute === 0 && w.day === day && w.month === month) return instant.toISOString();
  }
  throw new RangeError('no Copenhagen midnight found');
}

/**
 * An instant as Copenhagen's wall clock, "2026-03-01 14:05:09": the form the app's CSV files use
 * for times (Danish Excel and LibreOffice read it as a date-time value, not as text).
 */
export function formatProgrammeDateTime(instant: Date): string {
  const w = programmeWallClock(instant);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

/**
 * Copenhagen's wall clock at an instant as a Date whose UTC fields hold it: what a spreadsheet
 * date-time cell needs (spreadsheet cells have no time zone; writers count from UTC fields).
 */
export function programmeWallClockAsUtc(instant: Date): Date {
  const w = programmeWallClock(instant);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

// ---------------------------------------------------------------------------------------------
// Dates as people type and read them: dd.mm.åååå

/** Why a typed date was refused (each side turns the code into its own words). */
export type DateInputProblem =
  /** Not one of the accepted shapes (letters, a two-digit year, digits missing). */
  | 'format'
  /** The shape is right but the calendar has no such day (31.02.2025, 29.02.2025, 13th month). */
  | 'noSuchDate'
  /** A real date, but the year is outside DATE_INPUT_YEARS (a typo such as 0209 or 20009). */
  | 'yearRange';

export type DateInputResult = { ok: true; date: IsoDate } | { ok: false; problem: DateInputProblem };

/** The years a typed date may have: every date this programme records lies well inside them. */
export const DATE_INPUT_YEARS = { min: 1900, max: 2199 } as const;

/** Day, month and year with one separator each: a dot, a hyphen, a slash or a space (31/12-2009 is the handwritten Danish form). */
const DAY_MONTH_YEAR = /^(\d{1,2})\s*[.\-/ ]\s*(\d{1,2})\s*[.\-/ ]\s*(\d+)$/;
/** Eight digits, day first: 31122009. */
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/;
/** ISO, as pasted from another system: 2009-12-31. */
const ISO_TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a date the way Danes write it, whatever language the computer is set to:
 * 31.12.2009, 31-12-2009, 31/12/2009, 31/12-2009, 31 12 2009, 31122009, the short forms 1.2.2009
 * and 01.2.2009, and ISO 2009-12-31. Day before month always (never the American order); the year
 * in four digits (a two-digit year is refused: 09 could be 1909 or 2009). Spaces around the text
 * and around separators are ignored. Returns null for empty text (whether a date is required is
 * the form's rule), otherwise the ISO date or the reason it is not one.
 */
export function parseDateInput(text: string): DateInputResult | null {
  const s = text.trim();
  if (s === '') return null;
  let day: string, month: string, year: string;
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) [, day, month, year] = m as unknown as [string, string, string, string];
  else if ((m = DIGITS_ONLY.exec(s))) [, day, month, year] = m as unknown as [string, string, string, string];
  else if ((m = ISO_TYPED.exec(s))) [, year, month, day] = m as unknown as [string, string, string, string];
  else return { ok: false, problem: 'format' };
  if (year.length !== 4) return { ok: false, problem: 'format' };
  const parts = { year: Number(year), month: Number(month), day: Number(day) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) {
    return { ok: false, problem: 'noSuchDate' };
  }
  if (parts.year < DATE_INPUT_YEARS.min || parts.year > DATE_INPUT_YEARS.max) return { ok: false, problem: 'yearRange' };
  return { ok: true, date: fromParts(parts) };
}

/** '2009-12-31' -> '31.12.2009': the one way a date is shown in a field and in a table. */
export function formatDateNumeric(date: IsoDate): string {
  const { year, month, day } = toParts(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${String(year).padStart(4, '0')}`;
}
