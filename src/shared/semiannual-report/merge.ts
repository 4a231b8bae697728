/**
 * Merging district reports into one city report. Inputs must be exact reports (format version 1
 * or 2) of the same half-year (or the two halves of one year, merged into a year report:
 * mergeHalvesIntoYear), each covering different ground: no district name or code twice, no
 * two districts whose areas overlap (a bydel and a part of it). The result says which of the
 * city's bydele are covered (cityCoverage). Rows are taken over as they
 * are (a district appears in one input only), totals are recomputed over all districts, each
 * district keeps its own assessment. The result is exact; anonymise it before it leaves
 * (anonymise.ts), which is what the app does by default.
 */
import { areasOverlap, bydelOfArea, CITY_BYDELE, DEFAULT_DISTRICT_NAMES, defaultIdentity, normalizeForSearch } from '../core/districts';
import { READABLE_VERSIONS, REPORT_FORMAT, REPORT_VERSION, TABLE_SPECS, assemble, expectedRowKeys, getRows, rowKey, type GenericRow } from './layout';
import { parseReport, type DistrictArea, type ReportTables, type ReportV1 } from './schema';
import { computeTotals } from './totals';
import { combineHalves, halvesOf } from './views';
import type { UnrestRow } from './unrest';

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

/** Which of the city's bydele the merged files cover: whole, only in part, or not at all. */
export interface MergeCoverage {
  /** Bydele covered whole. */
  received: number;
  /** The city's bydele (10). */
  of: number;
  /** Names of bydele no file covers at all, in the city's order. */
  missing: string[];
  /** Names of bydele covered only in part (by districts such as "distrikt 15"). */
  partial: string[];
  /** Districts in the files that are not mapped to any bydel (version 1 files with other names, unmapped districts). */
  unmapped: string[];
}

export type MergeResult = { ok: true; report: ReportV1; coverage: MergeCoverage } | { ok: false; error: string };

const bydelName = (code: string) => CITY_BYDELE.find((b) => b.code === code)?.name ?? code;

export const MERGE_MESSAGES = {
  none: 'Vælg mindst én rapport at samle.',
  notReport: (file: string) => `${file} er ikke en SSP-halvårsrapport.`,
  version: (file: string, version: string) =>
    `${file} er i formatversion ${version}, som denne udgave af SSP Desk ikke kan læse. Opdater SSP Desk, eller bed afsenderen om en rapport i version ${REPORT_VERSION}.`,
  anonymised: (file: string) =>
    `${file} er anonymiseret. Kun eksakte rapporter kan samles, fordi skjulte tal ("<5") ikke kan lægges sammen. Bed afsenderen om den eksakte rapport.`,
  invalid: (file: string, detail: string) => `${file} kan ikke læses som halvårsrapport: ${detail}`,
  periods: (list: string) =>
    `Rapporterne dækker forskellige perioder (${list}). Saml rapporter fra samme halvår, eller 1. og 2. halvår af samme år til en årsrapport.`,
  yearDistricts: (district: string, inHalf: string, files: string, otherHalf: string) =>
    `En årsrapport skal have de samme bydele i begge halvår: "${district}" er med i ${inHalf} (${files}), men ikke i ${otherHalf}. Vælg filerne for de samme bydele fra begge halvår.`,
  duplicateDistrict: (district: string, first: string, second: string) =>
    `Bydelen "${district}" findes både i ${first} og i ${second}. Hver bydel må kun indgå i én af rapporterne.`,
  duplicateCode: (code: string, a: string, first: string, b: string, second: string) =>
    `Bydelskoden "${code}" findes både i ${first} ("${a}") og i ${second} ("${b}"): det er den samme bydel under to navne. Hver bydel må kun indgå i én af rapporterne.`,
  overlap: (a: string, first: string, b: string, second: string, bydel: string) =>
    `"${a}" i ${first} og "${b}" i ${second} dækker det samme område af ${bydel}, så tallene ville blive talt med to gange. Saml kun rapporter, der dækker hver sin del af byen.`,
} as const;

/** "Modtaget 7 af 10 bydele; mangler: Valby, Vanløse, Bispebjerg." and what is covered only in part. */
export function coverageMessage(c: MergeCoverage): string {
  const parts = [`Modtaget ${c.received} af ${c.of} bydele${c.missing.length ? `; mangler: ${c.missing.join(', ')}` : ''}.`];
  if (c.partial.length) parts.push(`Kun en del af: ${c.partial.join(', ')}.`);
  if (c.unmapped.length) parts.push(`Uden kobling til en bydel: ${c.unmapped.join(', ')}.`);
  return parts.join(' ');
}

/** A file's district identities: its own (version 2), or from the names (version 1: a city bydel's name covers it). */
function identitiesOf(r: ReportV1): DistrictArea[] {
  return r.districtAreas ?? r.districts.map((d) => ({ district: d, ...defaultIdentity(d) }));
}

/** The city's bydele the districts cover whole, in part, or not at all. */
export function cityCoverage(identities: readonly DistrictArea[]): MergeCoverage {
  const areas = identities.flatMap((i) => i.areas);
  const whole = CITY_BYDELE.filter((b) => areas.includes(b.code));
  const partial = CITY_BYDELE.filter((b) => !areas.includes(b.code) && areas.some((a) => bydelOfArea(a) === b.code));
  return {
    received: whole.length,
    of: CITY_BYDELE.length,
    missing: CITY_BYDELE.filter((b) => !whole.includes(b) && !partial.includes(b)).map((b) => b.name),
    partial: partial.map((b) => b.name),
    unmapped: identities.filter((i) => i.areas.length === 0).map((i) => i.district),
  };
}

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
    if (typeof head.version !== 'number' || !READABLE_VERSIONS.includes(head.version)) return { ok: false, error: MERGE_MESSAGES.version(file, String(head.version)) };
    if (head.mode === 'anonymised') return { ok: false, error: MERGE_MESSAGES.anonymised(file) };
    const parsed = parseReport(input);
    if (!parsed.ok) return { ok: false, error: MERGE_MESSAGES.invalid(file, parsed.issues[0] ?? parsed.error) };
    reports.push(parsed.report);
  }

  const periods = [...new Set(reports.map((r) => r.period))];
  if (periods.length > 1) {
    const year = yearOfHalves(periods);
    if (year !== null) return mergeHalvesIntoYear(reports, year, options);
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

  // The same bydel under two names, or areas that overlap ("Amager Vest" and "Sundbyvester (distrikt 15)").
  const seen: { id: DistrictArea; file: number }[] = [];
  for (const [i, r] of reports.entries()) {
    for (const id of identitiesOf(r)) {
      for (const other of seen) {
        if (other.file === i) continue;
        const first = lowerFirst(fileLabel(other.file, options.fileNames));
        const second = lowerFirst(fileLabel(i, options.fileNames));
        if (other.id.code === id.code) {
          return { ok: false, error: MERGE_MESSAGES.duplicateCode(id.code, other.id.district, first, id.district, second) };
        }
        const clash = other.id.areas.find((a) => id.areas.some((b) => areasOverlap(a, b)));
        if (clash !== undefined) return { ok: false, error: MERGE_MESSAGES.overlap(other.id.district, first, id.district, second, bydelName(bydelOfArea(clash))) };
      }
      seen.push({ id, file: i });
    }
  }

  const districts = orderDistricts(reports.flatMap((r) => r.districts));
  const identityOf = new Map(seen.map((x) => [x.id.district, x.id]));
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
    districtAreas: districts.map((d) => {
      const id = identityOf.get(d) as DistrictArea;
      return { district: d, code: id.code, areas: [...id.areas] };
    }),
    mode: 'exact',
    threshold: Math.max(...reports.map((r) => r.threshold)),
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    appVersion: options.appVersion ?? first.appVersion,
    tables,
    totals: computeTotals(tables, districts),
    assessments,
    ...(reports.some((r) => r.unrest) ? { unrest: reports.flatMap((r) => r.unrest ?? []).map((u) => ({ ...u })).sort((a, b) => districts.indexOf(a.district) - districts.indexOf(b.district)) } : {}),
  };
  const check = parseReport(merged);
  return check.ok ? { ok: true, report: check.report, coverage: cityCoverage(check.report.districtAreas ?? []) } : { ok: false, error: check.error };
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

/**
 * A year's unrest from its halves: a bydel is "med uro" in the year when it was in either half (a
 * plan active on 1 July was activated in the first half or active on 1 January), and the
 * observations and activated plans add up: the same as unrestOf over the whole year.
 */
function unrestOfYear(districts: readonly string[], a: readonly UnrestRow[], b: readonly UnrestRow[]): UnrestRow[] {
  const rowOf = (rows: readonly UnrestRow[], d: string) => rows.find((r) => normalizeForSearch(r.district) === normalizeForSearch(d));
  return districts.flatMap((district) => {
    const [x, y] = [rowOf(a, district), rowOf(b, district)];
    if (!x && !y) return [];
    return [{
      district,
      withUnrest: Boolean(x?.withUnrest || y?.withUnrest),
      observations: (x?.observations ?? 0) + (y?.observations ?? 0),
      plansActivated: (x?.plansActivated ?? 0) + (y?.plansActivated ?? 0),
    }];
  });
}

/** The year when the periods are exactly the two halves of one year ('2026-H1' and '2026-H2'), else null. */
function yearOfHalves(periods: readonly string[]): string | null {
  if (periods.length !== 2) return null;
  const year = periods[0]?.slice(0, 4) ?? '';
  const [h1, h2] = halvesOf(year);
  return periods.includes(h1) && periods.includes(h2) ? year : null;
}

const HALF_LABEL: Record<string, string> = { H1: '1. halvår', H2: '2. halvår' };
const halfLabel = (period: string) => `${HALF_LABEL[period.slice(5)] ?? period} ${period.slice(0, 4)}`;

/**
 * Two halves of one year into a year report, as the app's own year view makes it (views.ts
 * combineHalves): each half is merged from its files first (the same refusals as above), both
 * halves must cover the same districts, then flows (new, closed, started, ended, events,
 * releases, meetings, follow-ups) are the two halves added up and stocks (active at the end, by
 * level, age and sex; SSP+ and Exit running) are the second half's. Young people with events are
 * counted per half-year (the files carry no person identities to count them once): someone
 * charged in both halves counts in both, as in the app's year view. A district's assessments of
 * the two halves are kept, each under its half's name.
 */
function mergeHalvesIntoYear(reports: readonly ReportV1[], year: string, options: MergeOptions): MergeResult {
  const [p1, p2] = halvesOf(year);
  const part = (period: string) => {
    const idx = reports.flatMap((r, i) => (r.period === period ? [i] : []));
    const names = idx.map((i) => options.fileNames?.[i] ?? `fil nr. ${i + 1}`);
    const merged = mergeReports(
      idx.map((i) => reports[i]),
      { ...options, fileNames: names },
    );
    return { merged, files: idx.map((i) => lowerFirst(fileLabel(i, options.fileNames))).join(', ') };
  };
  const a = part(p1);
  if (!a.merged.ok) return a.merged;
  const b = part(p2);
  if (!b.merged.ok) return b.merged;
  const h1 = a.merged.report;
  const h2 = b.merged.report;
  const key = (r: ReportV1) => new Set(r.districts.map(normalizeForSearch));
  const [k1, k2] = [key(h1), key(h2)];
  const only1 = h1.districts.find((d) => !k2.has(normalizeForSearch(d)));
  if (only1 !== undefined) return { ok: false, error: MERGE_MESSAGES.yearDistricts(only1, halfLabel(p1), a.files, halfLabel(p2)) };
  const only2 = h2.districts.find((d) => !k1.has(normalizeForSearch(d)));
  if (only2 !== undefined) return { ok: false, error: MERGE_MESSAGES.yearDistricts(only2, halfLabel(p2), b.files, halfLabel(p1)) };

  // The second half in the first half's district order (and names), on one threshold.
  const districts = h1.districts;
  const nameIn2 = new Map(h2.districts.map((d) => [normalizeForSearch(d), d]));
  const rows2 = new Map<string, GenericRow[]>();
  for (const spec of TABLE_SPECS) {
    const index = new Map(getRows(h2.tables, spec.id).map((r) => [rowKey({ ...r, district: normalizeForSearch(r.district as string) }, spec), r]));
    rows2.set(
      spec.id,
      expectedRowKeys(spec, districts).map((k) => ({ ...(index.get(rowKey({ ...k, district: normalizeForSearch(k.district as string) }, spec)) as GenericRow), district: k.district as string })),
    );
  }
  const tables2 = assemble(rows2) as unknown as ReportTables;
  const threshold = Math.max(h1.threshold, h2.threshold);
  const second: ReportV1 = { ...h2, districts: [...districts], threshold, tables: tables2, totals: computeTotals(tables2, districts) };
  const combined = combineHalves({ ...h1, threshold }, second, year);
  const texts = new Map<string, string[]>();
  for (const [period, r] of [
    [p1, h1],
    [p2, h2],
  ] as const) {
    for (const x of r.assessments) {
      const d = districts.find((n) => normalizeForSearch(n) === normalizeForSearch(x.district)) ?? nameIn2.get(normalizeForSearch(x.district)) ?? x.district;
      texts.set(d, [...(texts.get(d) ?? []), `${halfLabel(period)}:\n${x.text}`]);
    }
  }
  const report: ReportV1 = {
    ...combined,
    unit: options.unit ?? mergedUnit([h1.unit, h2.unit]),
    totals: computeTotals(combined.tables, districts),
    ...(h1.unrest || h2.unrest ? { unrest: unrestOfYear(districts, h1.unrest ?? [], h2.unrest ?? []) } : {}),
    assessments: districts.flatMap((d) => (texts.has(d) ? [{ district: d, text: (texts.get(d) as string[]).join('\n\n') }] : [])),
  };
  const check = parseReport(report);
  return check.ok ? { ok: true, report: check.report, coverage: cityCoverage(check.report.districtAreas ?? []) } : { ok: false, error: check.error };
}
