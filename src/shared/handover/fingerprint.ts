/**
 * A vault's fingerprint: the first 20 bytes of SHA-256 over its two public keys (computed in
 * main), as 32 base32 characters (A-Z, 2-7), shown in 8 groups of 4 so two coordinators can read
 * it to each other by phone. Stored without spaces.
 */
export const FINGERPRINT_LENGTH = 32;
const BASE32 = /^[A-Z2-7]{32}$/;

/** 'ABCDEFGH...' -> 'ABCD EFGH ...' */
export function formatFingerprint(fp: string): string {
  return fp.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * What the user typed or pasted, as a stored fingerprint: case, spaces and dashes do not matter,
 * and the digits people mistake for letters (0 for O, 1 for I, 8 for B) are read as the letters
 * (base32 has no 0, 1, 8 or 9). null when it cannot be a fingerprint.
 */
export function normalizeFingerprint(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  return BASE32.test(s) ? s : null;
}

export function isFingerprint(s: string): boolean {
  return BASE32.test(s);
}
