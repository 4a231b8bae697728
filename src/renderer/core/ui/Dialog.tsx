import { useEffect, useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';

export interface DialogProps {
  title: string;
  /** Escape, Annullér or a finished action. Not called while `busy`. */
  onClose: () => void;
  children: ReactNode;
  /** The area's dialog class (its width and spacing rules), e.g. 'case-dialog'. */
  className: string;
  /**
   * The buttons, in the dkfds modal footer; the children then go in .modal-body. Left out, the
   * children are the whole content (they bring their own .modal-body/.modal-footer).
   */
  footer?: ReactNode;
  /** While a call runs, Escape does nothing (the call finishes either way). */
  busy?: boolean;
  /** The element to focus when the dialog opens; the first focusable one when left out. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** On close, focus goes back to where it was when the dialog opened (else the caller does it). */
  returnFocus?: boolean;
  testId?: string;
  /** With `footer`: makes body and footer one form (Enter submits; the footer's submit button sends it). */
  onSubmit?: (e: FormEvent) => void;
}

/**
 * A modal dialog on the native <dialog> (showModal): the page behind is inert, Tab stays inside,
 * Escape closes, and the first field takes focus. Mount it to open it, unmount it to close it.
 * Looks like the dkfds modal (.modal-header/.modal-body/.modal-footer).
 */
export function Dialog({ title, onClose, children, className, footer, busy = false, initialFocus, returnFocus = false, testId, onSubmit }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Where focus was (the button that opened it).
    const opener = returnFocus && document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // The given element, else the first field (not a scrollable body or a close button first in order).
    if (initialFocus?.current) initialFocus.current.focus();
    else dialog?.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus, returnFocus]);
  const body =
    footer === undefined ? (
      children
    ) : (
      <>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">{footer}</div>
      </>
    );
  return (
    <dialog
      ref={ref}
      className={className}
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
      {footer !== undefined && onSubmit ? (
        <form noValidate onSubmit={onSubmit}>
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
