import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { parseReport, type ReportV1 } from '../../src/shared/semiannual-report';
import type { ComputedReport, ReportFileOutput, TrendPoint } from '../../src/shared/semiannual-report/contract';
import { createTestVault, type TestVault } from './helpers';
import { buildReportFixture, NOW, PERIOD, REPORTED, secrets, type Fixture } from '../fixtures/report/fixture';
import {
  BANDS,
  BY_BAND,
  BY_SEX,
  CASES_BY_LEVEL,
  EVENTS,
  H2_2025,
  RELEASE_FOLLOW_UPS,
  RELEASES,
  SSP_PLUS,
  SSP_PLUS_FOLLOW_UPS,
  TOTALS,
} from '../fixtures/report/expected';

/**
 * The semi-annual report on a small hand-made register (tests/fixtures/report): exact tables
 * against hand-written expectations, anonymised spot checks, the three file formats read back,
 * no personal data in any export, assessments refused for CPR numbers and names, audit.
 */

let v: TestVault;
let fx: Fixture;
const ORDER = ['Nørrebro', 'Valby', 'Amager Vest'];

beforeAll(async () => {
  v = await createTestVault({ now: () => NOW });
  fx = await buildReportFixture(v.call);
}, 60_000);
afterAll(() => v.cleanup());

const compute = (input: Record<string, unknown> = {}) =>
  v.call<ComputedReport>('report.compute', { period: PERIOD, districts: [...REPORTED], mode: 'exact', ...input });
const exportFile = (input: Record<string, unknown>) =>
  v.call<ReportFileOutput>('report.export', { period: PERIOD, districts: [...REPORTED], ...input });
const bytesOf = (f: ReportFileOutput) => Buffer.from(f.base64, 'base64');
const row = <T extends Record<string, unknown>>(rows: T[], keys: Record<string, unknown>) => {
  const found = rows.find((r) => Object.entries(keys).every(([k, val]) => r[k] === val));
  if (!found) throw new Error(`no row ${JSON.stringify(keys)}`);
  return found;
};

describe('exact report for 2026-H1 (hand-computed)', () => {
  let report: ReportV1;
  let computed: ComputedReport;
  beforeAll(async () => {
    computed = await compute();
    report = computed.report;
  });

  it('has the header: period, districts in the vault order, mode, threshold, unit, time, version', () => {
    expect(report.format).toBe('ssp-halvaarsrapport');
    expect(report.version).toBe(2);
    expect(report.districtAreas).toEqual([
      { district: 'Nørrebro', code: 'noerrebro', areas: ['noerrebro'] },
      { district: 'Valby', code: 'valby', areas: ['valby'] },
      { district: 'Amager Vest', code: 'amager-vest', areas: ['amager-vest'] },
    ]);
    expect(report.period).toBe('2026-H1');
    expect(report.districts).toEqual(ORDER);
    expect(report.mode).toBe('exact');
    expect(report.threshold).toBe(5);
    expect(report.unit).toBe('SSP Amager Vest'); // the owner's area
    expect(report.generatedAt).toBe('2026-08-15T10:00:00.000Z');
    expect(report.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(parseReport(report).ok).toBe(true);
  });

  it('casesByLevel: active by the level on the end date, new by the opening level, closed by the level on the closing day', () => {
    const expected = ORDER.flatMap((d) =>
      CASES_BY_LEVEL[d]!.map(([active, n, closed], i) => ({ district: d, level: i + 1, active, new: n, closed })),
    );
    expect(report.tables.casesByLevel).toEqual(expected);
  });

  it('activeByAgeBand: age on the end date (birthdays on that day count)', () => {
    expect(report.tables.activeByAgeBand).toEqual(ORDER.flatMap((d) => BANDS.map((band, i) => ({ district: d, band, count: BY_BAND[d]![i] }))));
  });

  it('activeBySex', () => {
    expect(report.tables.activeBySex).toEqual(
      ORDER.flatMap((d) => (['M', 'K', 'unknown'] as const).map((sex, i) => ({ district: d, sex, count: BY_SEX[d]![i] }))),
    );
  });

  it('eventsByDistrict: young people, not events; the period\'s first and last days included', () => {
    expect(report.tables.eventsByDistrict).toEqual(
      ORDER.map((d) => ({ district: d, charges: EVENTS[d]![0], interviews: EVENTS[d]![1], remand: EVENTS[d]![2] })),
    );
  });

  it('SSP+: plans and follow-ups due in the period (not recorded = ukendt)', () => {
    expect(report.tables.sspPlus.byDistrict).toEqual(
      ORDER.map((d) => ({ district: d, active: SSP_PLUS[d]![0], started: SSP_PLUS[d]![1], ended: SSP_PLUS[d]![2] })),
    );
    const nonZero = report.tables.sspPlus.followUps.filter((r) => r.count !== 0).map((r) => [r.district, r.months, r.outcome, r.count]);
    expect(nonZero).toEqual(SSP_PLUS_FOLLOW_UPS);
    expect(report.tables.sspPlus.followUps).toHaveLength(3 * 3 * 5);
  });

  it('releases: releases and meetings in the period, follow-ups from the release date', () => {
    expect(report.tables.releases.byDistrict).toEqual(ORDER.map((d) => ({ district: d, releases: RELEASES[d]![0], meetings: RELEASES[d]![1] })));
    const nonZero = report.tables.releases.followUps.filter((r) => r.count !== 0).map((r) => [r.district, r.months, r.outcome, r.count]);
    expect(nonZero).toEqual(RELEASE_FOLLOW_UPS);
  });

  it('totals equal the hand-computed city figures', () => {
    const t = report.totals;
    for (const d of ORDER) {
      const [active, n, closed] = TOTALS.byDistrict[d]!;
      expect(row(t.casesByLevel, { district: d, level: 'all' })).toEqual({ district: d, level: 'all', active, new: n, closed });
    }
    TOTALS.byLevel.forEach(([active, n, closed], i) =>
      expect(row(t.casesByLevel, { district: 'all', level: i + 1 })).toEqual({ district: 'all', level: i + 1, active, new: n, closed }),
    );
    expect(row(t.casesByLevel, { district: 'all', level: 'all' })).toEqual({ district: 'all', level: 'all', active: 14, new: 7, closed: 5 });
    BANDS.forEach((band, i) => expect(row(t.activeByAgeBand, { district: 'all', band }).count).toBe(TOTALS.bands[i]));
    expect(row(t.activeByAgeBand, { district: 'all', band: 'all' }).count).toBe(14);
    expect(row(t.activeBySex, { district: 'all', sex: 'M' }).count).toBe(9);
    expect(row(t.activeBySex, { district: 'all', sex: 'K' }).count).toBe(4);
    expect(row(t.activeBySex, { district: 'all', sex: 'unknown' }).count).toBe(1);
    expect(t.eventsByDistrict).toEqual([{ district: 'all', charges: 5, interviews: 4, remand: 2 }]);
    expect(t.sspPlus.byDistrict).toEqual([{ district: 'all', active: 2, started: 2, ended: 1 }]);
    expect(t.releases.byDistrict).toEqual([{ district: 'all', releases: 2, meetings: 2 }]);
    expect(row(t.releases.followUps, { district: 'all', months: 3, outcome: 'all' }).count).toBe(2);
    expect(row(t.releases.followUps, { district: 'all', months: 6, outcome: 'all' }).count).toBe(1);
  });

  it('reports the cases it could not place in a district (case and person without one)', () => {
    expect(computed.unplaced).toEqual({ active: 1, new: 1, closed: 0 });
  });

  it('the trend covers the chosen half-year and the three before it, oldest first', async () => {
    const trend = await v.call<TrendPoint[]>('report.trend', { period: PERIOD, districts: [...REPORTED], mode: 'exact' });
    expect(trend.map((p) => p.period)).toEqual(['2024-H2', '2025-H1', '2025-H2', '2026-H1']);
    const h2 = trend[2]!.byLevel;
    expect([1, 2, 3, 4].map((l) => row(h2, { level: l }).active)).toEqual(H2_2025.active);
    expect([1, 2, 3, 4].map((l) => row(h2, { level: l }).new)).toEqual(H2_2025.new);
    expect([1, 2, 3, 4].map((l) => row(h2, { level: l }).closed)).toEqual(H2_2025.closed);
    expect(row(h2, { level: 'all' }).active).toBe(H2_2025.activeAll);
    expect(trend[3]!.byLevel).toEqual(report.totals.casesByLevel.filter((r) => r.district === 'all'));
    // Before the vault's first case there is nothing: the trend stops there.
    expect((await v.call<TrendPoint[]>('report.trend', { period: '2023-H2', mode: 'exact' })).map((p) => p.period)).toEqual(['2023-H1', '2023-H2']);
  });

  it('without districts it covers every district of the vault, in its order', async () => {
    const all = (await v.call<ComputedReport>('report.compute', { period: PERIOD, mode: 'exact' })).report;
    expect(all.districts).toEqual([
      'Indre By', 'Østerbro', 'Nørrebro', 'Vesterbro/Kongens Enghave', 'Valby', 'Vanløse', 'Brønshøj-Husum', 'Bispebjerg', 'Amager Øst', 'Amager Vest',
    ]);
    expect(row(all.tables.casesByLevel, { district: 'Østerbro', level: 2 })).toEqual({ district: 'Østerbro', level: 2, active: 1, new: 1, closed: 0 });
    expect(row(all.tables.casesByLevel, { district: 'Amager Vest', level: 1 })).toMatchObject({ active: 2, new: 2 });
  });

  it('refuses an unknown district with a Danish message', async () => {
    const r = await v.dispatch('report.compute', { period: PERIOD, districts: ['Atlantis'], mode: 'exact' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(r)).toContain('Bydelen \\"Atlantis\\" findes ikke i boksen');
  });

  it('district names match regardless of letter case', async () => {
    const r = await compute({ districts: ['nørrebro', 'VALBY'] });
    expect(r.report.districts).toEqual(['Nørrebro', 'Valby']);
  });
});

describe('anonymised report (the default)', () => {
  let anon: ReportV1;
  beforeAll(async () => {
    anon = (await v.call<ComputedReport>('report.compute', { period: PERIOD, districts: [...REPORTED] })).report;
  });

  it('is anonymised by default, with the vault threshold', () => {
    expect(anon.mode).toBe('anonymised');
    expect(anon.threshold).toBe(5);
    expect(parseReport(anon).ok).toBe(true);
  });

  it('hides every count from 1 to 4, keeps zeros, shows any other count as it is', () => {
    const check = (shown: unknown, exact: number) => {
      if (exact === 0) expect(shown).toBe(0);
      else if (exact < 5) expect(shown).toBe('<5');
      else expect([exact, '<5']).toContain(shown);
    };
    for (const d of ORDER) {
      CASES_BY_LEVEL[d]!.forEach(([a, n, c], i) => {
        const r = row(anon.tables.casesByLevel, { district: d, level: i + 1 });
        check(r.active, a);
        check(r.new, n);
        check(r.closed, c);
      });
      BANDS.forEach((band, i) => check(row(anon.tables.activeByAgeBand, { district: d, band }).count, BY_BAND[d]![i]!));
      const e = row(anon.tables.eventsByDistrict, { district: d });
      check(e.charges, EVENTS[d]![0]);
    }
    // Spot checks by hand.
    expect(row(anon.tables.casesByLevel, { district: 'Amager Vest', level: 1 }).active).toBe('<5');
    expect(row(anon.tables.casesByLevel, { district: 'Valby', level: 3 })).toMatchObject({ active: 0, new: 0, closed: 0 });
    expect(row(anon.totals.casesByLevel, { district: 'Valby', level: 'all' }).active).toBe('<5'); // 3
    // Valby's active total (3) is hidden, so it is hidden in the age and sex tables too.
    expect(row(anon.totals.activeByAgeBand, { district: 'Valby', band: 'all' }).count).toBe('<5');
    expect(row(anon.totals.activeBySex, { district: 'Valby', sex: 'all' }).count).toBe('<5');
    // The total over these districts would give Valby's away: a subset's total is shown only when
    // every count it adds up is shown (it is cut from the all-districts report, views.ts).
    expect(row(anon.totals.casesByLevel, { district: 'all', level: 'all' }).active).toBe('<5');
  });

  it('the trend is anonymised like the report, each half-year cut from its all-districts report', async () => {
    const trend = await v.call<TrendPoint[]>('report.trend', { period: PERIOD, districts: [...REPORTED] });
    expect(trend[3]!.byLevel).toEqual(anon.totals.casesByLevel.filter((r) => r.district === 'all'));
    const h2 = trend[2]!.byLevel;
    // 2025-H2 by hand: active per level 3, 4, 3, 1 (11): every level total is small.
    expect([1, 2, 3, 4].map((l) => row(h2, { level: l }).active)).toEqual(['<5', '<5', '<5', '<5']);
    // 11 in all, but a sum of hidden counts over a subset of the districts: hidden too.
    expect(row(h2, { level: 'all' }).active).toBe('<5');
  });

  it('uses the threshold set in the vault', async () => {
    await v.call('settings.update', { reportThreshold: 3 });
    try {
      const r = (await v.call<ComputedReport>('report.compute', { period: PERIOD, districts: [...REPORTED] })).report;
      expect(r.threshold).toBe(3);
      expect(row(r.tables.casesByLevel, { district: 'Amager Vest', level: 1 }).active).toBe('<3');
      expect(JSON.stringify(r)).not.toContain('<5');
    } finally {
      await v.call('settings.update', { reportThreshold: 5 });
    }
  });
});

describe('the year view (both halves)', () => {
  it("'2025' adds up the halves' flows and takes the second half's stocks; exported and valid, exact and anonymised", async () => {
    const year = (await v.call<ComputedReport>('report.compute', { period: '2025', mode: 'exact' })).report;
    const [h1, h2] = await Promise.all(
      ['2025-H1', '2025-H2'].map(async (period) => (await v.call<ComputedReport>('report.compute', { period, mode: 'exact' })).report),
    );
    expect(year.period).toBe('2025');
    expect(parseReport(year).ok).toBe(true);
    year.tables.casesByLevel.forEach((r, i) => {
      expect(r.new).toBe((h1!.tables.casesByLevel[i]!.new as number) + (h2!.tables.casesByLevel[i]!.new as number));
      expect(r.closed).toBe((h1!.tables.casesByLevel[i]!.closed as number) + (h2!.tables.casesByLevel[i]!.closed as number));
      expect(r.active).toBe(h2!.tables.casesByLevel[i]!.active);
    });
    const file = await v.call<ReportFileOutput>('report.export', { period: '2025', format: 'json' });
    expect(file.fileName).toBe('aarsrapport-2025-hele-byen-anonymiseret.json');
    const anon = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as ReportV1;
    expect(parseReport(anon).ok).toBe(true);
    expect(anon.mode).toBe('anonymised');
    await expect(v.call('report.export', { period: '2025-H3', format: 'json' })).rejects.toThrow(/INVALID_INPUT/);
  });
});

describe('export files', () => {
  it('JSON validates against the schema; the file name says what it covers (the districts, not the unit) and exact or anonymised', async () => {
    const exact = await exportFile({ mode: 'exact', format: 'json' });
    expect(exact.fileName).toBe('halvaarsrapport-2026-H1-noerrebro-valby-amager-vest-eksakt.json');
    expect(exact.mimeType).toBe('application/json');
    const parsed = parseReport(JSON.parse(bytesOf(exact).toString('utf8')));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(row(parsed.report.totals.casesByLevel, { district: 'all', level: 'all' })).toMatchObject({ active: 14, new: 7, closed: 5 });
    const anon = await exportFile({ format: 'json', unit: 'SSP Amager Øst' });
    expect(anon.fileName).toBe('halvaarsrapport-2026-H1-noerrebro-valby-amager-vest-anonymiseret.json');
    expect((await exportFile({ format: 'json', districts: ['Valby'] })).fileName).toBe('halvaarsrapport-2026-H1-valby-anonymiseret.json');
    expect((await exportFile({ format: 'json', districts: ['Valby', 'Østerbro', 'Nørrebro', 'Amager Vest'] })).fileName).toBe('halvaarsrapport-2026-H1-4-bydele-anonymiseret.json');
    expect((await v.call<ReportFileOutput>('report.export', { period: PERIOD, format: 'json' })).fileName).toBe('halvaarsrapport-2026-H1-hele-byen-anonymiseret.json');
    const a = parseReport(JSON.parse(bytesOf(anon).toString('utf8')));
    expect(a.ok && a.report.mode).toBe('anonymised');
    expect(a.ok && a.report.unit).toBe('SSP Amager Øst');
  });

  it('CSV: BOM, semicolons, CRLF, Danish headers, one block per table; parsed back with æ, ø, å intact', async () => {
    const file = await exportFile({ mode: 'exact', format: 'csv' });
    expect(file.fileName).toBe('halvaarsrapport-2026-H1-noerrebro-valby-amager-vest-eksakt.csv');
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n(?!")/); // every line break is CRLF (bar quoted cells)
    const rows = Papa.parse<string[]>(text, { delimiter: ';' }).data;
    const at = (title: string) => rows.findIndex((r) => r[0] === title);
    expect(rows[0]).toEqual(['Halvårsrapport', 'Urolige områder i København']);
    expect(rows.find((r) => r[0] === 'Tilstand')?.[1]).toMatch(/^Eksakt/);

    const cases = at('Sager pr. bydel og niveau');
    expect(rows[cases + 1]).toEqual(['Bydel', 'Niveau', 'Aktive ved periodens slut', 'Nye i perioden', 'Afsluttede i perioden']);
    expect(rows[cases + 2]).toEqual(['Nørrebro', '1', '1', '1', '0']);
    expect(rows.slice(cases + 2, cases + 14).map((r) => r[0])).toEqual([...Array(4).fill('Nørrebro'), ...Array(4).fill('Valby'), ...Array(4).fill('Amager Vest')]);
    expect(rows[cases + 14]).toEqual(['Nørrebro', 'I alt', '6', '2', '1']);
    expect(rows.slice(cases + 2).find((r) => r[0] === 'Alle bydele' && r[1] === 'I alt')).toEqual(['Alle bydele', 'I alt', '14', '7', '5']);

    const ages = at('Aktive sager ved periodens slut pr. aldersgruppe');
    expect(rows[ages + 1]).toEqual(['Bydel', 'Aldersgruppe', 'Unge med aktiv sag']);
    expect(rows.slice(ages + 2, ages + 9).map((r) => r[1])).toEqual(['0-11 år', '12-14 år', '15-17 år', '18-21 år', '22-25 år', '26 år og derover', 'Ukendt alder']);
    expect(rows.slice(ages + 2, ages + 9).map((r) => Number(r[2]))).toEqual(BY_BAND.Nørrebro);

    const sex = at('Aktive sager ved periodens slut pr. køn');
    expect(rows[sex + 2]).toEqual(['Nørrebro', 'Mand', '3']);
    const events = at('Unge med hændelser i perioden');
    expect(rows[events + 1]).toEqual(['Bydel', 'Sigtet', 'Afhørt af politiet', 'Fremstillet i dommervagten']);
    expect(rows[events + 4]).toEqual(['Amager Vest', '2', '2', '1']);
    expect(rows[events + 5]).toEqual(['Alle bydele', '5', '4', '2']);
    const fu = at('Opfølgning efter løsladelse i perioden');
    expect(rows[fu + 1]).toEqual(['Bydel', 'Opfølgning', 'Status', 'Antal']);
    expect(rows.slice(fu + 2).find((r) => r[0] === 'Valby' && r[1] === '3 mdr.' && r[2] === 'Ingen af delene')?.[3]).toBe('1');
    for (const title of ['SSP+ forløb', 'SSP+ opfølgninger i perioden', 'Løsladelser og løsladelsesmøder', 'Observationer og vurderinger']) {
      expect(at(title), title).toBeGreaterThan(0);
    }
    // Every block but the last ends with an empty line.
    expect(rows[cases - 1]).toEqual(['']);
  });

  it('CSV of an anonymised report carries the marker and the legend', async () => {
    const text = bytesOf(await exportFile({ format: 'csv' })).toString('utf8');
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data;
    expect(rows.find((r) => r[0] === 'Tilstand')?.[1]).toBe('Anonymiseret (små tal er skjult)');
    expect(rows.find((r) => r[0] === 'Note')?.[1]).toContain('"<5" betyder et skjult tal');
    expect(rows.find((r) => r[0] === 'Amager Vest' && r[1] === '1')).toEqual(['Amager Vest', '1', '<5', '<5', '0']);
  });

  it('XLSX: a sheet per table with a styled header row, levels as numbers, read back with exceljs', async () => {
    const file = await exportFile({ mode: 'exact', format: 'xlsx' });
    expect(file.fileName).toBe('halvaarsrapport-2026-H1-noerrebro-valby-amager-vest-eksakt.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Om rapporten', 'Sager pr. niveau', 'Alder', 'Køn', 'Hændelser', 'SSP+', 'SSP+ opfølgning', 'Løsladelser', 'Løsladelse opfølgning', 'Exit', 'Sikker By', 'Tryghed og uro', 'Udvikling sager', 'Udvikling øvrige', 'Vurderinger',
    ]);
    const ws = wb.getWorksheet('Sager pr. niveau')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Bydel', 'Niveau', 'Aktive ved periodens slut', 'Nye i perioden', 'Afsluttede i perioden']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((ws.getRow(1).getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF004D99');
    expect(ws.getRow(2).values).toEqual([undefined, 'Nørrebro', 1, 1, 1, 0]);
    expect(ws.getRow(10).values).toEqual([undefined, 'Amager Vest', 1, 2, 2, 0]);
    const last = ws.getRow(ws.rowCount).values as unknown[];
    expect(last).toEqual([undefined, 'Alle bydele', 'I alt', 14, 7, 5]);
    const about = wb.getWorksheet('Om rapporten')!;
    expect(about.getRow(5).values).toEqual([undefined, 'Bydelskoder', 'Nørrebro = noerrebro; Valby = valby; Amager Vest = amager-vest']);
    expect(about.getRow(6).values).toEqual([undefined, 'Tilstand', 'Eksakt (alle tal vises, må ikke offentliggøres)']);
    const ages = wb.getWorksheet('Alder')!;
    expect(ages.getRow(4).values).toEqual([undefined, 'Nørrebro', '15-17 år', 3]);
  });

  it('no names, CPR numbers, birth dates, notes or other free text in any export', async () => {
    await v.call('report.assessments.save', { period: PERIOD, districtId: fx.districtIds.Valby, text: 'Uro ved Toftegårds Plads om aftenen; færre unge i klubberne.' });
    const texts: string[] = [];
    for (const mode of ['exact', 'anonymised']) {
      for (const format of ['json', 'csv']) texts.push(bytesOf(await exportFile({ mode, format })).toString('utf8'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytesOf(await exportFile({ mode, format: 'xlsx' })) as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
      texts.push(cells.join('\n'));
    }
    expect(texts.join('\n')).toContain('Toftegårds Plads');
    for (const text of texts) {
      for (const secret of secrets()) expect(text, secret).not.toContain(secret);
      expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/);
    }
    await v.call('report.assessments.save', { period: PERIOD, districtId: fx.districtIds.Valby, text: '' });
  });

  it('every export is audited with mode, format and period only', async () => {
    const before = (v.ctx.vault.current.sqlite.prepare(`SELECT max(id) AS m FROM audit_log`).get() as { m: number }).m;
    await exportFile({ mode: 'exact', format: 'xlsx' });
    await exportFile({ format: 'csv' });
    const rows = v.ctx.vault.current.sqlite.prepare(`SELECT action, entity, detail, actor FROM audit_log WHERE id > ? ORDER BY id`).all(before);
    expect(rows).toEqual([
      { action: 'export', entity: 'report', detail: 'mode:exact;format:xlsx;period:2026-H1', actor: 'Testa Koordinatorsen' },
      { action: 'export', entity: 'report', detail: 'mode:anonymised;format:csv;period:2026-H1', actor: 'Testa Koordinatorsen' },
    ]);
  });
});

describe('assessments', () => {
  const save = (district: string, text: string) =>
    v.call<{ saved: { problem: string | null; text: string } | null }>('report.assessments.save', { period: PERIOD, districtId: fx.districtIds[district], text });

  it('are saved per district and period, go into the report and the files', async () => {
    const saved = await save('Nørrebro', '  Flere unge samles ved Superkilen om aftenen.\r\nSamarbejdet med klubberne virker.  ');
    expect(saved.saved).toMatchObject({ text: 'Flere unge samles ved Superkilen om aftenen.\nSamarbejdet med klubberne virker.', problem: null });
    const list = await v.call<{ district: string; text: string }[]>('report.assessments.list', { period: PERIOD });
    expect(list.map((a) => a.district)).toEqual(['Nørrebro']);
    expect(await v.call('report.assessments.list', { period: '2025-H2' })).toEqual([]);
    const r = (await compute()).report;
    expect(r.assessments).toEqual([{ district: 'Nørrebro', text: 'Flere unge samles ved Superkilen om aftenen.\nSamarbejdet med klubberne virker.' }]);
    const csv = bytesOf(await exportFile({ format: 'csv' })).toString('utf8');
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    expect(rows.find((x) => x[0] === 'Nørrebro' && x[1]?.startsWith('Flere unge'))?.[1]).toBe('Flere unge samles ved Superkilen om aftenen.\nSamarbejdet med klubberne virker.');
    // Not in a report for other districts.
    expect((await compute({ districts: ['Valby'] })).report.assessments).toEqual([]);
    // Saving an empty text removes it.
    expect((await save('Nørrebro', '   ')).saved).toBeNull();
    expect(await v.call('report.assessments.list', { period: PERIOD })).toEqual([]);
  });

  it('audits saving without the text', async () => {
    await save('Valby', 'Rolig periode ved stationen.');
    const last = v.ctx.vault.current.sqlite.prepare(`SELECT action, entity, detail FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(last).toEqual({ action: 'create', entity: 'report-assessment', detail: `period:2026-H1;district:${fx.districtIds.Valby}` });
    await save('Valby', '');
  });

  const refused = async (district: string, text: string) => {
    const saved = await save(district, text);
    expect(saved.saved?.problem).toContain(`Vurderingen for ${district}`);
    const r = await v.dispatch('report.export', { period: PERIOD, districts: [...REPORTED], format: 'json' });
    await save(district, '');
    return r as { ok: false; error: { code: string; message: string } };
  };

  it('an assessment with a CPR-shaped number is refused at export, naming the district', async () => {
    for (const cpr of ['300610-4013', '3006104013', '010203 4567']) {
      const r = await refused('Valby', `Vi har talt med den unge (${cpr}) om uroen.`);
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('RULE_VIOLATION');
      expect(r.error.message).toBe('Vurderingen for Valby indeholder noget, der ligner et CPR-nummer. Fjern det, og eksportér igen; rapporten må ikke indeholde personoplysninger.');
      expect(JSON.stringify(r)).not.toContain(cpr);
    }
  });

  it('an assessment with a first or last name of a person in the vault is refused, without echoing the name', async () => {
    const cases = [
      'Uro omkring Prøvesen og hans venner.', // last name
      'PRØVESEN er set ved stationen.', // any letter case
      'Vi har set Mathias flere gange.', // first name
      'Episode med Øvelsesen i marts.', // starts with Ø
      'Bekymring for Lærke.', // æ inside
      'Mathias’ venner og Prøvesens bror.', // genitive
    ];
    for (const text of cases) {
      const r = await refused('Amager Vest', text);
      expect(r.ok, text).toBe(false);
      expect(r.error.code).toBe('RULE_VIOLATION');
      expect(r.error.message).toContain('Vurderingen for Amager Vest indeholder et ord, der er fornavn eller efternavn på en person i boksen');
      for (const name of ['Prøvesen', 'Mathias', 'Øvelsesen', 'Lærke']) expect(JSON.stringify(r).toLowerCase()).not.toContain(name.toLowerCase());
    }
  });

  it('names are matched as whole words only', async () => {
    // "Ida" and "Storm" are first names in the vault; "idag" and "stormvejr" are not them.
    const ok = await save('Amager Vest', 'Det var stormvejr idag, og Idrætsparken var lukket.');
    expect(ok.saved?.problem).toBeNull();
    expect((await v.dispatch('report.export', { period: PERIOD, districts: [...REPORTED], format: 'json' })).ok).toBe(true);
    await save('Amager Vest', '');
  });

  it('a unit name with personal data is refused too', async () => {
    const r = await v.dispatch('report.export', { period: PERIOD, districts: [...REPORTED], format: 'json', unit: 'SSP hos Prøvesen' });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'Enhedens navn indeholder fornavn eller efternavn på en person i boksen. Ret navnet, og eksportér igen.' } });
  });
});

describe('retention', () => {
  it('deleting personal data (anonymous stubs) leaves past reports unchanged', async () => {
    const before = await compute();
    const h2Before = await compute({ period: '2025-H2' });
    await v.call('settings.update', { retentionMonths: 1 });
    const due = await v.call<{ cases: { caseId: number }[] }>('retention.due', {});
    expect(due.cases.length).toBeGreaterThanOrEqual(4);
    await v.call('retention.apply', { caseIds: due.cases.map((c) => c.caseId), confirm: true });
    const after = await compute();
    expect(after.report.tables).toEqual(before.report.tables);
    expect(after.report.totals).toEqual(before.report.totals);
    expect((await compute({ period: '2025-H2' })).report.tables).toEqual(h2Before.report.tables);
  });
});
