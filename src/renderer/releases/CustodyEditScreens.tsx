import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { ReleasePersonHit } from '../../shared/releases';
import { api } from '../core/api';
import { t, tableDate } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';
import { CustodyForm, toInput, type CustodyValues } from './CustodyForm';
import { fullName } from './labels';
import { BackTo } from './ui';
import { useLoad } from '../core/data/useLoad';

const PERSON_FIELD = 'custody-person-search';

/** Registrér frihedsberøvelse: find the young person in the register, then type, institution and dates. */
export function NewCustodyScreen() {
  const { navigate, replace } = useRouter();
  const { data } = useLoad(() => api['releases.institutions.list']({}), []);
  const [person, setPerson] = useState<ReleasePersonHit | null>(null);
  const [personServerError, setPersonError] = useState<string | undefined>();
  const [attempted, setAttempted] = useState(false);
  const personError = personServerError ?? (attempted && !person ? t('releases.field.personRequired') : undefined);
  const empty: CustodyValues = { institutionId: '', type: '', imprisonedOn: '', expectedReleaseOn: '', paroleOn: '', releasedOn: '' };
  return (
    <>
      <BackTo />
      <PageHeader title={t('releases.new.title')} lead={t('releases.new.lead')} />
      <PersonPicker
        person={person}
        error={personError}
        onPick={(p) => {
          setPerson(p);
          setPersonError(undefined);
        }}
      />
      <LoadingGate data={data} failedHeading={t('releases.loadFailed')} focusHeading>
        {(institutions) => (
          <CustodyForm
            initial={empty}
            institutions={institutions}
            showReleased={false}
            submitLabel={t('releases.new.submit')}
            onCancel={() => navigate({ area: 'releases', screen: 'index' })}
            extraProblem={person ? null : { fieldId: PERSON_FIELD, message: t('releases.field.personRequired') }}
            onInvalidSubmit={() => setAttempted(true)}
            onSubmit={async (values) => {
              const { releasedOn: _released, expectedReleaseOn, paroleOn, ...rest } = toInput(values);
              const r = await api['releases.custody.create']({
                personId: person!.id,
                ...rest,
                ...(expectedReleaseOn ? { expectedReleaseOn } : {}),
                ...(paroleOn ? { paroleOn } : {}),
              });
              if (!r.ok) {
                if (r.error.fields?.personId) setPersonError(r.error.fields.personId);
                return r.error;
              }
              replace({ area: 'releases', screen: 'custody', custodyId: r.value.id, notice: 'created' });
              return null;
            }}
          />
        )}
      </LoadingGate>
    </>
  );
}

/** Search the register by name or case number and choose the young person. */
function PersonPicker({ person, error, onPick }: { person: ReleasePersonHit | null; error?: string; onPick: (p: ReleasePersonHit | null) => void }) {
  const [search, setSearch] = useState('');
  const [hits, setHits] = useState<ReleasePersonHit[] | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setSearchError(undefined);
    if (!search.trim()) {
      setHits(null);
      return;
    }
    const r = await api['releases.people.search']({ search, limit: 20 });
    if (r.ok) setHits(r.value);
    else setSearchError(r.error.message);
  };

  if (person) {
    return (
      <section className="releases-person-picked" aria-labelledby="custody-person-heading">
        <h2 id="custody-person-heading" className="h4">
          {t('releases.field.person')}
        </h2>
        <p data-testid="picked-person">
          <strong>{fullName(person)}</strong>, {t('releases.born', { date: tableDate(person.birthDate) })}
          {person.district ? `, ${person.district}` : ''}
          {person.caseNumber ? `, ${t('releases.field.caseNumber', { caseNumber: person.caseNumber })}` : ''}
        </p>
        <Button
          variant="secondary"
          onClick={() => {
            onPick(null);
            requestAnimationFrame(() => searchRef.current?.focus());
          }}
        >
          {t('releases.field.changePerson')}
        </Button>
      </section>
    );
  }

  return (
    <section className="releases-person-search" aria-labelledby="custody-person-heading">
      <h2 id="custody-person-heading" className="h4">
        {t('releases.field.person')}
      </h2>
      <form role="search" noValidate onSubmit={run} className="releases-search-form" aria-label={t('releases.field.search')}>
        <div className="releases-search-row">
          <TextField
            id={PERSON_FIELD}
            label={t('releases.field.search')}
            hint={t('releases.field.searchHint')}
            value={search}
            onChange={setSearch}
            error={searchError ?? error}
            width="m"
            type="search"
            autoComplete="off"
            inputRef={searchRef}
          />
          <Button type="submit" variant="secondary">
            {t('releases.field.searchButton')}
          </Button>
        </div>
      </form>
      {hits !== null ? (
        hits.length ? (
          <ul className="nobullet-list releases-hits" aria-label={t('releases.field.searchResults')}>
            {hits.map((h) => (
              <li key={h.id}>
                <span>
                  <strong>{fullName(h)}</strong>, {t('releases.born', { date: tableDate(h.birthDate) })}
                  {h.district ? `, ${h.district}` : ''}
                  {h.caseNumber ? `, ${t('releases.field.caseNumber', { caseNumber: h.caseNumber })}` : ''}
                </span>
                <Button variant="secondary" onClick={() => onPick(h)}>
                  {t('releases.field.choose')}
                  <span className="sr-only"> {fullName(h)}</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status" className="releases-muted">
            {t('releases.field.searchNone')}
          </p>
        )
      ) : null}
    </section>
  );
}

/** Ret frihedsberøvelse: the same fields, with the actual release date. */
export function EditCustodyScreen({ custodyId }: { custodyId: number }) {
  const { navigate, replace } = useRouter();
  const { data } = useLoad(
    async () => {
      const [custody, institutions] = await Promise.all([api['releases.custody.get']({ custodyId }), api['releases.institutions.list']({})]);
      if (!custody.ok) return custody;
      if (!institutions.ok) return institutions;
      return { ok: true as const, value: { custody: custody.value, institutions: institutions.value } };
    },
    [custodyId],
  );
  return (
    <>
      <BackTo custodyId={custodyId} />
      <LoadingGate data={data} failedHeading={t('releases.loadFailed')} focusHeading>
        {({ custody, institutions }) => (
          <>
            <PageHeader title={t('releases.edit.title')} lead={fullName(custody.person)} />
            <CustodyForm
              initial={{
                institutionId: String(custody.institutionId),
                type: custody.type,
                imprisonedOn: custody.imprisonedOn,
                expectedReleaseOn: custody.expectedReleaseOn ?? '',
                paroleOn: custody.paroleOn ?? '',
                releasedOn: custody.releasedOn ?? '',
              }}
              institutions={institutions}
              showReleased
              submitLabel={t('releases.edit.submit')}
              onCancel={() => navigate({ area: 'releases', screen: 'custody', custodyId })}
              onSubmit={async (values) => {
                const r = await api['releases.custody.update']({ custodyId, ...toInput(values) });
                if (!r.ok) return r.error;
                replace({ area: 'releases', screen: 'custody', custodyId, notice: 'updated' });
                return null;
              }}
            />
          </>
        )}
      </LoadingGate>
    </>
  );
}
