import type { Db, Sqlite } from './connection';
import type { Logger } from './log';
import type { DomainModule } from './module';

export type VaultState = 'none' | 'locked' | 'unlocked';

/** Who owns the open vault: notes and audit entries name them. */
export interface VaultOwner {
  name: string;
  role: string;
  area: string;
}

/** The unlocked database. */
export interface OpenVault {
  sqlite: Sqlite;
  db: Db;
  owner: VaultOwner;
  vaultId: string;
}

/**
 * What the dispatcher and the domains need of the vault: its state and, when unlocked, the open
 * database. The vault domain (src/main/vault) implements it; only that domain and the shell see
 * the rest (create, unlock, key files).
 */
export interface VaultSession {
  state(): VaultState;
  retryAfterSeconds(): number;
  /** The open database; throws VAULT_LOCKED when the vault is not unlocked. */
  readonly current: OpenVault;
  lock(): void;
}

/** What every call gets: the vault (and through it the database), the clock and the log. */
export interface CoreContext {
  vault: VaultSession;
  /** Where backups are written and listed: a folder beside the vault, never a path from the renderer. */
  backupDir: string;
  now: () => Date;
  log: Logger;
  /** Validate handler outputs against the contract (development and tests). */
  validateOutput: boolean;
  /** The domains of this app (src/main/modules.ts): their handlers and hooks. */
  modules: readonly DomainModule[];
  /** Called after the vault locks, so the shell can tell the renderer to drop what it holds. */
  onLocked?: () => void;
}
