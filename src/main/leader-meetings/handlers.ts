import { defineHandlers } from '../core/handlers';
import { serviceCtx } from '../core/service-context';
import { listForums, saveForum } from './forums';
import { agendaLookbackDays, saveAgendaLookbackDays } from './agenda';
import { createMeeting, deleteMeeting, getMeetingDetail, getProposal, listMeetings, saveAgenda, updateMeeting } from './writes';
import { decide } from './decisions';
import { getProjection, revealCase } from './projection';
import { caseActions, getMinutes } from './minutes';

/** Forums and their meetings: agenda, projection, decisions into the cases, minutes. */
export const meetingsHandlers = defineHandlers({
  'forums.list': (_i, ctx) => listForums(serviceCtx(ctx)),
  'forums.save': (input, ctx) => saveForum(serviceCtx(ctx), input),

  'meetings.settings': (_i, ctx) => ({ agendaLookbackDays: agendaLookbackDays(ctx.vault.current.db) }),
  'meetings.saveSettings': (input, ctx) => saveAgendaLookbackDays(serviceCtx(ctx), input.agendaLookbackDays),

  'meetings.list': (input, ctx) => listMeetings(ctx.vault.current.db, input),
  'meetings.get': (input, ctx) => getMeetingDetail(ctx.vault.current.db, input.meetingId),
  'meetings.create': (input, ctx) => createMeeting(serviceCtx(ctx), input),
  'meetings.update': (input, ctx) => updateMeeting(serviceCtx(ctx), input),
  'meetings.delete': (input, ctx) => deleteMeeting(serviceCtx(ctx), input.meetingId),
  'meetings.proposeAgenda': (input, ctx) => getProposal(serviceCtx(ctx), input.meetingId),
  'meetings.saveAgenda': (input, ctx) => saveAgenda(serviceCtx(ctx), input),
  'meetings.decide': (input, ctx) => decide(serviceCtx(ctx), input),

  'meetings.projection': (input, ctx) => getProjection(serviceCtx(ctx), input.meetingId),
  'meetings.revealCase': (input, ctx) => revealCase(serviceCtx(ctx), input),
  'meetings.minutes': (input, ctx) => getMinutes(serviceCtx(ctx), input.meetingId),
  'meetings.caseActions': (input, ctx) => caseActions(ctx.vault.current.db, input.caseId),
});
