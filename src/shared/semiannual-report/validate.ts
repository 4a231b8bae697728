/**
 * Rules of the report format across fields, with Danish messages. Runs after zod has checked
 * the shape (schema.ts). A report is valid when this returns no problems.
 */
import { findCprLike } from '../core/cpr';
import { areasProblem, normalizeForSearch } from '../core/districts';
import { isSuppressed } from './suppression';
import {
  ALL,
  TABLE_SPECS,
  expectedRowKeys,
  getRows,
  rowKey,
  totalsRowKeys,
  type GenericRow,
  type TableSpec,
} from './layout';
import type { ReportV1 } from './schema';
import { tableTotals } from './totals';

export interface ReportProblem {
  path: (string | number)[];
  message: string;
}

const MAX_PROBLEMS = 50;

const KEY_LABELS: Record<string, string> = {
  level: 'niveau',
  band: 'aldersgruppe',
  sex: 'køn',
  months: 'måneder',
  outcome: 'udfald',
};

/** 'Amager Vest, niveau 3' / 'alle bydele, niveau alle'. */
export function describeRow(row: GenericRow): string {
  return Object.entries(row)
    .filter(([k]) => k === 'district' || k in KEY_LABELS)
    .map(([k, v]) => {
      if (k === 'district') return v === ALL ? 'alle bydele' : String(v);
      return `${KEY_LABELS[k]} ${v === ALL ? 'alle' : String(v)}`;
    })
    .join(', ');
}

function coverage(
  spec: TableSpec,
  rows: readonly GenericRow[],
  expected: readonly GenericRow[],
  where: string,
  path: (string | number)[],
  out: ReportProblem[],
): void {
  const wanted = new Set(expected.map((k) => rowKey(k, spec)));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = rowKey(row, spec);
    if (!wanted.has(key)) out.push({ path: [...path, i], message: `${where} ${spec.id}: rækken for ${describeRow(row)} hører ikke til rapporten.` });
    else if (seen.has(key)) out.push({ path: [...path, i], message: `${where} ${spec.id}: rækken for ${describeRow(row)} står der to gange.` });
    seen.add(key);
  });
  for (const k of expected) {
    if (!seen.has(rowKey(k, spec))) out.push({ path, message: `${where} ${spec.id}: rækken for ${describeRow(k)} mangler.` });
  }
}

/** Version 2's district codes and areas: one entry per district in order, unique codes, known bydele. */
function identityProblems(report: ReportV1, out: ReportProblem[]): void {
  const list = report.districtAreas;
  if (report.version === 1) {
    if (list !== undefined) out.push({ path: ['districtAreas'], message: 'Bydelskoder (districtAreas) findes først i formatversion 2.' });
    return;
  }
  if (list === undefined) {
    out.push({ path: ['districtAreas'], message: 'En rapport i formatversion 2 skal have bydelskoder (districtAreas) for hver bydel.' });
    return;
  }
  if (list.length !== report.districts.length || list.some((a, i) => a.district !== report.districts[i])) {
    out.push({ path: ['districtAreas'], message: 'Bydelskoderne (districtAreas) skal stå for hver bydel i samme rækkefølge som listen over bydele.' });
    return;
  }
  const codes = new Map<string, string>();
  list.forEach((a, i) => {
    const other = codes.get(a.code);
    if (other !== undefined) out.push({ path: ['districtAreas', i, 'code'], message: `Bydelene "${other}" og "${a.district}" har samme kode "${a.code}".` });
    codes.set(a.code, a.district);
    const problem = areasProblem(a.areas);
    if (problem) out.push({ path: ['districtAreas', i, 'areas'], message: `${a.district}: ${problem}` });
  });
  // Districts of one file may share a bydel (a case belongs to one district, so nothing counts
  // twice); across files they may not (mergeReports refuses that).
}

export function reportProblems(report: ReportV1): ReportProblem[] {
  const out: ReportProblem[] = [];
  const districts = report.districts;

  const names = new Map<string, number>();
  districts.forEach((d, i) => {
    const key = normalizeForSearch(d);
    if (key === ALL) out.push({ path: ['districts', i], message: `"${d}" kan ikke bruges som navn på en bydel.` });
    else if (names.has(key)) out.push({ path: ['districts', i], message: `Bydelen "${d}" står to gange i listen over bydele.` });
    names.set(key, i);
  });
  if (out.length > 0) return out;
  identityProblems(report, out);

  const marker = `<${report.threshold}`;
  for (const spec of TABLE_SPECS) {
    const rows = getRows(report.tables, spec.id);
    const totals = getRows(report.totals, spec.id);
    const tablePath = ['tables', ...spec.id.split('.')];
    const totalsPath = ['totals', ...spec.id.split('.')];
    coverage(spec, rows, expectedRowKeys(spec, districts), 'Tabellen', tablePath, out);
    coverage(spec, totals, totalsRowKeys(spec, districts), 'Totalerne for', totalsPath, out);

    const checkCounts = (list: readonly GenericRow[], path: (string | number)[]) =>
      list.forEach((row, i) => {
        for (const m of spec.measures) {
          const v = row[m];
          if (!isSuppressed(v)) continue;
          if (report.mode === 'exact') {
            out.push({ path: [...path, i, m], message: `En eksakt rapport må ikke have skjulte tal ("${v}").` });
          } else if (v !== marker) {
            out.push({ path: [...path, i, m], message: `Skjulte tal skal skrives "${marker}", som rapportens tærskel siger.` });
          }
        }
      });
    checkCounts(rows, tablePath);
    checkCounts(totals, totalsPath);
  }

  if (report.mode === 'exact' && out.length === 0) {
    for (const spec of TABLE_SPECS) {
      const computed = new Map(tableTotals(spec, getRows(report.tables, spec.id), districts).map((r) => [rowKey(r, spec), r]));
      getRows(report.totals, spec.id).forEach((row, i) => {
        const expected = computed.get(rowKey(row, spec));
        for (const m of spec.measures) {
          if (expected && row[m] !== expected[m]) {
            out.push({
              path: ['totals', ...spec.id.split('.'), i, m],
              message: `Totalerne for ${spec.id}: ${describeRow(row)} skal være ${String(expected[m])}, ikke ${String(row[m])}.`,
            });
          }
        }
      });
    }
  }

  const assessed = new Set<string>();
  report.assessments.forEach((a, i) => {
    const key = a.district;
    if (!districts.includes(key)) out.push({ path: ['assessments', i, 'district'], message: `Vurderingen for "${a.district}" hører ikke til en af rapportens bydele.` });
    else if (assessed.has(key)) out.push({ path: ['assessments', i, 'district'], message: `Der er to vurderinger for "${a.district}".` });
    assessed.add(key);
    if (findCprLike(a.text).length > 0) {
      out.push({
        path: ['assessments', i, 'text'],
        message: `Vurderingen for "${a.district}" indeholder noget, der ligner et CPR-nummer. Fjern det; rapporten må ikke indeholde personoplysninger.`,
      });
    }
  });

  (report.unrest ?? []).forEach((u, i) => {
    if (!districts.includes(u.district)) out.push({ path: ['unrest', i, 'district'], message: `Uro-oplysningen for "${u.district}" hører ikke til en af rapportens bydele.` });
  });

  return out.slice(0, MAX_PROBLEMS);
}
