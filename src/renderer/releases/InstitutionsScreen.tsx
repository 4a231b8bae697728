import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape } from '../../shared/contract';
import type { Institution } from '../../shared/releases';
import type { InstitutionKind } from '../../shared/releases';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Checkbox } from '../core/ui/Checkbox';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { institutionKindName, institutionKindOptions } from './labels';
import { BackTo, SelectField } from './ui';
import { useLoad } from '../core/data/useLoad';

/** The editable list of institutions: prisons, arresthuse, remand prisons, secure youth institutions. */
export function InstitutionsScreen() {
  const { data, reload } = useLoad(() => api['releases.institutions.list']({}), []);
  const [editing, setEditing] = useState<Institution | null>(null);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  return (
    <>
      <BackTo />
      <PageHeader title={t('releases.institutions.title')} lead={t('releases.institutions.lead')} />
      {saved ? (
        <Alert variant="success" live="status" ref={savedRef}>
          <p>{t('releases.institutions.saved')}</p>
        </Alert>
      ) : null}
      <LoadingGate data={data} failedHeading={t('releases.loadFailed')} focusHeading>
        {(list) => (
          <table className="table table--compact releases-table" data-testid="institutions">
            <thead>
              <tr>
                <th scope="col">{t('releases.institutions.name')}</th>
                <th scope="col">{t('releases.institutions.kind')}</th>
                <th scope="col">{t('releases.institutions.active')}</th>
                <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{institutionKindName(i.kind)}</td>
                  <td>{i.active ? t('releases.institutions.active') : t('releases.institutions.inactive')}</td>
                  <td className="releases-cell-action">
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setEditing(i);
                        setSaved(false);
                        requestAnimationFrame(() => document.getElementById('institution-name')?.focus());
                      }}
                    >
                      {t('releases.institutions.edit')}
                      <span className="sr-only"> {i.name}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadingGate>
      <InstitutionForm
        key={editing?.id ?? 'new'}
        institution={editing}
        onCancel={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setSaved(true);
          reload();
          focusLater(savedRef);
        }}
      />
    </>
  );
}

function InstitutionForm({ institution, onSaved, onCancel }: { institution: Institution | null; onSaved: () => void; onCancel: () => void }) {
  const [name, setName] = useState(institution?.name ?? '');
  const [kind, setKind] = useState<InstitutionKind>(institution?.kind ?? 'prison');
  const [active, setActive] = useState(institution?.active ?? true);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameError = error?.fields?.name ?? (submitted && !name.trim() ? t('releases.institutions.nameRequired') : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setError(null);
    if (!name.trim()) {
      document.getElementById('institution-name')?.focus();
      return;
    }
    setBusy(true);
    const r = await api['releases.institutions.save']({
      ...(institution ? { id: institution.id, sortOrder: institution.sortOrder } : { sortOrder: 100 }),
      name: name.trim(),
      kind,
      active,
    });
    setBusy(false);
    if (r.ok) {
      setName('');
      setSubmitted(false);
      onSaved();
    } else {
      setError(r.error);
      document.getElementById('institution-name')?.focus();
    }
  };
  return (
    <section aria-labelledby="institution-form-heading" className="releases-section">
      <h2 id="institution-form-heading">{institution ? t('releases.institutions.editHeading', { name: institution.name }) : t('releases.institutions.addHeading')}</h2>
      {error && !error.fields?.name ? (
        <Alert variant="error" heading={t('releases.saveFailed')} live="alert">
          <p>{error.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="releases-form">
        <TextField
          id="institution-name"
          label={t('releases.institutions.name')}
          value={name}
          maxLength={120}
          onChange={(v) => {
            setName(v);
            setError(null);
          }}
          error={nameError}
        />
        <SelectField<InstitutionKind> id="institution-kind" label={t('releases.institutions.kind')} value={kind} options={institutionKindOptions} onChange={setKind} />
        <Checkbox id="institution-active" label={t('releases.institutions.activeLabel')} checked={active} onChange={setActive} />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('releases.saving')}>
            {t('releases.institutions.save')}
          </Button>
          {institution ? (
            <Button variant="secondary" onClick={onCancel}>
              {t('releases.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
