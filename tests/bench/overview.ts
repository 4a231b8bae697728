import type Database from 'better-sqlite3';
import { addDays } from '../../src/shared/core/dates';
import { overviewWeeks } from '../../src/shared/overview';
import { measure, measureInterleaved } from './stats';
import type { ExtraContext, ExtraResult } from './extra';

/**
 * Overblik (overview.get) and typo-tolerant search (cases.find), next to hand-written SQL on the
 * plain copy. Overblik's limit is its three largest parts written as one SQL statement each
 * (case reviews, ledergruppe actions, inactive cases, all coordinators, to the end of next week);
 * the other kinds (SSP+, releases, birthdays) touch a few hundred rows. The search's limit is the
 * exact-word search in SQL (instr on the normalised name): the typo tolerance has no SQL twin.
 */
export async function overviewBenchmarks(ctx: ExtraContext): Promise<ExtraResult[]> {
  const out: ExtraResult[] = [];
  const w = overviewWeeks(ctx.today);
  const end = w.nextWeek.to;
  const cutoff = addDays(end, -8 * 7);
  const limitSql = (db: Database.Database) => {
    const reviews = db
      .prepare(`SELECT c.id, c.case_number, p.first_name, p.last_name, c.next_review_on FROM cases c JOIN people p ON p.id = c.person_id WHERE c.status = 'open' AND c.anonymised_at IS NULL AND c.next_review_on <= ?`)
      .all(end);
    const actions = db
      .prepare(`SELECT a.id, a.description, a.deadline, c.case_number, p.first_name FROM meeting_actions a JOIN cases c ON c.id = a.case_id JOIN people p ON p.id = c.person_id WHERE a.status = 'open' AND a.deadline <= ? AND c.status = 'open'`)
      .all(end);
    const inactive = db
      .prepare(
        `SELECT c.id FROM cases c WHERE c.status = 'open' AND c.anonymised_at IS NULL AND c.opened_on <= @cutoff
           AND coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = c.id), '') <= @cutoff
           AND coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = c.id), '') <= @cutoff
           AND coalesce((SELECT max(substr(n.written_at, 1, 10)) FROM case_notes n WHERE n.case_id = c.id), '') <= @cutoff`,
      )
      .all({ cutoff });
    return reviews.length + actions.length + inactive.length;
  };
  const coordinator = ctx.sqlite.prepare(`SELECT coordinator FROM cases WHERE coordinator IS NOT NULL ORDER BY id LIMIT 1`).pluck().get() as string;
  const all = (await ctx.call('overview.get', { scope: 'all' })) as unknown as { counts: Record<string, number> };
  const [ours, limit] = await measureInterleaved([() => ctx.call('overview.get', { scope: 'all' }), () => limitSql(ctx.plain)], ctx.runs);
  out.push({
    name: 'Overblik, alle koordinatorer (overview.get)',
    stats: ours!,
    baseline: { label: 'grænse (rå SQL: revurderinger, mødehandlinger, inaktive)', stats: limit! },
    extra: { counts: all.counts, limitRows: limitSql(ctx.plain) },
  });
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
