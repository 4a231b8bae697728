import { useState } from 'react';
import type { Person } from '../../shared/cases';
import { api } from '../core/api';
import { proseDate, t } from '../core/i18n';
import { Button } from '../core/ui/Button';
import { sexName } from './labels';

/**
 * The young person: CPR masked (DDMMYY-xxxx) until 'Vis CPR' (audited in main), hidden again with
 * 'Skjul CPR' or on leaving the screen (the number lives only in this component's state).
 */
export function PersonPanel({ person, age, districtName, onEdit }: { person: Person; age: number; districtName: string | null; onEdit?: () => void }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const toggle = async () => {
    if (revealed) {
      setRevealed(null);
      return;
    }
    setBusy(true);
    const r = await api['people.revealCpr']({ personId: person.id });
    setBusy(false);
    if (r.ok) {
      setRevealed(r.value.cpr);
      setFailure(null);
    } else setFailure(r.error.message);
  };

  return (
    <section className="case-panel" aria-labelledby="person-heading">
      <div className="case-panel-head">
        <h2 id="person-heading" className="h3">
          {t('cases.detail.person')}
        </h2>
        {onEdit ? (
          <Button variant="secondary" onClick={onEdit}>
            {t('cases.action.editPerson')}
          </Button>
        ) : null}
      </div>
      <dl className="case-facts">
        <dt>{t('cases.person.cpr')}</dt>
        <dd>
          {person.cpr ? (
            <span className="cpr-line">
              <span className="cpr-mono" data-testid="cpr-value">
                {revealed ?? person.cpr}
              </span>
              <Button variant="tertiary" className="cpr-toggle" onClick={() => void toggle()} busy={busy} busyLabel={t('cases.working')}>
                {revealed ? t('cases.person.hideCpr') : t('cases.person.revealCpr')}
              </Button>
            </span>
          ) : (
            <span className="muted">{t('cases.person.noCpr')}</span>
          )}
          {failure ? <span className="form-error-message">{failure}</span> : null}
        </dd>
        <dt>{t('cases.person.birthDate')}</dt>
        <dd>
          {proseDate(person.birthDate)} <span className="muted">({t('cases.person.ageYears', { age })})</span>
        </dd>
        <dt>{t('cases.person.sex')}</dt>
        <dd>
          {sexName(person.sex)}
          {person.sexFromCpr ? <span className="muted"> ({t('cases.person.fromCpr')})</span> : null}
        </dd>
        <dt>{t('cases.person.district')}</dt>
        <dd>{districtName ?? '–'}</dd>
        <dt>{t('cases.person.schoolShort')}</dt>
        <dd>{person.school ?? '–'}</dd>
        <dt>{t('cases.contacts.legend')}</dt>
        <dd>
          {person.contacts.length === 0 ? (
            '–'
          ) : (
            <ul className="contact-list">
              {person.contacts.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong> <span className="muted">({c.relation})</span>
                  {c.phone ? (
                    <>
                      {' · '}
                      <span>{c.phone}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
