import { parseCpr } from '../core/cpr';
import { fromParts, isValidIsoDate, type IsoDate } from '../core/dates';
import { normalizeForSearch } from '../core/districts';

/**
 * Finding anyone from one search box. What the text is decides how it is searched:
 * - a full CPR number (10 digits, with or without the hyphen): that person (audited as a reveal);
 * - six digits (DDMMYY) or a birth date (31-12-2009, 31.12.2009, 31122009, 2009-12-31): people born
 *   that day, shown with masked CPR numbers;
 * - a case number (2024-00012, or its start such as 2024-0001);
 * - otherwise a name: every word must match a word of the name exactly, as its start, or within one
 *   or two edits (Danish letters are letters of their own: å is not aa), exact matches ranked first.
 */
export type FindQuery =
  | { kind: 'empty' }
  | { kind: 'cpr'; normalized: string }
  | { kind: 'birthDate'; dates: IsoDate[] }
  | { kind: 'caseNumber'; prefix: string }
  | { kind: 'name'; words: string[] };

const DATE_SEP = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/;

export function parseFindQuery(text: string, todayYear: number): FindQuery {
  const q = normalizeForSearch(text);
  if (q === '') return { kind: 'empty' };
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits) && /^\d{6}-?\s?\d{4}$/.test(q)) {
    const p = parseCpr(digits);
    if (p.ok) return { kind: 'cpr', normalized: p.value.normalized };
  }
  if (/^\d{4}-\d{1,5}$/.test(q)) return { kind: 'caseNumber', prefix: q };
  const sep = DATE_SEP.exec(q);
  if (sep) {
    const d = toDate(Number(sep[3]), Number(sep[2]), Number(sep[1]));
    return d ? { kind: 'birthDate', dates: [d] } : { kind: 'name', words: [q] };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(q) && isValidIsoDate(q)) return { kind: 'birthDate', dates: [q] };
  if (/^\d{8}$/.test(q)) {
    const d = toDate(Number(q.slice(4)), Number(q.slice(2, 4)), Number(q.slice(0, 2)));
    if (d) return { kind: 'birthDate', dates: [d] };
  }
  if (/^\d{6}$/.test(q)) {
    // DDMMYY: any century that gives an age from 0 to 30 (the programme's young people).
    const yy = Number(q.slice(4));
    const dates = [1900, 2000]
      .map((c) => c + yy)
      .filter((y) => y <= todayYear && y >= todayYear - 30)
      .map((y) => toDate(y, Number(q.slice(2, 4)), Number(q.slice(0, 2))))
      .filter((d): d is IsoDate => d !== null);
    if (dates.length) return { kind: 'birthDate', dates };
  }
  if (/^\d{4}$/.test(q)) return { kind: 'caseNumber', prefix: q };
  return { kind: 'name', words: q.split(' ').filter(Boolean) };
}

function toDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = fromParts({ year, month, day });
  return isValidIsoDate(iso) ? iso : null;
}

/** How many edits a word of this length may have: none under 4 letters, one up to 6, two from 7. */
export function allowedEdits(word: string): number {
  const n = [...word].length;
  return n < 4 ? 0 : n <= 6 ? 1 : 2;
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance over code points, giving up early above
 * `max`. 'å' and 'aa' differ (one substitution plus one insertion), 'æ' is not 'ae'.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length]!;
}

/** How well a query word matches a name word: 0 exact, 1 the start of it, 2 + edits when within the allowed edits, null otherwise. */
export function wordScore(queryWord: string, nameWord: string): number | null {
  if (queryWord === nameWord) return 0;
  if (nameWord.startsWith(queryWord)) return 1;
  const max = allowedEdits(queryWord);
  if (max === 0) return null;
  const d = editDistance(queryWord, nameWord, max);
  if (d <= max) return 2 + d;
  // A typo in a prefix ("fjeldb" for "fjeldbæk" is a prefix; "fjeldbk" is one edit from it).
  if ([...nameWord].length > [...queryWord].length) {
    const head = [...nameWord].slice(0, [...queryWord].length + 1).join('');
    const dh = Math.min(editDistance(queryWord, head, max), editDistance(queryWord, [...nameWord].slice(0, [...queryWord].length).join(''), max));
    if (dh <= max) return 3 + dh;
  }
  return null;
}
