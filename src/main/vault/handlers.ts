import { defineHandlers } from '../core/handlers';
import { changePassphrase, createVault, lockVault, unlockVault, vaultStatus } from './session';

/** Create, unlock and lock the vault, and change its passphrase. */
export const vaultHandlers = defineHandlers({
  'vault.status': (_i, s) => vaultStatus(s.app),
  'vault.create': (input, s) => createVault(s.app, input),
  'vault.unlock': (input, s) => unlockVault(s.app, input),
  'vault.lock': (_i, s) => lockVault(s.app),
  'vault.changePassphrase': (input, s) => changePassphrase(s.app, input),
});
