import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  DEFAULT_DISTRICTS,
  DEFAULT_DISTRICT_NAMES,
  ageBand,
  ageBandAt,
  matchesSearch,
  normalizeForSearch,
} from '../../src/shared/core/districts';

describe('districts', () => {
  it('seeds the ten Copenhagen districts', () => {
    expect(DEFAULT_DISTRICT_NAMES).toEqual([
      'Indre By', 'Østerbro', 'Nørrebro', 'Vesterbro/Kongens Enghave', 'Valby',
      'Vanløse', 'Brønshøj-Husum', 'Bispebjerg', 'Amager Øst', 'Amager Vest',
    ]);
    const codes = DEFAULT_DISTRICTS.map((d) => d.code);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z-]+$/);
  });
});

describe('ageBand', () => {
  it('lists the bands in order', () => {
    expect(AGE_BANDS).toEqual(['0-11', '12-14', '15-17', '18-21', '22-25', '26+', 'unknown']);
  });
  it.each([
    [0, '0-11'], [11, '0-11'], [12, '12-14'], [14, '12-14'], [15, '15-17'], [17, '15-17'],
    [18, '18-21'], [21, '18-21'], [22, '22-25'], [25, '22-25'], [26, '26+'], [80, '26+'],
    [17.9, '15-17'], [null, 'unknown'], [-1, 'unknown'], [Number.NaN, 'unknown'],
    [Number.POSITIVE_INFINITY, 'unknown'],
  ] as const)('age %s -> %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
  it('computes the band on a reference date', () => {
    expect(ageBandAt('2008-07-01', '2026-06-30')).toBe('15-17');
    expect(ageBandAt('2008-06-30', '2026-06-30')).toBe('18-21');
    expect(ageBandAt(null, '2026-06-30')).toBe('unknown');
  });
});

describe('normalizeForSearch', () => {
  it('makes Ærø, ÆRØ and ærø equal', () => {
    expect(normalizeForSearch('Ærø')).toBe('ærø');
    expect(normalizeForSearch('ÆRØ')).toBe('ærø');
    expect(normalizeForSearch('ærø')).toBe('ærø');
  });
  it('uses NFC so composed and decomposed å are equal', () => {
    expect(normalizeForSearch('A\u030Abenrå')).toBe('åbenrå');
    expect(normalizeForSearch('Åbenrå')).toBe('åbenrå');
  });
  it('keeps å distinct from aa', () => {
    expect(normalizeForSearch('Aabenraa')).toBe('aabenraa');
    expect(normalizeForSearch('Aabenraa')).not.toBe(normalizeForSearch('Åbenrå'));
  });
  it('trims and collapses whitespace', () => {
    expect(normalizeForSearch('  Amager \t  Vest\n')).toBe('amager vest');
    expect(normalizeForSearch('\u00A0Nørrebro\u00A0')).toBe('nørrebro');
    expect(normalizeForSearch('')).toBe('');
  });
  it('matches every query word', () => {
    expect(matchesSearch('Vesterbro/Kongens Enghave', 'kongens ENGHAVE')).toBe(true);
    expect(matchesSearch('Brønshøj-Husum', 'BRØNSHØJ')).toBe(true);
    expect(matchesSearch('Amager Øst', 'amager vest')).toBe(false);
    expect(matchesSearch('Amager Øst', '   ')).toBe(true);
  });
});
