import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/main/demo-data';
import { serviceCtx } from '../../src/main/core/service-context';
import { getOverview } from '../../src/main/overview/overview';
import { listPlans } from '../../src/main/ssp-plus';
import { activePlanDueDates } from '../../src/main/ssp-plus';
import { releaseDueItems, releasesOverview } from '../../src/main/releases';
import { diffDays } from '../../src/shared/core/dates';
import { OVERVIEW_ITEM_LIMIT, overviewWeeks, type Overview } from '../../src/shared/overview';
import { wholeScreenOverview } from './overview-whole-screen';
import { createTestVault, type TestVault } from './helpers';

/**
 * Overblik's due-items-only queries (issue 17, goal p95 under 30 ms at 100,000 cases) against the
 * whole-screen computation they replace (tests/integration/overview-whole-screen.ts: the SSP+
 * screen's plan rows, the whole Løsladelser overview, one count(*) FILTER pass), on 1,500 seeded
 * people, for both scopes, at fixed dates around the seed's today: a Wednesday, the Monday and
 * Sunday of its week, the next Monday, a Sunday four weeks on, the day before summer time ends.
 */
const SEED_TODAY = '2026-12-02';
let now = new Date(`${SEED_TODAY}T09:00:00Z`);
let v: TestVault;
const db = () => v.ctx.vault.current.sqlite;
const DATES = ['2026-12-02', '2026-11-30', '2026-12-06', '2026-12-07', '2026-12-27', '2026-11-15', '2026-10-24', '2027-01-04'];
const at = (date: string) => (now = new Date(`${date}T10:00:00Z`));

beforeAll(async () => {
  v = await createTestVault({ now: () => now });
  seedDemoData(db(), { people: 1500, seed: 17, today: SEED_TODAY });
}, 180_000);
afterAll(() => v?.cleanup());

/** The coordinator with the most active SSP+ plans: "mine" then covers every module. */
function busiestPlanCoordinator(): string {
  return db().prepare(`SELECT coordinator FROM sspplus_plans WHERE status = 'active' GROUP BY coordinator ORDER BY count(*) DESC, coordinator LIMIT 1`).pluck().get() as string;
}

describe('Overblik: due-items-only queries give what the whole-screen computation gave', () => {
  for (const scope of ['all', 'mine'] as const) {
    it(`${scope}: the same counts, counts per kind and items, in the same order, at ${DATES.length} dates`, () => {
      const owner = v.ctx.vault.current.owner;
      const ownName = owner.name;
      if (scope === 'mine') Object.assign(owner, { name: busiestPlanCoordinator() });
      try {
        const kindsSeen = new Set<string>();
        let fullBuckets = 0; // buckets cut at OVERVIEW_ITEM_LIMIT: where the pages' last listable date matters
        for (const date of DATES) {
          at(date);
          for (const inactiveWeeks of [8, 3]) {
            const s = serviceCtx(v.ctx);
            const ours: Overview = getOverview(s, { scope, inactiveWeeks });
            const theirs: Overview = wholeScreenOverview(s, { scope, inactiveWeeks });
            expect(ours.counts, `${date} ${inactiveWeeks}`).toEqual(theirs.counts);
            expect(ours.countsByKind, `${date} ${inactiveWeeks}`).toEqual(theirs.countsByKind);
            expect(ours.items.map((i) => i.key), `${date} ${inactiveWeeks}`).toEqual(theirs.items.map((i) => i.key));
            expect(ours, `${date} ${inactiveWeeks}`).toEqual(theirs);
            for (const i of ours.items) kindsSeen.add(i.kind);
            for (const b of ['overdue', 'thisWeek', 'nextWeek'] as const) if (ours.items.filter((i) => i.bucket === b).length === OVERVIEW_ITEM_LIMIT) fullBuckets++;
          }
        }
        // The comparison means something only if every module had items on some date.
        const expectedKinds =
          scope === 'all' ? ['case-review', 'meeting-action', 'sspplus-review', 'sspplus-action', 'release-date', 'release-meeting', 'release-followup', 'turning-18', 'inactive'] : ['case-review', 'sspplus-review', 'inactive'];
        for (const k of expectedKinds) expect(kindsSeen.has(k), k).toBe(true);
        if (scope === 'all') expect(fullBuckets).toBeGreaterThan(0);
      } finally {
        Object.assign(owner, { name: ownName });
        at(SEED_TODAY);
      }
    });
  }

  it('Løsladelser: the due items are the overview items up to the date, with other meeting-window settings too', async () => {
    for (const settings of [{}, { meetingWindowFromMonths: 2, meetingWindowToMonths: 0, dueSoonDays: 30 }, { meetingWindowFromMonths: 6, meetingWindowToMonths: 4, dueSoonDays: 0 }]) {
      if (Object.keys(settings).length) await v.call('releases.settings.save', settings);
      for (const date of DATES) {
        at(date);
        const s = serviceCtx(v.ctx);
        const until = overviewWeeks(date).nextWeek.to;
        const o = releasesOverview(s, { horizonDays: diffDays(until, date) });
        const expected = [
          ...o.upcoming.filter((r) => r.releaseState !== 'done').map((r) => ({ kind: 'release-date', custodyId: r.custodyId, dueOn: r.plannedReleaseOn, months: null })),
          ...o.meetingsDue.filter((r) => r.dueOn <= until).map((r) => ({ kind: 'release-meeting', custodyId: r.custodyId, dueOn: r.dueOn, months: null })),
          ...o.followUpsDue.filter((r) => r.dueOn <= until).map((r) => ({ kind: 'release-followup', custodyId: r.custodyId, dueOn: r.dueOn, months: r.months })),
        ];
        const key = (r: { kind: string; custodyId: number; months: number | null }) => `${r.kind}:${r.custodyId}:${r.months}`;
        const ours = releaseDueItems(s, until).map((r) => ({ kind: r.kind, custodyId: r.custodyId, dueOn: r.dueOn, months: r.months }));
        expect(ours.map(key).sort(), `${date} ${JSON.stringify(settings)}`).toEqual(expected.map(key).sort());
        expect(ours.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
        expect(expected.length).toBeGreaterThan(0);
      }
    }
    await v.call('releases.settings.save', { meetingWindowFromMonths: 3, meetingWindowToMonths: 1, dueSoonDays: 14 });
    at(SEED_TODAY);
  });

  it("SSP+: every active plan's next review and 25th birthday are the SSP+ screen's", () => {
    for (const date of DATES) {
      at(date);
      const s = serviceCtx(v.ctx);
      const rows = listPlans(s, 'active');
      expect(rows.length).toBeGreaterThan(5);
      const ours = new Map(activePlanDueDates(s).map((p) => [p.planId, p]));
      expect(ours.size).toBe(rows.length);
      for (const r of rows) {
        const p = ours.get(r.planId)!;
        expect({ review: p.nextReviewOn, turns25: p.turns25On, coordinator: p.coordinator, caseNumber: p.caseNumber, name: `${p.firstName} ${p.lastName}` }).toEqual({
          review: r.nextReview!.dueOn,
          turns25: r.turns25On,
          coordinator: r.coordinator,
          caseNumber: r.caseNumber,
          name: `${r.firstName} ${r.lastName}`,
        });
      }
    }
    at(SEED_TODAY);
  });
});
