import { useState } from 'react';
import type { OutputOf } from '../../shared/contract';
import { formatFingerprint } from '../../shared/handover';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Dialog } from '../core/ui/Dialog';
import { TextArea } from '../core/ui/FormFields';
import { TextField } from '../core/ui/TextField';

type Colleague = OutputOf<'handover.colleagues'>[number];

/**
 * Add a colleague in two steps: paste their code (or choose their key file) and see whose it is
 * and its fingerprint; then type the fingerprint the colleague reads aloud. Main adds them only
 * when the two are the same. Nothing typed is lost on an error.
 */
export function AddColleagueDialog({ onClose }: { onClose: (added: Colleague | null) => void }) {
  const [code, setCode] = useState('');
  const [seen, setSeen] = useState<{ label: string; fingerprint: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; fingerprint?: string; form?: string }>({});

  const check = async () => {
    setBusy(true);
    const r = await api['handover.inspectColleague']({ code });
    setBusy(false);
    if (!r.ok) {
      setErrors({ code: r.error.fields?.code ?? r.error.message });
      return;
    }
    setErrors({});
    setSeen(r.value);
    setLabel(r.value.label);
  };

  const add = async () => {
    setBusy(true);
    const r = await api['handover.addColleague']({ code, fingerprint: typed, label });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields?.fingerprint ? { fingerprint: r.error.message } : { form: r.error.message });
      return;
    }
    onClose(r.value);
  };

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.slice(0, 4000).text();
    setCode(text.trim());
    setSeen(null);
  };

  return (
    <Dialog
      title={t('handover.colleagues.addTitle')}
      onClose={() => onClose(null)}
      busy={busy}
      className="settings-dialog handover-dialog"
      returnFocus
      testId="add-colleague"
      onSubmit={(e) => {
        e.preventDefault();
        void (seen ? add() : check());
      }}
      footer={
        <>
          <Button type="submit" busy={busy}>
            {seen ? t('handover.colleagues.confirmAdd') : t('handover.colleagues.check')}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => onClose(null)}>
            {t('handover.cancel')}
          </Button>
        </>
      }
    >
      {errors.form ? (
        <Alert variant="error" live="alert">
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <TextArea
        id="colleague-code"
        label={t('handover.colleagues.codeLabel')}
        hint={t('handover.colleagues.codeHint')}
        value={code}
        rows={3}
        maxLength={2000}
        error={errors.code}
        onChange={(v) => {
          setCode(v);
          setSeen(null);
        }}
      />
      <div className="form-group">
        <label className="form-label" htmlFor="colleague-file">
          {t('handover.colleagues.file')}
        </label>
        <input id="colleague-file" className="form-input" type="file" accept=".txt,text/plain" onChange={(e) => void pickFile(e.target.files?.[0])} />
      </div>
      {seen ? (
        <>
          <p>{t('handover.colleagues.shown', { label: seen.label })}</p>
          <p>
            <code className="handover-fingerprint" data-testid="colleague-fingerprint">
              {formatFingerprint(seen.fingerprint)}
            </code>
          </p>
          <p>{t('handover.colleagues.compare')}</p>
          <TextField id="colleague-typed" label={t('handover.colleagues.typed')} value={typed} onChange={setTyped} error={errors.fingerprint} width="l" autoComplete="off" spellCheck={false} />
          <TextField id="colleague-label" label={t('handover.colleagues.nameLabel')} value={label} onChange={setLabel} width="l" maxLength={120} />
        </>
      ) : null}
    </Dialog>
  );
}
