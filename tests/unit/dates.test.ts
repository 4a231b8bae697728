import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageInMonths,
  ageInYears,
  anniversary,
  birthdayOf,
  compare,
  daysInMonth,
  diffDays,
  formatDanishDate,
  formatPeriod,
  formatPeriodLabel,
  halfYearPeriod,
  isInPeriod,
  isLeapYear,
  isValidIsoDate,
  toParts,
  fromParts,
  isValidPeriod,
  maxDate,
  minDate,
  parsePeriod,
  periodOf,
  previousPeriods,
  programmeDate,
  programmeWallClock,
  dateOfTimestamp,
} from '../../src/shared/core/dates';

describe('isValidIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (d) => {
    expect(isValidIsoDate(d)).toBe(true);
  });
  it.each([
    '2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-01',
    '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', ' 2026-01-01', '0000-01-01', '',
  ])('refuses %j', (d) => {
    expect(isValidIsoDate(d)).toBe(false);
  });
  it('refuses non-strings', () => {
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(new Date(0))).toBe(false);
  });
  it('knows leap years and month lengths', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2026)).toBe(false);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 0)).toBe('2026-01-01');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });
  it('is not shifted by daylight-saving changes', () => {
    // Danish DST: 29 March 2026 and 25 October 2026
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
  it('throws on invalid input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('addMonths and addYears', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2025-08-31', 3)).toBe('2025-11-30');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-05-31', 1)).toBe('2025-06-30');
  });
  it('adds plainly otherwise', () => {
    expect(addMonths('2025-08-15', 6)).toBe('2026-02-15');
    expect(addMonths('2025-11-30', 2)).toBe('2026-01-30');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-01-15', 0)).toBe('2026-01-15');
    expect(addMonths('2025-08-31', 12)).toBe('2026-08-31');
  });
  it('adds years with 29 February clamped to 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2008-08-31', 17)).toBe('2025-08-31');
  });
});

describe('compare, diffDays, min, max', () => {
  it('orders dates', () => {
    expect(compare('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compare('2026-01-02', '2026-01-01')).toBe(1);
    expect(compare('2026-01-01', '2026-01-01')).toBe(0);
    expect(compare('2025-12-31', '2026-01-01')).toBe(-1);
    expect(() => compare('2026-1-1', '2026-01-01')).toThrow(RangeError);
  });
  it('counts days as a - b', () => {
    expect(diffDays('2026-01-02', '2026-01-01')).toBe(1);
    expect(diffDays('2026-01-01', '2026-01-02')).toBe(-1);
    expect(diffDays('2026-03-01', '2026-02-01')).toBe(28);
    expect(diffDays('2024-03-01', '2024-02-01')).toBe(29);
    expect(diffDays('2027-01-01', '2026-01-01')).toBe(365);
    expect(diffDays('2026-05-05', '2026-05-05')).toBe(0);
    expect(diffDays('2026-04-01', '2026-03-28')).toBe(4); // across DST
  });
  it('picks min and max', () => {
    expect(minDate('2026-01-01', '2025-06-30')).toBe('2025-06-30');
    expect(maxDate('2026-01-01', '2025-06-30')).toBe('2026-01-01');
  });
});

describe('ageInYears', () => {
  it('counts the birthday itself', () => {
    expect(ageInYears('2010-05-05', '2026-05-05')).toBe(16);
    expect(ageInYears('2010-05-05', '2026-05-04')).toBe(15);
    expect(ageInYears('2010-05-05', '2026-05-06')).toBe(16);
    expect(ageInYears('2010-05-05', '2010-05-05')).toBe(0);
    expect(ageInYears('2010-12-31', '2026-01-01')).toBe(15);
  });
  it('lets 29 February births age on 1 March in non-leap years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageInYears('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20);
  });
  it('is negative before birth', () => {
    expect(ageInYears('2010-05-05', '2010-05-04')).toBe(-1);
  });
  it('gives birthdays by the same rule', () => {
    expect(birthdayOf('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayOf('2008-02-29', 20)).toBe('2028-02-29');
    expect(birthdayOf('2001-06-15', 25)).toBe('2026-06-15');
  });
});

describe('half-year periods', () => {
  it('parses and formats', () => {
    expect(parsePeriod('2026-H1')).toEqual({ year: 2026, half: 1 });
    expect(parsePeriod('2025-H2')).toEqual({ year: 2025, half: 2 });
    expect(parsePeriod('2026-H3')).toBeNull();
    expect(parsePeriod('2026H1')).toBeNull();
    expect(parsePeriod('2026-h1')).toBeNull();
    expect(parsePeriod(' 2026-H1')).toBeNull();
    expect(formatPeriod({ year: 2026, half: 2 })).toBe('2026-H2');
    expect(() => formatPeriod({ year: 2026.5, half: 1 })).toThrow(RangeError);
    expect(isValidPeriod('2026-H1')).toBe(true);
    expect(isValidPeriod('2026-H0')).toBe(false);
    expect(isValidPeriod(2026)).toBe(false);
  });
  it('gives first and last day', () => {
    expect(halfYearPeriod('2026-H1')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(halfYearPeriod('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(() => halfYearPeriod('2026-Q1')).toThrow(RangeError);
  });
  it('finds the period of a date', () => {
    expect(periodOf('2026-06-30')).toBe('2026-H1');
    expect(periodOf('2026-07-01')).toBe('2026-H2');
    expect(periodOf('2026-01-01')).toBe('2026-H1');
    expect(isInPeriod('2026-06-30', '2026-H1')).toBe(true);
    expect(isInPeriod('2026-07-01', '2026-H1')).toBe(false);
    expect(isInPeriod('2025-12-31', '2026-H1')).toBe(false);
  });
  it('lists previous periods, most recent first', () => {
    expect(previousPeriods('2026-H1', 3)).toEqual(['2025-H2', '2025-H1', '2024-H2']);
    expect(previousPeriods('2026-H2', 2)).toEqual(['2026-H1', '2025-H2']);
    expect(previousPeriods('2026-H2', 0)).toEqual([]);
    expect(() => previousPeriods('2026-H2', -1)).toThrow(RangeError);
  });
  it('labels in Danish', () => {
    expect(formatPeriodLabel('2026-H1')).toBe('1. halvår 2026');
    expect(formatDanishDate('2026-03-01')).toBe('1. marts 2026');
    expect(formatDanishDate('2025-12-24')).toBe('24. december 2025');
  });
});

describe("the programme's clock (Europe/Copenhagen)", () => {
  // Worked out by hand from the EU summer-time rule: CEST (UTC+2) from 01:00 UTC on the last
  // Sunday of March (2026-03-29) to 01:00 UTC on the last Sunday of October (2026-10-25); CET (UTC+1) otherwise.
  const table: [string, string, [number, number, number]][] = [
    ['2026-06-30T21:59:59Z', '2026-06-30', [23, 59, 59]],
    ['2026-06-30T22:00:00Z', '2026-07-01', [0, 0, 0]],
    ['2026-12-31T22:59:59Z', '2026-12-31', [23, 59, 59]],
    ['2026-12-31T23:00:00Z', '2027-01-01', [0, 0, 0]],
    ['2026-03-29T00:59:59Z', '2026-03-29', [1, 59, 59]],
    ['2026-03-29T01:00:00Z', '2026-03-29', [3, 0, 0]],
    ['2026-03-28T23:00:00Z', '2026-03-29', [0, 0, 0]],
    ['2026-10-25T00:59:59Z', '2026-10-25', [2, 59, 59]],
    ['2026-10-25T01:00:00Z', '2026-10-25', [2, 0, 0]],
    ['2026-10-24T21:59:59Z', '2026-10-24', [23, 59, 59]],
    ['2026-10-25T22:59:59Z', '2026-10-25', [23, 59, 59]],
    ['2028-02-28T23:00:00Z', '2028-02-29', [0, 0, 0]],
  ];
  for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
    it(`gives Copenhagen's date and wall clock with the process zone set to ${zone}`, () => {
      const before = process.env.TZ;
      process.env.TZ = zone;
      try {
        for (const [instant, date, [hour, minute, second]] of table) {
          const d = new Date(instant);
          expect(programmeDate(d), instant).toBe(date);
          expect(programmeWallClock(d), instant).toMatchObject({ hour, minute, second });
        }
        // the zone took effect: 22:30 UTC on 30 June is still 30 June in UTC and New York, 1 July in Tokyo
        expect(new Date('2026-06-30T22:30:00Z').getDate()).toBe(zone === 'Asia/Tokyo' ? 1 : 30);
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    });
  }

  it('reads a stored timestamp on the same clock, and refuses an invalid instant', () => {
    expect(dateOfTimestamp('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(dateOfTimestamp('2026-06-30')).toBe('2026-06-30');
    expect(() => programmeDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('one month-end rule for ages and anniversaries (issue 19, item 5)', () => {
  // The oracle, a second simple method: step through the calendar one day at a time (JavaScript's
  // own UTC calendar) and take the first day on which `months` whole months have passed, a month
  // counting as passed once its day of the month has been reached.
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  function firstDayWithMonths(birth: string, months: number): string {
    const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
    const d = new Date(Date.UTC(by, bm - 1 + months, 1) - 86_400_000 * 40);
    for (;;) {
      const passed = (d.getUTCFullYear() - by) * 12 + (d.getUTCMonth() + 1 - bm) - (d.getUTCDate() < bd ? 1 : 0);
      if (passed >= months) return iso(d);
      d.setUTCDate(d.getUTCDate() + 1);
    }
  }
  const births: string[] = [];
  for (const year of [2003, 2004, 2007, 2008]) {
    for (let month = 1; month <= 12; month++) {
      const last = daysInMonth(year, month);
      for (let day = 28; day <= last; day++) births.push(`${year}-${String(month).padStart(2, '0')}-${day}`);
    }
  }
  it('covers every month end and 29 February', () => {
    expect(births).toContain('2004-02-29');
    expect(births).toContain('2008-02-29');
    expect(births.filter((b) => b.endsWith('-31'))).toHaveLength(4 * 7);
  });
  for (const months of [6, 12 * 17 + 6, 12 * 18, 12 * 25]) {
    it(`anniversary after ${months} months, birthdayOf and ageInMonths/ageInYears agree with the oracle at every month end`, () => {
      for (const birth of births) {
        const expected = firstDayWithMonths(birth, months);
        expect(anniversary(birth, months), birth).toBe(expected);
        expect(ageInMonths(birth, expected), birth).toBe(months);
        expect(ageInMonths(birth, addDays(expected, -1)), birth).toBe(months - 1);
        if (months % 12 === 0) {
          expect(birthdayOf(birth, months / 12), birth).toBe(expected);
          expect(ageInYears(birth, expected), birth).toBe(months / 12);
          expect(ageInYears(birth, addDays(expected, -1)), birth).toBe(months / 12 - 1);
        }
      }
    });
  }
  it('examples from the issue: 29, 30, 31 August no longer all turn 17½ on 28 February', () => {
    expect(anniversary('2008-08-29', 210)).toBe('2026-03-01');
    expect(anniversary('2008-08-30', 210)).toBe('2026-03-01');
    expect(anniversary('2008-08-31', 210)).toBe('2026-03-01');
    expect(anniversary('2008-08-28', 210)).toBe('2026-02-28');
    expect(birthdayOf('2004-02-29', 25)).toBe('2029-03-01');
    expect(anniversary('2010-08-29', 210)).toBe('2028-02-29');
  });
});

describe('isValidIsoDate by character codes (issue 17: Overblik calls it some 10,000 times)', () => {
  /** The former rule, as a second method: the regular expression, then the calendar. */
  const byRegex = (v: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dim = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
    return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= dim;
  };
  it('agrees with the regular expression on every day of several years and on malformed strings', () => {
    const samples: string[] = [];
    for (const y of ['0000', '0001', '1900', '2000', '2024', '2026', '2100', '9999']) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) samples.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
    samples.push('', '2026-1-01', '2026-01-1', '2026/01/01', ' 2026-01-01', '2026-01-01 ', '+026-01-01', '2026-0a-01', '２０２６-01-01', '٢٠٢٦-01-01', '2026--1-01', '20260101', '2026-01-010', '2026-02-29', '2024-02-29', '2026-01-0:', '2026-01-/1');
    const wrong = samples.filter((v) => isValidIsoDate(v) !== byRegex(v));
    expect(wrong).toEqual([]);
    expect(samples.filter((v) => isValidIsoDate(v)).length).toBe(7 * 365 + 2 + 1); // 1900 and 2100 are not leap years; 2000 and 2024 are; '0000' is none
    for (const v of samples) if (isValidIsoDate(v)) expect(toParts(v)).toEqual({ year: Number(v.slice(0, 4)), month: Number(v.slice(5, 7)), day: Number(v.slice(8, 10)) });
    expect(() => toParts('2026-02-30')).toThrow(RangeError);
    expect(isValidIsoDate(20260101)).toBe(false);
  });
});

describe('day arithmetic without Date objects (issue 17: Overblik runs it thousands of times per call)', () => {
  // The former implementation, on Date in UTC: the reference.
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const refDayNumber = (date: string) => {
    const d = new Date(0);
    d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    return Math.round(d.getTime() / 86_400_000);
  };
  const refDate = (n: number) => {
    const d = new Date(n * 86_400_000);
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  };
  const epoch = '1970-01-01';

  it('gives the reference day number and date for every day of 1600-2400 and of each century start and end', () => {
    let checked = 0;
    const wrong: string[] = [];
    const check = (n: number) => {
      const date = refDate(n);
      if (addDays(epoch, n) !== date || diffDays(date, epoch) !== n || !isValidIsoDate(date)) wrong.push(date);
      checked++;
    };
    for (let n = refDayNumber('1600-01-01'); n <= refDayNumber('2400-12-31'); n++) check(n);
    for (let year = 1; year <= 9999; year += 99) for (const md of ['-01-01', '-02-28', '-03-01', '-12-31']) check(refDayNumber(`${pad(year, 4)}${md}`));
    check(refDayNumber('0001-01-01'));
    check(refDayNumber('9999-12-31'));
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(290_000);
  });

  it('keeps rejecting what is not a date, and the years outside 0001-9999', () => {
    for (const bad of ['0000-01-01', '2025-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '２０２４-01-01', '2024-01-01T00', ' 2024-01-01', '']) {
      expect(isValidIsoDate(bad), bad).toBe(false);
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
      expect(() => addMonths(bad, 1), bad).toThrow(RangeError);
      expect(() => compare(bad, '2024-01-01'), bad).toThrow(RangeError);
    }
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addMonths('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-31', -1)).toThrow(RangeError);
    expect(() => fromParts({ year: 2024, month: 2, day: 30 })).toThrow(RangeError);
    expect(() => fromParts({ year: 2024, month: 1.5, day: 3 })).toThrow(RangeError);
    expect(() => fromParts({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
    expect(fromParts({ year: 33, month: 2, day: 3 })).toBe('0033-02-03');
    expect(toParts('0033-02-03')).toEqual({ year: 33, month: 2, day: 3 });
  });

  it('adds months with the same clamping as before, in every month of 1999-2005 from each day', () => {
    const refAddMonths = (date: string, months: number) => {
      const y = Number(date.slice(0, 4)), m = Number(date.slice(5, 7)), d = Number(date.slice(8, 10));
      const index = y * 12 + (m - 1) + months;
      const ny = Math.floor(index / 12), nm = index - ny * 12 + 1;
      const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
      return `${pad(ny, 4)}-${pad(nm, 2)}-${pad(Math.min(d, last), 2)}`;
    };
    const wrong: string[] = [];
    for (let date = '1999-01-01'; date <= '2005-12-31'; date = addDays(date, 1)) {
      for (const months of [-25, -12, -6, -1, 1, 3, 6, 12, 210, 300]) if (addMonths(date, months) !== refAddMonths(date, months)) wrong.push(`${date} ${months}`);
    }
    expect(wrong).toEqual([]);
  });
});
