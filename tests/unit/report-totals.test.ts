import { describe, expect, it } from 'vitest';
import { OUTCOME_CODES } from '../../src/shared/ssp-plus/rules';
import { AGE_BANDS } from '../../src/shared/core/districts';
import {
  REPORT_BANDS,
  REPORT_OUTCOMES,
  TABLE_SPECS,
  computeTotals,
  emptyTables,
  getRows,
  totalsRowKeys,
} from '../../src/shared/semiannual-report';
import { AMAGER_VEST, VALBY, findRow, tablesWith } from './report-fixtures';

describe('emptyTables', () => {
  it('has one row per district and category, zeros included', () => {
    const t = emptyTables(['Indre By']);
    expect(t.casesByLevel).toEqual([
      { district: 'Indre By', level: 1, active: 0, new: 0, closed: 0 },
      { district: 'Indre By', level: 2, active: 0, new: 0, closed: 0 },
      { district: 'Indre By', level: 3, active: 0, new: 0, closed: 0 },
      { district: 'Indre By', level: 4, active: 0, new: 0, closed: 0 },
    ]);
    expect(t.activeByAgeBand.map((r) => r.band)).toEqual(['0-11', '12-14', '15-17', '18-21', '22-25', '26+', 'unknown']);
    expect(t.activeBySex).toEqual([
      { district: 'Indre By', sex: 'M', count: 0 },
      { district: 'Indre By', sex: 'K', count: 0 },
      { district: 'Indre By', sex: 'unknown', count: 0 },
    ]);
    expect(t.eventsByDistrict).toEqual([{ district: 'Indre By', charges: 0, interviews: 0, remand: 0 }]);
    expect(t.sspPlus.byDistrict).toEqual([{ district: 'Indre By', active: 0, started: 0, ended: 0 }]);
    expect(t.sspPlus.followUps).toHaveLength(15);
    expect(t.sspPlus.followUps[0]).toEqual({ district: 'Indre By', months: 3, outcome: 'uddannelse', count: 0 });
    expect(t.sspPlus.followUps[14]).toEqual({ district: 'Indre By', months: 12, outcome: 'ukendt', count: 0 });
    expect(t.releases.byDistrict).toEqual([{ district: 'Indre By', releases: 0, meetings: 0 }]);
    expect(t.releases.followUps).toHaveLength(15);
  });
  it('orders rows district by district', () => {
    const t = emptyTables(['Valby', 'Vanløse']);
    expect(t.casesByLevel.map((r) => `${r.district}/${r.level}`)).toEqual([
      'Valby/1', 'Valby/2', 'Valby/3', 'Valby/4', 'Vanløse/1', 'Vanløse/2', 'Vanløse/3', 'Vanløse/4',
    ]);
  });
  it('uses the domain vocabularies', () => {
    expect(REPORT_OUTCOMES).toEqual(OUTCOME_CODES);
    expect(REPORT_BANDS).toEqual(AGE_BANDS);
    expect(TABLE_SPECS.map((s) => s.id)).toEqual([
      'casesByLevel', 'activeByAgeBand', 'activeBySex', 'eventsByDistrict',
      'sspPlus.byDistrict', 'sspPlus.followUps', 'releases.byDistrict', 'releases.followUps', 'exit.byDistrict', 'sikkerBy.byDistrict',
    ]);
  });
});

describe('totalsRowKeys', () => {
  it('lists district totals, column totals and the grand total', () => {
    const spec = TABLE_SPECS.find((s) => s.id === 'activeBySex');
    if (!spec) throw new Error('spec');
    expect(totalsRowKeys(spec, ['Valby', 'Vanløse'])).toEqual([
      { district: 'Valby', sex: 'all' },
      { district: 'Vanløse', sex: 'all' },
      { district: 'all', sex: 'M' },
      { district: 'all', sex: 'K' },
      { district: 'all', sex: 'unknown' },
      { district: 'all', sex: 'all' },
    ]);
    const events = TABLE_SPECS.find((s) => s.id === 'eventsByDistrict');
    if (!events) throw new Error('spec');
    expect(totalsRowKeys(events, ['Valby', 'Vanløse'])).toEqual([{ district: 'all' }]);
  });
});

describe('computeTotals', () => {
  const districts = ['Amager Vest', 'Valby'];
  const totals = computeTotals(tablesWith(districts, [...AMAGER_VEST, ...VALBY]), districts);

  it('sums cases by level both ways', () => {
    expect(totals.casesByLevel).toEqual([
      { district: 'Amager Vest', level: 'all', active: 11, new: 3, closed: 1 },
      { district: 'Valby', level: 'all', active: 14, new: 5, closed: 3 },
      { district: 'all', level: 1, active: 10, new: 4, closed: 2 },
      { district: 'all', level: 2, active: 7, new: 3, closed: 1 },
      { district: 'all', level: 3, active: 7, new: 1, closed: 1 },
      { district: 'all', level: 4, active: 1, new: 0, closed: 0 },
      { district: 'all', level: 'all', active: 25, new: 8, closed: 4 },
    ]);
  });
  it('sums age bands and sex', () => {
    expect(findRow(totals, 'activeByAgeBand', { district: 'all', band: '12-14' }).count).toBe(11);
    expect(findRow(totals, 'activeByAgeBand', { district: 'all', band: '15-17' }).count).toBe(14);
    expect(findRow(totals, 'activeByAgeBand', { district: 'all', band: '0-11' }).count).toBe(0);
    expect(findRow(totals, 'activeByAgeBand', { district: 'Valby', band: 'all' }).count).toBe(14);
    expect(findRow(totals, 'activeByAgeBand', { district: 'all', band: 'all' }).count).toBe(25);
    expect(totals.activeByAgeBand).toHaveLength(2 + 7 + 1);
    expect(totals.activeBySex).toEqual([
      { district: 'Amager Vest', sex: 'all', count: 11 },
      { district: 'Valby', sex: 'all', count: 14 },
      { district: 'all', sex: 'M', count: 17 },
      { district: 'all', sex: 'K', count: 8 },
      { district: 'all', sex: 'unknown', count: 0 },
      { district: 'all', sex: 'all', count: 25 },
    ]);
  });
  it('sums district-only tables into one row', () => {
    expect(totals.eventsByDistrict).toEqual([{ district: 'all', charges: 14, interviews: 18, remand: 4 }]);
    expect(totals.sspPlus.byDistrict).toEqual([{ district: 'all', active: 6, started: 3, ended: 1 }]);
    expect(totals.releases.byDistrict).toEqual([{ district: 'all', releases: 3, meetings: 2 }]);
  });
  it('sums follow-ups over districts and outcomes, never over months', () => {
    const f = totals.sspPlus.followUps;
    expect(f).toHaveLength(3 * (2 + 5 + 1));
    expect(findRow(totals, 'sspPlus.followUps', { district: 'all', months: 3, outcome: 'job' }).count).toBe(3);
    expect(findRow(totals, 'sspPlus.followUps', { district: 'all', months: 3, outcome: 'ingen' }).count).toBe(1);
    expect(findRow(totals, 'sspPlus.followUps', { district: 'all', months: 3, outcome: 'all' }).count).toBe(4);
    expect(findRow(totals, 'sspPlus.followUps', { district: 'Amager Vest', months: 3, outcome: 'all' }).count).toBe(1);
    expect(findRow(totals, 'sspPlus.followUps', { district: 'Valby', months: 3, outcome: 'all' }).count).toBe(3);
    expect(findRow(totals, 'sspPlus.followUps', { district: 'all', months: 6, outcome: 'all' }).count).toBe(2);
    expect(findRow(totals, 'sspPlus.followUps', { district: 'all', months: 12, outcome: 'all' }).count).toBe(0);
    expect(f.some((r) => (r.months as unknown) === 'all')).toBe(false);
    expect(findRow(totals, 'releases.followUps', { district: 'all', months: 3, outcome: 'aktivering' }).count).toBe(2);
    expect(findRow(totals, 'releases.followUps', { district: 'all', months: 3, outcome: 'all' }).count).toBe(3);
  });
  it('gives zeros for an empty report', () => {
    const empty = computeTotals(emptyTables(['Valby']), ['Valby']);
    expect(getRows(empty, 'casesByLevel').every((r) => r.active === 0 && r.new === 0 && r.closed === 0)).toBe(true);
  });
});
