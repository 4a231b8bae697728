import { api } from '../core/api';
import { LoadingGate } from '../core/ui/LoadingGate';
import { formatDateTime, proseDate, t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';
import { DecisionSummary } from './DecisionForm';
import { forumKindLabel, partnerName } from './labels';
import { useLoad } from '../core/data/useLoad';

/**
 * The minutes of a meeting, laid out for print (print CSS hides the app around it): attendees,
 * agenda, decisions by pseudonym (names only where the forum allows them; never CPR numbers).
 * PDF: the print dialog's "Gem som PDF"; in Electron the shell can offer webContents.printToPDF.
 */
export function MinutesView({ meetingId }: { meetingId: number }) {
  const { back, canGoBack, replace } = useRouter();
  const { data } = useLoad(() => api['meetings.minutes']({ meetingId }), [meetingId]);
  return (
    <LoadingGate data={data} failedHeading={t('meetings.loadFailed')}>
      {(m) => (
        <article className="minutes" aria-labelledby="minutes-heading">
          <div className="page-header">
            <h1 id="minutes-heading" tabIndex={-1} data-page-heading="">
              {t('meetings.minutes.title', { forum: m.forumName })}
            </h1>
            <p className="font-lead">
              {[forumKindLabel(m.forumKind), proseDate(m.heldOn), m.startsAt ? t('meetings.control.time', { time: m.startsAt }) : '', m.location ?? ''].filter(Boolean).join(' · ')}
            </p>
          </div>
          <div className="meetings-toolbar no-print">
            <Button icon="print" onClick={() => window.print()}>
              {t('meetings.minutes.print')}
            </Button>
            <Button variant="tertiary" onClick={() => (canGoBack ? back() : replace({ area: 'leaderMeetings', screen: 'meeting', meetingId }))}>
              {t('meetings.back')}
            </Button>
          </div>
          <p className="minutes-privacy">{m.showNames ? t('meetings.minutes.namesShown') : m.privacyLevel === 'case-number' ? t('meetings.minutes.caseNumbersOnly') : t('meetings.minutes.namesHidden')}</p>

          <section aria-labelledby="minutes-attendees">
            <h2 id="minutes-attendees">{t('meetings.field.attendees')}</h2>
            {m.attendees.length ? (
              <ul className="meetings-plain-list">
                {m.attendees.map((a, i) => (
                  <li key={i}>
                    {a.name} ({partnerName(a.partner)}){a.guest ? ` – ${t('meetings.guest.label')}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('meetings.control.noAttendees')}</p>
            )}
          </section>

          <section aria-labelledby="minutes-agenda">
            <h2 id="minutes-agenda">{t('meetings.agenda.heading')}</h2>
            {m.items.length === 0 ? <p>{t('meetings.agenda.empty')}</p> : null}
            <ol className="minutes-items no-max-width">
              {m.items.map((i) => (
                <li key={i.position} className="minutes-item">
                  <h3>
                    {i.kind === 'case' ? i.caseLabel : i.title}
                    {i.kind === 'case' && i.level ? <span className="minutes-level"> · {t('meetings.case.level', { level: i.level })}</span> : null}
                  </h3>
                  {i.kind === 'group' ? (
                    <p>
                      {t('meetings.group.label')}
                      {i.groupCaseLabels?.length ? `: ${i.groupCaseLabels.join(', ')}` : ''}
                    </p>
                  ) : null}
                  {(i.kind === 'point' || i.kind === 'group') && i.note ? <p className="meetings-pre">{i.note}</p> : null}
                  {i.kind === 'case' ? i.decision ? <DecisionSummary decision={i.decision} /> : <p>{t('meetings.minutes.noDecision')}</p> : null}
                </li>
              ))}
            </ol>
          </section>
          <p className="minutes-footer">{t('meetings.minutes.prepared', { who: m.preparedBy, when: formatDateTime(new Date()) })}</p>
        </article>
      )}
    </LoadingGate>
  );
}
