/**
 * The preload: the renderer's only door to main. Exposes exactly one function per contract
 * operation on window.ssp, each sending (name, input) over the one invoke channel, and
 * window.sspEvents.onVaultLocked for locks main initiates (suspend, screen lock). Nothing else:
 * no ipcRenderer, no event objects, no Node.
 *
 * Built as one CommonJS bundle (out/preload/index.cjs): a sandboxed preload cannot be an ES
 * module and can require only 'electron' and a few built-ins, so everything else (the contract
 * names, and with them zod) is bundled in.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { operationNames, type Api } from '../shared/contract';
import { INVOKE_CHANNEL, LOCKED_CHANNEL } from './channels';

export interface SspEvents {
  /** Call `callback` whenever main locks the vault. Returns a function that stops the calls. */
  onVaultLocked(callback: () => void): () => void;
}

function buildApi(): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    api[name] = (input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input);
  }
  return Object.freeze(api) as unknown as Api;
}

const events: SspEvents = Object.freeze({
  onVaultLocked(callback: () => void): () => void {
    if (typeof callback !== 'function') throw new TypeError('onVaultLocked needs a function');
    // The renderer gets no event object (it would carry the sender); only the call.
    const listener = () => callback();
    ipcRenderer.on(LOCKED_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(LOCKED_CHANNEL, listener);
    };
  },
});

contextBridge.exposeInMainWorld('ssp', buildApi());
contextBridge.exposeInMainWorld('sspEvents', events);
