import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import { isValidIsoDate } from '../../shared/core/dates';
import { api } from '../core/api';
import { t, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { useSession } from '../core/shell/session';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { CheckboxGroup, FieldError, TextArea } from './fields';
import { fullName, intervalOptions } from './labels';
import { BackToOverview } from './PlanScreen';
import { useLoad } from '../core/data/useLoad';
import { DateField } from '../core/ui/DateField';

type Field = 'startDate' | 'personId' | 'coordinator' | 'consentDate' | 'referralSource' | 'referralReason';
const FIELD_IDS: Record<Field, string> = {
  startDate: 'start-date',
  personId: 'start-person',
  coordinator: 'start-coordinator',
  consentDate: 'start-consent-date',
  referralSource: 'start-referral-source',
  referralReason: 'start-referral-reason',
};

/**
 * Start a plan: pick the young person (with eligibility on the chosen date shown beside each),
 * then the plan's frame. A refusal from main (age, level, no open case) is shown as it comes, in
 * Danish, and everything typed stays.
 */
export function StartPlanScreen({ personId: preselected }: { personId?: number }) {
  const { owner } = useSession();
  const { replace } = useRouter();
  const [startDate, setStartDate] = useState(todayIso());
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [personId, setPersonId] = useState<number | null>(preselected ?? null);
  const [coordinator, setCoordinator] = useState(owner.name);
  const [partnerIds, setPartnerIds] = useState<number[]>([]);
  const [consentDate, setConsentDate] = useState('');
  const [consentScope, setConsentScope] = useState('');
  const [interval, setReviewInterval] = useState('3');
  // A referral without an SSP case: the level 3-4 case is opened in the same step.
  const [referralLevel, setReferralLevel] = useState<'3' | '4'>('3');
  const [referralSource, setReferralSource] = useState('');
  const [referralReason, setReferralReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  // Search as the user types, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const validDate = isValidIsoDate(startDate);
  const candidates = useLoad(
    () => (validDate ? api['sspplus.candidates']({ startDate, ...(query ? { search: query } : {}) }) : Promise.resolve({ ok: true as const, value: [] })),
    [startDate, query, validDate],
  );
  const partners = useLoad(() => api['sspplus.partners.list']({}), []);

  const chosen = candidates.data.state === 'ready' ? candidates.data.value.find((c) => c.personId === personId) : undefined;
  const referral = chosen?.referralPossible === true;
  const local: Partial<Record<Field, string>> = {
    startDate: validDate ? undefined : t('sspPlus.validation.date'),
    personId: personId === null ? t('sspPlus.start.personRequired') : undefined,
    coordinator: coordinator.trim() ? undefined : t('sspPlus.validation.coordinator'),
    consentDate: consentDate && !isValidIsoDate(consentDate) ? t('sspPlus.validation.date') : undefined,
    referralSource: referral && !referralSource.trim() ? t('sspPlus.referral.sourceRequired') : undefined,
    referralReason: referral && !referralReason.trim() ? t('sspPlus.referral.reasonRequired') : undefined,
  };
  const errorOf = (f: Field) => (submitted ? local[f] : undefined) ?? failure?.fields?.[f];
  const order: Field[] = ['startDate', 'personId', 'referralSource', 'referralReason', 'coordinator', 'consentDate'];
  const summary = submitted ? order.filter((f) => local[f]).map((f) => ({ fieldId: FIELD_IDS[f], message: local[f]! })) : [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (order.some((f) => local[f])) {
      focusLater(summaryRef);
      return;
    }
    setBusy(true);
    const r = await api['sspplus.start']({
      personId: personId!,
      startDate,
      coordinator,
      partnerIds,
      ...(consentDate ? { consentDate } : {}),
      ...(consentScope.trim() ? { consentScope } : {}),
      reviewIntervalMonths: Number(interval),
      ...(referral ? { referral: { level: Number(referralLevel) as 3 | 4, source: referralSource.trim(), reason: referralReason.trim() } } : {}),
    });
    setBusy(false);
    if (r.ok) replace({ area: 'sspPlus', screen: 'plan', planId: r.value.id });
    else {
      setFailure(r.error);
      focusLater(failureRef);
    }
  };

  /** A refusal's message next to a field goes once that field is changed (the alert stays). */
  const clearField = (f: Field) => setFailure((x) => (x?.fields?.[f] ? { ...x, fields: Object.fromEntries(Object.entries(x.fields).filter(([k]) => k !== f)) } : x));
  const personError = errorOf('personId');
  return (
    <>
      <BackToOverview />
      <PageHeader title={t('sspPlus.start.title')} lead={t('sspPlus.start.lead')} />
      <ErrorSummary items={summary} summaryRef={summaryRef} />
      {failure ? (
        <Alert variant="error" heading={t('sspPlus.start.failed')} live="alert" ref={failureRef} className="sspplus-refusal">
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form sspplus-form">
        <fieldset>
          <legend className="h2">{t('sspPlus.start.personLegend')}</legend>
          <DateField id={FIELD_IDS.startDate} width="s" label={t('sspPlus.field.startDate')} hint={t('sspPlus.start.startDateHint')} value={startDate} onChange={(v) => {
              setStartDate(v);
              clearField('startDate');
            }} error={errorOf('startDate')} />
          <TextField id="start-search" type="search" label={t('sspPlus.start.search')} hint={t('sspPlus.start.searchHint')} value={search} onChange={setSearch} autoComplete="off" />
          <fieldset className={personError ? 'form-group form-error' : 'form-group'} aria-describedby={personError ? `${FIELD_IDS.personId}-error` : undefined}>
            <legend className="form-label">{t('sspPlus.start.person')}</legend>
            <FieldError id={`${FIELD_IDS.personId}-error`} message={personError} />
            {candidates.data.state === 'ready' && candidates.data.value.length === 0 ? <p className="sspplus-muted">{query ? t('sspPlus.start.noMatch') : t('sspPlus.start.noCandidates')}</p> : null}
            {candidates.data.state === 'loading' ? <p className="sspplus-muted">{t('app.loading')}</p> : null}
            <ul className="nobullet-list sspplus-candidates" aria-live="polite">
              {candidates.data.state === 'ready'
                ? candidates.data.value.map((c, i) => {
                    const id = i === 0 ? FIELD_IDS.personId : `${FIELD_IDS.personId}-${c.personId}`;
                    return (
                      <li key={c.personId} className={c.eligible ? undefined : 'is-ineligible'}>
                        <div className="form-group-radio">
                          <input className="form-radio" type="radio" name="start-person" id={id} checked={personId === c.personId} onChange={() => {
                              setPersonId(c.personId);
                              clearField('personId');
                            }} aria-describedby={`${id}-eligibility`} />
                          <label className="form-label" htmlFor={id}>
                            {fullName(c)}, {t('sspPlus.years', { age: c.age })}
                            {c.caseNumber ? ` – ${t('sspPlus.start.caseLabel', { caseNumber: c.caseNumber, level: c.level ?? 0 })}` : ''}
                            {c.caseStatus === 'closed' ? ` (${t('sspPlus.start.caseClosed')})` : ''}
                          </label>
                          <span className="sspplus-eligibility" id={`${id}-eligibility`}>
                            {c.eligible ? t('sspPlus.start.eligible') : c.reason}
                          </span>
                        </div>
                      </li>
                    );
                  })
                : null}
            </ul>
          </fieldset>
        </fieldset>

        {referral ? (
          <fieldset className="sspplus-referral">
            <legend className="h2">{t('sspPlus.referral.legend')}</legend>
            <p className="form-hint">{t('sspPlus.referral.lead')}</p>
            <Select id="start-referral-level" label={t('sspPlus.referral.level')} value={referralLevel} options={[{ value: '3', label: t('sspPlus.referral.level3') }, { value: '4', label: t('sspPlus.referral.level4') }]} onChange={(v) => setReferralLevel(v as '3' | '4')} />
            <TextField id={FIELD_IDS.referralSource} label={t('sspPlus.referral.source')} hint={t('sspPlus.referral.sourceHint')} value={referralSource} onChange={setReferralSource} error={errorOf('referralSource')} maxLength={120} />
            <TextArea id={FIELD_IDS.referralReason} label={t('sspPlus.referral.reason')} value={referralReason} onChange={setReferralReason} error={errorOf('referralReason')} maxLength={2000} />
          </fieldset>
        ) : null}

        <fieldset>
          <legend className="h2">{t('sspPlus.start.planLegend')}</legend>
          <TextField id={FIELD_IDS.coordinator} label={t('sspPlus.field.coordinator')} value={coordinator} onChange={setCoordinator} error={errorOf('coordinator')} maxLength={120} />
          {partners.data.state === 'ready' ? (
            <CheckboxGroup
              name="start-partners"
              legend={t('sspPlus.field.partners')}
              hint={t('sspPlus.partnersHint')}
              options={partners.data.value.filter((p) => p.active).map((p) => ({ id: p.id, label: p.name }))}
              selected={partnerIds}
              onChange={setPartnerIds}
            />
          ) : null}
          <DateField id={FIELD_IDS.consentDate} width="s" label={t('sspPlus.field.consentDate')} hint={t('sspPlus.consentDateHint')} value={consentDate} onChange={setConsentDate} error={errorOf('consentDate')} />
          <TextArea id="start-consent-scope" label={t('sspPlus.field.consentScope')} hint={t('sspPlus.consentScopeHint')} value={consentScope} onChange={setConsentScope} maxLength={2000} />
          <Select id="start-interval" label={t('sspPlus.field.interval')} hint={t('sspPlus.intervalHint')} value={interval} options={intervalOptions()} onChange={setReviewInterval} />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('form.working')}>
            {t('sspPlus.start.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
