/**
 * Issue 21 item 5: the half-year reports of both vaults stay right across a handover. A case
 * counts in the sender's vault (and district) up to the handover date and in the recipient's
 * (in its district) from it, so on every date it counts in exactly one vault. Expected counts by
 * hand from the small fixture below. And item 4: after "accepted", the sender's past half-year
 * report files are byte for byte what they were before the handover.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { serviceCtx } from '../../src/main/core/service-context';
import { extractPersonPayload, importPersonPayload, markHandedOver, settleHandover } from '../../src/main/handover/payload';
import type { ComputedReport, ReportFileOutput } from '../../src/shared/semiannual-report/contract';

let clock = new Date('2025-10-15T10:00:00Z');
const vaults: TestVault[] = [];
afterEach(() => {
  while (vaults.length) vaults.pop()!.cleanup();
});
async function vault(): Promise<TestVault> {
  const v = await createTestVault({ now: () => clock });
  vaults.push(v);
  return v;
}
const district = (v: TestVault, name: string) => (v.ctx.vault.current.sqlite.prepare(`SELECT id FROM districts WHERE name = ?`).get(name) as { id: number }).id;
const open = (v: TestVault, first: string, last: string, cpr: string, level: number, districtName: string, openedOn: string) =>
  v.call<{ id: number; person: { id: number } }>('cases.open', { person: { firstName: first, lastName: last, cpr }, level, reason: 'Bekymring', districtId: district(v, districtName), openedOn });

/** The exact report's case counts that are not zero, as 'district|level: active/new/closed', and the charged people. */
async function counts(v: TestVault, period: string) {
  const r = (await v.call<ComputedReport>('report.compute', { period, mode: 'exact' })).report;
  const cases = r.tables.casesByLevel.filter((t) => t.active || t.new || t.closed).map((t) => `${t.district}|${t.level}: ${t.active}/${t.new}/${t.closed}`).sort();
  const charges = r.tables.eventsByDistrict.filter((t) => t.charges).map((t) => `${t.district}: ${t.charges}`).sort();
  return { cases, charges };
}

async function exportsOf(v: TestVault, period: string): Promise<string[]> {
  const out: string[] = [];
  for (const mode of ['exact', 'anonymised']) {
    for (const format of ['json', 'csv']) {
      const f = await v.call<ReportFileOutput>('report.export', { period, mode, format });
      out.push(f.base64);
    }
  }
  return out;
}

describe('reports across a handover', () => {
  it('a case counts in the sender’s district before the handover date and in the recipient’s from it', async () => {
    clock = new Date('2025-10-15T10:00:00Z');
    const a = await vault();
    const b = await vault();
    // Sender (Amager Vest): S moves on 2025-10-15; O1 stays open; O2 opens and closes in H2.
    const s = await open(a, 'Sara', 'Ågård', '120308-4126', 3, 'Amager Vest', '2025-02-01');
    await a.call('cases.addEvent', { caseId: s.id, kind: 'charge', occurredOn: '2025-03-10', offenceCategory: 'theft' });
    await open(a, 'Otto', 'Østby', '010109-4111', 1, 'Amager Vest', '2025-03-01');
    const o2 = await open(a, 'Oda', 'Ærø', '020209-4122', 2, 'Amager Vest', '2025-08-01');
    await a.call('cases.close', { caseId: o2.id, closedOn: '2025-09-01', reason: 'concern-ended' });
    // Recipient (Valby): its own Q1.
    await open(b, 'Quinn', 'Holm', '030309-4133', 2, 'Valby', '2025-04-01');

    const bundle = { bundleId: 'bundle-report-0001', fingerprint: 'AAAA 1111' };
    const payload = extractPersonPayload(serviceCtx(a.ctx), s.person.id);
    expect(payload.handoverDate).toBe('2025-10-15');
    markHandedOver(serviceCtx(a.ctx), s.person.id, { bundleId: bundle.bundleId, recipientFingerprint: 'BBBB 2222', handoverDate: payload.handoverDate });
    importPersonPayload(serviceCtx(b.ctx), JSON.parse(JSON.stringify(payload)), { bundleId: bundle.bundleId, senderFingerprint: bundle.fingerprint, districtId: district(b, 'Valby') });

    clock = new Date('2026-01-15T10:00:00Z');
    // By hand. H1 2025 (to 30 June): the sender has S (level 3, opened 1 Feb, charged 10 Mar) and
    // O1 (level 1); the recipient only Q1 (level 2) — S was not its case then.
    expect(await counts(a, '2025-H1')).toEqual({ cases: ['Amager Vest|1: 1/1/0', 'Amager Vest|3: 1/1/0'], charges: ['Amager Vest: 1'] });
    expect(await counts(b, '2025-H1')).toEqual({ cases: ['Valby|2: 1/1/0'], charges: [] });
    // H2 2025 (handover 15 Oct): the sender has O1 active and O2 new and closed, S no longer; the
    // recipient has Q1 and S active in Valby, S not new there (opened in February at the sender).
    expect(await counts(a, '2025-H2')).toEqual({ cases: ['Amager Vest|1: 1/0/0', 'Amager Vest|2: 0/1/1'], charges: [] });
    expect(await counts(b, '2025-H2')).toEqual({ cases: ['Valby|2: 1/0/0', 'Valby|3: 1/0/0'], charges: [] });

    // Refused: the case is the sender's again, for every date.
    settleHandover(serviceCtx(a.ctx), bundle.bundleId, 'refused');
    expect(await counts(a, '2025-H2')).toEqual({ cases: ['Amager Vest|1: 1/0/0', 'Amager Vest|2: 0/1/1', 'Amager Vest|3: 1/0/0'], charges: [] });
  });

  it('after "accepted" and the removal, the sender’s past half-year report files are byte for byte unchanged', async () => {
    clock = new Date('2025-10-15T10:00:00Z');
    const a = await vault();
    const s = await open(a, 'Sara', 'Ågård', '120308-4126', 3, 'Amager Vest', '2025-02-01');
    await a.call('cases.addEvent', { caseId: s.id, kind: 'charge', occurredOn: '2025-03-10', offenceCategory: 'theft' });
    await a.call('cases.addNote', { caseId: s.id, text: 'Fortroligt om Sara' });
    for (let i = 0; i < 6; i++) await open(a, `Anden${i}`, 'Testesen', `0${i + 1}0109-41${i}1`, 1 + (i % 3), 'Amager Vest', '2025-03-01');
    clock = new Date('2026-01-15T10:00:00Z');
    const before = await exportsOf(a, '2025-H1');
    clock = new Date('2025-10-15T10:00:00Z');
    markHandedOver(serviceCtx(a.ctx), s.person.id, { bundleId: 'bundle-report-0002', recipientFingerprint: 'BBBB 2222', handoverDate: '2025-10-15' });
    expect(settleHandover(serviceCtx(a.ctx), 'bundle-report-0002', 'accepted')).toMatchObject({ removed: true });
    expect(a.ctx.vault.current.sqlite.prepare(`SELECT first_name AS f, cpr FROM people WHERE id = ?`).get(s.person.id)).toEqual({ f: '', cpr: null });
    clock = new Date('2026-01-15T10:00:00Z');
    const after = await exportsOf(a, '2025-H1');
    expect(after.length).toBe(4);
    after.forEach((b64, i) => expect(b64 === before[i], `export ${i} changed`).toBe(true));
  });
});
