/**
 * The import on sheets the way a coordinator keeps them, saved by a real spreadsheet program
 * (LibreOffice headless converting a sheet made here; see spreadsheet.ts): a title row, two header
 * rows with merged cells ("Barnet" and "Sagen" over their columns, "Koordinator" over two columns,
 * "Sagsnr." over both header rows), Danish headers with æøå, CPR numbers typed as numbers (the
 * leading zero lost for people born on the 1st-9th), dates as Calc writes them by default
 * (DD-MM-YY), empty rows at the end. Each format Danish users send is imported and every stored
 * field is compared with values written by hand.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { convertWithLibreOffice, fods, type SheetCell, type Target } from './spreadsheet';
import type { CaseDetail, CaseRow } from '../../src/shared/cases/contract';

type Result = { ok: true; imported: number; linked: number; skipped: number; headerLine: number; notes: { line: number; field: string; note: string }[]; rejected?: { rows: number; fileName: string; csv: string } } | { ok: false; errors: { line: number; reason: string; field?: string }[] };
interface Preview {
  ok: boolean;
  headerLine: number;
  headerFirstLine: number;
  columns: { index: number; letter: string; header: string; field: string | null }[];
  mappingSource: string;
  missing: string[];
  unknown: number[];
  rowCount: number;
  preview: { line: number; values: Record<string, string> }[];
  errors: { line: number; reason: string; field?: string }[];
  notes: { line: number; field: string; note: string }[];
  duplicates: { line: number; personId: number; match: string; firstName: string; lastName: string; birthDate: string; cpr: string | null }[];
  badRows: { line: number; values: Record<string, string> }[];
}

const cov: SheetCell = { covered: true };
const d = (date: string): SheetCell => ({ date });

/** The coordinator's sheet: 13 columns, title in row 1, an empty row 2, header rows 3-4, data from row 5. */
const TITLE: SheetCell[] = [{ text: 'Sagsliste Nørrebro 2026', colSpan: 13 }, ...Array<SheetCell>(12).fill(cov)];
const GROUPS: SheetCell[] = [{ text: 'Barnet', colSpan: 5 }, cov, cov, cov, cov, { text: 'Sagen', colSpan: 5 }, cov, cov, cov, cov, { text: 'Koordinator', colSpan: 2 }, cov, { text: 'Sagsnr.', rowSpan: 2 }];
const HEADERS: SheetCell[] = ['Fornavn', 'Efternavn', 'CPR-nr.', 'Fødselsdato', 'Køn', 'Bydel', 'Niveau', 'Oprettet', 'Afsluttet', 'Årsag til afslutning', 'Navn', 'Telefon', cov];
const DATA: SheetCell[][] = [
  /* 5 */ ['Ærle', 'Bøgh-Østergård', 101094002, null, null, 'Nørrebro', 2, d('2024-03-01'), null, null, 'Anne Egeholt', 12345678, 'SOF-1001'],
  /* 6 */ ['Mads', 'Lyngå', 2110094037, null, 'M', 'Bispebjerg', 3, d('2023-11-15'), d('2025-01-31'), 'Fraflyttet', 'Peter Import', null, null],
  /* 7 */ ['Åse', 'Kærholt', '051210-4000', null, null, 'Amager Øst', 1, d('2025-02-03'), null, null, null, null, null],
  /* 8 */ ['Ida', 'Østerå', null, d('2011-06-30'), 'K', 'Valby', 4, d('2024-12-31'), null, null, null, null, 77],
  /* 9 */ ['Omar', 'Kildevang', 3006114037, null, null, 'Østerbro', 1, d('2022-08-09'), d('2024-06-30'), 'Overgået til SSP+', 'Anne Egeholt', 87654321, 'BUF-77'],
  /* 10 */ ['Noah', 'Grålund', 905124001, null, null, 'Valby', 1, d('2025-09-01'), null, null, null, null, null],
];
const SHEET = fods([TITLE, [null], GROUPS, HEADERS, ...DATA], 5);

/** What must be stored, written by hand from the rows above (birth dates and sexes worked out from the CPR numbers). */
const EXPECTED = [
  { caseNumber: '2022-00001', firstName: 'Omar', lastName: 'Kildevang', cpr: '300611-xxxx', birthDate: '2011-06-30', sex: 'M', sexFromCpr: true, district: 'Østerbro', level: 1, status: 'closed', openedOn: '2022-08-09', closedOn: '2024-06-30', closingReason: 'to-ssp-plus', coordinator: 'Anne Egeholt', externalRef: 'BUF-77' },
  { caseNumber: '2023-00001', firstName: 'Mads', lastName: 'Lyngå', cpr: '211009-xxxx', birthDate: '2009-10-21', sex: 'M', sexFromCpr: true, district: 'Bispebjerg', level: 3, status: 'closed', openedOn: '2023-11-15', closedOn: '2025-01-31', closingReason: 'moved', coordinator: 'Peter Import', externalRef: null },
  { caseNumber: '2024-00001', firstName: 'Ærle', lastName: 'Bøgh-Østergård', cpr: '010109-xxxx', birthDate: '2009-01-01', sex: 'K', sexFromCpr: true, district: 'Nørrebro', level: 2, status: 'open', openedOn: '2024-03-01', closedOn: null, closingReason: null, coordinator: 'Anne Egeholt', externalRef: 'SOF-1001' },
  { caseNumber: '2024-00002', firstName: 'Ida', lastName: 'Østerå', cpr: null, birthDate: '2011-06-30', sex: 'K', sexFromCpr: false, district: 'Valby', level: 4, status: 'open', openedOn: '2024-12-31', closedOn: null, closingReason: null, coordinator: null, externalRef: '77' },
  { caseNumber: '2025-00001', firstName: 'Åse', lastName: 'Kærholt', cpr: '051210-xxxx', birthDate: '2010-12-05', sex: 'K', sexFromCpr: true, district: 'Amager Øst', level: 1, status: 'open', openedOn: '2025-02-03', closedOn: null, closingReason: null, coordinator: null, externalRef: null },
  { caseNumber: '2025-00002', firstName: 'Noah', lastName: 'Grålund', cpr: '090512-xxxx', birthDate: '2012-05-09', sex: 'M', sexFromCpr: true, district: 'Valby', level: 1, status: 'open', openedOn: '2025-09-01', closedOn: null, closingReason: null, coordinator: null, externalRef: null },
];

let v: TestVault;
beforeEach(async () => {
  v = await createTestVault();
});
afterEach(() => v.cleanup());

const formatOf = (t: Target) => (t === 'xlsx' ? 'xlsx' : 'csv');
const request = (bytes: Buffer, target: Target, extra: Record<string, unknown> = {}) => ({ fileName: `sager.${formatOf(target)}`, format: formatOf(target), contentBase64: bytes.toString('base64'), ...extra });
const importBytes = (bytes: Buffer, target: Target, extra: Record<string, unknown> = {}) => v.call<Result>('cases.import', request(bytes, target, extra));
const previewBytes = (bytes: Buffer, target: Target, extra: Record<string, unknown> = {}) => v.call<Preview>('cases.importPreview', request(bytes, target, extra));
const count = (sql: string) => (v.ctx.vault.current.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;

async function storedCases() {
  const list = await v.call<{ rows: CaseRow[] }>('cases.list', { status: 'all', limit: 500, sort: 'caseNumber' });
  const out = [];
  for (const row of [...list.rows].sort((a, b) => a.caseNumber.localeCompare(b.caseNumber))) {
    const c = await v.call<CaseDetail>('cases.get', { caseId: row.id });
    out.push({
      caseNumber: c.caseNumber, firstName: c.person.firstName, lastName: c.person.lastName, cpr: c.person.cpr, birthDate: c.person.birthDate, sex: c.person.sex, sexFromCpr: c.person.sexFromCpr,
      district: c.district, level: c.level, status: c.status, openedOn: c.openedOn, closedOn: c.closedOn, closingReason: c.closingReason, coordinator: c.coordinator, externalRef: c.externalRef,
    });
  }
  return out;
}

describe('import of a sheet saved by LibreOffice', () => {
  for (const target of ['xlsx', 'csv-windows-1252', 'csv-utf8-bom'] as const) {
    it(`${target}: title row, two header rows, merged headers, numeric CPR numbers, DD-MM-YY dates: every field as written`, async () => {
      const bytes = convertWithLibreOffice(SHEET, target);
      if (target === 'csv-windows-1252') {
        // What LibreOffice wrote: Windows-1252 (ø is one byte 0xF8), the CPR number without its zero, Calc's date form.
        expect(bytes.includes(Buffer.from('Bøgh', 'latin1'))).toBe(true);
        expect(bytes.toString('latin1')).toContain(';101094002;');
        expect(bytes.toString('latin1')).toContain(';01-03-24;');
      }
      if (target === 'csv-utf8-bom') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      const preview = await previewBytes(bytes, target);
      expect(preview).toMatchObject({ ok: true, headerFirstLine: 3, headerLine: 4, rowCount: 6, missing: [], errors: [], duplicates: [] });
      expect(preview.columns.map((c) => [c.letter, c.field])).toEqual([
        ['A', 'fornavn'], ['B', 'efternavn'], ['C', 'cpr'], ['D', 'foedselsdato'], ['E', 'koen'], ['F', 'bydel'], ['G', 'niveau'],
        ['H', 'oprettet'], ['I', 'afsluttet'], ['J', 'afslutningsaarsag'], ['K', 'koordinator'], ['L', null], ['M', 'sagsnummer'],
      ]);
      // The merged "Koordinator" is one header (column K); the column it also covers (L, "Telefon") is unknown, not a second koordinator.
      expect(preview.columns[11]).toMatchObject({ header: 'Telefon', field: null });
      expect(preview.unknown).toEqual([11]);
      expect(preview.preview[0]).toEqual({
        line: 5,
        values: { fornavn: 'Ærle', efternavn: 'Bøgh-Østergård', cpr: '010109-xxxx', foedselsdato: '2009-01-01', koen: 'K', bydel: 'Nørrebro', niveau: '2', oprettet: '2024-03-01', afsluttet: '', afslutningsaarsag: '', koordinator: 'Anne Egeholt', sagsnummer: 'SOF-1001' },
      });
      expect(count('cases')).toBe(0);

      const r = await importBytes(bytes, target);
      expect(r).toEqual({
        ok: true, imported: 6, linked: 0, skipped: 0, headerLine: 4,
        notes: [
          { line: 5, field: 'cpr', note: expect.stringContaining('første ciffer (0)') },
          { line: 10, field: 'cpr', note: expect.stringContaining('første ciffer (0)') },
        ],
      });
      expect(await storedCases()).toEqual(EXPECTED);
    });
  }

  it('a 9-digit CPR number that gives no valid date with the zero put back is refused, saying why', async () => {
    const rows = [HEADERS.slice(0, 12), ['Liva', 'Dalsø', 321094002, null, null, 'Valby', 1, d('2024-01-10'), null, null, null, null]];
    const bytes = convertWithLibreOffice(fods(rows), 'csv-windows-1252');
    const r = await importBytes(bytes, 'csv-windows-1252');
    expect(r).toEqual({ ok: false, errors: [{ line: 2, field: 'cpr', reason: expect.stringMatching(/Ugyldigt CPR-nummer.*kun 9 cifre/) }] });
    expect(count('people')).toBe(0);
  });

  it('a CSV put together from a UTF-8 and a Windows-1252 file is refused, naming the lines; nothing garbled is imported', async () => {
    const utf8 = convertWithLibreOffice(SHEET, 'csv-utf8').toString('utf8').split('\n');
    const cp1252 = convertWithLibreOffice(SHEET, 'csv-windows-1252');
    const cp1252Lines = [];
    let start = 0;
    for (let i = 0; i <= cp1252.length; i++) {
      if (i === cp1252.length || cp1252[i] === 0x0a) {
        cp1252Lines.push(cp1252.subarray(start, i));
        start = i + 1;
      }
    }
    // Lines 1-8 from the UTF-8 file, line 9 (Omar Kildevang, Østerbro) from the Windows-1252 one.
    const mixed = Buffer.concat([Buffer.from(utf8.slice(0, 8).join('\n') + '\n', 'utf8'), cp1252Lines[8]!, Buffer.from('\n' + utf8.slice(9).join('\n'), 'utf8')]);
    const r = await importBytes(mixed, 'csv-utf8');
    expect(r).toEqual({ ok: false, errors: [{ line: 9, reason: expect.stringMatching(/linje 1 er gemt som UTF-8, men linje 9 som Windows-1252/) }] });
    expect(count('people')).toBe(0);
  });
});

describe('import: mapping, fixing in place, duplicates, good rows only', () => {
  const UNKNOWN_HEADERS: SheetCell[] = ['Barnets fornavn', 'Barnets efternavn', 'Personnummer', 'Skole', 'Område', 'SSP-niveau', 'Startdato'];
  const rows: SheetCell[][] = [
    UNKNOWN_HEADERS,
    /* 2 */ ['Ærle', 'Bøgh', 101094002, 'Nørre Fælled Skole', 'Nørrebro', 2, d('2024-03-01')],
    /* 3 */ ['Mads', 'Lyngå', 2110094037, 'Husum Skole', 'Atlantis', 3, d('2023-11-15')],
    /* 4 */ ['Åse', 'Kærholt', '051210-4000', 'Valby Skole', 'Amager Øst', 7, d('2025-02-03')],
    /* 5 */ ['=HYPERLINK("http://x")', 'Ravn', 3006114037, 'Skole', 'Valby', 9, d('2025-02-03')],
  ];
  const mapping = [
    { column: 0, field: 'fornavn' }, { column: 1, field: 'efternavn' }, { column: 3, field: 'ignore' },
  ];

  it('unknown headers: the preview says which; with a mapping the rows read, and the mapping is remembered for the next file', async () => {
    const bytes = convertWithLibreOffice(fods(rows.slice(0, 3)), 'xlsx');
    const first = await previewBytes(bytes, 'xlsx');
    // "Personnummer", "Område", "SSP-niveau", "Startdato" are Danish spellings the import knows; the first two columns are not.
    expect(first.columns.map((c) => c.field)).toEqual([null, null, 'cpr', null, 'bydel', 'niveau', 'oprettet']);
    expect(first).toMatchObject({ ok: false, unknown: [0, 1, 3], missing: ['fornavn', 'efternavn'], mappingSource: 'auto' });
    expect(first.errors[0]!.reason).toMatch(/^Overskriftslinjen mangler kolonnerne fornavn, efternavn\./);

    const mapped = await previewBytes(bytes, 'xlsx', { mapping, duplicates: [] });
    expect(mapped).toMatchObject({ mappingSource: 'given', missing: [], unknown: [] });
    expect(mapped.preview).toEqual([{ line: 2, values: expect.objectContaining({ fornavn: 'Ærle', efternavn: 'Bøgh', cpr: '010109-xxxx', bydel: 'Nørrebro', niveau: '2', oprettet: '2024-03-01' }) }]);
    expect(mapped.errors).toEqual([{ line: 3, field: 'bydel', reason: expect.stringContaining('Ukendt bydel') }]);
    expect(mapped.badRows).toEqual([{ line: 3, values: { fornavn: 'Mads', efternavn: 'Lyngå', cpr: '2110094037', bydel: 'Atlantis', niveau: '3', oprettet: '2023-11-15' } }]);

    const fixed = await importBytes(bytes, 'xlsx', { mapping, fixes: [{ line: 3, field: 'bydel', value: 'Bispebjerg' }] });
    expect(fixed).toMatchObject({ ok: true, imported: 2 });
    // The next file with the same headers is read with the remembered mapping.
    v.cleanup();
    v = await createTestVault();
    const again = await previewBytes(bytes, 'xlsx');
    expect(again.mappingSource).toBe('auto');
    await importBytes(bytes, 'xlsx', { mapping, fixes: [{ line: 3, field: 'bydel', value: 'Bispebjerg' }] });
    const remembered = await previewBytes(convertWithLibreOffice(fods([rows[0]!, rows[2]!]), 'xlsx'), 'xlsx', { duplicates: [] });
    expect(remembered).toMatchObject({ mappingSource: 'remembered', missing: [], unknown: [] });
    expect(remembered.columns.map((c) => c.field)).toEqual(['fornavn', 'efternavn', 'cpr', null, 'bydel', 'niveau', 'oprettet']);
  });

  it('two bad rows fixed in place: the whole file in one transaction; unfixed, nothing', async () => {
    const bytes = convertWithLibreOffice(fods(rows.slice(0, 4)), 'csv-windows-1252');
    const bad = await importBytes(bytes, 'csv-windows-1252', { mapping });
    expect(bad).toEqual({
      ok: false,
      errors: [
        { line: 3, field: 'bydel', reason: expect.stringContaining('Ukendt bydel') },
        { line: 4, field: 'niveau', reason: 'Ugyldigt niveau i kolonnen niveau: skriv 1, 2, 3 eller 4.' },
      ],
    });
    expect(count('cases')).toBe(0);
    const fixes = [{ line: 3, field: 'bydel', value: 'Bispebjerg' }, { line: 4, field: 'niveau', value: '1' }];
    expect(await previewBytes(bytes, 'csv-windows-1252', { mapping, fixes })).toMatchObject({ ok: true, errors: [] });
    const r = await importBytes(bytes, 'csv-windows-1252', { mapping, fixes });
    expect(r).toMatchObject({ ok: true, imported: 3 });
    expect((await storedCases()).map((c) => [c.firstName, c.district, c.level])).toEqual([
      ['Mads', 'Bispebjerg', 3],
      ['Ærle', 'Nørrebro', 2],
      ['Åse', 'Amager Øst', 1],
    ]);
    expect(count(`audit_log WHERE action = 'import'`)).toBe(1);
  });

  it('good rows only: the good rows are imported, the bad ones come back as a CSV with a reason column, formulas made inert', async () => {
    const bytes = convertWithLibreOffice(fods(rows), 'xlsx');
    const r = await importBytes(bytes, 'xlsx', { mapping, goodRowsOnly: true });
    expect(r).toMatchObject({ ok: true, imported: 1, rejected: { rows: 3 } });
    if (!r.ok || !r.rejected) throw new Error('expected rejected rows');
    const lines = r.rejected.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Linje;Barnets fornavn;Barnets efternavn;Personnummer;Skole;Område;SSP-niveau;Startdato;Årsag');
    expect(lines.slice(1, 4).map((l) => l.split(';').slice(0, 2))).toEqual([['3', 'Mads'], ['4', 'Åse'], ['5', `"'=HYPERLINK(""http://x"")"`]]);
    expect(lines[1]).toContain('Ukendt bydel');
    expect(lines[3]).toContain('Ugyldigt niveau');
    expect(count('cases')).toBe(1);
  });

  it('duplicates of people in the vault (same CPR, or same name and birth date) are shown before import; link or skip', async () => {
    const same = await v.call<{ id: number }>('people.create', { firstName: 'Ærle', lastName: 'Bøgh', cpr: '010109-4002' });
    const twin = await v.call<{ id: number }>('people.create', { firstName: 'Åse', lastName: 'Kærholt', birthDate: '2010-12-05' });
    const sheet = [rows[1]!, [...rows[3]!.slice(0, 2), null, ...rows[3]!.slice(3, 5), 1, rows[3]![6]!], ['Ny', 'Person', 2110094037, 'Skole', 'Valby', 1, d('2024-01-01')]];
    const withBirth = fods([[...UNKNOWN_HEADERS, 'Fødselsdato'], ...sheet.map((r, i) => [...r, i === 1 ? d('2010-12-05') : null])]);
    const bytes = convertWithLibreOffice(withBirth, 'xlsx');
    const p = await previewBytes(bytes, 'xlsx', { mapping });
    expect(p.duplicates).toEqual([
      { line: 2, personId: same.id, match: 'cpr', firstName: 'Ærle', lastName: 'Bøgh', birthDate: '2009-01-01', cpr: '010109-xxxx' },
      { line: 3, personId: twin.id, match: 'name-birth', firstName: 'Åse', lastName: 'Kærholt', birthDate: '2010-12-05', cpr: null },
    ]);
    expect(p.errors.map((e) => [e.line, e.reason.slice(0, 40)])).toEqual([
      [2, 'CPR-nummeret (kolonne cpr) findes allere'],
      [3, 'En person med samme navn og fødselsdato '],
    ]);
    const r = await importBytes(bytes, 'xlsx', { mapping, duplicates: [{ line: 2, action: 'link' }, { line: 3, action: 'skip' }] });
    expect(r).toMatchObject({ ok: true, imported: 2, linked: 1, skipped: 1 });
    expect(count('people')).toBe(3);
    const linked = v.ctx.vault.current.sqlite.prepare('SELECT count(*) AS n FROM cases WHERE person_id = ?').get(same.id) as { n: number };
    expect(linked.n).toBe(1);
    expect((v.ctx.vault.current.sqlite.prepare('SELECT count(*) AS n FROM cases WHERE person_id = ?').get(twin.id) as { n: number }).n).toBe(0);
  });
});
