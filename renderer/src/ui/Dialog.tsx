import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export interface DialogProps {
  /** The dialog is shown while this is true. */
  open: boolean;
  title: string;
  description?: ReactNode;
  /** Called on Escape, on Cancel and on a click on the backdrop. */
  onClose: () => void;
  /** Called when the form is submitted (Enter in a field, or the submit button). */
  onSubmit?: () => void;
  children: ReactNode;
  footer: ReactNode;
  wide?: boolean;
  /** What a screen reader should call the dialog when the title is not enough. */
  ariaLabel?: string;
}

/**
 * A modal dialog on the native <dialog> element, which keeps focus inside, restores it on close
 * and closes on Escape without any help. The content is a form so that Enter submits.
 */
export function Dialog({
  open,
  title,
  description,
  onClose,
  onSubmit,
  children,
  footer,
  wide,
  ariaLabel,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A dialog opened from inside another (through a portal) must not submit the outer one too.
    event.stopPropagation();
    onSubmit?.();
  };

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={ariaLabel ? undefined : titleId}
      aria-label={ariaLabel}
      aria-describedby={description ? descriptionId : undefined}
      onMouseDown={(event) => {
        // A press on the backdrop lands on the dialog element itself.
        if (event.target === ref.current) onCloseRef.current();
      }}
    >
      {open ? (
        <form className="dialog__form" onSubmit={submit} noValidate>
          <header className="dialog__header">
            <h2 id={titleId}>{title}</h2>
            {description ? <p id={descriptionId}>{description}</p> : null}
          </header>
          <div className="dialog__body">{children}</div>
          <footer className="dialog__footer">{footer}</footer>
        </form>
      ) : null}
    </dialog>
  );
}
