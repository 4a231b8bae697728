import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_MONTHS,
  LIFE_AREA_CODES,
  OUTCOME_CODES,
  PLAN_END_REASON_CODES,
  eligibility,
  followUpDueDates,
  gridIndexFor,
  isActionOverdue,
  isActiveOutcome,
  lifeAreaLabel,
  nextReviewDue,
  nextScheduledReview,
  outcomeLabel,
  planEndReasonLabel,
  reviewSchedule,
  seventeenAndHalfDate,
  turns17HalfWithin,
  turns25Within,
  twentyFifthBirthday,
} from '../../src/shared/ssp-plus/rules';
import { addDays, addMonths } from '../../src/shared/core/dates';

const open3 = { level: 3, status: 'open' } as const;
const open4 = { level: 4, status: 'open' } as const;

describe('age limits', () => {
  it('17½ is birth + 17 years + 6 months, by the month-end rule (a missing day rolls to the 1st)', () => {
    expect(seventeenAndHalfDate('2008-03-15')).toBe('2025-09-15');
    expect(seventeenAndHalfDate('2008-08-31')).toBe('2026-03-01');
    expect(seventeenAndHalfDate('2006-08-31')).toBe('2024-03-01');
    expect(seventeenAndHalfDate('2006-08-29')).toBe('2024-02-29');
    expect(seventeenAndHalfDate('2008-12-31')).toBe('2026-07-01');
  });
  it('25th birthday follows the 1 March rule for 29 February', () => {
    expect(twentyFifthBirthday('2001-06-15')).toBe('2026-06-15');
    expect(twentyFifthBirthday('2004-02-29')).toBe('2029-03-01');
    expect(twentyFifthBirthday('2000-02-29')).toBe('2025-03-01');
  });
});

describe('eligibility', () => {
  it('is eligible exactly on the 17½ date', () => {
    expect(eligibility('2008-03-15', '2025-09-15', open3)).toEqual({ eligible: true });
    expect(eligibility('2008-08-31', '2026-03-01', open4)).toEqual({ eligible: true });
    expect(eligibility('2008-08-31', '2026-02-28', open4)).toMatchObject({ eligible: false, rule: 'age-too-low' });
  });
  it('is not eligible the day before 17½', () => {
    const r = eligibility('2008-03-15', '2025-09-14', open3);
    expect(r).toMatchObject({ eligible: false, rule: 'age-too-low' });
    if (!r.eligible) {
      expect(r.reason).toContain('17½');
      expect(r.reason).toContain('15. september 2025');
    }
    expect(eligibility('2008-08-31', '2026-02-27', open3)).toMatchObject({ eligible: false, rule: 'age-too-low' });
  });
  it('is eligible the day before the 25th birthday', () => {
    expect(eligibility('2001-06-15', '2026-06-14', open3)).toEqual({ eligible: true });
  });
  it('is not eligible on the 25th birthday', () => {
    const r = eligibility('2001-06-15', '2026-06-15', open3);
    expect(r).toMatchObject({ eligible: false, rule: 'age-too-high' });
    if (!r.eligible) {
      expect(r.reason).toContain('under 25');
      expect(r.reason).toContain('15. juni 2026');
    }
    expect(eligibility('2001-06-15', '2030-01-01', open3)).toMatchObject({ rule: 'age-too-high' });
  });
  it('treats a 29 February birth as turning 25 on 1 March', () => {
    expect(eligibility('2004-02-29', '2029-02-28', open3)).toEqual({ eligible: true });
    expect(eligibility('2004-02-29', '2029-03-01', open3)).toMatchObject({ rule: 'age-too-high' });
  });
  it('refuses level 1 and 2 cases', () => {
    const r = eligibility('2005-01-01', '2026-01-01', { level: 2, status: 'open' });
    expect(r).toMatchObject({ eligible: false, rule: 'level-too-low' });
    if (!r.eligible) expect(r.reason).toBe('SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau 2.');
    expect(eligibility('2005-01-01', '2026-01-01', { level: 1, status: 'open' })).toMatchObject({ rule: 'level-too-low' });
  });
  it('refuses a case closed for another reason, and no case', () => {
    const closed = eligibility('2005-01-01', '2026-01-01', { level: 4, status: 'closed', closingReason: 'concern-ended' });
    expect(closed).toMatchObject({ eligible: false, rule: 'case-closed' });
    if (!closed.eligible) expect(closed.reason).toContain('Overgået til SSP+');
    expect(eligibility('2005-01-01', '2026-01-01', null)).toMatchObject({ eligible: false, rule: 'no-case' });
  });
  it('accepts a level 3-4 case closed with "Overgået til SSP+" (the natural order), not a level 2 one', () => {
    expect(eligibility('2005-01-01', '2026-01-01', { level: 4, status: 'closed', closingReason: 'to-ssp-plus' })).toEqual({ eligible: true });
    expect(eligibility('2005-01-01', '2026-01-01', { level: 3, status: 'closed', closingReason: 'to-ssp-plus' })).toEqual({ eligible: true });
    expect(eligibility('2005-01-01', '2026-01-01', { level: 2, status: 'closed', closingReason: 'to-ssp-plus' })).toMatchObject({ rule: 'level-too-low' });
  });
  it('follows the age band setting (17½-24 read as "before the 25th birthday", or up to 26)', () => {
    const band26 = { minAgeMonths: 210, maxAgeYears: 26 };
    expect(eligibility('2001-03-10', '2026-03-10', open3)).toMatchObject({ rule: 'age-too-high' });
    expect(eligibility('2001-03-10', '2026-03-10', open3, band26)).toEqual({ eligible: true });
    const r = eligibility('2009-01-01', '2026-01-01', open3, { minAgeMonths: 204, maxAgeYears: 25 });
    expect(r).toEqual({ eligible: true }); // 17 on 1 January 2026
    const low = eligibility('2009-01-02', '2026-01-01', open3, { minAgeMonths: 204, maxAgeYears: 25 });
    expect(low).toMatchObject({ rule: 'age-too-low' });
    if (!low.eligible) expect(low.reason).toContain('fra 17 år');
  });
  it('reports age before the case when both fail', () => {
    expect(eligibility('2010-01-01', '2026-01-01', null)).toMatchObject({ rule: 'age-too-low' });
    expect(eligibility('1990-01-01', '2026-01-01', { level: 1, status: 'closed' })).toMatchObject({ rule: 'age-too-high' });
  });
});

describe('vocabulary', () => {
  it('has the ten life areas', () => {
    expect(LIFE_AREA_CODES).toEqual([
      'education', 'employment', 'income', 'housing', 'substance-use', 'health', 'network', 'leisure',
      'criminal-associations', 'probation-conditions',
    ]);
    expect(lifeAreaLabel('income')).toBe('Forsørgelse');
    expect(lifeAreaLabel('criminal-associations')).toBe('Kriminelle relationer / exit');
    expect(lifeAreaLabel('probation-conditions')).toBe('Vilkår');
  });
  it('has plan end reasons', () => {
    expect(PLAN_END_REASON_CODES).toEqual(['completed', 'turned-25', 'moved', 'declined', 'other']);
    expect(planEndReasonLabel('completed')).toBe('Gennemført');
    expect(planEndReasonLabel('turned-25')).toBe('Fyldt 25');
    expect(planEndReasonLabel('declined')).toBe('Takket nej');
  });
  it('has outcomes', () => {
    expect(OUTCOME_CODES).toEqual(['uddannelse', 'job', 'aktivering', 'ingen', 'ukendt']);
    expect(outcomeLabel('aktivering')).toBe('I aktivering');
    expect(isActiveOutcome('job')).toBe(true);
    expect(isActiveOutcome('ingen')).toBe(false);
    expect(isActiveOutcome('ukendt')).toBe(false);
    expect(FOLLOW_UP_MONTHS).toEqual([3, 6, 12]);
  });
});

describe('reviews', () => {
  it('schedules from the start without drift', () => {
    expect(reviewSchedule('2026-01-31', 3, '2026-12-31')).toEqual(['2026-04-30', '2026-07-31', '2026-10-31']);
    expect(reviewSchedule('2026-01-15', 3, '2026-04-15')).toEqual(['2026-04-15']);
    expect(reviewSchedule('2026-01-15', 3, '2026-04-14')).toEqual([]);
    expect(reviewSchedule('2026-01-15', undefined, '2026-07-15')).toEqual(['2026-04-15', '2026-07-15']);
    expect(reviewSchedule('2025-11-30', 2, '2026-05-31')).toEqual(['2026-01-30', '2026-03-30', '2026-05-30']);
    expect(() => reviewSchedule('2026-01-15', 0, '2026-12-31')).toThrow(RangeError);
  });
  it('finds the next review from the start or the latest review', () => {
    expect(nextReviewDue('2026-01-15', [], 3, '2026-03-01')).toEqual({ dueOn: '2026-04-15', daysLeft: 45, overdue: false });
    expect(nextReviewDue('2026-01-15', ['2026-04-10'], 3, '2026-05-01')).toEqual({
      dueOn: '2026-07-10', daysLeft: 70, overdue: false,
    });
    expect(nextReviewDue('2026-01-15', ['2026-04-10', '2026-06-01'], 3, '2026-05-01').dueOn).toBe('2026-07-10');
    expect(nextReviewDue('2026-01-15', ['2026-04-10', '2026-02-01'], 3, '2026-05-01').dueOn).toBe('2026-07-10');
  });
  it('says when a review is overdue', () => {
    expect(nextReviewDue('2026-01-15', [], 3, '2026-04-20')).toEqual({ dueOn: '2026-04-15', daysLeft: -5, overdue: true });
    expect(nextReviewDue('2026-01-15', [], 3, '2026-04-15')).toEqual({ dueOn: '2026-04-15', daysLeft: 0, overdue: false });
  });
});

describe('followUpDueDates', () => {
  it('clamps month ends', () => {
    expect(followUpDueDates('2025-08-31')).toEqual({ m3: '2025-11-30', m6: '2026-02-28', m12: '2026-08-31' });
    expect(followUpDueDates('2027-08-31')).toEqual({ m3: '2027-11-30', m6: '2028-02-29', m12: '2028-08-31' });
    expect(followUpDueDates('2026-03-15')).toEqual({ m3: '2026-06-15', m6: '2026-09-15', m12: '2027-03-15' });
  });
});

describe('alerts', () => {
  it('warns before 17½ within the window', () => {
    // born 31 August 2008 turns 17½ on 1 March 2026 (the month-end rule)
    expect(turns17HalfWithin('2008-08-31', '2026-01-01')).toBe('2026-03-01'); // 59 days
    expect(turns17HalfWithin('2008-08-31', '2025-12-31')).toBe('2026-03-01'); // 60 days
    expect(turns17HalfWithin('2008-08-31', '2025-12-30')).toBeNull(); // 61 days
    expect(turns17HalfWithin('2008-08-31', '2026-03-01')).toBe('2026-03-01');
    expect(turns17HalfWithin('2008-08-31', '2026-03-02')).toBeNull();
    expect(turns17HalfWithin('2008-08-31', '2026-02-18', 10)).toBeNull(); // 11 days away
    expect(turns17HalfWithin('2008-08-31', '2026-02-18', 11)).toBe('2026-03-01');
    expect(turns17HalfWithin('2008-08-31', '2026-02-17', 11)).toBeNull();
  });
  it('warns before the 25th birthday within the window', () => {
    expect(turns25Within('2001-06-15', '2026-04-16')).toBe('2026-06-15'); // 60 days
    expect(turns25Within('2001-06-15', '2026-04-15')).toBeNull(); // 61 days
    expect(turns25Within('2001-06-15', '2026-06-16')).toBeNull();
  });
});

describe('scheduled reviews on a fixed grid from the start', () => {
  // start 15 January, every 3 months: 15 April, 15 July, 15 October.
  it('is due one interval after the start while none was held', () => {
    expect(nextScheduledReview('2026-01-15', [], 3, '2026-03-01')).toEqual({ dueOn: '2026-04-15', daysLeft: 45, overdue: false, index: 1 });
    expect(nextScheduledReview('2026-01-15', [], 3, '2026-04-20')).toEqual({ dueOn: '2026-04-15', daysLeft: -5, overdue: true, index: 1 });
    expect(nextScheduledReview('2026-01-15', [], 3, '2026-04-15')).toMatchObject({ daysLeft: 0, overdue: false });
  });
  it('counts a review a little early or late for its grid date, and does not drift', () => {
    expect(nextScheduledReview('2026-01-15', ['2026-04-10'], 3, '2026-05-01').dueOn).toBe('2026-07-15');
    expect(nextScheduledReview('2026-01-15', ['2026-04-20'], 3, '2026-05-01').dueOn).toBe('2026-07-15');
    expect(nextScheduledReview('2026-01-15', ['2026-04-20', '2026-07-02'], 3, '2026-08-01').dueOn).toBe('2026-10-15');
  });
  it('leaves a missed date behind once a later review is held', () => {
    // 1 August is 17 days after 15 July and 75 before 15 October: it counts for 15 July.
    expect(nextScheduledReview('2026-01-15', ['2026-08-01'], 3, '2026-08-02')).toMatchObject({ dueOn: '2026-10-15', index: 3 });
  });
  it('breaks a tie towards the earlier grid date and ignores reviews after the reference date', () => {
    // Monthly from 1 January: 1 February and 1 March are both 14 days from 15 February.
    expect(gridIndexFor('2026-01-01', '2026-02-15', 1)).toBe(1);
    expect(gridIndexFor('2026-01-01', '2026-02-16', 1)).toBe(2);
    expect(nextScheduledReview('2026-01-15', ['2026-04-10'], 3, '2026-04-01').dueOn).toBe('2026-04-15');
  });
  it('gives what the highest grid index over all reviews held gives (the grid index never falls for a later review)', () => {
    // The definition, computed the plain way: each review held by the reference date for its grid date, the highest wins.
    const byDefinition = (start: string, held: string[], interval: number, ref: string) => {
      const covered = Math.max(0, ...held.filter((h) => h <= ref).map((h) => gridIndexFor(start, h, interval)));
      return addMonths(start, (covered + 1) * interval);
    };
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let checked = 0;
    for (const start of ['2024-01-31', '2024-02-29', '2025-08-30', '2026-01-15']) {
      for (const interval of [1, 2, 3, 6]) {
        let previous = 0;
        for (let d = start; d <= addMonths(start, 36); d = addDays(d, 1)) {
          const k = gridIndexFor(start, d, interval);
          expect(k, `${start} ${interval} ${d}`).toBeGreaterThanOrEqual(previous);
          previous = k;
        }
        for (let i = 0; i < 40; i++) {
          const held = Array.from({ length: next(6) }, () => addDays(start, next(1100)));
          const ref = addDays(start, next(1200));
          expect(nextScheduledReview(start, held, interval, ref).dueOn, `${start} ${interval} ${held} ${ref}`).toBe(byDefinition(start, held, interval, ref));
          checked++;
        }
      }
    }
    expect(checked).toBe(640);
  });
  it('keeps month ends on the grid (start 31 January: 30 April, 31 July)', () => {
    expect(nextScheduledReview('2026-01-31', ['2026-04-30'], 3, '2026-05-01').dueOn).toBe('2026-07-31');
    expect(() => nextScheduledReview('2026-01-31', [], 0, '2026-05-01')).toThrow(RangeError);
  });
});

describe('actions', () => {
  it('are overdue after the deadline unless done or given up', () => {
    expect(isActionOverdue('2026-05-01', 'planned', '2026-05-02')).toBe(true);
    expect(isActionOverdue('2026-05-01', 'in-progress', '2026-05-02')).toBe(true);
    expect(isActionOverdue('2026-05-01', 'planned', '2026-05-01')).toBe(false);
    expect(isActionOverdue('2026-05-01', 'done', '2026-06-01')).toBe(false);
    expect(isActionOverdue('2026-05-01', 'cancelled', '2026-06-01')).toBe(false);
    expect(isActionOverdue(null, 'planned', '2026-06-01')).toBe(false);
  });
});
