import type { Sqlite } from '../../src/main/db/connection';
import type { Stats } from './stats';

export interface ExtraResult {
  name: string;
  stats: Stats;
  baseline?: { label: string; stats: Stats };
}

/** Benchmarks of later domains (import, report, merge) plug in here. */
export async function extraBenchmarks(_ctx: {
  size: number;
  call: (name: string, input: unknown) => Promise<never>;
  sqlite: Sqlite;
  root: string;
  runs: number;
}): Promise<ExtraResult[]> {
  return [];
}
