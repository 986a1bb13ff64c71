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
  }
}
