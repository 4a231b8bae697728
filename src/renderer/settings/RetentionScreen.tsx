import { useMemo, useRef, useState } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape } from '../../shared/contract';
import { api } from '../core/api';
import { t, tableDate, tCount } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { useFocusLater } from '../core/ui/useFocusLater';
import { RetentionConfirmDialog } from './RetentionConfirmDialog';
import { SettingsPage } from './SettingsPage';
import { useLoad } from '../core/data/useLoad';

const DELETE_BUTTON_ID = 'retention-delete';
type Outcome = { kind: 'deleted'; cases: number; people: number } | { kind: 'failed'; error: AppErrorShape };

/**
 * Sletning: closed cases whose retention period has run out. The coordinator picks some or all,
 * reads exactly what will happen, confirms, and sees the result.
 */
export function RetentionScreen() {
  const { data, reload } = useLoad(() => api['retention.due']({}), []);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [noneChosen, setNoneChosen] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const due = useMemo(() => (data.state === 'ready' ? data.value.cases : []), [data]);
  // Only ids still on the list count (the list may have changed since they were ticked).
  const chosen = useMemo(() => due.filter((c) => selected.has(c.caseId)), [due, selected]);
  const months = data.state === 'ready' ? data.value.retentionMonths : 24;

  const toggle = (id: number, on: boolean) => {
    setNoneChosen(false);
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const allChosen = due.length > 0 && chosen.length === due.length;

  const apply = async () => {
    if (busy) return;
    setBusy(true);
    const r = await api['retention.apply']({ caseIds: chosen.map((c) => c.caseId), confirm: true });
    setBusy(false);
    setConfirming(false);
    if (r.ok) {
      setSelected(new Set());
      setOutcome({ kind: 'deleted', cases: r.value.cases, people: r.value.people });
    } else {
      setOutcome({ kind: 'failed', error: r.error });
    }
    reload();
    focusLater(outcomeRef);
  };

  return (
    <SettingsPage current="retention" title={t('settings.retention.title')} lead={t('settings.retention.lead', { months })}>
      {outcome?.kind === 'deleted' ? (
        <Alert variant="success" live="status" ref={outcomeRef} heading={tCount('settings.retention.deleted.one', 'settings.retention.deleted.other', outcome.cases, { count: outcome.cases })}>
          <p>{tCount('settings.retention.deletedPeople.one', 'settings.retention.deletedPeople.other', outcome.people, { count: outcome.people })}</p>
        </Alert>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Alert variant="error" live="alert" ref={outcomeRef} heading={t('settings.retention.failed')}>
          <p>{outcome.error.message}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="retention-due-heading" className="settings-section settings-section-first settings-section-wide">
        <h2 id="retention-due-heading">{t('settings.retention.dueHeading')}</h2>
        <LoadingGate data={data} loadingClassName="settings-loading" failedHeading={t('settings.retention.loadFailed')}>
          {(value) =>
            value.cases.length === 0 ? (
              <p data-testid="retention-empty">{t('settings.retention.none')}</p>
            ) : (
              <>
                <p>{tCount('settings.retention.dueCount.one', 'settings.retention.dueCount.other', value.cases.length, { count: value.cases.length })}</p>
                <table className="table table--compact settings-table retention-table" data-testid="retention-list">
                  <caption className="sr-only">{t('settings.retention.dueHeading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="settings-cell-check">
                        <div className="form-group-checkbox">
                          <input
                            id="retention-all"
                            type="checkbox"
                            className="form-checkbox"
                            checked={allChosen}
                            ref={(el) => {
                              if (el) el.indeterminate = chosen.length > 0 && !allChosen;
                            }}
                            onChange={(e) => {
                              setNoneChosen(false);
                              setSelected(e.target.checked ? new Set(value.cases.map((c) => c.caseId)) : new Set());
                            }}
                          />
                          <label className="form-label" htmlFor="retention-all">
                            <span className="sr-only">{t('settings.retention.selectAll')}</span>
                          </label>
                        </div>
                      </th>
                      <th scope="col">{t('settings.retention.colCase')}</th>
                      <th scope="col">{t('settings.retention.colName')}</th>
                      <th scope="col">{t('settings.retention.colDistrict')}</th>
                      <th scope="col">{t('settings.retention.colClosed')}</th>
                      <th scope="col">{t('settings.retention.colDue')}</th>
                      <th scope="col">{t('settings.retention.colPerson')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {value.cases.map((c) => {
                      const checkId = `retention-case-${c.caseId}`;
                      return (
                        <tr key={c.caseId} className={selected.has(c.caseId) ? 'is-selected' : undefined}>
                          <td className="settings-cell-check">
                            <div className="form-group-checkbox">
                              <input id={checkId} type="checkbox" className="form-checkbox" checked={selected.has(c.caseId)} onChange={(e) => toggle(c.caseId, e.target.checked)} />
                              <label className="form-label" htmlFor={checkId}>
                                <span className="sr-only">{t('settings.retention.selectCase', { caseNumber: c.caseNumber, name: `${c.firstName} ${c.lastName}` })}</span>
                              </label>
                            </div>
                          </td>
                          <th scope="row">{c.caseNumber}</th>
                          <td>
                            {c.firstName} {c.lastName}
                          </td>
                          <td>{c.district ?? t('settings.retention.noDistrict')}</td>
                          <td className="nowrap">{tableDate(c.closedOn)}</td>
                          <td className="nowrap">{tableDate(c.dueOn)}</td>
                          <td>{c.personDeleted ? t('settings.retention.personYes') : t('settings.retention.personNo')}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                {noneChosen ? (
                  <Alert variant="error" live="alert">
                    <p>{t('settings.retention.chooseFirst')}</p>
                  </Alert>
                ) : null}
                <div className="form-actions">
                  <Button
                    variant="warning"
                    id={DELETE_BUTTON_ID}
                    onClick={() => {
                      setOutcome(null);
                      if (chosen.length === 0) setNoneChosen(true);
                      else setConfirming(true);
                    }}
                  >
                    {chosen.length === 0 ? t('settings.retention.deleteNone') : tCount('settings.retention.delete.one', 'settings.retention.delete.other', chosen.length, { count: chosen.length })}
                  </Button>
                </div>
              </>
            )
          }
        </LoadingGate>
      </section>
      <RetentionExplained />
      {confirming ? (
        <RetentionConfirmDialog
          cases={chosen}
          busy={busy}
          onConfirm={() => void apply()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </SettingsPage>
  );
}

/** What deletion does, in plain Danish (see src/main/services/retention.ts). */
function RetentionExplained() {
  return (
    <section aria-labelledby="retention-explained-heading" className="settings-section retention-explained">
      <h2 id="retention-explained-heading">{t('settings.retention.explainHeading')}</h2>
      <div className="retention-columns">
        <div>
          <h3 className="h4">{t('settings.retention.removedHeading')}</h3>
          <ul>
            <li>{t('settings.retention.removed1')}</li>
            <li>{t('settings.retention.removed2')}</li>
            <li>{t('settings.retention.removed3')}</li>
          </ul>
        </div>
        <div>
          <h3 className="h4">{t('settings.retention.keptHeading')}</h3>
          <ul>
            <li>{t('settings.retention.kept1')}</li>
            <li>{t('settings.retention.kept2')}</li>
          </ul>
        </div>
      </div>
      <p>{t('settings.retention.personRule')}</p>
      <p>{t('settings.retention.backupsNote')}</p>
    </section>
  );
}
