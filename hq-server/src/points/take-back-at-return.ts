import { pointsForReturn, type Return } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId } from '../ids';
import { returnRefunds, returns } from '../returns/returns.tables';
import { sales } from '../sales/sales.tables';
import { franchiseeOf } from './points-cards.repo';
import { postPoints } from './post-points';
import { pointsEntries } from './points.tables';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** What the sale's returns refunded for goods, this one included (it is already written). */
async function goodsBackMinor(tx: Db, chainId: string, saleId: string): Promise<number> {
  const [row] = await tx.select({ back: sql<string>`coalesce(sum(${returns.backMinor}), 0)` }).from(returns)
    .where(and(eq(returns.chainId, chainId), eq(returns.originalSaleId, saleId)));
  return Number(row?.back ?? 0);
}

async function refundedToPayment(tx: Db, chainId: string, paymentId: string): Promise<number> {
  const [row] = await tx.select({ amount: sql<string>`coalesce(sum(${returnRefunds.amountMinor}), 0)` }).from(returnRefunds)
    .where(and(eq(returnRefunds.chainId, chainId), eq(returnRefunds.direction, 'refund'), eq(returnRefunds.salePaymentId, paymentId)));
  return Number(row?.amount ?? 0);
}

/**
 * Takes back what the sale earned in proportion to the goods refunded (`earn_reversal`), from the
 * sale's own lot first. Counted over all the sale's returns, so returning everything takes back
 * exactly what was earned, never more. When the pool holds less (the points were spent), it takes
 * what there is and the entry's reason records the shortfall for the office.
 */
async function takeBackEarned(tx: Db, chainId: string, doc: Return, saleId: string, franchiseeId: string | null, at: Date): Promise<void> {
  const [earned] = await tx.select().from(pointsEntries).where(and(eq(pointsEntries.chainId, chainId), eq(pointsEntries.saleId, saleId), eq(pointsEntries.kind, 'earn')));
  if (!earned) return;
  const [sale] = await tx.select({ total: sales.totalMinor, rounding: sales.roundingMinor }).from(sales).where(and(eq(sales.chainId, chainId), eq(sales.id, saleId)));
  const thisReturn = sum(doc.lines.map((l) => l.refundMinor));
  const due = pointsForReturn(earned.points, sale!.total + sale!.rounding, (await goodsBackMinor(tx, chainId, saleId)) - thisReturn, thisReturn);
  if (due === 0) return;
  const entry = { id: newId(() => at), kind: 'earn_reversal' as const, memberId: earned.memberId, storeId: doc.storeId, franchiseeId, deviceId: doc.deviceId, saleId, returnId: doc.id };
  const posted = await postPoints(tx, chainId, earned.accountId, -due, entry, { at, preferLotId: earned.id, upToBalance: true });
  if (posted && -posted.points < due) {
    await tx.update(pointsEntries).set({ reason: `shortfall: ${due} points due back, the pool held ${-posted.points}` })
      .where(and(eq(pointsEntries.chainId, chainId), eq(pointsEntries.id, entry.id)));
  }
}

/** Gives back what a points payment redeemed, in proportion to what the return refunds to it (`redeem_refund`). */
async function giveBackRedeemed(tx: Db, chainId: string, doc: Return, refund: Return['refunds'][number], paidMinor: number, franchiseeId: string | null, businessDate: string, at: Date): Promise<void> {
  const [redeemed] = await tx.select().from(pointsEntries)
    .where(and(eq(pointsEntries.chainId, chainId), eq(pointsEntries.paymentId, refund.salePaymentId!), eq(pointsEntries.kind, 'redeem')));
  if (!redeemed) return;
  const points = pointsForReturn(-redeemed.points, paidMinor, (await refundedToPayment(tx, chainId, refund.salePaymentId!)) - refund.amountMinor, refund.amountMinor);
  if (points === 0) return;
  await postPoints(tx, chainId, redeemed.accountId, points, {
    id: newId(() => at), kind: 'redeem_refund', memberId: redeemed.memberId, storeId: doc.storeId, franchiseeId, deviceId: doc.deviceId,
    saleId: redeemed.saleId, returnId: doc.id, paymentId: refund.salePaymentId,
  }, { at, earnedOn: businessDate });
}

/**
 * The points side of a return of a member's sale, in the return's transaction after it is
 * written (so the sale's row is locked and its returns are judged one after the other): the
 * redeemed points refunded come back first, then the earned ones are taken back, so a take-back
 * can be made from points the same return gave back.
 */
export async function movePointsForReturn(tx: Db, chainId: string, doc: Return, original: { id: string; payments: ReadonlyMap<string, { amountMinor: number }> }, businessDate: string, at: Date): Promise<void> {
  const franchiseeId = await franchiseeOf(tx, chainId, doc.storeId);
  for (const refund of doc.refunds) {
    const paid = refund.salePaymentId ? original.payments.get(refund.salePaymentId) : undefined;
    if (refund.tender === 'points' && paid) await giveBackRedeemed(tx, chainId, doc, refund, paid.amountMinor, franchiseeId, businessDate, at);
  }
  await takeBackEarned(tx, chainId, doc, original.id, franchiseeId, at);
}
