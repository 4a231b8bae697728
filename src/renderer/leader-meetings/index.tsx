import type { RouteOf } from '../core/shell/routes';
import { MeetingList } from './MeetingList';
import { ForumList } from './ForumList';
import { ForumForm } from './ForumForm';
import { NewMeetingScreen } from './NewMeetingScreen';
import { MeetingControl } from './MeetingControl';
import { EditMeetingScreen } from './EditMeetingScreen';
import { ProjectionView } from './ProjectionView';
import { MinutesView } from './MinutesView';
import './meetings.css';

export type { LeaderMeetingsScreen } from './routes';

/**
 * Screen mode: every screen shows young people by pseudonym (professionals by name), except the
 * minutes, which show names where the forum allows it.
 */
export function leaderMeetingsScreenModeSafe(route: RouteOf<'leaderMeetings'>): boolean {
  return route.screen !== 'minutes';
}

/** Ledergruppemøder: forums, meetings with agenda and decisions, the shared screen and minutes. */
export function LeaderMeetingsArea({ route }: { route: RouteOf<'leaderMeetings'> }) {
  switch (route.screen) {
    case 'index':
      return <MeetingList />;
    case 'forums':
      return <ForumList />;
    case 'forum':
      return <ForumForm key={route.forumId ?? 'new'} forumId={route.forumId} />;
    case 'newMeeting':
      return <NewMeetingScreen forumId={route.forumId} />;
    case 'meeting':
      return <MeetingControl key={route.meetingId} meetingId={route.meetingId} />;
    case 'editMeeting':
      return <EditMeetingScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'projection':
      return <ProjectionView key={route.meetingId} meetingId={route.meetingId} />;
    case 'minutes':
      return <MinutesView key={route.meetingId} meetingId={route.meetingId} />;
  }
}
export * from './i18n';
export { meetingGroupsDa, meetingGroupsEn } from './group-i18n';
