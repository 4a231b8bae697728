import { useRef, type ReactNode } from 'react';
import { t } from '../core/i18n';
import { Button } from '../core/ui/Button';
import { Dialog } from '../core/ui/Dialog';

/**
 * Ask before a step that cannot be taken back (remove a colleague, hand over, refuse). Without
 * fields, Annullér has the focus, so Enter does not confirm by accident; with fields (the reason
 * for refusing), the first field has it.
 */
export function ConfirmDialog({ title, text, confirmLabel, busy, onConfirm, onCancel, children, testId }: { title: string; text: string; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void; children?: ReactNode; testId?: string }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      busy={busy}
      className="settings-dialog handover-dialog"
      returnFocus
      testId={testId}
      initialFocus={children ? undefined : cancelRef}
      footer={
        <>
          <Button variant="warning" busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <button ref={cancelRef} type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
            <span>{t('handover.cancel')}</span>
          </button>
        </>
      }
    >
      <p>{text}</p>
      {children}
    </Dialog>
  );
}
