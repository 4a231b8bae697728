import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputedReport, ReportFileOutput } from '../../src/shared/semiannual-report/contract';
import { createTestVault, type TestVault } from './helpers';
import { buildReportFixture, NOW, PEOPLE, type Fixture } from '../fixtures/report/fixture';

/**
 * Stable district history (issue 16, item 3): a case's district on each date is kept, and a
 * past period's report is computed from it, so moving people today leaves last half-year's
 * exports unchanged byte for byte, while the current half-year sees the move.
 */

let v: TestVault;
let fx: Fixture;
const PAST = '2026-H1';
const CURRENT = '2026-H2';

beforeAll(async () => {
  v = await createTestVault({ now: () => NOW });
  fx = await buildReportFixture(v.call);
}, 60_000);
afterAll(() => v.cleanup());

const exportBytes = async (input: Record<string, unknown>) => {
  const f = await v.call<ReportFileOutput>('report.export', input);
  return Buffer.from(f.base64, 'base64');
};

/** Every file the past half-year can be exported as, for all districts and for two of them. */
async function pastExports(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const mode of ['exact', 'anonymised']) {
    for (const districts of [undefined, ['Amager Vest', 'Nørrebro']]) {
      for (const format of ['json', 'csv']) out.push(await exportBytes({ period: PAST, mode, format, ...(districts ? { districts } : {}) }));
    }
  }
  return out;
}

const activeByDistrict = async (period: string) => {
  const r = (await v.call<ComputedReport>('report.compute', { period, mode: 'exact' })).report;
  return Object.fromEntries(r.totals.casesByLevel.filter((t) => t.level === 'all' && t.district !== 'all').map((t) => [t.district, t.active as number]));
};

describe('moving people leaves past reports as they were', () => {
  it("moves a case to another district and a district-less case's person: last half-year's exports are unchanged byte for byte", async () => {
    const sqlite = v.ctx.vault.current.sqlite;
    const openCase = (personKey: string) =>
      sqlite.prepare(`SELECT id, district_id AS districtId FROM cases WHERE person_id = ? AND status = 'open'`).get(fx.people[personKey]) as
        | { id: number; districtId: number | null }
        | undefined;
    // A1's open case is in Amager Vest; U1 has no district, nor has the case.
    const a1 = openCase('A1');
    const u1 = openCase('U1');
    expect(a1?.districtId).toBe(fx.districtIds['Amager Vest']);
    expect(u1).toBeDefined();
    expect(u1?.districtId).toBeNull();

    const before = await pastExports();
    const pastActive = await activeByDistrict(PAST);
    const currentBefore = await activeByDistrict(CURRENT);

    await v.call('cases.update', { caseId: a1!.id, districtId: fx.districtIds['Nørrebro'] });
    const u1Spec = PEOPLE.find((p) => p.key === 'U1')!;
    await v.call('people.update', {
      personId: fx.people.U1,
      person: { firstName: u1Spec.firstName, lastName: u1Spec.lastName, birthDate: u1Spec.birthDate, sex: u1Spec.sex, districtId: fx.districtIds['Valby'], contacts: [] },
    });

    // The past half-year: every export the same bytes, the counts the same.
    const after = await pastExports();
    expect(after.length).toBe(8);
    after.forEach((b, i) => expect(b.equals(before[i] as Buffer), `export ${i} changed`).toBe(true));
    expect(await activeByDistrict(PAST)).toEqual(pastActive);

    // The history has the moves, dated today.
    const rows = sqlite
      .prepare(`SELECT case_id AS caseId, district_id AS districtId, changed_on AS changedOn FROM case_district_changes WHERE case_id IN (?, ?) ORDER BY case_id, id`)
      .all(a1!.id, u1!.id) as { caseId: number; districtId: number | null; changedOn: string }[];
    expect(rows.filter((r) => r.caseId === a1!.id).map((r) => [r.districtId, r.changedOn])).toEqual([
      [fx.districtIds['Amager Vest'], expect.any(String)],
      [fx.districtIds['Nørrebro'], '2026-08-15'],
    ]);
    expect(rows.filter((r) => r.caseId === u1!.id).map((r) => [r.districtId, r.changedOn]).at(-1)).toEqual([fx.districtIds['Valby'], '2026-08-15']);

    // The current half-year sees the moves: one case from Amager Vest to Nørrebro, one placed in Valby.
    const currentAfter = await activeByDistrict(CURRENT);
    expect(currentAfter['Amager Vest']).toBe((currentBefore['Amager Vest'] as number) - 1);
    expect(currentAfter['Nørrebro']).toBe((currentBefore['Nørrebro'] as number) + 1);
    expect(currentAfter['Valby']).toBe((currentBefore['Valby'] as number) + 1);
  });

  it('a case opened before the history existed keeps its old district for the time before a move', async () => {
    const sqlite = v.ctx.vault.current.sqlite;
    // As a vault migrated from before the history table, or seeded in bulk: no rows for a case.
    const c = sqlite.prepare(`SELECT id, person_id AS personId FROM cases WHERE person_id = ? AND status = 'open'`).get(fx.people.N1) as { id: number; personId: number };
    sqlite.prepare(`DELETE FROM case_district_changes WHERE case_id = ?`).run(c.id);
    const pastBefore = await activeByDistrict(PAST);
    await v.call('cases.update', { caseId: c.id, districtId: fx.districtIds['Valby'] });
    const rows = sqlite.prepare(`SELECT district_id AS d, changed_on AS on_ FROM case_district_changes WHERE case_id = ? ORDER BY id`).all(c.id) as { d: number; on_: string }[];
    expect(rows.map((r) => r.d)).toEqual([fx.districtIds['Nørrebro'], fx.districtIds['Valby']]);
    expect(await activeByDistrict(PAST)).toEqual(pastBefore);
  });
});
