import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { createTestVault, type TestVault } from './helpers';
import { seedDemoData } from '../../src/main/demo-data';
import type { ReportFileOutput } from '../../src/shared/semiannual-report/contract';
import type { Sqlite } from '../../src/main/core/connection';

/**
 * Disclosure control across every anonymised export the app can make of one vault (issue 16,
 * item 1), tried as an attacker would: with only the app's own export files (report.export,
 * the path the screen and the command line use) of a seeded vault of 1,500 synthetic people.
 *
 * The attacker here is written from the format's definition alone (docs/report-format.md), not
 * from the app's code: every shown number of every export is an equation over the true counts
 * of the all-districts tables (a subset's totals are sums over its districts, a year's flows the
 * sum of its halves, its stocks the second half's), plus what anyone can assume: the age and sex
 * tables count the same young people as the level table, and active(P) = active(P-1) + new -
 * closed (added wherever it holds in the data: the strongest guess). Every count is >= 0.
 * HiGHS (npm `highs`, WebAssembly; not the solver the app uses) bounds each hidden count from
 * below and above; bounds are rounded to whole numbers. Periods: five consecutive half-years up
 * to the running one (today is in 2026-H2) and the two years they make.
 *
 * The trend the CSV, XLSX and print view carry (the last four half-years of each export) is added
 * as its half-years' totals (trend points beside the exports).
 *
 * The Sikker By table (issue 16 item 2) is attacked too, with what anyone knows of it: a bydel's
 * people counted in the city figure are among those charged there (firstInCity <= charged).
 *
 * The Exit table (issue 19) is attacked with running(P) = running(P-1) + started - ended where it
 * holds, the year's running count being the second half's, and the follow-ups due in P (both
 * outcomes) equal to, or at most (the running half-year), the courses that ended four
 * half-years before; 160 synthetic Exit courses are seeded (the demo data has none) and the
 * four half-years before 2024-H2 are exported for all districts too.
 *
 * Measured (2026-12): 396 exports and 1,568 trend points (1,964 in all) tried, 1392 suppressed
 * counts (206 in the Exit table, 144 true counts of 1-4), 1120 narrowed, 0 recovered: the same
 * as with the 396 exports alone. Before the Exit table was linked: 17 Exit counts
 * recovered (1330 suppressed, 1136 narrowed); before that the year view added the halves'
 * running Exit courses and the attacker's system was infeasible. Before the Exit table was in
 * the attack: 392 exports, 655 suppressed counts, 561 narrowed, 0 recovered (611 suppressed and
 * 517 narrowed before the Sikker By table). On the
 * code before (four half-years, no year view, 224 exports): 397 of 418 recovered; the
 * differencing attack recovered 108 of 111 hidden counts of 1-4.
 */

const TODAY = '2026-08-15';
const HALF_YEARS = ['2024-H2', '2025-H1', '2025-H2', '2026-H1', '2026-H2'];
/**
 * Earlier half-years exported for all districts only: the Exit follow-ups due in a half-year are
 * the courses that ended four half-years before (24 months), so the attacker reads those too.
 */
const EARLY_HALF_YEARS = ['2022-H2', '2023-H1', '2023-H2', '2024-H1'];
const ALL_HALVES = [...EARLY_HALF_YEARS, ...HALF_YEARS];
/** Synthetic Exit courses seeded in the test (the demo data has none): enough for hidden 1-4 cells. */
const EXIT_COURSES = 160;
const YEARS = ['2025', '2026'];
const THRESHOLD = 5;

type Row = Record<string, string | number>;
interface Report {
  period: string;
  districts: string[];
  mode: string;
  tables: Record<string, unknown>;
  totals: Record<string, unknown>;
}

const TABLES: { id: string; column?: string; split?: string; measures: string[] }[] = [
  { id: 'casesByLevel', column: 'level', measures: ['active', 'new', 'closed'] },
  { id: 'activeByAgeBand', column: 'band', measures: ['count'] },
  { id: 'activeBySex', column: 'sex', measures: ['count'] },
  { id: 'eventsByDistrict', measures: ['charges', 'interviews', 'remand'] },
  { id: 'sspPlus.byDistrict', measures: ['active', 'started', 'ended'] },
  { id: 'sspPlus.followUps', column: 'outcome', split: 'months', measures: ['count'] },
  { id: 'releases.byDistrict', measures: ['releases', 'meetings'] },
  { id: 'releases.followUps', column: 'outcome', split: 'months', measures: ['count'] },
  // Issue 16 item 2: the Sikker By table (a year adds its halves, as the format says).
  { id: 'sikkerBy.byDistrict', measures: ['charged', 'firstInCity'] },
  // Issue 19: the Exit table (running at the end is a stock; the follow-ups are the courses that ended 24 months before).
  { id: 'exit.byDistrict', measures: ['active', 'started', 'ended', 'followUpsNoNewCharge', 'followUpsNewCharge'] },
];
/** Counts at the period's end: a year shows its second half's. */
const STOCKS = new Set(['casesByLevel.active', 'activeByAgeBand.count', 'activeBySex.count', 'sspPlus.byDistrict.active', 'exit.byDistrict.active']);

const rowsOf = (container: Record<string, unknown>, id: string): Row[] => {
  let node: unknown = container;
  for (const part of id.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  // A trend point (trendReports) carries only the trend's tables.
  return (node ?? []) as Row[];
};
const isHidden = (v: unknown) => typeof v === 'string';

let v: TestVault;
let districts: string[];
/** The true counts, by base key: period|table|split|measure|district|column. */
const truth = new Map<string, number>();
/** Every anonymised export, parsed. */
const exportsMade: Report[] = [];
let columnValues: Map<string, (string | number)[]>;
let splitValues: Map<string, (string | number)[]>;

const baseKey = (period: string, id: string, split: string | number | undefined, measure: string, d: string, c: string | number | undefined) =>
  `${period}|${id}|${split ?? ''}|${measure}|${d}|${c ?? ''}`;

interface TrendPointOut {
  period: string;
  byLevel: Row[];
  charges: number | string;
  sspPlus: Row;
  releases: Row;
}

/**
 * The trend the files carry (CSV, XLSX and the print view write report.trend's points, as
 * report-year.test.ts checks) as reports of its half-years with only the totals it shows.
 */
async function trendReports(period: string, subset: string[]): Promise<Report[]> {
  const points = await v.call<TrendPointOut[]>('report.trend', { period, districts: subset });
  const empty = () => ({ casesByLevel: [], activeByAgeBand: [], activeBySex: [], eventsByDistrict: [], sspPlus: { byDistrict: [], followUps: [] }, releases: { byDistrict: [], followUps: [] }, exit: { byDistrict: [] } });
  return points.map((p) => ({
    period: p.period,
    districts: subset,
    mode: 'anonymised',
    tables: empty(),
    totals: {
      ...empty(),
      casesByLevel: p.byLevel,
      eventsByDistrict: [{ district: 'all', charges: p.charges }],
      sspPlus: { byDistrict: [{ district: 'all', ...p.sspPlus }], followUps: [] },
      releases: { byDistrict: [{ district: 'all', ...p.releases }], followUps: [] },
    },
  }));
}

async function exportJson(period: string, subset: string[]): Promise<Report> {
  const f = await v.call<ReportFileOutput>('report.export', { period, districts: subset, format: 'json' });
  return JSON.parse(Buffer.from(f.base64, 'base64').toString('utf8')) as Report;
}

function subsetsToTry(all: string[]): string[][] {
  const out: string[][] = [all];
  for (let i = 0; i < all.length; i++) out.push(all.filter((_, k) => k !== i));
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) out.push(all.filter((_, k) => k !== i && k !== j));
  return out;
}

beforeAll(async () => {
  v = await createTestVault({ now: () => new Date(`${TODAY}T10:00:00Z`) });
  seedDemoData(v.ctx.vault.current.sqlite, { people: 1500, seed: 1, today: TODAY });
  seedExitCourses(v.ctx.vault.current.sqlite);
  const options = await v.call<{ districts: { name: string }[] }>('report.options', {});
  districts = options.districts.map((d) => d.name);
  columnValues = new Map();
  splitValues = new Map();
  for (const period of ALL_HALVES) {
    const exact = (await v.call<{ report: Report }>('report.compute', { period, mode: 'exact' })).report;
    for (const t of TABLES) {
      const rows = rowsOf(exact.tables, t.id);
      if (t.column) columnValues.set(t.id, [...new Set(rows.map((r) => r[t.column as string] as string | number))]);
      if (t.split) splitValues.set(t.id, [...new Set(rows.map((r) => r[t.split as string] as string | number))]);
      for (const r of rows) {
        for (const m of t.measures) {
          truth.set(baseKey(period, t.id, t.split ? r[t.split] : undefined, m, r.district as string, t.column ? r[t.column] : undefined), r[m] as number);
        }
      }
    }
  }
}, 120_000);
afterAll(() => v?.cleanup());

/**
 * Exit courses for synthetic people of the seeded vault (deterministic): starts spread over
 * 2020-07 ... 2026-07, a course of 2-30 months, about one in five still running, every end on or
 * before today (ends in 2022-H2 ... 2024-H2 give follow-ups due in the attacked half-years).
 */
function seedExitCourses(sqlite: Sqlite): void {
  let state = 16019;
  const rnd = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const people = sqlite.prepare('SELECT id FROM people ORDER BY id').pluck().all() as number[];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const today = new Date(`${TODAY}T00:00:00Z`);
  const insert = sqlite.prepare(
    `INSERT INTO exit_courses (person_id, programme, start_on, end_on, contact_person, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const programmes = ['national', 'kk-18-25', 'exit-17'];
  for (let i = 0; i < EXIT_COURSES; i++) {
    const person = people[Math.floor(rnd() * people.length)] as number;
    const start = new Date(Date.UTC(2020, 6 + Math.floor(rnd() * 72), 1 + Math.floor(rnd() * 28)));
    if (start > today) continue;
    const end = new Date(start);
    end.setUTCMonth(end.getUTCMonth() + 2 + Math.floor(rnd() * 29));
    const running = rnd() < 0.2 || end > today;
    insert.run(person, programmes[i % 3], iso(start), running ? null : iso(end), 'Kontakt Fiktiv', running ? 'active' : 'completed', `${TODAY}T10:00:00Z`, `${TODAY}T10:00:00Z`);
  }
}

/** The base counts a published number adds up (all with coefficient 1). */
function termsOf(report: Report, t: (typeof TABLES)[number], row: Row, measure: string): string[] {
  const ds = row.district === 'all' ? report.districts : [row.district as string];
  const cs = !t.column ? [undefined] : row[t.column] === 'all' ? (columnValues.get(t.id) ?? []) : [row[t.column]];
  const split = t.split ? row[t.split] : undefined;
  const periods = /^\d{4}$/.test(report.period)
    ? STOCKS.has(`${t.id}.${measure}`)
      ? [`${report.period}-H2`]
      : [`${report.period}-H1`, `${report.period}-H2`]
    : [report.period];
  return periods.flatMap((p) => ds.flatMap((d) => cs.map((c) => baseKey(p, t.id, split, measure, d, c))));
}

interface Equation {
  terms: Map<string, number>;
  rhs: number;
}

/** All equations an attacker has from the exports, plus the structural ones. */
function attackerEquations(reports: readonly Report[]): { equations: Equation[]; suppressed: Set<string> } {
  const equations: Equation[] = [];
  const shownDirectly = new Set<string>();
  const appearing = new Set<string>();
  const add = (terms: [string, number][], rhs: number) => {
    const m = new Map<string, number>();
    for (const [k, c] of terms) m.set(k, (m.get(k) ?? 0) + c);
    equations.push({ terms: m, rhs });
  };
  for (const r of reports) {
    for (const t of TABLES) {
      for (const row of [...rowsOf(r.tables, t.id), ...rowsOf(r.totals, t.id)]) {
        for (const m of t.measures) {
          // A trend point (trendReports) holds only some measures.
          if (!(m in row)) continue;
          const keys = termsOf(r, t, row, m);
          keys.forEach((k) => appearing.add(k));
          if (isHidden(row[m])) continue;
          if (keys.length === 1) shownDirectly.add(keys[0] as string);
          add(
            keys.map((k) => [k, 1]),
            row[m] as number,
          );
        }
      }
    }
  }
  // Structural: the age and sex tables count the young people of the level table.
  for (const p of ALL_HALVES) {
    for (const d of districts) {
      const active = (columnValues.get('casesByLevel') ?? []).map((l) => [baseKey(p, 'casesByLevel', undefined, 'active', d, l), -1] as [string, number]);
      for (const id of ['activeByAgeBand', 'activeBySex']) {
        add([...(columnValues.get(id) ?? []).map((c) => [baseKey(p, id, undefined, 'count', d, c), 1] as [string, number]), ...active], 0);
      }
    }
  }
  // Structural: a bydel's Sikker By people counted in the city are among those charged there
  // (firstInCity <= charged, with an unknown non-negative slack).
  for (const p of ALL_HALVES) {
    for (const d of districts) {
      add([[baseKey(p, 'sikkerBy.byDistrict', undefined, 'charged', d, undefined), 1], [baseKey(p, 'sikkerBy.byDistrict', undefined, 'firstInCity', d, undefined), -1], [`slack|${p}|${d}`, -1]], 0);
    }
  }
  // The flow, wherever it holds in the data: per district x level, per district, per level, city.
  const flows = [
    { id: 'casesByLevel', stock: 'active', in: 'new', out: 'closed', columns: columnValues.get('casesByLevel') ?? [] },
    { id: 'sspPlus.byDistrict', stock: 'active', in: 'started', out: 'ended', columns: [undefined] },
    { id: 'exit.byDistrict', stock: 'active', in: 'started', out: 'ended', columns: [undefined] },
  ];
  for (let i = 1; i < ALL_HALVES.length; i++) {
    const [q, p] = [ALL_HALVES[i - 1] as string, ALL_HALVES[i] as string];
    for (const f of flows) {
      const groups: { ds: string[]; cs: (string | number | undefined)[] }[] = [];
      for (const d of [...districts.map((x) => [x]), districts]) {
        for (const c of f.columns) groups.push({ ds: d, cs: [c] });
        if (f.columns.length > 1) groups.push({ ds: d, cs: f.columns });
      }
      for (const g of groups) {
        const terms: [string, number][] = [];
        for (const d of g.ds) {
          for (const c of g.cs) {
            terms.push([baseKey(p, f.id, undefined, f.stock, d, c), 1], [baseKey(q, f.id, undefined, f.stock, d, c), -1]);
            terms.push([baseKey(p, f.id, undefined, f.in, d, c), -1], [baseKey(p, f.id, undefined, f.out, d, c), 1]);
          }
        }
        const holds = terms.reduce((a, [k, c]) => a + c * (truth.get(k) ?? 0), 0) === 0;
        if (holds) add(terms, 0);
      }
    }
  }
  // Exit follow-ups: those due in P (either outcome) are the courses that ended four half-years
  // before, per district and for the city: equal where it holds in the data, at most that
  // (unknown non-negative slack: not all due yet, the running half-year) where fewer, none where
  // a move made them more.
  for (let i = 4; i < ALL_HALVES.length; i++) {
    const [q, p] = [ALL_HALVES[i - 4] as string, ALL_HALVES[i] as string];
    for (const ds of [...districts.map((x) => [x]), districts]) {
      const terms: [string, number][] = ds.flatMap((d) => [
        [baseKey(p, 'exit.byDistrict', undefined, 'followUpsNoNewCharge', d, undefined), 1] as [string, number],
        [baseKey(p, 'exit.byDistrict', undefined, 'followUpsNewCharge', d, undefined), 1] as [string, number],
        [baseKey(q, 'exit.byDistrict', undefined, 'ended', d, undefined), -1] as [string, number],
      ]);
      const gap = terms.reduce((a, [k, c]) => a + c * (truth.get(k) ?? 0), 0);
      if (gap === 0) add(terms, 0);
      else if (gap < 0) add([...terms, [`fslack|${p}|${ds.join(',')}`, 1]], 0);
    }
  }
  const suppressed = new Set([...appearing].filter((k) => !shownDirectly.has(k) && truth.has(k)));
  return { equations, suppressed };
}

interface AttackResult {
  exports: number;
  suppressed: number;
  narrowed: number;
  recovered: string[];
  suppressedKeys: string[];
  /** Bounds that exclude the true value (a broken attacker model): must be empty. */
  inconsistent: string[];
}

/** Interval attack: LP bounds on every suppressed count from all equations. */
async function intervalAttack(reports: readonly Report[]): Promise<AttackResult> {
  const highs = await highsLoader();
  const { equations, suppressed } = attackerEquations(reports);
  // Substitute the counts shown directly, drop equations left without unknowns.
  const known = new Map<string, number>();
  for (const e of equations) if (e.terms.size === 1) known.set([...e.terms.keys()][0] as string, e.rhs);
  const reduced: Equation[] = [];
  const seen = new Set<string>();
  for (const e of equations) {
    const terms = new Map<string, number>();
    let rhs = e.rhs;
    for (const [k, c] of e.terms) {
      if (c === 0) continue;
      if (known.has(k)) rhs -= c * (known.get(k) as number);
      else terms.set(k, c);
    }
    if (terms.size === 0) continue;
    const sig = `${[...terms].sort().map(([k, c]) => `${c}*${k}`).join('+')}=${rhs}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    reduced.push({ terms, rhs });
  }
  // Components of unknowns.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const k of suppressed) parent.set(k, k);
  for (const e of reduced) for (const k of e.terms.keys()) if (!parent.has(k)) parent.set(k, k);
  for (const e of reduced) {
    const ks = [...e.terms.keys()];
    for (const k of ks.slice(1)) parent.set(find(k), find(ks[0] as string));
  }
  const eqsOf = new Map<string, Equation[]>();
  for (const e of reduced) {
    const root = find([...e.terms.keys()][0] as string);
    eqsOf.set(root, [...(eqsOf.get(root) ?? []), e]);
  }
  const names = new Map<string, string>();
  const nameOf = (k: string) => {
    if (!names.has(k)) names.set(k, `x${names.size}`);
    return names.get(k) as string;
  };
  const bound = (k: string, sense: 'Maximize' | 'Minimize'): number => {
    const eqs = eqsOf.get(find(k)) ?? [];
    if (eqs.length === 0) return sense === 'Maximize' ? Infinity : 0;
    const lines = eqs.map((e, i) => {
      const lhs = [...e.terms].map(([t, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${nameOf(t)}`).join(' ');
      return ` c${i}: ${lhs} = ${e.rhs}`;
    });
    const lp = `${sense}\n obj: ${nameOf(k)}\nSubject To\n${lines.join('\n')}\nEnd\n`;
    const r = highs.solve(lp);
    if (r.Status === 'Optimal') return r.ObjectiveValue;
    if (/unbounded/i.test(r.Status)) return sense === 'Maximize' ? Infinity : 0;
    throw new Error(`LP ${r.Status}`);
  };
  let narrowed = 0;
  const recovered: string[] = [];
  const inconsistent: string[] = [];
  for (const k of suppressed) {
    const lo = Math.ceil(bound(k, 'Minimize') - 1e-6);
    const hiRaw = bound(k, 'Maximize');
    const hi = Number.isFinite(hiRaw) ? Math.floor(hiRaw + 1e-6) : Infinity;
    const value = truth.get(k) as number;
    if (value < lo || value > hi) inconsistent.push(k);
    if (lo > 0 || Number.isFinite(hi)) narrowed += 1;
    if (lo === hi || (lo >= 1 && hi <= THRESHOLD - 1)) recovered.push(k);
  }
  return { exports: reports.length, suppressed: suppressed.size, narrowed, recovered, inconsistent, suppressedKeys: [...suppressed] };
}

describe('disclosure control across every anonymised export of a seeded vault (1,500 people)', () => {
  it("today's differencing attack: all districts minus all districts but one recovers no hidden count", async () => {
    const period = '2026-H1';
    const all = await exportJson(period, districts);
    let hiddenSmall = 0;
    let recovered = 0;
    for (const d of districts) {
      const rest = await exportJson(
        period,
        districts.filter((x) => x !== d),
      );
      for (const t of TABLES) {
        const cellRows = rowsOf(all.tables, t.id).filter((r) => r.district === d);
        for (const row of cellRows) {
          for (const m of t.measures) {
            if (!isHidden(row[m])) continue;
            const trueValue = truth.get(baseKey(period, t.id, t.split ? row[t.split] : undefined, m, d, t.column ? row[t.column] : undefined)) as number;
            if (trueValue >= 1 && trueValue < THRESHOLD) hiddenSmall += 1;
            // The column total over all districts minus the one over the rest.
            const match = (r: Row) => r.district === 'all' && (!t.column || r[t.column] === row[t.column]) && (!t.split || r[t.split] === row[t.split]);
            const a = rowsOf(all.totals, t.id).find(match)?.[m];
            const b = rowsOf(rest.totals, t.id).find(match)?.[m];
            if (typeof a === 'number' && typeof b === 'number' && a - b === trueValue) recovered += 1;
          }
        }
      }
    }
    console.log(`differencing attack, ${period}: ${hiddenSmall} hidden counts of 1-4 in the all-districts export, ${recovered} recovered as a difference of two totals`);
    expect(hiddenSmall).toBeGreaterThan(0);
    expect(recovered).toBe(0);
  }, 300_000);

  it("today's flow attack: active(P2) = active(P1) + new - closed recovers no hidden count of the half-year before or after", async () => {
    const [p1, p2] = ['2025-H2', '2026-H1'];
    const a = await exportJson(p1, districts);
    const b = await exportJson(p2, districts);
    let hidden = 0;
    let recovered = 0;
    const flows = [
      { id: 'casesByLevel', stock: 'active', in: 'new', out: 'closed', column: 'level' },
      { id: 'sspPlus.byDistrict', stock: 'active', in: 'started', out: 'ended', column: undefined },
    ];
    for (const f of flows) {
      const t = TABLES.find((x) => x.id === f.id) as (typeof TABLES)[number];
      const pairs = [...rowsOf(a.tables, f.id), ...rowsOf(a.totals, f.id)].map((x) => {
        const match = (r: Row) => r.district === x.district && (!f.column || r[f.column] === x[f.column]);
        return { x, y: [...rowsOf(b.tables, f.id), ...rowsOf(b.totals, f.id)].find(match) as Row };
      });
      for (const { x, y } of pairs) {
        const exact = (r: Report, row: Row, m: string) => termsOf(r, t, row, m).reduce((sum, k) => sum + (truth.get(k) ?? 0), 0);
        const shown = (...vs: unknown[]) => vs.every((z) => typeof z === 'number');
        if (isHidden(y[f.stock])) {
          hidden += 1;
          if (shown(x[f.stock], y[f.in], y[f.out]) && (x[f.stock] as number) + (y[f.in] as number) - (y[f.out] as number) === exact(b, y, f.stock)) recovered += 1;
        }
        if (isHidden(x[f.stock])) {
          hidden += 1;
          if (shown(y[f.stock], y[f.in], y[f.out]) && (y[f.stock] as number) - (y[f.in] as number) + (y[f.out] as number) === exact(a, x, f.stock)) recovered += 1;
        }
      }
    }
    console.log(`flow attack ${p1} -> ${p2}: ${hidden} hidden active counts (cases by level and SSP+ plans, with totals), ${recovered} recovered`);
    expect(hidden).toBeGreaterThan(0);
    expect(recovered).toBe(0);
  }, 120_000);

  it("the year view's Exit courses running at the end are the second half's (a stock, as the format says), not the halves added", async () => {
    const year = await exportJson('2025', districts);
    const h2 = await exportJson('2025-H2', districts);
    const shownActive = (r: Report) => [...rowsOf(r.tables, 'exit.byDistrict'), ...rowsOf(r.totals, 'exit.byDistrict')].map((x) => [x.district, x.active]);
    expect(shownActive(year)).toEqual(shownActive(h2));
    const city = rowsOf(year.totals, 'exit.byDistrict').find((x) => x.district === 'all')?.active;
    if (typeof city === 'number') expect(city).toBe(districts.reduce((a, d) => a + (truth.get(baseKey('2025-H2', 'exit.byDistrict', undefined, 'active', d, undefined)) ?? 0), 0));
  }, 120_000);

  it('interval attack on every export (all districts, every n-1 and n-2 subset, consecutive half-years, the year, the trend in the files): nothing recovered', async () => {
    const trends: Report[] = [];
    for (const period of EARLY_HALF_YEARS) exportsMade.push(await exportJson(period, districts));
    for (const period of [...HALF_YEARS, ...YEARS]) {
      for (const subset of subsetsToTry(districts)) {
        exportsMade.push(await exportJson(period, subset));
        trends.push(...(await trendReports(period, subset)));
      }
    }
    expect(exportsMade.every((r) => r.mode === 'anonymised')).toBe(true);
    // The trend's half-years before the first one above are unknowns the attacker has no other view of.
    expect(trends.length).toBeGreaterThan(exportsMade.length);
    const result = await intervalAttack([...exportsMade, ...trends]);
    console.log(`trend points added to the attacker's equations: ${trends.length}`);
    console.log(
      `interval attack: ${result.exports} exports tried, ${result.suppressed} suppressed counts, ${result.narrowed} narrowed, ${result.recovered.length} recovered (exactly or to 1-4)`,
    );
    const exitSmall = result.suppressedKeys.filter((k) => k.includes('|exit.byDistrict|') && (truth.get(k) as number) >= 1 && (truth.get(k) as number) < THRESHOLD);
    console.log(
      `  of them the Exit table: ${result.suppressedKeys.filter((k) => k.includes('|exit.byDistrict|')).length} suppressed (${exitSmall.length} true counts of 1-4), ${result.recovered.filter((k) => k.includes('|exit.byDistrict|')).length} recovered`,
    );
    expect(result.inconsistent).toEqual([]);
    expect(exitSmall.length).toBeGreaterThan(0);
    expect(result.suppressed).toBeGreaterThan(100);
    console.log(`  recovered: ${result.recovered.slice(0, 20).map((k) => `${k}=${truth.get(k)}`).join(' ')}`);
    expect(result.recovered).toEqual([]);
  }, 900_000);

  it('a write makes the next anonymised report a fresh one (the protected report is kept until the data changes)', async () => {
    const cityActive = async () => {
      const r = (await v.call<{ report: Report }>('report.compute', { period: '2026-H2' })).report;
      return rowsOf(r.totals, 'casesByLevel').find((x) => x.district === 'all' && x.level === 'all')?.active;
    };
    const before = await cityActive();
    expect(typeof before).toBe('number');
    expect(await cityActive()).toBe(before);
    const ids = await v.call<{ id: number; name: string }[]>('districts.list', {});
    const person = await v.call<{ id: number }>('people.create', { firstName: 'Testine', lastName: 'Nyfiktiv', birthDate: '2011-02-03', sex: 'K', districtId: ids[0]!.id, contacts: [] });
    await v.call('cases.open', { personId: person.id, level: 1, reason: 'Bekymring fra skolen', openedOn: TODAY });
    expect(await cityActive()).toBe((before as number) + 1);
  }, 120_000);
});
