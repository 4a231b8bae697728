/**
 * SSP forums (ledergrupper, lokaludvalg) and their meetings: partners, the agenda proposal, the
 * pseudonym shown on a shared screen, and the scrubbing of names from minutes. Pure functions on
 * ISO date strings; the services feed them rows from the vault.
 */
import { addDays, compare, type IsoDate } from '../core/dates';
import { initials } from '../core/names';
import type { CaseLevel, EventKind } from '../cases';

// ---------------------------------------------------------------------------------------------
// Partners and forum kinds

/** The partners in Copenhagen's SSP cooperation (DOMAIN.md), as stable codes with Danish labels. */
export const PARTNERS = [
  { code: 'sof', label: 'SOF' },
  { code: 'buf', label: 'BUF' },
  { code: 'bif', label: 'BIF' },
  { code: 'kff', label: 'KFF' },
  { code: 'okf', label: 'ØKF' },
  { code: 'police', label: 'Politi' },
  { code: 'probation', label: 'Kriminalforsorgen' },
  { code: 'other', label: 'Anden' },
] as const;
export type Partner = (typeof PARTNERS)[number]['code'];
export const PARTNER_CODES: readonly Partner[] = PARTNERS.map((p) => p.code);

export function partnerLabel(code: string): string {
  return PARTNERS.find((p) => p.code === code)?.label ?? code;
}

export const FORUM_KINDS = [
  { code: 'leader-group', label: 'SSP-ledergruppe', levels: [3, 4] },
  { code: 'local-committee', label: 'SSP-lokaludvalg', levels: [1, 2] },
] as const;
export type ForumKind = (typeof FORUM_KINDS)[number]['code'];
export const FORUM_KIND_CODES: readonly ForumKind[] = FORUM_KINDS.map((k) => k.code);

export function forumKindLabel(kind: string): string {
  return FORUM_KINDS.find((k) => k.code === kind)?.label ?? kind;
}

/** The case levels a forum discusses: 3-4 in a ledergruppe, 1-2 in a lokaludvalg (DOMAIN.md). */
export function forumLevels(kind: ForumKind): readonly CaseLevel[] {
  return FORUM_KINDS.find((k) => k.code === kind)?.levels ?? [3, 4];
}

/** The name a seeded ledergruppe gets for a district. */
export function defaultLeaderGroupName(districtName: string): string {
  return `SSP-ledergruppe ${districtName}`;
}

// ---------------------------------------------------------------------------------------------
// Agenda proposal

/**
 * (design) Without a previous meeting of the forum, the agenda looks back this many days from
 * the meeting date. Configurable per vault (setting `meetings.agendaLookbackDays`).
 */
export const DEFAULT_AGENDA_LOOKBACK_DAYS = 90;
export const MIN_AGENDA_LOOKBACK_DAYS = 1;
export const MAX_AGENDA_LOOKBACK_DAYS = 730;

/**
 * The period "since the forum's previous meeting" for a meeting on `meetingDate`: dates strictly
 * after `after` and on or before `through` (the meeting date). `after` is the previous meeting's
 * date (a meeting earlier than this one; several on one day count as one), or, with none, the
 * meeting date minus the look-back days. So a change on the previous meeting's own day belongs to
 * that meeting, and one on this meeting's day to this one.
 */
export interface AgendaWindow {
  after: IsoDate;
  through: IsoDate;
}

export function agendaWindow(meetingDate: IsoDate, previousMeetingDate: IsoDate | null, lookbackDays = DEFAULT_AGENDA_LOOKBACK_DAYS): AgendaWindow {
  if (!Number.isInteger(lookbackDays) || lookbackDays < MIN_AGENDA_LOOKBACK_DAYS) throw new RangeError('Antal dage skal være et helt tal på mindst 1.');
  if (previousMeetingDate !== null && compare(previousMeetingDate, meetingDate) >= 0) {
    throw new RangeError('Det forrige møde skal ligge før mødet.');
  }
  return { after: previousMeetingDate ?? addDays(meetingDate, -lookbackDays), through: meetingDate };
}

export function inWindow(date: IsoDate, w: AgendaWindow): boolean {
  return compare(date, w.after) > 0 && compare(date, w.through) <= 0;
}

export const AGENDA_REASONS = [
  { code: 'review-due', label: 'Opfølgning forfalden' },
  { code: 'level-changed', label: 'Nyt eller ændret niveau' },
  { code: 'charged', label: 'Ny sigtelse' },
  { code: 'action-due', label: 'Åben handling med frist' },
] as const;
export type AgendaReason = (typeof AGENDA_REASONS)[number]['code'];
export const AGENDA_REASON_CODES: readonly AgendaReason[] = AGENDA_REASONS.map((r) => r.code);

export function agendaReasonLabel(code: string): string {
  return AGENDA_REASONS.find((r) => r.code === code)?.label ?? code;
}

/** What the proposal needs to know about a case. */
export interface AgendaCandidate {
  id: number;
  caseNumber: string;
  status: 'open' | 'closed';
  level: CaseLevel;
  districtId: number | null;
  nextReviewOn: IsoDate | null;
  /** Dates of the case's level history entries (opening and reopening included). */
  levelChangeDates: readonly IsoDate[];
  /** Dates of the case's charges (sigtelser). */
  chargeDates: readonly IsoDate[];
  /** Deadlines of the case's open actions agreed at meetings (meeting_actions, status open). */
  openActionDeadlines?: readonly IsoDate[];
}

export interface ProposedItem {
  caseId: number;
  reasons: AgendaReason[];
}

/**
 * The automatic agenda: open cases at the forum's levels in the forum's districts that
 * - have their next review on or before the meeting date (overdue included), or
 * - got a level history entry in the window (a new case, a reopening or a changed level), or
 * - got a charge in the window, or
 * - has an open action agreed at a meeting with its deadline on or before the meeting date.
 * Highest level first, then by case number.
 */
export function proposeAgenda(
  candidates: readonly AgendaCandidate[],
  forum: { levels: readonly CaseLevel[]; districtIds: readonly number[] },
  window: AgendaWindow,
): ProposedItem[] {
  const districts = new Set(forum.districtIds);
  const levels = new Set(forum.levels);
  const hits: (ProposedItem & { level: CaseLevel; caseNumber: string })[] = [];
  for (const c of candidates) {
    if (c.status !== 'open' || !levels.has(c.level) || c.districtId === null || !districts.has(c.districtId)) continue;
    const reasons: AgendaReason[] = [];
    if (c.nextReviewOn !== null && compare(c.nextReviewOn, window.through) <= 0) reasons.push('review-due');
    if (c.levelChangeDates.some((d) => inWindow(d, window))) reasons.push('level-changed');
    if (c.chargeDates.some((d) => inWindow(d, window))) reasons.push('charged');
    if ((c.openActionDeadlines ?? []).some((d) => compare(d, window.through) <= 0)) reasons.push('action-due');
    if (reasons.length) hits.push({ caseId: c.id, reasons, level: c.level, caseNumber: c.caseNumber });
  }
  hits.sort((a, b) => b.level - a.level || (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
  return hits.map(({ caseId, reasons }) => ({ caseId, reasons }));
}

// ---------------------------------------------------------------------------------------------
// What a shared screen may show

/** The pseudonym on a projected screen and in minutes: initials and case number, e.g. "ÅP · 2026-00001". */
export function pseudonym(firstName: string, lastName: string, caseNumber: string): string {
  const i = initials(firstName, lastName);
  return i ? `${i} · ${caseNumber}` : caseNumber;
}

/** Events per kind in the window, in the vocabulary's order, kinds without events left out. */
export function countEventsByKind(events: readonly { kind: string; occurredOn: IsoDate }[], window: AgendaWindow, order: readonly EventKind[]): { kind: EventKind; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) if (inWindow(e.occurredOn, window)) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return order.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Remove a person's names and CPR number from free text written at a meeting (reasons, notes,
 * actions) before it goes into minutes that may not show names: each name part (at least two
 * letters) as a whole word, any letter case, becomes `replacement`; the CPR number, with or
 * without hyphen, becomes "[CPR]". Also removes any other text shaped like a CPR number.
 */
export function scrubPersonalData(text: string, person: { firstName: string; lastName: string; cpr?: string | null }, replacement: string): string {
  let out = text.replace(/(?<!\d)\d{6}-?\d{4}(?!\d)/g, '[CPR]');
  const parts = `${person.firstName} ${person.lastName}`
    .split(/[\s-]+/)
    .map((p) => p.trim())
    .filter((p) => [...p].length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const part of parts) {
    // Whole words in any script: not preceded or followed by a letter or digit.
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(re, replacement);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Privacy levels of the shared screen and the minutes

/**
 * How a young person appears on the shared screen and in the minutes (when the forum does not
 * show names), from least to most private:
 * - 'initials': initials, case number and exact age ("ML · 2026-00012", "13 år"), as before;
 * - 'age-band': initials and case number, the age as a band ("12-14 år");
 * - 'case-number': only the case number, the age as a band.
 * Chosen per forum and, where a meeting needs it, per meeting. A new forum starts at the most
 * private level its kind's terms of reference allow (setting `meetings.privacyDefaults`).
 */
export const PRIVACY_LEVELS = [
  { code: 'initials', label: 'Initialer, sagsnummer og alder' },
  { code: 'age-band', label: 'Initialer, sagsnummer og aldersgruppe' },
  { code: 'case-number', label: 'Kun sagsnummer og aldersgruppe' },
] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number]['code'];
export const PRIVACY_LEVEL_CODES: readonly PrivacyLevel[] = PRIVACY_LEVELS.map((p) => p.code);
/** The most private level: what a forum gets when nothing else is set. */
export const MOST_PRIVATE_LEVEL: PrivacyLevel = 'case-number';

export function privacyLevelLabel(code: string): string {
  return PRIVACY_LEVELS.find((p) => p.code === code)?.label ?? code;
}

/**
 * (design) Age bands follow the legal thresholds that matter to the forums: the age of criminal
 * responsibility (15) and majority (18); above 24 the SSP+ age scope ends.
 */
export function ageBand(age: number): string {
  if (age < 12) return 'under 12 år';
  if (age <= 14) return '12-14 år';
  if (age <= 17) return '15-17 år';
  if (age <= 24) return '18-24 år';
  return '25 år eller ældre';
}

/** The label of a case at a privacy level: initials and case number, or the case number alone. */
export function caseLabelAt(level: PrivacyLevel, firstName: string, lastName: string, caseNumber: string): string {
  return level === 'case-number' ? caseNumber : pseudonym(firstName, lastName, caseNumber);
}

/** The age at a privacy level: exact only at 'initials', otherwise the band. */
export function ageAt(level: PrivacyLevel, age: number): { age: number | null; ageBand: string | null } {
  return level === 'initials' ? { age, ageBand: null } : { age: null, ageBand: ageBand(age) };
}

/**
 * Replaces each of `strings` (a person's school, contacts' names and phone numbers) wherever it
 * occurs in `text`, case-insensitively; for the minutes' free text, as a safety net.
 */
export function scrubStrings(text: string, strings: readonly string[], replacement: string): string {
  let out = text;
  for (const s of strings) out = out.replace(new RegExp(escapeRegExp(s), 'giu'), replacement);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The projector window

/**
 * The window name the control view opens the audience window with (window.open('', name)). The
 * Electron shell lets the main window open exactly this one window, full screen on the external
 * display when there is one (src/main/electron/projection-window.ts).
 */
export const PROJECTION_WINDOW_NAME = 'ssp-projection';
