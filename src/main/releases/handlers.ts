import { defineHandlers, writeThen } from '../core/handlers';
import { createCustody, deleteCustody, listInstitutions, recordFollowUp, recordMilestone, recordRelease, saveInstitution, updateCustody } from './writes';
import { getCustodyDetail, listCustodyForPerson } from './queries';
import { deleteReleaseMeeting, getReleaseMeetingDetail, releaseMeetingTemplate, saveReleaseMeeting } from './release-meetings';
import { releasesOverview, searchPeople } from './overview';
import { getReleaseSettings, saveReleaseSettings } from './settings';

/** Write, then answer with the custody period as it now is (without a second view entry). */
const thenCustody = writeThen('custodyId', (s, id) => getCustodyDetail(s, id, { recordView: false }));

/** Release coordination: custody periods, timeline, release meetings and follow-ups. */
export const releasesHandlers = defineHandlers({
  'releases.overview': (input, s) => releasesOverview(s, input),
  'releases.settings.get': (_i, s) => getReleaseSettings(s.db),
  'releases.settings.save': (input, s) => saveReleaseSettings(s, input),

  'releases.institutions.list': (_i, s) => listInstitutions(s.db),
  'releases.institutions.save': (input, s) => saveInstitution(s, input),

  'releases.people.search': (input, s) => searchPeople(s.db, input),
  'releases.custody.listForPerson': (input, s) => listCustodyForPerson(s.db, input.personId),
  'releases.custody.get': (input, s) => getCustodyDetail(s, input.custodyId),
  'releases.custody.create': (input, s) => getCustodyDetail(s, createCustody(s, input), { recordView: false }),
  'releases.custody.update': thenCustody(updateCustody),
  'releases.custody.recordMilestone': thenCustody(recordMilestone),
  'releases.custody.recordRelease': thenCustody(recordRelease),
  'releases.custody.delete': (input, s) => deleteCustody(s, input.custodyId),

  'releases.meeting.template': (input, s) => releaseMeetingTemplate(s, input.custodyId),
  'releases.meeting.get': (input, s) => getReleaseMeetingDetail(s, input.meetingId),
  'releases.meeting.save': (input, s) => getReleaseMeetingDetail(s, saveReleaseMeeting(s, input), { recordView: false }),
  'releases.meeting.delete': (input, s) => deleteReleaseMeeting(s, input.meetingId),

  'releases.followup.record': thenCustody(recordFollowUp),
});
