import { describe, expect, it } from 'vitest';
import { coverageMessage, mergeReports, type ReportV1 } from '../../src/shared/semiannual-report';
import { AMAGER_VEST, VALBY, exactReport, type Setting } from './report-fixtures';

/**
 * Areas with identity (issue 16, item 4): a report file carries each district's code and the
 * city areas it covers; the merge refuses the same district under two names and districts whose
 * areas overlap, naming both files, and says which of the city's ten bydele are missing.
 */

const rename = (settings: Setting[], from: string, to: string): Setting[] =>
  settings.map(([table, keys, values]): Setting => [table, { ...keys, district: keys.district === from ? to : (keys.district as string) }, values]);

/** The same counts as Amager Vest's, under another name and identity. */
function amagerAs(name: string, code: string, areas: string[]): ReportV1 {
  return exactReport([name], rename(AMAGER_VEST, 'Amager Vest', name), { unit: `SSP ${name}`, districtAreas: [{ district: name, code, areas }] });
}
const av = () => exactReport(['Amager Vest'], AMAGER_VEST, { unit: 'SSP Amager Vest' });
const valby = () => exactReport(['Valby'], VALBY, { unit: 'SSP Valby' });
const fail = (inputs: unknown[], fileNames?: string[]) => {
  const r = mergeReports(inputs, { generatedAt: '2026-07-02T09:00:00Z', ...(fileNames ? { fileNames } : {}) });
  if (r.ok) throw new Error('merged, expected a refusal');
  return r.error;
};

describe('report files carry district codes and areas', () => {
  it('a city district gets its bydel\'s code and covers the whole bydel', () => {
    expect(av().version).toBe(2);
    expect(av().districtAreas).toEqual([{ district: 'Amager Vest', code: 'amager-vest', areas: ['amager-vest'] }]);
  });
  it('the merged report keeps each district\'s identity, in the merged order', () => {
    const r = mergeReports([av(), valby(), amagerAs('Sundbyvester (distrikt 15)', 'distrikt-15', ['amager-oest/distrikt-15'])]);
    expect(r.ok && r.report.districtAreas).toEqual([
      { district: 'Valby', code: 'valby', areas: ['valby'] },
      { district: 'Amager Vest', code: 'amager-vest', areas: ['amager-vest'] },
      { district: 'Sundbyvester (distrikt 15)', code: 'distrikt-15', areas: ['amager-oest/distrikt-15'] },
    ]);
  });
});

describe('merge refuses overlapping areas, naming both files', () => {
  it('"Amager Vest" plus the same data named "Sundbyvester (distrikt 15)" (a part of Amager Vest): refused, not 244 = 122 + 122', () => {
    expect(fail([av(), amagerAs('Sundbyvester (distrikt 15)', 'distrikt-15', ['amager-vest/distrikt-15'])], ['amager-vest.json', 'sundbyvester.json'])).toBe(
      '"Amager Vest" i filen "amager-vest.json" og "Sundbyvester (distrikt 15)" i filen "sundbyvester.json" dækker det samme område af Amager Vest, så tallene ville blive talt med to gange. Saml kun rapporter, der dækker hver sin del af byen.',
    );
  });
  it('the same bydel under another name (same code) is refused', () => {
    expect(fail([av(), amagerAs('Amager V.', 'amager-vest', ['amager-vest'])], ['a.json', 'b.json'])).toBe(
      'Bydelskoden "amager-vest" findes både i filen "a.json" ("Amager Vest") og i filen "b.json" ("Amager V."): det er den samme bydel under to navne. Hver bydel må kun indgå i én af rapporterne.',
    );
  });
  it('two parts of the same bydel are different ground and merge', () => {
    const r = mergeReports([amagerAs('Distrikt 15', 'distrikt-15', ['amager-vest/distrikt-15']), amagerAs('Distrikt 16', 'distrikt-16', ['amager-vest/distrikt-16'])]);
    expect(r.ok).toBe(true);
    expect(r.ok && r.report.totals.casesByLevel.find((x) => x.district === 'all' && x.level === 'all')?.active).toBe(22); // 11 + 11
    expect(r.ok && r.coverage.partial).toEqual(['Amager Vest']);
  });
  it('a version 1 file (no codes) is read by its names: "Amager Vest" in v1 and in v2 is the same bydel', () => {
    const { districtAreas: _, ...v1 } = av();
    expect(fail([{ ...v1, version: 1 }, amagerAs('Amager V.', 'amager-vest', ['amager-vest'])])).toMatch(/^Bydelskoden "amager-vest" findes både i fil nr. 1/);
  });
});

describe('which of the city\'s bydele are missing', () => {
  const CITY = ['Indre By', 'Østerbro', 'Nørrebro', 'Vesterbro/Kongens Enghave', 'Valby', 'Vanløse', 'Brønshøj-Husum', 'Bispebjerg', 'Amager Øst', 'Amager Vest'];
  const file = (d: string) => exactReport([d], rename(VALBY, 'Valby', d), { unit: `SSP ${d}` });

  it('seven of ten: "Modtaget 7 af 10 bydele; mangler: ..." in the city\'s order', () => {
    const received = ['Amager Vest', 'Indre By', 'Nørrebro', 'Valby', 'Østerbro', 'Amager Øst', 'Bispebjerg'];
    const r = mergeReports(received.map(file));
    if (!r.ok) throw new Error(r.error);
    // By hand: the ten minus the seven, in the city's order.
    expect(r.coverage).toEqual({ received: 7, of: 10, missing: ['Vesterbro/Kongens Enghave', 'Vanløse', 'Brønshøj-Husum'], partial: [], unmapped: [] });
    expect(coverageMessage(r.coverage)).toBe('Modtaget 7 af 10 bydele; mangler: Vesterbro/Kongens Enghave, Vanløse, Brønshøj-Husum.');
  });
  it('all ten: nothing missing', () => {
    const r = mergeReports(CITY.map(file));
    expect(r.ok && coverageMessage(r.coverage)).toBe('Modtaget 10 af 10 bydele.');
  });
  it('parts and unmapped districts are said as such', () => {
    const r = mergeReports([av(), amagerAs('Sundbyvester (distrikt 15)', 'distrikt-15', ['amager-oest/distrikt-15']), amagerAs('Christiania', 'christiania', [])]);
    if (!r.ok) throw new Error(r.error);
    expect(coverageMessage(r.coverage)).toBe(
      'Modtaget 1 af 10 bydele; mangler: Indre By, Østerbro, Nørrebro, Vesterbro/Kongens Enghave, Valby, Vanløse, Brønshøj-Husum, Bispebjerg. Kun en del af: Amager Øst. Uden kobling til en bydel: Christiania.',
    );
  });
});
