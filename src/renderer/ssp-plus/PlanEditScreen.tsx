import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape } from '../../shared/contract';
import type { PlanDetail, SspPlusPartner } from '../../shared/ssp-plus';
import { isValidIsoDate } from '../../shared/core/dates';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { CheckboxGroup, TextArea } from './fields';
import { fullName, intervalOptions } from './labels';
import { useLoad } from '../core/data/useLoad';
import { DateField } from '../core/ui/DateField';

/** Edit the plan's frame: coordinator, partners (and add one to the list), consent, review interval. */
export function PlanEditScreen({ planId }: { planId: number }) {
  const { data } = useLoad(async () => {
    const [plan, partners] = await Promise.all([api['sspplus.get']({ planId }), api['sspplus.partners.list']({})]);
    if (!plan.ok) return plan;
    if (!partners.ok) return partners;
    return { ok: true as const, value: { plan: plan.value, partners: partners.value } };
  }, [planId]);
  return (
    <>
      <PageHeader title={data.state === 'ready' ? t('sspPlus.edit.title', { name: fullName(data.value.plan.person) }) : t('sspPlus.plan.title')} />
      <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>{(v) => <EditForm plan={v.plan} partners={v.partners} />}</LoadingGate>
    </>
  );
}

function EditForm({ plan, partners: initialPartners }: { plan: PlanDetail; partners: SspPlusPartner[] }) {
  const { replace, back } = useRouter();
  const [partners, setPartners] = useState(initialPartners);
  const [coordinator, setCoordinator] = useState(plan.coordinator);
  const [partnerIds, setPartnerIds] = useState(plan.partners.map((p) => p.id));
  const [consentDate, setConsentDate] = useState(plan.consentDate ?? '');
  const [consentScope, setConsentScope] = useState(plan.consentScope ?? '');
  const [interval, setReviewInterval] = useState(String(plan.reviewIntervalMonths));
  const [newPartner, setNewPartner] = useState('');
  const [partnerError, setPartnerError] = useState<string | undefined>();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const local = {
    coordinator: coordinator.trim() ? undefined : t('sspPlus.validation.coordinator'),
    consentDate: consentDate && !isValidIsoDate(consentDate) ? t('sspPlus.validation.date') : undefined,
  };
  const errorOf = (f: keyof typeof local) => (submitted ? local[f] : undefined) ?? failure?.fields?.[f];

  const addPartner = async () => {
    const name = newPartner.trim();
    if (!name) {
      setPartnerError(t('sspPlus.edit.partnerNameRequired'));
      return;
    }
    const r = await api['sspplus.partners.save']({ name });
    if (r.ok) {
      setPartners((ps) => [...ps, r.value]);
      setPartnerIds((ids) => [...ids, r.value.id]);
      setNewPartner('');
      setPartnerError(undefined);
    } else setPartnerError(r.error.fields?.name ?? r.error.message);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (local.coordinator || local.consentDate) return;
    setBusy(true);
    const r = await api['sspplus.update']({
      planId: plan.id,
      coordinator,
      partnerIds,
      consentDate: consentDate || null,
      consentScope: consentScope.trim() || null,
      reviewIntervalMonths: Number(interval),
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
      {failure ? (
        <Alert variant="error" heading={t('sspPlus.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form sspplus-form">
        <TextField id="edit-coordinator" label={t('sspPlus.field.coordinator')} value={coordinator} onChange={setCoordinator} error={errorOf('coordinator')} maxLength={120} />
        <CheckboxGroup
          name="edit-partners"
          legend={t('sspPlus.field.partners')}
          hint={t('sspPlus.partnersHint')}
          options={partners.filter((p) => p.active || partnerIds.includes(p.id)).map((p) => ({ id: p.id, label: p.name }))}
          selected={partnerIds}
          onChange={setPartnerIds}
        >
          <div className="sspplus-add-partner">
            <TextField id="edit-new-partner" label={t('sspPlus.edit.newPartner')} hint={t('sspPlus.edit.newPartnerHint')} value={newPartner} onChange={setNewPartner} error={partnerError} maxLength={80} width="m" />
            <Button variant="secondary" onClick={() => void addPartner()}>
              {t('sspPlus.edit.addPartner')}
            </Button>
          </div>
        </CheckboxGroup>
        <DateField id="edit-consent-date" width="s" label={t('sspPlus.field.consentDate')} hint={t('sspPlus.consentDateHint')} value={consentDate} onChange={setConsentDate} error={errorOf('consentDate')} />
        <TextArea id="edit-consent-scope" label={t('sspPlus.field.consentScope')} hint={t('sspPlus.consentScopeHint')} value={consentScope} onChange={setConsentScope} maxLength={2000} />
        <Select id="edit-interval" label={t('sspPlus.field.interval')} hint={t('sspPlus.intervalHint')} value={interval} options={intervalOptions()} onChange={setReviewInterval} />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('form.working')}>
            {t('sspPlus.save')}
          </Button>
          <Button variant="tertiary" onClick={back}>
            {t('sspPlus.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
