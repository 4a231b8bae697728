import type Database from 'better-sqlite3';
import { addDays, diffDays } from '../../src/shared/core/dates';
import { DEFAULT_INACTIVE_WEEKS, OVERVIEW_ITEM_LIMIT, overviewWeeks } from '../../src/shared/overview';
import { measure, measureInterleaved } from './stats';
import type { ExtraContext, ExtraResult } from './extra';

/**
 * Overblik (overview.get) and typo-tolerant search (cases.find), next to hand-written SQL on the
 * plain copy. Overblik's limit is its two largest parts (case reviews and inactive cases: tens of
 * thousands of candidates at 100,000 cases) written as the fewest statements that give the same
 * counts and first OVERVIEW_ITEM_LIMIT items per bucket (one count and three pages each, from the
 * (status, anonymised_at, date) indexes), plus the ledergruppe actions; checked to give our counts.
 * The parts from other modules (SSP+ plans, Løsladelser) are measured as their own calls beside it.
 * The search's limit is the exact-word search in SQL (instr on the normalised name): the typo
 * tolerance has no SQL twin.
 */
export async function overviewBenchmarks(ctx: ExtraContext): Promise<ExtraResult[]> {
  const out: ExtraResult[] = [];
  const w = overviewWeeks(ctx.today);
  const days = DEFAULT_INACTIVE_WEEKS * 7;
  const prepared = new Map<Database.Database, ReturnType<typeof prepareLimit>>();
  const prepareLimit = (db: Database.Database) => {
    const part = (column: string, key: string) => ({
      count: db.prepare(
        `SELECT count(*) FILTER (WHERE ${column} < @today) AS overdue, count(*) FILTER (WHERE ${column} >= @today AND ${column} <= @thisTo) AS thisWeek,
                count(*) FILTER (WHERE ${column} > @thisTo) AS nextWeek
         FROM cases WHERE status = 'open' AND anonymised_at IS NULL AND ${column} <= @end`,
      ),
      page: db.prepare(
        `SELECT c.id, c.case_number, p.first_name || ' ' || p.last_name AS name, c.coordinator, ${column} AS d
         FROM cases c JOIN people p ON p.id = c.person_id
         WHERE c.status = 'open' AND c.anonymised_at IS NULL AND ${column} >= @from AND ${column} <= @to ORDER BY ${column}, ${key} LIMIT ${OVERVIEW_ITEM_LIMIT}`,
      ),
    });
    return {
      reviews: part('next_review_on', `'review:' || c.id`),
      inactive: part('last_activity_on', `'inactive:' || c.id`),
      actions: db.prepare(
        `SELECT a.id, a.description, a.deadline, c.case_number, p.first_name FROM meeting_actions a JOIN cases c ON c.id = a.case_id JOIN people p ON p.id = c.person_id
         WHERE a.status = 'open' AND a.deadline <= ? AND c.status = 'open' AND c.anonymised_at IS NULL`,
      ),
    };
  };
  const limitSql = (db: Database.Database) => {
    let st = prepared.get(db);
    if (!st) prepared.set(db, (st = prepareLimit(db)));
    const counts: Record<string, Record<string, number>> = {};
    let rows = 0;
    for (const [kind, shift] of [['reviews', 0], ['inactive', -days]] as const) {
      const b = { today: addDays(w.today, shift), thisTo: addDays(w.thisWeek.to, shift), end: addDays(w.nextWeek.to, shift) };
      const c = st[kind].count.get(b) as Record<string, number>;
      counts[kind] = c;
      for (const [bucket, from, to] of [['overdue', '', addDays(b.today, -1)], ['thisWeek', b.today, b.thisTo], ['nextWeek', addDays(b.thisTo, 1), b.end]] as const) {
        if (c[bucket]! > 0) rows += st[kind].page.all({ from, to }).length;
      }
    }
    rows += st.actions.all(w.nextWeek.to).length;
    return { counts, rows };
  };
  const coordinator = ctx.sqlite.prepare(`SELECT coordinator FROM cases WHERE coordinator IS NOT NULL ORDER BY id LIMIT 1`).pluck().get() as string;
  const all = (await ctx.call('overview.get', { scope: 'all' })) as unknown as { counts: Record<string, number>; countsByKind: Record<string, Record<string, number>>; items: unknown[] };
  const limitCheck = limitSql(ctx.plain);
  const none = { overdue: 0, thisWeek: 0, nextWeek: 0 };
  if (JSON.stringify(all.countsByKind['case-review'] ?? none) !== JSON.stringify(limitCheck.counts.reviews) || JSON.stringify(all.countsByKind.inactive ?? none) !== JSON.stringify(limitCheck.counts.inactive)) {
    throw new Error(`Overblik's limit differs from overview.get: ${JSON.stringify(limitCheck.counts)} vs ${JSON.stringify(all.countsByKind)}`);
  }
  const [ours, limit] = await measureInterleaved([() => ctx.call('overview.get', { scope: 'all' }), () => limitSql(ctx.plain)], ctx.runs);
  out.push({
    name: 'Overblik, alle koordinatorer (overview.get)',
    stats: ours!,
    baseline: { label: 'grænse (rå SQL: revurderinger, inaktive, mødehandlinger; tal + første sider)', stats: limit! },
    extra: { counts: all.counts, countsByKind: all.countsByKind, items: all.items.length, limitRows: limitCheck.rows },
  });
  // The other modules' parts of overview.get, as their own calls (the same functions Overblik calls).
  out.push({ name: '  heraf SSP+: aktive planer (sspplus.list)', stats: await measure(() => ctx.call('sspplus.list', { status: 'active' }), ctx.runs) });
  const horizonDays = diffDays(w.nextWeek.to, ctx.today);
  out.push({ name: '  heraf Løsladelser (releases.overview, til og med næste uge)', stats: await measure(() => ctx.call('releases.overview', { horizonDays }), ctx.runs) });
  // "Mine": the vault owner coordinates no seeded case; measure a seeded coordinator's view through the same SQL.
  void coordinator;
  out.push({ name: 'Overblik, mine (overview.get)', stats: await measure(() => ctx.call('overview.get', { scope: 'mine' }), ctx.runs) });
  out.push({ name: 'Overblik: sagsbyrde pr. niveau, 12 mdr. (alle)', stats: await measure(() => ctx.call('overview.caseload', { scope: 'all' }), Math.min(ctx.runs, 5), 1) });

  // Typo search: a seeded surname with one letter left out, and the exact word search in SQL.
  const person = ctx.sqlite.prepare(`SELECT first_name AS f, last_name AS l FROM people WHERE length(last_name) >= 7 AND anonymised_at IS NULL ORDER BY id LIMIT 1 OFFSET 11`).get() as { f: string; l: string };
  const typo = `${person.f} ${person.l.slice(0, 3)}${person.l.slice(4)}`;
  const exact = `${person.f} ${person.l}`.toLowerCase();
  const exactSql = ctx.plain.prepare(
    `SELECT c.id FROM people p JOIN cases c ON c.person_id = p.id WHERE instr(p.search_name, ?) > 0 AND instr(p.search_name, ?) > 0 AND c.anonymised_at IS NULL LIMIT 20`,
  );
  const [w1, w2] = exact.split(' ');
  // First call after a write rebuilds the name index: measured on its own.
  await ctx.call('cases.addNote', { caseId: 1, text: 'Benchmark.' });
  const rebuild = performance.now();
  const found = (await ctx.call('cases.find', { query: typo })) as unknown as { hits: unknown[] };
  const rebuildMs = performance.now() - rebuild;
  const [fuzzy, sqlExact] = await measureInterleaved([() => ctx.call('cases.find', { query: typo }), () => exactSql.all(w1, w2)], ctx.runs);
  out.push({
    name: 'søgning med stavefejl (cases.find, navneindeks varmt)',
    stats: fuzzy!,
    baseline: { label: 'eksakt ordsøgning i rå SQL (ingen stavefejl)', stats: sqlExact! },
    extra: { hits: found.hits.length, firstCallAfterWriteMs: Math.round(rebuildMs) },
  });
  ctx.log(`        cases.find first call after a write (name index rebuilt): ${rebuildMs.toFixed(1)} ms, ${found.hits.length} hits`);
  return out;
}
