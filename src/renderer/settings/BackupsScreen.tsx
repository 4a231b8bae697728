import { useRef, useState } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape, OutputOf } from '../../shared/contract';
import { api } from '../core/api';
import { formatDateTime, t, tCount } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { useFocusLater } from '../core/ui/useFocusLater';
import { formatBytes } from './format';
import { RestoreDialog, type RestoreResult } from './RestoreDialog';
import { SettingsPage } from './SettingsPage';
import { useLoad } from '../core/data/useLoad';

type BackupStatus = OutputOf<'backup.status'>;
type BackupInfo = BackupStatus['backups'][number];

type Outcome = { kind: 'created'; fileName: string } | { kind: 'createFailed'; error: AppErrorShape } | { kind: 'restored'; result: RestoreResult };

/** Sikkerhedskopier: when the last one was taken, take one now, and restore one (with a confirm dialog). */
export function BackupsScreen() {
  const { data, reload } = useLoad(() => api['backup.status']({}), []);
  const [creating, setCreating] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const create = async () => {
    if (creating) return;
    setOutcome(null);
    setCreating(true);
    const r = await api['backup.create']({});
    setCreating(false);
    setOutcome(r.ok ? { kind: 'created', fileName: r.value.fileName } : { kind: 'createFailed', error: r.error });
    reload();
    focusLater(outcomeRef);
  };


  return (
    <SettingsPage current="backups" title={t('settings.backups.title')} lead={t('settings.backups.lead')}>
      {outcome?.kind === 'created' ? (
        <Alert variant="success" live="status" ref={outcomeRef} heading={t('settings.backups.created')}>
          <p>{t('settings.backups.createdFile', { file: outcome.fileName })}</p>
        </Alert>
      ) : null}
      {outcome?.kind === 'createFailed' ? (
        <Alert variant="error" live="alert" ref={outcomeRef} heading={t('settings.backups.createFailed')}>
          <p>{outcome.error.message}</p>
        </Alert>
      ) : null}
      {outcome?.kind === 'restored' ? (
        <Alert variant="success" live="status" ref={outcomeRef} heading={t('settings.backups.restored', { when: formatDateTime(outcome.result.createdAt) })}>
          <p>{t('settings.backups.restoredPassphrase')}</p>
        </Alert>
      ) : null}
      <LoadingGate data={data} loadingClassName="settings-loading" failedHeading={t('settings.backups.loadFailed')}>
        {(status) => (
          <>
            <section aria-labelledby="backups-status-heading" className="settings-section settings-section-first">
              <h2 id="backups-status-heading">{t('settings.backups.statusHeading')}</h2>
              {status.reminderDue ? (
                <Alert variant="warning" heading={t('settings.backups.reminderHeading')} className="backup-reminder-alert">
                  <p>
                    {status.lastBackupAt
                      ? tCount('settings.backups.reminderOld.one', 'settings.backups.reminderOld.other', status.reminderDays, { days: status.reminderDays })
                      : t('settings.backups.reminderNever')}
                  </p>
                </Alert>
              ) : null}
              <dl className="settings-facts">
                <dt>{t('settings.backups.last')}</dt>
                <dd data-testid="last-backup">{status.lastBackupAt ? formatDateTime(status.lastBackupAt) : t('settings.backups.never')}</dd>
                <dt>{t('settings.backups.folder')}</dt>
                <dd>
                  <code className="settings-path">{status.folder}</code>
                </dd>
              </dl>
              <p className="settings-note">{t('settings.backups.folderHint')}</p>
              <div className="form-actions">
                <Button onClick={() => void create()} busy={creating} busyLabel={t('settings.backups.creating')}>
                  {t('settings.backups.create')}
                </Button>
                <span role="status" className="settings-progress">
                  {creating ? t('settings.backups.creatingStatus') : ''}
                </span>
              </div>
            </section>
            <section aria-labelledby="backups-list-heading" className="settings-section settings-section-wide">
              <h2 id="backups-list-heading">{t('settings.backups.listHeading')}</h2>
              {status.backups.length === 0 ? (
                <p>{t('settings.backups.none')}</p>
              ) : (
                <>
                  <p>{t('settings.backups.restoreIntro')}</p>
                  <table className="table table--compact settings-table" data-testid="backup-list">
                    <caption className="sr-only">{t('settings.backups.listHeading')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('settings.backups.colTaken')}</th>
                        <th scope="col">{t('settings.backups.colFile')}</th>
                        <th scope="col" className="numeric">
                          {t('settings.backups.colSize')}
                        </th>
                        <th scope="col">
                          <span className="sr-only">{t('settings.backups.colActions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {status.backups.map((b) => (
                        <tr key={b.fileName}>
                          <th scope="row" className="nowrap">
                            {formatDateTime(b.createdAt)}
                          </th>
                          <td className="settings-file">{b.fileName}</td>
                          <td className="numeric">{formatBytes(b.bytes)}</td>
                          <td className="settings-cell-action">
                            <Button
                              variant="secondary"
                              onClick={() => {
                                setOutcome(null);
                                setRestoring(b);
                              }}
                            >
                              {t('settings.backups.restore')}
                              <span className="sr-only"> {t('settings.backups.restoreFrom', { when: formatDateTime(b.createdAt) })}</span>
                            </Button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </section>
          </>
        )}
      </LoadingGate>
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(result) => {
            setRestoring(null);
            setOutcome({ kind: 'restored', result });
            reload();
            focusLater(outcomeRef);
          }}
        />
      ) : null}
    </SettingsPage>
  );
}
