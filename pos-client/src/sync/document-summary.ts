import type { SyncDocument } from '@pos/shared';

/** How a document is named to a cashier in lists such as the refused ones: its number and amount, when it has them. */
export interface DocumentSummary {
  reference: string;
  amountMinor: number | null;
  currency: string | null;
  completedAt: string;
}

export function documentSummary(document: SyncDocument): DocumentSummary {
  switch (document.kind) {
    case 'sale':
      return { reference: document.receiptNo, amountMinor: document.totalMinor, currency: document.currency, completedAt: document.completedAt };
    case 'shift_open':
      return { reference: '开班 Shift open', amountMinor: document.floatMinor, currency: document.currency, completedAt: document.completedAt };
    case 'cash_movement':
      return { reference: document.direction === 'in' ? '存入 Cash in' : '取出 Cash out', amountMinor: document.amountMinor, currency: null, completedAt: document.completedAt };
    case 'shift_close':
      return { reference: '结班 Shift close', amountMinor: document.countedCashMinor, currency: null, completedAt: document.completedAt };
  }
}
