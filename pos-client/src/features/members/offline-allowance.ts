import type { OfflineAllowance, SalePayment } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/** A stored-value payment as the allowance counts it: its card when it was taken offline. */
type Counted = Pick<SalePayment, 'tender' | 'amountMinor' | 'offlineCardNo'>;

/**
 * How much more stored value the till may take offline from `cardNo` (离线储值): the chain's
 * allowance per card and per till, less what it took offline and HQ has not yet settled (the
 * sales waiting to be sent, and the open ticket's own). Zero when the chain allows none.
 */
export function offlineRoom(allowance: OfflineAllowance | undefined, unsettled: readonly Counted[], cardNo: string): number {
  if (!allowance) return 0;
  const offline = unsettled.filter((p) => p.tender === 'stored_value' && p.offlineCardNo !== undefined);
  const sum = (payments: readonly Counted[]) => payments.reduce((total, p) => total + p.amountMinor, 0);
  const onCard = sum(offline.filter((p) => p.offlineCardNo === cardNo));
  return Math.max(0, Math.min(allowance.cardMinor - onCard, allowance.tillMinor - sum(offline)));
}

/** The offline stored-value payments HQ has not settled yet: in sales still waiting to be sent, or sent back as rejected. */
export async function unsettledOfflinePayments(db: TillDb): Promise<Counted[]> {
  const waiting = await db.outbox.where('state').anyOf('pending', 'rejected').filter((entry) => entry.kind === 'sale').toArray();
  return waiting.flatMap((entry) => (entry.body.kind === 'sale' ? entry.body.payments.filter((p) => p.offlineCardNo !== undefined) : []));
}
