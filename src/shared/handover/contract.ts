import { z } from 'zod';
import { empty, id, op, shortText } from '../core/contract';
import { HANDOVER_OUTCOMES, REFUSAL_REASONS } from './bundle';

/**
 * Handing a young person's cases to a colleague's vault: this vault's identity, the known
 * colleagues, and the files (bundle, receipt) as base64 in and out (the renderer downloads and
 * opens files; main never takes a path from the renderer).
 */
export const colleagueView = z.object({ id, label: z.string(), fingerprint: z.string(), addedAt: z.string() }).strict();
export type ColleagueView = z.infer<typeof colleagueView>;

/** A file's bytes as base64: bounded (20 MB of bytes). */
export const fileBase64 = z
  .string()
  .min(4)
  .max(28_000_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Filen kan ikke læses');
export const handoverFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), bytes: z.number().int() }).strict();
export type HandoverFile = z.infer<typeof handoverFile>;

const colleagueCodeText = shortText(2000).trim().min(1, 'Indsæt kollegaens kode');
const typedFingerprint = shortText(80).trim().min(1, 'Skriv fingeraftrykket, som kollegaen læser op');

export const refusalReason = z.enum(REFUSAL_REASONS);

export const handoverLogEntry = z
  .object({
    bundleId: z.string(),
    direction: z.enum(['sent', 'received']),
    peerFingerprint: z.string(),
    /** The colleague's label here, or null when they are no longer in the list. */
    peerLabel: z.string().nullable(),
    personId: id.nullable(),
    createdAt: z.string(),
    validUntil: z.string(),
    outcome: z.enum(['pending', 'accepted', 'refused']),
    reasonCode: refusalReason.nullable(),
    settledAt: z.string().nullable(),
  })
  .strict();
export type HandoverLogEntry = z.infer<typeof handoverLogEntry>;

/** What a bundle holds, shown before anything is written (the payload seam's preview, plus the envelope's facts). */
export const handoverPreview = z
  .object({
    bundleId: z.string(),
    sender: z.object({ fingerprint: z.string(), label: z.string() }).strict(),
    created: z.string(),
    validUntil: z.string(),
    caseCount: z.number().int(),
    alreadyReceived: z.object({ outcome: z.enum(HANDOVER_OUTCOMES), personId: id.nullable() }).strict().nullable(),
    person: z.object({ firstName: z.string(), lastName: z.string(), birthDate: z.string(), cpr: z.string().nullable(), sex: z.string() }).strict(),
    handoverDate: z.string(),
    caseNumbers: z.array(z.string()),
    counts: z.record(z.string(), z.number().int()),
    matches: z.array(z.object({ personId: id, firstName: z.string(), lastName: z.string(), birthDate: z.string(), matchedBy: z.enum(['cpr', 'name-birth']) }).strict()),
  })
  .strict();
export type HandoverPreview = z.infer<typeof handoverPreview>;

export const handoverContract = {
  'handover.identity': op(empty, z.object({ fingerprint: z.string(), label: z.string(), code: z.string() }).strict()),
  'handover.colleagues': op(empty, z.array(colleagueView)),
  /** Read a colleague's code without adding it: the fingerprint to compare with them. */
  'handover.inspectColleague': op(z.object({ code: colleagueCodeText }).strict(), z.object({ label: z.string(), fingerprint: z.string() }).strict()),
  'handover.addColleague': op(z.object({ code: colleagueCodeText, fingerprint: typedFingerprint, label: shortText(120).trim().optional() }).strict(), colleagueView),
  'handover.removeColleague': op(z.object({ colleagueId: id }).strict(), z.object({ removed: z.literal(true) }).strict()),
  /** Bundles sent and received, newest first; or those of one person here. */
  /** Hand a young person (all their cases) to a colleague: the bundle file to save; the cases become read-only. */
  'handover.send': op(z.object({ personId: id, colleagueId: id }).strict(), z.object({ bundleId: z.string(), caseIds: z.array(id), file: handoverFile }).strict()),
  /** Open a bundle: every check, then what it holds and who may already be here. Nothing written. */
  'handover.preview': op(z.object({ base64: fileBase64 }).strict(), handoverPreview),
  /** Accept (import) or refuse a bundle; the signed receipt file either way. */
  'handover.receive': op(
    z
      .object({ base64: fileBase64, decision: z.enum(['accept', 'refuse']), reason: refusalReason.optional(), linkToPersonId: id.optional() })
      .strict()
      .refine((v) => v.decision !== 'refuse' || v.reason !== undefined, { message: 'Vælg, hvorfor du afviser', path: ['reason'] }),
    z.object({ bundleId: z.string(), outcome: z.enum(HANDOVER_OUTCOMES), personId: id.nullable(), alreadyReceived: z.boolean(), receipt: handoverFile }).strict(),
  ),
  /** The sender opens the receipt: accepted (the personal data leaves unless kept read-only) or refused (editable again). */
  'handover.openReceipt': op(
    z.object({ base64: fileBase64, keepReadOnly: z.boolean().optional() }).strict(),
    z.object({ bundleId: z.string(), outcome: z.enum(HANDOVER_OUTCOMES), reasonCode: refusalReason.nullable(), personId: id.nullable(), keptReadOnly: z.boolean(), alreadySettled: z.boolean() }).strict(),
  ),
  'handover.log': op(z.object({ personId: id.optional() }).strict(), z.array(handoverLogEntry)),
} as const;
