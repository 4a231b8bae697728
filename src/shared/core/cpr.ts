/**
 * Danish CPR numbers (DDMMYY-SSSS). Parsing gives the birth date (century from the 7th digit),
 * the legal sex (last digit: even = K, odd = M) and whether the old modulus-11 check holds.
 * Numbers failing modulus 11 are valid (the check was dropped in 2007): accepted with a warning.
 * Nothing here logs or echoes the number in messages.
 */
import { fromParts, isValidIsoDate, type IsoDate } from './dates';

export type LegalSex = 'M' | 'K';

export interface ParsedCpr {
  /** Always 'DDMMYY-SSSS'. */
  normalized: string;
  birthDate: IsoDate;
  sex: LegalSex;
  mod11Valid: boolean;
  /** Danish sentences for the user; empty when nothing to warn about. */
  warnings: string[];
}

export type CprParseResult = { ok: true; value: ParsedCpr } | { ok: false; reason: string };

export const CPR_MESSAGES = {
  missing: 'Skriv et CPR-nummer.',
  malformed: 'Et CPR-nummer skal skrives som DDMMÅÅ-SSSS eller DDMMÅÅSSSS (10 cifre).',
  futureBirth: 'Fødselsdatoen i CPR-nummeret ligger i fremtiden. Kontroller nummeret.',
  invalidDate: 'De første seks cifre i CPR-nummeret er ikke en gyldig dato. Kontroller nummeret.',
  mod11Warning:
    'CPR-nummeret opfylder ikke modulus 11-kontrollen. Det kan godt være gyldigt (kontrollen gælder ikke numre udstedt efter 2007), men kontroller det.',
} as const;

/**
 * The separator people type between the date and the serial number, one rule for input, import
 * and the free-text detector: nothing, a space (also a no-break space), or a hyphen, a Unicode
 * hyphen or dash (en dash, em dash, minus sign), with or without a space on either side.
 * "010109-4002", "0101094002", "010109 4002", "010109–4002" and "010109 – 4002" are one number.
 */
const SEPARATOR = '(?:[ \\u00a0]?[-\\u2010-\\u2015\\u2212][ \\u00a0]?|[ \\u00a0])?';
const CPR_SHAPE = new RegExp(`^(\\d{2})(\\d{2})(\\d{2})${SEPARATOR}(\\d{4})$`, 'u');
const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * The century of the birth year from the 7th digit and YY (table in DOMAIN.md):
 * 0-3 -> 1900s; 4 and 9 -> 2000s for YY 00-36, else 1900s; 5-8 -> 2000s for YY 00-57, 1800s for 58-99.
 */
export function centuryOf(seventhDigit: number, yy: number): 1800 | 1900 | 2000 {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** Modulus-11 on the ten digits (weights 4,3,2,7,6,5,4,3,2,1; the weighted sum divisible by 11). */
export function mod11Valid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(tenDigits[i]) * (MOD11_WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

export interface ParseCprOptions {
  /** When given, a birth date after this day is refused (the rule saving applies). */
  today?: IsoDate;
}

export function parseCpr(input: string, options: ParseCprOptions = {}): CprParseResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, reason: CPR_MESSAGES.missing };
  const m = CPR_SHAPE.exec(text);
  if (!m) return { ok: false, reason: CPR_MESSAGES.malformed };
  const [, dd = '', mm = '', yy = '', serial = ''] = m;
  const seventh = Number(serial[0]);
  const year = centuryOf(seventh, Number(yy)) + Number(yy);
  const candidate = `${year}-${mm}-${dd}`;
  if (!isValidIsoDate(candidate)) return { ok: false, reason: CPR_MESSAGES.invalidDate };
  const birthDate = fromParts({ year, month: Number(mm), day: Number(dd) });
  if (options.today !== undefined && birthDate > options.today) return { ok: false, reason: CPR_MESSAGES.futureBirth };
  const digits = `${dd}${mm}${yy}${serial}`;
  const mod11 = mod11Valid(digits);
  return {
    ok: true,
    value: {
      normalized: `${dd}${mm}${yy}-${serial}`,
      birthDate,
      sex: Number(serial[3]) % 2 === 0 ? 'K' : 'M',
      mod11Valid: mod11,
      warnings: mod11 ? [] : [CPR_MESSAGES.mod11Warning],
    },
  };
}

/**
 * 'DDMMYY-SSSS' (or 'DDMMYYSSSS') -> 'DDMMYY-xxxx'. Anything not shaped like a CPR number is
 * masked completely ('xxxxxx-xxxx'), so a malformed value never leaks through the mask.
 */
export function maskCpr(cpr: string): string {
  const m = CPR_SHAPE.exec(typeof cpr === 'string' ? cpr.trim() : '');
  if (!m) return 'xxxxxx-xxxx';
  return `${m[1]}${m[2]}${m[3]}-xxxx`;
}

/**
 * CPR-shaped numbers in free text: a plausible DDMM (day 01-31, month 01-12), YY, the separator
 * parseCpr accepts (SEPARATOR above) and four digits, not glued to other digits.
 * Deliberately broad (no century or modulus-11 check): it is used to stop personal data from
 * leaving in report texts, where a false alarm is cheap. Non-global, so `.test()` is stateless;
 * findCprLike builds its own global copy.
 */
export const cprLikePattern = new RegExp(`(?<!\\d)(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}${SEPARATOR}\\d{4}(?!\\d)`, 'u');

/** Every CPR-shaped substring in the text, in order of appearance. */
export function findCprLike(text: string): string[] {
  const global = new RegExp(cprLikePattern.source, 'gu');
  return [...text.matchAll(global)].map((m) => m[0]);
}
