import { describe, expect, it } from 'vitest';
import { countsForSikkerBy, sikkerByCounts, unrestOf, unrestTextProblem, type SikkerByCharge } from '../../src/shared/semiannual-report';

/** The pure rules of issue 16 item 2, expectations by hand. */

const charge = (over: Partial<SikkerByCharge>): SikkerByCharge => ({
  personId: 1,
  occurredOn: '2026-03-01',
  offenceCategory: 'violence',
  level: 2,
  districtId: 1,
  birthDate: '2010-01-01',
  ...over,
});

describe('Sikker By: which charges count', () => {
  it('person-endangering categories at any level, any category at level 3-4; chikane alone is not person-endangering', () => {
    for (const c of ['violence', 'threats', 'robbery', 'sexual', 'arson']) expect(countsForSikkerBy(charge({ offenceCategory: c })), c).toBe(true);
    for (const c of ['harassment', 'theft', 'weapons', 'drugs', 'other']) expect(countsForSikkerBy(charge({ offenceCategory: c })), c).toBe(false);
    expect(countsForSikkerBy(charge({ offenceCategory: 'harassment', level: 3 }))).toBe(true);
    expect(countsForSikkerBy(charge({ offenceCategory: 'theft', level: 4 }))).toBe(true);
    expect(countsForSikkerBy(charge({ offenceCategory: null, level: 3 }))).toBe(true);
    expect(countsForSikkerBy(charge({ offenceCategory: null, level: 1 }))).toBe(false);
  });

  it('aged 14 through 25 on the charge date (birthdays count; 29 February births turn a year older on 1 March)', () => {
    expect(countsForSikkerBy(charge({ birthDate: '2012-03-01', occurredOn: '2026-02-28' }))).toBe(false); // 13
    expect(countsForSikkerBy(charge({ birthDate: '2012-03-01', occurredOn: '2026-03-01' }))).toBe(true); // 14 today
    expect(countsForSikkerBy(charge({ birthDate: '2000-03-01', occurredOn: '2026-02-28' }))).toBe(true); // 25
    expect(countsForSikkerBy(charge({ birthDate: '2000-03-01', occurredOn: '2026-03-01' }))).toBe(false); // 26 today
    expect(countsForSikkerBy(charge({ birthDate: '2012-02-29', occurredOn: '2026-02-28' }))).toBe(false); // still 13
    expect(countsForSikkerBy(charge({ birthDate: '2012-02-29', occurredOn: '2026-03-01' }))).toBe(true);
    expect(countsForSikkerBy(charge({ birthDate: null }))).toBe(false);
  });

  it('once per person per district; the city once, in the district of the first charge; no district: not placed', () => {
    const out = sikkerByCounts([
      charge({ personId: 1, districtId: 2, occurredOn: '2026-05-01' }),
      charge({ personId: 1, districtId: 1, occurredOn: '2026-02-01' }),
      charge({ personId: 1, districtId: 1, occurredOn: '2026-03-01' }),
      charge({ personId: 2, districtId: 2, occurredOn: '2026-01-10' }),
      charge({ personId: 3, districtId: null, occurredOn: '2026-01-01' }),
      charge({ personId: 3, districtId: 3, occurredOn: '2026-04-01' }),
      charge({ personId: 4, districtId: 3, offenceCategory: 'theft' }),
    ]);
    // By hand: district 1 {1}, first {1}; district 2 {1, 2}, first {2}; district 3 {3}, first {3} (the district-less charge is not placed).
    expect(out.sort((a, b) => a.districtId - b.districtId)).toEqual([
      { districtId: 1, charged: 1, firstInCity: 1 },
      { districtId: 2, charged: 2, firstInCity: 1 },
      { districtId: 3, charged: 1, firstInCity: 1 },
    ]);
  });
});

describe('bydel med uro', () => {
  const H1 = ['2026-01-01', '2026-06-30'] as const;
  const e = (occurredOn: string, kind: string) => ({ districtId: 1, occurredOn, kind });
  const flag = (entries: ReturnType<typeof e>[]) => unrestOf(entries, ...H1).withUnrest;
  it('an observation in the period, or a plan active on a day of it', () => {
    expect(flag([])).toBe(false);
    expect(flag([e('2026-06-30', 'unrest-observed')])).toBe(true);
    expect(flag([e('2025-12-31', 'unrest-observed')])).toBe(false);
    expect(flag([e('2026-03-01', 'measure'), e('2026-03-02', 'partners')])).toBe(false);
    expect(flag([e('2025-09-01', 'plan-activated')])).toBe(true); // never ended
    expect(flag([e('2025-09-01', 'plan-activated'), e('2025-12-31', 'plan-ended')])).toBe(false);
    expect(flag([e('2025-09-01', 'plan-activated'), e('2026-01-01', 'plan-ended')])).toBe(true); // active on 1 January
    expect(flag([e('2026-06-30', 'plan-activated')])).toBe(true);
    expect(flag([e('2025-09-01', 'plan-activated'), e('2025-10-01', 'plan-ended'), e('2025-11-01', 'plan-activated')])).toBe(true);
    // An end on the same day as an activation: ended.
    expect(flag([e('2025-10-01', 'plan-ended'), e('2025-10-01', 'plan-activated')])).toBe(false);
  });
  it('counts observations and activations in the period only', () => {
    expect(unrestOf([e('2026-02-01', 'unrest-observed'), e('2026-03-01', 'unrest-observed'), e('2025-12-01', 'unrest-observed'), e('2026-04-01', 'plan-activated'), e('2026-07-01', 'plan-activated')], ...H1)).toEqual({
      withUnrest: true,
      observations: 2,
      plansActivated: 1,
    });
  });
  it('texts: CPR-like numbers and dates are refused on their face', () => {
    expect(unrestTextProblem('Ung 0102031234 ved stationen')).toBe('cpr');
    expect(unrestTextProblem('Set 2009-03-12')).toBe('date');
    expect(unrestTextProblem('Født 12.03.09')).toBe('date');
    expect(unrestTextProblem('Set 12/3')).toBe('date');
    expect(unrestTextProblem('Uro ved stationen efter kl. 22; politi, klub og SSP til stede')).toBeNull();
    // Times are not dates: hour.minute with minutes over 12, or a colon.
    expect(unrestTextProblem('Uro fra kl. 22.30 til 23:45')).toBeNull();
    expect(unrestTextProblem('Uro kl. 21.45')).toBeNull();
  });
});
