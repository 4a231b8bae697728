/**
 * Graph helpers for suppression (suppression.ts): nodes are a table's lines (equations), edges
 * its hidden cells. A hidden cell's value follows from the shown numbers exactly when its edge
 * is a bridge (lies on no cycle), so these find bridges and the two sides of one.
 */

export type Pos = readonly [number, number];

export interface Edge {
  pos: Pos;
  a: number;
  b: number;
}

/** Index of the first bridge edge (Tarjan; parallel edges and self-loops handled), or -1. */
export function firstBridge(nodeCount: number, edges: readonly Edge[]): number {
  const adj: { to: number; id: number }[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((e, id) => {
    if (e.a === e.b) return; // a self-loop is its own cycle
    adj[e.a]?.push({ to: e.b, id });
    adj[e.b]?.push({ to: e.a, id });
  });
  const disc = new Array<number>(nodeCount).fill(-1);
  const low = new Array<number>(nodeCount).fill(0);
  let time = 0;
  const bridges: number[] = [];
  const visit = (u: number, parentEdge: number): void => {
    disc[u] = low[u] = time++;
    for (const { to, id } of adj[u] ?? []) {
      if (id === parentEdge) continue;
      if ((disc[to] ?? -1) === -1) {
        visit(to, id);
        low[u] = Math.min(low[u] ?? 0, low[to] ?? 0);
        if ((low[to] ?? 0) > (disc[u] ?? 0)) bridges.push(id);
      } else {
        low[u] = Math.min(low[u] ?? 0, disc[to] ?? 0);
      }
    }
  };
  for (let u = 0; u < nodeCount; u++) if (disc[u] === -1) visit(u, -1);
  return bridges.length === 0 ? -1 : Math.min(...bridges);
}

export function componentOf(start: number, edges: readonly Edge[], without: number): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const u = stack.pop() as number;
    edges.forEach((e, id) => {
      if (id === without) return;
      const next = e.a === u ? e.b : e.b === u ? e.a : -1;
      if (next !== -1 && !seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    });
  }
  return seen;
}
