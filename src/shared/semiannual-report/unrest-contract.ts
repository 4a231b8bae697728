import { z } from 'zod';
import { op, longText, id, isoDate } from '../core/contract';
import { UNREST_KINDS } from './unrest';

/** The tryghed and unrest log's operations (issue 16 item 2): list, save (create or edit), delete. */
export const UNREST_TEXT_MAX = 2_000;

export const unrestEntrySchema = z
  .object({
    id,
    districtId: id,
    district: z.string(),
    occurredOn: z.string(),
    kind: z.enum(UNREST_KINDS),
    text: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .strict();
export type UnrestEntry = z.infer<typeof unrestEntrySchema>;

export const unrestContract = {
  /** Newest first; one district's with `districtId`. */
  'report.unrest.list': op(z.object({ districtId: id.optional() }).strict(), z.array(unrestEntrySchema)),
  /** Without `id` a new entry; with it, the entry edited. */
  'report.unrest.save': op(
    z
      .object({
        id: id.optional(),
        districtId: id,
        occurredOn: isoDate,
        kind: z.enum(UNREST_KINDS),
        text: longText(UNREST_TEXT_MAX).trim().min(1, 'Skriv kort, hvad der skete (uden navne, CPR-numre og datoer).'),
      })
      .strict(),
    unrestEntrySchema,
  ),
  'report.unrest.delete': op(z.object({ id }).strict(), z.object({ deleted: z.literal(true) }).strict()),
} as const;
