import { dirname, join } from 'node:path';
import { Vault, type VaultOptions } from './vault/vault';
import type { Logger } from './core/log';
import { nullLogger } from './core/log';

/** What every handler gets: the vault (and through it the database), the clock and the log. */
export interface AppContext {
  vault: Vault;
  /** Where backups are written and listed: a folder beside the vault, never a path from the renderer. */
  backupDir: string;
  now: () => Date;
  log: Logger;
  /** Validate handler outputs against the contract (development and tests). */
  validateOutput: boolean;
  /** Called after the vault locks, so the shell can tell the renderer to drop what it holds. */
  onLocked?: () => void;
}

export interface AppContextOptions extends VaultOptions {
  vaultDir: string;
  backupDir?: string;
  log?: Logger;
  validateOutput?: boolean;
}

export function createAppContext(options: AppContextOptions): AppContext {
  const now = options.now ?? (() => new Date());
  return {
    vault: new Vault(options.vaultDir, { kdf: options.kdf, now }),
    backupDir: options.backupDir ?? join(dirname(options.vaultDir), 'backups'),
    now,
    log: options.log ?? nullLogger,
    validateOutput: options.validateOutput ?? true,
  };
}
