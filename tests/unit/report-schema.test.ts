import { describe, expect, it } from 'vitest';
import { parseReport, reportSchemaV1, type ReportV1 } from '../../src/shared/semiannual-report';
import { AMAGER_VEST, VALBY, exactReport, findRow } from './report-fixtures';

const base = (): ReportV1 =>
  exactReport(['Amager Vest', 'Valby'], [...AMAGER_VEST, ...VALBY], {}, [
    { district: 'Amager Vest', text: 'Roligere halvår; færre unge samlet om aftenen ved stationen.' },
  ]);

function problems(report: unknown): string[] {
  const r = parseReport(report);
  return r.ok ? [] : r.issues;
}

describe('report schema (writes version 2, reads 1 and 2)', () => {
  it('accepts a complete exact report', () => {
    const r = parseReport(base());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.report.format).toBe('ssp-halvaarsrapport');
      expect(r.report.version).toBe(2);
      expect(r.report.districtAreas?.map((a) => a.code)).toEqual(r.report.districts.map(() => expect.any(String)));
      expect(r.report.threshold).toBe(5);
    }
  });
  it('survives a JSON round trip', () => {
    expect(parseReport(JSON.parse(JSON.stringify(base()))).ok).toBe(true);
  });
  it('refuses other formats and versions', () => {
    expect(problems({ ...base(), format: 'noget-andet' })[0]).toMatch(/^format: /);
    expect(problems({ ...base(), version: 3 })[0]).toMatch(/^version: Ugyldig/);
  });
  it('version 2 needs each district\'s code and areas, in order, known bydele; version 1 has none', () => {
    const { districtAreas, ...v1 } = base();
    expect(parseReport({ ...v1, version: 1 }).ok).toBe(true);
    expect(problems({ ...v1, version: 1, districtAreas })[0]).toBe('districtAreas: Bydelskoder (districtAreas) findes først i formatversion 2.');
    expect(problems(v1)[0]).toBe('districtAreas: En rapport i formatversion 2 skal have bydelskoder (districtAreas) for hver bydel.');
    const list = districtAreas!;
    expect(problems({ ...base(), districtAreas: [...list].reverse() })[0]).toMatch(/samme rækkefølge/);
    const two = base();
    two.districtAreas![1] = { ...two.districtAreas![1]!, code: two.districtAreas![0]!.code };
    expect(problems(two)[0]).toMatch(/har samme kode/);
    // Districts of one file may share a bydel: each case counts in one district only.
    const shared = base();
    shared.districtAreas![1] = { ...shared.districtAreas![1]!, areas: [`${shared.districtAreas![0]!.areas[0]}/distrikt-15`] };
    expect(parseReport(shared).ok).toBe(true);
    const unknown = base();
    unknown.districtAreas![0] = { ...unknown.districtAreas![0]!, areas: ['atlantis'] };
    expect(problems(unknown)[0]).toMatch(/"atlantis" er ikke en af byens bydele/);
  });
  it('refuses unknown fields (strict)', () => {
    expect(problems({ ...base(), names: ['x'] }).join(' ')).toMatch(/Ukendt nøgle/);
    const r = base();
    (r.tables.casesByLevel[0] as Record<string, unknown>).cpr = '010203-1234';
    expect(problems(r).join(' ')).toMatch(/Ukendt nøgle/);
  });
  it('checks header fields', () => {
    expect(problems({ ...base(), period: '2026-1' })[0]).toBe('period: Perioden skrives som ÅÅÅÅ-H1, ÅÅÅÅ-H2 eller ÅÅÅÅ (hele året).');
    expect(problems({ ...base(), generatedAt: '1. juli 2026' })[0]).toMatch(/^generatedAt: /);
    expect(problems({ ...base(), mode: 'rå' })[0]).toMatch(/^mode: /);
    expect(problems({ ...base(), threshold: 0 })[0]).toMatch(/^threshold: /);
    expect(parseReport({ ...base(), generatedAt: '2026-07-01T10:00:00+02:00' }).ok).toBe(true);
  });
  it('gives a Danish summary sentence', () => {
    const r = parseReport({ ...base(), version: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Filen følger ikke formatet for halvårsrapporter/);
  });
});

describe('rows and totals', () => {
  it('refuses a missing row', () => {
    const r = base();
    r.tables.casesByLevel = r.tables.casesByLevel.filter((x) => !(x.district === 'Valby' && x.level === 4));
    expect(problems(r)).toContain('tables.casesByLevel: Tabellen casesByLevel: rækken for Valby, niveau 4 mangler.');
  });
  it('refuses a duplicate row', () => {
    const r = base();
    r.tables.activeBySex.push({ district: 'Valby', sex: 'K', count: 0 });
    expect(problems(r)).toContain('tables.activeBySex[6]: Tabellen activeBySex: rækken for Valby, køn K står der to gange.');
  });
  it('refuses rows for a district not in the report', () => {
    const r = base();
    r.tables.eventsByDistrict.push({ district: 'Vanløse', charges: 0, interviews: 0, remand: 0 });
    expect(problems(r)).toContain('tables.eventsByDistrict[2]: Tabellen eventsByDistrict: rækken for Vanløse hører ikke til rapporten.');
  });
  it('refuses wrong totals in an exact report', () => {
    const r = base();
    findRow(r.totals, 'casesByLevel', { district: 'all', level: 'all' }).active = 24;
    expect(problems(r)).toEqual([
      'totals.casesByLevel[6].active: Totalerne for casesByLevel: alle bydele, niveau alle skal være 25, ikke 24.',
    ]);
  });
  it('refuses hidden counts in an exact report', () => {
    const r = base();
    findRow(r.tables, 'activeBySex', { district: 'Valby', sex: 'K' }).count = '<5';
    expect(problems(r)).toContain('tables.activeBySex[4].count: En eksakt rapport må ikke have skjulte tal ("<5").');
  });
  it('accepts "<N" matching the threshold in an anonymised report, and nothing else', () => {
    const r = { ...base(), mode: 'anonymised' as const };
    findRow(r.tables, 'activeBySex', { district: 'Valby', sex: 'K' }).count = '<5';
    expect(parseReport(r).ok).toBe(true);
    findRow(r.tables, 'activeBySex', { district: 'Valby', sex: 'M' }).count = '<3';
    expect(problems(r)).toEqual(['tables.activeBySex[3].count: Skjulte tal skal skrives "<5", som rapportens tærskel siger.']);
    findRow(r.tables, 'activeBySex', { district: 'Valby', sex: 'M' }).count = 'fem' as never;
    expect(problems(r).join(' ')).toMatch(/Et skjult tal skrives som "<N"/);
  });
});

describe('districts and assessments', () => {
  it('refuses duplicate districts, also by letter case', () => {
    const r = base();
    r.districts = ['Amager Vest', 'amager vest'];
    expect(problems(r)).toEqual(['districts[1]: Bydelen "amager vest" står to gange i listen over bydele.']);
  });
  it('refuses a district called "all"', () => {
    const r = base();
    r.districts = ['All'];
    expect(problems(r)).toEqual(['districts[0]: "All" kan ikke bruges som navn på en bydel.']);
  });
  it('refuses CPR-like numbers in an assessment', () => {
    const r = base();
    r.assessments = [{ district: 'Valby', text: 'Opfølgning på 010203-1234 i næste halvår.' }];
    expect(problems(r)).toEqual([
      'assessments[0].text: Vurderingen for "Valby" indeholder noget, der ligner et CPR-nummer. Fjern det; rapporten må ikke indeholde personoplysninger.',
    ]);
  });
  it('refuses assessments for unknown districts and two for one district', () => {
    const r = base();
    r.assessments = [
      { district: 'Vanløse', text: 'x' },
      { district: 'Valby', text: 'a' },
      { district: 'Valby', text: 'b' },
    ];
    expect(problems(r)).toEqual([
      'assessments[0].district: Vurderingen for "Vanløse" hører ikke til en af rapportens bydele.',
      'assessments[2].district: Der er to vurderinger for "Valby".',
    ]);
  });
  it('allows districts without an assessment', () => {
    expect(reportSchemaV1.safeParse({ ...base(), assessments: [] }).success).toBe(true);
  });
});
