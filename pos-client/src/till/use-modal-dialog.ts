import { useEffect, useRef } from 'react';

/**
 * The browser tells of a dialog's close in a task after the one that closed it, so a key pressed
 * in between may already have opened it again (a close by the app, then its key at once). That
 * late close is stale: it is stopped before the dialog's own handler, which would close it again.
 */
const dropStaleClose = (event: Event) => {
  if (event.target instanceof HTMLDialogElement && event.target.open) event.stopImmediatePropagation();
};
if (typeof document !== 'undefined') document.addEventListener('close', dropStaleClose, true);

/** A `<dialog>` shown as a modal while `open` is true; Esc and the form still close it the browser's way. */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  return ref;
}
