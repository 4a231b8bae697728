import { describe, it, expect, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { seedReleases } from '../../src/main/releases/seed';
import { addMonths, compare } from '../../src/shared/core/dates';
import { custodyFieldProblems, type CustodyPeriod } from '../../src/shared/releases/rules';
import type { CustodyDetail, ReleasesOverview } from '../../src/shared/releases/contract';

const NOW = new Date('2026-11-23T10:00:00');
const TODAY = '2026-11-23';
const vaults: TestVault[] = [];
afterEach(() => {
  while (vaults.length) vaults.pop()!.cleanup();
});

/** A vault with 60 young people with open cases at levels 2-4, born 2001-2012. */
async function vaultWithCases(): Promise<TestVault> {
  const v = await createTestVault({ now: () => NOW });
  vaults.push(v);
  for (let i = 0; i < 60; i++) {
    await v.call('cases.open', {
      person: { firstName: 'Demo', lastName: `Person${i}`, birthDate: `${2001 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}`, districtId: 1 + (i % 10) },
      level: 2 + (i % 3),
      reason: 'Demo',
      openedOn: '2024-01-01',
    });
  }
  return v;
}

type Row = Record<string, unknown>;
const dump = (v: TestVault) => {
  const q = (sql: string) => v.ctx.vault.current.sqlite.prepare(sql).all() as Row[];
  return {
    custody: q('SELECT * FROM custody_periods ORDER BY id'),
    meetings: q('SELECT * FROM release_meetings ORDER BY id'),
    participants: q('SELECT * FROM release_meeting_participants ORDER BY id'),
    checklist: q('SELECT * FROM release_checklist_items ORDER BY meeting_id, item'),
    actions: q('SELECT * FROM release_action_items ORDER BY id'),
    followUps: q('SELECT * FROM release_followups ORDER BY id'),
  };
};

describe('release demo data', () => {
  it('is consistent with the rules the services enforce, and readable through the contract', async () => {
    const v = await vaultWithCases();
    const summary = seedReleases(v.ctx.vault.current.sqlite, { today: TODAY, share: 1, now: NOW });
    expect(summary.custodyPeriods).toBeGreaterThan(15);
    expect(summary.meetings).toBeGreaterThan(3);
    expect(summary.followUps).toBeGreaterThan(1);
    const d = dump(v);
    expect(d.custody.length).toBe(summary.custodyPeriods);
    for (const c of d.custody) {
      const period: CustodyPeriod = {
        type: c.type as CustodyPeriod['type'], imprisonedOn: c.imprisoned_on as string, expectedReleaseOn: c.expected_release_on as string | null,
        paroleOn: c.parole_on as string | null, releasedOn: c.released_on as string | null,
      };
      expect(custodyFieldProblems(period, TODAY), JSON.stringify(c)).toEqual({});
      for (const k of ['handleplan_on', 'municipality_contacted_on', 'parole_decision_on']) {
        if (c[k]) {
          expect(compare(c[k] as string, period.imprisonedOn)).toBeGreaterThanOrEqual(0);
          expect(compare(c[k] as string, TODAY)).toBeLessThanOrEqual(0);
        }
      }
    }
    // Only people with an open level 3-4 case, one period each.
    const eligible = v.ctx.vault.current.sqlite.prepare("SELECT person_id FROM cases WHERE status = 'open' AND level >= 3").pluck().all() as number[];
    expect(d.custody.every((c) => eligible.includes(c.person_id as number))).toBe(true);
    expect(new Set(d.custody.map((c) => c.person_id)).size).toBe(d.custody.length);
    const byId = new Map(d.custody.map((c) => [c.id, c]));
    for (const m of d.meetings) expect(compare(m.held_on as string, byId.get(m.custody_id)!.imprisoned_on as string)).toBeGreaterThanOrEqual(0);
    expect(d.checklist.length).toBe(d.meetings.length * 11);
    for (const f of d.followUps) {
      const released = byId.get(f.custody_id)!.released_on as string;
      expect(f.due_on).toBe(addMonths(released, f.months as number));
      expect(compare(f.recorded_on as string, released)).toBeGreaterThanOrEqual(0);
      expect(compare(f.recorded_on as string, TODAY)).toBeLessThanOrEqual(0);
    }
    // Names in the participant list are invented; none is a person in the register.
    const names = new Set(v.ctx.vault.current.sqlite.prepare("SELECT first_name || ' ' || last_name FROM people").pluck().all());
    expect(d.participants.some((p) => names.has(p.name))).toBe(false);

    // Every period reads back through the contract (outputs validated against it in tests).
    for (const c of d.custody) await v.call<CustodyDetail>('releases.custody.get', { custodyId: c.id });
    const o = await v.call<ReleasesOverview>('releases.overview', {});
    expect(o.upcoming.length + o.meetingsDue.length + o.followUpsDue.length).toBeGreaterThan(0);
    // One audit entry, codes only.
    expect(v.ctx.vault.current.sqlite.prepare("SELECT detail FROM audit_log WHERE entity = 'releases'").all()).toEqual([
      { detail: `custody:${summary.custodyPeriods};meetings:${summary.meetings};followups:${summary.followUps}` },
    ]);
    // A second run adds nothing for people who already have a period.
    expect(seedReleases(v.ctx.vault.current.sqlite, { today: TODAY, share: 1, now: NOW }).custodyPeriods).toBe(0);
  });

  it('is deterministic for the same vault, seed and today', async () => {
    const a = await vaultWithCases();
    const b = await vaultWithCases();
    seedReleases(a.ctx.vault.current.sqlite, { today: TODAY, seed: 7, share: 0.5 });
    seedReleases(b.ctx.vault.current.sqlite, { today: TODAY, seed: 7, share: 0.5 });
    expect(dump(a)).toEqual(dump(b));
  });
});
