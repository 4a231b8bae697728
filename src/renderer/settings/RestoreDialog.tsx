import { useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape, OutputOf } from '../../shared/contract';
import { api } from '../core/api';
import { formatDateTime, t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { Dialog } from '../core/ui/Dialog';

type Method = 'passphrase' | 'recovery';
export type RestoreResult = OutputOf<'backup.restore'>;

const SECRET_ID = 'restore-secret';

/**
 * Gendan: says what will happen, asks for the passphrase that applied when the backup was taken
 * (or the recovery key), and shows main's Danish answer. Main verifies the whole file before it
 * touches the vault, so a refused file leaves everything as it was. What was typed stays on failure.
 */
export function RestoreDialog({ backup, onClose, onRestored }: { backup: { fileName: string; createdAt: string }; onClose: () => void; onRestored: (r: RestoreResult) => void }) {
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [secretError, setSecretError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const when = formatDateTime(backup.createdAt);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!secret.trim()) {
      setSecretError(method === 'passphrase' ? t('settings.restore.passphraseRequired') : t('settings.restore.recoveryRequired'));
      secretRef.current?.focus();
      return;
    }
    setSecretError(undefined);
    setBusy(true);
    const r = await api['backup.restore']({ fileName: backup.fileName, method, secret });
    setBusy(false);
    if (r.ok) {
      onRestored(r.value);
      return;
    }
    if (r.error.code === 'WRONG_PASSPHRASE' || r.error.code === 'THROTTLED') {
      setSecretError(r.error.message);
      focusLater(secretRef);
    } else {
      setFailure(r.error);
      focusLater(failureRef);
    }
  };

  const chooseMethod = (m: Method) => {
    setMethod(m);
    setSecretError(undefined);
  };

  return (
    <Dialog
      className="settings-dialog"
      returnFocus
      title={t('settings.restore.title', { when })}
      onClose={onClose}
      busy={busy}
      initialFocus={secretRef}
      testId="restore-dialog"
      onSubmit={submit}
      footer={
        <>
          <Button type="submit" variant="warning" busy={busy} busyLabel={t('settings.restore.restoring')}>
            {t('settings.restore.submit')}
          </Button>
          <Button variant="secondary" onClick={() => (busy ? undefined : onClose())} aria-disabled={busy || undefined}>
            {t('settings.cancel')}
          </Button>
        </>
      }
    >
      <Alert variant="warning">
        <p>{t('settings.restore.consequence', { when })}</p>
      </Alert>
      <p>{t('settings.restore.verified')}</p>
      {failure ? (
        <Alert variant="error" heading={t('settings.restore.failed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <fieldset className="settings-fieldset">
        <legend className="form-label">{t('settings.restore.methodLegend')}</legend>
        <div className="form-group-radio">
          <input id="restore-method-passphrase" type="radio" className="form-radio" name="restore-method" checked={method === 'passphrase'} onChange={() => chooseMethod('passphrase')} />
          <label className="form-label" htmlFor="restore-method-passphrase">
            {t('settings.restore.methodPassphrase')}
          </label>
        </div>
        <div className="form-group-radio">
          <input id="restore-method-recovery" type="radio" className="form-radio" name="restore-method" checked={method === 'recovery'} onChange={() => chooseMethod('recovery')} />
          <label className="form-label" htmlFor="restore-method-recovery">
            {t('settings.restore.methodRecovery')}
          </label>
        </div>
      </fieldset>
      <TextField
        id={SECRET_ID}
        inputRef={secretRef}
        label={method === 'passphrase' ? t('settings.restore.passphrase') : t('settings.restore.recoveryKey')}
        hint={method === 'passphrase' ? t('settings.restore.passphraseHint') : t('settings.restore.recoveryKeyHint')}
        type="password"
        autoComplete="off"
        revealable
        value={secret}
        onChange={(v) => {
          setSecret(v);
          setSecretError(undefined);
        }}
        error={secretError}
      />
    </Dialog>
  );
}
