/**
 * Merging district reports into one city report. Inputs must be exact reports of the same
 * format version and half-year, each covering different districts. Rows are taken over as they
 * are (a district appears in one input only), totals are recomputed over all districts, each
 * district keeps its own assessment. The result is exact; anonymise it before it leaves
 * (anonymise.ts), which is what the app does by default.
 */
import { DEFAULT_DISTRICT_NAMES, normalizeForSearch } from '../core/districts';
import { REPORT_FORMAT, REPORT_VERSION, TABLE_SPECS, assemble, expectedRowKeys, getRows, rowKey, type GenericRow } from './layout';
import { parseReport, type ReportTables, type ReportV1 } from './schema';
import { computeTotals } from './totals';

export interface MergeOptions {
  /** File names for messages; without them files are called "fil nr. 1", "fil nr. 2", ... */
  fileNames?: readonly string[];
  /** The merged report's unit; default the inputs' units joined with ' + '. */
  unit?: string;
  /** ISO date-time of the merge; default now. */
  generatedAt?: string;
  /** Version of the app doing the merge; default the first input's. */
  appVersion?: string;
}

export type MergeResult = { ok: true; report: ReportV1 } | { ok: false; error: string };

export const MERGE_MESSAGES = {
  none: 'Vælg mindst én rapport at samle.',
  notReport: (file: string) => `${file} er ikke en SSP-halvårsrapport.`,
  version: (file: string, version: string) =>
    `${file} er i formatversion ${version}, som denne udgave af SSP Desk ikke kan læse. Opdater SSP Desk, eller bed afsenderen om en rapport i version ${REPORT_VERSION}.`,
  anonymised: (file: string) =>
    `${file} er anonymiseret. Kun eksakte rapporter kan samles, fordi skjulte tal ("<5") ikke kan lægges sammen. Bed afsenderen om den eksakte rapport.`,
  invalid: (file: string, detail: string) => `${file} kan ikke læses som halvårsrapport: ${detail}`,
  periods: (list: string) => `Rapporterne dækker forskellige perioder (${list}). Saml kun rapporter fra samme halvår.`,
  duplicateDistrict: (district: string, first: string, second: string) =>
    `Bydelen "${district}" findes både i ${first} og i ${second}. Hver bydel må kun indgå i én af rapporterne.`,
} as const;

function fileLabel(i: number, names: readonly string[] | undefined): string {
  const name = names?.[i];
  return name ? `Filen "${name}"` : `Fil nr. ${i + 1}`;
}

/** The schema's limit for `unit`. */
const MAX_UNIT_LENGTH = 200;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function mergeReports(inputs: readonly unknown[], options: MergeOptions = {}): MergeResult {
  if (inputs.length === 0) return { ok: false, error: MERGE_MESSAGES.none };
  const reports: ReportV1[] = [];
  for (const [i, input] of inputs.entries()) {
    const file = fileLabel(i, options.fileNames);
    const head = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    if (head.format !== REPORT_FORMAT) return { ok: false, error: MERGE_MESSAGES.notReport(file) };
    if (head.version !== REPORT_VERSION) return { ok: false, error: MERGE_MESSAGES.version(file, String(head.version)) };
    if (head.mode === 'anonymised') return { ok: false, error: MERGE_MESSAGES.anonymised(file) };
    const parsed = parseReport(input);
    if (!parsed.ok) return { ok: false, error: MERGE_MESSAGES.invalid(file, parsed.issues[0] ?? parsed.error) };
    reports.push(parsed.report);
  }

  const periods = [...new Set(reports.map((r) => r.period))];
  if (periods.length > 1) {
    const list = reports.map((r, i) => `${lowerFirst(fileLabel(i, options.fileNames))}: ${r.period}`).join(', ');
    return { ok: false, error: MERGE_MESSAGES.periods(list) };
  }

  const owner = new Map<string, number>();
  for (const [i, r] of reports.entries()) {
    for (const d of r.districts) {
      const key = normalizeForSearch(d);
      const first = owner.get(key);
      if (first !== undefined) {
        return {
          ok: false,
          error: MERGE_MESSAGES.duplicateDistrict(
            d,
            lowerFirst(fileLabel(first, options.fileNames)),
            lowerFirst(fileLabel(i, options.fileNames)),
          ),
        };
      }
      owner.set(key, i);
    }
  }

  const districts = orderDistricts(reports.flatMap((r) => r.districts));
  const rowsById = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) {
    const all = new Map<string, GenericRow>();
    for (const r of reports) for (const row of getRows(r.tables, spec.id)) all.set(rowKey(row, spec), { ...row });
    rowsById.set(
      spec.id,
      expectedRowKeys(spec, districts).flatMap((k) => {
        const row = all.get(rowKey(k, spec));
        return row ? [row] : [];
      }),
    );
  }
  const tables = assemble(rowsById) as unknown as ReportTables;
  const assessments = reports
    .flatMap((r) => r.assessments)
    .map((a) => ({ ...a }))
    .sort((a, b) => districts.indexOf(a.district) - districts.indexOf(b.district));
  const first = reports[0] as ReportV1;

  const merged: ReportV1 = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    period: first.period,
    unit: options.unit ?? mergedUnit(reports.map((r) => r.unit)),
    districts,
    mode: 'exact',
    threshold: Math.max(...reports.map((r) => r.threshold)),
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    appVersion: options.appVersion ?? first.appVersion,
    tables,
    totals: computeTotals(tables, districts),
    assessments,
  };
  const check = parseReport(merged);
  return check.ok ? { ok: true, report: check.report } : { ok: false, error: check.error };
}

/** The units joined with ' + ', or, when that is longer than a unit may be, how many they are. */
export function mergedUnit(units: readonly string[]): string {
  const unique = [...new Set(units)];
  const joined = unique.join(' + ');
  return joined.length <= MAX_UNIT_LENGTH ? joined : `Samlet rapport fra ${unique.length} enheder`;
}

/** The city's usual order (DEFAULT_DISTRICTS) first, other names after, in input order. */
function orderDistricts(names: readonly string[]): string[] {
  const known = DEFAULT_DISTRICT_NAMES.map(normalizeForSearch);
  const rank = (d: string) => {
    const k = known.indexOf(normalizeForSearch(d));
    return k === -1 ? known.length : k;
  };
  return names
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map((x) => x.d);
}
