import { api } from '../core/api';
import { LoadingGate } from '../core/ui/LoadingGate';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { forumKindLabel, partnerName } from './labels';
import { useLoad } from '../core/data/useLoad';
import { LookbackSetting } from './LookbackSetting';
import { PrivacySettings } from './PrivacySettings';

/** Fora: ledergrupper and lokaludvalg with districts and members. */
export function ForumList() {
  const { navigate, back, canGoBack } = useRouter();
  const { data } = useLoad(() => api['forums.list']({}), []);
  return (
    <>
      <PageHeader title={t('meetings.forums.title')} lead={t('meetings.forums.lead')} />
      <div className="meetings-toolbar">
        <Button onClick={() => navigate({ area: 'leaderMeetings', screen: 'forum' })}>{t('meetings.forums.new')}</Button>
        {canGoBack ? (
          <Button variant="tertiary" onClick={back}>
            {t('meetings.back')}
          </Button>
        ) : null}
      </div>
      <LoadingGate data={data} failedHeading={t('meetings.loadFailed')}>
        {(forums) => (
          <table className="table table--zebra meetings-table">
            <caption className="sr-only">{t('meetings.forums.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.forum.name')}</th>
                <th scope="col">{t('meetings.forum.kind')}</th>
                <th scope="col">{t('meetings.forum.districts')}</th>
                <th scope="col">{t('meetings.forum.members')}</th>
                <th scope="col">{t('meetings.forum.minutesNames')}</th>
                <th scope="col">
                  <span className="sr-only">{t('meetings.list.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {forums.map((f) => (
                <tr key={f.id}>
                  <td>
                    {f.name}
                    {f.active ? null : <span className="meetings-muted"> ({t('meetings.forum.inactive')})</span>}
                  </td>
                  <td>{forumKindLabel(f.kind)}</td>
                  <td>{f.districts.join(', ')}</td>
                  <td>{f.members.length ? f.members.map((m) => `${m.name} (${partnerName(m.partner)})`).join(', ') : <span className="meetings-muted">{t('meetings.forum.noMembers')}</span>}</td>
                  <td>{f.minutesShowNames ? t('meetings.yes') : t('meetings.no')}</td>
                  <td className="table-actions">
                    <Button variant="secondary" onClick={() => navigate({ area: 'leaderMeetings', screen: 'forum', forumId: f.id })}>
                      {t('meetings.forums.edit')}
                      <span className="sr-only"> {f.name}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadingGate>
      <LookbackSetting />
      <PrivacySettings />
    </>
  );
}
