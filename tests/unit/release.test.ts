import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_ITEM_CODES,
  CHECKLIST_STATUS_CODES,
  MILESTONE_KEYS,
  checklistItemLabel,
  checklistStatusLabel,
  custodyFieldProblems,
  custodyProblems,
  earliestRelease,
  isLongSentence,
  readiness,
  releaseTimeline,
  type CustodyPeriod,
  type DoneMilestones,
  type Milestone,
  type ReleaseTimelineConfig,
} from '../../src/shared/releases/rules';

type Row = Pick<Milestone, 'dueOn' | 'state'> & { windowStart?: string; doneOn?: string };

function table(
  custody: CustodyPeriod,
  refDate: string,
  done: DoneMilestones = {},
  config: Partial<ReleaseTimelineConfig> = {},
): Record<string, Row> {
  const out: Record<string, Row> = {};
  for (const m of releaseTimeline(custody, refDate, done, config)) {
    const row: Row = { dueOn: m.dueOn, state: m.state };
    if (m.windowStart !== undefined) row.windowStart = m.windowStart;
    if (m.doneOn !== undefined) row.doneOn = m.doneOn;
    out[m.key] = row;
  }
  return out;
}

const sentence: CustodyPeriod = {
  type: 'afsoning',
  imprisonedOn: '2025-01-31',
  expectedReleaseOn: '2026-07-31',
  paroleOn: null,
  releasedOn: null,
};

describe('releaseTimeline: due dates', () => {
  it('lists every milestone in order', () => {
    expect(releaseTimeline(sentence, '2025-02-01').map((m) => m.key)).toEqual([...MILESTONE_KEYS]);
    expect(releaseTimeline(sentence, '2025-02-01')[2]?.label).toBe('Løsladelsesmøde');
  });

  it('computes each milestone for a long sentence imprisoned on 31 January', () => {
    expect(table(sentence, '2025-02-01')).toEqual({
      handleplan: { dueOn: '2025-02-28', windowStart: '2025-01-31', state: 'due' },
      'municipality-contact': { dueOn: '2025-07-31', state: 'upcoming' },
      'release-meeting': { dueOn: '2026-06-30', windowStart: '2026-04-30', state: 'upcoming' },
      'parole-decision': { dueOn: null, state: 'not-applicable' },
      release: { dueOn: '2026-07-31', state: 'upcoming' },
      'followup-3': { dueOn: '2026-10-31', state: 'upcoming' },
      'followup-6': { dueOn: '2027-01-31', state: 'upcoming' },
      'followup-12': { dueOn: '2027-07-31', state: 'upcoming' },
    });
  });

  it('uses the parole date as earliest release', () => {
    const c: CustodyPeriod = { ...sentence, paroleOn: '2026-05-31', expectedReleaseOn: '2026-09-30' };
    expect(earliestRelease(c)).toBe('2026-05-31');
    const t = table(c, '2025-02-01');
    expect(t['municipality-contact']?.dueOn).toBe('2025-05-31');
    expect(t['release-meeting']).toEqual({ dueOn: '2026-04-30', windowStart: '2026-02-28', state: 'upcoming' });
    expect(t['parole-decision']).toEqual({ dueOn: '2026-05-03', state: 'upcoming' });
    expect(t.release?.dueOn).toBe('2026-05-31');
    expect(t['followup-3']?.dueOn).toBe('2026-08-31');
    expect(t['followup-6']?.dueOn).toBe('2026-11-30');
    expect(t['followup-12']?.dueOn).toBe('2027-05-31');
  });

  it('handles leap years', () => {
    const leap: CustodyPeriod = {
      type: 'afsoning', imprisonedOn: '2024-02-01', expectedReleaseOn: '2028-05-31', paroleOn: null, releasedOn: null,
    };
    const t = table(leap, '2024-02-01');
    expect(t.handleplan?.dueOn).toBe('2024-02-29');
    expect(t['release-meeting']?.windowStart).toBe('2028-02-29');
    expect(t['release-meeting']?.dueOn).toBe('2028-04-30');
    expect(t['municipality-contact']?.dueOn).toBe('2027-05-31');
    const nonLeap = table({ ...leap, imprisonedOn: '2025-02-01' }, '2025-02-01');
    expect(nonLeap.handleplan?.dueOn).toBe('2025-03-01');
    const released = table({ ...leap, imprisonedOn: '2025-02-01', expectedReleaseOn: '2027-08-31', releasedOn: '2027-08-31' }, '2027-09-01');
    expect(released['followup-3']?.dueOn).toBe('2027-11-30');
    expect(released['followup-6']?.dueOn).toBe('2028-02-29');
    expect(released['followup-12']?.dueOn).toBe('2028-08-31');
  });

  it('moves the milestones when the release date moves later', () => {
    const later = table({ ...sentence, expectedReleaseOn: '2026-10-15' }, '2025-02-01');
    expect(later['municipality-contact']?.dueOn).toBe('2025-10-15');
    expect(later['release-meeting']).toEqual({ dueOn: '2026-09-15', windowStart: '2026-07-15', state: 'upcoming' });
    expect(later.release?.dueOn).toBe('2026-10-15');
    expect(later['followup-3']?.dueOn).toBe('2027-01-15');
    expect(later['followup-12']?.dueOn).toBe('2027-10-15');
    expect(later.handleplan?.dueOn).toBe('2025-02-28'); // unchanged
  });

  it('moves the follow-ups when the actual release is earlier than expected', () => {
    const early = table({ ...sentence, releasedOn: '2026-05-20' }, '2026-05-21', { 'release-meeting': '2026-04-01' });
    expect(early.release).toEqual({ dueOn: '2026-05-20', state: 'done', doneOn: '2026-05-20' });
    expect(early['release-meeting']).toEqual({
      dueOn: '2026-04-20', windowStart: '2026-02-20', state: 'done', doneOn: '2026-04-01',
    });
    expect(early['followup-3']).toEqual({ dueOn: '2026-08-20', state: 'upcoming' });
    expect(early['followup-6']).toEqual({ dueOn: '2026-11-20', state: 'upcoming' });
    expect(early['followup-12']).toEqual({ dueOn: '2027-05-20', state: 'upcoming' });
  });

  it('handles remand with no expected release', () => {
    const remand: CustodyPeriod = {
      type: 'varetaegt', imprisonedOn: '2026-01-10', expectedReleaseOn: null, paroleOn: null, releasedOn: null,
    };
    expect(table(remand, '2026-01-12')).toEqual({
      handleplan: { dueOn: '2026-02-07', windowStart: '2026-01-10', state: 'due' },
      'municipality-contact': { dueOn: null, state: 'not-applicable' },
      'release-meeting': { dueOn: null, state: 'not-applicable' },
      'parole-decision': { dueOn: null, state: 'not-applicable' },
      release: { dueOn: null, state: 'upcoming' },
      'followup-3': { dueOn: null, state: 'upcoming' },
      'followup-6': { dueOn: null, state: 'upcoming' },
      'followup-12': { dueOn: null, state: 'upcoming' },
    });
  });

  it('does not ask for municipality contact on remand, even when long', () => {
    const remand: CustodyPeriod = {
      type: 'varetaegt', imprisonedOn: '2025-01-10', expectedReleaseOn: '2026-06-10', paroleOn: null, releasedOn: null,
    };
    expect(isLongSentence(remand)).toBe(false);
    expect(table(remand, '2025-02-01')['municipality-contact']?.state).toBe('not-applicable');
    expect(table(remand, '2025-02-01')['release-meeting']?.windowStart).toBe('2026-03-10');
  });

  it('applies municipality contact from exactly 12 months', () => {
    const exactly: CustodyPeriod = {
      type: 'afsoning', imprisonedOn: '2025-01-15', expectedReleaseOn: '2026-01-15', paroleOn: null, releasedOn: null,
    };
    expect(isLongSentence(exactly)).toBe(true);
    expect(table(exactly, '2025-01-15')['municipality-contact']).toEqual({ dueOn: '2025-01-15', state: 'due' });
    const short = { ...exactly, expectedReleaseOn: '2026-01-14' };
    expect(isLongSentence(short)).toBe(false);
    expect(table(short, '2025-01-15')['municipality-contact']).toEqual({ dueOn: null, state: 'not-applicable' });
    expect(isLongSentence(exactly, { ...defaultsWith({ longSentenceMonths: 13 }) })).toBe(false);
  });
});

function defaultsWith(p: Partial<ReleaseTimelineConfig>): ReleaseTimelineConfig {
  return {
    handleplanWeeks: 4, longSentenceMonths: 12, municipalityContactMonths: 12,
    meetingWindowMonths: { from: 3, to: 1 }, paroleDecisionWeeks: 4, dueSoonDays: 14, ...p,
  };
}

describe('releaseTimeline: states', () => {
  it('handleplan is due from imprisonment and overdue after 4 weeks', () => {
    expect(table(sentence, '2025-01-31').handleplan?.state).toBe('due');
    expect(table(sentence, '2025-02-28').handleplan?.state).toBe('due');
    expect(table(sentence, '2025-03-01').handleplan?.state).toBe('overdue');
    expect(table(sentence, '2025-03-01', { handleplan: '2025-02-20' }).handleplan).toEqual({
      dueOn: '2025-02-28', windowStart: '2025-01-31', state: 'done', doneOn: '2025-02-20',
    });
  });
  it('a point milestone is due 14 days ahead (configurable)', () => {
    expect(table(sentence, '2025-07-16')['municipality-contact']?.state).toBe('upcoming');
    expect(table(sentence, '2025-07-17')['municipality-contact']?.state).toBe('due');
    expect(table(sentence, '2025-07-31')['municipality-contact']?.state).toBe('due');
    expect(table(sentence, '2025-08-01')['municipality-contact']?.state).toBe('overdue');
    expect(table(sentence, '2025-07-10', {}, { dueSoonDays: 30 })['municipality-contact']?.state).toBe('due');
  });
  it('the release meeting is due inside its window', () => {
    expect(table(sentence, '2026-04-29')['release-meeting']?.state).toBe('upcoming');
    expect(table(sentence, '2026-04-30')['release-meeting']?.state).toBe('due');
    expect(table(sentence, '2026-06-30')['release-meeting']?.state).toBe('due');
    expect(table(sentence, '2026-07-01')['release-meeting']?.state).toBe('overdue');
    const wide = table(sentence, '2026-02-01', {}, { meetingWindowMonths: { from: 6, to: 2 } });
    expect(wide['release-meeting']).toEqual({ dueOn: '2026-05-31', windowStart: '2026-01-31', state: 'due' });
  });
  it('the release is overdue when the date passed without a recorded release', () => {
    expect(table(sentence, '2026-07-16').release?.state).toBe('upcoming');
    expect(table(sentence, '2026-07-17').release?.state).toBe('due');
    expect(table(sentence, '2026-08-01').release?.state).toBe('overdue');
  });
  it('follow-ups stay upcoming until the actual release', () => {
    const t = table(sentence, '2027-12-01');
    expect(t['followup-3']).toEqual({ dueOn: '2026-10-31', state: 'upcoming' });
    expect(t['followup-12']).toEqual({ dueOn: '2027-07-31', state: 'upcoming' });
  });
  it('follow-ups after release become due, overdue or done', () => {
    const released = { ...sentence, releasedOn: '2026-07-31' };
    const t = table(released, '2026-10-20');
    expect(t['followup-3']?.state).toBe('due');
    const t2 = table(released, '2026-11-01');
    expect(t2['followup-3']?.state).toBe('overdue');
    expect(t2['followup-6']?.state).toBe('upcoming');
    const t3 = table(released, '2027-02-10', { 'followup-3': '2026-10-30' });
    expect(t3['followup-3']).toEqual({ dueOn: '2026-10-31', state: 'done', doneOn: '2026-10-30' });
    expect(t3['followup-6']?.state).toBe('overdue');
  });
  it('a recorded milestone is done even when otherwise not applicable', () => {
    const short: CustodyPeriod = { ...sentence, expectedReleaseOn: '2025-06-30' };
    expect(table(short, '2025-03-01', { 'municipality-contact': '2025-02-15' })['municipality-contact']).toEqual({
      dueOn: null, state: 'done', doneOn: '2025-02-15',
    });
  });
  it('parole decision is 4 weeks before the parole date', () => {
    const c: CustodyPeriod = { ...sentence, paroleOn: '2026-05-31' };
    expect(table(c, '2026-04-18')['parole-decision']?.state).toBe('upcoming');
    expect(table(c, '2026-04-19')['parole-decision']?.state).toBe('due');
    expect(table(c, '2026-05-04')['parole-decision']?.state).toBe('overdue');
  });
});

describe('custodyProblems', () => {
  it('accepts consistent dates', () => {
    expect(custodyProblems(sentence)).toEqual([]);
  });
  it('names inconsistent dates in Danish', () => {
    expect(custodyProblems({ ...sentence, expectedReleaseOn: '2024-12-31' })).toEqual(['Forventet løsladelse ligger før indsættelsen.']);
    expect(custodyProblems({ ...sentence, paroleOn: '2026-08-01' })).toEqual(['Datoen for prøveløsladelse ligger efter forventet løsladelse.']);
    expect(custodyProblems({ ...sentence, type: 'varetaegt', paroleOn: '2026-05-01' })).toEqual([
      'Varetægtsfængslede kan ikke prøveløslades; fjern datoen for prøveløsladelse.',
    ]);
    expect(custodyProblems({ ...sentence, releasedOn: '2025-01-30' })).toEqual(['Løsladelsesdatoen ligger før indsættelsen.']);
  });
});

describe('checklist', () => {
  it('has the eleven items', () => {
    expect(CHECKLIST_ITEM_CODES).toEqual([
      'housing', 'income', 'education-job', 'substance-treatment', 'health', 'family-network',
      'id-documents', 'probation', 'mentor', 'gang-exit', 'risk-level',
    ]);
    expect(checklistItemLabel('housing')).toBe('Bolig og adresse');
    expect(checklistItemLabel('income')).toBe('Forsørgelse fra første dag');
    expect(checklistItemLabel('id-documents')).toBe('Legitimation, sundhedskort og bankkonto');
    expect(checklistItemLabel('gang-exit')).toBe('Exit fra bande');
  });
  it('has the statuses', () => {
    expect(CHECKLIST_STATUS_CODES).toEqual(['arranged', 'in-progress', 'missing', 'not-relevant']);
    expect(checklistStatusLabel('arranged')).toBe('Arrangeret');
    expect(checklistStatusLabel('in-progress')).toBe('I gang');
    expect(checklistStatusLabel('missing')).toBe('Mangler');
    expect(checklistStatusLabel('not-relevant')).toBe('Ikke relevant');
  });
  it('computes readiness', () => {
    expect(readiness([])).toEqual({ arranged: 0, relevant: 0, total: 0 });
    expect(
      readiness([
        { status: 'arranged' }, { status: 'arranged' }, { status: 'in-progress' },
        { status: 'missing' }, { status: 'not-relevant' }, { status: 'not-relevant' },
      ]),
    ).toEqual({ arranged: 2, relevant: 4, total: 6 });
  });
});

describe('custodyFieldProblems', () => {
  const today = '2026-11-23';
  it('accepts consistent dates', () => {
    expect(custodyFieldProblems(sentence, today)).toEqual({});
    expect(custodyFieldProblems({ ...sentence, paroleOn: '2026-07-31', releasedOn: '2026-07-31' }, '2026-08-01')).toEqual({});
  });
  it('puts each problem on its field, in Danish', () => {
    expect(custodyFieldProblems({ ...sentence, expectedReleaseOn: '2025-01-30' }, today)).toEqual({
      expectedReleaseOn: 'Forventet løsladelse kan ikke ligge før indsættelsen.',
    });
    expect(custodyFieldProblems({ ...sentence, paroleOn: '2026-08-01' }, today)).toEqual({
      paroleOn: 'Prøveløsladelsen kan ikke ligge efter forventet løsladelse.',
    });
    expect(custodyFieldProblems({ ...sentence, type: 'varetaegt', paroleOn: '2024-01-01' }, today)).toEqual({
      paroleOn: 'Varetægtsfængslede kan ikke prøveløslades. Fjern datoen.',
    });
    expect(custodyFieldProblems({ ...sentence, releasedOn: '2025-01-30' }, today)).toEqual({ releasedOn: 'Løsladelsen kan ikke ligge før indsættelsen.' });
    expect(custodyFieldProblems({ ...sentence, releasedOn: '2026-11-24' }, today)).toEqual({
      releasedOn: 'Løsladelsen kan ikke ligge i fremtiden. Registrér den, når den er sket.',
    });
    expect(custodyFieldProblems({ ...sentence, imprisonedOn: '2026-11-24', expectedReleaseOn: null }, today)).toEqual({
      imprisonedOn: 'Indsættelsen kan ikke ligge i fremtiden.',
    });
  });
  it('reports several fields at once; the release on the imprisonment day is fine', () => {
    expect(
      custodyFieldProblems({ type: 'afsoning', imprisonedOn: '2026-03-01', expectedReleaseOn: '2026-02-01', paroleOn: '2026-01-01', releasedOn: '2026-03-01' }, today),
    ).toEqual({
      expectedReleaseOn: 'Forventet løsladelse kan ikke ligge før indsættelsen.',
      paroleOn: 'Prøveløsladelsen kan ikke ligge før indsættelsen.',
    });
  });
});
