// A modal dialog on the native <dialog>: focus is trapped and restored, Escape closes it,
// and the page behind is inert, without a dependency.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function RegDialog({
  title,
  onClose,
  children,
  footer,
  wide = false,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons, right-aligned under the body. */
  footer?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // showModal focuses the first focusable element, the close button; start on the field instead.
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('.reg-dialog-body :is(input, textarea, select):not(:disabled)'))?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`reg-dialog${wide ? ' reg-dialog-wide' : ''}`}
      aria-labelledby={titleId}
      // Escape fires "cancel"; the parent owns whether the dialog is shown.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="reg-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-sm reg-dialog-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="reg-dialog-body">{children}</div>
      {footer && <div className="reg-dialog-foot">{footer}</div>}
    </dialog>
  );
}

/** A dialog whose body is one form, with Cancel and a submit button that shows progress. */
export function RegFormDialog({
  title,
  onClose,
  wide,
  formId,
  pending,
  submitLabel,
  pendingLabel,
  submitClassName = 'btn-primary',
  onSubmit,
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  wide?: boolean;
  formId: string;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  submitClassName?: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <RegDialog
      title={title}
      onClose={onClose}
      wide={wide}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" form={formId} className={`btn ${submitClassName}`} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="reg-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </RegDialog>
  );
}
