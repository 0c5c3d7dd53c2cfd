/**
 * An accessible modal: a native <dialog> opened with showModal(), so the rest of the page is
 * inert and focus moves into it; it is labelled by its title, and Escape (or the platform's
 * back gesture) calls onCancel instead of closing it behind React's back. Where showModal()
 * is missing (jsdom in component tests) it opens as a plain dialog and focuses its first control.
 */
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

export function ModalDialog({ title, onCancel, children, className }: {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  }, [onCancel]);

  // A layout effect, so that close() runs while the dialog is still in the document and the
  // browser can give focus back to where it was before the dialog opened.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      cancel.current();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Handled here, so the browser's own close request (which would close the dialog
        // without telling React) never starts.
        event.preventDefault();
        cancel.current();
      }}
    >
      <h2 id={titleId} className="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}
