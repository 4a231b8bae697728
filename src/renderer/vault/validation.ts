import { assessPassphrase, MIN_PASSPHRASE_LENGTH } from '../../shared/vault';
import { t, type PlainMessageKey } from '../core/i18n';

/** Field checks for the vault forms. Same rules as main enforces (shared/domain/passphrase). */

export const OWNER_FIELD_MAX = 120;

export function requiredText(value: string, missingKey: PlainMessageKey): string | undefined {
  if (!value.trim()) return t(missingKey);
  if (value.trim().length > OWNER_FIELD_MAX) return t('form.tooLong', { max: OWNER_FIELD_MAX });
  return undefined;
}

export function newPassphraseError(value: string, userInputs: readonly string[] = []): string | undefined {
  const a = assessPassphrase(value, userInputs);
  if (a.strength === 'for-kort') {
    return t('passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH, missing: MIN_PASSPHRASE_LENGTH - [...value].length });
  }
  if (!a.acceptable) {
    const parts = a.reasons.slice(0, 3).map((r) => t(`passphrase.reason.${r}`));
    const reasons = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${t('passphrase.and')} ${parts[parts.length - 1]}` : (parts[0] ?? '');
    return t('passphrase.tooWeak', { reasons });
  }
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
