/**
 * Tryghed and unrest (issue 16 item 2): a dated log per bydel with no personal data, and the
 * flag "bydel med uro" per period derived from it.
 *
 * Rule for the flag (design, DOMAIN.md: "beredskabsplaner are made and activated by SSP when
 * there is unrest"): a bydel is "med uro" in a period when the log has an 'uro observeret' entry
 * dated in the period, or a beredskabsplan was active on some day of it: activated on or before
 * the period's last day and not ended before its first day (an activation with no later end is
 * active until one is logged). Measures and partners alone do not make unrest.
 *
 * Published: the flag and the number of 'uro observeret' entries and activations per bydel, and
 * the number of bydele med uro. None of it is about a person (no young person is counted), so it
 * is not suppressed; the entries' texts stay in the vault.
 */
import { z } from 'zod';
import { compare, type IsoDate } from '../core/dates';
import { youthGroupNameProblem } from '../cases';

export const UNREST_KINDS = ['unrest-observed', 'plan-activated', 'plan-ended', 'measure', 'partners'] as const;
export type UnrestKind = (typeof UNREST_KINDS)[number];

/** Danish names (the files are Danish; the screen takes its words from the renderer's i18n). */
export const UNREST_KIND_LABELS: Readonly<Record<UnrestKind, string>> = {
  'unrest-observed': 'Uro observeret',
  'plan-activated': 'Beredskabsplan aktiveret',
  'plan-ended': 'Beredskabsplan afsluttet',
  measure: 'Tiltag',
  partners: 'Partnere involveret',
};

export interface UnrestEntryLike {
  districtId: number;
  occurredOn: IsoDate;
  kind: string;
}

/** One bydel's unrest in a period, as the report carries it. */
export const unrestRowSchema = z
  .object({
    district: z.string().min(1).max(120),
    /** "Bydel med uro" in the period (rule above). */
    withUnrest: z.boolean(),
    /** 'Uro observeret' entries dated in the period. */
    observations: z.number().int().min(0).max(100_000),
    /** Beredskabsplaner activated in the period. */
    plansActivated: z.number().int().min(0).max(100_000),
  })
  .strict();
export type UnrestRow = z.infer<typeof unrestRowSchema>;

/** The flag and counts of one district's entries for the period [start, end]. */
export function unrestOf(entries: readonly UnrestEntryLike[], start: IsoDate, end: IsoDate): Omit<UnrestRow, 'district'> {
  const inPeriod = (d: IsoDate) => compare(d, start) >= 0 && compare(d, end) <= 0;
  const observations = entries.filter((e) => e.kind === 'unrest-observed' && inPeriod(e.occurredOn)).length;
  const plansActivated = entries.filter((e) => e.kind === 'plan-activated' && inPeriod(e.occurredOn)).length;
  // The plan's state on the first day: the latest plan entry before it (an end on the same day as an activation wins).
  const planEvents = entries
    .filter((e) => (e.kind === 'plan-activated' || e.kind === 'plan-ended') && compare(e.occurredOn, start) < 0)
    .sort((a, b) => compare(a.occurredOn, b.occurredOn) || (a.kind === 'plan-ended' ? 1 : 0) - (b.kind === 'plan-ended' ? 1 : 0));
  const activeAtStart = planEvents.length > 0 && planEvents[planEvents.length - 1]?.kind === 'plan-activated';
  return { withUnrest: observations > 0 || plansActivated > 0 || activeAtStart, observations, plansActivated };
}

/** The number of bydele med uro in a report's unrest rows. */
export const bydeleWithUnrest = (rows: readonly UnrestRow[]): number => rows.filter((r) => r.withUnrest).length;

export type UnrestTextProblem = 'cpr' | 'date' | 'person-name';

/** The problem of a log text on its face (CPR-like number, a date); names are checked in main against the register. */
export const unrestTextProblem = (text: string): UnrestTextProblem | null => youthGroupNameProblem(text);

export const UNREST_TEXT_MESSAGES: Readonly<Record<UnrestTextProblem, string>> = {
  cpr: 'Teksten indeholder noget, der ligner et CPR-nummer. Fjern det: loggen må ikke indeholde personoplysninger.',
  date: 'Teksten indeholder en dato, som kan være en fødselsdato. Skriv datoen i datofeltet, og fjern den fra teksten.',
  'person-name': 'Teksten indeholder fornavn eller efternavn på en ung i registret. Beskriv stedet eller gruppen uden navne.',
};
