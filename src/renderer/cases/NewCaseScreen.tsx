import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { OutputOf } from '../../shared/contract';

/** A person found by the people search (the search op lives in the releases contract for now). */
type ReleasePersonHit = OutputOf<'releases.people.search'>[number];
import { defaultForum, type CaseLevel } from '../../shared/cases';
import { api } from '../core/api';
import { t, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { useSession } from '../core/shell/session';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { pickFields } from '../core/ui/DialogForm';
import { dateError } from './caseFields';
import { RadioGroup, SelectField, TextArea } from './fields';
import { LEVELS, levelName } from './labels';
import { PersonFields } from './PersonFields';
import { PersonPicker } from './PersonPicker';
import { usePersonForm } from './personForm';
import { useReference } from './useReference';
import { DateField } from '../core/ui/DateField';

type CaseValues = {
  level: '' | '1' | '2' | '3' | '4';
  reason: string;
  forum: string;
  districtId: string;
  coordinator: string;
  openedOn: string;
  nextReviewOn: string;
  externalRef: string;
};

const CASE_FIELD_IDS: Record<keyof CaseValues, string> = {
  level: 'case-level',
  reason: 'case-reason',
  forum: 'case-forum',
  districtId: 'case-district',
  coordinator: 'case-coordinator',
  openedOn: 'case-opened-on',
  nextReviewOn: 'case-next-review',
  externalRef: 'case-external-ref',
};

/** Opret sag: a new case for a new young person, or for one already in the register. */
export function NewCaseScreen() {
  const { replace, back } = useRouter();
  const { owner } = useSession();
  const today = todayIso();
  const { districts, coordinators } = useReference();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [picked, setPicked] = useState<ReleasePersonHit | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const person = usePersonForm(today);

  const validate = useCallback(
    (v: CaseValues): FieldErrors<keyof CaseValues> => {
      const e: FieldErrors<keyof CaseValues> = {};
      if (!v.level) e.level = t('cases.level.required');
      if (!v.reason.trim()) e.reason = t('cases.reason.required');
      if (!v.openedOn) e.openedOn = t('cases.openedOn.required');
      else e.openedOn = dateError(v.openedOn, today, { notFuture: true });
      e.nextReviewOn = dateError(v.nextReviewOn, today, { notBefore: v.openedOn || undefined, notBeforeMessage: t('cases.nextReview.beforeOpened') });
      return e;
    },
    [today],
  );
  const form = useForm<CaseValues>(
    { level: '', reason: '', forum: '', districtId: '', coordinator: owner.name, openedOn: today, nextReviewOn: '', externalRef: '' },
    validate,
  );
  const [pickError, setPickError] = useState<string | undefined>();
  // SSP's age scope: main asks for a reason when the young person is outside it.
  const [scopeQuestion, setScopeQuestion] = useState<string | null>(null);
  const [scopeReason, setScopeReason] = useState('');
  const [scopeError, setScopeError] = useState<string | undefined>();
  const scopeRef = useRef<HTMLDivElement>(null);

  // The forum follows the level until the user writes another.
  const setLevel = (level: CaseValues['level']) => {
    const previousDefault = form.values.level ? defaultForum(Number(form.values.level) as CaseLevel) : '';
    form.set('level', level);
    if (level && (form.values.forum === '' || form.values.forum === previousDefault)) form.set('forum', defaultForum(Number(level) as CaseLevel));
  };

  const summaryItems = [
    ...(mode === 'new' ? person.summary() : pickError ? [{ fieldId: 'person-search', message: pickError }] : []),
    ...(Object.keys(CASE_FIELD_IDS) as (keyof CaseValues)[]).flatMap((k) => {
      const message = form.errorOf(k);
      return message ? [{ fieldId: CASE_FIELD_IDS[k], message }] : [];
    }),
  ];

  useEffect(() => {
    if (showSummary && summaryItems.length === 0) setShowSummary(false);
  }, [showSummary, summaryItems.length]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const caseOk = form.submit();
    let personOk: boolean;
    if (mode === 'new') personOk = person.submit();
    else {
      personOk = picked !== null;
      setPickError(personOk ? undefined : t('cases.picker.required'));
    }
    if (!caseOk || !personOk) {
      setFailure(null);
      setShowSummary(true);
      focusLater(summaryRef);
      return;
    }
    if (scopeQuestion && !scopeReason.trim()) {
      setScopeError(t('cases.ageScope.reasonRequired'));
      focusLater(scopeRef);
      return;
    }
    setBusy(true);
    setFailure(null);
    setScopeError(undefined);
    const v = form.values;
    const sentReason = scopeQuestion ? scopeReason.trim() : '';
    const result = await api['cases.open']({
      ...(mode === 'new' ? { person: person.toInput() } : { personId: picked!.id }),
      level: Number(v.level) as CaseLevel,
      reason: v.reason.trim(),
      ...(v.forum.trim() ? { forum: v.forum.trim() } : {}),
      ...(v.districtId ? { districtId: Number(v.districtId) } : {}),
      ...(v.coordinator.trim() ? { coordinator: v.coordinator.trim() } : {}),
      openedOn: v.openedOn,
      ...(v.nextReviewOn ? { nextReviewOn: v.nextReviewOn } : {}),
      ...(v.externalRef.trim() ? { externalRef: v.externalRef.trim() } : {}),
      ...(sentReason ? { outsideAgeScopeReason: sentReason } : {}),
    });
    setBusy(false);
    if (result.ok) {
      replace({ area: 'cases', screen: 'detail', caseId: result.value.id, notice: 'created' });
      return;
    }
    if (result.error.fields?.outsideAgeScopeReason && !sentReason) {
      // Not an error: a question. Everything typed stays; the reason field appears above the buttons.
      setScopeQuestion(result.error.message);
      setShowSummary(false);
      focusLater(scopeRef);
      return;
    }
    if (result.error.fields?.outsideAgeScopeReason) setScopeQuestion(null); // the person changed: no reason needed now
    // Keep everything typed; put main's messages next to the fields.
    setFailure(result.error);
    person.applyServerErrors(result.error.fields);
    form.setServerErrors(pickFields(result.error.fields, Object.keys(CASE_FIELD_IDS) as (keyof CaseValues)[]));
    setShowSummary(false);
    focusLater(failureRef);
  };

  return (
    <>
      <PageHeader title={t('cases.new.title')} lead={t('cases.new.lead')} />
      {failure ? (
        <Alert variant="error" heading={t('cases.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      {showSummary ? <ErrorSummary items={summaryItems} summaryRef={summaryRef} /> : null}
      <form noValidate onSubmit={onSubmit} className="stack-form case-form">
        <fieldset>
          <legend className="h2">{t('cases.new.personLegend')}</legend>
          <RadioGroup<'new' | 'existing'>
            legend={t('cases.new.personMode')}
            name="person-mode"
            id="person-mode"
            inline
            value={mode}
            options={[
              { value: 'new', label: t('cases.new.personNew') },
              { value: 'existing', label: t('cases.new.personExisting') },
            ]}
            onChange={setMode}
          />
          {mode === 'new' ? (
            <PersonFields person={person} districts={districts} />
          ) : (
            <PersonPicker
              selected={picked}
              onSelect={(p) => {
                setPicked(p);
                setPickError(undefined);
              }}
              error={pickError}
            />
          )}
        </fieldset>

        <fieldset>
          <legend className="h2">{t('cases.new.caseLegend')}</legend>
          <RadioGroup<CaseValues['level'] & string>
            legend={t('cases.field.level')}
            name="case-level"
            id={CASE_FIELD_IDS.level}
            value={form.values.level}
            options={LEVELS.map((l) => ({ value: String(l) as CaseValues['level'], label: t('cases.level.option', { level: l, label: levelName(l) }) }))}
            onChange={setLevel}
            error={form.errorOf('level')}
          />
          <TextArea id={CASE_FIELD_IDS.reason} label={t('cases.field.reason')} hint={t('cases.field.reasonHint')} maxLength={500} rows={3} {...form.field('reason')} />
          <TextField id={CASE_FIELD_IDS.forum} label={t('cases.field.forum')} hint={t('cases.field.forumHint')} maxLength={120} autoComplete="off" {...form.field('forum')} />
          <SelectField
            id={CASE_FIELD_IDS.districtId}
            label={t('cases.field.district')}
            value={form.values.districtId}
            options={[{ value: '', label: t('cases.field.districtAsPerson') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
            onChange={(v) => form.set('districtId', v)}
            error={form.errorOf('districtId')}
          />
          <TextField id={CASE_FIELD_IDS.coordinator} label={t('cases.field.coordinator')} maxLength={120} autoComplete="off" list="case-coordinators" {...form.field('coordinator')} />
          <datalist id="case-coordinators">
            {coordinators.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <div className="form-row">
            <DateField id={CASE_FIELD_IDS.openedOn} label={t('cases.field.openedOn')} width="s" max={today} {...form.field('openedOn')} />
            <DateField id={CASE_FIELD_IDS.nextReviewOn} label={t('cases.field.nextReviewOptional')} width="s" {...form.field('nextReviewOn')} />
          </div>
          <TextField id={CASE_FIELD_IDS.externalRef} label={t('cases.field.externalRef')} hint={t('cases.field.externalRefHint')} maxLength={60} width="m" autoComplete="off" {...form.field('externalRef')} />
        </fieldset>

        {scopeQuestion ? (
          <Alert variant="warning" heading={t('cases.ageScope.heading')} live="alert" ref={scopeRef} className="case-age-scope">
            <p>{scopeQuestion}</p>
            <TextArea id="case-age-scope-reason" label={t('cases.ageScope.reason')} value={scopeReason} onChange={(v) => {
                setScopeReason(v);
                setScopeError(undefined);
              }} error={scopeError} maxLength={500} rows={2} />
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('cases.saving')}>
            {scopeQuestion ? t('cases.ageScope.submit') : t('cases.new.submit')}
          </Button>
          <Button variant="tertiary" onClick={back}>
            {t('cases.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
