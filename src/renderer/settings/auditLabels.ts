import { getLocale, t, type PlainMessageKey } from '../core/i18n';
import { auditActionText, auditDetailText, auditEntityText } from '../../shared/settings';

/** Danish names for the audit trail's action and entity codes. Unknown codes are shown as they are. */
const ACTIONS: Record<string, PlainMessageKey> = {
  create: 'settings.audit.action.create',
  update: 'settings.audit.action.update',
  delete: 'settings.audit.action.delete',
  view: 'settings.audit.action.view',
  reveal: 'settings.audit.action.reveal',
  close: 'settings.audit.action.close',
  reopen: 'settings.audit.action.reopen',
  release: 'settings.audit.action.release',
  import: 'settings.audit.action.import',
  export: 'settings.audit.action.export',
  backup: 'settings.audit.action.backup',
  restore: 'settings.audit.action.restore',
  lock: 'settings.audit.action.lock',
  unlock: 'settings.audit.action.unlock',
  deny: 'settings.audit.action.deny',
};

const ENTITIES: Record<string, PlainMessageKey> = {
  vault: 'settings.audit.entity.vault',
  case: 'settings.audit.entity.case',
  case_note: 'settings.audit.entity.case_note',
  case_event: 'settings.audit.entity.case_event',
  exit_course: 'settings.audit.entity.exit_course',
  youth_group: 'settings.audit.entity.youth_group',
  youth_group_member: 'settings.audit.entity.youth_group_member',
  person: 'settings.audit.entity.person',
  district: 'settings.audit.entity.district',
  effort: 'settings.audit.entity.effort',
  settings: 'settings.audit.entity.settings',
  setting: 'settings.audit.entity.settings',
  retention: 'settings.audit.entity.retention',
  audit_log: 'settings.audit.entity.audit_log',
  meeting: 'settings.audit.entity.meeting',
  meeting_decision: 'settings.audit.entity.meeting_decision',
  forum: 'settings.audit.entity.forum',
  custody: 'settings.audit.entity.custody',
  sspplus_plan: 'settings.audit.entity.sspplus_plan',
  sspplus_review: 'settings.audit.entity.sspplus_review',
  sspplus_partner: 'settings.audit.entity.sspplus_partner',
  sspplus_follow_up: 'settings.audit.entity.sspplus_follow_up',
  report: 'settings.audit.entity.report',
};

/** Codes the screen's catalogue lacks fall back to the shared labels (the same words as the CSV export), never a raw code. */
export const actionLabel = (code: string): string => (Object.hasOwn(ACTIONS, code) ? t(ACTIONS[code]!) : auditActionText(code, getLocale() === 'da' ? 'da' : 'en'));
export const entityLabel = (code: string): string => (Object.hasOwn(ENTITIES, code) ? t(ENTITIES[code]!) : auditEntityText(code, getLocale() === 'da' ? 'da' : 'en'));
/** The detail field in words ("backupReminderDays" -> "Påmindelse om sikkerhedskopi (dage)"). */
export const detailLabel = (detail: string | null): string => auditDetailText(detail, getLocale() === 'da' ? 'da' : 'en');
