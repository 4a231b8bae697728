import { describe, expect, it } from 'vitest';
import { withYearPeriods } from '../../src/shared/semiannual-report';

describe('withYearPeriods: the report screen\'s period choices', () => {
  it('puts each year whose two halves are both listed before its halves, newest first', () => {
    expect(withYearPeriods(['2026-H2', '2026-H1', '2025-H2', '2025-H1', '2024-H2'])).toEqual(['2026', '2026-H2', '2026-H1', '2025', '2025-H2', '2025-H1', '2024-H2']);
  });
  it('offers no year with only one half (the first half-year with data, or a list of one)', () => {
    expect(withYearPeriods(['2026-H1', '2025-H2'])).toEqual(['2026-H1', '2025-H2']);
    expect(withYearPeriods([])).toEqual([]);
  });
  it('keeps a year already in the list once', () => {
    expect(withYearPeriods(['2026', '2026-H2', '2026-H1'])).toEqual(['2026', '2026-H2', '2026-H1']);
  });
});
