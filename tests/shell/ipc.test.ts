import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL, isTrustedSender, registerIpc, type SenderEvent } from '../../src/main/electron/ipc';
import type { Dispatch } from '../../src/main/modules';
import type { Logger } from '../../src/main/core/log';
import { StandInFrame, StandInIpcMain, StandInSession, StandInWebContents } from './stand-in';

const APP_URL = 'file:///opt/ssp/out/renderer/index.html';

function setUp() {
  const ours = new StandInWebContents(new StandInSession());
  ours.mainFrame.url = `${APP_URL}#/start`;
  const other = new StandInWebContents(new StandInSession());
  other.mainFrame.url = APP_URL;
  const ipcMain = new StandInIpcMain();
  const dispatch = vi.fn<Dispatch>(async (name) => ({ ok: true, value: { dispatched: name } }));
  const events: string[] = [];
  const log: Logger = { info: (e) => events.push(e), warn: (e) => events.push(e), error: (e) => events.push(e) };
  registerIpc(ipcMain as unknown as IpcMain, dispatch, (event) => isTrustedSender(event, ours.id, APP_URL), log);
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL)!;
  const call = (sender: StandInWebContents, frame: StandInFrame | null, name: unknown = 'vault.status', input: unknown = {}) =>
    handler({ sender, senderFrame: frame }, name, input) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
  return { ours, other, ipcMain, dispatch, events, call };
}

describe('IPC registration', () => {
  it('registers exactly one channel, ssp:invoke', () => {
    const { ipcMain } = setUp();
    expect(INVOKE_CHANNEL).toBe('ssp:invoke');
    expect([...ipcMain.handlers.keys()]).toEqual(['ssp:invoke']);
  });
});

describe('IPC sender check', () => {
  it('dispatches a call from our window main frame showing our page', async () => {
    const { ours, dispatch, call } = setUp();
    const result = await call(ours, ours.mainFrame, 'vault.status', { a: 1 });
    expect(result).toEqual({ ok: true, value: { dispatched: 'vault.status' } });
    expect(dispatch).toHaveBeenCalledWith('vault.status', { a: 1 });
  });

  it('refuses a main frame showing a foreign URL, without dispatching', async () => {
    const { ours, dispatch, call, events } = setUp();
    ours.mainFrame.url = 'https://evil.example/index.html';
    const result = await call(ours, ours.mainFrame);
    expect(result.ok).toBe(false);
    expect(result.error!.code).toBe('INTERNAL');
    expect(result.error!.message.length).toBeGreaterThan(10);
    expect(dispatch).not.toHaveBeenCalled();
    expect(events).toContain('ipc.untrusted_sender');
  });

  it('refuses a subframe, even one showing our page', async () => {
    const { ours, dispatch, call } = setUp();
    const sub = new StandInFrame({ url: APP_URL, parent: ours.mainFrame });
    expect((await call(ours, sub)).ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses another webContents, even one showing our page', async () => {
    const { other, dispatch, call } = setUp();
    expect((await call(other, other.mainFrame)).ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is gone', async () => {
    const { ours, dispatch, call } = setUp();
    expect((await call(ours, null)).ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('isTrustedSender on its own', () => {
    const ours = new StandInWebContents(new StandInSession());
    ours.mainFrame.url = APP_URL;
    const ev = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as unknown as SenderEvent;
    expect(isTrustedSender(ev(ours, ours.mainFrame), ours.id, APP_URL)).toBe(true);
    expect(isTrustedSender(ev(ours, ours.mainFrame), ours.id + 1, APP_URL)).toBe(false);
    expect(isTrustedSender(ev(undefined, ours.mainFrame), ours.id, APP_URL)).toBe(false);
    expect(isTrustedSender(ev(ours, new StandInFrame({ url: 'file:///opt/ssp/out/renderer/index.html.x' })), ours.id, APP_URL)).toBe(false);
  });

  it('turns a throwing dispatcher into an INTERNAL result', async () => {
    const ipcMain = new StandInIpcMain();
    const ours = new StandInWebContents(new StandInSession());
    ours.mainFrame.url = APP_URL;
    registerIpc(ipcMain as unknown as IpcMain, () => Promise.reject(new Error('boom')), () => true);
    const result = (await ipcMain.handlers.get(INVOKE_CHANNEL)!({ sender: ours, senderFrame: ours.mainFrame }, 'x', {})) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
