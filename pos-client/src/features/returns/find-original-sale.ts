import { emptyReturnHistory, withReturns, type ReturnHistory, type Sale } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';
import { isUnreachable } from '../../hq/hq-failure';

/** Why no sale came back for a receipt number; each has its words in `error.<code>`. */
export type ReceiptLookupFailure = 'RECEIPT_INVALID' | 'RECEIPT_NOT_FOUND' | 'RECEIPT_LOOKUP_OFFLINE' | 'DEVICE_REFUSED';

/** The sale a return is made against, where it was found, and what came back of it already (this till's returns and HQ's). */
export interface OriginalSale {
  sale: Sale;
  storeCode: string | null;
  history: ReturnHistory;
  source: 'journal' | 'hq';
}

export type OriginalSaleResult = { ok: true; original: OriginalSale } | { ok: false; code: ReceiptLookupFailure };

/** A receipt number as printed or scanned from the receipt's barcode (`T01-42`). */
export const receiptNoOf = (input: string): string | null => {
  const text = input.trim().toUpperCase();
  return /^[A-Z0-9-]{1,32}$/.test(text) ? text : null;
};

/** This till's own returns of a sale, from its journal of returns. */
export async function localReturnsOf(db: TillDb, saleId: string) {
  return db.returns.where('original.saleId').equals(saleId).toArray();
}

/**
 * Finds the sale a receipt names: in this till's journal first (works offline), else at HQ (a sale
 * of another till or store of the chain), with a short time-out. Either way what came back is
 * HQ's count (when HQ answers) plus this till's returns HQ has not yet counted, so a line can
 * never be returned twice from this till, and HQ judges across tills.
 */
export async function findOriginalSale({ db, hq }: { db: TillDb; hq: HqClient }, input: string): Promise<OriginalSaleResult> {
  const receiptNo = receiptNoOf(input);
  if (!receiptNo) return { ok: false, code: 'RECEIPT_INVALID' };
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, code: 'DEVICE_REFUSED' };
  const own = await db.journal.where('receiptNo').equals(receiptNo).last();
  const answer = await hq.lookUpReceipt(pairing.deviceToken, receiptNo);
  if (answer.ok) {
    const { sale, storeCode, returned } = answer.value;
    return { ok: true, original: { sale: own?.id === sale.id ? own : sale, storeCode, history: withReturns(returned, await localReturnsOf(db, sale.id)), source: own ? 'journal' : 'hq' } };
  }
  if (own) return { ok: true, original: { sale: own, storeCode: pairing.store.code, history: withReturns(emptyReturnHistory, await localReturnsOf(db, own.id)), source: 'journal' } };
  if (isUnreachable(answer.failure)) return { ok: false, code: 'RECEIPT_LOOKUP_OFFLINE' };
  if (answer.failure.kind === 'http' && (answer.failure.status === 401 || answer.failure.status === 403)) return { ok: false, code: 'DEVICE_REFUSED' };
  return { ok: false, code: 'RECEIPT_NOT_FOUND' };
}
