import { describe, it, expect, afterEach } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deletionLedgerFile } from '../../src/main/vault/deletion-ledger';
import { createTestVault, PASSPHRASE, type TestVault } from './helpers';
import type { CaseDetail } from '../../src/shared/cases/contract';

const open: TestVault[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
});

type Row = { at: string; action: string; entity: string; entity_id: number | null; detail: string | null };

async function fixture() {
  const clock = { now: new Date('2026-11-23T10:00:00Z').getTime() };
  const v = await createTestVault({ now: () => new Date(clock.now) });
  open.push(v);
  const tick = (minutes = 1) => (clock.now += minutes * 60_000);
  // Closed 2024-06-01, the person's only case: due (cut-off 24 months before 2026-11-23 is 2024-11-23).
  const gone = await v.call<CaseDetail>('cases.open', { person: { firstName: 'Sørine', lastName: 'Ålykkegård', cpr: '150810-4123' }, level: 2, reason: 'Hærværk', districtId: 1, openedOn: '2023-01-10' });
  await v.call('cases.close', { caseId: gone.id, closedOn: '2024-06-01', reason: 'concern-ended' });
  const stays = await v.call<CaseDetail>('cases.open', { person: { firstName: 'Dagny', lastName: 'Østergaard', cpr: '111111-4118' }, level: 1, reason: 'Bekymring', districtId: 1, openedOn: '2026-01-05' });
  tick();
  const audit = () => v.ctx.vault.current.sqlite.prepare('SELECT at, action, entity, entity_id, detail FROM audit_log ORDER BY id').all() as Row[];
  return { v, clock, tick, gone, stays, audit };
}

describe('restore keeps the record (issue 15)', () => {
  it('carries the audit entries written after the backup into the restored vault, with their own times', async () => {
    const { v, tick, stays, audit } = await fixture();
    const inBackup = audit().length;
    const b = await v.call<{ fileName: string; createdAt: string }>('backup.create', {});
    tick();
    await v.call('people.revealCpr', { personId: stays.person.id });
    tick();
    const revealAt = new Date(Date.parse(b.createdAt) + 60_000).toISOString();
    const after = audit().slice(inBackup);
    // Written after the snapshot: backup.create's own entry, and the reveal.
    expect(after.map((r) => [r.action, r.entity])).toEqual([['backup', 'vault'], ['reveal', 'person']]);
    await v.call('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: PASSPHRASE });
    const rows = audit();
    const reveals = rows.filter((r) => r.action === 'reveal');
    expect(reveals).toEqual([{ at: revealAt, action: 'reveal', entity: 'person', entity_id: stays.person.id, detail: 'cpr' }]);
    expect(rows.filter((r) => r.action === 'backup')).toHaveLength(1);
    expect(rows.filter((r) => r.entity === 'audit' && r.action === 'restore').map((r) => r.detail)).toEqual(['carried:2']);
    expect(rows.at(-1)).toMatchObject({ action: 'restore', entity: 'vault' });
    // Restoring the same backup again carries them again (nothing lost, nothing doubled).
    await v.call('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: PASSPHRASE });
    const again = audit();
    expect(again.filter((r) => r.action === 'reveal')).toHaveLength(1);
    expect(again.filter((r) => r.action === 'restore' && r.entity === 'vault')).toHaveLength(2);
  });

  it('keeps people that retention deleted deleted after restoring a backup taken before the deletion', async () => {
    const { v, tick, gone, stays, audit } = await fixture();
    const b = await v.call<{ fileName: string }>('backup.create', {});
    tick();
    expect(await v.call('retention.apply', { caseIds: [gone.id], confirm: true })).toEqual({ cases: 1, people: 1 });
    // The ledger beside the vault names rows, never people.
    const ledger = readFileSync(deletionLedgerFile(v.dir), 'utf8');
    expect(ledger).not.toMatch(/Sørine|Ålykkegård|150810/);
    tick();
    await v.call('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: PASSPHRASE });
    const sqlite = v.ctx.vault.current.sqlite;
    const person = sqlite.prepare('SELECT first_name AS f, last_name AS l, cpr, anonymised_at AS a FROM people WHERE id = ?').get(gone.person.id) as Record<string, string | null>;
    expect(person).toMatchObject({ f: '', l: '', cpr: null });
    expect(person.a).not.toBeNull();
    expect((sqlite.prepare('SELECT anonymised_at AS a FROM cases WHERE id = ?').get(gone.id) as { a: string | null }).a).not.toBeNull();
    // The other person is untouched.
    expect(sqlite.prepare('SELECT first_name AS f, cpr FROM people WHERE id = ?').get(stays.person.id)).toEqual({ f: 'Dagny', cpr: '111111-4118' });
    const rows = audit();
    expect(rows.filter((r) => r.detail === 'reapplied-after-restore;cases:1;people:1')).toHaveLength(1);
    // The carried audit has the original deletion too.
    expect(rows.filter((r) => r.entity === 'retention' && r.detail === 'cases:1;people:1')).toHaveLength(1);
    const hits = await v.call<{ total: number; rows: { caseId: number }[] }>('cases.list', { search: 'Ålykkegård', status: 'all' });
    expect(hits.total).toBe(0);
  });

  it('does not use an edited deletion ledger, and says so in the audit trail', async () => {
    const { v, tick, gone, stays, audit } = await fixture();
    const b = await v.call<{ fileName: string }>('backup.create', {});
    tick();
    await v.call('retention.apply', { caseIds: [gone.id], confirm: true });
    const file = deletionLedgerFile(v.dir);
    // Someone points the entry at the other person.
    const text = readFileSync(file, 'utf8');
    const parsed = JSON.parse(text);
    parsed.entries[0].people[0][0] = stays.person.id;
    writeFileSync(file, JSON.stringify(parsed));
    await v.call('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: PASSPHRASE });
    const sqlite = v.ctx.vault.current.sqlite;
    expect(sqlite.prepare('SELECT first_name AS f FROM people WHERE id = ?').get(stays.person.id)).toEqual({ f: 'Dagny' });
    expect(audit().filter((r) => r.entity === 'retention' && r.detail === 'ledger-invalid')).toHaveLength(1);
  });

  it('deletes backups older than the retention period with each new backup, keeps the newest, and notes it in the audit trail', async () => {
    const { v, audit } = await fixture();
    const b = await v.call<{ fileName: string }>('backup.create', {});
    const dir = v.ctx.backupDir;
    // Copies named as taken on these days; the retention period is 24 months, so the cut-off is 2024-11-23.
    const names = ['2024-11-22T09-00-00Z-aa01', '2024-11-23T09-00-00Z-aa02', '2023-01-05T12-00-00Z-aa03', '2026-01-01T08-00-00Z-aa04'].map((n) => `ssp-desk-backup-${n}.sspbak`);
    for (const n of names) copyFileSync(join(dir, b.fileName), join(dir, n));
    // Looking does not delete: only the next backup does (a copy put in the folder to restore stays until then).
    expect((await v.call<{ backups: unknown[] }>('backup.status', {})).backups).toHaveLength(5);
    const next = await v.call<{ fileName: string }>('backup.create', {});
    const status = await v.call<{ backups: { fileName: string }[] }>('backup.status', {});
    // By hand: 2024-11-22 and 2023-01-05 are before 2024-11-23; the day itself, later ones and the new one stay.
    const kept = [b.fileName, next.fileName, names[1], names[3]].sort();
    expect(status.backups.map((x) => x.fileName).sort()).toEqual(kept);
    expect(readdirSync(dir).filter((f) => f.endsWith('.sspbak')).sort()).toEqual(kept);
    expect(audit().filter((r) => r.entity === 'backup' && r.action === 'delete').map((r) => r.detail)).toEqual(['expired:2;months:24']);
    // Nothing more to delete: no further entry.
    await v.call('backup.create', {});
    expect(audit().filter((r) => r.entity === 'backup' && r.action === 'delete')).toHaveLength(1);
  });
});
