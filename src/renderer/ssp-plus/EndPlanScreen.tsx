import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape } from '../../shared/contract';
import type { PlanDetail } from '../../shared/ssp-plus';
import { isValidIsoDate } from '../../shared/core/dates';
import { followUpDueDates, type PlanEndReason } from '../../shared/ssp-plus';
import { api } from '../core/api';
import { t, tableDate, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { RadioGroup } from './fields';
import { endReasonOptions, fullName } from './labels';
import { useLoad } from '../core/data/useLoad';
import { DateField } from '../core/ui/DateField';

/** End a plan: date and reason. The follow-ups at 3, 6 and 12 months are shown before saving. */
export function EndPlanScreen({ planId }: { planId: number }) {
  const { data } = useLoad(() => api['sspplus.get']({ planId }), [planId]);
  return (
    <>
      <PageHeader title={t('sspPlus.end.title')} lead={data.state === 'ready' ? t('sspPlus.planFor', { name: fullName(data.value.person) }) : undefined} />
      <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>{(plan) => <EndForm plan={plan} />}</LoadingGate>
    </>
  );
}

function EndForm({ plan }: { plan: PlanDetail }) {
  const { replace, back } = useRouter();
  const [endDate, setEndDate] = useState(todayIso());
  const [reason, setReason] = useState<PlanEndReason | ''>('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const dateOk = isValidIsoDate(endDate);
  const due = dateOk ? followUpDueDates(endDate) : null;
  const dateError = (submitted && !dateOk ? t('sspPlus.validation.date') : undefined) ?? failure?.fields?.endDate;
  const reasonError = submitted && !reason ? t('sspPlus.end.reasonRequired') : undefined;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (!dateOk || !reason) return;
    setBusy(true);
    const r = await api['sspplus.end']({ planId: plan.id, endDate, reason, ...(note.trim() ? { note } : {}) });
    setBusy(false);
    if (r.ok) replace({ area: 'sspPlus', screen: 'plan', planId: plan.id });
    else {
      setFailure(r.error);
      focusLater(failureRef);
    }
  };

  return (
    <>
      {failure ? (
        <Alert variant="error" heading={t('sspPlus.end.failed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form sspplus-form">
        <DateField id="end-date" width="s" label={t('sspPlus.field.endDate')} value={endDate} onChange={setEndDate} error={dateError} />
        <RadioGroup<PlanEndReason> name="end-reason" legend={t('sspPlus.field.endReason')} value={reason} options={endReasonOptions} onChange={setReason} error={reasonError} />
        <TextField id="end-note" label={t('sspPlus.field.endNote')} hint={t('sspPlus.end.noteHint')} value={note} onChange={setNote} maxLength={500} />
        {due ? (
          <Alert variant="info">
            <p>{t('sspPlus.end.followUps', { m3: tableDate(due.m3), m6: tableDate(due.m6), m12: tableDate(due.m12) })}</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="warning" busy={busy} busyLabel={t('form.working')}>
            {t('sspPlus.end.submit')}
          </Button>
          <Button variant="tertiary" onClick={back}>
            {t('sspPlus.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
