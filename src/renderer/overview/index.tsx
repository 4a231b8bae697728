import type { RouteOf } from '../core/shell/routes';
import { OverviewScreen } from './OverviewScreen';
import './overview.css';

/** Overblik: what is due across every module, the first screen after unlocking. */
export function OverviewArea({ route }: { route: RouteOf<'overview'> }) {
  void route;
  return <OverviewScreen />;
}

export * from './i18n';
export type { OverviewScreen as OverviewScreenRoute } from './routes';
export { kindText, routeOf } from './OverviewScreen';
