import type { SyncDocument, TillKey } from '@pos/shared';

/** How a document is named to a cashier in lists such as the refused ones: its number and amount, when it has them. */
export interface DocumentSummary {
  reference: string;
  amountMinor: number | null;
  currency: string | null;
  completedAt: string;
  /** For a till event, the key it records, which the list names in the cashier's language. */
  tillKey: TillKey | null;
}

export function documentSummary(document: SyncDocument): DocumentSummary {
  switch (document.kind) {
    case 'sale':
      return { reference: document.receiptNo, amountMinor: document.totalMinor, currency: document.currency, completedAt: document.completedAt, tillKey: null };
    case 'till_event':
      return {
        reference: document.receiptNo ?? '', amountMinor: document.ticket?.netMinor ?? null, currency: document.ticket?.currency ?? null,
        completedAt: document.completedAt, tillKey: document.event,
      };
    case 'return': {
      // What went back to the customer, less what they paid for an exchange.
      const refunded = document.refunds.reduce((n, r) => n + r.amountMinor, 0) - document.payments.reduce((n, p) => n + p.amountMinor, 0);
      return { reference: document.returnNo, amountMinor: -refunded, currency: document.currency, completedAt: document.completedAt, tillKey: null };
    }
    case 'shift_open':
      return { reference: '开班 Shift open', amountMinor: document.floatMinor, currency: document.currency, completedAt: document.completedAt, tillKey: null };
    case 'cash_movement':
      return { reference: document.direction === 'in' ? '存入 Cash in' : '取出 Cash out', amountMinor: document.amountMinor, currency: null, completedAt: document.completedAt, tillKey: null };
    case 'shift_close':
      return { reference: '结班 Shift close', amountMinor: document.countedCashMinor, currency: null, completedAt: document.completedAt, tillKey: null };
  }
}
