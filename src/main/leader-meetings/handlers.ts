import { defineHandlers } from '../core/handlers';
import { listForums, saveForum } from './forums';
import { meetingSettings, saveMeetingSettings } from './settings';
import { createMeeting, deleteMeeting, getMeetingDetail, getProposal, listMeetings, saveAgenda, updateMeeting } from './writes';
import { decide } from './decisions';
import { getProjection, revealCase } from './projection';
import { caseActions, getMinutes } from './minutes';

/** Forums and their ledergruppe meetings: agenda, projection, decisions into the cases, minutes. */
export const leaderMeetingsHandlers = defineHandlers({
  'forums.list': (_i, s) => listForums(s),
  'forums.save': (input, s) => saveForum(s, input),

  'meetings.settings': (_i, s) => meetingSettings(s.db),
  'meetings.saveSettings': (input, s) => saveMeetingSettings(s, input),

  'meetings.list': (input, s) => listMeetings(s.db, input),
  'meetings.get': (input, s) => getMeetingDetail(s.db, input.meetingId),
  'meetings.create': (input, s) => createMeeting(s, input),
  'meetings.update': (input, s) => updateMeeting(s, input),
  'meetings.delete': (input, s) => deleteMeeting(s, input.meetingId),
  'meetings.proposeAgenda': (input, s) => getProposal(s, input.meetingId),
  'meetings.saveAgenda': (input, s) => saveAgenda(s, input),
  'meetings.decide': (input, s) => decide(s, input),

  'meetings.projection': (input, s) => getProjection(s, input.meetingId),
  'meetings.revealCase': (input, s) => revealCase(s, input),
  'meetings.minutes': (input, s) => getMinutes(s, input.meetingId),
  'meetings.caseActions': (input, s) => caseActions(s.db, input.caseId),
});
