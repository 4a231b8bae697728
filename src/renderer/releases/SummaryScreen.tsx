import type { ReleaseMeetingDetail } from '../../shared/releases';
import { LoadingGate } from '../core/ui/LoadingGate';
import { api } from '../core/api';
import { proseDate, t, tableDate } from '../core/i18n';
import { useSession } from '../core/shell/session';
import { Button } from '../core/ui/Button';
import { custodyTypeName, fullName, itemName, maybeDate, meetingKindName, partnerName, statusName } from './labels';
import { BackTo, ReadinessMeter } from './ui';
import { useLoad } from '../core/data/useLoad';

/**
 * The meeting summary to print and hand out: the young person by name and birth date only (never
 * the CPR number: the meeting detail does not carry it), participants, the checklist, the tasks
 * and the minutes. The buttons and the app's frame are left out of the printout.
 */
export function SummaryScreen({ meetingId }: { meetingId: number }) {
  const { data } = useLoad(() => api['releases.meeting.get']({ meetingId }), [meetingId]);
  return (
    <LoadingGate data={data} failedHeading={t('releases.loadFailed')} focusHeading>
      {(m) => (
        <>
          <div className="releases-no-print">
            <BackTo custodyId={m.custodyId} />
          </div>
          <Summary m={m} />
        </>
      )}
    </LoadingGate>
  );
}

function Summary({ m }: { m: ReleaseMeetingDetail }) {
  const { owner } = useSession();
  return (
    <article className="releases-print" data-testid="meeting-summary">
      <div className="page-header">
        <h1 tabIndex={-1} data-page-heading="">
          {t('releases.summary.title')}
        </h1>
      </div>
      <div className="releases-no-print releases-toolbar">
        <Button icon="print" onClick={() => window.print()}>
          {t('releases.summary.print')}
        </Button>
      </div>
      <dl className="releases-facts releases-print-facts">
        <div>
          <dt>{t('releases.summary.youngPerson')}</dt>
          <dd>
            {fullName(m.person)}, {t('releases.born', { date: tableDate(m.person.birthDate) })}
          </dd>
        </div>
        <div>
          <dt>{t('releases.summary.meeting')}</dt>
          <dd>
            {meetingKindName(m.kind)}, {tableDate(m.heldOn)}
          </dd>
        </div>
        <div>
          <dt>{t('releases.summary.place')}</dt>
          <dd>{m.place ?? t('releases.none')}</dd>
        </div>
        <div>
          <dt>{t('releases.summary.custody')}</dt>
          <dd>
            {custodyTypeName(m.custodyType)}, {m.institution}
          </dd>
        </div>
        <div>
          <dt>{m.releasedOn ? t('releases.summary.released') : t('releases.summary.plannedRelease')}</dt>
          <dd>{maybeDate(m.releasedOn ?? m.plannedReleaseOn)}</dd>
        </div>
        <div>
          <dt>{t('releases.summary.readiness')}</dt>
          <dd>
            <ReadinessMeter readiness={m.readiness} long />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="summary-participants">
        <h2 id="summary-participants">{t('releases.meeting.participants')}</h2>
        {m.participants.length ? (
          <ul className="releases-print-list">
            {m.participants.map((p, i) => (
              <li key={i}>
                <strong>{p.name}</strong>, {partnerName(p.partner)}
                {p.organisation ? ` (${p.organisation})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('releases.meeting.participantsEmpty')}</p>
        )}
      </section>

      <section aria-labelledby="summary-checklist">
        <h2 id="summary-checklist">{t('releases.meeting.checklist')}</h2>
        <table className="table table--compact releases-table releases-print-table">
          <thead>
            <tr>
              <th scope="col">{t('releases.col.item')}</th>
              <th scope="col">{t('releases.col.state')}</th>
              <th scope="col">{t('releases.col.owner')}</th>
              <th scope="col">{t('releases.col.deadline')}</th>
              <th scope="col">{t('releases.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {m.checklist.map((c) => (
              <tr key={c.item} className={`releases-status-${c.status}`}>
                <th scope="row">{itemName(c.item)}</th>
                <td>{statusName(c.status)}</td>
                <td>{c.owner ?? t('releases.none')}</td>
                <td>{maybeDate(c.deadline)}</td>
                <td>{c.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="summary-actions">
        <h2 id="summary-actions">{t('releases.meeting.actions')}</h2>
        {m.actions.length ? (
          <table className="table table--compact releases-table releases-print-table">
            <thead>
              <tr>
                <th scope="col">{t('releases.col.action')}</th>
                <th scope="col">{t('releases.col.owner')}</th>
                <th scope="col">{t('releases.col.deadline')}</th>
                <th scope="col">{t('releases.meeting.actionDone')}</th>
              </tr>
            </thead>
            <tbody>
              {m.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.description}</td>
                  <td>{a.owner}</td>
                  <td>{maybeDate(a.deadline)}</td>
                  <td>{maybeDate(a.doneOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('releases.meeting.actionsEmpty')}</p>
        )}
      </section>

      {m.notes ? (
        <section aria-labelledby="summary-notes">
          <h2 id="summary-notes">{t('releases.summary.notes')}</h2>
          <p className="releases-pre">{m.notes}</p>
        </section>
      ) : null}

      <p className="releases-print-footer">{t('releases.summary.footer', { date: proseDate(new Date()), name: owner.name })}</p>
    </article>
  );
}
