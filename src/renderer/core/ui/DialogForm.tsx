import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { AppErrorShape, Result } from '../../../shared/contract';
import { t } from '../i18n';
import { Alert } from './Alert';
import { Button, type ButtonVariant } from './Button';
import { useFocusLater } from './useFocusLater';

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
      className="dialog-form"
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
          <Alert variant="error" heading={t('form.dialog.saveFailed')} live="alert" ref={failureRef}>
            <p>{failure.message}</p>
          </Alert>
        ) : null}
        {children}
      </div>
      <div className="modal-footer">
        <Button type="submit" variant={submitVariant} busy={busy} busyLabel={t('form.dialog.saving')}>
          {submitLabel}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {cancelLabel ?? t('form.dialog.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** main's field errors for the given fields only (a dialog shows those beside its fields). */
export function pickFields<K extends string>(fields: Record<string, string> | undefined, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [path, message] of Object.entries(fields ?? {})) if ((keys as readonly string[]).includes(path)) out[path as K] = message;
  return out;
}
