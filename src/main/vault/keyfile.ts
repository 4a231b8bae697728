import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors';
import { deriveKey, validateKdfParams, type KdfParams } from './kdf';

/**
 * The key file beside the database. The database key (256 random bits) is stored only wrapped
 * with AES-256-GCM, once per slot, under a key derived from the slot's secret (passphrase or
 * recovery key). The slot's id, kind and KDF parameters are authenticated as additional data,
 * so a slot cannot be altered or swapped without failing. A SHA-256 checksum over the file
 * tells accidental damage apart from a wrong passphrase (it is not a secret MAC; GCM is).
 */
const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(512);
const slotSchema = z
  .object({
    id: z.string().min(1).max(64),
    kind: z.enum(['passphrase', 'recovery']),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }).strict(),
    salt: b64,
    iv: b64,
    tag: b64,
    wrappedKey: b64,
    createdAt: z.string().max(40),
  })
  .strict();
export type KeySlot = z.infer<typeof slotSchema>;

const keyFileSchema = z
  .object({
    format: z.literal('ssp-desk-keys'),
    version: z.literal(1),
    vaultId: z.string().uuid(),
    createdAt: z.string().max(40),
    // At most one passphrase slot and one recovery slot (issue 15): more would multiply the cost of
    // one attempt, and the app never writes more.
    slots: z
      .array(slotSchema)
      .min(1)
      .max(2)
      .refine((slots) => new Set(slots.map((s) => s.kind)).size === slots.length),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type KeyFile = z.infer<typeof keyFileSchema>;

const CORRUPT_MESSAGE =
  'Nøglefilen er beskadiget eller ændret, så boksen kan ikke åbnes. Intet er ændret. Gendan boksen fra en sikkerhedskopi, eller kontakt SSP-Sekretariatet.';
export const WRONG_SECRET_MESSAGE = 'Forkert adgangskode. Prøv igen, eller brug gendannelsesnøglen.';
export const WRONG_RECOVERY_MESSAGE = 'Gendannelsesnøglen passer ikke til denne boks. Tjek, at den er skrevet rigtigt.';

function checksumOf(file: Omit<KeyFile, 'checksum'>): string {
  const canonical = JSON.stringify({
    format: file.format,
    version: file.version,
    vaultId: file.vaultId,
    createdAt: file.createdAt,
    slots: file.slots.map((s) => ({ ...s, kdf: { name: s.kdf.name, N: s.kdf.N, r: s.kdf.r, p: s.kdf.p } })),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

function aad(vaultId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'kdf'>): Buffer {
  const k = slot.kdf;
  return Buffer.from(`ssp-desk-keyslot|v1|${vaultId}|${slot.id}|${slot.kind}|${k.name}:${k.N}:${k.r}:${k.p}`, 'utf8');
}

export function newVaultId(): string {
  return randomUUID();
}

export async function makeSlot(
  vaultId: string,
  kind: KeySlot['kind'],
  secret: string,
  dbKey: Buffer,
  kdf: KdfParams,
  now: Date,
): Promise<KeySlot> {
  if (!validateKdfParams(kdf)) throw new Error('KDF parameters outside the limits of kdf.ts');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const id = `${kind}-${randomBytes(6).toString('hex')}`;
  const wrappingKey = await deriveKey(secret, salt, kdf);
  try {
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(aad(vaultId, { id, kind, kdf }));
    const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
    return {
      id,
      kind,
      kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p },
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrappedKey: wrapped.toString('base64'),
      createdAt: now.toISOString(),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/** Try to unwrap the database key from one slot. Returns null when the secret does not fit. */
export async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const wrappingKey = await deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(vaultId, slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    // The plaintext parts are zeroed once joined: only the returned key holds the database key.
    const part = decipher.update(Buffer.from(slot.wrappedKey, 'base64'));
    const last = decipher.final();
    const key = Buffer.concat([part, last]);
    part.fill(0);
    last.fill(0);
    if (key.length === 32) return key;
    key.fill(0);
    return null;
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}

export function buildKeyFile(vaultId: string, createdAt: string, slots: KeySlot[]): KeyFile {
  const body = { format: 'ssp-desk-keys' as const, version: 1 as const, vaultId, createdAt, slots };
  return { ...body, checksum: checksumOf(body) };
}

export function serializeKeyFile(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parse and check a key file's text. Throws KEYFILE_CORRUPT for anything that is not intact. */
export function parseKeyFile(text: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('KEYFILE_CORRUPT', CORRUPT_MESSAGE);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('KEYFILE_CORRUPT', CORRUPT_MESSAGE);
  const file = parsed.data;
  if (checksumOf(file) !== file.checksum) throw new AppError('KEYFILE_CORRUPT', CORRUPT_MESSAGE);
  for (const slot of file.slots) {
    if (!validateKdfParams(slot.kdf)) throw new AppError('KEYFILE_CORRUPT', CORRUPT_MESSAGE);
  }
  return file;
}

// ---- recovery keys: 160 random bits as 32 Crockford base32 characters in groups of four ----

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts the recovery key as typed: any case, spaces or hyphens, and the usual look-alikes. */
export function normalizeRecoveryKey(input: string): string {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return cleaned.match(/.{1,4}/g)?.join('-') ?? '';
}
