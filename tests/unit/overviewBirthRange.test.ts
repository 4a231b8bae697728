import { describe, expect, it } from 'vitest';
import { addDays, birthdayOf } from '../../src/shared/core/dates';
import { birthDateRange } from '../../src/shared/overview';
import { seventeenAndHalfDate, twentyFifthBirthday } from '../../src/shared/ssp-plus';

/**
 * Overblik reads the people whose 17½, 18th or 25th birthday falls in its window by a birth-date
 * range: checked against a brute-force pass over every birth date, for windows starting on every
 * day of 2027 and 2028 (month ends, 29 February, leap and ordinary years), 11 and 14 days long.
 */
describe('birthDateRange: exactly the births whose birthday is in the window', () => {
  const rules = [
    ['17½', 17 * 12 + 6, seventeenAndHalfDate],
    ['18', 18 * 12, (b: string) => birthdayOf(b, 18)],
    ['25', 25 * 12, twentyFifthBirthday],
  ] as const;
  for (const [label, months, dateOf] of rules) {
    it(`turning ${label}`, () => {
      let checked = 0;
      for (let from = '2027-01-01'; from <= '2028-12-31'; from = addDays(from, 1)) {
        for (const length of [10, 13]) {
          const to = addDays(from, length);
          const range = birthDateRange(from, to, months, dateOf);
          // Brute force: every birth date within a month either side of the plain shift.
          const inWindow: string[] = [];
          for (let b = addDays(range.from, -40); b <= addDays(range.to, 40); b = addDays(b, 1)) {
            const d = dateOf(b);
            if (d >= from && d <= to) inWindow.push(b);
          }
          expect(inWindow.length, `${from}..${to}`).toBeGreaterThan(0);
          expect({ from: inWindow[0], to: inWindow[inWindow.length - 1] }, `${from}..${to}`).toEqual(range);
          // One range: no gaps.
          expect(inWindow.length).toBe(Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1);
          checked++;
        }
      }
      expect(checked).toBe(731 * 2);
    });
  }
});
