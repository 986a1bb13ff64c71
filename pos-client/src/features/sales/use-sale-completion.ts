import { useRef, useState } from 'react';
import type { FoundMember, Minor, PairedDevice, Sale } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { completeSale } from './complete-sale';
import { cardAfterPayments } from './sale-receipt-document';
import type { TillPricing } from './price-till-basket';
import type { useBasket } from './use-basket';
import type { OpenTicket } from './use-open-ticket';
import type { useReceiptPrinting } from './use-receipt-printing';

/** What the screen shows of the sale just finished, until the next scan: above all the change to give. */
export interface LastSale {
  receiptNo: string;
  /** What the customer paid: the total with the cash rounding. */
  paidMinor: number;
  /** Cash handed over, when cash settled the sale. */
  cashTenderedMinor: number | null;
  changeMinor: number;
  payments: readonly Pick<Sale['payments'][number], 'tender' | 'amountMinor'>[];
}

const lastSaleOf = (sale: Sale): LastSale => ({
  receiptNo: sale.receiptNo,
  paidMinor: sale.totalMinor + sale.roundingMinor,
  cashTenderedMinor: sale.payments.findLast((p) => p.tenderedMinor !== null)?.tenderedMinor ?? null,
  changeMinor: sale.changeMinor,
  payments: sale.payments.map(({ tender, amountMinor }) => ({ tender, amountMinor })),
});

/**
 * Completing the open ticket as a sale, once at a time and after every key before it: the
 * sale, its outbox entry and the closing of the ticket are one transaction; then the receipt
 * prints, the sync worker is nudged and a fresh ticket opens.
 */
export function useSaleCompletion(open: OpenTicket, basket: ReturnType<typeof useBasket>, pricing: TillPricing | null, member: FoundMember | null, receipts: ReturnType<typeof useReceiptPrinting>, onDone: () => void) {
  const services = useTillServices();
  const [lastSale, setLastSale] = useState<LastSale | null>(null);
  const [completing, setCompleting] = useState(false);
  const completingRef = useRef(false);

  async function completeNow(cashTenderedMinor: Minor | null): Promise<void> {
    if (completingRef.current) return;
    if (open.current().basket.lines.length === 0) return basket.setNotice({ tone: 'error', code: 'BASKET_EMPTY' });
    if (!pricing) return basket.setNotice({ tone: 'error', code: 'NOT_READY' });
    completingRef.current = true;
    setCompleting(true);
    const after = cardAfterPayments(open.current().payments);
    try {
      const result = await open.settle(async (ticket) => {
        const done = await completeSale(services, ticket, pricing, cashTenderedMinor);
        return { value: done, next: done.ok ? open.fresh() : null };
      });
      if (!result.ok) return basket.setNotice({ tone: 'error', code: result.code });
      setLastSale(lastSaleOf(result.sale));
      basket.setNotice(null);
      void receipts.printSale(result.sale, member, { ...after, pointsEarned: result.pointsEarned });
      services.sync.syncSoon();
      onDone();
    } finally {
      completingRef.current = false;
      setCompleting(false);
    }
  }

  return {
    lastSale,
    completing,
    /** Completes with the payments on the ticket and, when given, the cash handed over now, which must settle the rest. */
    complete: (cashTenderedMinor: Minor | null) => basket.inOrder(() => completeNow(cashTenderedMinor)),
  };
}
