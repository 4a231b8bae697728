import { PageHeader } from '../../ui/PageHeader';
import { t } from '../../i18n';
import type { RouteOf } from '../../shell/routes';

/** The Ledergruppemøder area. Switch on route.screen when the area gets more screens (see ./routes.ts). */
export function LeaderMeetingsArea({ route }: { route: RouteOf<'leaderMeetings'> }) {
  switch (route.screen) {
    case 'index':
      return <PageHeader title={t('areas.leaderMeetings.title')} lead={t('areas.leaderMeetings.empty')} />;
  }
}
