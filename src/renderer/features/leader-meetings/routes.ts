/** The screens of the Ledergruppemøder area. Add members here (e.g. `{ screen: 'meeting'; meetingId: number }`). */
export type LeaderMeetingsScreen = { screen: 'index' };
