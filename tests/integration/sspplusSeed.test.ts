import { describe, it, expect, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { seedDemoData } from '../../src/main/demo-data';
import { seedSspPlus } from '../../src/main/ssp-plus/seed';
import { addMonths, compare } from '../../src/shared/core/dates';
import { levelAt, type CaseLevel } from '../../src/shared/cases/levels';
import { eligibility } from '../../src/shared/ssp-plus/rules';
import type { PlanDetail, SspPlusOverview } from '../../src/shared/ssp-plus/contract';

const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T10:00:00`);
const vaults: TestVault[] = [];
afterEach(() => {
  while (vaults.length) vaults.pop()!.cleanup();
});
async function seeded(seed = 3): Promise<TestVault> {
  const v = await createTestVault({ now: () => NOW });
  vaults.push(v);
  seedDemoData(v.ctx.vault.current.sqlite, { people: 600, seed, today: TODAY, now: NOW });
  return v;
}
const rows = <T,>(v: TestVault, sql: string, ...params: unknown[]) => v.ctx.vault.current.sqlite.prepare(sql).all(...params) as T[];

describe('SSP+ demo data', () => {
  it('seeds plans the services would accept: eligible on the start date, one active per person, dates in order', async () => {
    const v = await seeded();
    // Also the rest of the eligible people, to test the rules on as many plans as possible.
    seedSspPlus(v.ctx.vault.current.sqlite, { today: TODAY, share: 1, max: 1000, now: NOW });
    const plans = rows<{ id: number; person_id: number; case_id: number; status: string; start_date: string; end_date: string | null; end_reason: string | null; birth_date: string }>(
      v,
      'SELECT sp.*, p.birth_date FROM sspplus_plans sp JOIN people p ON p.id = sp.person_id ORDER BY sp.id',
    );
    expect(plans.length).toBeGreaterThan(20);
    expect(plans.some((p) => p.status === 'ended')).toBe(true);
    expect(new Set(plans.map((p) => p.person_id)).size).toBe(plans.length);
    for (const p of plans) {
      const history = rows<{ date: string; level: CaseLevel }>(v, 'SELECT changed_on AS date, level FROM case_level_changes WHERE case_id = ? ORDER BY id', p.case_id);
      const level = levelAt(history, p.start_date);
      expect(level, `plan ${p.id}`).not.toBeNull();
      expect(eligibility(p.birth_date, p.start_date, { level: level!, status: 'open' }), `plan ${p.id}`).toEqual({ eligible: true });
      expect(compare(p.start_date, TODAY)).toBeLessThanOrEqual(0);
      const until = p.end_date ?? TODAY;
      expect(compare(p.start_date, until)).toBeLessThanOrEqual(0);
      for (const r of rows<{ held_on: string }>(v, 'SELECT held_on FROM sspplus_reviews WHERE plan_id = ?', p.id)) {
        expect(compare(r.held_on, p.start_date)).toBeGreaterThanOrEqual(0);
        expect(compare(r.held_on, until)).toBeLessThanOrEqual(0);
      }
      const followUps = rows<{ months: number; due_on: string; outcome: string | null; recorded_on: string | null }>(v, 'SELECT * FROM sspplus_follow_ups WHERE plan_id = ? ORDER BY months', p.id);
      if (p.status === 'ended') {
        expect(followUps.map((f) => [f.months, f.due_on])).toEqual([3, 6, 12].map((m) => [m, addMonths(p.end_date!, m)]));
        for (const f of followUps) {
          expect(f.outcome === null).toBe(f.recorded_on === null);
          if (f.recorded_on) expect(compare(f.recorded_on, TODAY)).toBeLessThanOrEqual(0);
        }
      } else {
        expect(followUps).toEqual([]);
      }
    }
  });

  it('reads back through the contract: the overview and every plan validate against the output schemas', async () => {
    const v = await seeded();
    const o = await v.call<SspPlusOverview>('sspplus.overview', {});
    expect(o.activePlans.length).toBeGreaterThan(5);
    expect(o.overdueActions.length + o.dueReviews.length).toBeGreaterThan(0);
    for (const row of await v.call<{ planId: number }[]>('sspplus.list', { status: 'all' })) {
      const plan = await v.call<PlanDetail>('sspplus.get', { planId: row.planId });
      expect(plan.areas.find((a) => a.area === 'education')!.filled).toBe(true);
    }
  });

  it('is deterministic, adds nothing the second time, and writes a single audit entry of its own', async () => {
    const [a, b] = [await seeded(5), await seeded(5)];
    const dump = (v: TestVault) =>
      Object.fromEntries(['sspplus_plans', 'sspplus_areas', 'sspplus_actions', 'sspplus_reviews', 'sspplus_review_areas', 'sspplus_follow_ups'].map((t) => [t, rows(v, `SELECT * FROM ${t} ORDER BY id`)]));
    expect(dump(b)).toEqual(dump(a));
    const before = rows(a, 'SELECT id FROM sspplus_plans').length;
    const again = seedSspPlus(a.ctx.vault.current.sqlite, { today: TODAY, seed: 5, share: 0, now: NOW });
    expect(again.plans).toBe(0);
    expect(rows(a, 'SELECT id FROM sspplus_plans').length).toBe(before);
    expect(rows(a, `SELECT entity, detail FROM audit_log WHERE action = 'seed' AND entity = 'sspplus'`)).toEqual([{ entity: 'sspplus', detail: 'plans:0;ended:0;reviews:0' }]);
  });
});
