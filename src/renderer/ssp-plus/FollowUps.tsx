import { useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { PlanDetail, PlanFollowUp } from '../../shared/ssp-plus';
import type { Outcome } from '../../shared/ssp-plus';
import { api } from '../core/api';
import { t, tableDate } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Select } from '../core/ui/Select';
import { useFocusLater } from '../core/ui/useFocusLater';
import { Badge } from './fields';
import { outcomeName, outcomeOptions } from './labels';
import { DateField } from '../core/ui/DateField';

/** Outcome follow-ups at 3, 6 and 12 months after the plan ended, each recorded on its own. */
export function FollowUps({ plan, onChange }: { plan: PlanDetail; onChange: (p: PlanDetail) => void }) {
  return (
    <section aria-labelledby="plan-followups" className="sspplus-section">
      <h2 id="plan-followups">{t('sspPlus.followUp.heading')}</h2>
      <p>{t('sspPlus.followUp.lead')}</p>
      {plan.followUps.map((f) => (
        <FollowUpRow key={f.id} f={f} today={plan.today} onChange={onChange} />
      ))}
    </section>
  );
}

function FollowUpRow({ f, today, onChange }: { f: PlanFollowUp; today: string; onChange: (p: PlanDetail) => void }) {
  const [outcome, setOutcome] = useState<Outcome | ''>((f.outcome as Outcome | null) ?? '');
  const [recordedOn, setRecordedOn] = useState(f.recordedOn ?? today);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [missing, setMissing] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const idBase = `followup-${f.months}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!outcome) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setFailure(null);
    const r = await api['sspplus.recordFollowUp']({ followUpId: f.id, outcome, recordedOn });
    setBusy(false);
    if (r.ok) onChange(r.value);
    else {
      setFailure(r.error);
      focusLater(alertRef);
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className="sspplus-followup" aria-labelledby={`${idBase}-heading`}>
      <h3 id={`${idBase}-heading`}>
        {t('sspPlus.followUp.months', { months: f.months })}: {tableDate(f.dueOn)}{' '}
        {f.outcome ? <Badge variant="success">{outcomeName(f.outcome)}</Badge> : f.due ? <Badge variant="warning">{t('sspPlus.followUp.due')}</Badge> : <Badge variant="info">{t('sspPlus.followUp.notYet')}</Badge>}
      </h3>
      {failure ? (
        <Alert variant="error" heading={t('sspPlus.saveFailed')} live="alert" ref={alertRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <div className="sspplus-inline-fields">
        <div className={missing ? 'form-error' : undefined}>
          {missing ? (
            <span className="form-error-message" id={`${idBase}-outcome-error`}>
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {t('sspPlus.followUp.outcomeRequired')}
            </span>
          ) : null}
          <Select<Outcome | ''>
            id={`${idBase}-outcome`}
            label={t('sspPlus.field.outcome')}
            value={outcome}
            options={[{ value: '', label: t('sspPlus.choose') }, ...outcomeOptions]}
            onChange={setOutcome}
          />
        </div>
        <DateField id={`${idBase}-date`} width="s" label={t('sspPlus.field.recordedOn')} value={recordedOn} onChange={setRecordedOn} error={failure?.fields?.recordedOn} />
        <Button type="submit" variant="secondary" busy={busy} busyLabel={t('form.working')}>
          {f.outcome ? t('sspPlus.followUp.update') : t('sspPlus.followUp.save')}
          <span className="sr-only"> {t('sspPlus.followUp.months', { months: f.months })}</span>
        </Button>
      </div>
    </form>
  );
}
