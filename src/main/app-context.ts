import { dirname, join } from 'node:path';
import type { Db } from './core/connection';
import type { CoreContext } from './core/context';
import type { Logger } from './core/log';
import { nullLogger } from './core/log';
import type { DomainModule } from './core/module';
import { Vault, type VaultOptions } from './vault';
import { modules as allModules } from './modules';

/** The app's context: the core context with this app's vault (the shell, the CLI and tests use it). */
export interface AppContext extends CoreContext {
  vault: Vault;
}

export interface AppContextOptions extends VaultOptions {
  vaultDir: string;
  backupDir?: string;
  log?: Logger;
  validateOutput?: boolean;
  modules?: readonly DomainModule[];
}

/** Every domain's vault-creation hook, in list order (default reference data). */
export function onVaultCreated(modules: readonly DomainModule[] = allModules): (db: Db) => void {
  return (db) => {
    for (const m of modules) m.onVaultCreated?.(db);
  };
}

/** A vault whose creation runs every domain's hook: use this, not `new Vault`, to create vaults. */
export function openVault(dir: string, options: VaultOptions = {}, modules: readonly DomainModule[] = allModules): Vault {
  return new Vault(dir, { ...options, onCreated: onVaultCreated(modules) });
}

export function createAppContext(options: AppContextOptions): AppContext {
  const now = options.now ?? (() => new Date());
  const modules = options.modules ?? allModules;
  const log = options.log ?? nullLogger;
  return {
    vault: openVault(options.vaultDir, { kdf: options.kdf, now, onThrottleTamper: () => log.warn('vault.throttle_tampered') }, modules),
    backupDir: options.backupDir ?? join(dirname(options.vaultDir), 'backups'),
    now,
    log,
    validateOutput: options.validateOutput ?? true,
    modules,
  };
}
