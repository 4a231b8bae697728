import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { runCli } from '../../src/main/cli/main';
import { parseReport, type ReportV1 } from '../../src/shared/semiannual-report';
import { createTestVault, PASSPHRASE, tempDir, type TestVault } from './helpers';
import { buildReportFixture, NOW } from '../fixtures/report/fixture';
import { CASES_BY_LEVEL, TOTALS } from '../fixtures/report/expected';

/**
 * The report through the command line: `report export` from a vault, one exact file per district,
 * and `report merge` of those into the city report, whose sums are checked against the totals
 * written by hand in tests/fixtures/report/expected.ts; then every refusal of the merge.
 */

let v: TestVault;
let dir: string;
let passFile: string;
const file = (name: string) => join(dir, name);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const readReport = (name: string): ReportV1 => {
  const r = parseReport(JSON.parse(readFileSync(file(name), 'utf8')));
  if (!r.ok) throw new Error(r.error);
  return r.report;
};
const exportDistrict = (district: string, out: string, ...extra: string[]) =>
  cli('report', 'export', '--vault', v.dir, '--passphrase-file', passFile, '--period', '2026-H1', '--districts', district, '--format', 'json', '--out', file(out), ...extra);

beforeAll(async () => {
  dir = tempDir('ssp-report-cli-');
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  v = await createTestVault({ now: () => NOW, dir: join(dir, 'vault') });
  await buildReportFixture(v.call);
  await v.call('vault.lock', {});
  for (const [d, name] of [['Amager Vest', 'av'], ['Nørrebro', 'nb'], ['Valby', 'va']] as const) {
    const r = await exportDistrict(d, `${name}.json`, '--exact', '--unit', `SSP ${d}`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
}, 60_000);
afterAll(() => v.cleanup());

describe('report export (CLI)', () => {
  it('writes an exact file per district, saying so', async () => {
    const av = readReport('av.json');
    expect(av.mode).toBe('exact');
    expect(av.unit).toBe('SSP Amager Vest');
    expect(av.districts).toEqual(['Amager Vest']);
    expect(av.tables.casesByLevel.map((r) => [r.active, r.new, r.closed])).toEqual(CASES_BY_LEVEL['Amager Vest']);
  });

  it('exports anonymised by default, and prints where it wrote', async () => {
    const r = await exportDistrict('Nørrebro', 'nb-anon.json');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Halvårsrapporten for 2026-H1 (anonymiseret) er skrevet til ${file('nb-anon.json')} (${readFileSync(file('nb-anon.json')).length} bytes).`);
    expect(readReport('nb-anon.json').mode).toBe('anonymised');
  });

  it('several districts, CSV and XLSX', async () => {
    expect((await cli('report', 'export', '--vault', v.dir, '--passphrase-file', passFile, '--period', '2026-H1', '--districts', 'Amager Vest, Nørrebro', '--exact', '--format', 'csv', '--out', file('two.csv'))).code).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(file('two.csv'), 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
    expect(rows.find((r) => r[0] === 'Bydele')?.[1]).toBe('Nørrebro, Amager Vest');
    expect((await cli('report', 'export', '--vault', v.dir, '--passphrase-file', passFile, '--period', '2026-H1', '--format', 'xlsx', '--out', file('all.xlsx'))).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file('all.xlsx')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Sager pr. niveau')?.getRow(2).getCell(1).value).toBe('Indre By');
  });

  it('refuses wrong arguments and unknown districts in Danish', async () => {
    const badPeriod = await cli('report', 'export', '--vault', v.dir, '--passphrase-file', passFile, '--period', '2026-3', '--format', 'json', '--out', file('x.json'));
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.err).toContain('--period skrives som ÅÅÅÅ-H1 eller ÅÅÅÅ-H2');
    const badFormat = await cli('report', 'export', '--vault', v.dir, '--passphrase-file', passFile, '--period', '2026-H1', '--format', 'pdf', '--out', file('x.pdf'));
    expect(badFormat.code).toBe(2);
    const unknown = await exportDistrict('Atlantis', 'x.json');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Fejl: Bydelen "Atlantis" findes ikke i boksen. Brug navnene fra listen over bydele.');
    expect((await cli('report', 'print')).code).toBe(2);
  });

  it('audits each export, marked as from the command line', async () => {
    await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    try {
      const rows = v.ctx.vault.current.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id`).all() as { detail: string }[];
      expect(rows.slice(0, 4).map((r) => r.detail)).toEqual([
        'mode:exact;format:json;period:2026-H1;via:cli',
        'mode:exact;format:json;period:2026-H1;via:cli',
        'mode:exact;format:json;period:2026-H1;via:cli',
        'mode:anonymised;format:json;period:2026-H1;via:cli',
      ]);
    } finally {
      await v.call('vault.lock', {});
    }
  });
});

describe('report merge (CLI)', () => {
  it('sums the district files into the city totals computed by hand', async () => {
    const r = await cli('report', 'merge', '--exact', '--out', file('city.json'), file('av.json'), file('nb.json'), file('va.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `3 rapporter for 2026-H1 er samlet (3 bydele, eksakt) og skrevet til ${file('city.json')}.\n` +
        'Modtaget 3 af 10 bydele; mangler: Indre By, Østerbro, Vesterbro/Kongens Enghave, Vanløse, Brønshøj-Husum, Bispebjerg, Amager Øst.',
    );
    const city = readReport('city.json');
    expect(city.mode).toBe('exact');
    expect(city.districts).toEqual(['Nørrebro', 'Valby', 'Amager Vest']); // Copenhagen's usual order
    expect(city.unit).toBe('SSP Amager Vest + SSP Nørrebro + SSP Valby');
    const t = city.totals;
    for (const d of city.districts) {
      const [active, n, closed] = TOTALS.byDistrict[d]!;
      expect(t.casesByLevel.find((x) => x.district === d && x.level === 'all')).toEqual({ district: d, level: 'all', active, new: n, closed });
    }
    TOTALS.byLevel.forEach(([active, n, closed], i) =>
      expect(t.casesByLevel.find((x) => x.district === 'all' && x.level === i + 1)).toEqual({ district: 'all', level: i + 1, active, new: n, closed }),
    );
    expect(t.casesByLevel.find((x) => x.district === 'all' && x.level === 'all')).toEqual({ district: 'all', level: 'all', active: 14, new: 7, closed: 5 });
    expect(t.activeByAgeBand.filter((x) => x.district === 'all').map((x) => x.count)).toEqual([...TOTALS.bands, 14]);
    expect(t.activeBySex.filter((x) => x.district === 'all').map((x) => x.count)).toEqual([...TOTALS.sexes, 14]);
    expect(t.eventsByDistrict).toEqual([{ district: 'all', charges: 5, interviews: 4, remand: 2 }]);
    expect(t.sspPlus.byDistrict).toEqual([{ district: 'all', active: 2, started: 2, ended: 1 }]);
    expect(t.releases.byDistrict).toEqual([{ district: 'all', releases: 2, meetings: 2 }]);
  });

  it('writes the city report anonymised by default, also as CSV and XLSX', async () => {
    expect((await cli('report', 'merge', '--out', file('city-anon.json'), file('av.json'), file('nb.json'), file('va.json'))).code).toBe(0);
    const anon = readReport('city-anon.json');
    expect(anon.mode).toBe('anonymised');
    expect(anon.tables.casesByLevel.find((x) => x.district === 'Amager Vest' && x.level === 1)?.active).toBe('<5');
    expect((await cli('report', 'merge', '--format', 'csv', '--out', file('city.csv'), file('av.json'), file('nb.json'), file('va.json'))).code).toBe(0);
    const csv = readFileSync(file('city.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFHalvårsrapport;')).toBe(true);
    expect(csv).toContain('Tilstand;Anonymiseret (små tal er skjult)');
    expect((await cli('report', 'merge', '--exact', '--format', 'xlsx', '--out', file('city.xlsx'), file('av.json'), file('nb.json'), file('va.json'))).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file('city.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sager pr. niveau')!;
    expect(ws.getRow(ws.rowCount).values).toEqual([undefined, 'Alle bydele', 'I alt', 14, 7, 5]);
  });

  it('names the merged unit by count when the joined names would be too long, or as given', async () => {
    const long = (name: string) => ({ ...readReport(`${name}.json`), unit: `${'Sekretariatet for tryghed og forebyggelse '.repeat(3)}${name}` });
    for (const name of ['av', 'nb', 'va']) writeFileSync(file(`long-${name}.json`), JSON.stringify(long(name)));
    expect((await cli('report', 'merge', '--exact', '--out', file('long.json'), file('long-av.json'), file('long-nb.json'), file('long-va.json'))).code).toBe(0);
    expect(readReport('long.json').unit).toBe('Samlet rapport fra 3 enheder');
    expect((await cli('report', 'merge', '--unit', 'Københavns Kommune', '--out', file('named.json'), file('av.json'), file('va.json'))).code).toBe(0);
    expect(readReport('named.json').unit).toBe('Københavns Kommune');
  });

  const refused = async (...files: string[]) => {
    const r = await cli('report', 'merge', '--out', file('refused.json'), ...files.map(file));
    expect(r.code).toBe(1);
    return r.err;
  };

  it('refuses an anonymised input', async () => {
    expect(await refused('av.json', 'nb-anon.json')).toBe(
      'Fejl: Filen "nb-anon.json" er anonymiseret. Kun eksakte rapporter kan samles, fordi skjulte tal ("<5") ikke kan lægges sammen. Bed afsenderen om den eksakte rapport.',
    );
  });

  it('refuses mixed periods', async () => {
    expect((await cli('report', 'export', '--vault', v.dir, '--passphrase-file', passFile, '--period', '2025-H2', '--districts', 'Valby', '--exact', '--format', 'json', '--out', file('va-h2.json'))).code).toBe(0);
    expect(await refused('nb.json', 'va-h2.json')).toBe(
      'Fejl: Rapporterne dækker forskellige perioder (filen "nb.json": 2026-H1, filen "va-h2.json": 2025-H2). Saml rapporter fra samme halvår, eller 1. og 2. halvår af samme år til en årsrapport.',
    );
  });

  it('refuses an unknown format version', async () => {
    writeFileSync(file('v2.json'), JSON.stringify({ ...readReport('va.json'), version: 3 }));
    expect(await refused('av.json', 'v2.json')).toBe(
      'Fejl: Filen "v2.json" er i formatversion 3, som denne udgave af SSP Desk ikke kan læse. Opdater SSP Desk, eller bed afsenderen om en rapport i version 2.',
    );
  });

  it('refuses two files covering the same district', async () => {
    expect(await refused('av.json', 'nb.json', 'av.json')).toBe(
      'Fejl: Bydelen "Amager Vest" findes både i filen "av.json" og i filen "av.json". Hver bydel må kun indgå i én af rapporterne.',
    );
    expect((await cli('report', 'export', '--vault', v.dir, '--passphrase-file', passFile, '--period', '2026-H1', '--districts', 'Nørrebro,Valby', '--exact', '--format', 'json', '--out', file('nbva.json'))).code).toBe(0);
    expect(await refused('nbva.json', 'va.json')).toBe(
      'Fejl: Bydelen "Valby" findes både i filen "nbva.json" og i filen "va.json". Hver bydel må kun indgå i én af rapporterne.',
    );
  });

  it('refuses files that are not reports, and a report whose totals do not add up', async () => {
    writeFileSync(file('notes.json'), 'Dette er ikke JSON');
    expect(await refused('av.json', 'notes.json')).toBe('Fejl: Filen "notes.json" er ikke en JSON-fil. Vælg halvårsrapporterne i JSON-format.');
    writeFileSync(file('other.json'), JSON.stringify({ format: 'noget-andet', version: 1 }));
    expect(await refused('other.json')).toBe('Fejl: Filen "other.json" er ikke en SSP-halvårsrapport.');
    const tampered = readReport('va.json');
    tampered.tables.casesByLevel[0]!.active = 99;
    writeFileSync(file('tampered.json'), JSON.stringify(tampered));
    expect(await refused('av.json', 'tampered.json')).toBe(
      'Fejl: Filen "tampered.json" kan ikke læses som halvårsrapport: totals.casesByLevel[0].active: Totalerne for casesByLevel: Valby, niveau alle skal være 102, ikke 3.',
    );
  });

  it('needs at least one file and --out', async () => {
    expect((await cli('report', 'merge', '--out', file('x.json'))).code).toBe(2);
    expect((await cli('report', 'merge', file('av.json'))).code).toBe(2);
  });
});
