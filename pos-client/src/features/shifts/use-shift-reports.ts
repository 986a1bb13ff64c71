import { useState } from 'react';
import { layoutDocument, type ReceiptDocument, type ReceiptModel } from '@pos/shared/receipt/index';
import { useTillServices } from '../../app/services-context';
import { printReceiptInBrowser } from '../../bridge/browser-print';
import { printReceipt, type PrintOutcome } from '../sales/print-receipt';

/** The last report printed: its layout for the screen, and how the print went (null while the bridge has not answered). */
export interface ReportPrint {
  model: ReceiptModel;
  outcome: PrintOutcome | null;
}

/** Prints X and Z reports through the bridge as receipts are printed (the browser when there is no bridge), never opening the drawer. */
export function useShiftReports() {
  const { bridge } = useTillServices();
  const [last, setLast] = useState<ReportPrint | null>(null);

  async function print(document: ReceiptDocument & { id: string }): Promise<void> {
    const model = layoutDocument(document);
    setLast({ model, outcome: null });
    const outcome = await printReceipt(bridge, { jobId: document.id, document, openDrawer: false }, printReceiptInBrowser);
    setLast({ model, outcome });
  }

  return { last, print, clear: () => setLast(null) };
}
