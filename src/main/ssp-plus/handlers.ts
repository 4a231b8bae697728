import { defineHandlers, writeThen } from '../core/handlers';
import { addReview, endPlan, listPartners, recordFollowUp, saveArea, savePartner, startPlan, updatePlan } from './writes';
import { candidates, getPlanDetail, listPlans, overview } from './queries';
import { getSspPlusSettings, saveSspPlusSettings } from './settings';

/** Write, then answer with the plan as it now is (without a second view entry). */
const thenPlan = writeThen('planId', (s, id) => getPlanDetail(s, id, { recordView: false }));

/** SSP+ holistic plans. */
export const sspPlusHandlers = defineHandlers({
  'sspplus.overview': (_i, s) => overview(s),
  'sspplus.list': (input, s) => listPlans(s, input.status),
  'sspplus.candidates': (input, s) => candidates(s, input),
  'sspplus.get': (input, s) => getPlanDetail(s, input.planId),
  'sspplus.start': (input, s) => getPlanDetail(s, startPlan(s, input), { recordView: false }),
  'sspplus.update': thenPlan(updatePlan),
  'sspplus.saveArea': thenPlan(saveArea),
  'sspplus.addReview': thenPlan(addReview),
  'sspplus.end': thenPlan(endPlan),
  'sspplus.recordFollowUp': (input, s) => getPlanDetail(s, recordFollowUp(s, input), { recordView: false }),
  'sspplus.settings.get': (_i, s) => getSspPlusSettings(s.db),
  'sspplus.settings.save': (input, s) => saveSspPlusSettings(s, input),
  'sspplus.partners.list': (_i, s) => listPartners(s.db),
  'sspplus.partners.save': (input, s) => savePartner(s, input),
});
