import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type ElectronDeps, type Shell } from '../../src/main/electron/app';
import { PROJECTION_WINDOW_NAME } from '../../src/main/electron/projection-window';
import { secureWebPreferences } from '../../src/main/electron/window';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createElectronStandIn, StandInBrowserWindow, StandInEvent, type StandInDisplay } from './stand-in';

/**
 * Issue 18 item 5, the Electron side: the control window opens the audience window the way
 * browser mode does (PresenterWindow.tsx: window.open('', 'ssp-projection', 'popup,...')); the
 * real shell (startApp, with the stand-in 'electron' doing what Electron's window-open machinery
 * does) allows exactly that window, full screen on the external display, and nothing else.
 */

const LAPTOP: StandInDisplay = { id: 11, internal: true, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const PROJECTOR: StandInDisplay = { id: 22, internal: false, bounds: { x: 1366, y: 0, width: 1920, height: 1080 }, workArea: { x: 1366, y: 0, width: 1920, height: 1080 } };
const MONITOR: StandInDisplay = { id: 33, internal: true, bounds: { x: -1280, y: 0, width: 1280, height: 1024 }, workArea: { x: -1280, y: 0, width: 1280, height: 984 } };

/** What the control view asks for (PresenterWindow.tsx). */
const OPEN = { url: 'about:blank', frameName: 'ssp-projection', features: 'popup,width=1280,height=720', disposition: 'new-window' };

const dirs: string[] = [];
const shells: Shell[] = [];
afterEach(() => {
  for (const s of shells.splice(0)) s.ctx.vault.lock();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(displays: StandInDisplay[], init: { isPackaged?: boolean } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'ssp-projection-'));
  dirs.push(userData);
  const electron = createElectronStandIn({ userData, appPath: '/project', isPackaged: init.isPackaged ?? true, displays });
  const handle = startApp(electron as unknown as ElectronDeps, { mainDir: '/project/out/main', env: { SSP_DESK_USER_DATA: userData }, vaultOptions: { kdf: TEST_KDF } });
  const shell = await handle!.started;
  shells.push(shell);
  const win = StandInBrowserWindow.instances[0]!;
  return { electron, win, userData, log: () => readFileSync(join(userData, 'logs', 'ssp-desk.log'), 'utf8') };
}

describe('the projector window in Electron', () => {
  it('the renderer and main use one window name', () => {
    expect(PROJECTION_WINDOW_NAME).toBe('ssp-projection');
    expect(readFileSync('src/renderer/leader-meetings/PresenterWindow.tsx', 'utf8')).toContain('const WINDOW_NAME = PROJECTION_WINDOW_NAME;');
  });

  it('with a projector connected: full screen on the projector, the control window stays on the laptop', async () => {
    const { win, log } = await start([LAPTOP, PROJECTOR]);
    const before = win.getBounds();
    expect(before.x + before.width).toBeLessThanOrEqual(1366); // the control window is on the laptop

    const audience = win.webContents.windowOpen(OPEN);
    expect(audience).not.toBeNull();
    expect(StandInBrowserWindow.instances).toHaveLength(2);
    // Created on the projector's bounds, full screen (not the 1280x720 the features string asks for).
    expect(audience!.options).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080, fullscreen: true, frame: false, show: true });
    // ...and put there again once created (window managers may ignore x and y of a new window).
    expect(audience!.calls.map((c) => c.method)).toEqual(['setMenuBarVisibility', 'setBounds', 'setFullScreen']);
    expect(audience!.getBounds()).toEqual(PROJECTOR.bounds);
    expect(audience!.isFullScreen()).toBe(true);
    // The control window with names is not moved, not full screen.
    expect(win.getBounds()).toEqual(before);
    expect(win.isFullScreen()).toBe(false);
    expect(win.calls.map((c) => c.method)).not.toContain('setBounds');
    expect(log()).toContain('"event":"projection.window_opened","external":true');
  });

  it('with one display: an ordinary 1280x720 window on the laptop, not full screen (as in browser mode)', async () => {
    const { win, log } = await start([LAPTOP]);
    const audience = win.webContents.windowOpen(OPEN)!;
    expect(audience.options).toMatchObject({ x: 43, y: 4, width: 1280, height: 720, fullscreen: false });
    expect(audience.options.frame).toBeUndefined();
    expect(audience.calls.map((c) => c.method)).toEqual(['setMenuBarVisibility']);
    expect(audience.isFullScreen()).toBe(false);
    expect(log()).toContain('"event":"projection.window_opened","external":false');
  });

  it('the audience goes to a display other than the control window’s, an external one first', async () => {
    // Window state puts the control window on the big monitor (left of the laptop): the laptop and
    // the projector are both "other"; the projector, being external, is chosen.
    const { win } = await start([LAPTOP, MONITOR, PROJECTOR]);
    win.bounds = { x: -1200, y: 50, width: 1100, height: 800 };
    const audience = win.webContents.windowOpen(OPEN)!;
    expect(audience.getBounds()).toEqual(PROJECTOR.bounds);

    // Laptop and monitor only, control window on the monitor: the laptop screen is the audience's.
    const two = await start([LAPTOP, MONITOR]);
    two.win.bounds = { x: -1200, y: 50, width: 1100, height: 800 };
    expect(two.win.webContents.windowOpen(OPEN)!.getBounds()).toEqual(LAPTOP.bounds);
  });

  it('a projector plugged in after start counts (the displays are read at each opening)', async () => {
    const { electron, win } = await start([LAPTOP]);
    electron.screen.displays.push(PROJECTOR);
    const audience = win.webContents.windowOpen(OPEN)!;
    expect(audience.isFullScreen()).toBe(true);
    expect(audience.getBounds()).toEqual(PROJECTOR.bounds);
  });

  it('unplugging the projector closes the audience window (it would cover the control view); another display going does not', async () => {
    const { electron, win, log } = await start([LAPTOP, PROJECTOR, MONITOR]);
    const audience = win.webContents.windowOpen(OPEN)!;
    electron.screen.events.emit('display-removed', new StandInEvent(), MONITOR);
    expect(audience.isDestroyed()).toBe(false);
    electron.screen.events.emit('display-removed', new StandInEvent(), PROJECTOR);
    expect(audience.isDestroyed()).toBe(true);
    expect(win.isDestroyed()).toBe(false);
    expect(log()).toContain('"event":"projection.display_removed"');
    // Closed by the chair before: nothing to do when the projector goes.
    const again = win.webContents.windowOpen(OPEN)!;
    again.close();
    electron.screen.events.emit('display-removed', new StandInEvent(), PROJECTOR);
    expect(again.calls.filter((c) => c.method === 'close')).toHaveLength(1);
  });

  it('has the main window’s secure web preferences, without a preload, and closes with the control window', async () => {
    const { win } = await start([LAPTOP, PROJECTOR]);
    let answer: Record<string, unknown> | null = null;
    const handler = win.webContents.windowOpenHandler!;
    answer = handler({ ...OPEN }) as unknown as Record<string, unknown>;
    expect(answer).toMatchObject({ action: 'allow', outlivesOpener: false });
    const audience = win.webContents.windowOpen(OPEN)!;
    const web = audience.options.webPreferences as Record<string, unknown>;
    expect(web).toEqual(secureWebPreferences(false));
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(web).not.toHaveProperty('preload');
    // The main window's preferences are the same plus its preload.
    const { preload, ...mainRest } = win.options.webPreferences as Record<string, unknown>;
    expect(preload).toBe(join('/project/out/preload/index.cjs'));
    expect(mainRest).toEqual(web);
  });

  it('DevTools only when not packaged, as for the main window', async () => {
    const { win } = await start([LAPTOP, PROJECTOR], { isPackaged: false });
    expect((win.webContents.windowOpen(OPEN)!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
  });

  it('only the projection window may open: any other URL, name or a form post is denied', async () => {
    const { win, log } = await start([LAPTOP, PROJECTOR]);
    const refused = [
      { url: 'app://ssp-desk/index.html#/ledergrupper/1/projektion', frameName: 'ssp-projection' },
      { url: 'app://ssp-desk/index.html', frameName: '' },
      { url: 'https://www.kk.dk/', frameName: 'ssp-projection' },
      { url: 'javascript:alert(1)', frameName: 'ssp-projection' },
      { url: 'data:text/html,<h1>x</h1>', frameName: 'ssp-projection' },
      { url: 'file:///etc/passwd', frameName: 'ssp-projection' },
      { url: 'about:blank', frameName: 'other' },
      { url: 'about:blank', frameName: '' },
      { url: 'about:blank', frameName: '_blank' },
    ];
    for (const d of refused) {
      expect(win.webContents.windowOpenHandler!({ ...OPEN, ...d }), JSON.stringify(d)).toEqual({ action: 'deny' });
      expect(win.webContents.windowOpen({ ...OPEN, ...d }), JSON.stringify(d)).toBeNull();
    }
    const post = win.webContents.windowOpenHandler as unknown as (d: unknown) => { action: string };
    expect(post({ ...OPEN, postBody: { data: [], contentType: 'application/x-www-form-urlencoded' } })).toEqual({ action: 'deny' });
    expect(StandInBrowserWindow.instances).toHaveLength(1);
    expect(log()).toContain('"event":"window.open_denied"');
    // Denials log the scheme only.
    expect(log()).not.toContain('kk.dk');
    expect(log()).not.toContain('passwd');
  });

  it('the audience window opens nothing, navigates nowhere (not even to our page) and has no way to main', async () => {
    const { electron, win } = await start([LAPTOP, PROJECTOR]);
    const audience = win.webContents.windowOpen(OPEN)!;
    // Electron emits web-contents-created for every new webContents: the shell guards it.
    electron.app.emit('web-contents-created', new StandInEvent(), audience.webContents);
    expect(audience.webContents.windowOpen(OPEN)).toBeNull();
    const nav = new StandInEvent('https://example.com/');
    audience.webContents.emit('will-navigate', nav, 'https://example.com/');
    expect(nav.defaultPrevented).toBe(true);
    const toApp = new StandInEvent('app://ssp-desk/index.html');
    audience.webContents.emit('will-navigate', toApp, 'app://ssp-desk/index.html');
    // Not even to our own page: it is an about:blank document the control window writes into.
    expect(toApp.defaultPrevented).toBe(true);
    const invoke = electron.ipcMain.handlers.get('ssp:invoke')!;
    const r = (await invoke({ sender: audience.webContents, senderFrame: audience.webContents.mainFrame }, 'vault.status', {})) as { ok: boolean };
    expect(r.ok).toBe(false);
  });
});
