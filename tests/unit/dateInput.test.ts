import { describe, expect, it } from 'vitest';
import { formatDateNumeric, parseDateInput } from '../../src/shared/core/dates';

const ok = (date: string) => ({ ok: true, date });
const no = (problem: string) => ({ ok: false, problem });

describe('parseDateInput: the forms Danes type', () => {
  it.each([
    ['31-12-2009', '2009-12-31'],
    ['31.12.2009', '2009-12-31'],
    ['31122009', '2009-12-31'],
    ['31/12/2009', '2009-12-31'],
    ['31/12-2009', '2009-12-31'],
    ['31 12 2009', '2009-12-31'],
    ['1.2.2009', '2009-02-01'],
    ['01.2.2009', '2009-02-01'],
    ['1.02.2009', '2009-02-01'],
    ['5-7-2026', '2026-07-05'],
    ['  31.12.2009  ', '2009-12-31'],
    ['31. 12. 2009', '2009-12-31'],
    ['2009-12-31', '2009-12-31'],
    ['01012000', '2000-01-01'],
  ])('%j is %s', (typed, iso) => {
    expect(parseDateInput(typed)).toEqual(ok(iso));
  });

  it('reads day before month, never the American order', () => {
    expect(parseDateInput('02.03.2026')).toEqual(ok('2026-03-02'));
    expect(parseDateInput('12/31/2009')).toEqual(no('noSuchDate'));
  });

  it('empty text is no date at all (the form decides whether one is required)', () => {
    expect(parseDateInput('')).toBeNull();
    expect(parseDateInput('   ')).toBeNull();
  });
});

describe('parseDateInput: 29 February and the ends of months', () => {
  it.each([
    ['29.02.2024', '2024-02-29'], // divisible by 4
    ['29.02.2000', '2000-02-29'], // divisible by 400
    ['29022028', '2028-02-29'],
    ['28.02.2025', '2025-02-28'],
    ['30.04.2026', '2026-04-30'],
    ['31.01.2026', '2026-01-31'],
  ])('%j exists: %s', (typed, iso) => {
    expect(parseDateInput(typed)).toEqual(ok(iso));
  });
  it.each(['29.02.2025', '29.02.1900', '29022100', '31.02.2025', '30.02.2024', '31.04.2026', '31.06.2026', '31.09.2026', '31.11.2026', '32.01.2026', '00.01.2026', '15.00.2026', '15.13.2026', '2025-02-29'])(
    '%j does not exist',
    (typed) => {
      expect(parseDateInput(typed)).toEqual(no('noSuchDate'));
    },
  );
});

describe('parseDateInput: what it refuses', () => {
  it.each([
    '31.12.09', // two-digit year: 1909 or 2009?
    '311209', // six digits look like a CPR number's birth date: refused, not guessed
    '3112200', // seven digits
    '311220091', // nine digits
    '31.12.20099',
    '31.12',
    '31..12.2009',
    '31.12.2009.',
    'i går',
    '31.dec.2009',
    '31 december 2009',
    '2009/12/31',
    '2009-12-31T10:00',
    '−31.12.2009',
    '٣١.١٢.٢٠٠٩', // Arabic-Indic digits are not \d in JavaScript regexes without /u: refused
  ])('%j is not a date', (typed) => {
    expect(parseDateInput(typed)).toEqual(no('format'));
  });

  it('a real calendar date with a mistyped year is refused, not stored', () => {
    expect(parseDateInput('31.12.0209')).toEqual(no('yearRange'));
    expect(parseDateInput('01.01.1899')).toEqual(no('yearRange'));
    expect(parseDateInput('01.01.2200')).toEqual(no('yearRange'));
    expect(parseDateInput('01.01.1900')).toEqual(ok('1900-01-01'));
    expect(parseDateInput('31.12.2199')).toEqual(ok('2199-12-31'));
  });
});

describe('formatDateNumeric', () => {
  it('shows dd.mm.yyyy with leading zeros', () => {
    expect(formatDateNumeric('2009-12-31')).toBe('31.12.2009');
    expect(formatDateNumeric('2026-03-01')).toBe('01.03.2026');
  });
  it('round-trips with parseDateInput for every day of a leap year and a common year', () => {
    let seen = 0;
    for (const year of [2024, 2025]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const exists = day <= new Date(Date.UTC(year, month, 0)).getUTCDate(); // a second method: JS Date's month length
          const typed = `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
          const parsed = parseDateInput(typed);
          if (exists) {
            expect(parsed).toEqual(ok(iso));
            expect(formatDateNumeric(iso)).toBe(typed);
            seen++;
          } else expect(parsed).toEqual(no('noSuchDate'));
        }
      }
    }
    expect(seen).toBe(366 + 365);
  });
  it('throws on a non-date', () => {
    expect(() => formatDateNumeric('2025-02-29')).toThrow(RangeError);
  });
});
