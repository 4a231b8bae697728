import { useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { AppSettings } from '../../shared/settings';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useIdleLockControl } from '../core/shell/IdleLock';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { useForm, type FieldErrors } from '../core/ui/useForm';

type Field = keyof AppSettings;
type Values = Record<Field, string>;

const ORDER: readonly Field[] = ['idleLockMinutes', 'backupReminderDays', 'retentionMonths', 'reportThreshold'];
const FIELD_IDS: Record<Field, string> = {
  idleLockMinutes: 'settings-idle-minutes',
  backupReminderDays: 'settings-backup-days',
  retentionMonths: 'settings-retention-months',
  reportThreshold: 'settings-report-threshold',
};
/** The contract's ranges (src/shared/contract/maintenance.ts), repeated here for messages as you type. */
const RANGES: Record<Field, { min: number; max: number }> = {
  idleLockMinutes: { min: 1, max: 240 },
  backupReminderDays: { min: 1, max: 365 },
  retentionMonths: { min: 1, max: 240 },
  reportThreshold: { min: 2, max: 20 },
};

function toValues(s: AppSettings): Values {
  return {
    idleLockMinutes: String(s.idleLockMinutes),
    backupReminderDays: String(s.backupReminderDays),
    retentionMonths: String(s.retentionMonths),
    reportThreshold: String(s.reportThreshold),
  };
}

function rangeError(value: string, field: Field): string | undefined {
  const { min, max } = RANGES[field];
  const trimmed = value.trim();
  if (!trimmed) return t('settings.general.required');
  if (!/^\d+$/.test(trimmed)) return t('settings.general.wholeNumber', { min, max });
  const n = Number(trimmed);
  return n < min || n > max ? t('settings.general.range', { min, max }) : undefined;
}

function validate(v: Values): FieldErrors<Field> {
  return Object.fromEntries(ORDER.map((f) => [f, rangeError(v[f], f)])) as FieldErrors<Field>;
}

/** The four numbers in the vault's settings, checked as you type, saved together. */
export function GeneralSettingsForm({ initial }: { initial: AppSettings }) {
  const form = useForm<Values>(toValues(initial), validate);
  const idleLock = useIdleLockControl();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const summary = showSummary ? ORDER.filter((f) => form.errorOf(f)).map((f) => ({ fieldId: FIELD_IDS[f], message: form.errorOf(f)! })) : [];

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
    const input = Object.fromEntries(ORDER.map((f) => [f, Number(form.values[f].trim())])) as AppSettings;
    const result = await api['settings.update'](input);
    setBusy(false);
    if (result.ok) {
      form.reset(toValues(result.value));
      idleLock.setMinutes(result.value.idleLockMinutes);
      setSaved(true);
    } else {
      const fields: FieldErrors<Field> = {};
      for (const [path, message] of Object.entries(result.error.fields ?? {})) {
        if ((ORDER as readonly string[]).includes(path)) fields[path as Field] = message;
      }
      form.setServerErrors(fields);
      setFailure(result.error);
    }
    focusLater(resultRef);
  };

  // Checked as you type, not first on leaving the field: a message appearing on blur would move
  // the Gem button away from under the pointer on its way there.
  const field = (f: Field) => {
    const bound = form.field(f);
    return {
      id: FIELD_IDS[f],
      inputMode: 'numeric' as const,
      width: 'xs' as const,
      maxLength: 4,
      autoComplete: 'off',
      ...bound,
      onChange: (value: string) => {
        setSaved(false);
        bound.onChange(value);
        bound.onBlur();
      },
    };
  };

  return (
    <section aria-labelledby="settings-general-heading" className="settings-section">
      <h2 id="settings-general-heading">{t('settings.general.heading')}</h2>
      <ErrorSummary items={summary} summaryRef={summaryRef} />
      {saved ? (
        <Alert variant="success" live="status" ref={resultRef}>
          <p>{t('settings.general.saved')}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert variant="error" heading={t('settings.general.failed')} live="alert" ref={resultRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form settings-general-form">
        <TextField label={t('settings.general.idleLockMinutes')} hint={t('settings.general.idleLockMinutesHint')} {...field('idleLockMinutes')} />
        <TextField label={t('settings.general.backupReminderDays')} hint={t('settings.general.backupReminderDaysHint')} {...field('backupReminderDays')} />
        <TextField label={t('settings.general.retentionMonths')} hint={t('settings.general.retentionMonthsHint')} {...field('retentionMonths')} />
        <TextField label={t('settings.general.reportThreshold')} hint={t('settings.general.reportThresholdHint')} {...field('reportThreshold')} />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('settings.general.saving')}>
            {t('settings.general.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
