import type { HandoverPart } from '../core/module';

const PLANS = `SELECT id FROM sspplus_plans WHERE person_id = @person`;
const REVIEWS = `SELECT id FROM sspplus_reviews WHERE plan_id IN (${PLANS})`;

/**
 * SSP+'s part of a handover payload: the person's plans with partners, life areas, actions,
 * reviews and outcome follow-ups. Partners are matched at the recipient by name, added
 * (inactive) when missing.
 */
export const sspPlusHandover: HandoverPart = {
  tables: [
    {
      table: 'sspplus_partners',
      select: `SELECT * FROM sspplus_partners WHERE id IN (SELECT partner_id FROM sspplus_plan_partners WHERE plan_id IN (${PLANS})
                 UNION SELECT partner_id FROM sspplus_actions WHERE plan_id IN (${PLANS})
                 UNION SELECT partner_id FROM sspplus_review_partners WHERE review_id IN (${REVIEWS})) ORDER BY id`,
      hasId: true,
      reference: { matchBy: [['name']], onMissing: 'insert', insertValues: { active: 0 } },
    },
    { table: 'sspplus_plans', select: `SELECT * FROM sspplus_plans WHERE person_id = @person ORDER BY id`, hasId: true, refs: { person_id: 'people', case_id: 'cases' }, auditEntity: 'sspplus_plan' },
    { table: 'sspplus_plan_partners', select: `SELECT * FROM sspplus_plan_partners WHERE plan_id IN (${PLANS}) ORDER BY plan_id, partner_id`, hasId: false, refs: { plan_id: 'sspplus_plans', partner_id: 'sspplus_partners' } },
    { table: 'sspplus_areas', select: `SELECT * FROM sspplus_areas WHERE plan_id IN (${PLANS}) ORDER BY id`, hasId: true, refs: { plan_id: 'sspplus_plans' } },
    { table: 'sspplus_actions', select: `SELECT * FROM sspplus_actions WHERE plan_id IN (${PLANS}) ORDER BY id`, hasId: true, refs: { plan_id: 'sspplus_plans', partner_id: 'sspplus_partners' } },
    { table: 'sspplus_reviews', select: `SELECT * FROM sspplus_reviews WHERE plan_id IN (${PLANS}) ORDER BY id`, hasId: true, refs: { plan_id: 'sspplus_plans' }, auditEntity: 'sspplus_review' },
    {
      table: 'sspplus_review_partners',
      select: `SELECT * FROM sspplus_review_partners WHERE review_id IN (${REVIEWS}) ORDER BY review_id, partner_id`,
      hasId: false,
      refs: { review_id: 'sspplus_reviews', partner_id: 'sspplus_partners' },
    },
    { table: 'sspplus_review_areas', select: `SELECT * FROM sspplus_review_areas WHERE review_id IN (${REVIEWS}) ORDER BY id`, hasId: true, refs: { review_id: 'sspplus_reviews' } },
    { table: 'sspplus_follow_ups', select: `SELECT * FROM sspplus_follow_ups WHERE plan_id IN (${PLANS}) ORDER BY id`, hasId: true, refs: { plan_id: 'sspplus_plans' } },
  ],
};
