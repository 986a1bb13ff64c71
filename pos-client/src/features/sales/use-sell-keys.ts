import type { KeyboardEvent } from 'react';
import { TillAction } from '@pos/shared';
import { useActionKeys } from '../shortcuts/use-action-keys';
import { looksLikeScan } from './use-cash-payment';

/** The actions the shift strip answers and shows (`till/shift-strip.tsx`); the sell screen answers every other. */
const shiftActions = ['cash_in_out', 'x_report', 'shift_close'] as const satisfies readonly TillAction[];
type ShiftAction = (typeof shiftActions)[number];
export type SellAction = Exclude<TillAction, ShiftAction>;
export const sellActions = TillAction.options.filter((action): action is SellAction => !(shiftActions as readonly TillAction[]).includes(action));

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
  /** Esc: back to the scan field. */
  back: () => void;
  /** Each action of the sell screen, run by the key the chain gave it (`useTillShortcuts`). */
  shortcuts: Record<SellAction, () => void>;
}

/**
 * The sell screen's keyboard: the scan field's keys, the cash field's Enter, and the actions'
 * keys anywhere outside an open dialog. An Enter in the cash field takes only an amount typed
 * there, and a held-down Enter does nothing, so no repeat of one keystroke completes a sale.
 */
export function useSellKeys(actions: SellKeyActions) {
  useActionKeys(actions.shortcuts, { Escape: actions.back });

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
