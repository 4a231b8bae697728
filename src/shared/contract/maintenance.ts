import { z } from 'zod';
import { op, empty, shortText } from './core';
import { vaultStatusSchema } from './vault';
import { MAX_PASSPHRASE_LENGTH } from '../domain/passphrase';

export const settingsSchema = z
  .object({
    idleLockMinutes: z.number().int().min(1).max(240),
    backupReminderDays: z.number().int().min(1).max(365),
    retentionMonths: z.number().int().min(1).max(240),
    reportThreshold: z.number().int().min(2).max(20),
  })
  .strict();
export type AppSettings = z.infer<typeof settingsSchema>;

export const backupInfoSchema = z.object({ fileName: z.string(), createdAt: z.string(), bytes: z.number().int() }).strict();

/** Backup file names the app itself makes; the renderer never passes a path. */
export const backupFileName = z.string().regex(/^ssp-desk-backup-[0-9TZ-]{15,30}(-[0-9a-f]{4})?\.sspbak$/).max(80);

export const maintenanceContract = {
  'settings.get': op(empty, settingsSchema),
  'settings.update': op(settingsSchema.partial().strict(), settingsSchema),
  'backup.status': op(
    empty,
    z
      .object({
        lastBackupAt: z.string().nullable(),
        reminderDue: z.boolean(),
        reminderDays: z.number().int(),
        folder: z.string(),
        backups: z.array(backupInfoSchema),
      })
      .strict(),
  ),
  'backup.create': op(empty, backupInfoSchema),
  'backup.restore': op(
    z
      .object({ fileName: backupFileName, method: z.enum(['passphrase', 'recovery']), secret: z.string().min(1).max(MAX_PASSPHRASE_LENGTH) })
      .strict(),
    z.object({ restoredFrom: shortText(), createdAt: z.string(), status: vaultStatusSchema }).strict(),
  ),
} as const;
