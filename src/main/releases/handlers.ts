import { defineHandlers } from '../core/handlers';
import { serviceCtx } from '../core/service-context';
import {
  createCustody,
  deleteCustody,
  listInstitutions,
  recordFollowUp,
  recordMilestone,
  recordRelease,
  saveInstitution,
  updateCustody,
} from './writes';
import { getCustodyDetail, listCustodyForPerson } from './queries';
import { deleteMeeting, getMeetingDetail, meetingTemplate, saveMeeting } from './release-meetings';
import { releasesOverview, searchPeople } from './overview';
import { getReleaseSettings, saveReleaseSettings } from './settings';

/** Release coordination: custody periods, timeline, release meetings and follow-ups. */
export const releasesHandlers = defineHandlers({
  'releases.overview': (input, ctx) => releasesOverview(serviceCtx(ctx), input),
  'releases.settings.get': (_i, ctx) => getReleaseSettings(ctx.vault.current.db),
  'releases.settings.save': (input, ctx) => saveReleaseSettings(serviceCtx(ctx), input),

  'releases.institutions.list': (_i, ctx) => listInstitutions(ctx.vault.current.db),
  'releases.institutions.save': (input, ctx) => saveInstitution(serviceCtx(ctx), input),

  'releases.people.search': (input, ctx) => searchPeople(ctx.vault.current.db, input),
  'releases.custody.listForPerson': (input, ctx) => listCustodyForPerson(ctx.vault.current.db, input.personId),
  'releases.custody.get': (input, ctx) => getCustodyDetail(serviceCtx(ctx), input.custodyId),
  'releases.custody.create': (input, ctx) => {
    const s = serviceCtx(ctx);
    return getCustodyDetail(s, createCustody(s, input), { recordView: false });
  },
  'releases.custody.update': (input, ctx) => {
    const s = serviceCtx(ctx);
    updateCustody(s, input);
    return getCustodyDetail(s, input.custodyId, { recordView: false });
  },
  'releases.custody.recordMilestone': (input, ctx) => {
    const s = serviceCtx(ctx);
    recordMilestone(s, input);
    return getCustodyDetail(s, input.custodyId, { recordView: false });
  },
  'releases.custody.recordRelease': (input, ctx) => {
    const s = serviceCtx(ctx);
    recordRelease(s, input);
    return getCustodyDetail(s, input.custodyId, { recordView: false });
  },
  'releases.custody.delete': (input, ctx) => {
    deleteCustody(serviceCtx(ctx), input.custodyId);
    return { deleted: true as const };
  },

  'releases.meeting.template': (input, ctx) => meetingTemplate(serviceCtx(ctx), input.custodyId),
  'releases.meeting.get': (input, ctx) => getMeetingDetail(serviceCtx(ctx), input.meetingId),
  'releases.meeting.save': (input, ctx) => {
    const s = serviceCtx(ctx);
    return getMeetingDetail(s, saveMeeting(s, input), { recordView: false });
  },
  'releases.meeting.delete': (input, ctx) => deleteMeeting(serviceCtx(ctx), input.meetingId),

  'releases.followup.record': (input, ctx) => {
    const s = serviceCtx(ctx);
    recordFollowUp(s, input);
    return getCustodyDetail(s, input.custodyId, { recordView: false });
  },
});
