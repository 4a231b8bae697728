import { PageHeader } from '../../ui/PageHeader';
import { t } from '../../i18n';
import type { RouteOf } from '../../shell/routes';

/** The Halvårsrapport area. Switch on route.screen when the area gets more screens (see ./routes.ts). */
export function SemiannualReportArea({ route }: { route: RouteOf<'semiannualReport'> }) {
  switch (route.screen) {
    case 'index':
      return <PageHeader title={t('areas.semiannualReport.title')} lead={t('areas.semiannualReport.empty')} />;
  }
}
