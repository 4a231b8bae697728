import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type ElectronDeps, type Shell } from '../../src/main/electron/app';
import { checkIdle } from '../../src/main/electron/idle-lock';
import { LOCKED_CHANNEL } from '../../src/main/electron/ipc';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createElectronStandIn, StandInBrowserWindow } from './stand-in';

const PASSPHRASE = 'Korrekt-Hest-Batteri-Klips-42';
const OWNER = { name: 'Test Koordinator', role: 'SSP-koordinator', area: 'Nørrebro' };
const dirs: string[] = [];
const shells: Shell[] = [];
afterEach(() => {
  for (const s of shells.splice(0)) s.ctx.vault.lock();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('main-process idle lock (issue 15)', () => {
  it('locks when the system idle time reaches the limit, not before, and never without an open vault', () => {
    let locks = 0;
    const deps = (idle: number, limit: number | null) => ({ getSystemIdleTime: () => idle, limitSeconds: () => limit, lock: () => void locks++ });
    expect(checkIdle(deps(299, 300))).toBe(false);
    expect(checkIdle(deps(300, 300))).toBe(true);
    expect(checkIdle(deps(10_000, null))).toBe(false);
    expect(checkIdle({ getSystemIdleTime: () => { throw new Error('no power monitor'); }, limitSeconds: () => 300, lock: () => void locks++ })).toBe(false);
    expect(locks).toBe(1);
  });

  it('the shell locks the vault from main, with the renderer doing nothing, once the computer is idle for the setting (5 minutes)', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'ssp-idle-'));
    dirs.push(userData);
    const electron = createElectronStandIn({ userData, appPath: '/project' });
    const handle = startApp(electron as unknown as ElectronDeps, { mainDir: '/project/out/main', env: { SSP_DESK_USER_DATA: userData }, vaultOptions: { kdf: TEST_KDF }, idleCheckMs: 20 });
    const shell = (await handle!.started)!;
    shells.push(shell);
    await shell.dispatch('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
    expect(shell.ctx.vault.state()).toBe('unlocked');
    electron.powerMonitor.idleSeconds = 299;
    await new Promise((r) => setTimeout(r, 120));
    expect(shell.ctx.vault.state()).toBe('unlocked');
    electron.powerMonitor.idleSeconds = 300;
    await new Promise((r) => setTimeout(r, 120));
    expect(shell.ctx.vault.state()).toBe('locked');
    // The renderer is told, and the lock is in the audit trail at the next unlock.
    const win = StandInBrowserWindow.instances[0]!;
    expect(win.webContents.sent.map((m) => m[0])).toContain(LOCKED_CHANNEL);
    electron.powerMonitor.idleSeconds = 0;
    await shell.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    const last = shell.ctx.vault.current.sqlite.prepare(`SELECT action FROM audit_log WHERE action IN ('lock', 'unlock') ORDER BY id DESC LIMIT 2`).all();
    expect(last).toEqual([{ action: 'unlock' }, { action: 'lock' }]);
  });
});
