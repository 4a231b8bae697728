import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeBindingPath, startApp, type ElectronDeps, type Shell } from '../../src/main/electron/app';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/csp';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createElectronStandIn, StandInBrowserWindow, StandInEvent, StandInFrame, StandInWebContents, type ElectronStandIn } from './stand-in';

const PASSPHRASE = 'Korrekt-Hest-Batteri-Klips-42';
const OWNER = { name: 'Test Koordinator', role: 'SSP-koordinator', area: 'Nørrebro' };

const dirs: string[] = [];
const shells: Shell[] = [];
afterEach(() => {
  for (const s of shells.splice(0)) s.ctx.vault.lock();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(init: { gotLock?: boolean; isPackaged?: boolean; env?: Record<string, string> } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'ssp-shell-'));
  dirs.push(userData);
  const electron = createElectronStandIn({ userData, appPath: '/project', gotLock: init.gotLock, isPackaged: init.isPackaged });
  const handle = startApp(electron as unknown as ElectronDeps, {
    mainDir: '/project/out/main',
    // The tests' own userData (paths.ts): never the developer's real one.
    env: { SSP_DESK_USER_DATA: userData, ...init.env },
    vaultOptions: { kdf: TEST_KDF },
  });
  const shell = handle ? await handle.started : null;
  if (shell) shells.push(shell);
  const win = StandInBrowserWindow.instances[0];
  return { electron, handle, shell, win, userData };
}

type Invoke = (event: unknown, name: unknown, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

function invoker(electron: ElectronStandIn) {
  const handler = electron.ipcMain.handlers.get('ssp:invoke') as Invoke;
  return {
    fromWindow: (win: StandInBrowserWindow, name: string, input: unknown) =>
      handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, name, input),
    raw: handler,
  };
}

async function unlockedShell() {
  const s = await start();
  const r = await invoker(s.electron).fromWindow(s.win!, 'vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  expect(s.shell!.ctx.vault.state()).toBe('unlocked');
  return s;
}

const logOf = (userData: string) => readFileSync(join(userData, 'logs', 'ssp-desk.log'), 'utf8');

describe('single instance', () => {
  it('asks for the single-instance lock, and quits without a window when another instance has it', async () => {
    const { electron, handle } = await start({ gotLock: false });
    expect(electron.app.called('requestSingleInstanceLock')).toBe(1);
    expect(handle).toBeNull();
    expect(electron.app.called('quit')).toBe(1);
    expect(electron.app.called('whenReady')).toBe(0);
    expect(StandInBrowserWindow.instances).toHaveLength(0);
  });

  it('a second start focuses the first window (restoring it if minimised)', async () => {
    const { electron, win } = await start();
    win!.minimized = true;
    electron.app.emit('second-instance', new StandInEvent(), [], '/');
    expect(win!.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['restore', 'focus']));
    expect(electron.app.called('quit')).toBe(0);
  });
});

describe('start-up', () => {
  it('enables the sandbox for all renderers and creates one hidden, locked-down window', async () => {
    const { electron, win } = await start();
    expect(electron.app.called('enableSandbox')).toBe(1);
    expect(StandInBrowserWindow.instances).toHaveLength(1);
    const web = win!.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join('/project/out/preload/index.cjs') });
    expect(win!.options.show).toBe(false);
    win!.emit('ready-to-show');
    expect(win!.visible).toBe(true);
  });

  it('loads app://ssp-desk/index.html in production (out/renderer on the custom protocol), and the dev server only when not packaged', async () => {
    const prod = await start({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://evil.example:5173' } });
    expect(prod.win!.calls.find((c) => c.method === 'loadURL')!.args[0]).toBe('app://ssp-desk/index.html');
    expect([...prod.electron.protocol.handlers.keys()]).toEqual(['app']);
    expect((prod.win!.options.webPreferences as Record<string, unknown>).devTools).toBe(false);

    const dev = await start({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(dev.win!.calls.find((c) => c.method === 'loadURL')!.args[0]).toBe('http://localhost:5173');
    // The dev server serves the page: no app:// handler then.
    expect(dev.electron.protocol.handlers.size).toBe(0);
  });

  it('puts the vault and the log in userData', async () => {
    const { shell, userData } = await start();
    expect(shell!.ctx.vault.dir).toBe(join(userData, 'vault'));
    expect(logOf(userData)).toContain('app.started');
  });

  it('installs the CSP header and the guards on the session and the window', async () => {
    const { electron, win } = await start({ isPackaged: true });
    const session = electron.session.defaultSession;
    const out: { responseHeaders?: Record<string, unknown> }[] = [];
    session.headersListener!({ url: 'file:///x', responseHeaders: {} }, (r) => out.push(r));
    expect(out[0]!.responseHeaders!['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(win!.webContents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const nav = new StandInEvent('https://example.com');
    win!.webContents.emit('will-navigate', nav, 'https://example.com');
    expect(nav.defaultPrevented).toBe(true);
    const answers: boolean[] = [];
    session.permissionRequestHandler!(win!.webContents, 'media', (g) => answers.push(g));
    expect(answers).toEqual([false]);
  });

  it('guards any other webContents that appears', async () => {
    const { electron } = await start();
    const stray = new StandInWebContents(electron.session.defaultSession);
    electron.app.emit('web-contents-created', new StandInEvent(), stray);
    expect(stray.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('quits when the window is closed', async () => {
    const { electron } = await start();
    electron.app.emit('window-all-closed');
    expect(electron.app.called('quit')).toBe(1);
  });
});

describe('IPC through the real dispatcher', () => {
  it('answers our window and refuses another sender without touching the vault', async () => {
    const { electron, win, shell, userData } = await start();
    const ipc = invoker(electron);
    const status = await ipc.fromWindow(win!, 'vault.status', {});
    expect(status).toEqual({ ok: true, value: { state: 'none' } });

    const foreign = new StandInWebContents(electron.session.defaultSession);
    foreign.mainFrame.url = win!.webContents.mainFrame.url;
    const refused = await ipc.raw({ sender: foreign, senderFrame: foreign.mainFrame }, 'vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const sub = new StandInFrame({ url: win!.webContents.mainFrame.url, parent: win!.webContents.mainFrame });
    expect((await ipc.raw({ sender: win!.webContents, senderFrame: sub }, 'vault.status', {})).ok).toBe(false);
    expect(shell!.ctx.vault.state()).toBe('none');
    expect(logOf(userData)).toContain('ipc.untrusted_sender');
  });

  it('validates input through the contract', async () => {
    const { electron, win } = await start();
    const r = await invoker(electron).fromWindow(win!, 'vault.unlock', { method: 'passphrase' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await invoker(electron).fromWindow(win!, 'fs.readFile', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });
});

describe('locking', () => {
  for (const event of ['suspend', 'lock-screen'] as const) {
    it(`powerMonitor '${event}' locks the vault and tells the renderer`, async () => {
      const { electron, win, shell, userData } = await unlockedShell();
      electron.powerMonitor.emit(event);
      expect(shell!.ctx.vault.state()).toBe('locked');
      expect(win!.webContents.sent).toContainEqual(['ssp:locked']);
      expect(logOf(userData)).toContain(`"reason":"${event}"`);
      // The renderer's next call finds the vault locked.
      const r = await invoker(electron).fromWindow(win!, 'vault.status', {});
      expect(r).toEqual({ ok: true, value: { state: 'locked' } });
    });
  }

  it('locks before quitting', async () => {
    const { electron, shell } = await unlockedShell();
    electron.app.emit('before-quit', new StandInEvent());
    expect(shell!.ctx.vault.state()).toBe('locked');
  });

  it('an ordinary vault.lock from the renderer also sends ssp:locked', async () => {
    const { electron, win } = await unlockedShell();
    await invoker(electron).fromWindow(win!, 'vault.lock', {});
    expect(win!.webContents.sent).toContainEqual(['ssp:locked']);
  });

  it('suspend with a locked vault does nothing', async () => {
    const { electron, win } = await start();
    electron.powerMonitor.emit('suspend');
    expect(win!.webContents.sent).toEqual([]);
  });

  it('the vault unlocks again after a suspend lock', async () => {
    const { electron, win, shell } = await unlockedShell();
    electron.powerMonitor.emit('suspend');
    const r = await invoker(electron).fromWindow(win!, 'vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(shell!.ctx.vault.state()).toBe('unlocked');
  });
});

describe('native binding path', () => {
  it('is unused under plain Node', () => {
    expect(nativeBindingPath({ isPackaged: true, resourcesPath: '/r', appPath: '/a', platform: 'linux', arch: 'x64' })).toBeUndefined();
  });
  it('comes from resources/native in the package, and per platform-arch in the project', () => {
    expect(nativeBindingPath({ electronVersion: '38.0.0', isPackaged: true, resourcesPath: '/opt/SSP Desk/resources', appPath: '/a', platform: 'linux', arch: 'x64' })).toBe(
      join('/opt/SSP Desk/resources', 'native', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ electronVersion: '38.0.0', isPackaged: false, appPath: '/project', platform: 'win32', arch: 'arm64' })).toBe(
      join('/project', 'resources', 'native', 'win32-arm64', 'better_sqlite3.node'),
    );
  });
});
