/**
 * Benchmarks for the semi-annual report: `npx tsx tests/bench/report.bench.ts [--cases 100000] [--runs 10]`.
 *
 * 1. Computation on a demo vault with N cases and their history and events (seed.ts), plus
 *    synthetic SSP+ plans and follow-ups: the exact tables for one half-year and ten districts,
 *    the whole `report.compute` call (tables, anonymising, the trend over four half-years) and
 *    exports to CSV and XLSX.
 * 2. Merging 50 district files (exact JSON, one district each, synthetic counts): parse, check
 *    against the schema, merge, anonymise, and write the city report as JSON.
 * Prints median and 95th percentile per measurement, with the machine's load (the numbers move
 * with it). Real encrypted vault in a temp folder; nothing is kept.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createTestVault, PASSPHRASE } from '../integration/helpers';
import { seedDemoData, createRng } from '../../src/main/demo-data';
import { serviceCtx } from '../../src/main/core/service-context';
import { computeExactTables } from '../../src/main/semiannual-report/compute';
import { loadTimeline } from '../../src/main/semiannual-report/timeline';
import { sqlReportQueries } from '../integration/report-sql-reference';
import { exportReport, mergeReportFiles } from '../../src/main/semiannual-report/report';
import { renderReportFile } from '../../src/main/semiannual-report/files';
import { halfYearPeriod } from '../../src/shared/core/dates';
import { createExactReport, emptyTables, getRows, TABLE_SPECS } from '../../src/shared/semiannual-report';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '10' },
    /** Seed into this folder and keep the vault afterwards (passphrase: the test passphrase). */
    keep: { type: 'string' },
    /** Use a vault kept by an earlier run instead of seeding a new one. */
    vault: { type: 'string' },
  },
});
const CASES = Number(values.cases);
const RUNS = Number(values.runs);
const TODAY = '2026-08-15';
const PERIOD = '2026-H1';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] as number;
  return { median: q(0.5), p95: q(0.95), min: s[0] as number, max: s[s.length - 1] as number };
}
const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

/**
 * Wall-clock time per run, and the process's CPU time per run next to it: on a busy machine the
 * wall clock mostly measures the other processes, the CPU time what this code costs.
 */
async function measure(name: string, fn: () => unknown, runs = RUNS, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const w = stats(wall);
  const c = stats(cpu);
  console.log(
    `${name.padEnd(52)} wall median ${fmt(w.median).padStart(6)} ms, p95 ${fmt(w.p95).padStart(6)} ms | cpu median ${fmt(c.median).padStart(6)} ms, p95 ${fmt(c.p95).padStart(6)} ms (${runs} runs)`,
  );
  return w;
}

console.log(`SSP Desk report benchmark: ${CASES} cases, ${RUNS} runs; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// ---- 1. computation ----
const reuse = values.vault;
const vault = await createTestVault({
  now: () => new Date(`${TODAY}T10:00:00Z`),
  ...(reuse || values.keep ? { dir: reuse ?? values.keep } : {}),
  ...(reuse ? { create: false } : {}),
});
if (reuse) await vault.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
try {
  const open = vault.ctx.vault.current;
  const seedStart = performance.now();
  const summary = reuse
    ? { openCases: (open.sqlite.prepare(`SELECT count(*) AS n FROM cases WHERE status = 'open'`).get() as { n: number }).n }
    : seedDemoData(open.sqlite, { people: CASES, seed: 1, today: TODAY });
  // SSP+ plans for about one in ten level 3-4 cases, half of them ended with follow-ups, unless seed.ts made some.
  const seededPlans = (open.sqlite.prepare(`SELECT count(*) AS n FROM sspplus_plans`).get() as { n: number }).n;
  if (seededPlans === 0) open.sqlite.exec(`
    INSERT INTO sspplus_plans (person_id, case_id, status, start_date, coordinator, end_date, end_reason, created_at, updated_at)
      SELECT person_id, id, CASE WHEN id % 2 = 0 THEN 'ended' ELSE 'active' END, date(opened_on, '+30 days'), 'Demo',
             CASE WHEN id % 2 = 0 THEN date(opened_on, '+400 days') END, CASE WHEN id % 2 = 0 THEN 'completed' END, '${TODAY}', '${TODAY}'
      FROM cases WHERE level >= 3 AND id % 10 = 0 AND status = 'open' AND date(opened_on, '+400 days') < '${TODAY}';
    INSERT INTO sspplus_follow_ups (plan_id, months, due_on, outcome)
      SELECT p.id, m.months, date(p.end_date, '+' || m.months || ' months'), CASE WHEN p.id % 3 = 0 THEN 'job' END
      FROM sspplus_plans p, (SELECT 3 AS months UNION ALL SELECT 6 UNION ALL SELECT 12) m WHERE p.end_date IS NOT NULL;`);
  // District history as a vault migrated to 0020 has it (a row per case from its opening day) and
  // one in twenty cases moved to the next district 200 days after opening, unless it has some.
  const historyRows = (open.sqlite.prepare(`SELECT count(*) AS n FROM case_district_changes`).get() as { n: number }).n;
  if (historyRows === 0) open.sqlite.exec(`
    INSERT INTO case_district_changes (case_id, district_id, changed_on, created_at)
      SELECT c.id, COALESCE(c.district_id, p.district_id), c.opened_on, '${TODAY}' FROM cases c JOIN people p ON p.id = c.person_id;
    INSERT INTO case_district_changes (case_id, district_id, changed_on, created_at)
      SELECT c.id, (SELECT MIN(d.id) FROM districts d WHERE d.id > COALESCE(c.district_id, 0)), date(c.opened_on, '+200 days'), '${TODAY}'
      FROM cases c WHERE c.id % 20 = 0 AND date(c.opened_on, '+200 days') < '${TODAY}';`);
  const counts = open.sqlite
    .prepare(`SELECT (SELECT count(*) FROM cases) c, (SELECT count(*) FROM case_district_changes) d, (SELECT count(*) FROM case_events) e, (SELECT count(*) FROM case_status_changes) s,
                     (SELECT count(*) FROM case_level_changes) l, (SELECT count(*) FROM sspplus_plans) p, (SELECT count(*) FROM custody_periods) r`)
    .get() as Record<string, number>;
  console.log(
    `${reuse ? `reused ${reuse}` : `seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`}: ${counts.c} cases (${summary.openCases} open), ${counts.e} events, ` +
      `${counts.s} status, ${counts.l} level and ${counts.d} district changes, ${counts.p} SSP+ plans, ${counts.r} custody periods`,
  );

  const s = serviceCtx(vault.ctx);
  const districts = open.sqlite.prepare(`SELECT id, name FROM districts ORDER BY sort_order, id`).all() as { id: number; name: string }[];
  const { start, end } = halfYearPeriod(PERIOD);
  const scope = { start, end, today: TODAY, districts };
  // The timeline (every case's history) and the protected report are kept until the data changes:
  // a write before each run measures the first call after a write, what a user meets.
  const touch = open.sqlite.prepare(`UPDATE districts SET sort_order = sort_order WHERE id = (SELECT MIN(id) FROM districts)`);
  await measure('limit: the same tables by hand-written SQL (one grouped statement each)', () => computeExactTables(open.sqlite, scope, {}, sqlReportQueries));
  await measure('reading the timeline alone (every case\'s history)', () => loadTimeline(open.sqlite));
  await measure('exact tables, one half-year, first call after a write', () => {
    touch.run();
    return computeExactTables(open.sqlite, scope);
  });
  await measure('exact tables, one half-year, timeline kept', () => computeExactTables(open.sqlite, scope));
  await measure('report.compute exact, first call after a write', () => {
    touch.run();
    return vault.call('report.compute', { period: PERIOD, mode: 'exact' });
  });
  await measure('report.compute anonymised, kept protected report', () => vault.call('report.compute', { period: PERIOD }));
  await measure('report.compute anonymised, first call after a write', () => {
    touch.run();
    return vault.call('report.compute', { period: PERIOD });
  });
  await measure('report.trend anonymised, first call after a write', () => {
    touch.run();
    return vault.call('report.trend', { period: PERIOD });
  });
  await measure('report.trend anonymised (4 half-years, all trend tables)', () => vault.call('report.trend', { period: PERIOD }));
  await vault.call('report.assessments.save', { period: PERIOD, districtId: districts[0]!.id, text: 'Uro ved stationen om aftenen; færre unge i klubberne end sidste halvår. '.repeat(10) });
  await measure('export CSV (anonymised, audited, with the trend)', () => exportReport(s, { period: PERIOD, mode: 'anonymised', format: 'csv' }), Math.max(3, RUNS / 2));
  await measure('export CSV, first call after a write', () => {
    touch.run();
    return exportReport(s, { period: PERIOD, mode: 'anonymised', format: 'csv' });
  }, Math.max(3, RUNS / 2));
  await measure('export XLSX (anonymised, audited)', () => exportReport(s, { period: PERIOD, mode: 'anonymised', format: 'xlsx' }), Math.max(3, RUNS / 2));
} finally {
  if (reuse || values.keep) vault.ctx.vault.lock();
  else vault.cleanup();
}

// ---- 2. merging 50 district files ----
const rng = createRng(7);
const files = Array.from({ length: 50 }, (_, i) => {
  const district = `Bydel ${String(i + 1).padStart(2, '0')}`;
  const tables = emptyTables([district]);
  for (const spec of TABLE_SPECS) for (const row of getRows(tables, spec.id)) for (const m of spec.measures) row[m] = rng.int(0, 40);
  // The active cases by level, age and sex must describe the same young people: make the totals agree.
  const active = tables.casesByLevel.reduce((a, r) => a + (r.active as number), 0);
  tables.activeByAgeBand.forEach((r, j) => (r.count = j === 2 ? active : 0));
  tables.activeBySex.forEach((r, j) => (r.count = j === 0 ? active : 0));
  const report = createExactReport(
    { period: PERIOD, unit: `SSP ${district}`, districts: [district], generatedAt: `${TODAY}T10:00:00Z`, appVersion: '0.1.0' },
    tables,
    [{ district, text: 'Observationer og vurderinger for halvåret. '.repeat(20) }],
  );
  return { name: `${district}.json`, content: JSON.stringify(report, null, 2) };
});
const bytes = files.reduce((a, f) => a + f.content.length, 0);
console.log(`merge input: 50 files, ${(bytes / 1024).toFixed(0)} KiB`);
await measure('merge 50 files: parse + check + merge (exact)', () => mergeReportFiles({ files, mode: 'exact' }, { now: new Date() }), RUNS * 2);
await measure('merge 50 files: ... + anonymise', () => mergeReportFiles({ files, mode: 'anonymised' }, { now: new Date() }), RUNS * 2);
await measure('merge 50 files: ... + anonymise + JSON file', async () => renderReportFile(mergeReportFiles({ files, mode: 'anonymised' }, { now: new Date() }).report, 'json'), RUNS * 2);
console.log(`load at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
