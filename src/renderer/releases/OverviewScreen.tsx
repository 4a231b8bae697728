import type { ReleasesOverview } from '../../shared/releases';
import { LoadingGate } from '../core/ui/LoadingGate';
import { api } from '../core/api';
import { t, tableDate, tCount } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { fullName } from './labels';
import { ReadinessMeter, StateBadge } from './ui';
import { useLoad } from '../core/data/useLoad';

/**
 * Løsladelser: what needs doing now. Upcoming releases (next 90 days, and passed ones not yet
 * recorded) with how ready they are, release meetings due or overdue, follow-ups due.
 */
export function OverviewScreen() {
  const { navigate } = useRouter();
  const { data } = useLoad(() => api['releases.overview']({}), []);
  return (
    <>
      <PageHeader title={t('areas.releases.title')} lead={t('releases.lead')} />
      <div className="releases-toolbar">
        <Button onClick={() => navigate({ area: 'releases', screen: 'newCustody' })}>
          {t('releases.overview.new')}
        </Button>
        <Button variant="secondary" onClick={() => navigate({ area: 'releases', screen: 'institutions' })}>
          {t('releases.overview.institutions')}
        </Button>
      </div>
      <LoadingGate data={data} failedHeading={t('releases.loadFailed')} focusHeading>{(o) => <Overview o={o} />}</LoadingGate>
    </>
  );
}

function OpenCustody({ custodyId, name }: { custodyId: number; name: string }) {
  const { navigate } = useRouter();
  return (
    <Button variant="secondary" onClick={() => navigate({ area: 'releases', screen: 'custody', custodyId })}>
      {t('releases.open')}
      <span className="sr-only"> {t('releases.openFor', { name })}</span>
    </Button>
  );
}

function daysText(days: number): string {
  if (days === 0) return t('releases.overview.today');
  if (days > 0) return tCount('releases.overview.inDays.one', 'releases.overview.inDays.other', days, { days });
  return tCount('releases.overview.daysAgo.one', 'releases.overview.daysAgo.other', -days, { days: -days });
}

function Person({ p }: { p: { firstName: string; lastName: string; district: string | null } }) {
  return (
    <>
      <strong>{fullName(p)}</strong>
      {p.district ? <span className="releases-subline">{p.district}</span> : null}
    </>
  );
}

function Overview({ o }: { o: ReleasesOverview }) {
  const { navigate } = useRouter();
  const days = o.horizonDays;
  return (
    <>
      <ul className="nobullet-list no-max-width releases-figures" aria-label={t('releases.overview.figures')}>
        <li>
          <strong>{o.upcoming.length}</strong> {t('releases.overview.figureUpcoming', { days })}
        </li>
        <li className={o.meetingsDue.some((m) => m.state === 'overdue') ? 'is-flagged' : undefined}>
          <strong>{o.meetingsDue.length}</strong> {t('releases.overview.figureMeetings')}
        </li>
        <li className={o.followUpsDue.some((f) => f.state === 'overdue') ? 'is-flagged' : undefined}>
          <strong>{o.followUpsDue.length}</strong> {t('releases.overview.figureFollowUps')}
        </li>
      </ul>

      <section aria-labelledby="releases-upcoming" className="releases-section">
        <h2 id="releases-upcoming">{t('releases.overview.upcomingHeading', { days })}</h2>
        {o.upcoming.length ? (
          <table className="table table--compact releases-table" data-testid="releases-upcoming">
            <thead>
              <tr>
                <th scope="col">{t('releases.col.youngPerson')}</th>
                <th scope="col">{t('releases.col.institution')}</th>
                <th scope="col">{t('releases.col.release')}</th>
                <th scope="col">{t('releases.col.readiness')}</th>
                <th scope="col">{t('releases.col.meeting')}</th>
                <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {o.upcoming.map((u) => (
                <tr key={u.custodyId} className={u.releaseState === 'overdue' ? 'releases-row-overdue' : undefined}>
                  <td><Person p={u.person} /></td>
                  <td>{u.institution}</td>
                  <td>
                    {tableDate(u.plannedReleaseOn)}
                    <span className="releases-subline">
                      {u.releaseState === 'overdue' ? <StateBadge state="overdue" /> : daysText(u.daysLeft)}
                    </span>
                  </td>
                  <td><ReadinessMeter readiness={u.readiness} /></td>
                  <td>
                    <StateBadge state={u.meetingState} />
                    <span className="releases-subline">
                      {u.lastMeetingOn ? t('releases.overview.lastMeeting', { date: tableDate(u.lastMeetingOn) }) : t('releases.overview.noMeetingYet')}
                    </span>
                  </td>
                  <td className="releases-cell-action"><OpenCustody custodyId={u.custodyId} name={fullName(u.person)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="releases-muted">{t('releases.overview.upcomingEmpty', { days })}</p>
        )}
      </section>

      <section aria-labelledby="releases-meetings" className="releases-section">
        <h2 id="releases-meetings">{t('releases.overview.meetingsHeading')}</h2>
        {o.meetingsDue.length ? (
          <table className="table table--compact releases-table" data-testid="releases-meetings-due">
            <thead>
              <tr>
                <th scope="col">{t('releases.col.youngPerson')}</th>
                <th scope="col">{t('releases.col.institution')}</th>
                <th scope="col">{t('releases.col.window')}</th>
                <th scope="col">{t('releases.col.state')}</th>
                <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {o.meetingsDue.map((m) => (
                <tr key={m.custodyId}>
                  <td><Person p={m.person} /></td>
                  <td>{m.institution}</td>
                  <td>{m.windowStart ? t('releases.window', { from: tableDate(m.windowStart), to: tableDate(m.dueOn) }) : tableDate(m.dueOn)}</td>
                  <td><StateBadge state={m.state} /></td>
                  <td className="releases-cell-action">
                    <Button onClick={() => navigate({ area: 'releases', screen: 'meeting', custodyId: m.custodyId })}>
                      {t('releases.overview.holdMeeting')}
                      <span className="sr-only"> {t('releases.overview.holdMeetingFor', { name: fullName(m.person) })}</span>
                    </Button>
                    <OpenCustody custodyId={m.custodyId} name={fullName(m.person)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="releases-muted">{t('releases.overview.meetingsEmpty')}</p>
        )}
      </section>

      <section aria-labelledby="releases-followups" className="releases-section">
        <h2 id="releases-followups">{t('releases.overview.followUpsHeading')}</h2>
        {o.followUpsDue.length ? (
          <table className="table table--compact releases-table" data-testid="releases-followups-due">
            <thead>
              <tr>
                <th scope="col">{t('releases.col.youngPerson')}</th>
                <th scope="col">{t('releases.col.released')}</th>
                <th scope="col">{t('releases.col.followUp')}</th>
                <th scope="col">{t('releases.col.dueOn')}</th>
                <th scope="col">{t('releases.col.state')}</th>
                <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {o.followUpsDue.map((f) => (
                <tr key={`${f.custodyId}-${f.months}`}>
                  <td><Person p={f.person} /></td>
                  <td>{tableDate(f.releasedOn)}</td>
                  <td>{t('releases.followUp.months', { months: f.months })}</td>
                  <td>{tableDate(f.dueOn)}</td>
                  <td><StateBadge state={f.state} /></td>
                  <td className="releases-cell-action"><OpenCustody custodyId={f.custodyId} name={fullName(f.person)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="releases-muted">{t('releases.overview.followUpsEmpty')}</p>
        )}
      </section>
    </>
  );
}
