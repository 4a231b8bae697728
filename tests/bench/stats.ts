/** Timing helpers for the benchmark command: several runs after a warm-up, summarised. */
export interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarise(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { runs: s.length, median: q(0.5), p95: q(0.95), min: s[0]!, max: s[s.length - 1]! };
}

/** Run fn `warmup` times unmeasured, then `runs` times; milliseconds per run. */
export async function measure(fn: () => unknown, runs = 20, warmup = 3): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

export const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

/**
 * Several alternatives measured round by round (A B C, B C A, C A B ...) instead of one after the
 * other, so a load spike on this shared machine hits all of them alike and their ratios hold.
 */
export async function measureInterleaved(fns: readonly (() => unknown)[], runs = 20, warmup = 3): Promise<Stats[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (r + k) % fns.length;
      const t = performance.now();
      await fns[j]!();
      samples[j]!.push(performance.now() - t);
    }
  }
  return samples.map(summarise);
}
