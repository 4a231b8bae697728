/**
 * Release coordination (den gode løsladelse): the timeline of one custody period, computed
 * from its dates, the milestones already done and a reference date. Pure; the periods and
 * windows are configuration (DOMAIN.md marks several of them as design choices).
 */
import { addDays, addMonths, compare, type IsoDate } from '../core/dates';

export * from './checklist';

export type CustodyType = 'afsoning' | 'varetaegt';

export interface CustodyPeriod {
  /** afsoning = serving a sentence; varetaegt = remand in custody. */
  type: CustodyType;
  imprisonedOn: IsoDate;
  expectedReleaseOn: IsoDate | null;
  paroleOn: IsoDate | null;
  /** Set once the young person has actually been released. */
  releasedOn: IsoDate | null;
}

export const MILESTONE_KEYS = [
  'handleplan',
  'municipality-contact',
  'release-meeting',
  'parole-decision',
  'release',
  'followup-3',
  'followup-6',
  'followup-12',
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const MILESTONE_LABELS: Readonly<Record<MilestoneKey, string>> = {
  handleplan: 'Handleplan',
  'municipality-contact': 'Kommunen kontaktet',
  'release-meeting': 'Løsladelsesmøde',
  'parole-decision': 'Afgørelse om prøveløsladelse',
  release: 'Løsladelse',
  'followup-3': 'Opfølgning efter 3 måneder',
  'followup-6': 'Opfølgning efter 6 måneder',
  'followup-12': 'Opfølgning efter 12 måneder',
};

export type MilestoneState = 'done' | 'due' | 'overdue' | 'not-applicable' | 'upcoming';

export interface Milestone {
  key: MilestoneKey;
  label: string;
  /** The deadline (for a window: its last day). null when no date can be computed yet. */
  dueOn: IsoDate | null;
  /** First day of the window, for milestones that are due over a period. */
  windowStart?: IsoDate;
  state: MilestoneState;
  /** When it was done, if it was. */
  doneOn?: IsoDate;
}

/** Milestones recorded as done, with the date each was done. */
export type DoneMilestones = Partial<Record<MilestoneKey, IsoDate>>;

export interface ReleaseTimelineConfig {
  /** Action plan (handleplan) due this many weeks after imprisonment. */
  handleplanWeeks: number;
  /** A sentence (imprisonment to earliest release) at least this long is "long". */
  longSentenceMonths: number;
  /** For a long sentence, contact the municipality this many months before earliest release. */
  municipalityContactMonths: number;
  /** Release meeting between `from` and `to` months before earliest release. */
  meetingWindowMonths: { from: number; to: number };
  /** Parole decision due this many weeks before the parole date. */
  paroleDecisionWeeks: number;
  /** A point milestone becomes 'due' this many days before its date. */
  dueSoonDays: number;
}

export const DEFAULT_RELEASE_CONFIG: ReleaseTimelineConfig = {
  handleplanWeeks: 4,
  longSentenceMonths: 12,
  municipalityContactMonths: 12,
  meetingWindowMonths: { from: 3, to: 1 },
  paroleDecisionWeeks: 4,
  dueSoonDays: 14,
};

/** Parole date when set, else the expected release date; null when neither is known. */
export function plannedRelease(custody: CustodyPeriod): IsoDate | null {
  return custody.paroleOn ?? custody.expectedReleaseOn;
}

/**
 * The earliest release the timeline counts from: the actual release date once it happened,
 * else the planned one (parole, else expected).
 */
export function earliestRelease(custody: CustodyPeriod): IsoDate | null {
  return custody.releasedOn ?? plannedRelease(custody);
}

/**
 * True for a sentence (afsoning, not remand) whose length from imprisonment to earliest release
 * is at least longSentenceMonths: imprisonedOn + longSentenceMonths <= earliest release.
 */
export function isLongSentence(custody: CustodyPeriod, config: ReleaseTimelineConfig = DEFAULT_RELEASE_CONFIG): boolean {
  const release = earliestRelease(custody);
  if (custody.type !== 'afsoning' || release === null) return false;
  return compare(addMonths(custody.imprisonedOn, config.longSentenceMonths), release) <= 0;
}

/** Danish problems with the dates of a custody period; empty when consistent. */
export function custodyProblems(custody: CustodyPeriod): string[] {
  const problems: string[] = [];
  const before = (d: IsoDate | null) => d !== null && compare(d, custody.imprisonedOn) < 0;
  if (before(custody.expectedReleaseOn)) problems.push('Forventet løsladelse ligger før indsættelsen.');
  if (before(custody.paroleOn)) problems.push('Datoen for prøveløsladelse ligger før indsættelsen.');
  if (before(custody.releasedOn)) problems.push('Løsladelsesdatoen ligger før indsættelsen.');
  if (custody.paroleOn !== null && custody.expectedReleaseOn !== null && compare(custody.paroleOn, custody.expectedReleaseOn) > 0) {
    problems.push('Datoen for prøveløsladelse ligger efter forventet løsladelse.');
  }
  if (custody.type === 'varetaegt' && custody.paroleOn !== null) {
    problems.push('Varetægtsfængslede kan ikke prøveløslades; fjern datoen for prøveløsladelse.');
  }
  return problems;
}

interface Draft {
  key: MilestoneKey;
  dueOn: IsoDate | null;
  windowStart?: IsoDate;
  applicable: boolean;
}

/**
 * The milestones of one custody period on refDate, in MILESTONE_KEYS order.
 *
 * Dates (E = earliest release, see earliestRelease):
 * - handleplan: window from imprisonment to imprisonment + handleplanWeeks.
 * - municipality-contact: E - municipalityContactMonths; only for a long sentence (isLongSentence).
 * - release-meeting: window [E - from months, E - to months]; n/a while E is unknown.
 * - parole-decision: paroleOn - paroleDecisionWeeks; n/a without a parole date.
 * - release: E (done once releasedOn is set).
 * - followup-3/6/12: releasedOn + 3/6/12 months; before the release they are computed from the
 *   planned release and stay 'upcoming'.
 * State on refDate, first match wins: 'done' if recorded in `done` (or, for release, releasedOn
 * set); 'not-applicable'; 'upcoming' without a date; 'overdue' if refDate > dueOn; 'due' from the
 * window start (windows) or from dueOn - dueSoonDays (point milestones) up to dueOn; else 'upcoming'.
 */
export function releaseTimeline(
  custody: CustodyPeriod,
  refDate: IsoDate,
  done: DoneMilestones = {},
  config: Partial<ReleaseTimelineConfig> = {},
): Milestone[] {
  const cfg: ReleaseTimelineConfig = { ...DEFAULT_RELEASE_CONFIG, ...config };
  const release = earliestRelease(custody);
  const longSentence = isLongSentence(custody, cfg);

  const drafts: Draft[] = [
    {
      key: 'handleplan',
      dueOn: addDays(custody.imprisonedOn, cfg.handleplanWeeks * 7),
      windowStart: custody.imprisonedOn,
      applicable: true,
    },
    {
      key: 'municipality-contact',
      dueOn: longSentence && release !== null ? addMonths(release, -cfg.municipalityContactMonths) : null,
      applicable: longSentence,
    },
    release === null
      ? { key: 'release-meeting', dueOn: null, applicable: false }
      : {
          key: 'release-meeting',
          dueOn: addMonths(release, -cfg.meetingWindowMonths.to),
          windowStart: addMonths(release, -cfg.meetingWindowMonths.from),
          applicable: true,
        },
    {
      key: 'parole-decision',
      dueOn: custody.paroleOn === null ? null : addDays(custody.paroleOn, -cfg.paroleDecisionWeeks * 7),
      applicable: custody.paroleOn !== null,
    },
    { key: 'release', dueOn: release, applicable: true },
    ...([3, 6, 12] as const).map(
      (months): Draft => ({
        key: `followup-${months}`,
        dueOn: release === null ? null : addMonths(release, months),
        applicable: true,
      }),
    ),
  ];

  return drafts.map((d) => {
    const doneOn = d.key === 'release' ? (custody.releasedOn ?? done.release) : done[d.key];
    const isFollowUp = d.key.startsWith('followup-');
    const milestone: Milestone = { key: d.key, label: MILESTONE_LABELS[d.key], dueOn: d.dueOn, state: 'upcoming' };
    if (d.windowStart !== undefined) milestone.windowStart = d.windowStart;
    if (doneOn !== undefined) milestone.doneOn = doneOn;
    milestone.state = stateOn(d, doneOn, isFollowUp && custody.releasedOn === null, refDate, cfg.dueSoonDays);
    return milestone;
  });
}

function stateOn(d: Draft, doneOn: IsoDate | undefined, notYet: boolean, refDate: IsoDate, dueSoonDays: number): MilestoneState {
  if (doneOn !== undefined) return 'done';
  if (!d.applicable) return 'not-applicable';
  if (d.dueOn === null || notYet) return 'upcoming';
  if (compare(refDate, d.dueOn) > 0) return 'overdue';
  const start = d.windowStart ?? addDays(d.dueOn, -dueSoonDays);
  return compare(refDate, start) >= 0 ? 'due' : 'upcoming';
}

// ---------------------------------------------------------------------------------------------
// Field-level checks and vocabulary (used by the service and, for live messages, the screens)

export type CustodyDateField = 'imprisonedOn' | 'expectedReleaseOn' | 'paroleOn' | 'releasedOn';

/**
 * The date problems of a custody period as Danish messages per field (empty when consistent):
 * imprisonment and actual release not after refDate (today), expected release, parole and
 * actual release not before imprisonment, parole not after expected release, no parole on
 * remand. The first problem of a field wins.
 */
export function custodyFieldProblems(custody: CustodyPeriod, refDate: IsoDate): Partial<Record<CustodyDateField, string>> {
  const out: Partial<Record<CustodyDateField, string>> = {};
  const put = (field: CustodyDateField, message: string) => {
    out[field] ??= message;
  };
  const before = (d: IsoDate | null, floor: IsoDate) => d !== null && compare(d, floor) < 0;
  if (compare(custody.imprisonedOn, refDate) > 0) put('imprisonedOn', 'Indsættelsen kan ikke ligge i fremtiden.');
  if (before(custody.expectedReleaseOn, custody.imprisonedOn)) put('expectedReleaseOn', 'Forventet løsladelse kan ikke ligge før indsættelsen.');
  if (custody.type === 'varetaegt' && custody.paroleOn !== null) put('paroleOn', 'Varetægtsfængslede kan ikke prøveløslades. Fjern datoen.');
  if (before(custody.paroleOn, custody.imprisonedOn)) put('paroleOn', 'Prøveløsladelsen kan ikke ligge før indsættelsen.');
  if (custody.paroleOn !== null && custody.expectedReleaseOn !== null && compare(custody.paroleOn, custody.expectedReleaseOn) > 0) {
    put('paroleOn', 'Prøveløsladelsen kan ikke ligge efter forventet løsladelse.');
  }
  if (before(custody.releasedOn, custody.imprisonedOn)) put('releasedOn', 'Løsladelsen kan ikke ligge før indsættelsen.');
  if (custody.releasedOn !== null && compare(custody.releasedOn, refDate) > 0) {
    put('releasedOn', 'Løsladelsen kan ikke ligge i fremtiden. Registrér den, når den er sket.');
  }
  return out;
}

export const CUSTODY_TYPES = [
  { code: 'afsoning', label: 'Afsoning' },
  { code: 'varetaegt', label: 'Varetægt' },
] as const;
export const CUSTODY_TYPE_CODES: readonly CustodyType[] = CUSTODY_TYPES.map((c) => c.code);

export const INSTITUTION_KINDS = [
  { code: 'prison', label: 'Fængsel' },
  { code: 'arresthus', label: 'Arresthus' },
  { code: 'remand', label: 'Varetægtsfængsel' },
  { code: 'youth', label: 'Sikret ungdomsinstitution' },
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number]['code'];
export const INSTITUTION_KIND_CODES: readonly InstitutionKind[] = INSTITUTION_KINDS.map((k) => k.code);

/** The partners around a release meeting. */
export const RELEASE_PARTNERS = [
  { code: 'kriminalforsorgen', label: 'Kriminalforsorgen' },
  { code: 'institution', label: 'Institutionen' },
  { code: 'sof', label: 'SOF' },
  { code: 'jobcenter', label: 'Jobcenter' },
  { code: 'housing', label: 'Bolig' },
  { code: 'pensionat', label: 'Pensionat' },
  { code: 'young-person', label: 'Den unge' },
  { code: 'family', label: 'Familie' },
  { code: 'other', label: 'Andre' },
] as const;
export type ReleasePartner = (typeof RELEASE_PARTNERS)[number]['code'];
export const RELEASE_PARTNER_CODES: readonly ReleasePartner[] = RELEASE_PARTNERS.map((p) => p.code);

/** Several meetings per custody period: a planning meeting, a final one, others. */
export const RELEASE_MEETING_KINDS = [
  { code: 'planning', label: 'Planlægningsmøde' },
  { code: 'final', label: 'Afsluttende møde' },
  { code: 'other', label: 'Andet møde' },
] as const;
export type ReleaseMeetingKind = (typeof RELEASE_MEETING_KINDS)[number]['code'];
export const RELEASE_MEETING_KIND_CODES: readonly ReleaseMeetingKind[] = RELEASE_MEETING_KINDS.map((k) => k.code);

/** Milestones the coordinator records by hand; the others follow from meetings, release and follow-ups. */
export const RECORDED_MILESTONES = ['handleplan', 'municipality-contact', 'parole-decision'] as const satisfies readonly MilestoneKey[];
export type RecordedMilestone = (typeof RECORDED_MILESTONES)[number];
