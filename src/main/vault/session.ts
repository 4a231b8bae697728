import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { CoreContext } from '../core/context';
import type { VaultStatus } from '../../shared/vault';
import { Vault } from './vault';

/** The vault behind an app context, with everything the vault domain may do to it. */
export function vaultOf(app: CoreContext): Vault {
  if (!(app.vault instanceof Vault)) throw new Error('The app context holds no vault of this app.');
  return app.vault;
}

export function vaultStatus(app: CoreContext): VaultStatus {
  const state = app.vault.state();
  if (state === 'unlocked') return { state, owner: app.vault.current.owner };
  const retry = app.vault.retryAfterSeconds();
  return retry > 0 ? { state, retryAfterSeconds: retry } : { state };
}

export async function createVault(
  app: CoreContext,
  input: { passphrase: string; passphraseConfirm: string; owner: { name: string; role: string; area: string } },
): Promise<{ recoveryKey: string; status: VaultStatus }> {
  if (input.passphrase !== input.passphraseConfirm) {
    throw new AppError('INVALID_INPUT', 'De to adgangskoder er ikke ens.', { passphraseConfirm: 'Skal være den samme som adgangskoden' });
  }
  const { recoveryKey } = await vaultOf(app).create(input.passphrase, input.owner);
  const open = app.vault.current;
  audit(open.db, { at: app.now(), actor: open.owner.name, action: 'create', entity: 'vault' });
  app.log.info('vault.created');
  return { recoveryKey, status: vaultStatus(app) };
}

export async function unlockVault(app: CoreContext, input: { method: 'passphrase' | 'recovery'; secret: string }): Promise<VaultStatus> {
  const wasUnlocked = app.vault.state() === 'unlocked';
  try {
    await vaultOf(app).unlock(input.method, input.secret);
  } catch (e) {
    if (e instanceof AppError) app.log.warn('vault.unlock_failed', { code: e.code });
    throw e;
  }
  const open = app.vault.current;
  try {
    audit(open.db, { at: app.now(), actor: open.owner.name, action: 'unlock', entity: 'vault', detail: input.method });
  } catch (e) {
    // A vault that cannot record its unlock (disk full, folder read-only) stays locked, so the
    // screen and the main process agree; the dispatcher turns the error into IO_ERROR.
    if (!wasUnlocked) app.vault.lock();
    throw e;
  }
  app.log.info('vault.unlocked', { method: input.method });
  return vaultStatus(app);
}

export function lockVault(app: CoreContext): VaultStatus {
  if (app.vault.state() === 'unlocked') {
    const open = app.vault.current;
    try {
      audit(open.db, { at: app.now(), actor: open.owner.name, action: 'lock', entity: 'vault' });
    } catch (e) {
      // Locking must work on a full or read-only disk: the entry is lost, the lock is not.
      app.log.warn('vault.lock_unaudited', { code: String((e as { code?: unknown }).code ?? '') });
    }
    app.vault.lock();
    app.log.info('vault.locked');
    app.onLocked?.();
  }
  return vaultStatus(app);
}

export async function changePassphrase(app: CoreContext, input: { current: string; next: string; nextConfirm: string }): Promise<{ changed: true }> {
  if (input.next !== input.nextConfirm) {
    throw new AppError('INVALID_INPUT', 'De to nye adgangskoder er ikke ens.', { nextConfirm: 'Skal være den samme som den nye adgangskode' });
  }
  await vaultOf(app).changePassphrase(input.current, input.next);
  const open = app.vault.current;
  audit(open.db, { at: app.now(), actor: open.owner.name, action: 'update', entity: 'vault', detail: 'passphrase' });
  return { changed: true };
}
