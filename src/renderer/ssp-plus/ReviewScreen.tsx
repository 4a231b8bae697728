import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape } from '../../shared/contract';
import type { PlanDetail } from '../../shared/ssp-plus';
import { isValidIsoDate } from '../../shared/core/dates';
import type { AreaReviewStatus, LifeArea, ReviewKind, ReviewTrigger } from '../../shared/ssp-plus';
import { api } from '../core/api';
import { proseDate, t, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { CheckboxGroup, RadioGroup, TextArea } from './fields';
import { areaName, areaStatusOptions, fullName, reviewKindOptions, triggerOptions } from './labels';
import { useLoad } from '../core/data/useLoad';
import { DateField } from '../core/ui/DateField';

interface AreaDraft {
  status: AreaReviewStatus | '';
  note: string;
  newGoal: string;
}

/** Record a review (statusmøde): date, kind, who took part, status per life area, and the changes. */
export function ReviewScreen({ planId }: { planId: number }) {
  const { data } = useLoad(async () => {
    const [plan, partners] = await Promise.all([api['sspplus.get']({ planId }), api['sspplus.partners.list']({})]);
    if (!plan.ok) return plan;
    if (!partners.ok) return partners;
    return { ok: true as const, value: { plan: plan.value, partners: partners.value } };
  }, [planId]);
  return (
    <>
      <PageHeader
        title={t('sspPlus.review.title')}
        lead={data.state === 'ready' ? t('sspPlus.planFor', { name: fullName(data.value.plan.person) }) : undefined}
      />
      <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>{(v) => <ReviewForm plan={v.plan} partners={v.partners} />}</LoadingGate>
    </>
  );
}

function ReviewForm({ plan, partners }: { plan: PlanDetail; partners: { id: number; name: string; active: boolean }[] }) {
  const { replace, back } = useRouter();
  const areas = plan.areas.filter((a) => a.filled);
  const next = plan.nextReview;
  const [heldOn, setHeldOn] = useState(todayIso());
  const [kind, setKind] = useState<ReviewKind>('scheduled');
  const [trigger, setTrigger] = useState<ReviewTrigger>('new-charge');
  const [partnerIds, setPartnerIds] = useState(plan.partners.map((p) => p.id));
  const [participantsNote, setParticipantsNote] = useState('');
  const [changes, setChanges] = useState('');
  const [drafts, setDrafts] = useState<Record<string, AreaDraft>>(() => Object.fromEntries(areas.map((a) => [a.area, { status: '', note: '', newGoal: '' }])));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const dateError = (submitted && !isValidIsoDate(heldOn) ? t('sspPlus.validation.date') : undefined) ?? failure?.fields?.heldOn;
  const update = (area: LifeArea, change: Partial<AreaDraft>) => setDrafts((d) => ({ ...d, [area]: { ...d[area]!, ...change } }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (!isValidIsoDate(heldOn)) {
      focusLater(summaryRef);
      return;
    }
    setBusy(true);
    const r = await api['sspplus.addReview']({
      planId: plan.id,
      heldOn,
      kind,
      ...(kind === 'ad-hoc' ? { trigger } : {}),
      partnerIds,
      participantsNote,
      changes,
      areas: areas
        .filter((a) => drafts[a.area]?.status)
        .map((a) => {
          const d = drafts[a.area]!;
          return { area: a.area, status: d.status as AreaReviewStatus, note: d.note, ...(d.newGoal.trim() ? { newGoal: d.newGoal } : {}) };
        }),
    });
    setBusy(false);
    if (r.ok) replace({ area: 'sspPlus', screen: 'plan', planId: plan.id });
    else {
      setFailure(r.error);
      focusLater(failureRef);
    }
  };

  return (
    <>
      {next ? (
        <Alert variant={next.overdue ? 'warning' : 'info'}>
          <p>{t('sspPlus.review.nextScheduled', { date: proseDate(next.dueOn) })}</p>
        </Alert>
      ) : null}
      <ErrorSummary items={submitted && !isValidIsoDate(heldOn) ? [{ fieldId: 'review-date', message: t('sspPlus.validation.date') }] : []} summaryRef={summaryRef} />
      {failure ? (
        <Alert variant="error" heading={t('sspPlus.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form sspplus-form">
        <DateField id="review-date" width="s" label={t('sspPlus.field.heldOn')} value={heldOn} onChange={setHeldOn} error={dateError} />
        <RadioGroup<ReviewKind> name="review-kind" legend={t('sspPlus.field.reviewKind')} hint={t('sspPlus.review.kindHint')} value={kind} options={reviewKindOptions} onChange={setKind} />
        {kind === 'ad-hoc' ? <Select<ReviewTrigger> id="review-trigger" label={t('sspPlus.field.trigger')} value={trigger} options={triggerOptions} onChange={setTrigger} /> : null}
        <CheckboxGroup
          name="review-partners"
          legend={t('sspPlus.field.participants')}
          options={partners.filter((p) => p.active || partnerIds.includes(p.id)).map((p) => ({ id: p.id, label: p.name }))}
          selected={partnerIds}
          onChange={setPartnerIds}
        />
        <TextField id="review-participants-note" label={t('sspPlus.review.othersPresent')} hint={t('sspPlus.review.othersPresentHint')} value={participantsNote} onChange={setParticipantsNote} maxLength={500} />

        <h2 className="sspplus-subheading">{t('sspPlus.review.areasHeading')}</h2>
        {areas.length === 0 ? <p className="sspplus-muted">{t('sspPlus.review.noAreas')}</p> : <p>{t('sspPlus.review.areasLead')}</p>}
        {areas.map((a) => {
          const d = drafts[a.area]!;
          return (
            <fieldset key={a.area} className="sspplus-action-row" data-testid={`review-area-${a.area}`}>
              <legend className="form-label">{areaName(a.area)}</legend>
              {a.goal ? <p className="sspplus-muted">{t('sspPlus.review.currentGoal', { goal: a.goal })}</p> : null}
              <Select<AreaReviewStatus | ''>
                id={`review-${a.area}-status`}
                label={t('sspPlus.review.areaStatus', { area: areaName(a.area) })}
                value={d.status}
                options={[{ value: '', label: t('sspPlus.review.notAssessed') }, ...areaStatusOptions]}
                onChange={(status) => update(a.area, { status })}
              />
              <TextArea id={`review-${a.area}-note`} label={t('sspPlus.review.areaNote', { area: areaName(a.area) })} value={d.note} onChange={(note) => update(a.area, { note })} rows={2} maxLength={2000} />
              <TextArea id={`review-${a.area}-goal`} label={t('sspPlus.review.newGoal', { area: areaName(a.area) })} hint={t('sspPlus.review.newGoalHint')} value={d.newGoal} onChange={(newGoal) => update(a.area, { newGoal })} rows={2} maxLength={4000} />
            </fieldset>
          );
        })}
        <TextArea id="review-changes" label={t('sspPlus.field.changes')} hint={t('sspPlus.review.changesHint')} value={changes} onChange={setChanges} rows={4} maxLength={8000} />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('form.working')}>
            {t('sspPlus.review.submit')}
          </Button>
          <Button variant="tertiary" onClick={back}>
            {t('sspPlus.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
