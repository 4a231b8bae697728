import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { CustodyDetail, FollowUpOut } from '../../shared/releases';
import type { Outcome } from '../../shared/ssp-plus';
import { api } from '../core/api';
import { t, tableDate, todayIso } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { useFocusLater } from '../core/ui/useFocusLater';
import { maybeDate, outcomeName, outcomeOptions } from './labels';
import { RadioGroup, StateBadge } from './ui';
import { DateField, notADate } from '../core/ui/DateField';

/** Follow-up at 3, 6 and 12 months after the release: outcome and new charge, recorded or corrected. */
export function FollowUpSection({ c, onSaved }: { c: CustodyDetail; onSaved: (c: CustodyDetail) => void }) {
  const [editing, setEditing] = useState<FollowUpOut['months'] | null>(null);
  return (
    <section aria-labelledby="custody-followups" className="releases-section">
      <h2 id="custody-followups">{t('releases.custody.followUpsHeading')}</h2>
      <p className="releases-muted">{c.releasedOn ? t('releases.custody.followUpsLead') : t('releases.custody.followUpsBeforeRelease')}</p>
      <table className="table table--compact releases-table" data-testid="custody-followups">
        <thead>
          <tr>
            <th scope="col">{t('releases.col.followUp')}</th>
            <th scope="col">{t('releases.col.dueOn')}</th>
            <th scope="col">{t('releases.col.state')}</th>
            <th scope="col">{t('releases.col.outcome')}</th>
            <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
          </tr>
        </thead>
        <tbody>
          {c.followUps.map((f) => (
            <tr key={f.months} data-followup={f.months}>
              <th scope="row">{t('releases.followUp.months', { months: f.months })}</th>
              <td>{maybeDate(f.dueOn)}</td>
              <td><StateBadge state={f.state} /></td>
              <td>
                {f.record ? (
                  <>
                    {outcomeName(f.record.outcome)}, {t(f.record.newCharge ? 'releases.newCharge.yes' : 'releases.newCharge.no')}
                    <span className="releases-subline">{tableDate(f.record.recordedOn)}</span>
                  </>
                ) : (
                  t('releases.none')
                )}
              </td>
              <td className="releases-cell-action">
                {c.releasedOn && editing !== f.months ? (
                  <Button variant="secondary" onClick={() => setEditing(f.months)}>
                    {f.record ? t('releases.followUp.edit') : t('releases.followUp.record')}
                    <span className="sr-only"> {t('releases.followUp.recordFor', { months: f.months })}</span>
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing !== null ? (
        <FollowUpForm
          key={editing}
          c={c}
          followUp={c.followUps.find((f) => f.months === editing)!}
          onCancel={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            onSaved(next);
          }}
        />
      ) : null}
    </section>
  );
}

function FollowUpForm({ c, followUp, onCancel, onSaved }: { c: CustodyDetail; followUp: FollowUpOut; onCancel: () => void; onSaved: (c: CustodyDetail) => void }) {
  const prefix = `followup-${followUp.months}`;
  const [outcome, setOutcome] = useState<Outcome | ''>(followUp.record?.outcome ?? '');
  const [charge, setCharge] = useState<'yes' | 'no' | ''>(followUp.record ? (followUp.record.newCharge ? 'yes' : 'no') : '');
  const [recordedOn, setRecordedOn] = useState(followUp.record?.recordedOn ?? todayIso());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  // Focus the form's heading when it opens, so keyboard users land in it.
  useEffect(() => headingRef.current?.focus(), []);

  const errors = {
    outcome: outcome ? undefined : t('releases.followUp.outcomeRequired'),
    charge: charge ? undefined : t('releases.followUp.newChargeRequired'),
    recordedOn: recordedOn ? (notADate(recordedOn) ?? failure?.fields?.recordedOn) : t('releases.field.dateRequired'),
  };
  const shown = (k: keyof typeof errors) => (submitted || (k === 'recordedOn' && failure) ? errors[k] : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (!outcome || !charge || !recordedOn) {
      const first = !outcome ? `${prefix}-outcome` : !charge ? `${prefix}-charge` : `${prefix}-date`;
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    setBusy(true);
    const r = await api['releases.followup.record']({ custodyId: c.id, months: followUp.months, outcome, newCharge: charge === 'yes', recordedOn });
    setBusy(false);
    if (r.ok) onSaved(r.value);
    else {
      setFailure(r.error);
      focusLater(failureRef);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="releases-subform" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} tabIndex={-1} ref={headingRef}>
        {t('releases.followUp.legend', { months: followUp.months })}
      </h3>
      {failure ? (
        <Alert variant="error" heading={t('releases.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <RadioGroup<Outcome> name={`${prefix}-outcome`} legend={t('releases.followUp.outcome')} value={outcome} options={outcomeOptions} onChange={setOutcome} error={shown('outcome')} />
      <RadioGroup<'yes' | 'no'>
        name={`${prefix}-charge`}
        legend={t('releases.followUp.newCharge')}
        value={charge}
        options={[
          { value: 'no', label: t('releases.followUp.no') },
          { value: 'yes', label: t('releases.followUp.yes') },
        ]}
        onChange={setCharge}
        error={shown('charge')}
        inline
      />
      <DateField
        id={`${prefix}-date`}
        label={t('releases.followUp.recordedOn')}
        width="s"
        value={recordedOn}
        onChange={(v) => {
          setRecordedOn(v);
          setFailure(null);
        }}
        error={shown('recordedOn')}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('releases.saving')}>
          {t('releases.followUp.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('releases.cancel')}
        </Button>
      </div>
    </form>
  );
}
