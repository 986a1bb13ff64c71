import { emptyReturnHistory, withReturns, type ReturnHistory, type Sale } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';
import { isUnreachable } from '../../hq/hq-failure';
import type { Connection } from '../../sync/sync-worker';

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

/** How long a till waits for HQ's count of a sale it holds itself: the customer is at the counter, and the till can judge alone. */
export const OWN_SALE_HQ_WAIT_MS = 1_200;

export interface FindOriginalSaleDeps {
  db: TillDb;
  hq: Pick<HqClient, 'lookUpReceipt'>;
  /** Whether HQ answered lately, as the sync loop last found. */
  connection: () => Connection;
}

/**
 * Finds the sale a receipt names: in this till's journal first (works offline), else at HQ (a sale
 * of another till or store of the chain), with a short time-out. Either way what came back is
 * HQ's count (when HQ answers) plus this till's returns HQ has not yet counted, so a line can
 * never be returned twice from this till, and HQ judges across tills. For its own sale the till
 * does not ask HQ while the sync loop finds HQ unreachable, and waits only briefly when it asks:
 * HQ records any over-return that the till could not see as a difference for the office.
 */
export async function findOriginalSale({ db, hq, connection }: FindOriginalSaleDeps, input: string): Promise<OriginalSaleResult> {
  const receiptNo = receiptNoOf(input);
  if (!receiptNo) return { ok: false, code: 'RECEIPT_INVALID' };
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, code: 'DEVICE_REFUSED' };
  const own = await db.journal.where('receiptNo').equals(receiptNo).last();
  const fromJournal = async (sale: Sale): Promise<OriginalSaleResult> => ({
    ok: true,
    original: { sale, storeCode: pairing.store.code, history: withReturns(emptyReturnHistory, await localReturnsOf(db, sale.id)), source: 'journal' },
  });
  if (own && connection() === 'offline') return fromJournal(own);
  const answer = await hq.lookUpReceipt(pairing.deviceToken, receiptNo, own ? OWN_SALE_HQ_WAIT_MS : undefined);
  if (answer.ok) {
    const { sale, storeCode, returned } = answer.value;
    return { ok: true, original: { sale: own?.id === sale.id ? own : sale, storeCode, history: withReturns(returned, await localReturnsOf(db, sale.id)), source: own ? 'journal' : 'hq' } };
  }
  if (own) return fromJournal(own);
  if (isUnreachable(answer.failure)) return { ok: false, code: 'RECEIPT_LOOKUP_OFFLINE' };
  if (answer.failure.kind === 'http' && (answer.failure.status === 401 || answer.failure.status === 403)) return { ok: false, code: 'DEVICE_REFUSED' };
  return { ok: false, code: 'RECEIPT_NOT_FOUND' };
}
