import type { HandoverPart } from '../core/module';

const CUSTODY = `SELECT id FROM custody_periods WHERE person_id = @person`;
const MEETINGS = `SELECT id FROM release_meetings WHERE custody_id IN (${CUSTODY})`;

/**
 * Release coordination's part of a handover payload: custody periods, their release meetings
 * with participants, checklist and action items, and the outcome follow-ups. Institutions are
 * matched at the recipient by name, added (inactive) when missing.
 */
export const releasesHandover: HandoverPart = {
  tables: [
    {
      table: 'custody_institutions',
      select: `SELECT * FROM custody_institutions WHERE id IN (SELECT institution_id FROM custody_periods WHERE person_id = @person) ORDER BY id`,
      hasId: true,
      reference: { matchBy: [['name']], onMissing: 'insert', insertValues: { active: 0 } },
    },
    {
      table: 'custody_periods',
      select: `SELECT * FROM custody_periods WHERE person_id = @person ORDER BY id`,
      hasId: true,
      refs: { person_id: 'people', institution_id: 'custody_institutions' },
      auditEntity: 'custody',
    },
    { table: 'release_meetings', select: `SELECT * FROM release_meetings WHERE custody_id IN (${CUSTODY}) ORDER BY id`, hasId: true, refs: { custody_id: 'custody_periods' }, auditEntity: 'release-meeting' },
    { table: 'release_meeting_participants', select: `SELECT * FROM release_meeting_participants WHERE meeting_id IN (${MEETINGS}) ORDER BY id`, hasId: true, refs: { meeting_id: 'release_meetings' } },
    { table: 'release_checklist_items', select: `SELECT * FROM release_checklist_items WHERE meeting_id IN (${MEETINGS}) ORDER BY meeting_id, item`, hasId: false, refs: { meeting_id: 'release_meetings' } },
    { table: 'release_action_items', select: `SELECT * FROM release_action_items WHERE meeting_id IN (${MEETINGS}) ORDER BY id`, hasId: true, refs: { meeting_id: 'release_meetings' } },
    { table: 'release_followups', select: `SELECT * FROM release_followups WHERE custody_id IN (${CUSTODY}) ORDER BY id`, hasId: true, refs: { custody_id: 'custody_periods' }, auditEntity: 'release-followup' },
  ],
};
