import { describe, it, expect } from 'vitest';
import { ageAt, ageBand, caseLabelAt, PRIVACY_LEVEL_CODES, MOST_PRIVATE_LEVEL } from '../../src/shared/leader-meetings';

describe('privacy levels (shared rules)', () => {
  it('age bands at the legal thresholds: 12, 15 (criminal responsibility), 18 (majority), 25', () => {
    expect([11, 12, 14, 15, 17, 18, 24, 25].map(ageBand)).toEqual(['under 12 år', '12-14 år', '12-14 år', '15-17 år', '15-17 år', '18-24 år', '18-24 år', '25 år eller ældre']);
  });
  it('labels and ages per level, least to most private', () => {
    expect(PRIVACY_LEVEL_CODES).toEqual(['initials', 'age-band', 'case-number']);
    expect(MOST_PRIVATE_LEVEL).toBe('case-number');
    expect(PRIVACY_LEVEL_CODES.map((l) => caseLabelAt(l, 'Åse', 'Prøvegaard', '2026-00007'))).toEqual(['ÅP · 2026-00007', 'ÅP · 2026-00007', '2026-00007']);
    expect(PRIVACY_LEVEL_CODES.map((l) => ageAt(l, 13))).toEqual([{ age: 13, ageBand: null }, { age: null, ageBand: '12-14 år' }, { age: null, ageBand: '12-14 år' }]);
  });
});
