import type { DbOrTx } from '../core/connection';
import type { ServiceCtx } from '../core/service-context';
import type { MeetingSettings } from '../../shared/leader-meetings';
import { agendaLookbackDays, saveAgendaLookbackDays } from './agenda';
import { privacyDefaults, savePrivacyDefaults } from './privacy';

/** The meeting settings: the agenda's look-back and, per forum kind, the default privacy level. */
export function meetingSettings(db: DbOrTx): MeetingSettings {
  return { agendaLookbackDays: agendaLookbackDays(db), privacyDefaults: privacyDefaults(db) };
}

/** Saves what is given (each part audited), leaves the rest. */
export function saveMeetingSettings(s: ServiceCtx, input: Partial<MeetingSettings>): MeetingSettings {
  if (input.agendaLookbackDays !== undefined) saveAgendaLookbackDays(s, input.agendaLookbackDays);
  const defaults = input.privacyDefaults;
  if (defaults) s.db.transaction((tx) => savePrivacyDefaults(tx, s, defaults as Parameters<typeof savePrivacyDefaults>[2]));
  return meetingSettings(s.db);
}
