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

/** Day.month with a possible year ("12.03.09", "12/3", "2009-03-12"), the parts in calendar range: "kl. 22.30" is a time, not a date. */
const DATE_PARTS = /(?<![\d.:/-])(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?(?![\d:])|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu;

function hasDate(text: string): boolean {
  for (const m of text.matchAll(DATE_PARTS)) {
    const [day, month] = m[4] ? [Number(m[6]), Number(m[5])] : [Number(m[1]), Number(m[2])];
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return true;
  }
  return false;
}

/**
 * The problem of a log text on its face: a CPR-like number (the youth-group name check), or a
 * date that could be a birth date (the entry has its own date field). Times such as "kl. 22.30"
 * pass. Names are checked in main against the register.
 */
export function unrestTextProblem(text: string): UnrestTextProblem | null {
  if (youthGroupNameProblem(text) === 'cpr') return 'cpr';
  return hasDate(text) ? 'date' : null;
}

export const UNREST_TEXT_MESSAGES: Readonly<Record<UnrestTextProblem, string>> = {
  cpr: 'Teksten indeholder noget, der ligner et CPR-nummer. Fjern det: loggen må ikke indeholde personoplysninger.',
  date: 'Teksten indeholder en dato, som kan være en fødselsdato. Skriv datoen i datofeltet, og fjern den fra teksten.',
  'person-name': 'Teksten indeholder fornavn eller efternavn på en ung i registret. Beskriv stedet eller gruppen uden navne.',
};
