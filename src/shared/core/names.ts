import { normalizeForSearch } from './districts';

/**
 * A key that sorts names in Danish alphabetical order with plain byte comparison (SQLite's
 * default): æ, ø and å come after z, in that order, and the other accented letters sort with
 * their base letter. SQLite cannot load a custom collation here, so the key is stored.
 */
export function danishSortKey(text: string): string {
  return normalizeForSearch(text)
    .replace(/æ/g, '{1')
    .replace(/ø/g, '{2')
    .replace(/å/g, '{3')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

export function fullName(firstName: string, lastName: string): string {
  return `${firstName} ${lastName}`.replace(/\s+/g, ' ').trim();
}

/** Initials for a pseudonym on a shared screen: first letter of the first and last name. */
export function initials(firstName: string, lastName: string): string {
  const first = [...firstName.trim()][0] ?? '';
  const last = [...lastName.trim()][0] ?? '';
  return `${first}${last}`.toUpperCase();
}
