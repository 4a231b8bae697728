import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createTestVault, type TestVault } from './helpers';
import type { ComputedReport, ReportFileOutput, TrendPoint } from '../../src/shared/semiannual-report/contract';
import type { ReportV1 } from '../../src/shared/semiannual-report';

/**
 * The trend in the files and the year view (issue 16): on a small hand-made register over four
 * half-years (2025-H1 ... 2026-H2), two reported districts (Amager Vest, Nørrebro) and one case
 * elsewhere (Valby). Today is 15 January 2027, so every half-year has ended. Every count below
 * is written by hand from the notes at each case, not by the code under test.
 *
 *   P1 (Amager Vest): opened 1 Feb 2025 at level 1, level 2 from 1 Sep 2025, closed 10 Mar 2026.
 *   P2 (Amager Vest): opened 15 Aug 2025 at level 3, still open; charged 1 Oct 2025 and 1 Feb 2026;
 *                     SSP+ plan 1 Sep 2025 - 31 May 2026.
 *   P3 (Nørrebro):    opened 20 Jan 2026 at level 2, still open; released 10 Apr 2026 (meeting held
 *                     15 Mar 2026); charged 1 Jul 2026.
 *   P4 (Nørrebro):    opened 1 Mar 2025 at level 4, closed 1 Dec 2025, reopened 1 Aug 2026.
 *   P5 (Valby):       opened 1 Apr 2025 at level 1, charged 2 Feb 2026: never in the two districts.
 */

const NOW = new Date('2027-01-15T10:00:00Z');
const REPORTED = ['Nørrebro', 'Amager Vest']; // in the vault's (the city's) order

type Levels = [number, number, number, number, number]; // levels 1-4, then all
interface Expected {
  period: string;
  active: Levels;
  new: Levels;
  closed: Levels;
  charges: number;
  sspPlus: [number, number, number];
  releases: [number, number];
}

/** The trend for the two districts together, by hand from the notes above. */
const TREND: Expected[] = [
  // 2025-H1: P1 (L1) and P4 (L4) opened and active at 30 June.
  { period: '2025-H1', active: [1, 0, 0, 1, 2], new: [1, 0, 0, 1, 2], closed: [0, 0, 0, 0, 0], charges: 0, sspPlus: [0, 0, 0], releases: [0, 0] },
  // 2025-H2: P1 now L2, P2 opened at L3 (active); P4 closed at L4. P2 charged; P2's plan started and running.
  { period: '2025-H2', active: [0, 1, 1, 0, 2], new: [0, 0, 1, 0, 1], closed: [0, 0, 0, 1, 1], charges: 1, sspPlus: [1, 1, 0], releases: [0, 0] },
  // 2026-H1: P3 opened at L2 (active), P1 closed at L2, P2 active at L3. P2 charged (P5 is Valby's); plan ended; P3 released, one meeting.
  { period: '2026-H1', active: [0, 1, 1, 0, 2], new: [0, 1, 0, 0, 1], closed: [0, 1, 0, 0, 1], charges: 1, sspPlus: [0, 0, 1], releases: [1, 1] },
  // 2026-H2: P2 (L3), P3 (L2), P4 reopened (L4, a reopening is not new). P3 charged.
  { period: '2026-H2', active: [0, 1, 1, 1, 3], new: [0, 0, 0, 0, 0], closed: [0, 0, 0, 0, 0], charges: 1, sspPlus: [0, 0, 0], releases: [0, 0] },
];

let v: TestVault;
const ids: Record<string, number> = {};

beforeAll(async () => {
  v = await createTestVault({ now: () => NOW });
  const districts = Object.fromEntries((await v.call<{ id: number; name: string }[]>('districts.list', {})).map((d) => [d.name, d.id]));
  const person = async (key: string, district: string, birthDate: string, sex: 'M' | 'K') => {
    ids[key] = (await v.call<{ id: number }>('people.create', { firstName: `Fiktiv${key}`, lastName: 'Årsprøvesen', birthDate, sex, districtId: districts[district], contacts: [] })).id;
  };
  const cases: Record<string, number> = {};
  const open = async (key: string, level: number, openedOn: string) => {
    cases[key] = (await v.call<{ id: number }>('cases.open', { personId: ids[key], level, reason: 'Bekymring fra skolen', openedOn })).id;
  };
  const charge = (key: string, occurredOn: string) => v.call('cases.addEvent', { caseId: cases[key], kind: 'charge', occurredOn, offenceCategory: 'theft' });
  await person('P1', 'Amager Vest', '2010-04-04', 'M');
  await person('P2', 'Amager Vest', '2007-05-05', 'K');
  await person('P3', 'Nørrebro', '2008-08-08', 'M');
  await person('P4', 'Nørrebro', '2011-01-11', 'K');
  await person('P5', 'Valby', '2010-10-10', 'M');

  await open('P1', 1, '2025-02-01');
  await v.call('cases.changeLevel', { caseId: cases.P1, level: 2, changedOn: '2025-09-01', reason: 'Ny vurdering' });
  await open('P4', 4, '2025-03-01');
  await open('P5', 1, '2025-04-01');
  await open('P2', 3, '2025-08-15');
  const plan = await v.call<{ id: number }>('sspplus.start', { personId: ids.P2, startDate: '2025-09-01', coordinator: 'K. Koordinator' });
  await charge('P2', '2025-10-01');
  await v.call('cases.close', { caseId: cases.P4, closedOn: '2025-12-01', reason: 'concern-ended' });
  await open('P3', 2, '2026-01-20');
  await charge('P2', '2026-02-01');
  await charge('P5', '2026-02-02');
  await v.call('cases.close', { caseId: cases.P1, closedOn: '2026-03-10', reason: 'concern-ended' });
  const institution = (await v.call<{ id: number }[]>('releases.institutions.list', {}))[0]!.id;
  const custody = await v.call<{ id: number }>('releases.custody.create', { personId: ids.P3, institutionId: institution, type: 'afsoning', imprisonedOn: '2026-02-01', releasedOn: '2026-04-10' });
  await v.call('releases.meeting.save', { custodyId: custody.id, kind: 'planning', heldOn: '2026-03-15', participants: [], checklist: [], actions: [] });
  await v.call('sspplus.end', { planId: plan.id, endDate: '2026-05-31', reason: 'completed' });
  await charge('P3', '2026-07-01');
  await v.call('cases.reopen', { caseId: cases.P4, reopenedOn: '2026-08-01', reason: 'Ny bekymring' });
}, 60_000);
afterAll(() => v?.cleanup());

const asExpected = (p: TrendPoint) => {
  const level = (l: number | 'all') => p.byLevel.find((r) => r.level === l)!;
  const levels = [1, 2, 3, 4, 'all'] as const;
  return {
    period: p.period,
    active: levels.map((l) => level(l).active),
    new: levels.map((l) => level(l).new),
    closed: levels.map((l) => level(l).closed),
    charges: p.charges,
    sspPlus: [p.sspPlus.active, p.sspPlus.started, p.sspPlus.ended],
    releases: [p.releases.releases, p.releases.meetings],
  };
};

const fileOf = async (input: Record<string, unknown>) => Buffer.from((await v.call<ReportFileOutput>('report.export', input)).base64, 'base64');

describe('the trend (last four half-years) for cases, charges, SSP+ and releases', () => {
  it('exact: every half-year as counted by hand, oldest first', async () => {
    const trend = await v.call<TrendPoint[]>('report.trend', { period: '2026-H2', districts: REPORTED, mode: 'exact' });
    expect(trend.map(asExpected)).toEqual(TREND);
    // A year's trend ends with its second half.
    const year = await v.call<TrendPoint[]>('report.trend', { period: '2026', districts: REPORTED, mode: 'exact' });
    expect(year.map(asExpected)).toEqual(TREND);
  });

  it('each point is what that half-year\'s own report shows, exact and anonymised (nothing more is published)', async () => {
    for (const mode of ['exact', 'anonymised'] as const) {
      const trend = await v.call<TrendPoint[]>('report.trend', { period: '2026-H2', districts: REPORTED, mode });
      for (const point of trend) {
        const { report } = await v.call<ComputedReport>('report.compute', { period: point.period, districts: REPORTED, mode });
        const total = (rows: Record<string, unknown>[]) => rows.find((r) => r.district === 'all')!;
        expect(point.byLevel).toEqual(report.totals.casesByLevel.filter((r) => r.district === 'all'));
        expect(point.charges).toEqual(total(report.totals.eventsByDistrict).charges);
        const plans = total(report.totals.sspPlus.byDistrict);
        expect(point.sspPlus).toEqual({ active: plans.active, started: plans.started, ended: plans.ended });
        const rel = total(report.totals.releases.byDistrict);
        expect(point.releases).toEqual({ releases: rel.releases, meetings: rel.meetings });
      }
    }
  });

  it('the CSV has the trend section with the hand-counted figures', async () => {
    const csv = (await fileOf({ period: '2026-H2', districts: REPORTED, mode: 'exact', format: 'csv' })).toString('utf8');
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    const at = rows.findIndex((r) => r[0] === 'Udvikling: sager pr. niveau, seneste halvår');
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toEqual(['Halvår', 'Niveau', 'Aktive ved periodens slut', 'Nye i perioden', 'Afsluttede i perioden']);
    // Level 4 and the total of 2025-H2, the total of 2026-H2.
    expect(rows).toContainEqual(['2. halvår 2025 (2025-H2)', '4', '0', '0', '1']);
    expect(rows).toContainEqual(['2. halvår 2025 (2025-H2)', 'I alt', '2', '1', '1']);
    expect(rows).toContainEqual(['2. halvår 2026 (2026-H2)', 'I alt', '3', '0', '0']);
    const other = rows.findIndex((r) => r[0] === 'Udvikling: sigtede, SSP+ og løsladelser, seneste halvår');
    expect(rows.slice(other + 2, other + 6)).toEqual(
      TREND.map((e) => [`${e.period.endsWith('H1') ? '1' : '2'}. halvår ${e.period.slice(0, 4)} (${e.period})`, ...[e.charges, ...e.sspPlus, ...e.releases].map(String)]),
    );
  });

  it('the XLSX has two trend sheets with number cells, as counted by hand', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fileOf({ period: '2026-H2', districts: REPORTED, mode: 'exact', format: 'xlsx' })) as unknown as ArrayBuffer);
    const cases = wb.getWorksheet('Udvikling sager')!;
    expect(cases).toBeDefined();
    // 4 half-years x (4 levels + I alt) rows under the header, then the note.
    const values = cases.getRows(2, 20)!.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value, r.getCell(4).value, r.getCell(5).value]);
    const expected = TREND.flatMap((e) =>
      [0, 1, 2, 3, 4].map((i) => [`${e.period.endsWith('H1') ? '1' : '2'}. halvår ${e.period.slice(0, 4)} (${e.period})`, i === 4 ? 'I alt' : i + 1, e.active[i], e.new[i], e.closed[i]]),
    );
    expect(values).toEqual(expected);
    expect(cases.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Number);
    const other = wb.getWorksheet('Udvikling øvrige')!;
    expect(other.getRows(2, 4)!.map((r) => [2, 3, 4, 5, 6, 7].map((c) => r.getCell(c).value))).toEqual(TREND.map((e) => [e.charges, ...e.sspPlus, ...e.releases]));
    expect(other.pageSetup.printTitlesColumn).toBe('A:A');
  });

  it('the JSON exchange file stays the report alone (no trend field: the format is unchanged)', async () => {
    const json = JSON.parse((await fileOf({ period: '2026-H2', districts: REPORTED, mode: 'exact', format: 'json' })).toString('utf8')) as Record<string, unknown>;
    expect(json.trend).toBeUndefined();
  });
});


type Row = Record<string, string | number>;
const exactJson = async (period: string, districts: string[]) =>
  (await fileOf({ period, districts, mode: 'exact', format: 'json' })).toString('utf8');
const find = (rows: Row[], match: Row) => rows.find((r) => Object.entries(match).every(([k, x]) => r[k] === x))!;

describe('the year view: both halves of 2026', () => {
  it('exact: flows are the halves added up, stocks are the second half\'s (counted by hand)', async () => {
    const { report } = await v.call<ComputedReport>('report.compute', { period: '2026', districts: REPORTED, mode: 'exact' });
    expect(report.period).toBe('2026');
    const byLevel = report.tables.casesByLevel as Row[];
    // Amager Vest: P2 active at L3 at the year's end; P1 closed at L2 (March). Nørrebro: P3 (L2) new
    // in January and active, P4 reopened in August: active at L4, not new.
    expect(find(byLevel, { district: 'Amager Vest', level: 3 })).toMatchObject({ active: 1, new: 0, closed: 0 });
    expect(find(byLevel, { district: 'Amager Vest', level: 2 })).toMatchObject({ active: 0, new: 0, closed: 1 });
    expect(find(byLevel, { district: 'Nørrebro', level: 2 })).toMatchObject({ active: 1, new: 1, closed: 0 });
    expect(find(byLevel, { district: 'Nørrebro', level: 4 })).toMatchObject({ active: 1, new: 0, closed: 0 });
    expect(find(report.totals.casesByLevel as Row[], { district: 'all', level: 'all' })).toMatchObject({ active: 3, new: 1, closed: 1 });
    // Charged: P2 (February, Amager Vest), P3 (July, Nørrebro); P5 is Valby's.
    expect(find(report.tables.eventsByDistrict as Row[], { district: 'Amager Vest' }).charges).toBe(1);
    expect(find(report.tables.eventsByDistrict as Row[], { district: 'Nørrebro' }).charges).toBe(1);
    // P2's plan ended in May: not running at the year's end, ended in the year.
    expect(find(report.tables.sspPlus.byDistrict as Row[], { district: 'Amager Vest' })).toMatchObject({ active: 0, started: 0, ended: 1 });
    expect(find(report.tables.releases.byDistrict as Row[], { district: 'Nørrebro' })).toMatchObject({ releases: 1, meetings: 1 });
    // The release follow-ups of P3 (3 months: 10 July, 6 months: 10 October) fall in the year, not recorded.
    expect(find(report.totals.releases.followUps as Row[], { district: 'all', months: 3, outcome: 'ukendt' }).count).toBe(1);
    expect(find(report.totals.releases.followUps as Row[], { district: 'all', months: 6, outcome: 'ukendt' }).count).toBe(1);
  });

  it('the year\'s files are named and titled as a year', async () => {
    const f = await v.call<ReportFileOutput>('report.export', { period: '2026', districts: REPORTED, mode: 'exact', format: 'csv' });
    expect(f.fileName).toBe('aarsrapport-2026-noerrebro-amager-vest-eksakt.csv');
    const rows = Papa.parse<string[]>(Buffer.from(f.base64, 'base64').toString('utf8').slice(1), { delimiter: ';' }).data;
    expect(rows[0]).toEqual(['Årsrapport', 'Urolige områder i København']);
    expect(rows.find((r) => r[0] === 'Året')?.[1]).toMatch(/summen af halvårene; aktive ved årets slut er 2\. halvårs/);
    const anon = await v.call<ReportFileOutput>('report.export', { period: '2026', districts: REPORTED, format: 'xlsx' });
    expect(anon.fileName).toBe('aarsrapport-2026-noerrebro-amager-vest-anonymiseret.xlsx');
  });
});

describe('merge: two halves of one year into a year report', () => {
  type Merged = { report: ReportV1; coverage: { received: number; missing: string[] } };
  const merge = (files: { name: string; content: string }[]) => v.call<Merged>('report.merge', { files, mode: 'exact' });
  let h1: string;
  let h2: string;
  beforeAll(async () => {
    await v.call('report.assessments.save', { period: '2026-H1', districtId: (await v.call<{ id: number; name: string }[]>('districts.list', {})).find((d) => d.name === 'Nørrebro')!.id, text: 'Roligt forår ved Blågårds Plads.' });
    h1 = await exactJson('2026-H1', REPORTED);
    h2 = await exactJson('2026-H2', REPORTED);
  });

  it('H1 + H2 of the same districts give the app\'s own exact year report (tables and totals)', async () => {
    const merged = await merge([
      { name: 'h2.json', content: h2 },
      { name: 'h1.json', content: h1 },
    ]);
    const { report } = await v.call<ComputedReport>('report.compute', { period: '2026', districts: REPORTED, mode: 'exact' });
    expect(merged.report.period).toBe('2026');
    expect(merged.report.mode).toBe('exact');
    expect(merged.report.districts).toEqual(REPORTED);
    expect(merged.report.tables).toEqual(report.tables);
    expect(merged.report.totals).toEqual(report.totals);
    // By hand, as above: 3 active at the year's end, 1 new, 1 closed.
    expect(find(merged.report.totals.casesByLevel as Row[], { district: 'all', level: 'all' })).toMatchObject({ active: 3, new: 1, closed: 1 });
    // The half's assessment is kept under its half's name.
    expect(merged.report.assessments).toEqual([{ district: 'Nørrebro', text: '1. halvår 2026:\nRoligt forår ved Blågårds Plads.' }]);
  });

  it('each half may come from several unit files: AV H1 + NB H1 + AV H2 + NB H2 is the same year', async () => {
    const files = await Promise.all(
      [
        ['2026-H1', 'Amager Vest'],
        ['2026-H1', 'Nørrebro'],
        ['2026-H2', 'Amager Vest'],
        ['2026-H2', 'Nørrebro'],
      ].map(async ([period, d]) => ({ name: `${d}-${period}.json`, content: await exactJson(period as string, [d as string]) })),
    );
    const merged = await merge(files);
    const whole = await merge([
      { name: 'h1.json', content: h1 },
      { name: 'h2.json', content: h2 },
    ]);
    expect(merged.report.tables).toEqual(whole.report.tables);
    expect(merged.report.totals).toEqual(whole.report.totals);
    expect(merged.coverage.received).toBe(2);
  });

  it('anonymised by default, and a valid year file named as one', async () => {
    const r = await v.call<{ report: ReportV1; file: ReportFileOutput }>('report.merge', {
      files: [
        { name: 'h1.json', content: h1 },
        { name: 'h2.json', content: h2 },
      ],
      format: 'json',
    });
    expect(r.report.mode).toBe('anonymised');
    expect(r.file.fileName).toBe('aarsrapport-2026-noerrebro-amager-vest-anonymiseret.json');
  });

  it('refuses two files of the same half, halves of different years, and halves with different districts, naming the files', async () => {
    await expect(
      merge([
        { name: 'a.json', content: h1 },
        { name: 'b.json', content: h1 },
      ]),
    ).rejects.toThrow(/Bydelen "Nørrebro" findes både i filen "a\.json" og i filen "b\.json"/);
    const old = await exactJson('2025-H2', REPORTED);
    await expect(
      merge([
        { name: 'gammel.json', content: old },
        { name: 'ny.json', content: h2 },
      ]),
    ).rejects.toThrow(/forskellige perioder \(filen "gammel\.json": 2025-H2, filen "ny\.json": 2026-H2\)\. Saml rapporter fra samme halvår, eller 1\. og 2\. halvår af samme år/);
    const onlyAv = await exactJson('2026-H2', ['Amager Vest']);
    await expect(
      merge([
        { name: 'forår.json', content: h1 },
        { name: 'efterår.json', content: onlyAv },
      ]),
    ).rejects.toThrow(/En årsrapport skal have de samme bydele i begge halvår: "Nørrebro" er med i 1\. halvår 2026 \(filen "forår\.json"\), men ikke i 2\. halvår 2026/);
    // A year file and a half-year are not halves of one year.
    const yearFile = await exactJson('2026', REPORTED);
    await expect(
      merge([
        { name: 'år.json', content: yearFile },
        { name: 'h1.json', content: h1 },
      ]),
    ).rejects.toThrow(/forskellige perioder/);
  });
});

describe("merge: a year's Tryghed og uro from its two halves", () => {
  it('a bydel med uro in either half is one in the year; observations and activated plans add up (as the app\'s own year view, and by hand)', async () => {
    const districts = Object.fromEntries((await v.call<{ id: number; name: string }[]>('districts.list', {})).map((d) => [d.name, d.id]));
    const entry = (district: string, occurredOn: string, kind: string, text: string) => v.call('report.unrest.save', { districtId: districts[district], occurredOn, kind, text });
    await entry('Nørrebro', '2026-03-10', 'unrest-observed', 'Uro ved stationen om aftenen.');
    await entry('Amager Vest', '2026-05-02', 'plan-activated', 'Beredskabsplanen aktiveret efter uro i området.');
    await entry('Amager Vest', '2026-05-20', 'plan-ended', 'Beredskabsplanen afsluttet.');
    await entry('Amager Vest', '2026-09-01', 'unrest-observed', 'Grupper samlet ved skolen.');
    const merged = await v.call<{ report: ReportV1 }>('report.merge', {
      files: [
        { name: 'h1.json', content: await exactJson('2026-H1', REPORTED) },
        { name: 'h2.json', content: await exactJson('2026-H2', REPORTED) },
      ],
      mode: 'exact',
    });
    const { report } = await v.call<ComputedReport>('report.compute', { period: '2026', districts: REPORTED, mode: 'exact' });
    // By hand: Nørrebro one observation in H1; Amager Vest a plan activated (and ended) in H1 and one observation in H2.
    expect(merged.report.unrest).toEqual([
      { district: 'Nørrebro', withUnrest: true, observations: 1, plansActivated: 0 },
      { district: 'Amager Vest', withUnrest: true, observations: 1, plansActivated: 1 },
    ]);
    expect(merged.report.unrest).toEqual(report.unrest);
  });
});

describe('report.savePdf outside the desktop shell', () => {
  it('is refused with a Danish sentence that points to the print dialog (browser mode and the command line have no window to print)', async () => {
    await expect(v.call('report.savePdf', { period: '2026', districts: REPORTED })).rejects.toThrow(
      /RULE_VIOLATION: PDF kan kun gemmes direkte i skrivebordsprogrammet\. Brug knappen »Udskriv«, og vælg »Gem som PDF« som printer\./,
    );
  });
});

describe('the protected reports are kept across exports (an export audit is not a change the report reads)', () => {
  it('a second anonymised export (now with the trend) reads nothing again; a data write does', async () => {
    const { reportQueries } = await import('../../src/main/semiannual-report/compute');
    const original = reportQueries.activeCases;
    let reads = 0;
    reportQueries.activeCases = (...args) => {
      reads += 1;
      return original(...args);
    };
    try {
      await fileOf({ period: '2026-H2', districts: REPORTED, format: 'csv' });
      const first = reads;
      await fileOf({ period: '2026-H2', districts: REPORTED, format: 'xlsx' });
      await fileOf({ period: '2026-H2', districts: ['Nørrebro'], format: 'csv' });
      expect(reads).toBe(first);
      // A write to the data (a level change dated in the first half-year) makes the next export count again.
      const caseId = (v.ctx.vault.current.sqlite.prepare(`SELECT id FROM cases WHERE person_id = ?`).get(ids.P2) as { id: number }).id;
      await v.call('cases.changeLevel', { caseId, level: 4, changedOn: '2026-03-01', reason: 'Ny vurdering' });
      await fileOf({ period: '2026-H2', districts: REPORTED, format: 'csv' });
      expect(reads).toBeGreaterThan(first);
    } finally {
      reportQueries.activeCases = original;
    }
  });
});
