import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../shared/vault';
import { t, type PlainMessageKey } from '../core/i18n';

/** Field checks for the vault forms. Same rules as main enforces (shared/domain/passphrase). */

export const OWNER_FIELD_MAX = 120;

export function requiredText(value: string, missingKey: PlainMessageKey): string | undefined {
  if (!value.trim()) return t(missingKey);
  if (value.trim().length > OWNER_FIELD_MAX) return t('form.tooLong', { max: OWNER_FIELD_MAX });
  return undefined;
}

export function newPassphraseError(value: string): string | undefined {
  const strength = passphraseStrength(value);
  if (strength === 'for-kort') {
    return t('passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH, missing: MIN_PASSPHRASE_LENGTH - [...value].length });
  }
  if (strength === 'svag') return t('passphrase.tooWeak');
  return undefined;
}

export function confirmError(passphrase: string, confirm: string): string | undefined {
  if (!confirm) return t('passphrase.confirmRequired');
  if (confirm !== passphrase) return t('passphrase.mismatch');
  return undefined;
}

/**
 * The mismatch shows while typing as soon as the confirmation is as long as the passphrase,
 * before the field is left.
 */
export function confirmMismatchIsObvious(passphrase: string, confirm: string): boolean {
  return confirm.length >= passphrase.length && confirm.length > 0 && confirm !== passphrase;
}
