import { operationNames, type Api, type OperationName, type Result } from '../../shared/contract';
import { t } from './i18n';

/**
 * The renderer's one typed client for the IPC contract: `await api['vault.status']({})`.
 *
 * Transport, chosen once at start-up:
 * - Electron: `window.ssp`, exposed by the preload (exactly the contract's operations).
 * - Web build (browser mode, `__BROWSER_MODE__`): POST {name, input} to /rpc on the same origin,
 *   authorised by the session cookie. In the Electron build the constant is false and this code
 *   is dropped.
 *
 * Every call resolves to a Result, never rejects; a call answering VAULT_LOCKED notifies
 * `onVaultLocked` listeners, as does the main process's own lock event (`window.sspEvents`).
 */

type Transport = (name: OperationName, input: unknown) => Promise<Result<unknown>>;

/** What the Electron preload exposes next to `window.ssp`. */
export interface SspEvents {
  /** Called when main locks the vault on its own (idle, suspend, screen lock). May return an unsubscribe. */
  onVaultLocked(callback: () => void): void | (() => void);
}

interface SspWindow {
  ssp?: Api;
  sspEvents?: SspEvents;
}

const sspWindow = window as unknown as SspWindow;

function failure(code: 'INTERNAL' | 'IO_ERROR', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

function electronTransport(ssp: Api): Transport {
  return (name, input) => (ssp[name] as (i: unknown) => Promise<Result<unknown>>)(input);
}

/**
 * Browser mode transport (src/main/browser-mode): POST to /rpc on the page's own origin. The
 * session is an HttpOnly cookie the server set when the page was opened with its one-time token,
 * so nothing secret is readable here.
 */
function browserModeTransport(): Transport {
  return async (name, input) => {
    const response = await fetch('/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, input }),
      cache: 'no-store',
      credentials: 'same-origin',
      redirect: 'error',
    });
    if (!response.ok) return failure('IO_ERROR', t('errors.bridgeUnreachable'));
    return (await response.json()) as Result<unknown>;
  };
}

function chooseTransport(): Transport {
  if (sspWindow.ssp) return electronTransport(sspWindow.ssp);
  if (typeof __BROWSER_MODE__ !== 'undefined' && __BROWSER_MODE__) return browserModeTransport();
  return async () => failure('IO_ERROR', t('errors.bridgeUnreachable'));
}

const transport = chooseTransport();

/** Whether the app runs in its desktop shell (Electron's preload), where main can print the window to a PDF file. */
export function hasDesktopShell(): boolean {
  return Boolean(sspWindow.ssp);
}
const lockListeners = new Set<() => void>();

function notifyLocked(): void {
  for (const listener of [...lockListeners]) listener();
}

async function call(name: OperationName, input: unknown): Promise<Result<unknown>> {
  let result: unknown;
  try {
    result = await transport(name, input);
  } catch {
    return failure('IO_ERROR', t('errors.bridgeUnreachable'));
  }
  if (!isResult(result)) return failure('INTERNAL', t('errors.unexpected'));
  if (!result.ok && result.error.code === 'VAULT_LOCKED') notifyLocked();
  return result;
}

/** Built from the contract's operation names, so an operation is declared in one place only. */
export const api: Api = Object.freeze(
  Object.fromEntries(operationNames.map((name) => [name, (input: unknown) => call(name, input)])),
) as Api;

/**
 * Run `callback` whenever the vault is locked behind the renderer's back: the main process's lock
 * event, or any call answering VAULT_LOCKED. Returns an unsubscribe function.
 */
export function onVaultLocked(callback: () => void): () => void {
  lockListeners.add(callback);
  return () => {
    lockListeners.delete(callback);
  };
}

// Subscribed once for the lifetime of the page; listeners come and go above.
sspWindow.sspEvents?.onVaultLocked(notifyLocked);
