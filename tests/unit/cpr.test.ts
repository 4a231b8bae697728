import { describe, expect, it } from 'vitest';
import {
  CPR_MESSAGES,
  centuryOf,
  cprLikePattern,
  findCprLike,
  maskCpr,
  mod11Valid,
  parseCpr,
} from '../../src/shared/core/cpr';

// All numbers below are synthetic, made up for the tests.

function ok(input: string) {
  const r = parseCpr(input);
  if (!r.ok) throw new Error(`expected ok for ${input}: ${r.reason}`);
  return r.value;
}

describe('parseCpr: shapes', () => {
  it('accepts with and without hyphen and trims whitespace', () => {
    expect(ok('010203-1237').normalized).toBe('010203-1237');
    expect(ok('0102031237').normalized).toBe('010203-1237');
    expect(ok('  010203-1237\t\n').normalized).toBe('010203-1237');
  });
  it.each([
    ['', CPR_MESSAGES.missing],
    ['   ', CPR_MESSAGES.missing],
    ['010203-123', CPR_MESSAGES.malformed],
    ['010203-12345', CPR_MESSAGES.malformed],
    ['01020-31237', CPR_MESSAGES.malformed],
    ['010203  1237', CPR_MESSAGES.malformed],
    ['010203-\u20131237', CPR_MESSAGES.malformed],
    ['010203_1237', CPR_MESSAGES.malformed],
    ['010203--1237', CPR_MESSAGES.malformed],
    ['01O203-1237', CPR_MESSAGES.malformed],
    ['abcdef-ghij', CPR_MESSAGES.malformed],
    ['٠١٠٢٠٣١٢٣٧', CPR_MESSAGES.malformed], // Arabic-Indic digits are not CPR digits
  ])('refuses %j', (input, reason) => {
    expect(parseCpr(input)).toEqual({ ok: false, reason });
  });
  it('refuses impossible dates', () => {
    expect(parseCpr('320103-1237')).toEqual({ ok: false, reason: CPR_MESSAGES.invalidDate });
    expect(parseCpr('001003-1237')).toEqual({ ok: false, reason: CPR_MESSAGES.invalidDate });
    expect(parseCpr('011303-1237')).toEqual({ ok: false, reason: CPR_MESSAGES.invalidDate });
    expect(parseCpr('310403-1237')).toEqual({ ok: false, reason: CPR_MESSAGES.invalidDate });
  });
  it('has Danish messages', () => {
    expect(CPR_MESSAGES.malformed).toContain('DDMMÅÅ-SSSS');
  });
});

describe('parseCpr: birth date, sex, modulus 11', () => {
  it('parses a modulus-11-valid male number', () => {
    // 0*4+1*3+0*2+2*7+0*6+3*5+1*4+2*3+3*2+7*1 = 55 = 5*11
    expect(parseCpr('010203-1237')).toEqual({
      ok: true,
      value: { normalized: '010203-1237', birthDate: '1903-02-01', sex: 'M', mod11Valid: true, warnings: [] },
    });
  });
  it('parses a modulus-11-valid female number', () => {
    // 1*4+2*3+0*2+5*7+8*6+8*5+3*4+0*3+6*2+8*1 = 165 = 15*11
    const v = ok('120588-3068');
    expect(v.birthDate).toBe('1988-05-12');
    expect(v.sex).toBe('K');
    expect(v.mod11Valid).toBe(true);
  });
  it('accepts a modulus-11 failure with a Danish warning', () => {
    // sum 52, not divisible by 11
    const v = ok('010203-1234');
    expect(v.mod11Valid).toBe(false);
    expect(v.sex).toBe('K');
    expect(v.warnings).toEqual([CPR_MESSAGES.mod11Warning]);
    expect(v.warnings[0]).toMatch(/modulus 11/);
  });
  it('checks modulus 11 directly', () => {
    expect(mod11Valid('3101752347')).toBe(true); // sum 121
    expect(mod11Valid('3101752345')).toBe(false); // sum 119
    expect(mod11Valid('310175-2347')).toBe(false); // needs ten digits
  });
  it('reads sex from the last digit', () => {
    expect(ok('150510-4000').sex).toBe('K');
    expect(ok('150510-4001').sex).toBe('M');
    expect(ok('150510-4008').sex).toBe('K');
    expect(ok('150510-4009').sex).toBe('M');
  });
});

describe('CPR as people type it (issue 19): one separator rule for input and the detector', () => {
  // Decoded by hand from the CPR office's century rule (DOMAIN.md): 211062-5629 is 21 October,
  // 7th digit 5 with YY 62 (58-99) -> 1862, last digit 9 -> M.
  const typed = ['211062-5629', '2110625629', '211062 5629', '211062\u20135629', '211062\u20145629', '211062 - 5629', '211062 \u2013 5629', '211062\u00a05629', '211062\u22125629', '211062\u20115629'];
  it.each(typed)('%j is 211062-5629', (input) => {
    const v = ok(input);
    expect(v.normalized).toBe('211062-5629');
    expect(v.birthDate).toBe('1862-10-21');
    expect(v.sex).toBe('M');
  });
  it.each(typed)('the free-text detector finds %j whole, as the parser accepts it', (input) => {
    expect(findCprLike(`Drøftet: ${input}.`)).toEqual([input]);
  });
  it('refuses a birth date in the future when today is given, as saving does', () => {
    // 010150-5001: 7th digit 5, YY 50 (00-57) -> 2050.
    expect(parseCpr('010150-5001', { today: '2026-12-03' })).toEqual({ ok: false, reason: CPR_MESSAGES.futureBirth });
    expect(parseCpr('010150-5001').ok).toBe(true); // without a today only the shape and date are checked
    // born today is not in the future: 031226-4001 (7th digit 4, YY 26 -> 2026)
    expect(ok2('031226-4001', '2026-12-03').birthDate).toBe('2026-12-03');
    expect(parseCpr('041226-4001', { today: '2026-12-03' }).ok).toBe(false);
  });
});

function ok2(input: string, today: string) {
  const r = parseCpr(input, { today });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('century table (every cell)', () => {
  // [7th digit, YY, expected birth year], from the table in DOMAIN.md
  const rows: Array<[number, string, number]> = [];
  const expectations: Record<string, [number, number, number, number, number, number]> = {
    // YY:            00    36    37    57    58    99
    '0': [1900, 1936, 1937, 1957, 1958, 1999],
    '1': [1900, 1936, 1937, 1957, 1958, 1999],
    '2': [1900, 1936, 1937, 1957, 1958, 1999],
    '3': [1900, 1936, 1937, 1957, 1958, 1999],
    '4': [2000, 2036, 1937, 1957, 1958, 1999],
    '9': [2000, 2036, 1937, 1957, 1958, 1999],
    '5': [2000, 2036, 2037, 2057, 1858, 1899],
    '6': [2000, 2036, 2037, 2057, 1858, 1899],
    '7': [2000, 2036, 2037, 2057, 1858, 1899],
    '8': [2000, 2036, 2037, 2057, 1858, 1899],
  };
  const yys = ['00', '36', '37', '57', '58', '99'];
  for (const [digit, years] of Object.entries(expectations)) {
    yys.forEach((yy, i) => rows.push([Number(digit), yy, years[i] as number]));
  }
  it.each(rows)('7th digit %i, YY %s -> %i', (digit, yy, year) => {
    expect(ok(`1505${yy}-${digit}001`).birthDate).toBe(`${year}-05-15`);
    expect(centuryOf(digit, Number(yy)) + Number(yy)).toBe(year);
  });
  it('covers all ten digits', () => {
    expect(Object.keys(expectations).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('leap days', () => {
  it('290200 with 7th digit 4-9 is 29 February 2000', () => {
    expect(ok('290200-4001').birthDate).toBe('2000-02-29');
    expect(ok('290200-5001').birthDate).toBe('2000-02-29');
    expect(ok('290200-9001').birthDate).toBe('2000-02-29');
  });
  it('290200 with 7th digit 0-3 is 1900, not a leap year: refused', () => {
    for (const d of ['0', '1', '2', '3']) {
      expect(parseCpr(`290200-${d}001`)).toEqual({ ok: false, reason: CPR_MESSAGES.invalidDate });
    }
  });
  it('290100 is 29 January and valid in any century', () => {
    expect(ok('290100-1001').birthDate).toBe('1900-01-29');
    expect(ok('290100-4001').birthDate).toBe('2000-01-29');
  });
  it('other leap and non-leap years', () => {
    expect(ok('290296-1001').birthDate).toBe('1996-02-29');
    expect(parseCpr('290297-1001').ok).toBe(false);
    expect(ok('290236-4001').birthDate).toBe('2036-02-29');
    expect(ok('290256-5001').birthDate).toBe('2056-02-29');
    expect(parseCpr('290258-5001').ok).toBe(false); // 1858 is not a leap year
    expect(ok('290260-1001').birthDate).toBe('1960-02-29');
  });
});

describe('maskCpr', () => {
  it('hides the serial', () => {
    expect(maskCpr('010203-1237')).toBe('010203-xxxx');
    expect(maskCpr('0102031237')).toBe('010203-xxxx');
    expect(maskCpr(' 010203-1237 ')).toBe('010203-xxxx');
  });
  it('hides everything when the value is not CPR-shaped', () => {
    expect(maskCpr('01020-31237')).toBe('xxxxxx-xxxx');
    expect(maskCpr('')).toBe('xxxxxx-xxxx');
    expect(maskCpr('010203-12345')).toBe('xxxxxx-xxxx');
  });
});

describe('findCprLike', () => {
  it('finds CPR-shaped numbers in text', () => {
    expect(findCprLike('Sagen om 010203-1234 og 0102031237 blev drøftet.')).toEqual(['010203-1234', '0102031237']);
    expect(findCprLike('nr. 010203 1234')).toEqual(['010203 1234']);
    expect(findCprLike('nr. 010203 - 1234')).toEqual(['010203 - 1234']);
    expect(findCprLike('nr. 010203\u20131234')).toEqual(['010203\u20131234']);
    expect(findCprLike('(310175-2347)')).toEqual(['310175-2347']);
  });
  it('ignores numbers that are not CPR-shaped', () => {
    expect(findCprLike('Ring 12345678 eller +45 12 34 56 78')).toEqual([]);
    expect(findCprLike('123456-7890')).toEqual([]); // month 34
    expect(findCprLike('4010203-1234')).toEqual([]); // glued to a digit before
    expect(findCprLike('010203-12345')).toEqual([]); // and after
    expect(findCprLike('Møde 01.02.2026 kl. 10-12, 2019-2020')).toEqual([]);
    expect(findCprLike('')).toEqual([]);
  });
  it('has a stateless pattern for test()', () => {
    expect(cprLikePattern.global).toBe(false);
    expect(cprLikePattern.test('x 0102031234 y')).toBe(true);
    expect(cprLikePattern.test('x 0102031234 y')).toBe(true);
    expect(cprLikePattern.test('x 01020312 y')).toBe(false);
  });
});
