/**
 * Youth groups (ungegrupperinger): a named group linking cases, so the ledergruppe can discuss
 * the group as one agenda item. The name is shown on the shared screen, so it may hold no
 * personal data: no CPR number, no date, and (checked in main against the register) no name of a
 * young person. Name it after an area, a place or a number ("Gruppe Nord 2", "Mjølnerparken").
 */
import { cprLikePattern } from '../core/cpr';
import { normalizeForSearch } from '../core/districts';

export type YouthGroupNameProblem = 'cpr' | 'date' | 'person-name';

/** A date in a name ("12.03.09", "2009-03-12", "12/3"): could be a birth date. */
const DATE_LIKE = /(?<!\d)(?:\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{4}-\d{2}-\d{2})(?!\d)/u;

/** The problem of a group name on its face (the register check for people's names is main's). */
export function youthGroupNameProblem(name: string): YouthGroupNameProblem | null {
  if (cprLikePattern.test(name)) return 'cpr';
  if (DATE_LIKE.test(name)) return 'date';
  return null;
}

/** The words of a name as the register's search_name holds them (lower case, NFC), 2+ characters. */
export function nameWords(name: string): string[] {
  return [...new Set(normalizeForSearch(name).split(/[\s,.;:()"'!?/\\-]+/u).filter((w) => [...w].length >= 2))];
}
