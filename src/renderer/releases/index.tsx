import type { RouteOf } from '../core/shell/routes';
import { EditCustodyScreen, NewCustodyScreen } from './CustodyEditScreens';
import { CustodyScreen } from './CustodyScreen';
import { InstitutionsScreen } from './InstitutionsScreen';
import { MeetingScreen } from './MeetingScreen';
import { OverviewScreen } from './OverviewScreen';
import { SummaryScreen } from './SummaryScreen';
import './releases.css';

/** Løsladelser: the overview, custody periods with their timeline, release meetings, follow-ups. */
export function ReleasesArea({ route }: { route: RouteOf<'releases'> }) {
  switch (route.screen) {
    case 'index':
      return <OverviewScreen />;
    case 'newCustody':
      return <NewCustodyScreen />;
    case 'custody':
      return <CustodyScreen key={`${route.custodyId}-${route.notice ?? ''}`} custodyId={route.custodyId} notice={route.notice} />;
    case 'editCustody':
      return <EditCustodyScreen key={route.custodyId} custodyId={route.custodyId} />;
    case 'meeting':
      return <MeetingScreen key={`${route.custodyId}-${route.meetingId ?? 'new'}`} custodyId={route.custodyId} meetingId={route.meetingId} />;
    case 'summary':
      return <SummaryScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'institutions':
      return <InstitutionsScreen />;
  }
}
export * from './i18n';
export type { ReleasesScreen } from './routes';
