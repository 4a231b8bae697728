import { describe, expect, it } from 'vitest';
import { MERGE_MESSAGES, anonymiseReport, mergeReports, type ReportV1 } from '../../src/shared/semiannual-report';
import { AMAGER_VEST, VALBY, exactReport, findRow } from './report-fixtures';

const av = () =>
  exactReport(['Amager Vest'], AMAGER_VEST, { unit: 'SSP Amager' }, [
    { district: 'Amager Vest', text: 'Færre unge samlet ved stationen om aftenen.' },
  ]);
const valby = () =>
  exactReport(['Valby'], VALBY, { unit: 'SSP Valby' }, [{ district: 'Valby', text: 'Uro omkring et indkøbscenter i foråret.' }]);

function ok(inputs: unknown[], options = {}): ReportV1 {
  const r = mergeReports(inputs, { generatedAt: '2026-07-02T09:00:00Z', ...options });
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

describe('mergeReports: sums', () => {
  const m = ok([av(), valby()]);

  it('puts districts in city order and keeps the header', () => {
    expect(m.districts).toEqual(['Valby', 'Amager Vest']);
    expect(m.mode).toBe('exact');
    expect(m.period).toBe('2026-H1');
    expect(m.unit).toBe('SSP Amager + SSP Valby');
    expect(m.generatedAt).toBe('2026-07-02T09:00:00Z');
    expect(m.appVersion).toBe('0.1.0');
    expect(m.threshold).toBe(5);
  });
  it('takes each district row over unchanged', () => {
    expect(m.tables.casesByLevel.map((r) => [r.district, r.level, r.active, r.new, r.closed])).toEqual([
      ['Valby', 1, 7, 3, 2], ['Valby', 2, 1, 1, 0], ['Valby', 3, 5, 1, 1], ['Valby', 4, 1, 0, 0],
      ['Amager Vest', 1, 3, 1, 0], ['Amager Vest', 2, 6, 2, 1], ['Amager Vest', 3, 2, 0, 0], ['Amager Vest', 4, 0, 0, 0],
    ]);
    expect(m.tables.eventsByDistrict).toEqual([
      { district: 'Valby', charges: 10, interviews: 12, remand: 3 },
      { district: 'Amager Vest', charges: 4, interviews: 6, remand: 1 },
    ]);
  });
  it('recomputes totals over all districts', () => {
    expect(m.totals.casesByLevel).toEqual([
      { district: 'Valby', level: 'all', active: 14, new: 5, closed: 3 },
      { district: 'Amager Vest', level: 'all', active: 11, new: 3, closed: 1 },
      { district: 'all', level: 1, active: 10, new: 4, closed: 2 },
      { district: 'all', level: 2, active: 7, new: 3, closed: 1 },
      { district: 'all', level: 3, active: 7, new: 1, closed: 1 },
      { district: 'all', level: 4, active: 1, new: 0, closed: 0 },
      { district: 'all', level: 'all', active: 25, new: 8, closed: 4 },
    ]);
    expect(findRow(m.totals, 'activeBySex', { district: 'all', sex: 'M' }).count).toBe(17);
    expect(findRow(m.totals, 'activeBySex', { district: 'all', sex: 'K' }).count).toBe(8);
    expect(findRow(m.totals, 'activeByAgeBand', { district: 'all', band: 'all' }).count).toBe(25);
    expect(m.totals.eventsByDistrict).toEqual([{ district: 'all', charges: 14, interviews: 18, remand: 4 }]);
    expect(m.totals.sspPlus.byDistrict).toEqual([{ district: 'all', active: 6, started: 3, ended: 1 }]);
    expect(findRow(m.totals, 'sspPlus.followUps', { district: 'all', months: 3, outcome: 'job' }).count).toBe(3);
    expect(findRow(m.totals, 'sspPlus.followUps', { district: 'all', months: 3, outcome: 'all' }).count).toBe(4);
    expect(m.totals.releases.byDistrict).toEqual([{ district: 'all', releases: 3, meetings: 2 }]);
    expect(findRow(m.totals, 'releases.followUps', { district: 'all', months: 3, outcome: 'all' }).count).toBe(3);
  });
  it('keeps each district assessment, in district order', () => {
    expect(m.assessments).toEqual([
      { district: 'Valby', text: 'Uro omkring et indkøbscenter i foråret.' },
      { district: 'Amager Vest', text: 'Færre unge samlet ved stationen om aftenen.' },
    ]);
  });
  it('merges three files and files with several districts', () => {
    const vanlose = exactReport(['Vanløse', 'Christianshavn'], [
      ['casesByLevel', { district: 'Vanløse', level: 1 }, { active: 4 }],
      ['casesByLevel', { district: 'Christianshavn', level: 1 }, { active: 2 }],
    ]);
    const three = ok([vanlose, av(), valby()]);
    // Known districts in city order, then unknown ones (Christianshavn) in input order.
    expect(three.districts).toEqual(['Valby', 'Vanløse', 'Amager Vest', 'Christianshavn']);
    expect(findRow(three.totals, 'casesByLevel', { district: 'all', level: 1 }).active).toBe(7 + 4 + 3 + 2);
    expect(findRow(three.totals, 'casesByLevel', { district: 'all', level: 'all' }).active).toBe(31);
  });
  it('uses the highest threshold and the given unit', () => {
    const m2 = ok([av(), exactReport(['Valby'], VALBY, { threshold: 10 })], { unit: 'Københavns Kommune' });
    expect(m2.threshold).toBe(10);
    expect(m2.unit).toBe('Københavns Kommune');
  });
  it('accepts a single file and parsed JSON', () => {
    expect(ok([JSON.parse(JSON.stringify(av()))]).districts).toEqual(['Amager Vest']);
  });
  it('gives an exact report that can be anonymised', () => {
    expect(anonymiseReport(m).mode).toBe('anonymised');
  });
});

describe('mergeReports: refusals', () => {
  const fail = (inputs: unknown[], options = {}) => {
    const r = mergeReports(inputs, options);
    if (r.ok) throw new Error('expected a refusal');
    return r.error;
  };

  it('needs at least one file', () => {
    expect(fail([])).toBe('Vælg mindst én rapport at samle.');
  });
  it('refuses mixed periods', () => {
    expect(fail([av(), exactReport(['Valby'], VALBY, { period: '2025-H2' })])).toBe(
      'Rapporterne dækker forskellige perioder (fil nr. 1: 2026-H1, fil nr. 2: 2025-H2). Saml rapporter fra samme halvår, eller 1. og 2. halvår af samme år til en årsrapport.',
    );
  });
  it('refuses unknown versions', () => {
    expect(fail([av(), { ...valby(), version: 3 }])).toBe(
      'Fil nr. 2 er i formatversion 3, som denne udgave af SSP Desk ikke kan læse. Opdater SSP Desk, eller bed afsenderen om en rapport i version 2.',
    );
  });
  it('refuses anonymised inputs', () => {
    expect(fail([av(), anonymiseReport(valby())], { fileNames: ['amager.json', 'valby.json'] })).toBe(
      'Filen "valby.json" er anonymiseret. Kun eksakte rapporter kan samles, fordi skjulte tal ("<5") ikke kan lægges sammen. Bed afsenderen om den eksakte rapport.',
    );
  });
  it('refuses two files covering the same district, also in another letter case', () => {
    expect(fail([av(), valby(), av()], { fileNames: ['a.json', 'b.json', 'c.json'] })).toBe(
      'Bydelen "Amager Vest" findes både i filen "a.json" og i filen "c.json". Hver bydel må kun indgå i én af rapporterne.',
    );
    const lower = exactReport(['amager vest'], []);
    expect(fail([av(), lower])).toBe(
      'Bydelen "amager vest" findes både i fil nr. 1 og i fil nr. 2. Hver bydel må kun indgå i én af rapporterne.',
    );
  });
  it('refuses files that are not reports', () => {
    expect(fail([av(), { hello: 'world' }])).toBe('Fil nr. 2 er ikke en SSP-halvårsrapport.');
    expect(fail([null])).toBe('Fil nr. 1 er ikke en SSP-halvårsrapport.');
    expect(fail(['{"format":"ssp-halvaarsrapport"}'])).toBe('Fil nr. 1 er ikke en SSP-halvårsrapport.');
  });
  it('refuses broken reports with the first problem', () => {
    const broken = av();
    findRow(broken.totals, 'casesByLevel', { district: 'all', level: 'all' }).active = 99;
    expect(fail([broken, valby()])).toBe(
      'Fil nr. 1 kan ikke læses som halvårsrapport: totals.casesByLevel[5].active: Totalerne for casesByLevel: alle bydele, niveau alle skal være 11, ikke 99.',
    );
  });
  it('has a message for each refusal', () => {
    expect(Object.keys(MERGE_MESSAGES).sort()).toEqual(
      ['anonymised', 'duplicateCode', 'duplicateDistrict', 'invalid', 'none', 'notReport', 'overlap', 'periods', 'version', 'yearDistricts'].sort(),
    );
  });
});
