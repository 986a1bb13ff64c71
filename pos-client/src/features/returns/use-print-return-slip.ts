import { useState } from 'react';
import type { PairedDevice, Return } from '@pos/shared';
import type { ReturnSlipDocument } from '@pos/shared/receipt/index';
import { useTillServices } from '../../app/services-context';
import { printReceiptInBrowser } from '../../bridge/browser-print';
import type { TillDb } from '../../db/till-db';
import { printReceipt, type PrintOutcome } from '../sales/print-receipt';

const nameOf = async (db: TillDb, clerkId: string) => (await db.clerks.get(clerkId))?.name ?? clerkId.slice(0, 8);

/** The return slip (退货单) as the bridge prints it: the store, who took it and who approved. */
export async function returnSlipDocument(db: TillDb, pairing: PairedDevice, doc: Return, reprint = false): Promise<ReturnSlipDocument> {
  const store = pairing.store;
  return {
    kind: 'return_slip', reprint, return: doc,
    store: { name: store.nameZh === store.nameEn ? store.nameZh : `${store.nameZh} ${store.nameEn}`.slice(0, 80), address: null, phone: null },
    cashierName: (await nameOf(db, doc.cashierId)).slice(0, 40),
    approvedBy: await Promise.all(doc.approvals.slice(0, 10).map(async (a) => (await nameOf(db, a.approvedBy)).slice(0, 40))),
  };
}

/** Prints a return slip through the bridge (the drawer opens when cash goes back or comes in), else in the browser. */
export function usePrintReturnSlip(pairing: PairedDevice) {
  const { bridge, db } = useTillServices();
  const [last, setLast] = useState<PrintOutcome | null>(null);
  return {
    last,
    print: async (doc: Return) => {
      const cash = doc.refunds.some((r) => r.tender === 'cash') || doc.payments.some((p) => p.tender === 'cash');
      const outcome = await printReceipt(bridge, { jobId: doc.id, document: await returnSlipDocument(db, pairing, doc), openDrawer: cash }, printReceiptInBrowser);
      setLast(outcome);
    },
  };
}
