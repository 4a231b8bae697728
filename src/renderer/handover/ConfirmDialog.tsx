import type { ReactNode } from 'react';
import { t } from '../core/i18n';
import { Button } from '../core/ui/Button';
import { Dialog } from '../core/ui/Dialog';

/** Ask before a step that cannot be taken back (remove a colleague, hand over, refuse). */
export function ConfirmDialog({ title, text, confirmLabel, busy, onConfirm, onCancel, children, testId }: { title: string; text: string; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void; children?: ReactNode; testId?: string }) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      busy={busy}
      className="settings-dialog handover-dialog"
      returnFocus
      testId={testId}
      footer={
        <>
          <Button variant="warning" busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onCancel}>
            {t('handover.cancel')}
          </Button>
        </>
      }
    >
      <p>{text}</p>
      {children}
    </Dialog>
  );
}
