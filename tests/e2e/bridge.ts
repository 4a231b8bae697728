/**
 * The e2e tests' way into the app: a thin wrapper over the real browser mode
 * (src/main/browser-mode/server.ts), the same server `npm start` runs where Electron is missing.
 * It adds what tests want: a fresh temporary vault folder (removed on close) and cheap key
 * derivation. `url` is the opening URL with its one-time token; the first page.goto(url)
 * exchanges it for the session cookie.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../src/main/app-context';
import { BROWSER_MODE_CSP, startBrowserMode } from '../../src/main/browser-mode/server';
import type { Dispatch } from '../../src/main/modules';
import type { Result } from '../../src/shared/contract';
import { TEST_KDF, type KdfParams } from '../../src/main/vault/kdf';

export const DIST_WEB = fileURLToPath(new URL('../../dist-web', import.meta.url));

/** The policy browser mode sends (the Electron window's, with connect-src 'self'). */
export const CSP = BROWSER_MODE_CSP;

export interface BridgeOptions {
  /** A vault folder; a fresh temporary one (removed on close) when left out. */
  vaultDir?: string;
  kdf?: KdfParams;
  /** Only 127.0.0.1 is accepted; anything else throws. */
  host?: string;
  /** The built renderer; dist-web by default. */
  distDir?: string;
  /** The main process's clock; the real one when left out. */
  now?: () => Date;
}

export interface Bridge {
  /** Open this in the browser: the app's opening URL with the one-time token. */
  url: string;
  origin: string;
  ctx: AppContext;
  dispatch: Dispatch;
  vaultDir: string;
  close(): Promise<void>;
}

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const ownsVaultDir = !options.vaultDir;
  const vaultDir = options.vaultDir ?? mkdtempSync(join(tmpdir(), 'ssp-desk-e2e-'));
  try {
    const server = await startBrowserMode({
      distDir: options.distDir ?? DIST_WEB,
      vaultDir,
      kdf: options.kdf ?? TEST_KDF,
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    return {
      url: server.url,
      origin: server.origin,
      ctx: server.ctx,
      dispatch: server.dispatch,
      vaultDir,
      async close() {
        await server.close();
        if (ownsVaultDir) rmSync(vaultDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (ownsVaultDir) rmSync(vaultDir, { recursive: true, force: true });
    throw e;
  }
}

/** One contract call through the bridge's dispatcher (set-up and checks beside the UI); throws on an error result. */
export async function call<T>(bridge: Bridge, name: string, input: unknown): Promise<T> {
  const r = (await bridge.dispatch(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
