/**
 * A report's tables as one linked system of equations (linked.ts), and its protection in two
 * stages:
 *
 * 1. 'stock': every table except the flows (casesByLevel new/closed, sspPlus and exit
 *    started/ended).
 *    The stock tables (active cases by level, age band and sex, which share their district and
 *    city totals, and active SSP+ plans) depend on their own half-year only, so the half-year
 *    after can link to exactly the pattern this one published.
 * 2. 'flow': everything, plus the half-year before's stock tables as published, plus the flow
 *    equations per district x level, per district, per level and for the city:
 *      active(P) - active(P-1) - new(P) + closed(P) = 0  (cases)
 *      active(P) - active(P-1) - started(P) + ended(P) = 0  (SSP+ plans, Exit courses)
 *    Only the flows may be hidden further here. A flow holds exactly when no case in it moved
 *    district, was reopened or changed level in the period; every flow equation that holds in
 *    the data is added (the strongest attacker guesses them all right), the others are not
 *    equations anyone can use.
 */
import { isSuppressed } from './suppression';
import { ALL, TABLE_SPECS, getRows, rowKey, type GenericRow, type KeyValue, type TableSpec } from './layout';
import type { ReportV1 } from './schema';
import { LinkedSystem, hiddenIntervals, protect } from './linked';

export interface ReportPair {
  exact: ReportV1;
  /** The anonymised report being made (changed in place). */
  anon: ReportV1;
}

/** Measures that flow within a half-year, and the stock each feeds: [stock, in, out]. */
export const FLOWS: readonly { id: string; stock: string; in: string; out: string }[] = [
  { id: 'casesByLevel', stock: 'active', in: 'new', out: 'closed' },
  { id: 'sspPlus.byDistrict', stock: 'active', in: 'started', out: 'ended' },
  // Exit courses (issue 19): running at the end = running before + started - ended.
  { id: 'exit.byDistrict', stock: 'active', in: 'started', out: 'ended' },
];

const isFlowMeasure = (id: string, m: string) => FLOWS.some((f) => f.id === id && (f.in === m || f.out === m));
const isStockMeasure = (id: string, m: string) => FLOWS.some((f) => f.id === id && f.stock === m) || id === 'activeByAgeBand' || id === 'activeBySex';

/** Tables whose district and city totals are casesByLevel.active's (the same young people). */
const SHARES_ACTIVE = new Set(['activeByAgeBand', 'activeBySex']);

interface Placement {
  row: GenericRow;
  measure: string;
}

class ReportSystem {
  readonly sys = new LinkedSystem();
  /** Where each variable of the report being protected is written. */
  readonly placements = new Map<number, Placement[]>();

  /**
   * Adds one report's grids. `tag` keeps half-years apart; `mayHide` says which measures
   * protection may hide; `include` which to add at all.
   */
  addReport(tag: string, pair: ReportPair, mayHide: (id: string, m: string) => boolean, include: (id: string, m: string) => boolean, place: boolean): void {
    const districts = pair.exact.districts;
    for (const spec of TABLE_SPECS) {
      const index = (c: unknown) => new Map(getRows(c, spec.id).map((r) => [rowKey(r, spec), r]));
      const exactRows = new Map([...index(pair.exact.tables), ...index(pair.exact.totals)]);
      const anonRows = new Map([...index(pair.anon.tables), ...index(pair.anon.totals)]);
      const columns: readonly (KeyValue | null)[] = spec.column?.values ?? [null];
      for (const split of spec.split?.values ?? [null]) {
        for (const measure of spec.measures) {
          if (!include(spec.id, measure)) continue;
          const v = (d: KeyValue, c: KeyValue | null) => this.cell(tag, spec, split, measure, d, c, exactRows, anonRows, mayHide(spec.id, measure), place);
          const cellVars = districts.map((d) => columns.map((c) => v(d, c)));
          if (!spec.column) {
            const total = v(ALL, null);
            this.sys.equation([...cellVars.map((r) => [r[0] as number, 1] as const), [total, -1]]);
            continue;
          }
          const rowTotals = districts.map((d) => v(d, ALL));
          const colTotals = spec.column.values.map((c) => v(ALL, c));
          const grand = v(ALL, ALL);
          cellVars.forEach((r, i) => this.sys.equation([...r.map((x) => [x, 1] as const), [rowTotals[i] as number, -1]]));
          colTotals.forEach((t, j) => this.sys.equation([...cellVars.map((r) => [r[j] as number, 1] as const), [t, -1]]));
          this.sys.equation([...rowTotals.map((x) => [x, 1] as const), [grand, -1]]);
          this.sys.equation([...colTotals.map((x) => [x, 1] as const), [grand, -1]]);
        }
      }
    }
  }

  static key(tag: string, spec: TableSpec, split: KeyValue | null, measure: string, d: KeyValue, c: KeyValue | null): string {
    // The district and city totals of the age and sex tables are casesByLevel.active's.
    if (SHARES_ACTIVE.has(spec.id) && c === ALL) return `${tag}|casesByLevel||active|${d}|${ALL}`;
    return `${tag}|${spec.id}|${split ?? ''}|${measure}|${d}|${c ?? ''}`;
  }

  private cell(
    tag: string,
    spec: TableSpec,
    split: KeyValue | null,
    measure: string,
    d: KeyValue,
    c: KeyValue | null,
    exactRows: Map<string, GenericRow>,
    anonRows: Map<string, GenericRow>,
    mayHide: boolean,
    place: boolean,
  ): number {
    const probe: GenericRow = { district: d };
    if (spec.split && split !== null) probe[spec.split.key] = split;
    if (spec.column && c !== null) probe[spec.column.key] = c;
    const k = rowKey(probe, spec);
    const exact = exactRows.get(k)?.[measure];
    const shown = anonRows.get(k)?.[measure];
    const id = this.sys.variable(ReportSystem.key(tag, spec, split, measure, d, c), () => ({
      value: typeof exact === 'number' ? exact : 0,
      hidden: false,
      mayHide,
    }));
    const info = this.sys.vars[id];
    if (info && isSuppressed(shown)) info.hidden = true;
    const row = anonRows.get(k);
    if (place && row) {
      const list = this.placements.get(id) ?? [];
      list.push({ row, measure });
      this.placements.set(id, list);
    }
    return id;
  }

  /** active(P) - active(P-1) - in(P) + out(P) = 0 for every district and level, with their totals. */
  addFlows(tag: string, prevTag: string, districts: readonly string[]): void {
    for (const f of FLOWS) {
      const spec = TABLE_SPECS.find((s) => s.id === f.id) as TableSpec;
      const cols: readonly (KeyValue | null)[] = spec.column ? [...spec.column.values, ALL] : [null];
      for (const d of [...districts, ALL]) {
        for (const c of cols) {
          const id = (t: string, m: string) => this.sys.id(ReportSystem.key(t, spec, null, m, d, c));
          const terms = [id(tag, f.stock), id(prevTag, f.stock), id(tag, f.in), id(tag, f.out)];
          if (terms.some((x) => x === undefined)) continue;
          const [a, p, i, o] = terms as number[];
          const value = (x: number) => this.sys.vars[x]?.value ?? 0;
          // Only where it holds: a flow broken by a move, a reopening or a level change is no
          // equation an attacker can use (and would make the system infeasible).
          if (value(a as number) - value(p as number) - value(i as number) + value(o as number) !== 0) continue;
          this.sys.equation([
            [a as number, 1],
            [p as number, -1],
            [i as number, -1],
            [o as number, 1],
          ]);
        }
      }
    }
  }

  /** Shows the true counts of these variables again (counts any attacker can work out exactly). */
  reveal(vars: readonly number[]): void {
    for (const v of vars) {
      const info = this.sys.vars[v];
      if (!info?.hidden) continue;
      info.hidden = false;
      for (const p of this.placements.get(v) ?? []) p.row[p.measure] = info.value;
    }
  }

  /** Writes the marker into the anonymised report for every variable hidden by protection. */
  apply(vars: readonly number[], marker: string): void {
    for (const v of vars) for (const p of this.placements.get(v) ?? []) p.row[p.measure] = marker;
  }
}

/** The Exit follow-up measures (24 months after a course's end) and the measure they follow up. */
export const EXIT_FOLLOW_UPS = { id: 'exit.byDistrict', measures: ['followUpsNoNewCharge', 'followUpsNewCharge'], base: 'ended' } as const;
const isFollowUp = (id: string, m: string) => id === EXIT_FOLLOW_UPS.id && (EXIT_FOLLOW_UPS.measures as readonly string[]).includes(m);

/**
 * Protects the Exit follow-ups of `current` (its anon report changed in place) against the
 * courses that ended four half-years before (`base`, with the pattern its report published):
 * per district and for the city, followUpsNoNewCharge(P) + followUpsNewCharge(P) = ended(P-4)
 * where that holds in the data, <= it (a slack no file carries) where fewer are due (the running
 * half-year), no equation where a move made them more. Only the follow-ups may be hidden further;
 * no other half-year links to them, so this stage comes last.
 */
export function protectFollowUps(current: ReportPair, base: ReportPair, threshold: number): void {
  const rs = new ReportSystem();
  rs.addReport('P', current, isFollowUp, isFollowUp, true);
  rs.addReport('B', base, () => false, (id, m) => id === EXIT_FOLLOW_UPS.id && m === EXIT_FOLLOW_UPS.base, false);
  const spec = TABLE_SPECS.find((x) => x.id === EXIT_FOLLOW_UPS.id) as TableSpec;
  for (const d of [...current.exact.districts, ALL]) {
    const id = (tag: string, m: string) => rs.sys.id(ReportSystem.key(tag, spec, null, m, d, null));
    const [a, b, e] = [id('P', EXIT_FOLLOW_UPS.measures[0]), id('P', EXIT_FOLLOW_UPS.measures[1]), id('B', EXIT_FOLLOW_UPS.base)];
    if (a === undefined || b === undefined || e === undefined) continue;
    const value = (x: number) => rs.sys.vars[x]?.value ?? 0;
    const gap = value(e) - value(a) - value(b);
    if (gap < 0) continue;
    const terms: [number, number][] = [
      [a, 1],
      [b, 1],
      [e, -1],
    ];
    if (gap > 0) terms.push([rs.sys.variable(`slack|${d}`, () => ({ value: gap, hidden: true, mayHide: false, slack: true })), 1]);
    rs.sys.equation(terms);
  }
  // A follow-up the ended count pins to one value even with every follow-up hidden (none ended
  // there as published: none can be due) is shown and never hidden: anyone can work it out,
  // hiding it would protect nothing. The rest is protected as usual.
  const own = [...rs.placements.keys()].filter((v) => rs.sys.vars[v]?.mayHide);
  const wasHidden = new Map(own.map((v) => [v, rs.sys.vars[v]?.hidden ?? false]));
  for (const v of own) (rs.sys.vars[v] as { hidden: boolean }).hidden = true;
  const pinned = [...hiddenIntervals(rs.sys)].filter(([v, iv]) => iv.lo === iv.hi && wasHidden.has(v)).map(([v]) => v);
  for (const [v, h] of wasHidden) (rs.sys.vars[v] as { hidden: boolean }).hidden = h;
  rs.reveal(pinned);
  for (const v of pinned) (rs.sys.vars[v] as { mayHide: boolean }).mayHide = false;
  rs.apply(protect(rs.sys, threshold), `<${threshold}`);
}

/**
 * Protects `current` (its anon report changed in place) at one stage; `previous` is the
 * half-year before with its published stock pattern (used at the 'flow' stage only).
 */
export function protectLinked(current: ReportPair, previous: ReportPair | null, threshold: number, stage: 'stock' | 'flow'): void {
  const rs = new ReportSystem();
  if (stage === 'stock') {
    rs.addReport('P', current, () => true, (id, m) => !isFlowMeasure(id, m), true);
  } else {
    rs.addReport('P', current, (id, m) => isFlowMeasure(id, m), (id, m) => isFlowMeasure(id, m) || isStockMeasure(id, m), true);
    if (previous) {
      rs.addReport('Q', previous, () => false, (id, m) => isStockMeasure(id, m), false);
      rs.addFlows('P', 'Q', current.exact.districts);
    }
  }
  rs.apply(protect(rs.sys, threshold), `<${threshold}`);
}
