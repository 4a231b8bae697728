import { useRef, useState } from 'react';
import type { FindHit } from '../../shared/cases';
import { formatFingerprint } from '../../shared/handover';
import { api } from '../core/api';
import { useLoad } from '../core/data/useLoad';
import { proseDate, t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { RadioGroup } from '../core/ui/FormFields';
import { LoadingGate } from '../core/ui/LoadingGate';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadFile } from '../core/ui/download';
import { HandoverPage } from './HandoverPage';

export interface Chosen {
  personId: number;
  name: string;
}

/**
 * Overdrag til kollega: choose the young person (search, or given by their case) and the
 * colleague, confirm, and the bundle file is saved; the cases become read-only.
 */
export function SendScreen({ person }: { person?: Chosen }) {
  const { data: colleagues } = useLoad(() => api['handover.colleagues']({}), []);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<FindHit[] | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(person ?? null);
  const [colleagueId, setColleagueId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ person?: string; colleague?: string }>({});
  const [outcome, setOutcome] = useState<{ variant: 'success' | 'error'; text: string } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const search = async () => {
    const r = await api['cases.find']({ query, limit: 20 });
    setHits(r.ok ? [...r.value.hits, ...r.value.closed] : []);
  };

  const startSend = () => {
    const e: typeof errors = {};
    if (!chosen) e.person = t('handover.send.pickPerson');
    if (!colleagueId) e.colleague = t('handover.send.pickColleague');
    setErrors(e);
    if (!e.person && !e.colleague) setConfirming(true);
  };

  const send = async () => {
    const id = chosen?.personId;
    if (!id) return;
    setBusy(true);
    const r = await api['handover.send']({ personId: id, colleagueId: Number(colleagueId) });
    setBusy(false);
    setConfirming(false);
    if (r.ok) {
      downloadFile(r.value.file);
      setOutcome({ variant: 'success', text: t('handover.send.done', { file: r.value.file.fileName }) });
    } else setOutcome({ variant: 'error', text: r.error.message });
    focusLater(outcomeRef);
  };

  const colleagueName = (list: { id: number; label: string }[]) => list.find((c) => String(c.id) === colleagueId)?.label ?? '';

  return (
    <HandoverPage current="send" title={t('handover.send.heading')} lead={t('handover.send.lead')}>
      {outcome ? (
        <Alert variant={outcome.variant} live={outcome.variant === 'error' ? 'alert' : 'status'} ref={outcomeRef} heading={outcome.variant === 'error' ? t('handover.send.failed') : undefined}>
          <p>{outcome.text}</p>
        </Alert>
      ) : null}
      <LoadingGate data={colleagues} loadingClassName="settings-loading" failedHeading={t('handover.loadFailed')}>
        {(list) =>
          list.length === 0 ? (
            <Alert variant="info">
              <p>{t('handover.send.noColleagues')}</p>
            </Alert>
          ) : (
            <>
              <section aria-labelledby="send-person-heading" className="settings-section settings-section-first">
                <h2 id="send-person-heading">{t('handover.send.person')}</h2>
                {chosen ? <p data-testid="send-chosen">{t('handover.send.chosen', { name: chosen.name })}</p> : null}
                <form
                  className="handover-search"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void search();
                  }}
                >
                  <TextField id="send-search" label={t('handover.send.search')} hint={t('handover.send.searchHint')} value={query} onChange={setQuery} error={errors.person} width="l" />
                  <Button type="submit" variant="secondary">
                    {t('handover.send.search')}
                  </Button>
                </form>
                {hits && hits.length === 0 ? <p>{t('handover.send.noMatches')}</p> : null}
                {hits && hits.length > 0 ? (
                  <ul className="nobullet-list handover-hits" data-testid="send-hits">
                    {hits.map((h) => (
                      <li key={h.caseId}>
                        <span>
                          {h.firstName} {h.lastName} · {h.caseNumber} · {proseDate(h.birthDate)}
                        </span>{' '}
                        <Button
                          variant="tertiary"
                          aria-label={`${t('handover.send.choose')} ${h.firstName} ${h.lastName}`}
                          onClick={() => {
                            setChosen({ personId: h.personId, name: `${h.firstName} ${h.lastName}` });
                            setErrors((e) => ({ ...e, person: undefined }));
                          }}
                        >
                          {t('handover.send.choose')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </section>
              <section aria-labelledby="send-colleague-heading" className="settings-section">
                <h2 id="send-colleague-heading">{t('handover.send.colleague')}</h2>
                <RadioGroup
                  name="send-colleague"
                  legend={t('handover.send.pickColleague')}
                  value={colleagueId}
                  error={errors.colleague}
                  options={list.map((c) => ({ value: String(c.id), label: c.label, hint: formatFingerprint(c.fingerprint) }))}
                  onChange={setColleagueId}
                />
                <div className="form-actions">
                  <Button onClick={startSend}>{t('handover.send.submit')}</Button>
                </div>
              </section>
              {confirming ? (
                <ConfirmDialog
                  title={t('handover.send.confirmTitle', { name: chosen?.name ?? '', colleague: colleagueName(list) })}
                  text={t('handover.send.confirmText')}
                  confirmLabel={t('handover.send.confirm')}
                  busy={busy}
                  testId="send-confirm"
                  onConfirm={() => void send()}
                  onCancel={() => setConfirming(false)}
                />
              ) : null}
            </>
          )
        }
      </LoadingGate>
    </HandoverPage>
  );
}
