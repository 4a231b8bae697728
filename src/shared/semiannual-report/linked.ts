/**
 * Linked-table protection: everything a vault publishes about one half-year seen as one system of
 * linear equations (each table's margins, the active-case totals that three tables share, and the
 * period-to-period flow active(P) = active(P-1) + new(P) - closed(P)), with the hidden counts as
 * unknowns and the shown counts as constants. An attacker who knows all of it can bound each
 * hidden count from below and above by linear programming (the "interval attack" of statistical
 * disclosure control, as tau-ARGUS and sdcTable audit it). `protect` runs that attack itself and
 * hides more counts until it fails for every hidden one:
 *
 * - no hidden count may have an interval of one value (it would be recovered exactly);
 * - no hidden count may have an interval inside 1 ... threshold-1 (it would be known to be small).
 *
 * Intervals are the LP bounds rounded inwards to whole numbers (counts are integers), so the check
 * is at least as strict as a pure LP attacker. Counts are non-negative; nothing else is assumed.
 * The solver is YALPS (npm `yalps`, a TypeScript rewrite of javascript-lp-solver): small LPs,
 * no native code, runs in Node and in the renderer alike.
 */
import { solve, type Constraint, type Model } from 'yalps';

export interface LinkedVar {
  /** The true count. */
  value: number;
  hidden: boolean;
  /** Whether protection may hide it (false: published already, e.g. the previous half-year's). */
  mayHide: boolean;
  /**
   * A quantity no file carries (the slack of an inequality, e.g. follow-ups not yet due): hidden,
   * bounded with the rest, but not itself a count to protect.
   */
  slack?: boolean;
}

/** sum(coefs[k] * vars[k]) = 0. */
export interface LinkedEquation {
  vars: number[];
  coefs: number[];
}

export class LinkedSystem {
  readonly vars: LinkedVar[] = [];
  readonly equations: LinkedEquation[] = [];
  private readonly byKey = new Map<string, number>();

  /** The variable for a key, created with `init` the first time. */
  variable(key: string, init: () => LinkedVar): number {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.vars.push(init());
    this.byKey.set(key, this.vars.length - 1);
    return this.vars.length - 1;
  }

  id(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** Adds sum(coef * var) = 0; terms on the same variable are added up. */
  equation(terms: readonly (readonly [number, number])[]): void {
    const merged = new Map<number, number>();
    for (const [v, c] of terms) merged.set(v, (merged.get(v) ?? 0) + c);
    const vars: number[] = [];
    const coefs: number[] = [];
    for (const [v, c] of merged) {
      if (c === 0) continue;
      vars.push(v);
      coefs.push(c);
    }
    if (vars.length > 0) this.equations.push({ vars, coefs });
  }
}

export interface Interval {
  /** Whole-number bounds; hi may be Infinity. */
  lo: number;
  hi: number;
}

const EPS = 1e-6;

/** LPs solved so far in this process (for benchmarks and tests). */
export const lpStats = { solves: 0 };
const roundLo = (x: number) => Math.ceil(x - EPS);
const roundHi = (x: number) => (Number.isFinite(x) ? Math.floor(x + EPS) : Infinity);

/** Whether a hidden count with this interval gives nothing away (see the file comment). */
export function intervalIsSafe(iv: Interval, threshold: number): boolean {
  const lo = roundLo(iv.lo);
  const hi = roundHi(iv.hi);
  if (hi <= lo) return false;
  return !(lo >= 1 && hi <= threshold - 1);
}

interface Component {
  vars: number[];
  equations: number[];
}

function equationsByVar(sys: LinkedSystem): number[][] {
  const out: number[][] = sys.vars.map(() => []);
  sys.equations.forEach((e, k) => e.vars.forEach((v) => out[v]?.push(k)));
  return out;
}

/** Groups of hidden variables joined by equations (an equation's shown members are constants). */
function components(sys: LinkedSystem, eqOf: readonly number[][]): Component[] {
  const seen = new Set<number>();
  const out: Component[] = [];
  sys.vars.forEach((v, start) => {
    if (!v.hidden || seen.has(start)) return;
    const vars: number[] = [];
    const eqs = new Set<number>();
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const u = stack.pop() as number;
      vars.push(u);
      for (const k of eqOf[u] ?? []) {
        if (eqs.has(k)) continue;
        eqs.add(k);
        for (const w of sys.equations[k]?.vars ?? []) {
          if (sys.vars[w]?.hidden && !seen.has(w)) {
            seen.add(w);
            stack.push(w);
          }
        }
      }
    }
    out.push({ vars: vars.sort((a, b) => a - b), equations: [...eqs].sort((a, b) => a - b) });
  });
  return out;
}

/** The LP of one component: equality constraints over its hidden variables. */
function componentModel(sys: LinkedSystem, comp: Component) {
  const constraints = new Map<string, Constraint>();
  const coefficients = new Map<number, Map<string, number>>(comp.vars.map((v) => [v, new Map([[`x${v}`, 1]])]));
  for (const k of comp.equations) {
    const e = sys.equations[k] as LinkedEquation;
    let rhs = 0;
    e.vars.forEach((v, i) => {
      const c = e.coefs[i] as number;
      const info = sys.vars[v] as LinkedVar;
      if (info.hidden) coefficients.get(v)?.set(`e${k}`, c);
      else rhs -= c * info.value;
    });
    constraints.set(`e${k}`, { equal: rhs });
  }
  const variables = new Map<string, Map<string, number>>([...coefficients].map(([v, m]) => [`x${v}`, m]));
  return { constraints, variables };
}

type Bounds = Map<number, { lo: number; hi: number }>;

/**
 * Exact bounds without an LP for a component of one equation with coefficients +-1 (a
 * one-column table and its total, the commonest case): sum(P) - sum(M) = R over hidden counts.
 */
function singleEquationBounds(sys: LinkedSystem, comp: Component): Bounds | null {
  const e = sys.equations[comp.equations[0] as number] as LinkedEquation;
  let rhs = 0;
  const plus: number[] = [];
  const minus: number[] = [];
  for (let i = 0; i < e.vars.length; i++) {
    const v = e.vars[i] as number;
    const c = e.coefs[i] as number;
    const info = sys.vars[v] as LinkedVar;
    if (!info.hidden) rhs -= c * info.value;
    else if (c === 1) plus.push(v);
    else if (c === -1) minus.push(v);
    else return null;
  }
  const out: Bounds = new Map();
  if (plus.length > 0 && minus.length > 0) {
    // Every member can grow without limit; one alone on its side is at least the difference.
    for (const v of plus) out.set(v, { lo: plus.length === 1 ? Math.max(0, rhs) : 0, hi: Infinity });
    for (const v of minus) out.set(v, { lo: minus.length === 1 ? Math.max(0, -rhs) : 0, hi: Infinity });
    return out;
  }
  const side = plus.length > 0 ? plus : minus;
  const total = plus.length > 0 ? rhs : -rhs;
  for (const v of side) out.set(v, { lo: side.length === 1 ? total : 0, hi: total });
  return out;
}

/** Bounds every hidden variable of a component is proven to reach (from feasible points found). */
function auditComponent(sys: LinkedSystem, comp: Component, threshold: number, exact = false): { bad: number[]; bounds: Bounds } {
  const seen: Bounds = new Map(comp.vars.map((v) => [v, { lo: (sys.vars[v] as LinkedVar).value, hi: (sys.vars[v] as LinkedVar).value }]));
  const bad: number[] = [];
  if (comp.equations.length === 0) {
    for (const v of comp.vars) seen.set(v, { lo: 0, hi: Infinity });
    return { bad, bounds: seen };
  }
  const single = comp.equations.length === 1 ? singleEquationBounds(sys, comp) : null;
  if (single) {
    for (const [v, b] of single) if (!intervalIsSafe(b, threshold) && !sys.vars[v]?.slack) bad.push(v);
    return { bad, bounds: single };
  }
  const { constraints, variables } = componentModel(sys, comp);
  const record = (values: readonly (readonly [string, number])[]) => {
    const got = new Map(values.map(([name, x]) => [Number(name.slice(1)), x]));
    for (const v of comp.vars) {
      const b = seen.get(v) as { lo: number; hi: number };
      const x = got.get(v) ?? 0;
      if (x < b.lo) b.lo = x;
      if (x > b.hi) b.hi = x;
    }
  };
  const run = (objective: string, direction: 'maximize' | 'minimize') => {
    const model: Model = { direction, objective, constraints, variables };
    lpStats.solves += 1;
    return solve(model, { checkCycles: true, includeZeroVariables: true });
  };
  const optimise = (v: number, direction: 'maximize' | 'minimize'): void => {
    const r = run(`x${v}`, direction);
    const b = seen.get(v) as { lo: number; hi: number };
    if (r.status === 'unbounded') {
      if (direction === 'maximize') b.hi = Infinity;
      return;
    }
    if (r.status === 'optimal') {
      record(r.variables);
      if (direction === 'maximize') b.hi = Math.max(b.hi, r.result);
      else b.lo = Math.min(b.lo, r.result);
      return;
    }
    // Cycled or timed out: nothing proven; the bounds found so far stand (the cautious side).
  };
  const safe = (v: number) => sys.vars[v]?.slack === true || intervalIsSafe(seen.get(v) as { lo: number; hi: number }, threshold);
  if (!exact) {
    // First push all unproven counts at once, down and up: each solution is a feasible point
    // that proves many bounds; only the rest need an LP of their own.
    for (let open = comp.vars.filter((v) => !safe(v)); open.length > 0; ) {
      for (const v of comp.vars) {
        const m = variables.get(`x${v}`) as Map<string, number>;
        if (open.includes(v)) m.set('sum', 1);
        else m.delete('sum');
      }
      for (const direction of ['minimize', 'maximize'] as const) {
        const r = run('sum', direction);
        if (r.status === 'optimal') record(r.variables);
      }
      const still = open.filter((v) => !safe(v));
      if (still.length === open.length) break;
      open = still;
    }
    for (const v of comp.vars) (variables.get(`x${v}`) as Map<string, number>).delete('sum');
  }
  for (const v of comp.vars) {
    if (sys.vars[v]?.slack && !exact) continue;
    if (!exact && safe(v)) continue;
    optimise(v, 'maximize');
    if (!exact && safe(v)) continue;
    optimise(v, 'minimize');
    if (!safe(v) && !sys.vars[v]?.slack) bad.push(v);
  }
  return { bad, bounds: seen };
}

/** The interval of every hidden variable (exact LP bounds, for tests and diagnostics). */
export function hiddenIntervals(sys: LinkedSystem): Map<number, Interval> {
  const eqOf = equationsByVar(sys);
  const out = new Map<number, Interval>();
  for (const comp of components(sys, eqOf)) {
    for (const [v, b] of auditComponent(sys, comp, 1, true).bounds) out.set(v, { lo: roundLo(b.lo), hi: roundHi(b.hi) });
  }
  return out;
}

/** Hidden variables whose interval gives something away. */
export function unsafeHidden(sys: LinkedSystem, threshold: number): number[] {
  const eqOf = equationsByVar(sys);
  return components(sys, eqOf).flatMap((c) => auditComponent(sys, c, threshold).bad);
}

/** Shown, hideable members of the equations `eqs`: the smallest count of threshold or more first, then larger-to-smaller, zeros last. */
function pickCandidate(sys: LinkedSystem, eqs: readonly number[], threshold: number, taken: ReadonlySet<number>): number | null {
  let best: number | null = null;
  const rank = (v: number): [number, number] => {
    const x = (sys.vars[v] as LinkedVar).value;
    if (x >= threshold) return [0, x];
    if (x > 0) return [1, -x];
    return [2, 0];
  };
  for (const k of eqs) {
    for (const v of sys.equations[k]?.vars ?? []) {
      const info = sys.vars[v] as LinkedVar;
      if (info.hidden || !info.mayHide || taken.has(v)) continue;
      if (best === null) {
        best = v;
        continue;
      }
      const a = rank(v);
      const b = rank(best);
      if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && v < best)))) best = v;
    }
  }
  return best;
}

export class ProtectionError extends Error {}

/**
 * Hides more counts (only those with mayHide) until no hidden count's interval gives anything
 * away. Deterministic: the same system gives the same result. Returns the variables it hid.
 * Throws ProtectionError when nothing more can be hidden and a count is still exposed.
 */
export function protect(sys: LinkedSystem, threshold: number): number[] {
  const added: number[] = [];
  const eqOf = equationsByVar(sys);
  const safeComponents = new Set<string>();
  for (;;) {
    const comps = components(sys, eqOf);
    const varComp = new Map<number, Component>();
    const bad: number[] = [];
    for (const c of comps) {
      const signature = c.vars.join(',');
      if (safeComponents.has(signature)) continue;
      const found = auditComponent(sys, c, threshold).bad;
      if (found.length === 0) safeComponents.add(signature);
      for (const v of found) {
        bad.push(v);
        varComp.set(v, c);
      }
    }
    if (bad.length === 0) return added;
    const taken = new Set<number>();
    for (const v of bad) {
      const choice = pickCandidate(sys, eqOf[v] ?? [], threshold, taken) ?? pickCandidate(sys, varComp.get(v)?.equations ?? [], threshold, taken);
      if (choice !== null) taken.add(choice);
    }
    if (taken.size === 0) throw new ProtectionError('Ingen flere tal kan skjules, og et skjult tal kan stadig udledes.');
    for (const v of taken) {
      (sys.vars[v] as LinkedVar).hidden = true;
      added.push(v);
    }
  }
}
