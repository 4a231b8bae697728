import { eq } from 'drizzle-orm';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import type { AppSettings } from '../../shared/settings';
import { z } from 'zod';
import { settings } from '../core/schema';
import type { DbOrTx } from '../core/connection';

/**
 * Settings stored in the vault, each with its schema and default. Design rules from DOMAIN.md
 * that are marked "(design)" live here so a vault can change them.
 */
export const settingDefs = {
  idleLockMinutes: { schema: z.number().int().min(1).max(240), default: 5 },
  backupReminderDays: { schema: z.number().int().min(1).max(365), default: 7 },
  lastBackupAt: { schema: z.string().nullable(), default: null as string | null },
  retentionMonths: { schema: z.number().int().min(1).max(240), default: 24 },
  reportThreshold: { schema: z.number().int().min(2).max(20), default: 5 },
} as const;
export type SettingKey = keyof typeof settingDefs;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefs)[K]['schema']>;

export function getSetting<K extends SettingKey>(db: DbOrTx, key: K): SettingValue<K> {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  const def = settingDefs[key];
  if (!row) return def.default as SettingValue<K>;
  try {
    const parsed = def.schema.safeParse(JSON.parse(row.value));
    return (parsed.success ? parsed.data : def.default) as SettingValue<K>;
  } catch {
    return def.default as SettingValue<K>;
  }
}

export function setSetting<K extends SettingKey>(db: DbOrTx, key: K, value: SettingValue<K>): void {
  const text = JSON.stringify(settingDefs[key].schema.parse(value));
  db.insert(settings).values({ key, value: text }).onConflictDoUpdate({ target: settings.key, set: { value: text } }).run();
}

/** The settings a user can change on the settings screen. */
export function readSettings(db: DbOrTx): AppSettings {
  return {
    idleLockMinutes: getSetting(db, 'idleLockMinutes'),
    backupReminderDays: getSetting(db, 'backupReminderDays'),
    retentionMonths: getSetting(db, 'retentionMonths'),
    reportThreshold: getSetting(db, 'reportThreshold'),
  };
}

export function updateSettings(s: ServiceCtx, input: Partial<AppSettings>): AppSettings {
  s.db.transaction((tx) => {
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined) setSetting(tx, key as keyof AppSettings, value as never);
    }
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'settings', detail: Object.keys(input).sort().join(',') });
  });
  return readSettings(s.db);
}
