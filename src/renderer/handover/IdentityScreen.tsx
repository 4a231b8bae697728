import { useRef, useState } from 'react';
import type { AppErrorShape, OutputOf } from '../../shared/contract';
import { formatFingerprint } from '../../shared/handover';
import { api } from '../core/api';
import { useLoad } from '../core/data/useLoad';
import { formatDateTime, t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { LoadingGate } from '../core/ui/LoadingGate';
import { useFocusLater } from '../core/ui/useFocusLater';
import { AddColleagueDialog } from './AddColleagueDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadText } from '../core/ui/download';
import { HandoverPage } from './HandoverPage';

type Colleague = OutputOf<'handover.colleagues'>[number];

/** Min boks og kolleger: this vault's fingerprint (printable) and code, and the known colleagues. */
export function IdentityScreen() {
  const { data: identity } = useLoad(() => api['handover.identity']({}), []);
  const { data: colleagues, reload } = useLoad(() => api['handover.colleagues']({}), []);
  const { data: log } = useLoad(() => api['handover.log']({}), []);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Colleague | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ variant: 'success' | 'error'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const r = await api['handover.removeColleague']({ colleagueId: removing.id });
    setBusy(false);
    setRemoving(null);
    setMessage(r.ok ? { variant: 'success', text: t('handover.colleagues.removed') } : { variant: 'error', text: (r.error as AppErrorShape).message });
    reload();
    focusLater(messageRef);
  };

  return (
    <HandoverPage current="index" title={t('handover.title')} lead={t('handover.lead')}>
      {message ? (
        <Alert variant={message.variant} live={message.variant === 'error' ? 'alert' : 'status'} ref={messageRef}>
          <p>{message.text}</p>
        </Alert>
      ) : null}
      <LoadingGate data={identity} loadingClassName="settings-loading" failedHeading={t('handover.loadFailed')}>
        {(id) => (
          <section aria-labelledby="handover-identity-heading" className="settings-section settings-section-first handover-identity">
            <h2 id="handover-identity-heading">{t('handover.identity.heading')}</h2>
            <p className="print-only handover-print-title">{t('handover.identity.printTitle')}</p>
            <p>{t('handover.identity.lead')}</p>
            <dl className="settings-facts">
              <dt>{t('handover.identity.label')}</dt>
              <dd>{id.label}</dd>
              <dt>{t('handover.colleagues.fingerprint')}</dt>
              <dd>
                <code className="handover-fingerprint" data-testid="own-fingerprint">
                  {formatFingerprint(id.fingerprint)}
                </code>
              </dd>
            </dl>
            <div className="form-actions no-print">
              <Button variant="secondary" onClick={() => window.print()}>
                {t('handover.identity.print')}
              </Button>
            </div>
            <h3 className="no-print">{t('handover.identity.code')}</h3>
            <p className="no-print">{t('handover.identity.codeHint')}</p>
            <code className="handover-code no-print" data-testid="own-code">
              {id.code}
            </code>
            <div className="form-actions no-print">
              <Button variant="secondary" onClick={() => downloadText(`ssp-desk-kollega-${id.fingerprint.slice(0, 8).toLowerCase()}.txt`, `${id.code}\n`)}>
                {t('handover.identity.saveCode')}
              </Button>
            </div>
          </section>
        )}
      </LoadingGate>
      <section aria-labelledby="handover-colleagues-heading" className="settings-section no-print">
        <h2 id="handover-colleagues-heading">{t('handover.colleagues.heading')}</h2>
        <LoadingGate data={colleagues} loadingClassName="settings-loading" failedHeading={t('handover.loadFailed')}>
          {(list) =>
            list.length === 0 ? (
              <p data-testid="colleagues-empty">{t('handover.colleagues.empty')}</p>
            ) : (
              <table className="table table--compact settings-table" data-testid="colleague-list">
                <thead>
                  <tr>
                    <th scope="col">{t('handover.colleagues.name')}</th>
                    <th scope="col">{t('handover.colleagues.fingerprint')}</th>
                    <th scope="col">{t('handover.colleagues.added')}</th>
                    <th scope="col">{t('handover.colleagues.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.label}</th>
                      <td>
                        <code className="handover-fingerprint-small">{formatFingerprint(c.fingerprint)}</code>
                      </td>
                      <td>{formatDateTime(c.addedAt)}</td>
                      <td>
                        <Button variant="tertiary" aria-label={t('handover.colleagues.removeLabel', { name: c.label })} onClick={() => setRemoving(c)}>
                          {t('handover.colleagues.remove')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </LoadingGate>
        <div className="form-actions">
          <Button onClick={() => setAdding(true)}>{t('handover.colleagues.add')}</Button>
        </div>
      </section>
      <section aria-labelledby="handover-pending-heading" className="settings-section no-print">
        <h2 id="handover-pending-heading">{t('handover.pending.heading')}</h2>
        <LoadingGate data={log} loadingClassName="settings-loading" failedHeading={t('handover.loadFailed')}>
          {(entries) => {
            const pending = entries.filter((e) => e.direction === 'sent' && e.outcome === 'pending');
            return pending.length === 0 ? (
              <p data-testid="pending-empty">{t('handover.pending.empty')}</p>
            ) : (
              <ul className="nobullet-list" data-testid="pending-list">
                {pending.map((e) => (
                  <li key={e.bundleId}>{t('handover.pending.sent', { when: formatDateTime(e.createdAt), name: e.peerLabel ?? t('handover.unknownColleague') })}</li>
                ))}
              </ul>
            );
          }}
        </LoadingGate>
      </section>
      {adding ? (
        <AddColleagueDialog
          onClose={(added) => {
            setAdding(false);
            if (added) {
              setMessage({ variant: 'success', text: t('handover.colleagues.addedDone', { name: added.label }) });
              reload();
              focusLater(messageRef);
            }
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('handover.colleagues.removeTitle')}
          text={t('handover.colleagues.removeText', { name: removing.label })}
          confirmLabel={t('handover.colleagues.removeConfirm')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </HandoverPage>
  );
}
