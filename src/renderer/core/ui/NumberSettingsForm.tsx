import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape, Result } from '../../../shared/core/contract';
import { t } from '../i18n';
import { Alert } from './Alert';
import { Button } from './Button';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './TextField';
import { useFocusLater } from './useFocusLater';
import { useForm, type FieldErrors } from './useForm';

export interface NumberSetting<K extends string> {
  key: K;
  label: string;
  hint?: string;
  min: number;
  max: number;
}

export interface NumberSettingsFormProps<K extends string> {
  /** The section's id prefix and heading. */
  id: string;
  heading: string;
  lead?: string;
  fields: readonly NumberSetting<K>[];
  initial: Record<K, number>;
  save: (values: Record<K, number>) => Promise<Result<Record<K, number>>>;
}

/**
 * A section of whole-number settings (a domain's programme rules), checked as you type against
 * the contract's ranges, saved together; main's refusal shown in Danish with everything kept.
 */
export function NumberSettingsForm<K extends string>({ id, heading, lead, fields, initial, save }: NumberSettingsFormProps<K>) {
  type Values = Record<K, string>;
  const toValues = (v: Record<K, number>) => Object.fromEntries(fields.map((f) => [f.key, String(v[f.key])])) as Values;
  const validate = useCallback(
    (v: Values): FieldErrors<K> => {
      const e: FieldErrors<K> = {};
      for (const f of fields) {
        const text = v[f.key].trim();
        if (!text) e[f.key] = t('form.number.required');
        else if (!/^\d+$/.test(text)) e[f.key] = t('form.number.whole', { min: f.min, max: f.max });
        else if (Number(text) < f.min || Number(text) > f.max) e[f.key] = t('form.number.range', { min: f.min, max: f.max });
      }
      return e;
    },
    [fields],
  );
  const form = useForm<Values>(toValues(initial), validate);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const fieldId = (k: K) => `${id}-${k}`;
  const summary = showSummary ? fields.filter((f) => form.errorOf(f.key)).map((f) => ({ fieldId: fieldId(f.key), message: form.errorOf(f.key)! })) : [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    setSaved(false);
    if (!form.submit()) {
      setShowSummary(true);
      focusLater(summaryRef);
      return;
    }
    setShowSummary(false);
    setBusy(true);
    const result = await save(Object.fromEntries(fields.map((f) => [f.key, Number(form.values[f.key].trim())])) as Record<K, number>);
    setBusy(false);
    if (result.ok) {
      form.reset(toValues(result.value));
      setSaved(true);
    } else {
      const errors: FieldErrors<K> = {};
      for (const [path, message] of Object.entries(result.error.fields ?? {})) {
        if (fields.some((f) => f.key === path)) errors[path as K] = message;
      }
      form.setServerErrors(errors);
      setFailure(result.error);
    }
    focusLater(resultRef);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="settings-section">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {lead ? <p>{lead}</p> : null}
      <ErrorSummary items={summary} summaryRef={summaryRef} />
      {saved ? (
        <Alert variant="success" live="status" ref={resultRef}>
          <p>{t('form.settings.saved')}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert variant="error" heading={t('form.settings.failed')} live="alert" ref={resultRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form">
        {fields.map((f) => {
          const bound = form.field(f.key);
          return (
            <TextField
              key={f.key}
              id={fieldId(f.key)}
              label={f.label}
              hint={f.hint}
              inputMode="numeric"
              width="xs"
              maxLength={4}
              autoComplete="off"
              {...bound}
              onChange={(value: string) => {
                setSaved(false);
                bound.onChange(value);
                bound.onBlur();
              }}
            />
          );
        })}
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('form.settings.saving')}>
            {t('form.settings.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
