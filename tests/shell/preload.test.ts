import { beforeAll, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../src/shared/contract';
import type { ElectronStandIn } from './stand-in';

// The preload imports 'electron'; the stand-in gives it a recording contextBridge and ipcRenderer.
const electron = vi.hoisted(() => ({ current: null as ElectronStandIn | null }));
vi.mock('electron', async () => {
  const { createElectronStandIn } = await import('./stand-in');
  electron.current = createElectronStandIn({ userData: '/nowhere' });
  return { contextBridge: electron.current.contextBridge, ipcRenderer: electron.current.ipcRenderer };
});

let exposed: Map<string, unknown>;
beforeAll(async () => {
  await import('../../src/preload/index');
  exposed = electron.current!.contextBridge.exposed;
});

describe('preload', () => {
  it('exposes exactly window.ssp and window.sspEvents, nothing else', () => {
    expect([...exposed.keys()].sort()).toEqual(['ssp', 'sspEvents']);
    expect(electron.current!.contextBridge.calls).toHaveLength(2);
  });

  it('window.ssp has exactly one function per contract operation', () => {
    const api = exposed.get('ssp') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) expect(typeof api[name], name).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each function invokes ssp:invoke with (name, input) and returns its answer', async () => {
    const api = exposed.get('ssp') as Record<string, (input: unknown) => Promise<unknown>>;
    const ipc = electron.current!.ipcRenderer;
    ipc.calls.length = 0;
    for (const name of operationNames) {
      const input = { probe: name };
      await expect(api[name]!(input)).resolves.toEqual({ ok: true, value: { channel: 'ssp:invoke', args: [name, input] } });
    }
    expect(ipc.calls.map((c) => c.args)).toEqual(operationNames.map((name) => ['ssp:invoke', name, { probe: name }]));
  });

  it('sspEvents.onVaultLocked calls back on ssp:locked, without the event, until unsubscribed', () => {
    const events = exposed.get('sspEvents') as { onVaultLocked(cb: (...args: unknown[]) => void): () => void };
    expect(Object.keys(events)).toEqual(['onVaultLocked']);
    const ipc = electron.current!.ipcRenderer;
    const seen: unknown[][] = [];
    const stop = events.onVaultLocked((...args) => seen.push(args));
    ipc.emit('ssp:locked', { sender: 'secret event object' });
    expect(seen).toEqual([[]]);
    stop();
    ipc.emit('ssp:locked', {});
    expect(seen).toHaveLength(1);
    expect(ipc.listenerCount('ssp:locked')).toBe(0);
    expect(() => events.onVaultLocked('not a function' as never)).toThrow(TypeError);
  });

  it('does not expose ipcRenderer or anything that reaches it', () => {
    for (const value of exposed.values()) {
      for (const v of Object.values(value as object)) {
        expect(v).not.toBe(electron.current!.ipcRenderer);
      }
    }
  });
});
