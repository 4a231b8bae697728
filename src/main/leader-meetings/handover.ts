import type { HandoverPart } from '../core/module';
import { PERSON_CASES } from '../cases';

/** Every ledergruppe meeting the person's cases appear in: agenda, decisions, level changes, events, notes. */
const MEETINGS = `SELECT meeting_id FROM meeting_agenda_items WHERE case_id IN (${PERSON_CASES})
  UNION SELECT meeting_id FROM meeting_decisions WHERE case_id IN (${PERSON_CASES})
  UNION SELECT meeting_id FROM case_level_changes WHERE case_id IN (${PERSON_CASES})
  UNION SELECT meeting_id FROM case_events WHERE case_id IN (${PERSON_CASES})
  UNION SELECT meeting_id FROM case_notes WHERE case_id IN (${PERSON_CASES})`;

/**
 * The ledergruppe's part of a handover payload: the decisions that concern the person's cases,
 * their actions and agenda entries. Forums and meetings are matched at the recipient (forum by
 * name, meeting by forum and day) and added when missing (a forum inactive); attendees and other
 * cases on the same agenda never travel.
 */
export const leaderMeetingsHandover: HandoverPart = {
  tables: [
    {
      table: 'forums',
      select: `SELECT * FROM forums WHERE id IN (SELECT forum_id FROM meetings WHERE id IN (${MEETINGS})) ORDER BY id`,
      hasId: true,
      reference: { matchBy: [['name']], onMissing: 'insert', insertValues: { active: 0 } },
    },
    {
      table: 'meetings',
      select: `SELECT * FROM meetings WHERE id IN (${MEETINGS}) ORDER BY id`,
      hasId: true,
      refs: { forum_id: 'forums' },
      reference: { matchBy: [['forum_id', 'held_on']], onMissing: 'insert' },
    },
    {
      table: 'meeting_agenda_items',
      select: `SELECT * FROM meeting_agenda_items WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { meeting_id: 'meetings', case_id: 'cases', group_id: 'youth_groups' },
    },
    {
      table: 'meeting_decisions',
      select: `SELECT * FROM meeting_decisions WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { meeting_id: 'meetings', agenda_item_id: 'meeting_agenda_items', case_id: 'cases', level_change_id: 'case_level_changes', note_id: 'case_notes' },
      auditEntity: 'meeting_decision',
    },
    {
      table: 'meeting_actions',
      select: `SELECT * FROM meeting_actions WHERE case_id IN (${PERSON_CASES}) ORDER BY id`,
      hasId: true,
      refs: { decision_id: 'meeting_decisions', meeting_id: 'meetings', case_id: 'cases' },
      auditEntity: 'action',
      auditDetail: 'source:meeting',
    },
  ],
};
