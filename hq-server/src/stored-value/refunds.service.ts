import type { RefundBody, StoredValueMovement } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { findEntry, lockAccount, onceByPayment, toMovement, type FoundEntry } from './entries.repo';
import { entryOrigin } from './entry-origin';
import { postStoredValue } from './post-entry';
import { storedValueRefunds } from './stored-value.tables';

/** `part × numerator / denominator` rounded half up, exact for any amounts (bigint, no float). */
const share = (part: number, numerator: number, denominator: number) =>
  Number((BigInt(part) * BigInt(numerator) * 2n + BigInt(denominator)) / (2n * BigInt(denominator)));

/**
 * The bonus part of a refund: the spend's bonus share of everything refunded so far, less the
 * bonus earlier refunds gave back, so the refunds of a whole spend give back exactly its bonus.
 */
export function refundBonus(spentMinor: number, spentBonusMinor: number, refundedMinor: number, refundedBonusMinor: number, amountMinor: number): number {
  return share(refundedMinor + amountMinor, spentBonusMinor, spentMinor) - refundedBonusMinor;
}

async function sameRefund(db: Db, chainId: string, first: FoundEntry, body: RefundBody): Promise<StoredValueMovement> {
  const [link] = await db.select({ original: storedValueRefunds.originalPaymentId }).from(storedValueRefunds)
    .where(and(eq(storedValueRefunds.chainId, chainId), eq(storedValueRefunds.paymentId, body.paymentId)));
  if (first.amountMinor !== body.amountMinor || first.documentId !== body.returnId || link?.original !== body.originalPaymentId) {
    throw new AppError('CONFLICT', 'this refund id already gave back stored value for another payment, amount or return', { paymentId: body.paymentId });
  }
  return toMovement(first, 'refund');
}

/**
 * Gives stored value back for a return (退货退回储值) to the account the original spend took it
 * from, bonus money in the proportion the spend took it; never more in all than the spend, less
 * its earlier refunds (counted behind the account's lock, so refunds at once cannot overshoot).
 * A refund id is used once; a retry answers the first refund.
 */
export async function refundStoredValue({ db, clock }: Deps, device: DevicePrincipal, body: RefundBody): Promise<StoredValueMovement> {
  const { chainId } = device;
  const replay = async () => {
    const first = await findEntry(db, chainId, body.paymentId, 'refund');
    return first && sameRefund(db, chainId, first, body);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const spent = await findEntry(db, chainId, body.originalPaymentId, 'spend');
  if (!spent) throw new AppError('NOT_FOUND', 'no stored-value payment has this id');
  if (await findEntry(db, chainId, body.originalPaymentId, 'spend_reversal')) throw new AppError('CONFLICT', 'the payment was reversed: nothing of it is left to refund');
  const origin = await entryOrigin(db, device, body.cashierId);
  const at = clock();
  return onceByPayment(() => db.transaction(async (tx) => {
    const held = await lockAccount(tx, chainId, spent.accountId);
    const raced = await findEntry(tx, chainId, body.paymentId, 'refund');
    if (raced) return sameRefund(tx, chainId, raced, body);
    const [refunded] = await tx.select({ minor: sql<string>`coalesce(sum(${storedValueRefunds.amountMinor}), 0)`, bonus: sql<string>`coalesce(sum(${storedValueRefunds.bonusMinor}), 0)` })
      .from(storedValueRefunds).where(and(eq(storedValueRefunds.chainId, chainId), eq(storedValueRefunds.originalPaymentId, body.originalPaymentId)));
    const [refundedMinor, refundedBonusMinor] = [Number(refunded!.minor), Number(refunded!.bonus)];
    const refundableMinor = -spent.amountMinor - refundedMinor;
    if (body.amountMinor > refundableMinor) throw new AppError('REFUND_EXCEEDS_SPEND', 'the refund is more than what is left of the payment', { refundableMinor });
    const bonusMinor = refundBonus(-spent.amountMinor, -spent.bonusMinor, refundedMinor, refundedBonusMinor, body.amountMinor);
    const { timeZone: _zone, ...where } = origin;
    const id = newId(() => at);
    const posted = await postStoredValue(tx, chainId, spent.accountId, body.amountMinor, {
      id, kind: 'refund', memberId: spent.memberId, cardId: spent.cardId, ...where, paymentId: body.paymentId, documentId: body.returnId, at, bonusMinor, held,
    });
    await tx.insert(storedValueRefunds).values({ chainId, paymentId: body.paymentId, originalPaymentId: body.originalPaymentId, amountMinor: body.amountMinor, bonusMinor, entryId: id });
    return toMovement({ ...spent, ...posted!, id, paymentId: body.paymentId, createdAt: at }, 'refund');
  }), replay);
}
