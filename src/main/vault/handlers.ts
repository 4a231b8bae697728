import { defineHandlers } from '../core/handlers';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { AppContext } from '../app-context';
import type { VaultStatus } from '../../shared/vault/contract';

export function vaultStatus(ctx: AppContext): VaultStatus {
  const state = ctx.vault.state();
  if (state === 'unlocked') return { state, owner: ctx.vault.current.owner };
  const retry = ctx.vault.retryAfterSeconds();
  return retry > 0 ? { state, retryAfterSeconds: retry } : { state };
}

export const vaultHandlers = defineHandlers({
  'vault.status': (_input, ctx) => vaultStatus(ctx),

  'vault.create': async (input, ctx) => {
    if (input.passphrase !== input.passphraseConfirm) {
      throw new AppError('INVALID_INPUT', 'De to adgangskoder er ikke ens.', { passphraseConfirm: 'Skal være den samme som adgangskoden' });
    }
    const { recoveryKey } = await ctx.vault.create(input.passphrase, input.owner);
    const open = ctx.vault.current;
    audit(open.db, { at: ctx.now(), actor: open.owner.name, action: 'create', entity: 'vault' });
    ctx.log.info('vault.created');
    return { recoveryKey, status: vaultStatus(ctx) };
  },

  'vault.unlock': async (input, ctx) => {
    const wasUnlocked = ctx.vault.state() === 'unlocked';
    try {
      await ctx.vault.unlock(input.method, input.secret);
    } catch (e) {
      if (e instanceof AppError) ctx.log.warn('vault.unlock_failed', { code: e.code });
      throw e;
    }
    const open = ctx.vault.current;
    try {
      audit(open.db, { at: ctx.now(), actor: open.owner.name, action: 'unlock', entity: 'vault', detail: input.method });
    } catch (e) {
      // A vault that cannot record its unlock (disk full, folder read-only) stays locked, so the
      // screen and the main process agree; the dispatcher turns the error into IO_ERROR.
      if (!wasUnlocked) ctx.vault.lock();
      throw e;
    }
    ctx.log.info('vault.unlocked', { method: input.method });
    return vaultStatus(ctx);
  },

  'vault.lock': (_input, ctx) => {
    if (ctx.vault.state() === 'unlocked') {
      const open = ctx.vault.current;
      try {
        audit(open.db, { at: ctx.now(), actor: open.owner.name, action: 'lock', entity: 'vault' });
      } catch (e) {
        // Locking must work on a full or read-only disk: the entry is lost, the lock is not.
        ctx.log.warn('vault.lock_unaudited', { code: String((e as { code?: unknown }).code ?? '') });
      }
      ctx.vault.lock();
      ctx.log.info('vault.locked');
      ctx.onLocked?.();
    }
    return vaultStatus(ctx);
  },

  'vault.changePassphrase': async (input, ctx) => {
    if (input.next !== input.nextConfirm) {
      throw new AppError('INVALID_INPUT', 'De to nye adgangskoder er ikke ens.', { nextConfirm: 'Skal være den samme som den nye adgangskode' });
    }
    await ctx.vault.changePassphrase(input.current, input.next);
    const open = ctx.vault.current;
    audit(open.db, { at: ctx.now(), actor: open.owner.name, action: 'update', entity: 'vault', detail: 'passphrase' });
    return { changed: true as const };
  },
});
