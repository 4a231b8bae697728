import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, inertText, mergedUnit, missingLabels, reportToCsv } from '../../src/shared/semiannual-report';
import { AMAGER_VEST, exactReport } from './report-fixtures';

describe('report CSV cells', () => {
  it('quotes what would break a line or a column, and only that', () => {
    expect(csvCell('Amager Vest')).toBe('Amager Vest');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('<5')).toBe('<5');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('sagde "nej"')).toBe('"sagde ""nej"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvCell(' mellemrum')).toBe('" mellemrum"');
  });

  it('makes text that starts like a formula inert', () => {
    for (const text of ['=1+1', '+45 1234', '-uro', '@navn']) expect(inertText(text)).toBe(`'${text}`);
    expect(inertText('Uro - men mindre')).toBe('Uro - men mindre');
  });

  it('round-trips a report with a tricky assessment through a CSV parser', () => {
    const text = '- Færre unge ved "Bispebjerg Torv";\nflere i klubberne.';
    const csv = reportToCsv(exactReport(['Amager Vest'], AMAGER_VEST, {}, [{ district: 'Amager Vest', text }]));
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    expect(rows.find((r) => r[0] === 'Amager Vest' && r.length === 2)?.[1]).toBe(`'${text}`);
    expect(csv.split('\r\n').every((l) => !l.includes('\r'))).toBe(true);
  });
});

describe('labels and merged unit', () => {
  it('has Danish labels for every table of the format', () => {
    expect(missingLabels()).toEqual([]);
  });
  it('joins unit names, or counts them when the names would be too long', () => {
    expect(mergedUnit(['SSP Amager', 'SSP Valby', 'SSP Amager'])).toBe('SSP Amager + SSP Valby');
    expect(mergedUnit(Array.from({ length: 20 }, (_, i) => `SSP-enhed nummer ${i}`))).toBe('Samlet rapport fra 20 enheder');
  });
});
