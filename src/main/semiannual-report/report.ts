/**
 * The semi-annual report (halvårsrapport) in the app: which periods and districts can be chosen,
 * the report for a period and a set of districts (exact, or anonymised with the vault's threshold),
 * the trend over the last four half-years, export to a file and the merge of unit files into a city
 * report. Counting is in reportCompute.ts, the format in src/shared/report, files in reportFiles.ts.
 * Every export is audited as action 'export' with mode, format and period only.
 */
import { asc } from 'drizzle-orm';
import pkg from '../../../package.json' with { type: 'json' };

/** The app version written into report headers. (A default import: Playwright's ESM loader refuses named JSON imports.) */
const APP_VERSION: string = pkg.version;
import { districts as districtsTable } from '../cases';
import { vaultMeta } from '../vault';
import { AppError } from '../core/errors';
import { halfYearPeriod, periodOf, previousPeriods, compare } from '../../shared/core/dates';
import { defaultIdentity, districtsNamedIn, normalizeForSearch, parseAreas } from '../../shared/core/districts';
import {
  anonymiseReport,
  combineHalves,
  createExactReport,
  halvesOf,
  isYearPeriod,
  mergeReports,
  type MergeCoverage,
  restrictDistricts,
  trendPointOf,
  type TrendPointData,
  type ReportMode,
  type ReportV1,
} from '../../shared/semiannual-report';
import { audit } from '../core/audit';
import type { HandlerCtx, ServiceCtx } from '../core/service-context';
import type { Sqlite } from '../core/connection';
import { assertNoPersonalData, assessmentsFor } from './assessments';
import { unrestFor } from './unrest';
import { computeExactTables, earliestActivity, type Unplaced } from './compute';
import { dataVersion, withoutVersionChange } from './data-version';
import { renderReportFile, reportFileName, type ReportFile, type ReportFormat } from './files';
import { getSetting } from '../settings';
import { getSspPlusSettings } from '../ssp-plus';

/** The SSP+ rules the report counts by (the vault's settings). */
function sspPlusScope(s: ServiceCtx): { outcomeWindowDays: number; sspPlusMaxAgeYears: number } {
  const rules = getSspPlusSettings(s.db);
  return { outcomeWindowDays: rules.outcomeWindowDays, sspPlusMaxAgeYears: rules.maxAgeYears };
}

export { APP_VERSION };

export interface ReportRequest {
  period: string;
  /** District names; all districts in the vault's table when left out. */
  districts?: readonly string[];
  mode: ReportMode;
  /** Who makes the report; the vault owner's area when left out. */
  unit?: string;
}

export interface DistrictRef {
  id: number;
  name: string;
  /** The district's stable code and city areas, written into the report file (version 2). */
  code?: string;
  areas?: string[];
}

/** How many half-years the period list goes back at most. */
const MAX_PERIODS = 20;

function allDistricts(s: ServiceCtx) {
  return s.db
    .select({ id: districtsTable.id, name: districtsTable.name, active: districtsTable.active, code: districtsTable.code, areas: districtsTable.areas })
    .from(districtsTable)
    .orderBy(asc(districtsTable.sortOrder), asc(districtsTable.id))
    .all();
}

function defaultUnit(s: ServiceCtx): string {
  const meta = s.db.select({ area: vaultMeta.ownerArea }).from(vaultMeta).get();
  return meta?.area.trim() || 'SSP';
}

/** What the report screen offers: districts, the half-years with data (newest first), the default period. */
export function reportOptions(s: ServiceCtx) {
  const current = periodOf(s.today);
  const earliest = earliestActivity(s.sqlite);
  const periods = [current, ...previousPeriods(current, MAX_PERIODS - 1)].filter(
    (p) => earliest === null || compare(halfYearPeriod(p).end, earliest) >= 0,
  );
  const previous = previousPeriods(current, 1)[0] ?? current;
  const districts = allDistricts(s);
  const unit = defaultUnit(s);
  return {
    districts: districts.map(({ id, name, active }) => ({ id, name, active })),
    /** The districts the owner's area names ("SSP Amager Vest"): preselected on the screen; [] when it names none. */
    ownerDistricts: districtsNamedIn(unit, districts.map((d) => d.name)),
    periods,
    currentPeriod: current,
    /** The last half-year that has ended: the one a report is usually made for. */
    defaultPeriod: periods.includes(previous) ? previous : current,
    threshold: getSetting(s.db, 'reportThreshold'),
    unit,
  };
}

/** The districts a report covers, in the table's order. Unknown names are refused. */
export function resolveDistricts(s: ServiceCtx, names?: readonly string[]): DistrictRef[] {
  const all = allDistricts(s).map(({ id, name, code, areas }) => ({ id, name, code: code ?? `distrikt-${id}`, areas: parseAreas(areas) }));
  if (!names || names.length === 0) {
    if (all.length === 0) throw new AppError('RULE_VIOLATION', 'Boksen har ingen bydele. Opret bydelene under Indstillinger først.');
    return all;
  }
  const wanted = new Set<string>();
  for (const n of names) {
    const key = normalizeForSearch(n);
    if (!all.some((d) => normalizeForSearch(d.name) === key)) {
      throw new AppError('INVALID_INPUT', `Bydelen "${n.trim()}" findes ikke i boksen. Brug navnene fra listen over bydele.`, { districts: 'Ukendt bydel' });
    }
    wanted.add(key);
  }
  return all.filter((d) => wanted.has(normalizeForSearch(d.name)));
}

export interface BuiltReport {
  report: ReportV1;
  unplaced: Unplaced;
}

/** Each district's code and areas, in the order of `districts` (the file's `districtAreas`). */
function districtAreasOf(districts: DistrictRef[]) {
  return districts.map((d) => (d.code ? { district: d.name, code: d.code, areas: d.areas ?? [] } : { district: d.name, ...defaultIdentity(d.name) }));
}

function reportHeader(s: ServiceCtx, req: ReportRequest, districts: DistrictRef[]) {
  return {
    period: req.period,
    unit: req.unit?.trim() || defaultUnit(s),
    districts: districts.map((d) => d.name),
    districtAreas: districtAreasOf(districts),
    generatedAt: s.now.toISOString(),
    appVersion: APP_VERSION,
    threshold: getSetting(s.db, 'reportThreshold'),
  };
}

/** One half-year's exact tables for the districts; `casesOnly`/`stockOnly` as computeExactTables. */
function exactHalfYear(s: ServiceCtx, period: string, districts: DistrictRef[], options: { casesOnly?: boolean; stockOnly?: boolean; exitOnly?: boolean } = {}) {
  const { start, end } = halfYearPeriod(period);
  return computeExactTables(s.sqlite, { start, end, today: s.today, districts, ...sspPlusScope(s) }, options);
}

/**
 * The anonymised report of a half-year for every district of the vault: the one pattern every
 * anonymised view of that half-year is cut from (views.ts), protected together with the flow
 * from the half-year before (its stock tables as they were published).
 */
type Protected = { exact: ReportV1; report: ReportV1; unplaced: Unplaced };

/**
 * The protected all-districts reports last made on a connection, keyed by what they depend on:
 * the period, the settings the queries read, today, and the data's version (data-version.ts), so
 * any write makes the next report a fresh one. Choosing other districts on the screen is then
 * a cut of the same report, not a new computation.
 */
const protectedCache = new WeakMap<Sqlite, Map<string, Protected>>();
const CACHE_ENTRIES = 12;

function anonymisedAllDistricts(
  s: ServiceCtx,
  period: string,
  header: ReturnType<typeof reportHeader>,
  options: { casesOnly?: boolean; previous?: ReportV1 } = {},
): Protected {
  const all = allDistricts(s).map(({ id, name }) => ({ id, name }));
  const key = JSON.stringify([period, options.casesOnly ?? false, header.threshold, s.today, all, sspPlusScope(s), dataVersion(s.sqlite)]);
  const entries = protectedCache.get(s.sqlite) ?? new Map<string, Protected>();
  protectedCache.set(s.sqlite, entries);
  const hit = entries.get(key);
  if (hit) return hit;
  const made = makeAnonymisedAllDistricts(s, period, header, all, options);
  if (entries.size >= CACHE_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, made);
  return made;
}

function makeAnonymisedAllDistricts(
  s: ServiceCtx,
  period: string,
  header: ReturnType<typeof reportHeader>,
  all: DistrictRef[],
  options: { casesOnly?: boolean; previous?: ReportV1 },
): Protected {
  const names = all.map((d) => d.name);
  const { tables, unplaced } = exactHalfYear(s, period, all, { casesOnly: options.casesOnly ?? false });
  // The protected report covers every district, whichever districts the first request asked for
  // (it is kept for later requests): its districts and their areas are all of them, in one order.
  const allHeader = { ...header, districts: names, districtAreas: districtAreasOf(all) };
  const exact = createExactReport({ ...allHeader, period }, tables);
  const before = previousPeriods(period, 1)[0];
  const previous =
    options.previous ??
    (before ? createExactReport({ ...allHeader, period: before }, exactHalfYear(s, before, all, { stockOnly: true }).tables) : undefined);
  // The Exit follow-ups due now are the courses that ended four half-years before: that
  // half-year's Exit table as published (its own flow from the one before it) is linked to them.
  const [base, baseBefore] = options.casesOnly ? [] : [previousPeriods(period, 4)[3], previousPeriods(period, 5)[4]];
  const exitOf = (p: string) => createExactReport({ ...allHeader, period: p }, exactHalfYear(s, p, all, { exitOnly: true }).tables);
  const followUpBase = base ? { exact: exitOf(base), ...(baseBefore ? { previous: exitOf(baseBefore) } : {}) } : undefined;
  return {
    exact,
    report: anonymiseReport(exact, { threshold: header.threshold, ...(previous ? { previous } : {}), ...(followUpBase ? { followUpBase } : {}) }),
    unplaced,
  };
}

/** A half-year's report for the districts: exact, or cut from the protected all-districts report. */
function halfYearReport(s: ServiceCtx, req: ReportRequest, period: string, districts: DistrictRef[]): BuiltReport {
  const header = { ...reportHeader(s, req, districts), period };
  if (req.mode === 'exact') {
    const { tables, unplaced } = exactHalfYear(s, period, districts);
    return { report: createExactReport(header, tables), unplaced };
  }
  const full = anonymisedAllDistricts(s, period, header);
  const cut = restrictDistricts(full.report, header.districts);
  return { report: { ...cut, unit: header.unit, generatedAt: header.generatedAt }, unplaced: full.unplaced };
}

/**
 * The report for a period and districts: exact, or anonymised with the vault's threshold. A year
 * period ('2026') is its two half-years combined (views.ts), each protected as above.
 */
export function buildReport(s: ServiceCtx, req: ReportRequest, scopeDistricts?: DistrictRef[]): BuiltReport {
  const districts = scopeDistricts ?? resolveDistricts(s, req.districts);
  let built: BuiltReport;
  if (isYearPeriod(req.period)) {
    const [h1, h2] = halvesOf(req.period).map((p) => halfYearReport(s, req, p, districts)) as [BuiltReport, BuiltReport];
    built = { report: combineHalves(h1.report, h2.report, req.period), unplaced: h2.unplaced };
  } else {
    built = halfYearReport(s, req, req.period, districts);
  }
  const texts = assessmentsFor(s.db, req.period, districts.map((d) => d.id));
  built.report.assessments = districts.flatMap((d) => (texts.has(d.id) ? [{ district: d.name, text: texts.get(d.id) as string }] : []));
  const span = isYearPeriod(req.period) ? { start: `${req.period}-01-01`, end: `${req.period}-12-31` } : halfYearPeriod(req.period);
  built.report.unrest = unrestFor(s.db, span.start, span.end, districts);
  return built;
}

/**
 * The trend of the selected districts over the last four half-years (the chosen one and up to
 * three before it), for the periods the vault has data for, oldest first: cases by level,
 * young people charged, SSP+ plans and releases (trend.ts). Each point is that half-year's
 * report for the same districts, computed from the district history and, when anonymised, cut
 * from its protected all-districts report (the same one its own report and files are cut from,
 * kept per connection), so the trend shows exactly what those reports show and nothing more.
 * For a year period the trend ends with its second half.
 */
export function reportTrend(s: ServiceCtx, req: ReportRequest, scopeDistricts?: DistrictRef[]): TrendPointData[] {
  const districts = scopeDistricts ?? resolveDistricts(s, req.districts);
  const last = isYearPeriod(req.period) ? halvesOf(req.period)[1] : req.period;
  const earliest = earliestActivity(s.sqlite);
  const periods = [last, ...previousPeriods(last, 3)].filter((p, i) => i === 0 || (earliest !== null && compare(halfYearPeriod(p).end, earliest) >= 0));
  // Each half-year's exact tables are the next one's previous stock (read once).
  let previous: ReportV1 | undefined;
  return periods.reverse().map((period) => {
    const header = { ...reportHeader(s, { ...req, period }, districts), period };
    if (req.mode === 'exact') return trendPointOf(createExactReport(header, exactHalfYear(s, period, districts).tables));
    const full = anonymisedAllDistricts(s, period, header, previous ? { previous } : {});
    previous = full.exact;
    return trendPointOf(restrictDistricts(full.report, header.districts));
  });
}

/** The report for the screen: the report itself and what could not be placed. */
export function computeReport(s: ServiceCtx, req: ReportRequest) {
  const built = buildReport(s, req);
  return { report: built.report, unplaced: built.unplaced };
}

function auditExport(s: ServiceCtx, entity: string, mode: ReportMode, format: ReportFormat | 'pdf', period: string, extra = ''): void {
  withoutVersionChange(s.sqlite, () =>
    s.db.transaction((tx) =>
      audit(tx, { at: s.now, actor: s.actor, action: 'export', entity, detail: `mode:${mode};format:${format};period:${period}${extra}` }),
    ),
  );
}

/**
 * The report as a file. Refused while a unit name or an assessment holds a CPR-shaped number or a
 * name of a person in the vault. Audited (mode, format, period; never content).
 */
export async function exportReport(s: ServiceCtx, req: ReportRequest & { format: ReportFormat }, options: { via?: 'cli' } = {}): Promise<ReportFile> {
  const districts = resolveDistricts(s, req.districts);
  const { report } = buildReport(s, req, districts);
  assertNoPersonalData(s.sqlite, report.unit, report.assessments);
  // The exchange format (JSON) is the report alone; CSV and XLSX carry the trend too.
  const trend = req.format === 'json' ? undefined : reportTrend(s, req, districts);
  const file = await renderReportFile(report, req.format, trend);
  auditExport(s, 'report', report.mode, req.format, report.period, options.via ? `;via:${options.via}` : '');
  return file;
}

/**
 * The report as a PDF through the desktop shell (report.savePdf): the window's print view to a
 * file the user picks. Refused in browser mode (no shell), and while an assessment or the unit
 * holds personal data, as every export. Audited as an export with format pdf when saved.
 */
export async function saveReportPdf(s: HandlerCtx, req: ReportRequest): Promise<{ saved: boolean; fileName: string | null }> {
  const printer = s.app.printToPdf;
  if (!printer) {
    throw new AppError('RULE_VIOLATION', 'PDF kan kun gemmes direkte i skrivebordsprogrammet. Brug knappen »Udskriv«, og vælg »Gem som PDF« som printer.');
  }
  const { report } = buildReport(s, req);
  assertNoPersonalData(s.sqlite, report.unit, report.assessments);
  const result = await printer({ defaultName: reportFileName(report, 'pdf') });
  if (result.saved) auditExport(s, 'report', report.mode, 'pdf', report.period);
  return result;
}

export interface MergeRequest {
  files: readonly { name: string; content: string }[];
  mode: ReportMode;
  unit?: string;
}

/**
 * Parse and merge unit files (exact only), then anonymise unless exact is asked for. Throws a
 * Danish RULE_VIOLATION. Says which of the city's bydele the files cover.
 */
export function mergeReportFiles(req: MergeRequest, options: { now: Date; threshold?: number }): { report: ReportV1; coverage: MergeCoverage } {
  const inputs: unknown[] = [];
  for (const f of req.files) {
    try {
      inputs.push(JSON.parse(f.content.replace(/^\uFEFF/, '')));
    } catch {
      throw new AppError('RULE_VIOLATION', `Filen "${f.name}" er ikke en JSON-fil. Vælg halvårsrapporterne i JSON-format.`);
    }
  }
  const merged = mergeReports(inputs, {
    fileNames: req.files.map((f) => f.name),
    generatedAt: options.now.toISOString(),
    appVersion: APP_VERSION,
    ...(req.unit?.trim() ? { unit: req.unit.trim() } : {}),
  });
  if (!merged.ok) throw new AppError('RULE_VIOLATION', merged.error);
  const { coverage } = merged;
  if (req.mode === 'exact') return { report: merged.report, coverage };
  return { report: anonymiseReport(merged.report, { threshold: Math.max(merged.report.threshold, options.threshold ?? 0) }), coverage };
}

/** Merge in the app: the merged report, and the file when a format is given (audited as an export). */
export async function mergeInApp(s: ServiceCtx, req: MergeRequest & { format?: ReportFormat }) {
  const { report, coverage } = mergeReportFiles(req, { now: s.now, threshold: getSetting(s.db, 'reportThreshold') });
  if (!req.format) return { report, coverage, file: null };
  const file = await renderReportFile(report, req.format);
  auditExport(s, 'report-merge', report.mode, req.format, report.period, `;files:${req.files.length}`);
  return { report, coverage, file };
}
