import { PageHeader } from '../../ui/PageHeader';
import { t } from '../../i18n';
import type { RouteOf } from '../../shell/routes';

/** The Løsladelser area. Switch on route.screen when the area gets more screens (see ./routes.ts). */
export function ReleasesArea({ route }: { route: RouteOf<'releases'> }) {
  switch (route.screen) {
    case 'index':
      return <PageHeader title={t('areas.releases.title')} lead={t('areas.releases.empty')} />;
  }
}
