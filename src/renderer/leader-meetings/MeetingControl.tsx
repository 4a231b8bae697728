import { diffDays } from '../../shared/core/dates';
import { LoadingGate } from '../core/ui/LoadingGate';
import { api } from '../core/api';
import { proseDate, t, tableDate } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { AgendaEditor } from './AgendaEditor';
import { LiveDecisions } from './LiveDecisions';
import { privacyLevelLabel } from '../../shared/leader-meetings';
import { PresenterView, usePresenterWindow } from './PresenterWindow';
import { useState } from 'react';
import { partnerName, periodText } from './labels';
import { useLoad } from '../core/data/useLoad';

/**
 * The coordinator's control view of one meeting: agenda, the way to the shared screen, the
 * decisions per case and the minutes. Cases appear by pseudonym here too; names only on the
 * shared screen's explicit reveal (audited) or in the case itself.
 */
export function MeetingControl({ meetingId }: { meetingId: number }) {
  const { navigate } = useRouter();
  const { data, set } = useLoad(() => api['meetings.get']({ meetingId }), [meetingId]);
  // The agenda item being decided (null: the first without a decision).
  const [currentId, setCurrentId] = useState<number | null>(null);
  const presenter = usePresenterWindow();
  return (
    <LoadingGate data={data} failedHeading={t('meetings.loadFailed')}>
      {(m) => {
        return (
          <>
            <PageHeader
              title={m.forum.name}
              lead={[t('meetings.control.when', { date: proseDate(m.heldOn) }), m.startsAt ? t('meetings.control.time', { time: m.startsAt }) : '', m.location ?? ''].filter(Boolean).join(' · ')}
            />
            <div className="meetings-toolbar">
              <Button icon="visibility" disabled={m.agenda.length === 0} onClick={() => navigate({ area: 'leaderMeetings', screen: 'projection', meetingId: m.id })}>
                {t('meetings.control.project')}
              </Button>
              <Button variant="secondary" icon="visibility" disabled={m.agenda.length === 0 || !!presenter.win} onClick={presenter.open}>
                {t('meetings.presenter.open')}
              </Button>
              <Button variant="secondary" icon="print" onClick={() => navigate({ area: 'leaderMeetings', screen: 'minutes', meetingId: m.id })}>
                {t('meetings.control.minutes')}
              </Button>
              <Button variant="secondary" onClick={() => navigate({ area: 'leaderMeetings', screen: 'editMeeting', meetingId: m.id })}>
                {t('meetings.control.edit')}
              </Button>
              <Button variant="tertiary" onClick={() => navigate({ area: 'leaderMeetings', screen: 'index' })}>
                {t('meetings.control.allMeetings')}
              </Button>
            </div>
            {presenter.blocked ? (
              <Alert variant="error" live="alert">
                <p>{t('meetings.presenter.blocked')}</p>
              </Alert>
            ) : null}
            {presenter.win ? <PresenterView meetingId={m.id} win={presenter.win} onClose={presenter.close} /> : null}
            <Alert variant="info">
              <p>
                {t('meetings.control.period', { period: periodText(m.window) })}{' '}
                {m.previousMeetingOn ? t('meetings.control.sincePrevious', { date: tableDate(m.previousMeetingOn) }) : t('meetings.control.noPrevious', { days: diffDays(m.window.through, m.window.after) })}
              </p>
              <p>{t('meetings.control.projectHint', { level: privacyLevelLabel(m.privacyLevel ?? m.forum.privacyLevel).toLowerCase() })}</p>
            </Alert>

            <section aria-labelledby="attendees-heading" className="meetings-section">
              <h2 id="attendees-heading">{t('meetings.field.attendees')}</h2>
              {m.attendees.length ? (
                <ul className="meetings-plain-list">
                  {m.attendees.map((a) => (
                    <li key={a.id}>
                      {a.name} ({partnerName(a.partner)}){a.guest ? ` – ${t('meetings.guest.label')}` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="meetings-muted">{t('meetings.control.noAttendees')}</p>
              )}
            </section>

            <AgendaEditor meeting={m} onChange={set} />

            <LiveDecisions meeting={m} onSaved={set} currentId={currentId} onCurrent={setCurrentId} />
          </>
        );
      }}
    </LoadingGate>
  );
}
