import { z } from 'zod';
import { op, shortText, empty } from '../core/contract';
import { MAX_PASSPHRASE_LENGTH } from './passphrase';

export const passphrase = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);

export const ownerSchema = z
  .object({
    name: shortText(120).min(1),
    role: shortText(120).min(1),
    area: shortText(120).min(1),
  })
  .strict();
export type Owner = z.infer<typeof ownerSchema>;

export const vaultStatusSchema = z
  .object({
    state: z.enum(['none', 'locked', 'unlocked']),
    owner: ownerSchema.optional(),
    /** Seconds the next unlock attempt must wait after repeated wrong passphrases. */
    retryAfterSeconds: z.number().nonnegative().optional(),
  })
  .strict();
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const vaultContract = {
  'vault.status': op(empty, vaultStatusSchema, { requiresUnlocked: false }),
  'vault.create': op(
    z
      .object({ passphrase, passphraseConfirm: passphrase, owner: ownerSchema })
      .strict(),
    z.object({ recoveryKey: z.string(), status: vaultStatusSchema }).strict(),
    { requiresUnlocked: false },
  ),
  'vault.unlock': op(
    z.object({ method: z.enum(['passphrase', 'recovery']), secret: passphrase }).strict(),
    vaultStatusSchema,
    { requiresUnlocked: false },
  ),
  'vault.lock': op(empty, vaultStatusSchema, { requiresUnlocked: false }),
  'vault.changePassphrase': op(
    z.object({ current: passphrase, next: passphrase, nextConfirm: passphrase }).strict(),
    z.object({ changed: z.literal(true) }).strict(),
  ),
} as const;
