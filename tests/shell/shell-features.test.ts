import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NativeBindingError, SHOW_FALLBACK_MS, startApp, type ElectronDeps, type Shell } from '../../src/main/electron/app';
import { menuTemplate, rolesOf } from '../../src/main/electron/menu';
import { APP_USER_MODEL_ID, DEV_APP_NAME, userDataDir } from '../../src/main/electron/paths';
import { debuggingSwitches } from '../../src/main/electron/switches';
import { initialBounds } from '../../src/main/electron/window-state';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createElectronStandIn, LAPTOP_WORK_AREA, StandInBrowserWindow, StandInEvent, type ElectronStandIn } from './stand-in';

/**
 * The Electron shell's behaviour around the window, with a stand-in for the 'electron' module
 * and everything behind it real (context, dispatcher, encrypted vault, the better-sqlite3 build).
 */

const PASSPHRASE = 'Korrekt-Hest-Batteri-Klips-42';
const OWNER = { name: 'Test Koordinator', role: 'SSP-koordinator', area: 'Nørrebro' };
// The Node build of better-sqlite3: under Node (these tests) it is the right ABI, so it stands in
// for the Electron build a real app loads from resources/native.
const NODE_BINDING = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

const dirs: string[] = [];
const shells: Shell[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const s of shells.splice(0)) if (s.ctx.vault.state() === 'unlocked') s.ctx.vault.lock();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

interface StartInit {
  isPackaged?: boolean;
  platform?: string;
  argv?: string[];
  electronVersion?: string;
  resourcesPath?: string;
  appPath?: string;
  userData?: string;
  workAreas?: { x: number; y: number; width: number; height: number }[];
  env?: Record<string, string>;
}

async function start(init: StartInit = {}) {
  const userData = init.userData ?? tempDir('ssp-shell2-');
  const electron = createElectronStandIn({ userData: '/nowhere', appPath: init.appPath ?? '/project', isPackaged: init.isPackaged, workAreas: init.workAreas });
  const handle = startApp(electron as unknown as ElectronDeps, {
    mainDir: '/project/out/main',
    env: { SSP_DESK_USER_DATA: userData, ...init.env },
    platform: init.platform ?? 'linux',
    arch: 'x64',
    argv: init.argv ?? ['/opt/SSP Desk/ssp-desk'],
    electronVersion: init.electronVersion,
    resourcesPath: init.resourcesPath,
    vaultOptions: { kdf: TEST_KDF },
  });
  let shell: Shell | null = null;
  let error: unknown = null;
  if (handle) {
    try {
      shell = await handle.started;
      shells.push(shell);
    } catch (e) {
      error = e;
    }
  }
  return { electron, handle, shell, error, win: StandInBrowserWindow.instances[0], userData };
}

const logOf = (userData: string) => readFileSync(join(userData, 'logs', 'ssp-desk.log'), 'utf8');

type Invoke = (event: unknown, name: unknown, input: unknown) => Promise<{ ok: boolean }>;
function invoke(electron: ElectronStandIn, win: StandInBrowserWindow, name: string, input: unknown) {
  const handler = electron.ipcMain.handlers.get('ssp:invoke') as Invoke;
  return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, name, input);
}

describe('the database module for Electron is test-loaded at start-up, never replaced by the Node build', () => {
  it('missing: a Danish dialog saying what to run, logged, no window, the app quits', async () => {
    const project = tempDir('ssp-project-');
    const s = await start({ electronVersion: '38.8.6', appPath: project });
    expect(s.error).toBeInstanceOf(NativeBindingError);
    expect(s.win).toBeUndefined();
    expect(s.electron.app.called('quit')).toBe(1);
    const [title, text] = s.electron.dialog.calls[0]!.args as [string, string];
    expect(title).toBe('SSP Desk kan ikke åbne databasen');
    expect(text).toContain('node build/rebuild-native.mjs');
    expect(text).toContain('resources/native/linux-x64/better_sqlite3.node');
    expect(logOf(s.userData)).toContain('"event":"native.binding_failed","reason":"missing","packaged":false');
  });

  it('present but not loadable (another ABI, a broken file): the same, with load_failed; packaged: reinstall', async () => {
    const resources = tempDir('ssp-resources-');
    mkdirSync(join(resources, 'native'));
    writeFileSync(join(resources, 'native', 'better_sqlite3.node'), 'not a shared library');
    const s = await start({ electronVersion: '38.8.6', isPackaged: true, resourcesPath: resources });
    expect(s.error).toBeInstanceOf(NativeBindingError);
    expect(s.win).toBeUndefined();
    const [, text] = s.electron.dialog.calls[0]!.args as [string, string];
    expect(text).toContain('Installér SSP Desk igen');
    expect(logOf(s.userData)).toContain('"reason":"load_failed","packaged":true');
  });

  it('loadable: the app starts on it and a vault is created', async () => {
    const project = tempDir('ssp-project-');
    mkdirSync(join(project, 'resources', 'native', 'linux-x64'), { recursive: true });
    copyFileSync(NODE_BINDING, join(project, 'resources', 'native', 'linux-x64', 'better_sqlite3.node'));
    const s = await start({ electronVersion: '38.8.6', appPath: project });
    expect(s.error).toBeNull();
    const r = await invoke(s.electron, s.win!, 'vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
    expect(r.ok).toBe(true);
    expect(s.electron.dialog.calls).toEqual([]);
    expect(logOf(s.userData)).toContain('native.binding_loaded');
  });
});

describe('menu', () => {
  const labels = (t: MenuItemConstructorOptions[]) => t.map((i) => i.label);
  const items = (t: MenuItemConstructorOptions[], label: string) => (t.find((i) => i.label === label)!.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');

  it('is Danish and small: Rediger with the edit roles, Vis with zoom, Hjælp with Om SSP Desk', () => {
    const t = menuTemplate({ packaged: true, platform: 'win32' });
    expect(labels(t)).toEqual(['Filer', 'Rediger', 'Vis', 'Hjælp']);
    expect(items(t, 'Rediger').map((i) => [i.role, i.label])).toEqual([
      ['undo', 'Fortryd'],
      ['redo', 'Gentag'],
      ['cut', 'Klip'],
      ['copy', 'Kopiér'],
      ['paste', 'Sæt ind'],
      ['selectAll', 'Markér alt'],
    ]);
    expect(items(t, 'Vis').map((i) => i.role)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(items(t, 'Hjælp').map((i) => [i.role, i.label])).toEqual([['about', 'Om SSP Desk']]);
    expect(labels(menuTemplate({ packaged: true, platform: 'darwin' }))).toEqual(['SSP Desk', 'Rediger', 'Vis', 'Hjælp']);
  });

  it('has no reload and no developer tools in the packaged app; a development run has them', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const packaged = rolesOf(menuTemplate({ packaged: true, platform }));
      for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(packaged).not.toContain(role);
      expect(rolesOf(menuTemplate({ packaged: false, platform }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });

  it('is set as the application menu at start-up, with the About panel filled in', async () => {
    const s = await start({ isPackaged: true });
    const built = s.electron.Menu.calls.find((c) => c.method === 'buildFromTemplate')!.args[0] as MenuItemConstructorOptions[];
    expect(rolesOf(built)).not.toContain('reload');
    expect(s.electron.Menu.applicationMenu).toEqual({ template: built });
    expect(s.electron.app.calls.find((c) => c.method === 'setAboutPanelOptions')!.args[0]).toMatchObject({ applicationName: 'SSP Desk' });
  });
});

describe('language and Windows identity', () => {
  it('native controls in Danish (--lang=da) on every platform; setAppUserModelId on Windows only', async () => {
    const win = await start({ platform: 'win32' });
    expect(win.electron.app.switches.get('lang')).toBe('da');
    expect(win.electron.app.calls.find((c) => c.method === 'setAppUserModelId')!.args).toEqual([APP_USER_MODEL_ID]);
    const linux = await start({ platform: 'linux' });
    expect(linux.electron.app.switches.get('lang')).toBe('da');
    expect(linux.electron.app.called('setAppUserModelId')).toBe(0);
  });
});

describe('userData', () => {
  it('Windows: Local AppData (not the roaming profile); development runs in a folder of their own', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\kk\\AppData\\Local', APPDATA: 'C:\\Users\\kk\\AppData\\Roaming' };
    const packaged = userDataDir({ platform: 'win32', env, home: 'C:\\Users\\kk', packaged: true });
    expect(packaged).toBe(join('C:\\Users\\kk\\AppData\\Local', 'SSP Desk'));
    expect(packaged).not.toContain('Roaming');
    expect(userDataDir({ platform: 'win32', env, home: 'C:\\Users\\kk', packaged: false })).toBe(join('C:\\Users\\kk\\AppData\\Local', DEV_APP_NAME));
    expect(userDataDir({ platform: 'darwin', env: {}, home: '/Users/kk', packaged: true })).toBe('/Users/kk/Library/Application Support/SSP Desk');
    expect(userDataDir({ platform: 'linux', env: {}, home: '/home/kk', packaged: false })).toBe('/home/kk/.config/SSP Desk (udvikling)');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/kk', packaged: true })).toBe('/x/SSP Desk');
  });

  it('SSP_DESK_USER_DATA overrides it (tests), and must be absolute', () => {
    expect(userDataDir({ platform: 'win32', env: { SSP_DESK_USER_DATA: '/t/ud' }, home: '/h', packaged: true })).toBe('/t/ud');
    expect(() => userDataDir({ platform: 'linux', env: { SSP_DESK_USER_DATA: 'rel' }, home: '/h', packaged: true })).toThrow(/absolute/);
  });

  it('is set before the single-instance lock is taken (Electron keys the lock on it), so dev and installed app do not share it', async () => {
    const s = await start();
    const order = s.electron.app.calls.map((c) => c.method);
    expect(order.indexOf('setPath')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('setPath')).toBeLessThan(order.indexOf('requestSingleInstanceLock'));
    expect(s.electron.app.calls.find((c) => c.method === 'setPath')!.args).toEqual(['userData', s.userData]);
    expect(s.shell!.ctx.vault.dir).toBe(join(s.userData, 'vault'));
    const home = tempDir('ssp-home-');
    const installed = createElectronStandIn({ userData: '/x', isPackaged: true, home });
    const dev = createElectronStandIn({ userData: '/x', isPackaged: false, home });
    const a = startApp(installed as unknown as ElectronDeps, { mainDir: '/p/out/main', env: {}, platform: 'linux', vaultOptions: { kdf: TEST_KDF } });
    const b = startApp(dev as unknown as ElectronDeps, { mainDir: '/p/out/main', env: {}, platform: 'linux', vaultOptions: { kdf: TEST_KDF } });
    shells.push(await a!.started, await b!.started);
    expect(installed.app.getPath('userData')).toBe(join(home, '.config', 'SSP Desk'));
    expect(dev.app.getPath('userData')).toBe(join(home, '.config', 'SSP Desk (udvikling)'));
  });
});

describe('window size and place', () => {
  it('fits a 1366x768 laptop (work area 1366x728): never taller than the screen', async () => {
    const s = await start({ workAreas: [LAPTOP_WORK_AREA] });
    const o = s.win!.options as { x: number; y: number; width: number; height: number; minWidth: number; minHeight: number };
    expect({ x: o.x, y: o.y, width: o.width, height: o.height }).toEqual({ x: 43, y: 0, width: 1280, height: 728 });
    expect(o.minHeight).toBeLessThanOrEqual(728);
  });

  it('centres the default size on a large display; a tiny one caps the minimum size too', () => {
    expect(initialBounds(null, [], { x: 0, y: 0, width: 1920, height: 1040 }).bounds).toEqual({ x: 320, y: 110, width: 1280, height: 820 });
    const tiny = initialBounds(null, [], { x: 0, y: 0, width: 800, height: 560 });
    expect(tiny.bounds).toEqual({ x: 0, y: 0, width: 800, height: 560 });
    expect(tiny.min).toEqual({ width: 800, height: 560 });
  });

  it('remembers where it was (and maximised); a place on a display that is gone falls back to the primary one', async () => {
    const userData = tempDir('ssp-shell-state-');
    const second = { x: 1366, y: 0, width: 1920, height: 1040 };
    const first = await start({ userData, workAreas: [LAPTOP_WORK_AREA, second] });
    first.win!.bounds = { x: 1500, y: 100, width: 1200, height: 800 };
    first.win!.maximized = true;
    first.win!.emit('close', new StandInEvent());
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ x: 1500, y: 100, width: 1200, height: 800, maximized: true });

    const again = await start({ userData, workAreas: [LAPTOP_WORK_AREA, second] });
    expect(again.win!.getNormalBounds()).toEqual({ x: 1500, y: 100, width: 1200, height: 800 });
    expect(again.win!.isMaximized()).toBe(true);

    // The second display is unplugged: the window opens on the laptop, fitted.
    const unplugged = await start({ userData, workAreas: [LAPTOP_WORK_AREA] });
    expect(unplugged.win!.getNormalBounds()).toEqual({ x: 43, y: 0, width: 1280, height: 728 });

    // A place half off the edge is pulled inside the work area.
    expect(initialBounds({ x: 1000, y: 500, width: 1280, height: 700, maximized: false }, [LAPTOP_WORK_AREA], LAPTOP_WORK_AREA).bounds).toEqual({ x: 86, y: 28, width: 1280, height: 700 });
  });

  it('a broken state file is ignored', async () => {
    const userData = tempDir('ssp-shell-state-');
    writeFileSync(join(userData, 'window-state.json'), '{"x": "a lot"}');
    const s = await start({ userData });
    expect(s.win!.getNormalBounds()).toEqual({ x: 43, y: 0, width: 1280, height: 728 });
  });
});

describe('locking on the ends of a session', () => {
  const unlocked = async () => {
    const s = await start();
    const r = await invoke(s.electron, s.win!, 'vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
    expect(r.ok).toBe(true);
    expect(s.shell!.ctx.vault.state()).toBe('unlocked');
    return s;
  };

  it("Windows log-off or shut-down (the window's session-end; before-quit is not emitted there)", async () => {
    const s = await unlocked();
    s.win!.emit('session-end');
    expect(s.shell!.ctx.vault.state()).toBe('locked');
    expect(logOf(s.userData)).toContain('"reason":"session-end"');
  });

  it("powerMonitor 'shutdown' (Linux, macOS)", async () => {
    const s = await unlocked();
    s.electron.powerMonitor.emit('shutdown');
    expect(s.shell!.ctx.vault.state()).toBe('locked');
    expect(logOf(s.userData)).toContain('"reason":"shutdown"');
  });
});

describe('debugging switches', () => {
  it('lists them whatever the spelling', () => {
    expect(debuggingSwitches(['app', '--remote-debugging-port=9222', '-inspect', '--INSPECT-BRK=1', '--js-flags=--allow-natives-syntax', '--lang=da', '.'])).toEqual([
      'remote-debugging-port',
      'inspect',
      'inspect-brk',
      'js-flags',
    ]);
    expect(debuggingSwitches(['app', '--lang=da', '--no-sandbox-not-a-thing'])).toEqual([]);
  });

  it('the packaged app refuses to start with one (logged, exit 1, no window); a development run allows it', async () => {
    const refused = await start({ isPackaged: true, argv: ['/opt/SSP Desk/ssp-desk', '--remote-debugging-port=9222'] });
    expect(refused.handle).toBeNull();
    expect(refused.electron.app.calls.find((c) => c.method === 'exit')!.args).toEqual([1]);
    expect(refused.electron.app.called('requestSingleInstanceLock')).toBe(0);
    expect(refused.win).toBeUndefined();
    expect(logOf(refused.userData)).toContain('"event":"app.debug_switch_refused","switch":"remote-debugging-port"');

    const dev = await start({ isPackaged: false, argv: ['electron', '.', '--remote-debugging-port=9222'] });
    expect(dev.handle).not.toBeNull();
    expect(dev.win).toBeDefined();
  });
});

describe('nothing invisible: preload errors, failed loads and crashes are logged (without page data), and the window shows', () => {
  it('a preload error is logged by kind only', async () => {
    const s = await start();
    s.win!.webContents.emit('preload-error', new StandInEvent(), '/project/out/preload/index.cjs', new TypeError('Testa Testesen 010101-1234'));
    const log = logOf(s.userData);
    expect(log).toContain('"event":"preload.error","kind":"TypeError"');
    expect(log).not.toContain('Testa');
  });

  it('a failed load of the page is logged with its code and shown in a Danish dialog; a sub-frame is not', async () => {
    const s = await start();
    s.win!.webContents.emit('did-fail-load', new StandInEvent(), -6, 'ERR_FILE_NOT_FOUND', 'file:///secret/Testa.html', false);
    expect(s.electron.dialog.calls).toEqual([]);
    s.win!.webContents.emit('did-fail-load', new StandInEvent(), -6, 'ERR_FILE_NOT_FOUND', 'file:///secret/Testa.html', true);
    expect(s.electron.dialog.calls[0]!.args[0]).toBe('SSP Desk kunne ikke vise sit vindue');
    const log = logOf(s.userData);
    expect(log).toContain('"event":"window.load_failed","code":-6');
    expect(log).not.toContain('secret');
  });

  it('a renderer crash is logged and locks', async () => {
    const s = await start();
    s.win!.webContents.emit('render-process-gone', new StandInEvent(), { reason: 'crashed', exitCode: 1 });
    expect(logOf(s.userData)).toContain('"event":"renderer.gone","reason":"crashed"');
  });

  it('a window whose first paint never comes is shown anyway, and that is logged', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const s = await start();
    expect(s.win!.visible).toBe(false);
    vi.advanceTimersByTime(SHOW_FALLBACK_MS);
    expect(s.win!.visible).toBe(true);
    expect(logOf(s.userData)).toContain('window.show_fallback');
  });
});
