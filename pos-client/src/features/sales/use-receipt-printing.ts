import { useRef, useState } from 'react';
import { uuidv7, type FoundMember, type PairedDevice, type Sale } from '@pos/shared';
import type { ReceiptModel, SaleReceiptDocument } from '@pos/shared/receipt/index';
import { useTillServices } from '../../app/services-context';
import { printReceiptInBrowser } from '../../bridge/browser-print';
import type { TillDb } from '../../db/till-db';
import { printReceipt, type PrintJob, type PrintOutcome } from './print-receipt';
import { receiptClerksOf, receiptMemberOf, saleReceiptDocument, tookCash, type CardAfterSale } from './sale-receipt-document';

interface SaleJob extends PrintJob {
  sale: Sale;
  document: SaleReceiptDocument;
}

/** The last receipt sent, and how it went (null while the bridge has not answered). */
export interface ReceiptPrint {
  reprint: boolean;
  outcome: PrintOutcome | null;
}

async function cashierName(db: TillDb, sale: Sale): Promise<string> {
  return (await db.clerks.get(sale.cashierId))?.name ?? (await db.getMeta('session'))?.name ?? '';
}

/**
 * Receipts after each sale and on request. Nothing here is awaited by the sale itself: the
 * sale is already kept, and the till goes on selling while the bridge prints.
 */
export function useReceiptPrinting(pairing: PairedDevice) {
  const { bridge, db, now, randomBytes } = useTillServices();
  const [last, setLast] = useState<ReceiptPrint | null>(null);
  const [onScreen, setOnScreen] = useState<{ model: ReceiptModel; receiptNo: string } | null>(null);
  const lastJob = useRef<{ job: SaleJob; outcome: PrintOutcome | null } | null>(null);

  async function send(job: SaleJob): Promise<void> {
    const { reprint } = job.document;
    lastJob.current = { job, outcome: null };
    setOnScreen(null);
    setLast({ reprint, outcome: null });
    const outcome = await printReceipt(bridge, job, (model) => {
      setOnScreen({ model, receiptNo: job.sale.receiptNo });
      printReceiptInBrowser(model);
    });
    if (lastJob.current.job === job) lastJob.current = { job, outcome };
    setLast((current) => (lastJob.current?.job === job ? { reprint, outcome } : current));
  }

  /** The member, when the cashier found one, is printed on the receipt and on its reprints, with what their card holds after the sale's payments from it. */
  async function printSale(sale: Sale, member: FoundMember | null = null, after?: CardAfterSale): Promise<void> {
    const [cashier, clerks] = await Promise.all([cashierName(db, sale), receiptClerksOf(db, sale)]);
    const document = saleReceiptDocument(sale, pairing.store, cashier, false, member && receiptMemberOf(member, after), clerks);
    await send({ sale, jobId: sale.id, document, openDrawer: tookCash(sale) });
  }

  /**
   * After a failed print the same job again (it cannot print twice); otherwise a copy marked as a
   * reprint. Answers the receipt number sent, or null when there was none to send.
   */
  async function reprintLast(): Promise<string | null> {
    const previous = lastJob.current;
    if (previous?.outcome?.via === 'failed') {
      await send(previous.job);
      return previous.job.sale.receiptNo;
    }
    if (previous && previous.outcome === null) return null;
    const sale = previous?.job.sale ?? (await db.journal.orderBy('completedAt').last());
    if (!sale) return null;
    const [cashier, clerks] = await Promise.all([cashierName(db, sale), receiptClerksOf(db, sale)]);
    const document = saleReceiptDocument(sale, pairing.store, cashier, true, previous?.job.document.member ?? null, clerks);
    await send({ sale, jobId: uuidv7(now().getTime(), randomBytes(10)), document, openDrawer: false });
    return sale.receiptNo;
  }

  return { last, onScreen, printSale, reprintLast };
}
