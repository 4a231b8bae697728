import { describe, it, expect, beforeEach, afterEach, afterAll } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestVault, PASSPHRASE, tempDir, type TestVault } from './helpers';
import { runCli } from '../../src/main/cli/main';
import { MAX_IMPORT_ROWS, MAX_REPORTED_ERRORS } from '../../src/main/cases/import';
import type { CaseDetail, CaseRow } from '../../src/shared/cases/contract';

const FIXTURES = join(__dirname, '../fixtures/import');
const HEADER = 'fornavn,efternavn,cpr,foedselsdato,koen,bydel,niveau,oprettet,afsluttet,afslutningsaarsag,koordinator,sagsnummer';

type ImportResult = { ok: true; imported: number } | { ok: false; errors: { line: number; reason: string }[] };

let v: TestVault;
beforeEach(async () => {
  v = await createTestVault();
});
afterEach(() => v.cleanup());

function importFile(content: Buffer | string, format: 'csv' | 'xlsx' = 'csv'): Promise<ImportResult> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return v.call<ImportResult>('cases.import', { fileName: `sager.${format}`, format, contentBase64: bytes.toString('base64') });
}

async function allCases(search?: string): Promise<CaseRow[]> {
  const r = await v.call<{ total: number; rows: CaseRow[] }>('cases.list', { status: 'all', limit: 500, ...(search ? { search } : {}) });
  return r.rows;
}

const getCase = (caseId: number) => v.call<CaseDetail>('cases.get', { caseId });
const count = (table: string) => (v.ctx.vault.current.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('cases.import: a good file', () => {
  it('imports every row exactly: people, cases, levels, closed cases with reasons, case numbers in opening order', async () => {
    const r = await importFile(readFileSync(join(FIXTURES, 'sager.csv')));
    expect(r).toMatchObject({ ok: true, imported: 5 });
    const rows = await allCases();
    expect(rows.map((c) => [c.caseNumber, c.firstName, c.lastName, c.level, c.status, c.district])).toEqual([
      ['2023-00001', 'Mads', 'Lyngå, Strandby', 3, 'open', 'Bispebjerg'],
      ['2024-00001', 'Søren', 'Ægeholt', 2, 'open', 'Nørrebro'],
      ['2024-00002', 'Åse', 'Bøgedal', 1, 'closed', 'Amager Vest'],
      ['2024-00003', 'Omar', 'Kildevang', 1, 'closed', 'Østerbro'],
      ['2025-00001', 'Ida', 'Østerå', 4, 'open', 'Valby'],
    ]);

    const soeren = await getCase(rows[1]!.id);
    expect(soeren.person).toMatchObject({ firstName: 'Søren', lastName: 'Ægeholt', cpr: '140310-xxxx', birthDate: '2010-03-14', sex: 'M', sexFromCpr: true });
    expect(soeren).toMatchObject({ openedOn: '2024-03-01', coordinator: 'Anne Egeholt', externalRef: 'SOF-1001', forum: 'SOF / lokaludvalg', closedOn: null });
    expect(soeren.levelHistory.map((h) => [h.changedOn, h.level, h.reason])).toEqual([['2024-03-01', 2, 'Importeret']]);
    expect(soeren.statusHistory.map((h) => h.kind)).toEqual(['opened']);

    const aase = await getCase(rows[2]!.id);
    expect(aase.person).toMatchObject({ cpr: '140310-xxxx', sex: 'K', birthDate: '2010-03-14' });
    expect(aase).toMatchObject({ status: 'closed', closedOn: '2025-01-15', closingReason: 'concern-ended', coordinator: null, externalRef: null });
    expect(aase.statusHistory.map((h) => [h.kind, h.changedOn, h.closingReason])).toEqual([
      ['opened', '2024-05-10', null],
      ['closed', '2025-01-15', 'concern-ended'],
    ]);

    const omar = await getCase(rows[3]!.id);
    expect(omar).toMatchObject({ closingReason: 'to-social-services', closedOn: '2025-06-30', externalRef: 'BUF-77' });
    expect(omar.person).toMatchObject({ sex: 'M', sexFromCpr: true });

    const ida = await getCase(rows[4]!.id);
    expect(ida.person).toMatchObject({ cpr: null, birthDate: '2011-06-30', sex: 'K', sexFromCpr: false });
    expect(ida).toMatchObject({ level: 4, forum: 'SSP-ledergruppe' });

    // One import entry on top of the services' own entries (person + case, and the closings).
    const sqlite = v.ctx.vault.current.sqlite;
    expect(sqlite.prepare(`SELECT actor, entity, detail FROM audit_log WHERE action = 'import'`).all()).toEqual([
      { actor: 'Testa Koordinatorsen', entity: 'case', detail: 'rows:5' },
    ]);
    expect(sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'create' AND entity IN ('person', 'case')`).get()).toEqual({ n: 10 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'close'`).get()).toEqual({ n: 2 });
  });

  it('reads semicolons, a BOM, CRLF, Danish header spellings; skips empty rows and keeps line numbers', async () => {
    const r = await importFile(readFileSync(join(FIXTURES, 'sager-semikolon-bom.csv')));
    expect(r).toMatchObject({ ok: true, imported: 3 });
    const rows = await allCases();
    expect(rows.map((c) => [c.firstName, c.lastName, c.district, c.level, c.status])).toEqual([
      ['Ærle', 'Tjørnelund; Holmå', 'Brønshøj-Husum', 3, 'closed'],
      ['Bjørn', 'Ravnsø', 'Vanløse', 2, 'open'],
      ['Sølvi', 'Kærå', 'Amager Øst', 1, 'open'],
    ]);
    expect((await getCase(rows[0]!.id)).closingReason).toBe('moved');

    // The same file with a bad last row: the line number counts the empty lines (line 6).
    const text = readFileSync(join(FIXTURES, 'sager-semikolon-bom.csv'), 'utf8').replace(';Amager Øst;1;', ';Amager Øst;7;');
    v.cleanup();
    v = await createTestVault();
    const bad = await importFile(text);
    expect(bad).toMatchObject({ ok: false, errors: [{ line: 6, reason: 'Ugyldigt niveau i kolonnen niveau: skriv 1, 2, 3 eller 4.' }] });
  });

  it("honours Excel's 'sep=' line and counts the lines of a quoted field with a line break", async () => {
    const text = ['sep=;', HEADER.replaceAll(',', ';'), 'Bjørn;Ravnsø;210108-4037;;;Valby;1;2024-01-10;;;"Anne', 'Egeholt";', 'Åse;Bøgedal;;2010-01-01;;Atlantis;1;2024-01-10;;;;'].join('\r\n');
    expect(await importFile(text)).toMatchObject({ ok: false, errors: [{ line: 5, reason: expect.stringContaining('Ukendt bydel') }] });
    expect(await importFile(text.replace('Atlantis', 'Valby'))).toMatchObject({ ok: true, imported: 2 });
  });

  it('names with æ, ø, å round-trip and are found by search in any letter case', async () => {
    await importFile(readFileSync(join(FIXTURES, 'sager.csv')));
    for (const [query, first] of [['ØSTERÅ', 'Ida'], ['østerå', 'Ida'], ['ægeholt søren', 'Søren'], ['ÆGEHOLT', 'Søren'], ['åse BØGEDAL', 'Åse'], ['lyngå', 'Mads']] as const) {
      const rows = await allCases(query);
      expect(rows.map((r) => r.firstName), query).toEqual([first]);
    }
    // Found by the external reference too.
    expect((await allCases('sof-1001')).map((r) => r.firstName)).toEqual(['Søren']);
  });

  it('reads a Windows-1252 CSV (what Danish Excel writes by default)', async () => {
    const text = csv('Bjørn,Ålestrup,210108-4037,,,Valby,1,2024-01-10,,,,');
    const r = await importFile(Buffer.from(text, 'latin1'));
    expect(r).toMatchObject({ ok: true, imported: 1 });
    expect((await allCases('bjørn ålestrup')).map((c) => c.lastName)).toEqual(['Ålestrup']);
  });

  it('accepts a closing reason in odd letter case and spacing, by label or code', async () => {
    const r = await importFile(
      csv(
        'Karla,Egevang,090912-4000,,,Valby,3,2024-01-02,2025-02-03,  oVeRgÅeT   tIl SsP+ ,,',
        'Anton,Egevang,090912-4037,,,Valby,2,2024-01-02,2025-02-03,TO-ADULT-SERVICES,,',
        'Agnes,Løvå,050510-4000,,,Valby,1,2024-01-02,03-02-2025,ANDET,,',
      ),
    );
    expect(r).toMatchObject({ ok: true, imported: 3 });
    const rows = await allCases();
    const reasons = await Promise.all(rows.map(async (c) => (await getCase(c.id)).closingReason));
    expect(reasons.sort()).toEqual(['other', 'to-adult-services', 'to-ssp-plus']);
    expect((await getCase(rows.find((c) => c.firstName === 'Agnes')!.id)).closedOn).toBe('2025-02-03');
  });
});

describe('cases.import: XLSX', () => {
  it('imports the first worksheet: date cells, numeric CPR without its leading zero, numeric level', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sager');
    wb.addWorksheet('Andet ark').addRow(['ignoreres']);
    ws.addRow(['Fornavn', 'Efternavn', 'CPR', 'Fødselsdato', 'Køn', 'Bydel', 'Niveau', 'Oprettet', 'Afsluttet', 'Afslutningsårsag', 'Koordinator', 'Sagsnummer', 'Bemærkning']);
    ws.addRow(['Søren', 'Ærøbæk', 211094037, null, null, 'Nørrebro', 2, new Date(Date.UTC(2024, 2, 1)), null, null, 'Anne Egeholt', 'X-1', 'ekstra kolonne ignoreres']);
    ws.addRow(['Åse', 'Ørnedal', '241207-4000', null, 'K', 'amager øst', 1, new Date(Date.UTC(2023, 9, 5)), new Date(Date.UTC(2024, 11, 31)), 'Fraflyttet', null, null]);
    ws.addRow(['Ida', 'Holmå', null, new Date(Date.UTC(2011, 5, 30)), 'k', 'Valby', 4, '2025-02-01', null, null, null, 12345]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    const r = await importFile(buffer, 'xlsx');
    expect(r).toMatchObject({ ok: true, imported: 3 });
    const rows = await allCases();
    const byName = new Map(rows.map((c) => [c.firstName, c]));
    const soeren = await getCase(byName.get('Søren')!.id);
    expect(soeren.person).toMatchObject({ lastName: 'Ærøbæk', cpr: '021109-xxxx', birthDate: '2009-11-02', sex: 'M' });
    expect(soeren).toMatchObject({ openedOn: '2024-03-01', level: 2, externalRef: 'X-1', coordinator: 'Anne Egeholt' });
    const aase = await getCase(byName.get('Åse')!.id);
    expect(aase).toMatchObject({ openedOn: '2023-10-05', closedOn: '2024-12-31', closingReason: 'moved', district: 'Amager Øst' });
    const ida = await getCase(byName.get('Ida')!.id);
    expect(ida.person).toMatchObject({ birthDate: '2011-06-30', sex: 'K', cpr: null });
    expect(ida).toMatchObject({ externalRef: '12345', level: 4 });
  });

  it('reports bad XLSX rows by their sheet row number, and a file that is not XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sager');
    ws.addRow(['fornavn', 'efternavn', 'cpr', 'bydel', 'niveau', 'oprettet']);
    ws.addRow(['Søren', 'Ærøbæk', 211094037, 'Nørrebro', 2, new Date(Date.UTC(2024, 2, 1))]);
    ws.addRow([]);
    ws.addRow(['Åse', 'Ørnedal', '241207-4000', 'Atlantis', 1, new Date(Date.UTC(2023, 9, 5))]);
    const r = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.errors.map((e) => e.line)).toEqual([4]);
    expect(count('cases')).toBe(0);

    const notXlsx = await importFile(Buffer.from('fornavn,efternavn\n'), 'xlsx');
    expect(notXlsx).toEqual({ ok: false, errors: [{ line: 1, reason: expect.stringContaining('kan ikke læses som et Excel-regneark') }] });
  });
});

describe('cases.import: all or nothing', () => {
  it('one bad row: nothing is imported and the row is named by its line', async () => {
    const good = readFileSync(join(FIXTURES, 'sager.csv'), 'utf8').trimEnd().split('\n');
    good.splice(3, 0, 'Malthe,Ravnholt,,2010-05-05,M,Valby,5,2024-01-01,,,,');
    const r = await importFile(good.join('\n'));
    expect(r).toMatchObject({ ok: false, errors: [{ line: 4, reason: 'Ugyldigt niveau i kolonnen niveau: skriv 1, 2, 3 eller 4.' }] });
    expect(count('people')).toBe(0);
    expect(count('cases')).toBe(0);
    expect(count(`audit_log WHERE action = 'import'`)).toBe(0);
  });

  it('several bad rows are all reported, each with its line, without quoting names or CPR numbers', async () => {
    const rows = [
      /* 2 */ 'Søren,Ægeholt,140310-4037,,,Nørrebro,2,2024-03-01,,,,',
      /* 3 */ 'Åse,Bøgedal,1403-104000,,,Nørrebro,1,2024-05-10,,,,',
      /* 4 */ 'Mads,Lyngå,021109-4037,,,Amagerbro,1,2024-05-10,,,,',
      /* 5 */ 'Ida,Østerå,,2011-06-30,K,Valby,1,2025-02-01,2024-01-01,Andet,,',
      /* 6 */ 'Omar,Kildevang,300611-4037,,,Valby,1,2099-01-01,,,,',
      /* 7 */ 'Emil,Kærholt,140310-4037,,,Valby,1,2024-01-01,,,,',
      /* 8 */ 'Freja,Sønderå,050510-4000,,,Valby,1,2024-01-01,2024-06-01,,,',
      /* 9 */ 'Noah,Grålund,050510-4037,,,Valby,1,2024-01-01,2024-06-01,færdig,,',
      /* 10 */ ',Mosby,,,,Valby,1,2024-01-01,,,,',
      /* 11 */ 'Alma,Engvig,,,,Valby,1,2024-01-01,,,,',
      /* 12 */ 'Anton,Askbæk,210108-4037,2008-02-21,,Valby,1,2024-01-01,,,,',
      /* 13 */ 'Liva,Dalsø,241207-4000,,M,Valby,1,1.13.2024,,,,',
      /* 14 */ 'Asta,Vanghøj,,2008-01-21,X,Valby,,2024-01-01,,,,',
      /* 15 */ 'Storm,Bækå,280211-4037,,,Valby,1,2010-01-01,,,,',
      /* 16 */ 'Hiba,Hedeborg,280211-4000,,,Valby,1,2024-01-01,,Andet,,',
      /* 17 */ 'Carl,Ege,280211-4037,,,Valby,1,2024-01-01,,,,,ekstra felt',
    ];
    const r = await importFile(csv(...rows));
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    const byLine = new Map<number, string[]>();
    for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.reason]);
    expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const joined = (line: number) => byLine.get(line)!.join(' | ');
    expect(joined(3)).toContain('Ugyldigt CPR-nummer (kolonne cpr)');
    expect(joined(4)).toContain('Ukendt bydel i kolonnen bydel');
    expect(joined(5)).toContain('Afslutningsdatoen (kolonne afsluttet) ligger før oprettelsesdatoen');
    expect(joined(6)).toContain('Oprettelsesdatoen (kolonne oprettet) ligger i fremtiden');
    expect(joined(7)).toContain('står også i linje 2');
    expect(joined(8)).toContain('Afslutningsårsag mangler');
    expect(joined(9)).toContain('Ukendt afslutningsårsag');
    expect(joined(10)).toContain('Fornavn mangler');
    expect(joined(11)).toContain('Fødselsdato mangler');
    expect(joined(12)).toContain('passer ikke med CPR-nummeret');
    expect(joined(13)).toContain('Ugyldig dato i kolonnen oprettet');
    expect(joined(13)).toContain('Kønnet (kolonne koen) passer ikke med CPR-nummeret');
    expect(joined(14)).toContain('Ugyldigt køn');
    expect(joined(14)).toContain('Niveau mangler');
    expect(joined(15)).toContain('ligger før fødselsdatoen');
    expect(joined(16)).toContain('ingen dato i kolonnen afsluttet');
    expect(joined(17)).toContain('flere felter end overskriftslinjen');
    // Reasons name columns, never the values: no names, no CPR digits, no birth dates.
    for (const e of errors) {
      expect(e.reason).not.toMatch(/\d{6}-?\d{4}|1403|0211|2011-06-30|2008-02-21/);
      for (const name of ['Søren', 'Ægeholt', 'Åse', 'Bøgedal', 'Mads', 'Lyngå', 'Ida', 'Østerå', 'Emil', 'Kærholt', 'Mosby', 'Engvig', 'Amagerbro', 'færdig']) {
        expect(e.reason).not.toContain(name);
      }
    }
    expect(count('people')).toBe(0);
    expect(count('cases')).toBe(0);
  });

  it('a CPR number already in the vault is an error; nothing is imported', async () => {
    await v.call('people.create', { firstName: 'Eksisterende', lastName: 'Person', cpr: '021109-4037' });
    const r = await importFile(readFileSync(join(FIXTURES, 'sager.csv')));
    expect(r).toMatchObject({ ok: false, errors: [{ line: 4, reason: expect.stringContaining('findes allerede på en person i boksen') }] });
    expect(count('people')).toBe(1);
    expect(count('cases')).toBe(0);
  });

  it('missing header columns give one error at line 1; an empty file and a header-only file are errors', async () => {
    const r = await importFile('fornavn;efternavn;cpr;oprettet\nSøren;Ægeholt;140310-4037;2024-01-01\n');
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.errors).toHaveLength(1);
    expect(r.ok === false && r.errors[0]).toEqual({ line: 1, reason: expect.stringMatching(/^Overskriftslinjen mangler kolonnerne bydel, niveau\./) });
    const noBirth = await importFile('fornavn,efternavn,bydel,niveau,oprettet\n');
    expect(noBirth.ok === false && noBirth.errors[0]!.reason).toContain('cpr eller foedselsdato');
    expect(await importFile('')).toEqual({ ok: false, errors: [{ line: 1, reason: 'Filen er tom.' }] });
    expect(await importFile(`${HEADER}\n\n`)).toEqual({ ok: false, errors: [{ line: 1, reason: expect.stringContaining('ingen rækker') }] });
    const twice = await importFile(`${HEADER},CPR-nummer\n`);
    expect(twice.ok === false && twice.errors[0]!.reason).toContain('Kolonnen cpr står mere end én gang');
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows, and sums up errors past ${MAX_REPORTED_ERRORS}`, async () => {
    const row = 'Søren,Ægeholt,,2010-01-01,,Valby,1,2024-01-01,,,,';
    const tooMany = await importFile(csv(...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => row)));
    expect(tooMany).toEqual({ ok: false, errors: [{ line: MAX_IMPORT_ROWS + 2, reason: expect.stringContaining('højst importeres 50000') }] });
    const bad = await importFile(csv(...Array.from({ length: 1200 }, () => row.replace(',1,', ',9,'))));
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({ line: MAX_REPORTED_ERRORS + 2, reason: expect.stringContaining('og 200 fejl mere i 200 rækker') });
  });

  it('imports 2,000 rows in one go (timing printed, not asserted)', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `Navn${i},Efternavn${i},,2010-01-01,,Valby,${(i % 4) + 1},202${i % 5}-0${(i % 9) + 1}-1${i % 10},,,,`);
    const started = performance.now();
    const r = await importFile(csv(...rows));
    console.log(`import of 2,000 rows: ${Math.round(performance.now() - started)} ms`);
    expect(r).toMatchObject({ ok: true, imported: 2000 });
    const numbers = v.ctx.vault.current.sqlite.prepare(`SELECT case_number AS n, opened_on AS o FROM cases ORDER BY case_number`).all() as { n: string; o: string }[];
    expect(new Set(numbers.map((x) => x.n)).size).toBe(2000);
    // Numbers follow the opening dates within each year.
    for (let i = 1; i < numbers.length; i++) {
      if (numbers[i]!.n.slice(0, 4) === numbers[i - 1]!.n.slice(0, 4)) expect(numbers[i]!.o >= numbers[i - 1]!.o).toBe(true);
    }
  });
});

describe('cli import', () => {
  const root = tempDir('ssp-import-cli-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const passFile = join(root, 'pass.txt');
  writeFileSync(passFile, `${PASSPHRASE}\n`);

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('imports a good file (exit 0), reports a bad one line by line (exit 1), refuses unknown extensions (exit 2)', async () => {
    v.ctx.vault.lock();
    const bad = join(root, 'bad.csv');
    writeFileSync(bad, csv('Søren,Ægeholt,140310-4037,,,Nørrebro,2,2024-03-01,,,,', 'Åse,Bøgedal,1403104000,,,Amagerbro,1,2024-05-10,,,,'));
    const r1 = await cli('import', '--vault', v.dir, '--passphrase-file', passFile, '--file', bad);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/^Linje 3: Ukendt bydel i kolonnen bydel\./);
    expect(r1.err).toContain('Intet er importeret.');
    expect(r1.err).not.toContain('Bøgedal');

    const r2 = await cli('import', '--vault', v.dir, '--passphrase-file', passFile, '--file', join(FIXTURES, 'sager.csv'));
    expect(r2).toMatchObject({ code: 0, err: '' });
    expect(r2.out.split('\n')[0]).toBe('Overskrift fundet i række 1. Kolonner (efter overskrifterne):');
    expect(r2.out).toMatch(/ {2}C {3}cpr {26}-> cpr/);
    expect(r2.out.split('\n').at(-1)).toBe('Importeret 5 sager.');

    expect((await cli('import', '--vault', v.dir, '--passphrase-file', passFile, '--file', join(root, 'sager.txt'))).code).toBe(2);
    expect((await cli('import', '--vault', v.dir, '--passphrase-file', passFile)).code).toBe(2);
    const missing = await cli('import', '--vault', v.dir, '--passphrase-file', passFile, '--file', join(root, 'findes-ikke.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Filen kan ikke læses');
    const noVault = await cli('import', '--vault', join(root, 'ingen'), '--passphrase-file', passFile, '--file', join(FIXTURES, 'sager.csv'));
    expect(noVault.code).toBe(1);
    expect(noVault.err).toContain('Der er ingen boks');

    await v.ctx.vault.unlock('passphrase', PASSPHRASE);
    expect(count('cases')).toBe(5);
    expect(count(`audit_log WHERE action = 'import'`)).toBe(1);
  });

  it('--map maps unknown headers (by header text or column letter) and prints the mapping used; a bad map file is a usage error', async () => {
    v.ctx.vault.lock();
    const file = join(root, 'ukendte.csv');
    writeFileSync(file, ['Barnets fornavn;Barnets efternavn;CPR-nr.;Skole;Bydel;Niveau;Startdato', 'Søren;Ægeholt;140310-4037;Nørre Fælled;Nørrebro;2;01-03-2024'].join('\n'));
    const without = await cli('import', '--vault', v.dir, '--passphrase-file', passFile, '--file', file);
    expect(without.code).toBe(1);
    expect(without.err).toContain('Overskriftslinjen mangler kolonnerne fornavn, efternavn');
    const map = join(root, 'kolonner.json');
    writeFileSync(map, JSON.stringify({ 'barnets fornavn': 'fornavn', B: 'efternavn', Skole: 'ignorer' }));
    const r = await cli('import', '--vault', v.dir, '--passphrase-file', passFile, '--file', file, '--map', map);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'Overskrift fundet i række 1. Kolonner (fra --map):',
      '  A   Barnets fornavn              -> fornavn',
      '  B   Barnets efternavn            -> efternavn',
      '  C   CPR-nr.                      -> cpr',
      '  D   Skole                        -> ignoreres',
      '  E   Bydel                        -> bydel',
      '  F   Niveau                       -> niveau',
      '  G   Startdato                    -> oprettet',
      'Importeret 1 sag.',
    ]);
    writeFileSync(map, JSON.stringify({ Klasse: 'fornavn' }));
    const bad = await cli('import', '--vault', v.dir, '--passphrase-file', passFile, '--file', file, '--map', map);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('kolonnen "Klasse" findes ikke');
    await v.ctx.vault.unlock('passphrase', PASSPHRASE);
    expect(count('cases')).toBe(1);
  });
});
