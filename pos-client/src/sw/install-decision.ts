/** What the till is doing, as far as installing a new version of the app cares. */
export interface TillActivity {
  /** Lines on the open ticket on screen. */
  lines: number;
  /** Payments on the open ticket: cash taken in part, a card approved or declined. */
  payments: number;
  /** The card dialog is open: a payment may be under way on the terminal. */
  cardPending: boolean;
  /** A sale or return is being written. */
  completing: boolean;
  /** A receipt went to the bridge and the bridge has not said it has the job yet. */
  printing: boolean;
  /** A screen that must not vanish under the cashier: a return in progress, a shift's closing figures. */
  screenHeld: boolean;
  /** A dialog is open anywhere on the till. */
  dialogOpen: boolean;
  /** The last key, touch or change of the ticket (a sale completed, a line scanned), in ms. */
  lastActivityAt: number;
}

/**
 * How long the till must be left alone before a new version installs by itself: the change of
 * the sale just completed stays on screen while the cashier counts it out, and a cashier who is
 * typing is not interrupted.
 */
export const QUIET_BEFORE_INSTALL_MS = 8_000;

export type UpdateWait = 'basket_open' | 'payment_in_progress' | 'printing' | 'screen_held' | 'dialog_open' | 'recently_active';

/**
 * Why a downloaded version may not install now, or null when it may. Installing reloads the
 * page, so it never happens with a line on screen, a payment taken or pending, a receipt not yet
 * with the bridge, or a dialog open. By itself it also waits for the till to be quiet a while;
 * `byHand` (the cashier pressed Install) does not.
 */
export function whyUpdateWaits(till: TillActivity, nowMs: number, byHand = false): UpdateWait | null {
  if (till.lines > 0) return 'basket_open';
  if (till.payments > 0 || till.cardPending || till.completing) return 'payment_in_progress';
  if (till.printing) return 'printing';
  if (till.screenHeld) return 'screen_held';
  if (till.dialogOpen) return 'dialog_open';
  if (!byHand && nowMs - till.lastActivityAt < QUIET_BEFORE_INSTALL_MS) return 'recently_active';
  return null;
}

/** May a downloaded version install now? */
export const mayInstallUpdate = (till: TillActivity, nowMs: number, byHand = false): boolean => whyUpdateWaits(till, nowMs, byHand) === null;
