import { z } from 'zod';
import { op, empty, shortText, isoDate, id } from '../core/contract';
import { vaultStatusSchema } from '../vault';
import { MAX_PASSPHRASE_LENGTH } from '../vault';

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

const auditFilter = z
  .object({
    actor: shortText(120).optional(),
    action: shortText(40).optional(),
    entity: shortText(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
const auditRow = z
  .object({ id, at: z.string(), actor: z.string(), action: z.string(), entity: z.string(), entityId: z.number().nullable(), detail: z.string().nullable() })
  .strict();

export const settingsContract = {
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
  'retention.due': op(
    empty,
    z
      .object({
        retentionMonths: z.number().int(),
        cases: z.array(
          z
            .object({
              caseId: id,
              caseNumber: z.string(),
              personId: id,
              firstName: z.string(),
              lastName: z.string(),
              district: z.string().nullable(),
              closedOn: z.string(),
              dueOn: z.string(),
              personDeleted: z.boolean(),
            })
            .strict(),
        ),
      })
      .strict(),
  ),
  'retention.apply': op(
    z.object({ caseIds: z.array(id).min(1).max(5000), confirm: z.literal(true) }).strict(),
    z.object({ cases: z.number().int(), people: z.number().int() }).strict(),
  ),
  'audit.list': op(auditFilter, z.object({ total: z.number().int(), rows: z.array(auditRow), actors: z.array(z.string()), actions: z.array(z.string()), entities: z.array(z.string()) }).strict()),
  'audit.export': op(auditFilter.omit({ offset: true, limit: true }), z.object({ fileName: z.string(), csv: z.string() }).strict()),
} as const;
