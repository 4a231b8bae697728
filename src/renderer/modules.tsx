import type { ComponentType } from 'react';
import { checkDomainList } from '../shared/core/domains';
import type { PlainMessageKey } from './core/i18n';
import type { AreaId, Route, RouteOf } from './core/shell/routes';
import { CasesArea, FindAnyone, type CasesScreen } from './cases';
import { LeaderMeetingsArea, leaderMeetingsScreenModeSafe, type LeaderMeetingsScreen } from './leader-meetings';
import { ReleasesArea, type ReleasesScreen } from './releases';
import { SemiannualReportArea, type SemiannualReportScreen } from './semiannual-report';
import { BackupReminder, SettingsArea, type SettingsScreen } from './settings';
import { SspPlusArea, type SspPlusScreen } from './ssp-plus';
import { OverviewArea, type OverviewScreenRoute } from './overview';
import { HandoverArea, type HandoverScreen } from './handover';

/**
 * The one list that joins the areas in the renderer: each area's screens (as route types), its
 * navigation label and component, in navigation order. Strings are joined in ./strings.ts.
 * The vault has no area (its screens come before unlocking, in App.tsx).
 */
export interface AreaScreens {
  overview: OverviewScreenRoute;
  cases: CasesScreen;
  sspPlus: SspPlusScreen;
  releases: ReleasesScreen;
  leaderMeetings: LeaderMeetingsScreen;
  semiannualReport: SemiannualReportScreen;
  handover: HandoverScreen;
  settings: SettingsScreen;
}

export interface AreaDef<A extends AreaId> {
  /** The domain folder the area lives in. */
  domain: string;
  /** The side navigation label (also the window title). */
  label: PlainMessageKey;
  /** Renders every screen of the area; gets the current route narrowed to this area. */
  Component: ComponentType<{ route: RouteOf<A> }>;
  /**
   * The screens that honour screen mode (core/shell/screenMode: initials and case number, no CPR,
   * contacts or school). Left out: none; the others are not rendered while it is on.
   */
  screenModeSafe?: (route: RouteOf<A>) => boolean;
}

/** One entry per area; the type makes a missing area a compile error. */
export const areas: { [A in AreaId]: AreaDef<A> } = {
  overview: { domain: 'overview', label: 'nav.overview', Component: OverviewArea },
  cases: { domain: 'cases', label: 'nav.cases', Component: CasesArea, screenModeSafe: (r) => r.screen === 'index' },
  sspPlus: { domain: 'ssp-plus', label: 'nav.sspPlus', Component: SspPlusArea },
  releases: { domain: 'releases', label: 'nav.releases', Component: ReleasesArea },
  leaderMeetings: { domain: 'leader-meetings', label: 'nav.leaderMeetings', Component: LeaderMeetingsArea, screenModeSafe: leaderMeetingsScreenModeSafe },
  semiannualReport: { domain: 'semiannual-report', label: 'nav.semiannualReport', Component: SemiannualReportArea },
  handover: { domain: 'handover', label: 'nav.handover', Component: HandoverArea },
  settings: { domain: 'settings', label: 'nav.settings', Component: SettingsArea },
};

/** Whether the route's screen may be shown in screen mode (its area says; none by default). */
export function screenModeSafe(route: Route): boolean {
  const def = areas[route.area] as { screenModeSafe?: (r: Route) => boolean };
  return def.screenModeSafe?.(route) ?? false;
}

/** The side navigation's order. */
export const areaOrder: readonly AreaId[] = ['overview', 'cases', 'sspPlus', 'releases', 'leaderMeetings', 'semiannualReport', 'handover', 'settings'];

/** Notices and tools in the header of the unlocked app (the backup reminder, the search box for anyone). */
export const headerNotices: readonly ComponentType[] = [BackupReminder, FindAnyone];

/** Every domain exactly once (the vault's screens are outside the areas), every area in the order once. */
export function checkAreas(list: { [A in AreaId]: AreaDef<A> }, order: readonly AreaId[]): void {
  checkDomainList('src/renderer/modules.tsx', ['vault', ...Object.values(list).map((a) => a.domain)]);
  const keys = Object.keys(list).sort();
  if (order.length !== keys.length || [...order].sort().join() !== keys.join()) throw new Error('src/renderer/modules.tsx: areaOrder must name every area once');
}
checkAreas(areas, areaOrder);
