/**
 * The screens of the Ledergruppemøder area (forums and their meetings). `projection` is the
 * full-screen view for the shared screen; it renders nothing of the app around it.
 */
export type LeaderMeetingsScreen =
  | { screen: 'index' }
  | { screen: 'forums' }
  | { screen: 'forum'; forumId?: number }
  | { screen: 'newMeeting'; forumId?: number }
  | { screen: 'meeting'; meetingId: number }
  | { screen: 'editMeeting'; meetingId: number }
  | { screen: 'projection'; meetingId: number }
  | { screen: 'minutes'; meetingId: number };
