import type { HandoverPart } from '../core/module';
import { PERSON_CASES } from '../cases';

/** Overblik's part of a handover payload: the actions added by hand on the person's cases. */
export const overviewHandover: HandoverPart = {
  tables: [
    {
      table: 'case_actions',
      select: `SELECT * FROM case_actions WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { case_id: 'cases' },
      auditEntity: 'action',
      auditDetail: 'source:case',
    },
  ],
};
