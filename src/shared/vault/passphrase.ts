/** Passphrase policy for the vault. Pure: used by the renderer (hints as you type) and main (enforced). */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

export type PassphraseStrength = 'for-kort' | 'svag' | 'middel' | 'stærk';

/** A rough entropy estimate in bits: length times log2 of the character pool in use. */
export function estimateEntropyBits(passphrase: string): number {
  const chars = [...passphrase];
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[æøåÆØÅ]/.test(passphrase)) pool += 6;
  if (/[^a-zA-Z0-9æøåÆØÅ]/.test(passphrase)) pool += 33;
  const distinct = new Set(chars).size;
  // Repetition lowers the effective length: "aaaaaaaaaaaa" is not 12 characters of entropy.
  const effectiveLength = Math.min(chars.length, distinct * 2);
  return pool === 0 ? 0 : Math.round(effectiveLength * Math.log2(pool));
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'for-kort';
  const bits = estimateEntropyBits(passphrase);
  if (bits < 50) return 'svag';
  if (bits < 75) return 'middel';
  return 'stærk';
}

/** Acceptable for a vault: long enough and not 'svag'. */
export function isAcceptablePassphrase(passphrase: string): boolean {
  const s = passphraseStrength(passphrase);
  return s === 'middel' || s === 'stærk';
}
