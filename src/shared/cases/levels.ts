/**
 * Case levels 1-4, their default forums, closing reasons, event kinds, offence categories and
 * the default list of efforts. Forums and efforts are data (configurable per vault); the rest is
 * a fixed vocabulary with stable English codes and Danish labels.
 */
import { compare, type IsoDate } from '../core/dates';
import { normalizeForSearch } from '../core/districts';

export const CASE_LEVELS = [1, 2, 3, 4] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export function isCaseLevel(value: unknown): value is CaseLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export const LEVEL_LABELS: Readonly<Record<CaseLevel, string>> = {
  1: 'Bekymrende adfærd',
  2: 'Sigtet / førstegangskriminalitet',
  3: 'Gentagen alvorlig kriminalitet',
  4: 'Personfarlig kriminalitet',
};

export function levelLabel(level: CaseLevel): string {
  return LEVEL_LABELS[level];
}

export type ForumMap = Readonly<Record<CaseLevel, string>>;

/** The coordinating forum for each level by default (DOMAIN.md); a vault may override it. */
export const DEFAULT_FORUMS: ForumMap = {
  1: 'BUF / lokaludvalg',
  2: 'SOF / lokaludvalg',
  3: 'SSP-ledergruppe',
  4: 'SSP-ledergruppe',
};

/** The forum for a level: the override when one is given for that level, else the default. */
export function defaultForum(level: CaseLevel, overrides?: Partial<Record<CaseLevel, string>>): string {
  return overrides?.[level] ?? DEFAULT_FORUMS[level];
}

// ---------------------------------------------------------------------------------------------
// Level history

export interface LevelChange {
  date: IsoDate;
  level: CaseLevel;
}

/**
 * The level in effect on refDate: the latest change dated on or before refDate. When several
 * changes share that date, the one later in the array wins (entries are kept in recording order).
 * null when the case had no level yet on refDate. The array need not be sorted.
 */
export function levelAt(history: readonly LevelChange[], refDate: IsoDate): CaseLevel | null {
  let best: LevelChange | null = null;
  for (const change of history) {
    if (compare(change.date, refDate) > 0) continue;
    if (best === null || compare(change.date, best.date) >= 0) best = change;
  }
  return best?.level ?? null;
}

// ---------------------------------------------------------------------------------------------
// Closing reasons

export const CLOSING_REASONS = [
  { code: 'concern-ended', label: 'Ophørt bekymring' },
  { code: 'to-ssp-plus', label: 'Overgået til SSP+' },
  { code: 'to-adult-services', label: 'Overgået til voksenområdet' },
  { code: 'to-social-services', label: 'Overgået til socialforvaltningen' },
  { code: 'moved', label: 'Fraflyttet' },
  { code: 'other', label: 'Andet' },
] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number]['code'];
export const CLOSING_REASON_CODES: readonly ClosingReason[] = CLOSING_REASONS.map((r) => r.code);

export function closingReasonLabel(code: ClosingReason): string {
  return CLOSING_REASONS.find((r) => r.code === code)?.label ?? code;
}

function squash(text: string): string {
  return normalizeForSearch(text).replace(/ /g, '');
}

/**
 * A closing reason from its code or Danish label, ignoring letter case and all whitespace
 * ('  OPHØRT   bekymring ', 'ophørtbekymring', 'Overgået til SSP +'). null when nothing matches.
 */
export function parseClosingReason(text: string): ClosingReason | null {
  const key = squash(text);
  if (key === '') return null;
  const hit = CLOSING_REASONS.find((r) => squash(r.code) === key || squash(r.label) === key);
  return hit?.code ?? null;
}

// ---------------------------------------------------------------------------------------------
// Events on a case

export const EVENT_KINDS = [
  { code: 'concern', label: 'Bekymring' },
  { code: 'charge', label: 'Sigtelse' },
  { code: 'interview', label: 'Afhøring' },
  { code: 'remand', label: 'Fremstillet i dommervagten' },
  { code: 'effort-offered', label: 'Indsats tilbudt' },
  { code: 'effort-started', label: 'Indsats startet' },
  { code: 'effort-ended', label: 'Indsats afsluttet' },
] as const;
export type EventKind = (typeof EVENT_KINDS)[number]['code'];
export const EVENT_KIND_CODES: readonly EventKind[] = EVENT_KINDS.map((k) => k.code);

export function eventKindLabel(kind: EventKind): string {
  return EVENT_KINDS.find((k) => k.code === kind)?.label ?? kind;
}

/** Event kinds that concern an effort (indsats) and so carry the effort's name. */
export function isEffortEvent(kind: EventKind): boolean {
  return kind === 'effort-offered' || kind === 'effort-started' || kind === 'effort-ended';
}

/**
 * Offence categories for a charge (sigtelse). `personEndangering` marks the categories usually
 * counted as person-endangering crime (personfarlig kriminalitet), a hint towards level 4; the
 * level itself is always a decision recorded by people.
 */
export const OFFENCE_CATEGORIES = [
  { code: 'violence', label: 'Vold', personEndangering: true },
  { code: 'threats', label: 'Trusler', personEndangering: true },
  { code: 'robbery', label: 'Røveri', personEndangering: true },
  { code: 'sexual', label: 'Seksualforbrydelse', personEndangering: true },
  { code: 'arson', label: 'Brandstiftelse', personEndangering: true },
  { code: 'weapons', label: 'Våben og knive', personEndangering: false },
  { code: 'burglary', label: 'Indbrud', personEndangering: false },
  { code: 'theft', label: 'Tyveri', personEndangering: false },
  { code: 'stolen-goods', label: 'Hæleri', personEndangering: false },
  { code: 'vandalism', label: 'Hærværk', personEndangering: false },
  // Chikane (harassment, stalking, krænkelse af privatlivets fred): one of the Tryghedsindeks'
  // six crime forms (DOMAIN.md). Not person-endangering: it harms peace and safety, not life or
  // body; harassment with threats or violence is charged as those, which are.
  { code: 'harassment', label: 'Chikane', personEndangering: false },
  { code: 'drugs', label: 'Narkotika', personEndangering: false },
  { code: 'fraud', label: 'Bedrageri', personEndangering: false },
  { code: 'traffic', label: 'Færdselslovsovertrædelse', personEndangering: false },
  { code: 'other', label: 'Andet', personEndangering: false },
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number]['code'];
export const OFFENCE_CATEGORY_CODES: readonly OffenceCategory[] = OFFENCE_CATEGORIES.map((c) => c.code);

export function offenceCategoryLabel(code: OffenceCategory): string {
  return OFFENCE_CATEGORIES.find((c) => c.code === code)?.label ?? code;
}

/** The efforts (indsatser) a new vault starts with; users can add their own. */
export const DEFAULT_EFFORTS: readonly string[] = [
  'Den Korte Snor',
  'Fritidsjob',
  'Mentor',
  'Klub',
  'Spydspidsen',
  'Ny Start',
  'Exit',
  'Københavnerteamet',
  '18+ center',
  'Fritidsjob med mentor',
];

/**
 * SSP's age scope (a setting): a case is for a young person aged `minAge` to `maxAge` in whole
 * years on the day it opens. Opening one outside asks for a confirmation with a reason.
 */
export interface AgeScope {
  minAge: number;
  maxAge: number;
}
export const DEFAULT_AGE_SCOPE: AgeScope = { minAge: 10, maxAge: 25 };

/** The Danish question when `age` is outside the scope; null inside it. */
export function ageScopeQuestion(age: number, scope: AgeScope = DEFAULT_AGE_SCOPE): string | null {
  if (age >= scope.minAge && age <= scope.maxAge) return null;
  return `Den unge er ${age} år på oprettelsesdatoen. SSP dækker ${scope.minAge}-${scope.maxAge} år. Skriv en begrundelse for at oprette sagen alligevel.`;
}

/**
 * Months to the next review after a level change, by the new level *(design: the concern level
 * sets the pace; level 4 is followed monthly, 2-3 quarterly, 1 half-yearly)*. For levels 3-4 the
 * case page proposes the district ledergruppe's next meeting instead when there is one.
 */
export const REVIEW_MONTHS_BY_LEVEL: Readonly<Record<CaseLevel, number>> = { 1: 6, 2: 3, 3: 3, 4: 1 };
