import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { VaultStatus } from '../../shared/vault';
import { api } from '../core/api';
import { t, tCount } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';

export type LockNotice = 'auto' | 'lockFailed';

type Method = 'passphrase' | 'recovery';

/** Seconds left of a wait, counting down once a second. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [until, now]);
  const remaining = Math.max(0, Math.ceil((until - now) / 1000));
  const start = (seconds: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(seconds > 0 ? at + seconds * 1000 : 0);
  };
  return [remaining, start];
}

/**
 * Lås op: the passphrase, or the recovery key instead. Shows nothing from the vault. Wrong
 * secrets and throttling are shown with main's Danish message next to the field.
 */
export function UnlockScreen({
  retryAfterSeconds = 0,
  notice,
  onUnlocked,
}: {
  retryAfterSeconds?: number;
  notice?: LockNotice;
  onUnlocked: (status: VaultStatus) => void;
}) {
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, startWait] = useCountdown();
  const inputRef = useRef<HTMLInputElement>(null);

  // The wait main reported when the screen opened (e.g. after a restart during a wait).
  useEffect(() => {
    if (retryAfterSeconds > 0) startWait(retryAfterSeconds);
  }, [retryAfterSeconds]);

  const focusField = (select: boolean) =>
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      if (select) inputRef.current?.select();
    });

  const switchMethod = () => {
    setMethod((m) => (m === 'passphrase' ? 'recovery' : 'passphrase'));
    setSecret('');
    setFieldError(undefined);
    setFailure(null);
    focusField(false);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!secret) {
      setFieldError(t(method === 'passphrase' ? 'vault.unlock.secretRequired' : 'vault.unlock.recoveryRequired'));
      focusField(false);
      return;
    }
    setBusy(true);
    const result = await api['vault.unlock']({ method, secret });
    if (result.ok) {
      setSecret('');
      onUnlocked(result.value);
      return;
    }
    setBusy(false);
    const { code, message } = result.error;
    if (code === 'WRONG_PASSPHRASE' || code === 'THROTTLED' || code === 'INVALID_INPUT') {
      setFieldError(message);
      focusField(true);
      // After repeated misses main makes the next attempt wait; show how long.
      const status = await api['vault.status']({});
      if (status.ok) startWait(status.value.retryAfterSeconds ?? 0);
    } else {
      setFieldError(undefined);
      setFailure(result.error);
    }
  };

  const isPassphrase = method === 'passphrase';

  return (
    <>
      <PageHeader title={t('vault.unlock.title')} lead={isPassphrase ? t('vault.unlock.lead') : t('vault.unlock.leadRecovery')} />
      {notice === 'auto' ? (
        <Alert variant="info" live="status">
          <p>{t('vault.unlock.lockedNotice')}</p>
        </Alert>
      ) : null}
      {notice === 'lockFailed' ? (
        <Alert variant="error" live="alert">
          <p>{t('header.lockFailed')}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert variant="error" heading={t('vault.unlock.failed')} live="alert">
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      {wait > 0 ? (
        <Alert variant="warning" className="throttle-notice">
          <p>{tCount('vault.unlock.throttled.one', 'vault.unlock.throttled.other', wait, { seconds: wait })}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form">
        <TextField
          key={method}
          id="unlock-secret"
          inputRef={inputRef}
          label={isPassphrase ? t('vault.unlock.passphrase') : t('vault.unlock.recoveryKey')}
          hint={isPassphrase ? undefined : t('vault.unlock.recoveryKeyHint')}
          type={isPassphrase ? 'password' : 'text'}
          autoComplete={isPassphrase ? 'current-password' : 'off'}
          spellCheck={false}
          autoCapitalize="off"
          revealable={isPassphrase}
          autoFocus
          width={isPassphrase ? 'l' : 'xl'}
          inputClassName={isPassphrase ? undefined : 'recovery-input'}
          value={secret}
          onChange={(value) => {
            setSecret(value);
            setFieldError(undefined);
          }}
          error={fieldError}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('vault.unlock.submitting')}>
            {t('vault.unlock.submit')}
          </Button>
          <Button variant="tertiary" onClick={switchMethod}>
            {isPassphrase ? t('vault.unlock.useRecovery') : t('vault.unlock.usePassphrase')}
          </Button>
        </div>
      </form>
    </>
  );
}
