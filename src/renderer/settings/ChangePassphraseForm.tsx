import { useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { confirmError, newPassphraseError, NewPassphraseFields } from '../vault';

type Values = { current: string; next: string; nextConfirm: string };
type Field = keyof Values;

const FIELD_IDS: Record<Field, string> = { current: 'change-current', next: 'change-next', nextConfirm: 'change-next-confirm' };
const ORDER: readonly Field[] = ['current', 'next', 'nextConfirm'];
const EMPTY: Values = { current: '', next: '', nextConfirm: '' };

function validate(v: Values): FieldErrors<Field> {
  return {
    current: v.current ? undefined : t('settings.passphrase.currentRequired'),
    next: newPassphraseError(v.next) ?? (v.next && v.next === v.current ? t('settings.passphrase.sameAsCurrent') : undefined),
    nextConfirm: confirmError(v.next, v.nextConfirm),
  };
}

/** Skift adgangskode (vault.changePassphrase): current, new with live strength, and confirmation. */
export function ChangePassphraseForm() {
  const form = useForm<Values>(EMPTY, validate);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [changed, setChanged] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const summary = showSummary ? ORDER.filter((f) => form.errorOf(f)).map((f) => ({ fieldId: FIELD_IDS[f], message: form.errorOf(f)! })) : [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    setChanged(false);
    if (!form.submit()) {
      setShowSummary(true);
      focusLater(summaryRef);
      return;
    }
    setShowSummary(false);
    setBusy(true);
    const result = await api['vault.changePassphrase'](form.values);
    setBusy(false);
    if (result.ok) {
      form.reset(EMPTY);
      setChanged(true);
    } else {
      // VAULT_LOCKED never gets here: the app has already unmounted this form.
      const fields: FieldErrors<Field> = {};
      for (const [path, message] of Object.entries(result.error.fields ?? {})) {
        if (path === 'current' || path === 'next' || path === 'nextConfirm') fields[path] = message;
      }
      form.setServerErrors(fields);
      setFailure(result.error);
    }
    focusLater(resultRef);
  };

  return (
    <section aria-labelledby="change-passphrase-heading" className="settings-section">
      <h2 id="change-passphrase-heading">{t('settings.passphrase.heading')}</h2>
      <p>{t('settings.passphrase.intro')}</p>
      <ErrorSummary items={summary} summaryRef={summaryRef} />
      {changed ? (
        <Alert variant="success" live="status" ref={resultRef}>
          <p>{t('settings.passphrase.changed')}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert variant="error" heading={t('settings.passphrase.failed')} live="alert" ref={resultRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form">
        <TextField
          id={FIELD_IDS.current}
          label={t('settings.passphrase.current')}
          type="password"
          autoComplete="current-password"
          revealable
          {...form.field('current')}
        />
        <NewPassphraseFields
          ids={{ passphrase: FIELD_IDS.next, confirm: FIELD_IDS.nextConfirm }}
          labels={{ passphrase: t('settings.passphrase.next'), confirm: t('settings.passphrase.nextConfirm') }}
          passphrase={form.field('next')}
          confirm={form.field('nextConfirm')}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('settings.passphrase.submitting')}>
            {t('settings.passphrase.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
