import { useLayoutEffect, type KeyboardEvent } from 'react';
import { looksLikeScan } from './use-cash-payment';

/** What the keys do; the sell screen's hook gives each. */
export interface SellKeyActions {
  scan: (code: string) => void;
  search: (text: string) => void;
  /** An empty Enter in the scan field: on to the payment, with the amount shown. */
  toPayment: () => void;
  adjustSelected: (delta: number) => void;
  moveSelection: (step: number) => void;
  voidLine: () => void;
  voidTicket: () => void;
  /** Enter in the cash field with an amount typed; `repeat` is a held-down key. */
  payTyped: () => void;
  /** A barcode a wedge scanner typed into the cash field. */
  scanFromCash: (code: string) => void;
  /** Function keys by `KeyboardEvent.key` (F1…F10, End, Insert, Home, Escape). */
  shortcuts: Record<string, () => void>;
}

/**
 * The sell screen's keyboard: the scan field's keys, the cash field's Enter, and the function
 * keys anywhere outside an open dialog. An Enter in the cash field takes only an amount typed
 * there, and a held-down Enter does nothing, so no repeat of one keystroke completes a sale.
 * The function keys are bound as the screen is committed, before it is painted, so a key
 * pressed the moment the sell screen shows is not lost.
 */
export function useSellKeys(actions: SellKeyActions) {
  useLayoutEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent): void {
      const action = actions.shortcuts[event.key];
      // Only an open dialog keeps the keys: right after Esc, focus can still sit in the one just closed.
      const inDialog = event.target instanceof Element && event.target.closest('dialog[open]');
      if (!action || inDialog || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return {
    onScanKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
      const input = event.currentTarget;
      const lineKeys: Record<string, () => void> = {
        Enter: () => {
          const code = input.value;
          input.value = '';
          if (event.repeat) return;
          if (code.trim() === '') return actions.toPayment();
          // Scanners send digits; letters or Chinese typed by hand are a search (`kl` for 可乐).
          if (/[^\d\s]/.test(code)) return actions.search(code.trim());
          actions.scan(code);
        },
        '+': () => actions.adjustSelected(1),
        '-': () => actions.adjustSelected(-1),
        Delete: () => (event.shiftKey ? actions.voidTicket() : actions.voidLine()),
        ArrowUp: () => actions.moveSelection(-1),
        ArrowDown: () => actions.moveSelection(1),
      };
      const action = lineKeys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    },
    onTenderedKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      if (event.repeat) return;
      const typed = event.currentTarget.value.trim();
      // A keyboard-wedge scan landed in the cash field: no amount has that many digits and no point.
      if (looksLikeScan(typed)) return actions.scanFromCash(typed);
      actions.payTyped();
    },
  };
}
