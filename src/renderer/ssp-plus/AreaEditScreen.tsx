import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape } from '../../shared/contract';
import type { PlanDetail, SspPlusPartner } from '../../shared/ssp-plus';
import { isValidIsoDate } from '../../shared/core/dates';
import type { ActionStatus, LifeArea } from '../../shared/ssp-plus';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { TextArea } from './fields';
import { actionStatusOptions, areaName, fullName } from './labels';
import { useLoad } from '../core/data/useLoad';
import { DateField } from '../core/ui/DateField';

interface ActionDraft {
  key: number;
  id?: number;
  description: string;
  partnerId: string;
  deadline: string;
  status: ActionStatus;
}

let draftKey = 0;

/** Fill or edit one life area: situation, goal, progress, and its agreed actions. */
export function AreaEditScreen({ planId, area }: { planId: number; area: LifeArea }) {
  const { data } = useLoad(async () => {
    const [plan, partners] = await Promise.all([api['sspplus.get']({ planId }), api['sspplus.partners.list']({})]);
    if (!plan.ok) return plan;
    if (!partners.ok) return partners;
    return { ok: true as const, value: { plan: plan.value, partners: partners.value } };
  }, [planId]);
  return (
    <>
      <PageHeader
        title={t('sspPlus.area.title', { area: areaName(area) })}
        lead={data.state === 'ready' ? t('sspPlus.planFor', { name: fullName(data.value.plan.person) }) : undefined}
      />
      <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>{(v) => <AreaForm plan={v.plan} partners={v.partners} area={area} />}</LoadingGate>
    </>
  );
}

function AreaForm({ plan, partners, area }: { plan: PlanDetail; partners: SspPlusPartner[]; area: LifeArea }) {
  const { replace, back } = useRouter();
  const current = plan.areas.find((a) => a.area === area)!;
  const [situation, setSituation] = useState(current.currentSituation);
  const [goal, setGoal] = useState(current.goal);
  const [progress, setProgress] = useState(current.progressNotes);
  const [actions, setActions] = useState<ActionDraft[]>(
    current.actions.map((a) => ({ key: ++draftKey, id: a.id, description: a.description, partnerId: a.partnerId ? String(a.partnerId) : '', deadline: a.deadline ?? '', status: a.status as ActionStatus })),
  );
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const [focusKey, setFocusKey] = useState<number | null>(null);

  const planPartnerIds = plan.partners.map((p) => p.id);
  const partnerOptions = [
    { value: '', label: t('sspPlus.choose') },
    ...partners
      .filter((p) => p.active || actions.some((a) => a.partnerId === String(p.id)))
      .sort((a, b) => Number(planPartnerIds.includes(b.id)) - Number(planPartnerIds.includes(a.id)))
      .map((p) => ({ value: String(p.id), label: p.name })),
  ];

  const blank = (a: ActionDraft) => !a.id && !a.description.trim() && !a.partnerId && !a.deadline;
  const kept = actions.filter((a) => !blank(a));
  const rowErrors = (a: ActionDraft, i: number) => ({
    description: (submitted && !a.description.trim() && !blank(a) ? t('sspPlus.area.descriptionRequired') : undefined) ?? failure?.fields?.[`actions.${kept.indexOf(a)}.description`],
    deadline: (submitted && a.deadline && !isValidIsoDate(a.deadline) ? t('sspPlus.validation.date') : undefined) ?? failure?.fields?.[`actions.${kept.indexOf(a)}.deadline`],
    partnerId: failure?.fields?.[`actions.${kept.indexOf(a)}.partnerId`],
    row: failure?.fields?.[`actions.${kept.indexOf(a)}`],
    index: i,
  });
  const localErrors = actions.flatMap((a, i) => {
    const e = rowErrors(a, i);
    return [
      ...(e.description && submitted ? [{ fieldId: `action-${a.key}-description`, message: t('sspPlus.area.rowError', { n: i + 1, message: e.description }) }] : []),
      ...(e.deadline && submitted ? [{ fieldId: `action-${a.key}-deadline`, message: t('sspPlus.area.rowError', { n: i + 1, message: e.deadline }) }] : []),
    ];
  });

  const update = (key: number, change: Partial<ActionDraft>) => setActions((as) => as.map((a) => (a.key === key ? { ...a, ...change } : a)));
  const addAction = () => {
    const key = ++draftKey;
    setActions((as) => [...as, { key, description: '', partnerId: '', deadline: '', status: 'planned' }]);
    setFocusKey(key);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    const invalid = kept.some((a) => !a.description.trim() || (a.deadline && !isValidIsoDate(a.deadline)));
    if (invalid) {
      focusLater(summaryRef);
      return;
    }
    setBusy(true);
    const r = await api['sspplus.saveArea']({
      planId: plan.id,
      area,
      currentSituation: situation,
      goal,
      progressNotes: progress,
      actions: kept.map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        description: a.description,
        partnerId: a.partnerId ? Number(a.partnerId) : null,
        deadline: a.deadline || null,
        status: a.status,
      })),
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
      <ErrorSummary items={submitted ? localErrors : []} summaryRef={summaryRef} />
      {failure ? (
        <Alert variant="error" heading={t('sspPlus.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form sspplus-form">
        <TextArea id="area-situation" label={t('sspPlus.field.situation')} hint={t('sspPlus.area.situationHint')} value={situation} onChange={setSituation} maxLength={4000} />
        <TextArea id="area-goal" label={t('sspPlus.field.goal')} hint={t('sspPlus.area.goalHint')} value={goal} onChange={setGoal} maxLength={4000} />
        <TextArea id="area-progress" label={t('sspPlus.field.progress')} hint={t('sspPlus.area.progressHint')} value={progress} onChange={setProgress} rows={4} maxLength={8000} />

        <h2 className="sspplus-subheading">{t('sspPlus.area.actionsHeading')}</h2>
        <p>{t('sspPlus.area.actionsLead')}</p>
        {actions.map((a, i) => {
          const err = rowErrors(a, i);
          return (
            <fieldset key={a.key} className="sspplus-action-row" data-testid="action-row">
              <legend className="form-label">{t('sspPlus.area.actionLegend', { n: i + 1 })}</legend>
              {err.row ? <p className="form-error-message">{err.row}</p> : null}
              <TextField
                id={`action-${a.key}-description`}
                label={t('sspPlus.field.action')}
                value={a.description}
                onChange={(description) => update(a.key, { description })}
                error={err.description}
                maxLength={500}
                inputRef={focusKey === a.key ? (el) => { if (el) { el.focus(); setFocusKey(null); } } : undefined}
              />
              <div className="sspplus-inline-fields">
                <Select id={`action-${a.key}-partner`} label={t('sspPlus.field.responsible')} value={a.partnerId} options={partnerOptions} onChange={(partnerId) => update(a.key, { partnerId })} />
                <DateField id={`action-${a.key}-deadline`} width="s" label={t('sspPlus.field.deadline')} value={a.deadline} onChange={(deadline) => update(a.key, { deadline })} error={err.deadline} />
                <Select<ActionStatus> id={`action-${a.key}-status`} label={t('sspPlus.field.status')} value={a.status} options={actionStatusOptions} onChange={(status) => update(a.key, { status })} />
              </div>
              {!a.id ? (
                <Button variant="tertiary" onClick={() => setActions((as) => as.filter((x) => x.key !== a.key))}>
                  {t('sspPlus.area.removeNew')}
                  <span className="sr-only"> {t('sspPlus.area.actionLegend', { n: i + 1 })}</span>
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        <Button variant="secondary" onClick={addAction}>
          {t('sspPlus.area.addAction')}
        </Button>
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('form.working')}>
            {t('sspPlus.area.save', { area: areaName(area) })}
          </Button>
          <Button variant="tertiary" onClick={back}>
            {t('sspPlus.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
