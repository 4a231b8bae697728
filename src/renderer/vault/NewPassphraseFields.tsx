import { useState } from 'react';
import { generatePassphrase, MIN_PASSPHRASE_LENGTH } from '../../shared/vault';
import { t } from '../core/i18n';
import { Button } from '../core/ui/Button';
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
 * "Foreslå en adgangskode" (after both fields, so the fields keep their tab order) offers five random Danish words (crypto randomness, shared/vault);
 * "Brug forslaget" puts them in both fields.
 */
export function NewPassphraseFields({
  ids,
  labels,
  passphrase,
  confirm,
  showMatch = false,
  userInputs = [],
}: {
  ids: { passphrase: string; confirm: string };
  labels: { passphrase: string; confirm: string };
  passphrase: PassphraseFieldProps;
  confirm: PassphraseFieldProps;
  showMatch?: boolean;
  /** The user's own details (name, area): a passphrase built on them is refused. */
  userInputs?: readonly string[];
}) {
  const [suggestion, setSuggestion] = useState<string | null>(null);
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
        feedback={passphrase.value ? <PassphraseStrength value={passphrase.value} userInputs={userInputs} /> : undefined}
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
      <div className="passphrase-suggestion" id={`${ids.passphrase}-suggestion`}>
        <Button type="button" variant="secondary" onClick={() => setSuggestion(generatePassphrase())}>
          {suggestion ? t('passphrase.suggestAnother') : t('passphrase.suggest')}
        </Button>
        {suggestion ? (
          <div aria-live="polite">
            <p className="passphrase-suggestion-text">
              <strong>{t('passphrase.suggestion', { phrase: suggestion })}</strong>
            </p>
            <p className="form-hint">{t('passphrase.suggestionHint')}</p>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                passphrase.onChange(suggestion);
                confirm.onChange(suggestion);
              }}
            >
              {t('passphrase.useSuggestion')}
            </Button>
          </div>
        ) : null}
      </div>
    </>
  );
}
