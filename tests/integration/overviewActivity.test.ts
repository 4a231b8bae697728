import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/main/demo-data';
import { migrations } from '../../src/main/db/migrations';
import { addDays, dateOfTimestamp } from '../../src/shared/core/dates';
import { bucketOf, OVERVIEW_ITEM_LIMIT, overviewWeeks, type Overview, type OverviewItem } from '../../src/shared/overview';
import { createTestVault, type TestVault } from './helpers';

/**
 * Overblik at scale (issue 17): case reviews and inactive cases are counted and paged in SQL, the
 * latter on cases.last_activity_on, kept by triggers (migration 0021). Checked here against a
 * second, plain method: every case's last activity worked out in JavaScript from its rows (notes
 * on their Copenhagen date through Intl), and the whole Overblik list rebuilt from all open cases.
 */
const TODAY = '2026-12-02';
const NOW = new Date(`${TODAY}T09:00:00Z`);
let v: TestVault;
const db = () => v.ctx.vault.current.sqlite;

interface Row {
  id: number;
  caseNumber: string;
  openedOn: string;
  nextReviewOn: string | null;
  coordinator: string | null;
  last: string | null;
  status: string;
  anonymisedAt: string | null;
  name: string;
}

/** Last activity the plain way: opening, latest event, level change, note (its date in Copenhagen). */
function expectedLastActivity(caseId: number): string {
  const s = db();
  const opened = s.prepare(`SELECT opened_on FROM cases WHERE id = ?`).pluck().get(caseId) as string;
  const dates = [opened];
  for (const d of s.prepare(`SELECT occurred_on FROM case_events WHERE case_id = ?`).pluck().all(caseId) as string[]) dates.push(d);
  for (const d of s.prepare(`SELECT changed_on FROM case_level_changes WHERE case_id = ?`).pluck().all(caseId) as string[]) dates.push(d);
  for (const t of s.prepare(`SELECT written_at FROM case_notes WHERE case_id = ?`).pluck().all(caseId) as string[]) dates.push(dateOfTimestamp(t));
  return dates.sort().at(-1)!;
}

const allCases = () =>
  db()
    .prepare(
      `SELECT c.id, c.case_number AS caseNumber, c.opened_on AS openedOn, c.next_review_on AS nextReviewOn, c.coordinator, c.last_activity_on AS last,
              c.status, c.anonymised_at AS anonymisedAt, p.first_name || ' ' || p.last_name AS name
       FROM cases c JOIN people p ON p.id = c.person_id ORDER BY c.id`,
    )
    .all() as Row[];

beforeAll(async () => {
  v = await createTestVault({ now: () => NOW });
  seedDemoData(db(), { people: 1500, seed: 11, today: TODAY });
}, 120_000);
afterAll(() => v?.cleanup());

describe('cases.last_activity_on (triggers of migration 0021)', () => {
  it('equals the latest opening, event, level change or note of every seeded case', () => {
    const rows = allCases();
    expect(rows.length).toBeGreaterThan(1000);
    const wrong = rows.filter((r) => r.last !== expectedLastActivity(r.id));
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it('follows inserts, updates and deletes of events, level changes and notes, and a changed opening date', () => {
    const s = db();
    const c = allCases().find((r) => r.status === 'open' && r.anonymisedAt === null)!;
    const check = () => expect(s.prepare(`SELECT last_activity_on FROM cases WHERE id = ?`).pluck().get(c.id)).toBe(expectedLastActivity(c.id));
    const ev = s.prepare(`INSERT INTO case_events (case_id, kind, occurred_on, actor, created_at) VALUES (?, 'concern', '2026-11-30', 'Test', '2026-11-30T10:00:00.000Z')`).run(c.id);
    check();
    expect(s.prepare(`SELECT last_activity_on FROM cases WHERE id = ?`).pluck().get(c.id)).toBe('2026-11-30');
    s.prepare(`UPDATE case_events SET occurred_on = '2020-01-01' WHERE id = ?`).run(ev.lastInsertRowid);
    check();
    s.prepare(`INSERT INTO case_notes (case_id, author, written_at, text) VALUES (?, 'Test', '2026-12-01T23:30:00.000Z', 'Sent')`).run(c.id); // 00:30 on 2 December in Copenhagen
    check();
    expect(s.prepare(`SELECT last_activity_on FROM cases WHERE id = ?`).pluck().get(c.id)).toBe('2026-12-02');
    s.prepare(`DELETE FROM case_notes WHERE case_id = ?`).run(c.id);
    check();
    s.prepare(`DELETE FROM case_events WHERE case_id = ?`).run(c.id);
    check();
    s.prepare(`UPDATE cases SET opened_on = '2026-11-15' WHERE id = ?`).run(c.id);
    check();
    const lc = s.prepare(`SELECT id FROM case_level_changes WHERE case_id = ? ORDER BY id LIMIT 1`).pluck().get(c.id) as number;
    s.prepare(`UPDATE case_level_changes SET changed_on = '2026-11-20' WHERE id = ?`).run(lc);
    check();
  });

  it("reads a note's date in Copenhagen time, summer and winter, at every hour around the changes", () => {
    const s = db();
    const personId = s.prepare(`SELECT person_id FROM cases WHERE status = 'closed' LIMIT 1`).pluck().get() as number;
    const c = s.prepare(`SELECT id FROM cases WHERE person_id = ?`).pluck().get(personId) as number;
    s.prepare(`DELETE FROM case_events WHERE case_id = ?`).run(c);
    s.prepare(`DELETE FROM case_level_changes WHERE case_id = ?`).run(c);
    s.prepare(`DELETE FROM case_notes WHERE case_id = ?`).run(c);
    s.prepare(`UPDATE cases SET opened_on = '1990-01-01' WHERE id = ?`).run(c);
    const insert = s.prepare(`INSERT INTO case_notes (case_id, author, written_at, text) VALUES (?, 'Test', ?, 'x')`);
    const clear = s.prepare(`DELETE FROM case_notes WHERE case_id = ?`);
    const read = s.prepare(`SELECT last_activity_on FROM cases WHERE id = ?`).pluck();
    const stamps: string[] = [];
    for (let year = 2024; year <= 2031; year++) {
      for (const [month, from] of [[3, 24], [10, 24]] as const) {
        for (let day = from; day <= 31; day++) for (let hour = 0; hour < 24; hour++) stamps.push(new Date(Date.UTC(year, month - 1, day, hour, 30)).toISOString());
      }
      for (const [m, d] of [[1, 15], [6, 30], [12, 31]] as const) for (const hour of [21, 22, 23]) stamps.push(new Date(Date.UTC(year, m - 1, d, hour, 59, 59, 999)).toISOString());
    }
    const wrong: string[] = [];
    s.transaction(() => {
      for (const ts of stamps) {
        clear.run(c);
        insert.run(c, ts);
        if (read.get(c) !== dateOfTimestamp(ts)) wrong.push(ts);
      }
    })();
    expect(wrong).toEqual([]);
    expect(stamps.length).toBeGreaterThan(3000);
    // Late evening UTC really is the next day in Copenhagen for some of these.
    expect(stamps.filter((ts) => dateOfTimestamp(ts) !== ts.slice(0, 10)).length).toBeGreaterThan(100);
  });

  it("the migration's fill gives the same dates as the triggers", () => {
    const s = db();
    const before = allCases().map((r) => [r.id, r.last]);
    s.exec(`UPDATE cases SET last_activity_on = NULL`);
    const fill = migrations.find((m) => m.tag === '0021_case_last_activity')!.sql.split('--> statement-breakpoint').find((st) => st.includes('UPDATE cases SET last_activity_on') && !st.includes('CREATE TRIGGER'))!;
    s.exec(fill);
    expect(allCases().map((r) => [r.id, r.last])).toEqual(before);
  });
});

describe('Overblik counted and paged in SQL', () => {
  /** The whole list the plain way: every open case's review and inactivity, the other kinds as returned. */
  function expected(o: Overview, mine: string | null) {
    const weeks = overviewWeeks(TODAY);
    const days = o.inactiveWeeks * 7;
    const items: Pick<OverviewItem, 'key' | 'kind' | 'dueOn' | 'bucket'>[] = o.items.filter((i) => i.kind !== 'case-review' && i.kind !== 'inactive');
    const byKind: Record<string, Record<string, number>> = {};
    for (const r of allCases()) {
      if (r.status !== 'open' || r.anonymisedAt !== null || (mine !== null && r.coordinator !== mine)) continue;
      const add = (kind: 'case-review' | 'inactive', key: string, dueOn: string) => {
        const bucket = bucketOf(dueOn, weeks);
        if (!bucket) return;
        items.push({ key, kind, dueOn, bucket });
        ((byKind[kind] ??= { overdue: 0, thisWeek: 0, nextWeek: 0 })[bucket] as number)++;
      };
      if (r.nextReviewOn) add('case-review', `review:${r.id}`, r.nextReviewOn);
      add('inactive', `inactive:${r.id}`, addDays(expectedLastActivity(r.id), days));
    }
    return { items, byKind };
  }

  for (const scope of ['all', 'mine'] as const) {
    it(`${scope}: counts and the first ${OVERVIEW_ITEM_LIMIT} items per bucket match a plain rebuild`, async () => {
      const coordinator = db().prepare(`SELECT coordinator FROM cases WHERE status = 'open' AND coordinator IS NOT NULL GROUP BY coordinator ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string;
      if (scope === 'mine') Object.assign(v.ctx.vault.current.owner, { name: coordinator }); // "mine" is the vault owner's cases
      const o = await v.call<Overview>('overview.get', { scope, inactiveWeeks: 8 });
      const exp = expected(o, scope === 'mine' ? coordinator : null);
      for (const kind of ['case-review', 'inactive']) expect(o.countsByKind[kind] ?? { overdue: 0, thisWeek: 0, nextWeek: 0 }, kind).toEqual(exp.byKind[kind] ?? { overdue: 0, thisWeek: 0, nextWeek: 0 });
      if (scope === 'all') expect((exp.byKind.inactive?.overdue ?? 0) + (exp.byKind['case-review']?.overdue ?? 0)).toBeGreaterThan(OVERVIEW_ITEM_LIMIT); // the paging is exercised
      // The returned list: by due date, at most OVERVIEW_ITEM_LIMIT per bucket.
      for (let i = 1; i < o.items.length; i++) if (o.items[i]!.bucket === o.items[i - 1]!.bucket) expect(o.items[i]!.dueOn >= o.items[i - 1]!.dueOn).toBe(true);
      for (const b of ['overdue', 'thisWeek', 'nextWeek'] as const) expect(o.items.filter((i) => i.bucket === b).length).toBe(Math.min(OVERVIEW_ITEM_LIMIT, o.counts[b]));
      const inResult = new Set(o.items.map((i) => i.key));
      for (const i of exp.items) {
        if (i.kind !== 'case-review' && i.kind !== 'inactive') continue;
        const sameBucket = o.items.filter((x) => x.bucket === i.bucket);
        const last = sameBucket.at(-1);
        const full = sameBucket.length === OVERVIEW_ITEM_LIMIT;
        // Every review/inactive item is shown unless its bucket is full and it sorts after the last shown.
        if (!full || !last || i.dueOn < last.dueOn) expect(inResult.has(i.key), i.key).toBe(true);
      }
      for (const i of o.items) if (i.kind === 'case-review' || i.kind === 'inactive') expect(exp.items.find((x) => x.key === i.key)?.dueOn, i.key).toBe(i.dueOn);
    });
  }
});

describe('the caseload chart on the seeded vault (overview.caseload), against a second, plain method', () => {
  it('every month of both scopes matches an SQL count of the cases open at the month end and their level then', async () => {
    const s = db();
    // Plain method: for a date, each case's latest status change and latest level change on or
    // before it (ties broken by id, as entered), counted in SQL.
    const countAt = (on: string, me: string | null) =>
      s
        .prepare(
          `SELECT lv.level AS level, count(*) AS n FROM cases c
           JOIN case_status_changes st ON st.id = (SELECT id FROM case_status_changes WHERE case_id = c.id AND changed_on <= @on ORDER BY changed_on DESC, id DESC LIMIT 1)
           JOIN case_level_changes lv ON lv.id = (SELECT id FROM case_level_changes WHERE case_id = c.id AND changed_on <= @on ORDER BY changed_on DESC, id DESC LIMIT 1)
           WHERE c.anonymised_at IS NULL AND st.kind != 'closed' AND (@me IS NULL OR c.coordinator = @me)
           GROUP BY lv.level`,
        )
        .all({ on, me }) as { level: number; n: number }[];
    const me = v.ctx.vault.current.owner.name;
    for (const scope of ['all', 'mine'] as const) {
      const chart = await v.call<{ months: { month: string; levels: number[] }[] }>('overview.caseload', { scope });
      expect(chart.months).toHaveLength(12);
      let total = 0;
      for (const m of chart.months) {
        const [y, mo] = m.month.split('-').map(Number) as [number, number];
        const monthEnd = addDays(`${m.month}-01`, new Date(Date.UTC(y, mo, 0)).getUTCDate() - 1);
        const on = monthEnd > TODAY ? TODAY : monthEnd;
        const expected = [0, 0, 0, 0];
        for (const r of countAt(on, scope === 'mine' ? me : null)) expected[r.level - 1] = r.n;
        expect(m.levels, `${scope} ${m.month}`).toEqual(expected);
        total += expected.reduce((a, b) => a + b, 0);
      }
      if (scope === 'all') expect(total).toBeGreaterThan(1000);
    }
  });
});
