import type { ComponentType } from 'react';
import type { PlainMessageKey } from '../i18n';
import { CasesArea } from '../../cases';
import { LeaderMeetingsArea } from '../../leader-meetings';
import { ReleasesArea } from '../../releases';
import { SemiannualReportArea } from '../../semiannual-report';
import { SettingsArea } from '../../settings';
import { SspPlusArea } from '../../ssp-plus';
import type { AreaId, RouteOf } from './routes';

export interface AreaDef<A extends AreaId> {
  /** The side navigation label (also the window title). */
  label: PlainMessageKey;
  /** Renders every screen of the area; gets the current route narrowed to this area. */
  Component: ComponentType<{ route: RouteOf<A> }>;
}

/** One entry per area; the type makes a missing area a compile error. */
export const areas: { [A in AreaId]: AreaDef<A> } = {
  cases: { label: 'nav.cases', Component: CasesArea },
  sspPlus: { label: 'nav.sspPlus', Component: SspPlusArea },
  releases: { label: 'nav.releases', Component: ReleasesArea },
  leaderMeetings: { label: 'nav.leaderMeetings', Component: LeaderMeetingsArea },
  semiannualReport: { label: 'nav.semiannualReport', Component: SemiannualReportArea },
  settings: { label: 'nav.settings', Component: SettingsArea },
};

/** The side navigation's order. */
export const areaOrder: readonly AreaId[] = ['cases', 'sspPlus', 'releases', 'leaderMeetings', 'semiannualReport', 'settings'];
