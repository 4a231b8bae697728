import { describe, expect, it } from 'vitest';
import {
  CASE_LEVELS,
  CLOSING_REASON_CODES,
  DEFAULT_EFFORTS,
  DEFAULT_FORUMS,
  EVENT_KIND_CODES,
  OFFENCE_CATEGORIES,
  closingReasonLabel,
  defaultForum,
  eventKindLabel,
  isCaseLevel,
  isEffortEvent,
  levelAt,
  levelLabel,
  offenceCategoryLabel,
  parseClosingReason,
  type LevelChange,
} from '../../src/shared/cases/levels';

describe('levels', () => {
  it('has four levels with Danish labels', () => {
    expect(CASE_LEVELS).toEqual([1, 2, 3, 4]);
    expect(levelLabel(1)).toBe('Bekymrende adfærd');
    expect(levelLabel(2)).toBe('Sigtet / førstegangskriminalitet');
    expect(levelLabel(3)).toBe('Gentagen alvorlig kriminalitet');
    expect(levelLabel(4)).toBe('Personfarlig kriminalitet');
  });
  it('recognises levels', () => {
    expect(isCaseLevel(1)).toBe(true);
    expect(isCaseLevel(4)).toBe(true);
    expect(isCaseLevel(0)).toBe(false);
    expect(isCaseLevel(5)).toBe(false);
    expect(isCaseLevel('3')).toBe(false);
    expect(isCaseLevel(2.5)).toBe(false);
  });
});

describe('defaultForum', () => {
  it('gives the default forum per level', () => {
    expect(defaultForum(1)).toBe('BUF / lokaludvalg');
    expect(defaultForum(2)).toBe('SOF / lokaludvalg');
    expect(defaultForum(3)).toBe('SSP-ledergruppe');
    expect(defaultForum(4)).toBe('SSP-ledergruppe');
    expect(DEFAULT_FORUMS[3]).toBe('SSP-ledergruppe');
  });
  it('takes overrides per level and falls back for the rest', () => {
    const overrides = { 3: 'Koordinationsgruppen', 4: 'Koordinationsgruppen' };
    expect(defaultForum(3, overrides)).toBe('Koordinationsgruppen');
    expect(defaultForum(4, overrides)).toBe('Koordinationsgruppen');
    expect(defaultForum(1, overrides)).toBe('BUF / lokaludvalg');
    expect(defaultForum(2, {})).toBe('SOF / lokaludvalg');
  });
});

describe('levelAt', () => {
  const history: LevelChange[] = [
    { date: '2025-03-01', level: 1 },
    { date: '2025-09-15', level: 3 },
    { date: '2026-01-10', level: 2 },
  ];
  it('is null before the first change', () => {
    expect(levelAt(history, '2025-02-28')).toBeNull();
    expect(levelAt([], '2026-01-01')).toBeNull();
  });
  it('takes the latest change on or before the date', () => {
    expect(levelAt(history, '2025-03-01')).toBe(1);
    expect(levelAt(history, '2025-09-14')).toBe(1);
    expect(levelAt(history, '2025-09-15')).toBe(3);
    expect(levelAt(history, '2026-01-09')).toBe(3);
    expect(levelAt(history, '2026-01-10')).toBe(2);
    expect(levelAt(history, '2030-01-01')).toBe(2);
  });
  it('does not need a sorted array', () => {
    const shuffled: LevelChange[] = [
      { date: '2026-01-10', level: 2 },
      { date: '2025-03-01', level: 1 },
      { date: '2025-09-15', level: 3 },
    ];
    expect(levelAt(shuffled, '2025-12-31')).toBe(3);
    expect(levelAt(shuffled, '2026-02-01')).toBe(2);
  });
  it('lets the later entry win on the same date', () => {
    const sameDay: LevelChange[] = [
      { date: '2025-03-01', level: 1 },
      { date: '2025-05-05', level: 4 },
      { date: '2025-05-05', level: 2 },
    ];
    expect(levelAt(sameDay, '2025-05-05')).toBe(2);
    expect(levelAt(sameDay, '2025-05-04')).toBe(1);
    const sameDayReversed: LevelChange[] = [
      { date: '2025-05-05', level: 2 },
      { date: '2025-05-05', level: 4 },
      { date: '2025-03-01', level: 1 },
    ];
    expect(levelAt(sameDayReversed, '2025-06-01')).toBe(4);
  });
});

describe('closing reasons', () => {
  it('has the fixed list', () => {
    expect(CLOSING_REASON_CODES).toEqual([
      'concern-ended', 'to-ssp-plus', 'to-adult-services', 'to-social-services', 'moved', 'other',
    ]);
    expect(closingReasonLabel('concern-ended')).toBe('Ophørt bekymring');
    expect(closingReasonLabel('to-ssp-plus')).toBe('Overgået til SSP+');
    expect(closingReasonLabel('to-adult-services')).toBe('Overgået til voksenområdet');
    expect(closingReasonLabel('to-social-services')).toBe('Overgået til socialforvaltningen');
    expect(closingReasonLabel('moved')).toBe('Fraflyttet');
    expect(closingReasonLabel('other')).toBe('Andet');
  });
  it.each([
    ['Ophørt bekymring', 'concern-ended'],
    ['  OPHØRT   bekymring ', 'concern-ended'],
    ['ophørtbekymring', 'concern-ended'],
    ['ophørt\tbekymring', 'concern-ended'],
    ['overgået til SSP+', 'to-ssp-plus'],
    ['Overgået til SSP +', 'to-ssp-plus'],
    ['OVERGÅET TIL VOKSENOMRÅDET', 'to-adult-services'],
    ['overgået til socialforvaltningen', 'to-social-services'],
    ['FRAFLYTTET', 'moved'],
    ['andet', 'other'],
    ['to-ssp-plus', 'to-ssp-plus'],
    ['Moved', 'moved'],
  ])('parses %j', (text, code) => {
    expect(parseClosingReason(text)).toBe(code);
  });
  it('parses decomposed å', () => {
    expect(parseClosingReason('Overga\u030aet til SSP+')).toBe('to-ssp-plus');
  });
  it.each(['', '   ', 'ophørt', 'overgaaet til SSP+', 'lukket'])('does not parse %j', (text) => {
    expect(parseClosingReason(text)).toBeNull();
  });
});

describe('events, offences and efforts', () => {
  it('has the event kinds with Danish labels', () => {
    expect(EVENT_KIND_CODES).toEqual([
      'concern', 'charge', 'interview', 'remand', 'effort-offered', 'effort-started', 'effort-ended',
    ]);
    expect(eventKindLabel('concern')).toBe('Bekymring');
    expect(eventKindLabel('charge')).toBe('Sigtelse');
    expect(eventKindLabel('interview')).toBe('Afhøring');
    expect(eventKindLabel('remand')).toBe('Fremstillet i dommervagten');
    expect(eventKindLabel('effort-offered')).toBe('Indsats tilbudt');
    expect(eventKindLabel('effort-started')).toBe('Indsats startet');
    expect(eventKindLabel('effort-ended')).toBe('Indsats afsluttet');
    expect(isEffortEvent('effort-started')).toBe(true);
    expect(isEffortEvent('charge')).toBe(false);
  });
  it('has offence categories with unique codes', () => {
    const codes = OFFENCE_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(offenceCategoryLabel('violence')).toBe('Vold');
    expect(offenceCategoryLabel('robbery')).toBe('Røveri');
    expect(offenceCategoryLabel('other')).toBe('Andet');
  });
  it('has the default efforts', () => {
    expect(DEFAULT_EFFORTS).toEqual(['Den Korte Snor', 'Fritidsjob', 'Mentor', 'Klub', 'Spydspidsen', 'Ny Start', 'Exit', 'Københavnerteamet', '18+ center', 'Fritidsjob med mentor']);
  });
});
