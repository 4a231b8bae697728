import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { Institution } from '../../shared/releases';
import { custodyFieldProblems, type CustodyType } from '../../shared/releases';
import { t, todayIso } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary, type ErrorSummaryItem } from '../core/ui/ErrorSummary';
import { useFocusLater } from '../core/ui/useFocusLater';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { RadioGroup, SelectField } from './ui';
import { DateField, notADate } from '../core/ui/DateField';

export type CustodyValues = {
  institutionId: string;
  type: CustodyType | '';
  imprisonedOn: string;
  expectedReleaseOn: string;
  paroleOn: string;
  releasedOn: string;
};
type Field = keyof CustodyValues;

export const CUSTODY_FIELD_IDS: Record<Field, string> = {
  institutionId: 'custody-institution',
  type: 'custody-type',
  imprisonedOn: 'custody-imprisoned',
  expectedReleaseOn: 'custody-expected',
  paroleOn: 'custody-parole',
  releasedOn: 'custody-released',
};
const ORDER: readonly Field[] = ['type', 'institutionId', 'imprisonedOn', 'expectedReleaseOn', 'paroleOn', 'releasedOn'];

const orNull = (v: string) => (v === '' ? null : v);

/** Required fields, then the date rules shared with main (shared/domain/release custodyFieldProblems). */
function validate(v: CustodyValues): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {
    type: v.type ? undefined : t('releases.field.typeRequired'),
    institutionId: v.institutionId ? undefined : t('releases.field.institutionRequired'),
    imprisonedOn: v.imprisonedOn ? undefined : t('releases.field.imprisonedOnRequired'),
  };
  for (const f of ['imprisonedOn', 'expectedReleaseOn', 'paroleOn', 'releasedOn'] as const) errors[f] ??= notADate(v[f]);
  if (v.imprisonedOn && v.type && !(['imprisonedOn', 'expectedReleaseOn', 'paroleOn', 'releasedOn'] as const).some((f) => notADate(v[f]))) {
    const problems = custodyFieldProblems(
      { type: v.type, imprisonedOn: v.imprisonedOn, expectedReleaseOn: orNull(v.expectedReleaseOn), paroleOn: orNull(v.paroleOn), releasedOn: orNull(v.releasedOn) },
      todayIso(),
    );
    Object.assign(errors, problems);
  }
  return errors;
}

/**
 * The custody fields (type, institution, dates) with live Danish messages next to each field,
 * an error summary on submit, and the server's field messages. Values stay when a save fails.
 * A problem outside the fields (the person picker's) comes in as `extraProblem`.
 */
export function CustodyForm({
  initial,
  institutions,
  showReleased,
  submitLabel,
  onSubmit,
  onCancel,
  extraProblem,
  onInvalidSubmit,
}: {
  initial: CustodyValues;
  institutions: readonly Institution[];
  showReleased: boolean;
  submitLabel: string;
  /** Save; answer the error to show it (values are kept), or null when saved. */
  onSubmit: (values: CustodyValues) => Promise<AppErrorShape | null>;
  onCancel: () => void;
  /** A problem outside these fields (no person chosen): blocks saving and joins the summary. */
  extraProblem?: ErrorSummaryItem | null;
  /** Told when a submit was refused, so the parent can show its own field's message. */
  onInvalidSubmit?: () => void;
}) {
  const form = useForm<CustodyValues>(initial, validate);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!form.submit() || extraProblem) {
      setShowSummary(true);
      onInvalidSubmit?.();
      focusLater(summaryRef);
      return;
    }
    setShowSummary(false);
    setBusy(true);
    const error = await onSubmit(form.values);
    setBusy(false);
    if (error) {
      const fields: FieldErrors<Field> = {};
      for (const [path, message] of Object.entries(error.fields ?? {})) if (path in CUSTODY_FIELD_IDS) fields[path as Field] = message;
      form.setServerErrors(fields);
      setFailure(error);
      focusLater(failureRef);
    }
  };

  // After a refused submit the summary lists what is still wrong, shrinking as fields are fixed.
  const summary: ErrorSummaryItem[] = showSummary
    ? [
        ...(extraProblem ? [extraProblem] : []),
        ...ORDER.filter((f) => form.errorOf(f)).map((f) => ({ fieldId: CUSTODY_FIELD_IDS[f], message: form.errorOf(f)! })),
      ]
    : [];
  const institutionOptions = institutions
    .filter((i) => i.active || String(i.id) === initial.institutionId)
    .map((i) => ({ value: String(i.id), label: i.name }));
  const dateField = (field: Field, label: string, hint?: ReactNode) => {
    const f = form.field(field);
    return <DateField id={CUSTODY_FIELD_IDS[field]} label={label} hint={hint} width="s" {...f} />;
  };

  return (
    <>
      <ErrorSummary items={summary} summaryRef={summaryRef} />
      {failure ? (
        <Alert variant="error" heading={t('releases.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="stack-form releases-form">
        <RadioGroup<CustodyType>
          name={CUSTODY_FIELD_IDS.type}
          legend={t('releases.field.type')}
          value={form.values.type}
          options={[
            { value: 'afsoning', label: t('releases.type.afsoning') },
            { value: 'varetaegt', label: t('releases.type.varetaegt') },
          ]}
          onChange={(v) => form.set('type', v)}
          error={form.errorOf('type')}
          inline
        />
        <SelectField
          id={CUSTODY_FIELD_IDS.institutionId}
          label={t('releases.field.institution')}
          hint={t('releases.field.institutionHint')}
          value={form.values.institutionId}
          options={institutionOptions}
          placeholder={t('releases.field.choosePlaceholder')}
          onChange={(v) => form.set('institutionId', v)}
          error={form.errorOf('institutionId')}
        />
        <div className="releases-date-row">
          {dateField('imprisonedOn', t('releases.field.imprisonedOn'))}
          {dateField('expectedReleaseOn', t('releases.field.expectedReleaseOn'), t('releases.field.expectedHint'))}
          {dateField('paroleOn', t('releases.field.paroleOn'), t('releases.field.paroleHint'))}
          {showReleased ? dateField('releasedOn', t('releases.field.releasedOn'), t('releases.field.releasedHint')) : null}
        </div>
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('releases.saving')}>
            {submitLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('releases.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}

export function toInput(v: CustodyValues) {
  return {
    institutionId: Number(v.institutionId),
    type: v.type as CustodyType,
    imprisonedOn: v.imprisonedOn,
    expectedReleaseOn: orNull(v.expectedReleaseOn),
    paroleOn: orNull(v.paroleOn),
    releasedOn: orNull(v.releasedOn),
  };
}
