import { describe, it, expect, afterEach, afterAll } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import type { CaseDetail } from '../../src/shared/cases/contract';

/**
 * The programme's clock is Europe/Copenhagen whatever zone the laptop is set to (issue 19, item 6).
 * Each case sets the process's zone (vitest runs this file in its own process) and first checks
 * that the zone took effect, so the test cannot pass by running in Copenhagen's zone by accident.
 */
const ORIGINAL_TZ = process.env.TZ;
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

let v: TestVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

const open = (vault: TestVault, openedOn: string) =>
  vault.dispatch('cases.open', {
    person: { firstName: 'Åse', lastName: 'Prøvegård', birthDate: '2010-05-04' },
    level: 2,
    reason: 'Sigtet for tyveri',
    districtId: 1,
    openedOn,
  });

// Instants and their Copenhagen dates, worked out by hand: CEST is UTC+2 (last Sunday of March
// to last Sunday of October), CET is UTC+1.
const CASES = [
  { instant: '2026-06-30T22:30:00Z', localDayInZone: 30, copenhagen: '2026-07-01', period: '2026-H2' },
  { instant: '2026-12-31T23:30:00Z', localDayInZone: 31, copenhagen: '2027-01-01', period: '2027-H1' },
];

for (const zone of ['UTC', 'America/New_York']) {
  describe(`with the laptop's zone set to ${zone}`, () => {
    for (const c of CASES) {
      it(`${c.instant} is ${c.copenhagen} in Copenhagen: today, the current half-year and the future-date check follow it`, async () => {
        process.env.TZ = zone;
        const instant = new Date(c.instant);
        expect(instant.getDate()).toBe(c.localDayInZone); // the zone took effect: local date is still the day before

        v = await createTestVault({ now: () => instant });
        const options = await v.call<{ currentPeriod: string }>('report.options', {});
        expect(options.currentPeriod).toBe(c.period);

        const opened = (await open(v, c.copenhagen)) as { ok: boolean; value?: CaseDetail };
        expect(opened.ok).toBe(true);
        expect(opened.value?.openedOn).toBe(c.copenhagen);

        const dayAfter = c.copenhagen === '2026-07-01' ? '2026-07-02' : '2027-01-02';
        const refused = (await open(v, dayAfter)) as { ok: boolean; error?: { message: string } };
        expect(refused.ok).toBe(false);
        expect(refused.error?.message).toContain('fremtiden');
      });
    }
  });
}
