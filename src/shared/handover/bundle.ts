import { z } from 'zod';
import { isFingerprint } from './fingerprint';

/**
 * The handover files' envelope and manifests. A file is one JSON line:
 * { format, kind, version, from, to, ciphertext, signature }. Outside the encryption only the
 * two vaults' fingerprints (hashes of public keys, no personal data: they let the recipient say
 * "not for this vault" or "from an unknown colleague" before decrypting anything); the manifest
 * and the payload are inside the age ciphertext. The Ed25519 signature covers the kind, both
 * fingerprints and the exact ciphertext (and through it the manifest).
 */
export const HANDOVER_FORMAT = 'ssp-desk-overdragelse';
export const HANDOVER_VERSION = 1;
/** Largest file the app reads or writes: a person with many years of notes stays far below it. */
export const MAX_HANDOVER_FILE_BYTES = 20 * 1024 * 1024;
/** How long a bundle can be opened after it was made. */
export const BUNDLE_VALID_DAYS = 30;

export const fingerprint = z.string().refine(isFingerprint, 'Ugyldigt fingeraftryk');
export const bundleId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);

export const HANDOVER_KINDS = ['bundle', 'receipt'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

export const envelopeSchema = z
  .object({
    format: z.literal(HANDOVER_FORMAT),
    kind: z.enum(HANDOVER_KINDS),
    version: z.literal(HANDOVER_VERSION),
    from: fingerprint,
    to: fingerprint,
    ciphertext: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();
export type Envelope = z.infer<typeof envelopeSchema>;

/** Inside a bundle's encryption, before the payload. No personal data: ids, fingerprints, dates. */
export const bundleManifestSchema = z
  .object({
    kind: z.literal('bundle'),
    bundleId,
    caseIds: z.array(z.number().int().positive()).max(1000),
    senderFingerprint: fingerprint,
    recipientFingerprint: fingerprint,
    created: isoInstant,
    validUntil: isoInstant,
    schemaVersion: z.string().max(200),
  })
  .strict();
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** Why a recipient refuses a bundle (the receipt carries the code, never free text). */
export const REFUSAL_REASONS = ['not-responsible', 'wrong-person', 'already-have', 'incomplete', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const HANDOVER_OUTCOMES = ['accepted', 'refused'] as const;
export type HandoverOutcome = (typeof HANDOVER_OUTCOMES)[number];

export const receiptManifestSchema = z
  .object({
    kind: z.literal('receipt'),
    bundleId,
    outcome: z.enum(HANDOVER_OUTCOMES),
    reasonCode: z.enum(REFUSAL_REASONS).nullable(),
    /** The receipt's writer (the bundle's recipient) and its addressee (the bundle's sender). */
    senderFingerprint: fingerprint,
    recipientFingerprint: fingerprint,
    at: isoInstant,
  })
  .strict();
export type ReceiptManifest = z.infer<typeof receiptManifestSchema>;

/**
 * Why opening a file is refused. Each has a Danish sentence in main (the AppError) and the
 * renderer shows that sentence.
 */
export const OPEN_REFUSALS = ['damaged', 'wrong-kind', 'other-vault', 'unknown-sender', 'tampered', 'expired', 'newer-schema', 'unknown-schema'] as const;
export type OpenRefusal = (typeof OPEN_REFUSALS)[number];
