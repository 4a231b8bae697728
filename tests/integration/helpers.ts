import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createAppContext, type AppContext } from '../../src/main/app-context';
import { createDispatcher, type Dispatch } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { vaultFiles } from '../../src/main/vault/layout';
import type { Result } from '../../src/shared/contract';

export const PASSPHRASE = 'grøn-cykel-under-Amagerbro-42';
export const OWNER = { name: 'Testa Koordinatorsen', role: 'SSP-koordinator', area: 'SSP Amager Vest' };

export interface TestVault {
  dir: string;
  ctx: AppContext;
  dispatch: Dispatch;
  /** Call and unwrap: throws with the error's code when the call fails. */
  call<T = unknown>(name: string, input: unknown): Promise<T>;
  files: ReturnType<typeof vaultFiles>;
  cleanup(): void;
}

export function tempDir(prefix = 'ssp-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real encrypted vault in a temp folder, with the real handlers. Cheap KDF parameters for speed. */
export async function createTestVault(options: { create?: boolean; now?: () => Date; dir?: string } = {}): Promise<TestVault> {
  const dir = options.dir ?? join(tempDir(), 'vault');
  const ctx = createAppContext({ vaultDir: dir, kdf: TEST_KDF, ...(options.now ? { now: options.now } : {}) });
  const dispatch = createDispatcher(ctx);
  const call = async <T,>(name: string, input: unknown): Promise<T> => {
    const r = (await dispatch(name, input)) as Result<T>;
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value;
  };
  if (options.create !== false) {
    await call('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
  }
  return {
    dir,
    ctx,
    dispatch,
    call,
    files: vaultFiles(dir),
    cleanup: () => {
      try {
        ctx.vault.lock();
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function sha256File(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent';
}

export function hashVault(files: ReturnType<typeof vaultFiles>): Record<string, string> {
  return { db: sha256File(files.database), wal: sha256File(files.wal), keys: sha256File(files.keyFile) };
}
