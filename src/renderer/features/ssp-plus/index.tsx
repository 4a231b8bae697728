import { PageHeader } from '../../ui/PageHeader';
import { t } from '../../i18n';
import type { RouteOf } from '../../shell/routes';

/** The SSP+ area. Switch on route.screen when the area gets more screens (see ./routes.ts). */
export function SspPlusArea({ route }: { route: RouteOf<'sspPlus'> }) {
  switch (route.screen) {
    case 'index':
      return <PageHeader title={t('areas.sspPlus.title')} lead={t('areas.sspPlus.empty')} />;
  }
}
