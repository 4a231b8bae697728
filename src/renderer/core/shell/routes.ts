import type { CasesScreen } from '../../cases/routes';
import type { LeaderMeetingsScreen } from '../../leader-meetings/routes';
import type { ReleasesScreen } from '../../releases/routes';
import type { SemiannualReportScreen } from '../../semiannual-report/routes';
import type { SettingsScreen } from '../../settings/routes';
import type { SspPlusScreen } from '../../ssp-plus/routes';

/**
 * Every screen the unlocked app can show, as data. Each area owns its screen union in
 * features/<area>/routes.ts; a route is `{ area, screen, ...params }`.
 * To add an area: add it here, in ./areas.tsx and in i18n (nav.<id>).
 */
export interface AreaScreens {
  cases: CasesScreen;
  sspPlus: SspPlusScreen;
  releases: ReleasesScreen;
  leaderMeetings: LeaderMeetingsScreen;
  semiannualReport: SemiannualReportScreen;
  settings: SettingsScreen;
}

export type AreaId = keyof AreaScreens;
export type Route = { [A in AreaId]: { area: A } & AreaScreens[A] }[AreaId];
export type RouteOf<A extends AreaId> = Extract<Route, { area: A }>;

/** Every area has an 'index' screen: where the side navigation takes you. */
type EveryAreaHasIndex = { [A in AreaId]: { screen: 'index' } extends AreaScreens[A] ? true : false }[AreaId];
const _everyAreaHasIndex: EveryAreaHasIndex = true;
void _everyAreaHasIndex;

export function areaHome<A extends AreaId>(area: A): RouteOf<A> {
  return { area, screen: 'index' } as RouteOf<A>;
}

export const defaultRoute: Route = areaHome('cases');
