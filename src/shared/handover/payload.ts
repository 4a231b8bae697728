import { z } from 'zod';
import { id, isoDate, isoDateTime, MAX_TEXT } from '../core/contract';

/**
 * What moves in a handover (issue 21): one young person and every row that concerns them, as
 * plain JSON. i21keys' bundle encrypts and signs it; src/main/handover/payload reads and writes
 * it. Rows are the tables' own columns (snake_case, as in the vault), with the sender's ids, which
 * the recipient replaces by its own; reference rows (districts, efforts, forums ...) are matched
 * there by name or code. No row about the sender's other people is ever in it.
 */
export const HANDOVER_PAYLOAD_FORMAT = 'ssp-desk.handover-payload';

const columnName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
const cell = z.union([z.string().max(MAX_TEXT), z.number().finite(), z.null()]);
export const payloadRow = z.record(columnName, cell);

export const payloadAuditEntry = z
  .object({
    at: isoDateTime,
    actor: z.string().max(200),
    action: z.string().max(40),
    entity: z.string().max(60),
    entityId: id.nullable(),
    detail: z.string().max(2000).nullable(),
  })
  .strict();

/** A bundle id and a key fingerprint as the payload services accept them (ids and codes only). */
export const bundleIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
export const fingerprintSchema = z.string().regex(/^[A-Za-z0-9 :_-]{4,200}$/);

export const handoverPayload = z
  .object({
    format: z.literal(HANDOVER_PAYLOAD_FORMAT),
    /** The sender vault's newest migration tag: a recipient that does not know it refuses the payload. */
    schemaVersion: z.string().regex(/^\d{4}_[a-z0-9_]{1,80}$/),
    createdAt: isoDateTime,
    /** From this day on the cases belong to the recipient (the reports count them there). */
    handoverDate: isoDate,
    /** The person's id at the sender (the `people` row's id in `tables`). */
    personId: id,
    caseIds: z.array(id).max(1000),
    tables: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.array(payloadRow).max(200_000)),
    /** The sender's audit entries about the person's rows: codes and ids only. */
    audit: z.array(payloadAuditEntry).max(200_000),
  })
  .strict();
export type HandoverPayload = z.infer<typeof handoverPayload>;

/** What `previewPayload` shows before anything is written. */
export interface PayloadPreview {
  person: { firstName: string; lastName: string; birthDate: string; cpr: string | null; sex: string };
  handoverDate: string;
  caseNumbers: string[];
  /** Row count per table in the payload (the audit extract under 'audit'). */
  counts: Record<string, number>;
  /** People already in this vault with the same CPR number, or the same name and birth date. */
  matches: { personId: number; firstName: string; lastName: string; birthDate: string; matchedBy: 'cpr' | 'name-birth' }[];
}
