import { useRef, useState } from 'react';
import type { RefusalReason } from '../../shared/handover';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Checkbox } from '../core/ui/Checkbox';
import { useFocusLater } from '../core/ui/useFocusLater';
import { fileToBase64 } from '../core/ui/download';
import { HandoverPage } from './HandoverPage';

/** Åbn kvittering: the colleague's answer settles the handover (removed here, kept read-only, or editable again). */
export function ReceiptScreen() {
  const [file, setFile] = useState<File | null>(null);
  const [keep, setKeep] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ variant: 'success' | 'error' | 'info'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const open = async () => {
    if (!file) return;
    setBusy(true);
    const r = await api['handover.openReceipt']({ base64: await fileToBase64(file), keepReadOnly: keep });
    setBusy(false);
    if (!r.ok) setMessage({ variant: 'error', text: r.error.message });
    else if (r.value.outcome === 'refused') setMessage({ variant: 'info', text: t('handover.receipt.refused', { reason: t(`handover.receive.reason.${r.value.reasonCode as RefusalReason}`) }) });
    else setMessage({ variant: 'success', text: r.value.keptReadOnly ? t('handover.receipt.acceptedKept') : t('handover.receipt.accepted') });
    focusLater(messageRef);
  };

  return (
    <HandoverPage current="receipt" title={t('handover.receipt.heading')} lead={t('handover.receipt.lead')}>
      {message ? (
        <Alert variant={message.variant} live={message.variant === 'error' ? 'alert' : 'status'} ref={messageRef} heading={message.variant === 'error' ? t('handover.receipt.failed') : undefined}>
          <p data-testid="receipt-message">{message.text}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="receipt-heading" className="settings-section settings-section-first">
        <h2 id="receipt-heading">{t('handover.receipt.fileHeading')}</h2>
        <div className="form-group">
          <label className="form-label" htmlFor="receipt-file">
            {t('handover.receipt.file')}
          </label>
          <input id="receipt-file" className="form-input" type="file" accept=".ssp-kvittering,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <Checkbox id="receipt-keep" label={t('handover.receipt.keep')} checked={keep} onChange={setKeep} />
        <div className="form-actions">
          <Button busy={busy} disabled={!file} onClick={() => void open()}>
            {t('handover.receipt.open')}
          </Button>
        </div>
      </section>
    </HandoverPage>
  );
}
