import { MIN_PASSPHRASE_LENGTH } from '../../shared/vault';
import { t } from '../core/i18n';
import { TextField } from '../core/ui/TextField';
import { PassphraseStrength } from './PassphraseStrength';
import { confirmMismatchIsObvious } from './validation';

/** One field as useForm's field() hands it over. */
export interface PassphraseFieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
}

/**
 * A new passphrase with its rule and live strength, and the repeat of it. The mismatch shows while
 * typing once the repeat is as long as the passphrase; `showMatch` also says when the two are the same.
 */
export function NewPassphraseFields({
  ids,
  labels,
  passphrase,
  confirm,
  showMatch = false,
}: {
  ids: { passphrase: string; confirm: string };
  labels: { passphrase: string; confirm: string };
  passphrase: PassphraseFieldProps;
  confirm: PassphraseFieldProps;
  showMatch?: boolean;
}) {
  const confirmShownError = confirm.error ?? (confirmMismatchIsObvious(passphrase.value, confirm.value) ? t('passphrase.mismatch') : undefined);
  const confirmMatches = showMatch && confirm.value.length > 0 && confirm.value === passphrase.value;
  return (
    <>
      <TextField
        id={ids.passphrase}
        label={labels.passphrase}
        hint={t('passphrase.rule', { min: MIN_PASSPHRASE_LENGTH })}
        type="password"
        autoComplete="new-password"
        revealable
        feedback={passphrase.value ? <PassphraseStrength value={passphrase.value} /> : undefined}
        {...passphrase}
      />
      <TextField
        id={ids.confirm}
        label={labels.confirm}
        type="password"
        autoComplete="new-password"
        revealable
        feedback={confirmMatches ? <span className="field-ok">{t('passphrase.match')}</span> : undefined}
        {...confirm}
        error={confirmShownError}
      />
    </>
  );
}
