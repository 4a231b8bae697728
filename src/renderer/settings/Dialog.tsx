import { useEffect, useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';

export interface DialogProps {
  title: string;
  /** Escape or Annullér. Not called while `busy`. */
  onClose: () => void;
  children: ReactNode;
  /** The buttons, in the dkfds modal footer. */
  footer: ReactNode;
  /** While a call runs, Escape does nothing (the call finishes either way). */
  busy?: boolean;
  /** The element to focus when the dialog opens; the first focusable one when left out. */
  initialFocus?: RefObject<HTMLElement | null>;
  testId?: string;
  /** Makes body and footer one form (Enter submits; the footer's submit button sends it). */
  onSubmit?: (e: FormEvent) => void;
}

/**
 * A modal dialog on the native <dialog> (showModal): the page behind is inert, Tab stays inside,
 * Escape closes. Mount it to open it, unmount it to close it; focus then returns to where it was
 * (the button that opened it). Looks like the dkfds modal (.modal-header/.modal-body/.modal-footer).
 */
export function Dialog({ title, onClose, children, footer, busy = false, initialFocus, testId, onSubmit }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Where focus was (the button that opened it): it goes back there when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);
  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="modal-header">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
      </div>
      {onSubmit ? (
        <form noValidate onSubmit={onSubmit}>
          <div className="modal-body">{children}</div>
          <div className="modal-footer">{footer}</div>
        </form>
      ) : (
        <>
          <div className="modal-body">{children}</div>
          <div className="modal-footer">{footer}</div>
        </>
      )}
    </dialog>
  );
}
