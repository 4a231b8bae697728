import { describe, expect, it } from 'vitest';
import {
  agendaWindow,
  countEventsByKind,
  forumLevels,
  inWindow,
  partnerLabel,
  proposeAgenda,
  pseudonym,
  scrubPersonalData,
  PARTNER_CODES,
  type AgendaCandidate,
} from '../../src/shared/leader-meetings/rules';
import { EVENT_KIND_CODES } from '../../src/shared/cases/levels';

describe('partners and forum kinds', () => {
  it('has the Copenhagen partners with Danish labels', () => {
    expect(PARTNER_CODES).toEqual(['sof', 'buf', 'bif', 'kff', 'okf', 'police', 'probation', 'other']);
    expect(partnerLabel('okf')).toBe('ØKF');
    expect(partnerLabel('probation')).toBe('Kriminalforsorgen');
    expect(partnerLabel('police')).toBe('Politi');
  });
  it('a ledergruppe discusses levels 3-4, a lokaludvalg 1-2', () => {
    expect(forumLevels('leader-group')).toEqual([3, 4]);
    expect(forumLevels('local-committee')).toEqual([1, 2]);
  });
});

describe('agendaWindow', () => {
  it('runs from after the previous meeting through the meeting date', () => {
    const w = agendaWindow('2026-11-20', '2026-09-15');
    expect(w).toEqual({ after: '2026-09-15', through: '2026-11-20' });
    expect(inWindow('2026-09-15', w)).toBe(false);
    expect(inWindow('2026-09-16', w)).toBe(true);
    expect(inWindow('2026-11-20', w)).toBe(true);
    expect(inWindow('2026-11-21', w)).toBe(false);
  });
  it('looks back 90 days without a previous meeting, or the configured number', () => {
    // 2026-11-20 - 30 = 10-21, - 60 = 09-21, - 90 = 08-22 (September has 30 days).
    expect(agendaWindow('2026-11-20', null)).toEqual({ after: '2026-08-22', through: '2026-11-20' });
    expect(agendaWindow('2026-11-20', null, 60)).toEqual({ after: '2026-09-21', through: '2026-11-20' });
    // Across a leap day: 2028-03-01 - 2 days = 2028-02-28.
    expect(agendaWindow('2028-03-01', null, 2)).toEqual({ after: '2028-02-28', through: '2028-03-01' });
  });
  it('refuses a previous meeting on or after the meeting and a bad look-back', () => {
    expect(() => agendaWindow('2026-11-20', '2026-11-20')).toThrow(RangeError);
    expect(() => agendaWindow('2026-11-20', '2026-12-01')).toThrow(RangeError);
    expect(() => agendaWindow('2026-11-20', null, 0)).toThrow(RangeError);
    expect(() => agendaWindow('2026-11-20', null, 1.5)).toThrow(RangeError);
  });
});

describe('proposeAgenda', () => {
  const w = { after: '2026-09-15', through: '2026-11-20' };
  const forum = { levels: [3, 4] as const, districtIds: [5, 6] };
  const base: AgendaCandidate = { id: 0, caseNumber: '', status: 'open', level: 3, districtId: 5, nextReviewOn: null, levelChangeDates: ['2026-01-01'], chargeDates: [] };
  const c = (id: number, over: Partial<AgendaCandidate>): AgendaCandidate => ({ ...base, id, caseNumber: `2026-${String(id).padStart(5, '0')}`, ...over });

  it('takes exactly the due, changed and charged cases, highest level first', () => {
    const candidates = [
      c(1, { nextReviewOn: '2026-11-20' }), // review due on the meeting day
      c(2, { level: 4, districtId: 6, chargeDates: ['2026-10-01'] }), // charged in the window
      c(3, { levelChangeDates: ['2026-03-01', '2026-09-15'] }), // changed on the previous meeting's day: not since
      c(4, { levelChangeDates: ['2026-03-01', '2026-09-16'] }), // changed the day after
      c(5, { level: 2, nextReviewOn: '2026-11-01' }), // level 2: not for a ledergruppe
      c(6, { level: 4, districtId: 3, nextReviewOn: '2026-11-01' }), // another district
      c(7, { status: 'closed', nextReviewOn: '2026-10-01' }), // closed
      c(8, { chargeDates: ['2026-11-21'] }), // charged after the meeting
      c(9, { level: 4, levelChangeDates: ['2026-10-05'] }), // new case in the window
      c(10, { nextReviewOn: '2026-11-21' }), // review after the meeting
      c(11, { districtId: 6, nextReviewOn: '2026-08-01', chargeDates: ['2026-09-15'] }), // overdue; charge on the boundary does not count
      c(12, { districtId: null, nextReviewOn: '2026-08-01' }), // no district
    ];
    expect(proposeAgenda(candidates, forum, w)).toEqual([
      { caseId: 2, reasons: ['charged'] },
      { caseId: 9, reasons: ['level-changed'] },
      { caseId: 1, reasons: ['review-due'] },
      { caseId: 4, reasons: ['level-changed'] },
      { caseId: 11, reasons: ['review-due'] },
    ]);
  });

  it('lists every reason that applies', () => {
    expect(proposeAgenda([c(1, { nextReviewOn: '2026-10-01', levelChangeDates: ['2026-10-01'], chargeDates: ['2026-09-30'] })], forum, w)).toEqual([
      { caseId: 1, reasons: ['review-due', 'level-changed', 'charged'] },
    ]);
  });
});

describe('pseudonym and event counts', () => {
  it('shows initials and the case number only', () => {
    expect(pseudonym('Åse', 'Prøvegård', '2026-00001')).toBe('ÅP · 2026-00001');
    expect(pseudonym('  ', '', '2026-00002')).toBe('2026-00002');
  });
  it('counts events in the window per kind, in the vocabulary order', () => {
    const w = { after: '2026-09-15', through: '2026-11-20' };
    const events = [
      { kind: 'interview', occurredOn: '2026-10-01' },
      { kind: 'charge', occurredOn: '2026-10-01' },
      { kind: 'charge', occurredOn: '2026-11-20' },
      { kind: 'charge', occurredOn: '2026-09-15' }, // before the window
      { kind: 'concern', occurredOn: '2026-11-21' }, // after
    ];
    expect(countEventsByKind(events, w, EVENT_KIND_CODES)).toEqual([
      { kind: 'charge', count: 2 },
      { kind: 'interview', count: 1 },
    ]);
  });
});

describe('scrubPersonalData', () => {
  const person = { firstName: 'Åse Marie', lastName: 'Prøvegård-Hansen', cpr: '010110-1234' };
  it('replaces each name part as a whole word in any case, and CPR-shaped numbers', () => {
    expect(scrubPersonalData('Åse og ÅSE marie prøvegård-hansen (0101101234) mødte op.', person, 'ÅP')).toBe('ÅP og ÅP ÅP ÅP-ÅP ([CPR]) mødte op.');
    expect(scrubPersonalData('CPR 010110-1234 og 311299-9999', person, 'ÅP')).toBe('CPR [CPR] og [CPR]');
  });
  it('leaves words that only contain a name part alone', () => {
    expect(scrubPersonalData('Hansens kiosk og Åsebakken', person, 'ÅP')).toBe('Hansens kiosk og Åsebakken');
    expect(scrubPersonalData('Sagsnummer 2026-00001 og telefon 12345678', person, 'ÅP')).toBe('Sagsnummer 2026-00001 og telefon 12345678');
  });
});
