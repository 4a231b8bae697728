import { defineHandlers } from '../core/handlers';
import { serviceCtx } from '../core/service-context';
import { addReview, endPlan, listPartners, recordFollowUp, saveArea, savePartner, startPlan, updatePlan } from './writes';
import { candidates, getPlanDetail, listPlans, overview } from './queries';

/** SSP+ holistic plans: each write answers with the plan as it now is (without a second view entry). */
export const sspplusHandlers = defineHandlers({
  'sspplus.overview': (_i, ctx) => overview(serviceCtx(ctx)),
  'sspplus.list': (input, ctx) => listPlans(serviceCtx(ctx), input.status),
  'sspplus.candidates': (input, ctx) => candidates(serviceCtx(ctx), input),
  'sspplus.get': (input, ctx) => getPlanDetail(serviceCtx(ctx), input.planId),
  'sspplus.start': (input, ctx) => {
    const s = serviceCtx(ctx);
    return getPlanDetail(s, startPlan(s, input), { recordView: false });
  },
  'sspplus.update': (input, ctx) => {
    const s = serviceCtx(ctx);
    updatePlan(s, input);
    return getPlanDetail(s, input.planId, { recordView: false });
  },
  'sspplus.saveArea': (input, ctx) => {
    const s = serviceCtx(ctx);
    saveArea(s, input);
    return getPlanDetail(s, input.planId, { recordView: false });
  },
  'sspplus.addReview': (input, ctx) => {
    const s = serviceCtx(ctx);
    addReview(s, input);
    return getPlanDetail(s, input.planId, { recordView: false });
  },
  'sspplus.end': (input, ctx) => {
    const s = serviceCtx(ctx);
    endPlan(s, input);
    return getPlanDetail(s, input.planId, { recordView: false });
  },
  'sspplus.recordFollowUp': (input, ctx) => {
    const s = serviceCtx(ctx);
    return getPlanDetail(s, recordFollowUp(s, input), { recordView: false });
  },
  'sspplus.partners.list': (_i, ctx) => listPartners(ctx.vault.current.db),
  'sspplus.partners.save': (input, ctx) => savePartner(serviceCtx(ctx), input),
});
