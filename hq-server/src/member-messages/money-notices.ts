import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Clock } from '../ids';
import { chains, stores } from '../org/org.tables';
import { loadMemberMessageSettings } from './message-settings.service';
import { memberMessages } from './member-messages.tables';
import { queueMemberMessage } from './queue-message';

/** A spend notice waits this long, so a sale abandoned at the counter (its spend reversed) sends none. */
export const SPEND_NOTICE_DELAY_MS = 120_000;

async function placeOf(tx: Db, chainId: string, storeId: string | null): Promise<{ currency: string; storeName: string }> {
  const [chain] = await tx.select({ currency: chains.currency }).from(chains).where(eq(chains.id, chainId));
  const [store] = storeId ? await tx.select({ name: stores.nameZh }).from(stores).where(and(eq(stores.chainId, chainId), eq(stores.id, storeId))) : [];
  return { currency: chain?.currency ?? 'CNY', storeName: store?.name ?? '总部' };
}

/** The top-up notice (充值通知) of a payment, in the top-up's transaction. */
export async function queueTopUpNotice(tx: Db, clock: Clock, chainId: string, memberId: string, top: { paymentId: string; storeId: string | null; amountMinor: number; bonusMinor: number; balanceMinor: number }): Promise<void> {
  const place = await placeOf(tx, chainId, top.storeId);
  await queueMemberMessage(tx, clock, chainId, memberId, { kind: 'top_up', ...place, amountMinor: top.amountMinor, bonusMinor: top.bonusMinor, balanceMinor: top.balanceMinor }, `top_up:${top.paymentId}`);
}

/**
 * The spend notice (消费通知) of a payment, and a low-balance one when the spend left less than
 * the chain's threshold, in the spend's transaction; both wait `SPEND_NOTICE_DELAY_MS`.
 */
export async function queueSpendNotice(tx: Db, clock: Clock, chainId: string, memberId: string, spend: { paymentId: string; storeId: string | null; amountMinor: number; balanceMinor: number }): Promise<void> {
  const place = await placeOf(tx, chainId, spend.storeId);
  const notBefore = new Date(clock().getTime() + SPEND_NOTICE_DELAY_MS);
  await queueMemberMessage(tx, clock, chainId, memberId, { kind: 'spend', ...place, amountMinor: spend.amountMinor, balanceMinor: spend.balanceMinor }, `spend:${spend.paymentId}`, notBefore);
  const { lowBalanceBelowMinor } = await loadMemberMessageSettings(tx, chainId);
  if (spend.balanceMinor < lowBalanceBelowMinor) {
    await queueMemberMessage(tx, clock, chainId, memberId, { kind: 'low_balance', currency: place.currency, balanceMinor: spend.balanceMinor }, `low_balance:${spend.paymentId}`, notBefore);
  }
}

/** A reversed spend tells the member nothing: its notices are dropped while they still wait. */
export async function dropSpendNotices(tx: Db, chainId: string, paymentId: string): Promise<void> {
  for (const key of [`spend:${paymentId}`, `low_balance:${paymentId}`]) {
    await tx.delete(memberMessages).where(and(eq(memberMessages.chainId, chainId), eq(memberMessages.dedupeKey, key), eq(memberMessages.status, 'pending'), eq(memberMessages.attempts, 0)));
  }
}
