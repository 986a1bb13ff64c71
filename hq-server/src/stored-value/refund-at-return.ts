import type { Return } from '@pos/shared';
import type { Db } from '../db/client';
import { franchiseeOf } from '../points/points-cards.repo';
import { findEntry, type FoundEntry } from './entries.repo';
import { giveBackToSpend } from './refunds.service';

/** A stored-value refund of a return that the card did not get in full: why, what the till refunded and what HQ credited. */
export interface StoredValueShortfall {
  salePaymentId: string;
  reason: 'UNKNOWN_SPEND' | 'SPEND_REVERSED' | 'EXCEEDS_SPEND';
  refundedMinor: number;
  creditedMinor: number;
}

/**
 * The stored-value side of a return HQ ingests, in the return's transaction after it is written
 * (the original sale's row is locked already, so the accounts are locked after it): each refund
 * to a `stored_value` payment of the sale gives back to the account that spend took it from
 * (`giveBackToSpend`), keyed by the refund's own id, so a till that also refunded it online
 * with that id is not credited twice. The till has already told the customer, so the return is
 * never refused for it: an unknown or reversed spend gives nothing, a refund beyond what is left
 * of the spend gives what is left, and each answers a shortfall for the return's differences.
 * Accounts are locked in one order, so two returns touching the same accounts cannot deadlock.
 */
export async function refundStoredValueAtReturn(tx: Db, chainId: string, doc: Return, at: Date): Promise<StoredValueShortfall[]> {
  const toCards: { refund: Return['refunds'][number]; salePaymentId: string; spent: FoundEntry | undefined }[] = [];
  for (const refund of doc.refunds) {
    if (refund.tender !== 'stored_value' || !refund.salePaymentId) continue;
    toCards.push({ refund, salePaymentId: refund.salePaymentId, spent: await findEntry(tx, chainId, refund.salePaymentId, 'spend') });
  }
  if (toCards.length === 0) return [];
  toCards.sort((a, b) => (a.spent?.accountId ?? '').localeCompare(b.spent?.accountId ?? ''));
  const where = { storeId: doc.storeId, franchiseeId: await franchiseeOf(tx, chainId, doc.storeId), deviceId: doc.deviceId, actorId: doc.cashierId };
  const shortfalls: StoredValueShortfall[] = [];
  for (const { refund, salePaymentId, spent } of toCards) {
    const short = (reason: StoredValueShortfall['reason'], creditedMinor: number) => shortfalls.push({ salePaymentId, reason, refundedMinor: refund.amountMinor, creditedMinor });
    if (!spent) {
      short('UNKNOWN_SPEND', 0);
      continue;
    }
    const outcome = await giveBackToSpend(tx, chainId, { paymentId: refund.id, spent, amountMinor: refund.amountMinor, returnId: doc.id, where, at }, true);
    if (outcome.kind === 'reversed') short('SPEND_REVERSED', 0);
    if (outcome.kind === 'given' && outcome.givenMinor < refund.amountMinor) short('EXCEEDS_SPEND', outcome.givenMinor);
  }
  return shortfalls;
}
