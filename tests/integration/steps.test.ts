import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../src/main/vault/backup';
import { Vault } from '../../src/main/vault/vault';
import { leftoversOf } from '../../src/main/vault/recovery';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { parseKeyFile } from '../../src/main/vault/keyfile';
import { runCli } from '../../src/main/cli/main';
import { createTestVault, OWNER, PASSPHRASE, tempDir } from './helpers';

/**
 * SIGKILL at every step of vault creation, restore and passphrase change (steps-child.ts), then
 * open the folder the way the app does at start-up: the recovery finishes or rolls back the step,
 * the vault opens with the passphrase and with the recovery key, its database is intact, no
 * leftover folder or file remains, and what is there is what the step's position says (expected
 * outcomes written out by hand below).
 */

const root = tempDir('ssp-steps-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NEW_PASSPHRASE = 'ny-lang-sætning-om-Valby-bakke-77';

function runChild(args: string[]): { lines: Record<string, unknown>[]; signal: NodeJS.Signals | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/integration/steps-child.ts', ...args], { env: { ...process.env, STEPS_PASSPHRASE: PASSPHRASE }, encoding: 'utf8' });
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, signal: r.signal, stderr: r.stderr };
}

/** Nothing of an interrupted step beside or in the vault folder. */
function expectNoLeftovers(dir: string): void {
  expect(leftoversOf(dir)).toEqual([]);
  const siblings = readdirSync(dirname(dir)).filter((n) => n.startsWith(`${dir.split('/').pop()!}.`) && !/\.(lock|lock-holder|throttle|throttle-key|deletions)$/.test(n) /* the vault's companions beside it: lock (issue 14), throttle and deletion ledger (issue 15) */);
  expect(siblings).toEqual([]);
  if (existsSync(dir)) expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
}

async function expectOpens(dir: string, secret: string, recoveryKey: string | null): Promise<{ notes: string[] }> {
  const v = new Vault(dir, { kdf: TEST_KDF });
  await v.unlock('passphrase', secret);
  const sqlite = v.current.sqlite;
  expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  const notes = (sqlite.prepare('SELECT text FROM case_notes ORDER BY id').all() as { text: string }[]).map((n) => n.text);
  v.lock();
  if (recoveryKey) {
    await v.unlock('recovery', recoveryKey);
    v.lock();
  }
  return { notes };
}

const CREATE_STEPS = ['atomic:vault.lock-holder:written', 'create:folder', 'create:database', 'create:database-closed', 'atomic:ssp-desk.keys:written', 'create:built', 'create:renamed'] as const;
/** Where a killed create leaves the folder after recovery: no vault until the rename, a whole one after. */
const CREATE_EXPECTED: Record<(typeof CREATE_STEPS)[number], 'none' | 'vault'> = {
  'atomic:vault.lock-holder:written': 'none', 'create:folder': 'none', 'create:database': 'none', 'create:database-closed': 'none', 'atomic:ssp-desk.keys:written': 'none', 'create:built': 'none', 'create:renamed': 'vault',
};

describe('SIGKILL at every step of vault creation', () => {
  for (const at of CREATE_STEPS) {
    it(`killed at ${at}: ${CREATE_EXPECTED[at] === 'none' ? 'no vault, nothing left, create works' : 'a whole vault that opens'}`, async () => {
      const dir = join(root, `create-${at.replace(/[^a-z]/g, '-')}`, 'vault');
      mkdirSync(dirname(dir), { recursive: true });
      const child = runChild(['create', dir, at]);
      expect(child.signal, `${child.stderr} ${JSON.stringify(child.lines)}`).toBe('SIGKILL');
      expect(child.lines.at(-1)).toEqual({ t: 'killing', at });
      const v = new Vault(dir, { kdf: TEST_KDF });
      if (CREATE_EXPECTED[at] === 'none') {
        // Before start-up recovery the leftovers are not a vault, and never shown as one.
        expect(v.state()).toBe('none');
        const { recoveryKey } = await v.create(PASSPHRASE, OWNER);
        v.lock();
        expectNoLeftovers(dir);
        await expectOpens(dir, PASSPHRASE, recoveryKey);
      } else {
        expect(v.state()).toBe('locked');
        await expectOpens(dir, PASSPHRASE, null);
        expectNoLeftovers(dir);
        expect(parseKeyFile(readFileSync(join(dir, 'ssp-desk.keys'), 'utf8')).slots.map((s) => s.kind).sort()).toEqual(['passphrase', 'recovery']);
      }
    }, 60_000);
  }
});

const RESTORE_STEPS = ['restore:staged-database', 'restore:staged', 'restore:verified', 'restore:old-moved', 'restore:new-moved', 'restore:opened', 'restore:old-removed'] as const;
/** The vault after a killed restore and recovery: the old one until the restored one is in place. */
const RESTORE_EXPECTED: Record<(typeof RESTORE_STEPS)[number], 'old' | 'restored'> = {
  'restore:staged-database': 'old', 'restore:staged': 'old', 'restore:verified': 'old', 'restore:old-moved': 'old',
  'restore:new-moved': 'restored', 'restore:opened': 'restored', 'restore:old-removed': 'restored',
};

async function vaultWithHistory(name: string): Promise<{ dir: string; recoveryKey: string; backupName: string }> {
  const dir = join(root, name, 'vault');
  const t = await createTestVault({ dir, create: false });
  const { recoveryKey } = await t.call<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
  const c = await t.call<{ id: number }>('cases.open', { person: { firstName: 'Åse', lastName: 'Prøvegård', birthDate: '2011-04-03' }, level: 1, reason: 'Bekymring', openedOn: '2026-01-05' });
  await t.call('cases.addNote', { caseId: c.id, text: 'Før sikkerhedskopien' });
  const backupName = 'ssp-desk-backup-2026-01-05T10-00-00Z-abcd.sspbak';
  mkdirSync(t.ctx.backupDir, { recursive: true });
  createBackup(t.ctx.vault, join(t.ctx.backupDir, backupName));
  await t.call('cases.addNote', { caseId: c.id, text: 'Efter sikkerhedskopien' });
  t.ctx.vault.lock();
  return { dir, recoveryKey, backupName };
}

describe('SIGKILL at every step of a restore', () => {
  for (const at of RESTORE_STEPS) {
    it(`killed at ${at}: the ${RESTORE_EXPECTED[at]} vault, whole, nothing left beside it`, async () => {
      const { dir, recoveryKey, backupName } = await vaultWithHistory(`restore-${at.replace(/[^a-z]/g, '-')}`);
      const child = runChild(['restore', dir, backupName, at]);
      expect(child.signal, `${child.stderr} ${JSON.stringify(child.lines)}`).toBe('SIGKILL');
      expect(child.lines.at(-1)).toEqual({ t: 'killing', at });
      // Whatever the kill left, the app never says "no vault".
      expect(new Vault(dir, { kdf: TEST_KDF }).state()).toBe('locked');
      const { notes } = await expectOpens(dir, PASSPHRASE, recoveryKey);
      expect(notes).toEqual(RESTORE_EXPECTED[at] === 'old' ? ['Før sikkerhedskopien', 'Efter sikkerhedskopien'] : ['Før sikkerhedskopien']);
      expectNoLeftovers(dir);
    }, 60_000);
  }
});

const PASS_STEPS = ['passphrase:slot-made', 'atomic:ssp-desk.keys:written', 'passphrase:written'] as const;
const PASS_EXPECTED: Record<(typeof PASS_STEPS)[number], 'old' | 'new'> = { 'passphrase:slot-made': 'old', 'atomic:ssp-desk.keys:written': 'old', 'passphrase:written': 'new' };

describe('SIGKILL at every step of a passphrase change', () => {
  for (const at of PASS_STEPS) {
    it(`killed at ${at}: opens with the ${PASS_EXPECTED[at]} passphrase and the recovery key, no temporary file left`, async () => {
      const { dir, recoveryKey } = await vaultWithHistory(`pass-${at.replace(/[^a-z]/g, '-')}`);
      const child = runChild(['passphrase', dir, NEW_PASSPHRASE, at]);
      expect(child.signal, `${child.stderr} ${JSON.stringify(child.lines)}`).toBe('SIGKILL');
      const works = PASS_EXPECTED[at] === 'old' ? PASSPHRASE : NEW_PASSPHRASE;
      const fails = PASS_EXPECTED[at] === 'old' ? NEW_PASSPHRASE : PASSPHRASE;
      await expectOpens(dir, works, recoveryKey);
      await expect(new Vault(dir, { kdf: TEST_KDF }).unlock('passphrase', fails)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
      expectNoLeftovers(dir);
    }, 60_000);
  }
});

describe('restore with a damaged local key file', () => {
  it('restores (the vault id comes from the backup and the database) and leaves no staging folder', async () => {
    const { dir, recoveryKey, backupName } = await vaultWithHistory('damaged-key');
    const keyFile = join(dir, 'ssp-desk.keys');
    writeFileSync(keyFile, readFileSync(keyFile, 'utf8').replace(/"wrappedKey": "./, '"wrappedKey": "!'));
    const v = new Vault(dir, { kdf: TEST_KDF });
    await expect(v.unlock('passphrase', PASSPHRASE)).rejects.toMatchObject({ code: 'KEYFILE_CORRUPT' });
    const passFile = join(root, 'damaged-key', 'pass.txt');
    writeFileSync(passFile, PASSPHRASE);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['restore', '--vault', dir, '--passphrase-file', passFile, '--from', join(dirname(dir), 'backups', backupName)], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^Boksen er gendannet fra sikkerhedskopien/);
    const { notes } = await expectOpens(dir, PASSPHRASE, recoveryKey);
    expect(notes).toEqual(['Før sikkerhedskopien']);
    expectNoLeftovers(dir);
  }, 60_000);

  it('refuses a backup of another vault when the local key file is damaged, keeping everything, no staging left', async () => {
    const { dir } = await vaultWithHistory('damaged-other');
    const other = await vaultWithHistory('damaged-other-2');
    const keyFile = join(dir, 'ssp-desk.keys');
    const damaged = readFileSync(keyFile, 'utf8').replace(/"checksum": "./, '"checksum": "x');
    writeFileSync(keyFile, damaged);
    const db = readFileSync(join(dir, 'ssp-desk.db'));
    const v = new Vault(dir, { kdf: TEST_KDF });
    await expect(restoreBackup(v, join(dirname(other.dir), 'backups', other.backupName), 'passphrase', PASSPHRASE)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(keyFile, 'utf8')).toBe(damaged);
    expect(readFileSync(join(dir, 'ssp-desk.db')).equals(db)).toBe(true);
    expectNoLeftovers(dir);
  }, 60_000);

  it('removes its staging folder on every error (wrong passphrase, damaged and truncated backups, another vault)', async () => {
    const { dir, backupName } = await vaultWithHistory('staging-errors');
    const other = await vaultWithHistory('staging-errors-2');
    const good = join(dirname(dir), 'backups', backupName);
    const bytes = readFileSync(good);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] = flipped[flipped.length - 10]! ^ 0xff;
    writeFileSync(join(root, 'flipped.sspbak'), flipped);
    writeFileSync(join(root, 'short.sspbak'), bytes.subarray(0, bytes.length - 100));
    const v = new Vault(dir, { kdf: TEST_KDF });
    const attempts: [string, string, string][] = [
      [good, 'et-forkert-kodeord-helt-sikkert-1', 'WRONG_PASSPHRASE'],
      [join(root, 'flipped.sspbak'), PASSPHRASE, 'INVALID_INPUT'],
      [join(root, 'short.sspbak'), PASSPHRASE, 'INVALID_INPUT'],
      [join(dirname(other.dir), 'backups', other.backupName), PASSPHRASE, 'CONFLICT'],
    ];
    for (const [file, secret, code] of attempts) {
      await expect(restoreBackup(v, file, 'passphrase', secret)).rejects.toMatchObject({ code });
      expectNoLeftovers(dir);
    }
    const { notes } = await expectOpens(dir, PASSPHRASE, null);
    expect(notes).toEqual(['Før sikkerhedskopien', 'Efter sikkerhedskopien']);
  }, 60_000);
});

describe('start-up recovery tells what it cannot decide', () => {
  it('a database without its key file: locked (never "no vault"), unlock explains in Danish, create refuses, nothing deleted', async () => {
    const { dir } = await vaultWithHistory('no-key');
    rmSync(join(dir, 'ssp-desk.keys'));
    const db = readFileSync(join(dir, 'ssp-desk.db'));
    const t = await createTestVault({ dir, create: false });
    expect(await t.dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    const r = await t.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    expect(r).toEqual({ ok: false, error: { code: 'VAULT_RECOVERY', message: expect.stringMatching(/^Boksmappen indeholder en database, men ingen nøglefil.*Opret ikke en ny boks her\.$/) } });
    const c = await t.dispatch('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
    expect(c).toMatchObject({ ok: false, error: { code: 'VAULT_RECOVERY' } });
    expect(readFileSync(join(dir, 'ssp-desk.db')).equals(db)).toBe(true);
  }, 60_000);
});
