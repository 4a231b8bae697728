import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/main/demo-data';
import { computeExactTables, reportQueries, type ReportScope } from '../../src/main/semiannual-report/compute';
import { timelineOf } from '../../src/main/semiannual-report/timeline';
import { addDays, halfYearPeriod, previousPeriods } from '../../src/shared/core/dates';
import { createTestVault, type TestVault } from './helpers';
import { sqlReportQueries } from './report-sql-reference';

/**
 * The report's case counts from the in-memory timeline (timeline.ts, issue 16's performance step)
 * against the SQL they were computed with before (report-sql-reference.ts: a correlated lookup
 * per case of its status, level and district on the day), on 1,500 seeded people plus the cases
 * the seed does not make: same-day changes whose order by id differs from their order in the
 * covering index (by value), a district history that starts after the opening or has a row
 * without a district, people without sex or birth date, a birthday on the period's last day, and
 * cases handed over to and received from another vault. Every half-year from 2022 through 2026.
 */
const TODAY = '2026-08-15';
let v: TestVault;
const db = () => v.ctx.vault.current.sqlite;
const PERIODS = ['2026-H2', ...previousPeriods('2026-H2', 9)];

let districts: { id: number; name: string }[];
const scopeOf = (period: string): ReportScope => ({ ...halfYearPeriod(period), today: TODAY, districts });

/**
 * Rows in one order, groups with the same key added up (the queries give groups in any order, and
 * the SQL gave active cases by birth year, not band: several rows per band).
 */
function canonical(rows: readonly object[]): string[] {
  const sums = new Map<string, number>();
  for (const row of rows as Record<string, unknown>[]) {
    const counts = Object.entries(row).filter(([k, n]) => typeof n === 'number' && k !== 'districtId' && k !== 'level');
    const key = JSON.stringify(Object.entries(row).filter(([k]) => !counts.some(([c]) => c === k)));
    for (const [c, n] of counts) sums.set(`${key}|${c}`, (sums.get(`${key}|${c}`) ?? 0) + (n as number));
  }
  return [...sums].filter(([, n]) => n !== 0).map(([k, n]) => `${k}=${n}`).sort();
}

const edge: Record<string, number> = {};

beforeAll(async () => {
  v = await createTestVault({ now: () => new Date(`${TODAY}T10:00:00Z`) });
  seedDemoData(db(), { people: 1500, seed: 5, today: TODAY });
  districts = db().prepare(`SELECT id, name FROM districts ORDER BY sort_order, id`).all() as { id: number; name: string }[];
  const [d1, d2, d3] = districts.map((d) => d.id) as [number, number, number];
  // Open cases opened in 2024 (status 'opened' then nothing), one per edge case.
  const picks = db()
    .prepare(
      `SELECT c.id, c.person_id AS personId FROM cases c WHERE c.status = 'open' AND c.opened_on BETWEEN '2024-01-01' AND '2024-06-30'
         AND (SELECT count(*) FROM case_status_changes s WHERE s.case_id = c.id) = 1 ORDER BY c.id LIMIT 12`,
    )
    .all() as { id: number; personId: number }[];
  expect(picks.length).toBe(12);
  const [sameDayLevel, closedSameDay, reopenedSameDay, lateHistory, noDistrict, sameDayMove, noSex, birthdayOnEnd, sent, refused, received, chargedTwice] = picks as [
    { id: number; personId: number },
    ...{ id: number; personId: number }[],
  ];
  Object.assign(edge, { sameDayLevel: sameDayLevel.id, closedSameDay: closedSameDay!.id, sent: sent!.id, received: received!.id });
  const stamp = `${TODAY}T10:00:00.000Z`;
  const level = db().prepare(`INSERT INTO case_level_changes (case_id, level, changed_on, reason, forum, actor, created_at) VALUES (?, ?, ?, 'Test', 'SSP', 'Test', '${stamp}')`);
  const status = db().prepare(`INSERT INTO case_status_changes (case_id, kind, changed_on, actor, created_at) VALUES (?, ?, ?, 'Test', '${stamp}')`);
  const district = db().prepare(`INSERT INTO case_district_changes (case_id, district_id, changed_on, created_at) VALUES (?, ?, ?, '${stamp}')`);
  // Level 4 recorded before level 2 on the same day: 2 is in effect (the index holds 2 first anyway).
  level.run(sameDayLevel.id, 4, '2025-03-03');
  level.run(sameDayLevel.id, 2, '2025-03-03');
  level.run(sameDayLevel.id, 1, '2025-12-31');
  // Closed on its reopening day, and closed then reopened on one day ('closed' < 'opened' < 'reopened' in the index).
  status.run(closedSameDay!.id, 'reopened', '2025-05-05');
  status.run(closedSameDay!.id, 'closed', '2025-05-05');
  status.run(reopenedSameDay!.id, 'closed', '2025-09-09');
  status.run(reopenedSameDay!.id, 'reopened', '2025-09-09');
  status.run(reopenedSameDay!.id, 'closed', '2026-02-02');
  // District history that starts after the opening (before it, the first row counts), a row without a district, two rows on one day.
  db().prepare(`DELETE FROM case_district_changes WHERE case_id IN (?, ?, ?)`).run(lateHistory!.id, noDistrict!.id, sameDayMove!.id);
  district.run(lateHistory!.id, d2, '2025-02-01');
  district.run(lateHistory!.id, d3, '2025-11-01');
  district.run(noDistrict!.id, d1, '2024-01-01');
  district.run(noDistrict!.id, null, '2025-04-01');
  district.run(sameDayMove!.id, d3, '2025-06-30');
  district.run(sameDayMove!.id, d1, '2025-06-30');
  // Without sex and birth date (an empty one: the column is required); born on the last day of 2025-H2 (the birthday counts).
  db().prepare(`UPDATE people SET sex = 'unknown', birth_date = '' WHERE id = ?`).run(noSex!.personId);
  db().prepare(`UPDATE people SET birth_date = '2008-12-31' WHERE id = ?`).run(birthdayOnEnd!.personId);
  // Two charges on one day in different districts' time (Sikker By keeps the first by id).
  const charge = db().prepare(`INSERT INTO case_events (case_id, kind, occurred_on, offence_category, description, actor, created_at) VALUES (?, 'charge', ?, ?, 'Test', 'Test', '${stamp}')`);
  charge.run(chargedTwice!.id, '2025-10-10', 'violence');
  charge.run(chargedTwice!.id, '2025-10-10', 'threats');
  // Handed over on 2025-10-01 (counts here before it), refused (counts throughout), received on 2025-10-01 (counts from it).
  db().prepare(`INSERT INTO case_handovers (case_id, person_id, bundle_id, recipient_fingerprint, handover_date, state, created_at) VALUES (?, ?, ?, 'FP', ?, ?, '${stamp}')`).run(sent!.id, sent!.personId, 'b-sent', '2025-10-01', 'accepted');
  db().prepare(`INSERT INTO case_handovers (case_id, person_id, bundle_id, recipient_fingerprint, handover_date, state, created_at) VALUES (?, ?, ?, 'FP', ?, ?, '${stamp}')`).run(refused!.id, refused!.personId, 'b-refused', '2025-10-01', 'refused');
  db().prepare(`INSERT INTO handover_imports (bundle_id, person_id, case_ids, sender_fingerprint, handover_date, imported_at) VALUES ('b-in', ?, ?, 'FP', '2025-10-01', '${stamp}')`).run(received!.personId, JSON.stringify([received!.id]));
}, 180_000);
afterAll(() => v?.cleanup());

describe('the timeline gives what the SQL gave', () => {
  for (const name of ['activeCases', 'newCases', 'closedCases', 'eventPeople'] as const) {
    it(`${name}: the same groups and counts in every half-year 2022-2026`, () => {
      let counted = 0;
      for (const period of PERIODS) {
        const scope = scopeOf(period);
        const ours = reportQueries[name](db(), scope);
        expect(canonical(ours), period).toEqual(canonical(sqlReportQueries[name](db(), scope)));
        counted += ours.length;
      }
      expect(counted).toBeGreaterThan(PERIODS.length);
    });
  }

  it('sikkerByCharges: the same charges with level, district and birth date, in the same order', () => {
    for (const period of PERIODS) {
      const scope = scopeOf(period);
      expect(reportQueries.sikkerByCharges(db(), scope), period).toEqual(sqlReportQueries.sikkerByCharges(db(), scope));
    }
  });

  it('the whole tables (full, cases only, stock only) are the same for every half-year', () => {
    for (const period of PERIODS) {
      for (const options of [{}, { casesOnly: true }, { stockOnly: true }]) {
        const scope = scopeOf(period);
        expect(computeExactTables(db(), scope, options), `${period} ${JSON.stringify(options)}`).toEqual(computeExactTables(db(), scope, options, sqlReportQueries));
      }
    }
  });

  it('the edge cases count as the rules say (by hand)', () => {
    const t = timelineOf(db());
    const at = (caseId: number) => Array.from(t.caseId).indexOf(caseId);
    // Same-day level changes: the one recorded last (level 2, though the index holds it first), until the seed's next change.
    const nextSeeded = db().prepare(`SELECT min(changed_on) FROM case_level_changes WHERE case_id = ? AND changed_on > '2025-03-03'`).pluck().get(edge.sameDayLevel) as string;
    expect(t.levelOn(at(edge.sameDayLevel!), '2025-03-02')).not.toBe(4);
    expect(t.levelOn(at(edge.sameDayLevel!), '2025-03-03')).toBe(2);
    expect(t.levelOn(at(edge.sameDayLevel!), addDays(nextSeeded, -1))).toBe(2);
    // Reopened and closed on one day: closed (recorded last).
    expect(t.openOn(at(edge.closedSameDay!), '2025-05-05')).toBe(false);
    expect(t.openOn(at(edge.closedSameDay!), '2025-05-04')).toBe(true);
    // Handed over on 2025-10-01: here through 2025-09-30; received on 2025-10-01: here from it.
    expect([t.hereOn(at(edge.sent!), '2025-09-30'), t.hereOn(at(edge.sent!), '2025-10-01')]).toEqual([true, false]);
    expect([t.hereOn(at(edge.received!), '2025-09-30'), t.hereOn(at(edge.received!), '2025-10-01')]).toEqual([false, true]);
  });
});

describe('the timeline is kept only while nothing is written', () => {
  it('is read again after a write through the app, and the report sees the write', async () => {
    const first = timelineOf(db());
    expect(timelineOf(db())).toBe(first);
    const scope = scopeOf('2026-H1');
    const before = reportQueries.activeCases(db(), scope);
    const level1 = (rows: typeof before) => rows.filter((r) => r.level === 1).reduce((a, r) => a + r.n, 0);
    // A level-2 case goes to level 1 on 2026-03-01 (the app's own write, with its level history row).
    const caseId = db()
      .prepare(
        `SELECT c.id FROM cases c WHERE c.status = 'open' AND c.level = 2 AND c.opened_on < '2025-06-01'
           AND NOT EXISTS (SELECT 1 FROM case_level_changes l WHERE l.case_id = c.id AND l.changed_on > '2026-03-01')
           AND NOT EXISTS (SELECT 1 FROM case_status_changes s WHERE s.case_id = c.id AND s.kind = 'closed') ORDER BY c.id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    await v.call('cases.changeLevel', { caseId, level: 1, changedOn: '2026-03-01', reason: 'Ny vurdering' });
    expect(timelineOf(db())).not.toBe(first);
    expect(level1(reportQueries.activeCases(db(), scope))).toBe(level1(before) + 1);
    expect(canonical(reportQueries.activeCases(db(), scope))).toEqual(canonical(sqlReportQueries.activeCases(db(), scope)));
  });

});
