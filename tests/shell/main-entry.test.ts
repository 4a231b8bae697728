import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ElectronStandIn } from './stand-in';

// main.ts hands the real 'electron' module to startApp; here 'electron' is the stand-in.
const state = vi.hoisted(() => ({ electron: null as ElectronStandIn | null, userData: '' }));
vi.mock('electron', async () => {
  const { mkdtempSync: mk } = await import('node:fs');
  const { tmpdir: tmp } = await import('node:os');
  const { join: j } = await import('node:path');
  const { createElectronStandIn } = await import('./stand-in');
  state.userData = mk(j(tmp(), 'ssp-main-'));
  // main.ts passes process.env: the test's own userData (paths.ts), never the developer's.
  process.env.SSP_DESK_USER_DATA = state.userData;
  state.electron = createElectronStandIn({ userData: state.userData });
  const e = state.electron;
  return { app: e.app, BrowserWindow: e.BrowserWindow, dialog: e.dialog, ipcMain: e.ipcMain, Menu: e.Menu, powerMonitor: e.powerMonitor, protocol: e.protocol, screen: e.screen, session: e.session };
});

afterAll(() => {
  delete process.env.SSP_DESK_USER_DATA;
  if (state.userData) rmSync(state.userData, { recursive: true, force: true });
});

describe('main.ts (the Electron entry)', () => {
  it('starts the app with the electron module: lock, window, IPC, power events', async () => {
    await import('../../src/main/electron/main');
    const e = state.electron!;
    expect(e.app.called('requestSingleInstanceLock')).toBe(1);
    await vi.waitFor(() => expect(e.BrowserWindow.instances).toHaveLength(1));
    const win = e.BrowserWindow.instances[0]!;
    const url = win.calls.find((c) => c.method === 'loadURL')!.args[0] as string;
    expect(url).toBe('app://ssp-desk/index.html');
    expect(e.protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect([...e.protocol.handlers.keys()]).toEqual(['app']);
    expect((win.options.webPreferences as { preload: string }).preload).toBe(join(process.cwd(), 'src', 'main', 'preload', 'index.cjs'));
    expect([...e.ipcMain.handlers.keys()]).toEqual(['ssp:invoke']);
    expect(e.powerMonitor.listenerCount('suspend')).toBe(1);
    expect(e.powerMonitor.listenerCount('lock-screen')).toBe(1);
    expect(e.powerMonitor.listenerCount('shutdown')).toBe(1);
    expect(win.listenerCount('session-end')).toBe(1);
    expect(e.app.getPath('userData')).toBe(state.userData);
    expect(e.Menu.applicationMenu).toBeTruthy();
    expect(e.app.listenerCount('before-quit')).toBe(1);
    expect(e.app.listenerCount('window-all-closed')).toBe(1);
    expect(e.app.listenerCount('second-instance')).toBe(1);
  });
});
