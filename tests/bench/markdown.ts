/**
 * The figures of a bench run as Markdown tables, for BENCHMARKS.md:
 * `npx tsx tests/bench/markdown.ts [artifacts/bench/latest.json]`.
 */
import { readFileSync } from 'node:fs';

interface Row {
  size: number;
  name: string;
  median?: number;
  p95?: number;
  runs?: number;
  baseline?: string;
  baselineMedian?: number;
  ratio?: number;
  ratioP95?: number;
  value?: number;
  [key: string]: unknown;
}

const file = process.argv[2] ?? 'artifacts/bench/latest.json';
const data = JSON.parse(readFileSync(file, 'utf8')) as { machine: Record<string, unknown>; runs: number; sizes: number[]; results: Row[] };
const f = (n: number | undefined) => (n === undefined ? '' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const m = data.machine;
console.log(
  `Run of ${String(m.at).slice(0, 16).replace('T', ' ')} UTC: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${data.runs} runs per figure after warm-up; ` +
    `load average ${(m.loadAtStart as number[]).join(' / ')} at the start and ${(m.loadAtEnd as number[] | undefined)?.join(' / ') ?? '?'} at the end; ${m.totalSeconds} s in all.\n`,
);
console.log('| size | benchmark | median ms | p95 ms | runs | baseline | baseline median ms | ratio (median) | ratio (p95) |');
console.log('|---:|---|---:|---:|---:|---|---:|---:|---:|');
for (const r of data.results) {
  if (r.median === undefined) continue;
  console.log(
    `| ${r.size ? r.size.toLocaleString('en') : ''} | ${r.name.trim()} | ${f(r.median)} | ${f(r.p95)} | ${r.runs ?? ''} | ${r.baseline ?? ''} | ${f(r.baselineMedian)} | ${r.ratio ? `${r.ratio.toFixed(2)}x` : ''} | ${r.ratioP95 ? `${r.ratioP95.toFixed(2)}x` : ''} |`,
  );
}
console.log('');
for (const r of data.results) {
  if (r.median !== undefined) continue;
  const { size, name, ...rest } = r;
  console.log(`- ${size ? `${size.toLocaleString('en')}: ` : ''}${name}: ${JSON.stringify(rest)}`);
}
