import { useCallback, useEffect, useState } from 'react';
import type { Owner, VaultStatus } from '../shared/vault';
import { api, onVaultLocked } from './core/api';
import { CreateVaultScreen, RecoveryKeyScreen, UnlockScreen, type CreatedVault, type LockNotice } from './vault';
import { t, useLocale } from './core/i18n';
import { IdleLockProvider } from './core/shell/IdleLock';
import { MainLayout } from './core/shell/MainLayout';
import { PublicLayout } from './core/shell/PublicLayout';
import { RouterProvider } from './core/shell/router';
import { SessionProvider } from './core/shell/session';
import { Alert } from './core/ui/Alert';
import { Button } from './core/ui/Button';

/**
 * Where the app is. Everything decrypted (the owner, the recovery key, and all state of the
 * unlocked tree) lives only in the 'recovery' and 'unlocked' phases; leaving them drops it.
 */
type Phase =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'create' }
  | { kind: 'recovery'; recoveryKey: string; owner: Owner; createdAt: Date }
  | { kind: 'locked'; retryAfterSeconds?: number; notice?: LockNotice }
  | { kind: 'unlocked'; owner: Owner; session: number };

let sessionCounter = 0;

function phaseFromStatus(status: VaultStatus): Phase {
  if (status.state === 'none') return { kind: 'create' };
  if (status.state === 'unlocked' && status.owner) return { kind: 'unlocked', owner: status.owner, session: ++sessionCounter };
  return { kind: 'locked', retryAfterSeconds: status.retryAfterSeconds };
}

export function App() {
  useLocale(); // re-render everything when the language changes
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const loadStatus = useCallback(async () => {
    setPhase({ kind: 'loading' });
    const result = await api['vault.status']({});
    setPhase(result.ok ? phaseFromStatus(result.value) : { kind: 'unavailable', message: result.error.message });
  }, []);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  // Locked behind our back (main's lock event, or a call answered VAULT_LOCKED): drop everything.
  useEffect(
    () =>
      onVaultLocked(() =>
        setPhase((p) => (p.kind === 'unlocked' || p.kind === 'recovery' ? { kind: 'locked', notice: 'auto' } : p)),
      ),
    [],
  );

  const lock = useCallback(async () => {
    // Unmount the unlocked tree first, then ask main to lock.
    setPhase({ kind: 'locked' });
    const result = await api['vault.lock']({});
    if (!result.ok || result.value.state === 'unlocked') setPhase({ kind: 'locked', notice: 'lockFailed' });
  }, []);

  useEffect(() => {
    const titles: Record<Phase['kind'], string> = {
      loading: t('app.name'),
      unavailable: t('app.name'),
      create: `${t('vault.create.pageTitle')} – ${t('app.titleSuffix')}`,
      recovery: `${t('vault.recovery.pageTitle')} – ${t('app.titleSuffix')}`,
      locked: `${t('vault.unlock.pageTitle')} – ${t('app.titleSuffix')}`,
      unlocked: t('app.name'), // MainLayout sets the area's title
    };
    if (phase.kind !== 'unlocked') document.title = titles[phase.kind];
  }, [phase.kind]);

  switch (phase.kind) {
    case 'loading':
      return (
        <PublicLayout>
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        </PublicLayout>
      );
    case 'unavailable':
      return (
        <PublicLayout>
          <h1>{t('app.startupFailed')}</h1>
          <Alert variant="error" live="alert">
            <p>{phase.message}</p>
          </Alert>
          <Button onClick={() => void loadStatus()}>{t('app.retry')}</Button>
        </PublicLayout>
      );
    case 'create':
      return (
        <PublicLayout>
          <CreateVaultScreen
            onCreated={({ recoveryKey, status }: CreatedVault) => {
              if (status.state === 'unlocked' && status.owner) {
                setPhase({ kind: 'recovery', recoveryKey, owner: status.owner, createdAt: new Date() });
              } else {
                setPhase(phaseFromStatus(status));
              }
            }}
          />
        </PublicLayout>
      );
    case 'recovery':
      return (
        <PublicLayout>
          <RecoveryKeyScreen
            recoveryKey={phase.recoveryKey}
            owner={phase.owner}
            createdAt={phase.createdAt}
            onDone={() => setPhase({ kind: 'unlocked', owner: phase.owner, session: ++sessionCounter })}
          />
        </PublicLayout>
      );
    case 'locked':
      return (
        <PublicLayout>
          <UnlockScreen retryAfterSeconds={phase.retryAfterSeconds} notice={phase.notice} onUnlocked={(status) => setPhase(phaseFromStatus(status))} />
        </PublicLayout>
      );
    case 'unlocked':
      // The key makes every unlock a fresh tree: nothing survives from an earlier session.
      return (
        <SessionProvider key={phase.session} session={{ owner: phase.owner, lock: () => void lock() }}>
          <IdleLockProvider>
            <RouterProvider>
              <MainLayout />
            </RouterProvider>
          </IdleLockProvider>
        </SessionProvider>
      );
  }
}
