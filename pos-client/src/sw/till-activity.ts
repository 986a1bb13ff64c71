import { useEffect } from 'react';
import type { TillActivity } from './install-decision';

/** What the sell screen reports of the sale in progress. */
export type SellActivity = Pick<TillActivity, 'lines' | 'payments' | 'cardPending' | 'completing' | 'printing'>;

const noSale: SellActivity = { lines: 0, payments: 0, cardPending: false, completing: false, printing: false };

let sell: SellActivity = noSale;
let holds = 0;
/** From the page's start: a version found as the page opens waits until the screens have said what they are doing. */
let lastActivityAt = Date.now();

/** A key or touch anywhere on the till. */
export function noteTillActivity(atMs: number): void {
  lastActivityAt = Math.max(lastActivityAt, atMs);
}

function reportSell(next: SellActivity, atMs: number): void {
  // A line scanned, a payment taken, a sale completed or voided: the screen changed under the cashier's eyes.
  if (next.lines !== sell.lines || next.payments !== sell.payments || next.completing !== sell.completing) noteTillActivity(atMs);
  sell = next;
}

/** The sell screen tells, while it is open, what its ticket holds; it leaves no sale behind when it closes. */
export function useReportSellActivity({ lines, payments, cardPending, completing, printing }: SellActivity, now: () => Date): void {
  useEffect(() => reportSell({ lines, payments, cardPending, completing, printing }, now().getTime()), [lines, payments, cardPending, completing, printing, now]);
  useEffect(() => () => reportSell(noSale, now().getTime()), [now]);
}

/** A screen that must not vanish under the cashier (a return in progress, a shift's closing figures) holds updates while it shows. */
export function useHoldUpdate(held: boolean): void {
  useEffect(() => {
    if (!held) return;
    holds += 1;
    return () => {
      holds -= 1;
    };
  }, [held]);
}

/** The till as it is now: what the screens reported, and whether a dialog is open anywhere. */
export function currentTillActivity(): TillActivity {
  return { ...sell, screenHeld: holds > 0, dialogOpen: document.querySelector('dialog[open]') !== null, lastActivityAt };
}
