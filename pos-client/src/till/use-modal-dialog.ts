import { useEffect, useRef } from 'react';

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
