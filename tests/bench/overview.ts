import type Database from 'better-sqlite3';
import { addDays, addMonths, birthdayOf, diffDays } from '../../src/shared/core/dates';
import { birthDateRange, DEFAULT_INACTIVE_WEEKS, OVERVIEW_ITEM_LIMIT, overviewWeeks } from '../../src/shared/overview';
import { seventeenAndHalfDate, twentyFifthBirthday } from '../../src/shared/ssp-plus';
import { measure, measureInterleaved } from './stats';
import type { ExtraContext, ExtraResult } from './extra';

/**
 * Overblik (overview.get) and typo-tolerant search (cases.find), next to hand-written SQL on the
 * plain copy. Overblik's limit is its two largest parts (case reviews and inactive cases: tens of
 * thousands of candidates at 100,000 cases) written as the fewest statements that give the same
 * counts and first OVERVIEW_ITEM_LIMIT items per bucket (one count and three pages each, from the
 * (status, anonymised_at, date) indexes), plus the ledergruppe actions; checked to give our counts.
 * The parts from other modules (SSP+ plans, Løsladelser) are measured as their own calls beside it.
 * Since Overblik reads only due items (issue 17, the rest), a second limit is every statement
 * Overblik runs, hand-written on the plain copy with the same parameters and no JavaScript rules:
 * range counts and index-only pages for reviews and inactive cases, the names of the listed ones,
 * the actions of all three modules, SSP+ follow-ups, active plans and their scheduled reviews, Exit
 * follow-ups, the custody periods that can be due with their meetings and follow-ups, and the three birthday windows.
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
  // Our answer is checked against the limit on the vault's own connection: the plain copy (where
  // the limits are timed) was made before the write benchmarks, whose notes move some cases' last
  // activity at the smaller sizes; the floor is checked against the limit on the plain copy.
  const limitCheck = limitSql(ctx.sqlite as unknown as Database.Database);
  const none = { overdue: 0, thisWeek: 0, nextWeek: 0 };
  if (JSON.stringify(all.countsByKind['case-review'] ?? none) !== JSON.stringify(limitCheck.counts.reviews) || JSON.stringify(all.countsByKind.inactive ?? none) !== JSON.stringify(limitCheck.counts.inactive)) {
    throw new Error(`Overblik's limit differs from overview.get: ${JSON.stringify(limitCheck.counts)} vs ${JSON.stringify(all.countsByKind)}`);
  }
  const floor = overviewSqlFloor(ctx.plain, ctx.today, all as unknown as Listed);
  const floorCheck = floor();
  const plainLimit = limitSql(ctx.plain);
  if (JSON.stringify(floorCheck.counts.reviews) !== JSON.stringify(plainLimit.counts.reviews) || JSON.stringify(floorCheck.counts.inactive) !== JSON.stringify(plainLimit.counts.inactive)) {
    throw new Error(`Overblik's SQL floor differs from the limit: ${JSON.stringify(floorCheck.counts)} vs ${JSON.stringify(plainLimit.counts)}`);
  }
  const [ours, limit, sqlFloor] = await measureInterleaved([() => ctx.call('overview.get', { scope: 'all' }), () => limitSql(ctx.plain), () => floor()], ctx.runs);
  out.push({
    name: 'Overblik, alle koordinatorer (overview.get)',
    stats: ours!,
    baseline: { label: 'grænse (rå SQL: alle Overbliks forespørgsler, ingen JS-regler)', stats: sqlFloor! },
    extra: { counts: all.counts, countsByKind: all.countsByKind, items: all.items.length, floorRows: floorCheck.rows },
  });
  out.push({
    name: '  gammel grænse: revurderinger, inaktive, mødehandlinger (FILTER)',
    stats: limit!,
    extra: { limitRows: limitCheck.rows },
  });
  // The other modules' parts of overview.get, as their own calls (the same functions Overblik calls).
  // The two modules' whole screens, which Overblik called before its due-items-only queries (issue 17).
  out.push({ name: '  SSP+-skærmen: aktive planer (sspplus.list; ikke i Overblik)', stats: await measure(() => ctx.call('sspplus.list', { status: 'active' }), ctx.runs) });
  const horizonDays = diffDays(w.nextWeek.to, ctx.today);
  out.push({ name: '  Løsladelser-skærmen (releases.overview; ikke i Overblik)', stats: await measure(() => ctx.call('releases.overview', { horizonDays }), ctx.runs) });
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

type Listed = { items: { kind: string; bucket: string; dueOn: string; target: { kind: string; caseId?: number } }[] };

/**
 * Every SQL statement overview.get runs for "alle", hand-written on the plain copy with the same
 * parameters, rows read and dropped: the floor for Overblik without its JavaScript rules (SSP+'s
 * review grid, Løsladelser's timeline, birthdays' month-end rule, the merge and sort). Since
 * issue 17's last step: counts summed from open_case_date_counts, the Løsladelser candidates
 * evaluated once, the birthday windows' exact birth ranges, and each review/inactivity page read
 * only up to the last item of its kind that overview.get listed in that bucket (the fewest rows
 * any method must read: overview.get itself finds that bound from the per-date counts). The names
 * are read for the case ids overview.get listed (the same number of lookups).
 */
function overviewSqlFloor(db: Database.Database, today: string, listed: Listed) {
  const w = overviewWeeks(today);
  const end = w.nextWeek.to;
  const days = DEFAULT_INACTIVE_WEEKS * 7;
  const open = `c.status = 'open' AND c.anonymised_at IS NULL`;
  const dateCount = db.prepare(`SELECT coalesce(sum(n), 0) FROM open_case_date_counts WHERE kind = ? AND on_date >= ? AND on_date <= ?`).pluck();
  const range = (index: string, column: string, key: string, kind: string) => ({
    count: { get: (from: string, to: string) => dateCount.get(kind, from, to) },
    page: db.prepare(`SELECT c.id, ${column} FROM cases c INDEXED BY ${index} WHERE ${open} AND ${column} >= ? AND ${column} <= ? ORDER BY ${column}, ${key} LIMIT ${OVERVIEW_ITEM_LIMIT}`),
  });
  const reviews = range('cases_active_review_idx', 'c.next_review_on', `'review:' || c.id`, 'review');
  const inactive = range('cases_active_activity_idx', 'c.last_activity_on', `'inactive:' || c.id`, 'activity');
  // The last listed due date per kind and bucket: the page reads up to it.
  const lastListed = new Map<string, string>();
  for (const i of listed.items) if (i.kind === 'case-review' || i.kind === 'inactive') lastListed.set(`${i.kind}:${i.bucket}`, i.dueOn);
  const names = db.prepare(`SELECT c.id, c.case_number, p.first_name || ' ' || p.last_name, c.coordinator FROM json_each(?) j JOIN cases c ON c.id = j.value JOIN people p ON p.id = c.person_id`);
  const ids = JSON.stringify([...new Set(listed.items.filter((i) => i.kind === 'case-review' || i.kind === 'inactive').map((i) => i.target.caseId))]);
  const cols = `c.id, c.case_number, p.first_name || ' ' || p.last_name, c.coordinator`;
  const others = [
    ...['meeting_actions', 'case_actions'].map((t) =>
      db.prepare(`SELECT ${cols}, a.id, a.description, a.partner, a.deadline FROM ${t} a JOIN cases c ON c.id = a.case_id JOIN people p ON p.id = c.person_id WHERE a.status = 'open' AND a.deadline <= @end AND ${open}`),
    ),
    db.prepare(
      `SELECT ri.id, ri.description, ri.owner, ri.deadline, rm.custody_id, p.first_name || ' ' || p.last_name, c.case_number, c.coordinator
       FROM release_action_items ri JOIN release_meetings rm ON rm.id = ri.meeting_id JOIN custody_periods cp ON cp.id = rm.custody_id
       JOIN people p ON p.id = cp.person_id LEFT JOIN cases c ON c.person_id = cp.person_id AND c.status = 'open'
       WHERE ri.status = 'open' AND ri.done_on IS NULL AND ri.deadline IS NOT NULL AND ri.deadline <= @end AND p.anonymised_at IS NULL`,
    ),
    db.prepare(
      `SELECT a.id, a.description, a.deadline, pl.id, pl.coordinator, p.first_name || ' ' || p.last_name, c.case_number, pa.name
       FROM sspplus_actions a JOIN sspplus_plans pl ON pl.id = a.plan_id JOIN people p ON p.id = pl.person_id JOIN cases c ON c.id = pl.case_id
       LEFT JOIN sspplus_partners pa ON pa.id = a.partner_id
       WHERE pl.status = 'active' AND a.status IN ('planned', 'in-progress') AND a.deadline IS NOT NULL AND a.deadline <= @end`,
    ),
    db.prepare(
      `SELECT f.id, f.months, f.due_on, pl.id, pl.coordinator, p.first_name || ' ' || p.last_name, c.case_number
       FROM sspplus_follow_ups f JOIN sspplus_plans pl ON pl.id = f.plan_id JOIN people p ON p.id = pl.person_id JOIN cases c ON c.id = pl.case_id
       WHERE pl.status = 'ended' AND f.outcome IS NULL AND f.due_on <= @end AND p.anonymised_at IS NULL`,
    ),
    db.prepare(
      `SELECT pl.id, pl.person_id, p.first_name, p.last_name, c.case_number, pl.coordinator, pl.start_date, pl.review_interval_months, p.birth_date
       FROM sspplus_plans pl JOIN people p ON p.id = pl.person_id JOIN cases c ON c.id = pl.case_id WHERE pl.status = 'active' ORDER BY pl.id`,
    ),
    db.prepare(`SELECT r.plan_id, r.held_on FROM sspplus_reviews r JOIN sspplus_plans pl ON pl.id = r.plan_id WHERE pl.status = 'active' AND r.kind = 'scheduled'`),
    db.prepare(
      `SELECT e.id, e.end_on, ${cols} FROM exit_courses e CROSS JOIN people p ON p.id = e.person_id
       CROSS JOIN cases c ON c.id = (SELECT k.id FROM cases k WHERE k.person_id = e.person_id AND k.anonymised_at IS NULL ORDER BY k.status = 'open' DESC, k.opened_on DESC, k.id DESC LIMIT 1)
       WHERE e.status != 'active' AND e.end_on IS NOT NULL AND e.follow_up_recorded_on IS NULL AND e.end_on <= @exitEnd AND p.anonymised_at IS NULL`,
    ),
  ];
  const candidates = db.prepare(`SELECT cp.id FROM custody_periods cp WHERE cp.released_on IS NULL AND coalesce(cp.parole_on, cp.expected_release_on) <= @unreleasedUntil
      UNION ALL
      SELECT cp.id FROM custody_periods cp WHERE cp.released_on >= @since AND cp.released_on <= @until3
        AND ((cp.released_on <= @until3 AND NOT EXISTS (SELECT 1 FROM release_followups f WHERE f.custody_id = cp.id AND f.months = 3))
          OR (cp.released_on <= @until6 AND NOT EXISTS (SELECT 1 FROM release_followups f WHERE f.custody_id = cp.id AND f.months = 6))
          OR (cp.released_on <= @until12 AND NOT EXISTS (SELECT 1 FROM release_followups f WHERE f.custody_id = cp.id AND f.months = 12)))`).pluck();
  const releases = [
    db.prepare(`SELECT cp.*, p.first_name, p.last_name FROM json_each(?) j JOIN custody_periods cp ON cp.id = j.value JOIN people p ON p.id = cp.person_id`),
    db.prepare(`SELECT m.id, m.custody_id, m.kind, m.held_on, m.place FROM release_meetings m WHERE m.custody_id IN (SELECT value FROM json_each(?)) ORDER BY m.held_on, m.id`),
    db.prepare(`SELECT f.custody_id, f.months, f.outcome, f.new_charge, f.recorded_on, f.due_on FROM release_followups f WHERE f.custody_id IN (SELECT value FROM json_each(?))`),
  ];
  const releaseBounds = {
    unreleasedUntil: addDays(addMonths(end, 1), 4),
    since: addMonths(today, -24),
    until3: addDays(addMonths(end, -3), 4),
    until6: addDays(addMonths(end, -6), 4),
    until12: addDays(addMonths(end, -12), 4),
  };
  const birth = (extra: string) =>
    db.prepare(`SELECT ${cols}, p.birth_date FROM people p JOIN cases c ON c.person_id = p.id WHERE p.birth_date BETWEEN ? AND ? AND ${open}${extra}`);
  const birthdays: [Database.Statement, { from: string; to: string }][] = [
    [birth(` AND c.level IN (3, 4) AND NOT EXISTS (SELECT 1 FROM sspplus_plans pl WHERE pl.person_id = p.id AND pl.status = 'active')`), birthDateRange(today, end, 17 * 12 + 6, seventeenAndHalfDate)],
    [birth(''), birthDateRange(today, end, 18 * 12, (b) => birthdayOf(b, 18))],
    [birth(''), birthDateRange(today, end, 25 * 12, twentyFifthBirthday)],
  ];
  const anyOpen = db.prepare(`SELECT 1 FROM cases WHERE status = 'open' AND anonymised_at IS NULL LIMIT 1`);
  return () => {
    const counts: Record<string, Record<string, number>> = {};
    let rows = 0;
    for (const [kind, st, shift, listedKind] of [['reviews', reviews, 0, 'case-review'], ['inactive', inactive, -days, 'inactive']] as const) {
      const b = { today: addDays(w.today, shift), thisTo: addDays(w.thisWeek.to, shift), end: addDays(w.nextWeek.to, shift) };
      const c: Record<string, number> = {};
      for (const [bucket, from, to] of [['overdue', '', addDays(b.today, -1)], ['thisWeek', b.today, b.thisTo], ['nextWeek', addDays(b.thisTo, 1), b.end]] as const) {
        c[bucket] = st.count.get(from, to) as number;
        const last = lastListed.get(`${listedKind}:${bucket}`);
        if (last !== undefined) rows += st.page.all(from, addDays(last, shift)).length;
      }
      counts[kind] = c;
    }
    rows += names.all(ids).length;
    for (const [i, st] of others.entries()) rows += (i < others.length - 3 ? st.all({ end }) : i === others.length - 1 ? st.all({ exitEnd: addDays(addMonths(end, -24), 3) }) : st.all()).length;
    const custodyIds = JSON.stringify(candidates.all(releaseBounds));
    for (const st of releases) rows += st.all(custodyIds).length;
    for (const [st, range] of birthdays) rows += st.all(range.from, range.to).length;
    rows += anyOpen.all().length;
    return { counts, rows };
  };
}
