import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createTestVault, hashVault, PASSPHRASE, OWNER, type TestVault } from './helpers';
import { readBackupFile } from '../../src/main/vault/backup';
import type { CaseDetail } from '../../src/shared/cases/contract';

const NOW = new Date('2026-11-23T10:00:00');
const vaults: TestVault[] = [];
afterEach(() => {
  while (vaults.length) vaults.pop()!.cleanup();
});
async function vault(now = () => NOW) {
  const v = await createTestVault({ now });
  vaults.push(v);
  return v;
}
const person = (first: string) => ({ firstName: first, lastName: 'Bækholt', birthDate: '2010-05-04' });

async function withCases(v: TestVault, n: number) {
  for (let i = 0; i < n; i++) {
    await v.call<CaseDetail>('cases.open', { person: person(`Barn${i}`), level: 1 + (i % 4), reason: 'r', openedOn: '2026-02-01' });
  }
}

describe('backups', () => {
  it('makes an encrypted backup while the vault is open and restores it exactly', async () => {
    const v = await vault();
    await withCases(v, 3);
    const b = await v.call<{ fileName: string; bytes: number }>('backup.create', {});
    expect(b.fileName).toMatch(/^ssp-desk-backup-2026-11-23T\d\d-00-00Z-[0-9a-f]{4}\.sspbak$/);
    const file = join(v.ctx.backupDir, b.fileName);
    // No plaintext in the backup file.
    const bytes = readFileSync(file);
    for (const s of ['Barn0', 'Bækholt', OWNER.name]) {
      expect(bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le'))).toBe(false);
    }
    const { manifest } = readBackupFile(file);
    expect(manifest.rowCounts.cases).toBe(3);
    expect(manifest.rowCounts.people).toBe(3);
    // Changes after the backup are undone by the restore.
    await withCases(v, 2);
    expect((await v.call<{ total: number }>('cases.list', {})).total).toBe(5);
    const r = await v.call<{ status: { state: string } }>('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: PASSPHRASE });
    expect(r.status.state).toBe('unlocked');
    expect((await v.call<{ total: number }>('cases.list', {})).total).toBe(3);
    expect(await v.call('backup.status', {})).toMatchObject({ lastBackupAt: NOW.toISOString(), reminderDue: false });
    // The old vault folder is gone once the restored one opened.
    expect(readdirSync(dirname(v.dir)).filter((f) => f.includes('.old-') || f.includes('.restore-'))).toEqual([]);
  });

  it('reports the last backup and reminds after the configured days', async () => {
    let now = new Date('2026-11-23T10:00:00').getTime();
    const v = await vault(() => new Date(now));
    expect(await v.call('backup.status', {})).toMatchObject({ lastBackupAt: null, reminderDue: true, reminderDays: 7, backups: [] });
    await v.call('backup.create', {});
    expect(await v.call('backup.status', {})).toMatchObject({ lastBackupAt: new Date(now).toISOString(), reminderDue: false });
    now += 7 * 86_400_000 + 1000;
    expect(await v.call('backup.status', {})).toMatchObject({ reminderDue: true });
    await v.call('settings.update', { backupReminderDays: 14 });
    expect(await v.call('backup.status', {})).toMatchObject({ reminderDue: false, reminderDays: 14 });
  });

  it('refuses truncated, tampered and foreign files without touching the current vault', async () => {
    const v = await vault();
    await withCases(v, 2);
    const b = await v.call<{ fileName: string }>('backup.create', {});
    const file = join(v.ctx.backupDir, b.fileName);
    const good = readFileSync(file);
    const write = (name: string, bytes: Buffer) => {
      const f = `ssp-desk-backup-2026-11-23T10-00-00Z-${name}.sspbak`;
      writeFileSync(join(v.ctx.backupDir, f), bytes);
      return f;
    };
    const cases: [string, Buffer, RegExp][] = [
      ['0001', good.subarray(0, good.length - 100), /ufuldstændig|beskadiget/],
      ['0002', good.subarray(0, 40), /ufuldstændig|ikke en sikkerhedskopi|beskadiget/],
      ['0003', (() => { const t = Buffer.from(good); t[good.length - 2000]! ^= 0xff; return t; })(), /beskadiget eller ændret/],
      ['0004', (() => { const t = Buffer.from(good); t[Math.floor(good.length / 2)]! ^= 0x01; return t; })(), /beskadiget eller ændret/],
      ['0005', Buffer.from('SQLite format 3\0 not a backup at all'), /ikke en sikkerhedskopi fra SSP Desk/],
      ['0006', Buffer.from(good.toString('latin1').replace('"people":2', '"people":9'), 'latin1'), /beskadiget eller ændret/],
    ];
    v.ctx.vault.current.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = hashVault(v.files);
    for (const [name, bytes, message] of cases) {
      const r = await v.dispatch('backup.restore', { fileName: write(name, bytes), method: 'passphrase', secret: PASSPHRASE });
      expect(r, name).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
      expect(v.ctx.vault.state(), name).toBe('unlocked');
    }
    expect(hashVault(v.files)).toEqual(before);
    expect((await v.call<{ total: number }>('cases.list', {})).total).toBe(2);
  });

  it('refuses a backup whose manifest was re-checksummed by someone without the vault key', async () => {
    const v = await vault();
    await withCases(v, 2);
    const b = await v.call<{ fileName: string }>('backup.create', {});
    const file = join(v.ctx.backupDir, b.fileName);
    const good = readFileSync(file);
    const len = good.readUInt32BE(15);
    const manifest = JSON.parse(good.subarray(19, 19 + len).toString('utf8'));
    manifest.createdAt = '2020-01-01T00:00:00.000Z';
    const mb = Buffer.from(JSON.stringify(manifest));
    const lb = Buffer.alloc(4);
    lb.writeUInt32BE(mb.length);
    writeFileSync(join(v.ctx.backupDir, 'ssp-desk-backup-2026-11-23T10-00-00Z-0007.sspbak'), Buffer.concat([good.subarray(0, 15), lb, mb, good.subarray(19 + len)]));
    expect(await v.dispatch('backup.restore', { fileName: 'ssp-desk-backup-2026-11-23T10-00-00Z-0007.sspbak', method: 'passphrase', secret: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('beskadiget eller ændret') },
    });
  });

  it('refuses a backup from another vault, and a wrong passphrase, keeping the current vault', async () => {
    const a = await vault();
    const other = await vault();
    const b = await other.call<{ fileName: string }>('backup.create', {});
    const foreign = readFileSync(join(other.ctx.backupDir, b.fileName));
    mkdirSync(a.ctx.backupDir, { recursive: true });
    writeFileSync(join(a.ctx.backupDir, b.fileName), foreign);
    expect(await a.dispatch('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const mine = await a.call<{ fileName: string }>('backup.create', {});
    expect(await a.dispatch('backup.restore', { fileName: mine.fileName, method: 'passphrase', secret: 'helt-forkert-kode-1' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(a.ctx.vault.state()).toBe('unlocked');
    expect(existsSync(a.files.database)).toBe(true);
  });

  it('rejects a backup name that is not one the app made (no paths from the renderer)', async () => {
    const v = await vault();
    for (const fileName of ['../ssp-desk.db', '/etc/passwd', 'ssp-desk-backup-x.sspbak/../../a', 'ssp-desk-backup-2026-11-23T10-00-00Z.sspbak\0']) {
      expect(await v.dispatch('backup.restore', { fileName, method: 'passphrase', secret: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});
