import type { DomainModule } from '../core/module';
import { vaultHandlers } from './handlers';

/** The vault: creating, unlocking and locking it, its key file and its backups. */
export const vaultModule: DomainModule = { name: 'vault', handlers: vaultHandlers };

export * from './schema';
export { Vault, assertPassphrasePolicy, writeFileAtomic, type VaultOptions } from './vault';
export { vaultOf, vaultStatus } from './session';
export * from './backup';
export * from './kdf';
export { appendDeletionLedger, readDeletionLedger, deletionLedgerFile, type DeletionEntry } from './deletion-ledger';
export { acquireVaultLock, setLockProgram, lockFilesOf, type VaultLock } from './lock';
export { recoverInterruptedSteps, hasVaultData, leftoversOf, type RecoveryAction } from './recovery';
