import { z } from 'zod';

/**
 * The IPC contract's building blocks. Every operation the renderer may call is one entry:
 * a name, a zod input schema and a zod output schema. Preload, main and renderer all derive
 * their types from these entries; nothing is declared twice.
 */
export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** When true (the default) the call is refused while the vault is locked. */
  readonly requiresUnlocked: boolean;
}

export function op<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { requiresUnlocked?: boolean } = {},
): OperationDef<I, O> {
  return { input, output, requiresUnlocked: options.requiresUnlocked ?? true };
}

/** Stable error codes. The renderer may branch on these; the message is Danish prose for people. */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_OPERATION',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_MISSING',
  /** Another program (the app, a CLI command) has the vault open. */
  'VAULT_IN_USE',
  /** Leftovers of an interrupted step were found beside the vault; the message says what. */
  'VAULT_RECOVERY',
  'WRONG_PASSPHRASE',
  'KEYFILE_CORRUPT',
  'DATABASE_CORRUPT',
  'MIGRATION_MISMATCH',
  'WEAK_PASSPHRASE',
  'THROTTLED',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  /** The record belongs to a young person handed over to another vault: read-only here (issue 21). */
  'HANDED_OVER',
  'IO_ERROR',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field-level messages (path -> Danish message) for forms. */
    fields: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

// ---- reusable field schemas, bounded so nothing oversized crosses the boundary ----

export const MAX_SHORT = 200;
export const MAX_TEXT = 20_000;

/** A short single-line text, trimmed. */
export const shortText = (max = MAX_SHORT) => z.string().max(max);
export const longText = (max = MAX_TEXT) => z.string().max(max);
/** A calendar date as YYYY-MM-DD that exists in the calendar. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'Ugyldig dato');
export const isoDateTime = z.string().max(40);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const empty = z.object({}).strict();
