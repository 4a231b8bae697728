import { api } from '../core/api';
import { LoadingGate } from '../core/ui/LoadingGate';
import { t, tableDate } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';

import { useLoad } from '../core/data/useLoad';

/** The area's start: the meetings, newest first, and the ways to a new meeting and the forums. */
export function MeetingList() {
  const { navigate } = useRouter();
  const { data } = useLoad(() => api['meetings.list']({}), []);
  return (
    <>
      <PageHeader title={t('areas.leaderMeetings.title')} lead={t('meetings.list.lead')} />
      <div className="meetings-toolbar">
        <Button onClick={() => navigate({ area: 'leaderMeetings', screen: 'newMeeting' })}>
          {t('meetings.list.new')}
        </Button>
        <Button variant="secondary" onClick={() => navigate({ area: 'leaderMeetings', screen: 'forums' })}>
          {t('meetings.list.forums')}
        </Button>
      </div>
      <LoadingGate data={data} failedHeading={t('meetings.loadFailed')}>
        {(meetings) =>
          meetings.length === 0 ? (
            <p className="meetings-empty">{t('meetings.list.empty')}</p>
          ) : (
            <table className="table table--zebra meetings-table">
              <caption className="sr-only">{t('meetings.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.field.date')}</th>
                  <th scope="col">{t('meetings.field.forum')}</th>
                  <th scope="col" className="numeric">{t('meetings.list.cases')}</th>
                  <th scope="col" className="numeric">{t('meetings.list.decided')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('meetings.list.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id}>
                    <td>
                      {tableDate(m.heldOn)}
                      {m.startsAt ? ` ${t('meetings.at')} ${m.startsAt}` : ''}
                    </td>
                    <td>{m.forumName}</td>
                    <td className="numeric">{m.caseCount}</td>
                    <td className="numeric">{m.decidedCount}</td>
                    <td className="table-actions">
                      <Button variant="secondary" onClick={() => navigate({ area: 'leaderMeetings', screen: 'meeting', meetingId: m.id })}>
                        {t('meetings.list.open')}
                        <span className="sr-only">
                          {' '}
                          {m.forumName} {tableDate(m.heldOn)}
                        </span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadingGate>
    </>
  );
}
