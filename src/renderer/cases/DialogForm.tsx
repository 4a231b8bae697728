import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { AppErrorShape, Result } from '../../shared/contract';
import type { CaseDetail } from '../../shared/cases';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button, type ButtonVariant } from '../core/ui/Button';
import { useFocusLater } from '../core/ui/useFocusLater';

/** What every case dialog gets from the detail screen. */
export interface CaseDialogProps {
  detail: CaseDetail;
  today: string;
  /** The write succeeded: the fresh case and a sentence saying what happened. */
  onDone: (detail: CaseDetail, message: string) => void;
  onClose: () => void;
}

/**
 * Busy state and main's error for a dialog's save: `run(call, onOk, onFieldErrors)`. A failed
 * save keeps every value in the form and shows main's message (focused) and field errors.
 */
export function useDialogSave() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const run = async <T,>(call: () => Promise<Result<T>>, onOk: (value: T) => void, onFields?: (fields: Record<string, string>) => void) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await call();
    setBusy(false);
    if (result.ok) {
      onOk(result.value);
      return;
    }
    setFailure(result.error);
    if (result.error.fields && onFields) onFields(result.error.fields);
    focusLater(failureRef);
  };
  return { busy, failure, failureRef, run };
}

export interface DialogFormProps {
  onSubmit: () => void;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  onCancel: () => void;
  cancelLabel?: string;
  save: { busy: boolean; failure: AppErrorShape | null; failureRef: RefObject<HTMLDivElement | null> };
  children: ReactNode;
}

/**
 * The body and footer of a dialog holding a form: main's error on top, fields, then the buttons.
 * The footer sticks to the bottom of the dialog (the body scrolls), so Gem stays visible at 768 px;
 * Ctrl+Enter saves.
 */
export function DialogForm({ onSubmit, submitLabel, submitVariant = 'primary', onCancel, cancelLabel, save, children }: DialogFormProps) {
  const { busy, failure, failureRef } = save;
  return (
    <form
      noValidate
      className="case-dialog-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        // Ctrl+Enter (Cmd+Enter) saves from any field, the note's text area included.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) {
          e.preventDefault();
          if (!busy) onSubmit();
        }
      }}
    >
      <div className="modal-body">
        {failure ? (
          <Alert variant="error" heading={t('cases.saveFailed')} live="alert" ref={failureRef}>
            <p>{failure.message}</p>
          </Alert>
        ) : null}
        {children}
      </div>
      <div className="modal-footer">
        <Button type="submit" variant={submitVariant} busy={busy} busyLabel={t('cases.saving')}>
          {submitLabel}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {cancelLabel ?? t('cases.cancel')}
        </Button>
      </div>
    </form>
  );
}
