import { useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { CaseDetail } from '../../shared/cases';
import { fullName } from '../../shared/core/names';
import { api } from '../core/api';
import { t, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { PageHeader } from '../core/ui/PageHeader';
import { useFocusLater } from '../core/ui/useFocusLater';
import { PersonFields } from './PersonFields';
import { usePersonForm } from './personForm';
import { useLoad } from '../core/data/useLoad';
import { useReference } from './useReference';

/** Redigér person: the case's young person, with the same fields and checks as Opret sag. */
export function EditPersonScreen({ caseId }: { caseId: number }) {
  const { data } = useLoad(() => api['cases.get']({ caseId }), [caseId]);
  if (data.state !== 'ready') {
    return (
      <>
        <PageHeader title={t('cases.editPerson.title')} />
        {data.state === 'loading' ? (
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        ) : (
          <Alert variant="error" heading={t('cases.detail.loadFailed')} live="alert">
            <p>{data.error.message}</p>
          </Alert>
        )}
      </>
    );
  }
  return <EditPersonForm detail={data.value} />;
}

function EditPersonForm({ detail }: { detail: CaseDetail }) {
  const { replace, back } = useRouter();
  const today = todayIso();
  const { districts } = useReference();
  const person = usePersonForm(today, detail.person);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const fail = (error: AppErrorShape) => {
    setFailure(error);
    person.applyServerErrors(error.fields);
    focusLater(failureRef);
  };

  // Changing the number starts from the stored one (reading it is recorded, as with Vis CPR).
  const changeCpr = async () => {
    setRevealing(true);
    const r = await api['people.revealCpr']({ personId: detail.person.id });
    setRevealing(false);
    if (!r.ok) return fail(r.error);
    person.form.set('cpr', r.value.cpr ?? '');
    person.setKeepCpr(false);
    setTimeout(() => document.getElementById('person-cpr')?.focus(), 0);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!person.submit()) {
      setShowSummary(true);
      focusLater(summaryRef);
      return;
    }
    setShowSummary(false);
    setBusy(true);
    setFailure(null);
    // people.update replaces the whole person, CPR included: a kept number is sent as it is stored.
    let kept: string | null = null;
    if (person.keepCpr) {
      const r = await api['people.revealCpr']({ personId: detail.person.id });
      if (!r.ok) {
        setBusy(false);
        return fail(r.error);
      }
      kept = r.value.cpr;
    }
    const result = await api['people.update']({ personId: detail.person.id, person: person.toInput(kept) });
    setBusy(false);
    if (result.ok) replace({ area: 'cases', screen: 'detail', caseId: detail.id, notice: 'personSaved' });
    else fail(result.error);
  };

  const items = showSummary ? person.summary() : [];

  return (
    <>
      <PageHeader title={t('cases.editPerson.title')} lead={t('cases.editPerson.lead', { name: fullName(detail.person.firstName, detail.person.lastName), caseNumber: detail.caseNumber })} />
      {failure ? (
        <Alert variant="error" heading={t('cases.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      {items.length ? <ErrorSummary items={items} summaryRef={summaryRef} /> : null}
      <form noValidate onSubmit={onSubmit} className="stack-form case-form">
        <PersonFields person={person} districts={districts} maskedCpr={detail.person.cpr} onChangeCpr={() => void changeCpr()} changeCprBusy={revealing} />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('cases.saving')}>
            {t('cases.save')}
          </Button>
          <Button variant="tertiary" onClick={back}>
            {t('cases.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
