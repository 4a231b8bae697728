import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/main/demo-data';
import { createTestVault, type TestVault } from './helpers';

/**
 * open_case_date_counts (migration 0028): per date, how many open cases have it as their next
 * review and as their last activity, kept by triggers on cases; Overblik "alle" sums it instead of
 * counting tens of thousands of index entries. Checked against a direct GROUP BY over cases after
 * seeding (the seeder's inserts, then the activity triggers' updates of the same rows), after every
 * kind of write the app makes to a case, after raw SQL writes (anonymising an open case, deleting
 * one), and the migration's own fill statements on a vault whose table was emptied.
 */
const now = new Date('2026-12-02T09:00:00Z');
let v: TestVault;
const db = () => v.ctx.vault.current.sqlite;

beforeAll(async () => {
  v = await createTestVault({ now: () => now });
  seedDemoData(db(), { people: 300, seed: 5, today: '2026-12-02' });
}, 120_000);
afterAll(() => v?.cleanup());

/** Direct counts (a second, plain method) and the table, both without zero rows, as sorted lists. */
function both() {
  const direct = db()
    .prepare(
      `SELECT 'activity' AS kind, last_activity_on AS onDate, count(*) AS n FROM cases WHERE status = 'open' AND anonymised_at IS NULL AND last_activity_on IS NOT NULL GROUP BY last_activity_on
       UNION ALL
       SELECT 'review', next_review_on, count(*) FROM cases WHERE status = 'open' AND anonymised_at IS NULL AND next_review_on IS NOT NULL GROUP BY next_review_on
       ORDER BY 1, 2`,
    )
    .all();
  const table = db().prepare(`SELECT kind, on_date AS onDate, n FROM open_case_date_counts WHERE n != 0 ORDER BY 1, 2`).all();
  return { direct, table };
}

function expectSame(label: string) {
  const { direct, table } = both();
  expect(direct.length, label).toBeGreaterThan(0);
  expect(table, label).toEqual(direct);
  expect(db().prepare(`SELECT count(*) FROM open_case_date_counts WHERE n < 0`).pluck().get(), label).toBe(0);
}

describe('open_case_date_counts: open cases per review date and per last-activity date', () => {
  it('matches a direct count after seeding', () => {
    expectSame('seeded');
    const open = db().prepare(`SELECT count(*) FROM cases WHERE status = 'open' AND anonymised_at IS NULL AND next_review_on IS NOT NULL`).pluck().get() as number;
    expect(db().prepare(`SELECT sum(n) FROM open_case_date_counts WHERE kind = 'review'`).pluck().get()).toBe(open);
  });

  it('follows every write the app makes to a case', async () => {
    const opened = await v.call<{ id: number }>('cases.open', {
      person: { firstName: 'Tæsta', lastName: 'Ømandsen', birthDate: '2011-04-03' },
      level: 2,
      reason: 'Bekymring',
      openedOn: '2026-11-20',
      nextReviewOn: '2026-12-09',
    });
    expectSame('opened');
    await v.call('cases.addNote', { caseId: opened.id, text: 'Samtale.' });
    expectSame('note');
    await v.call('cases.addEvent', { caseId: opened.id, kind: 'charge', occurredOn: '2026-11-28', offenceCategory: 'theft' });
    expectSame('event');
    await v.call('cases.changeLevel', { caseId: opened.id, level: 3, changedOn: '2026-11-29', reason: 'Gentagen', nextReviewOn: '2026-12-16' });
    expectSame('level');
    await v.call('cases.update', { caseId: opened.id, nextReviewOn: '2026-12-01' });
    expectSame('review date');
    await v.call('cases.close', { caseId: opened.id, closedOn: '2026-12-01', reason: 'concern-ended' });
    expectSame('closed');
    await v.call('cases.reopen', { caseId: opened.id, reopenedOn: '2026-12-02', reason: 'Ny bekymring' });
    expectSame('reopened');
    // A seeded open case: its review date moved, then a note on it.
    const seeded = db().prepare(`SELECT id FROM cases WHERE status = 'open' AND next_review_on IS NOT NULL ORDER BY id LIMIT 1`).pluck().get() as number;
    await v.call('cases.update', { caseId: seeded, nextReviewOn: '2027-01-15' });
    await v.call('cases.addNote', { caseId: seeded, text: 'Opfølgning.' });
    expectSame('seeded case');
  });

  it('follows raw SQL writes too: an open case anonymised, a case and an event deleted', () => {
    const [a, b] = db().prepare(`SELECT id FROM cases WHERE status = 'open' AND anonymised_at IS NULL ORDER BY id DESC LIMIT 2`).pluck().all() as number[];
    db().prepare(`UPDATE cases SET anonymised_at = '2026-12-02T09:00:00.000Z' WHERE id = ?`).run(a);
    expectSame('anonymised');
    db().prepare(`DELETE FROM case_events WHERE case_id = ?`).run(b);
    expectSame('events deleted');
    db().pragma('foreign_keys = OFF');
    try {
      db().prepare(`DELETE FROM cases WHERE id = ?`).run(b);
    } finally {
      db().pragma('foreign_keys = ON');
    }
    expectSame('deleted');
  });

  it("the migration's fill gives the same table", () => {
    const sql = readFileSync(join(__dirname, '../../src/main/db/migrations/0028_open_case_date_counts.sql'), 'utf8');
    const fills = sql
      .split('--> statement-breakpoint')
      .map((st) => st.replace(/^\s*--.*$/gm, '').trim())
      .filter((st) => st.startsWith('INSERT INTO open_case_date_counts'));
    expect(fills).toHaveLength(2);
    const before = both().table;
    db().exec('DELETE FROM open_case_date_counts');
    for (const st of fills) db().exec(st);
    expect(both().table).toEqual(before);
    expectSame('refilled');
  });
});
