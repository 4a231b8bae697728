import { PageHeader } from '../../ui/PageHeader';
import { t } from '../../i18n';
import type { RouteOf } from '../../shell/routes';

/** The Sager area. Switch on route.screen when the area gets more screens (see ./routes.ts). */
export function CasesArea({ route }: { route: RouteOf<'cases'> }) {
  switch (route.screen) {
    case 'index':
      return <PageHeader title={t('areas.cases.title')} lead={t('areas.cases.empty')} />;
  }
}
