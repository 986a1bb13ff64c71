import type { RefundBody, StoredValueMovement } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { findEntry, lockAccount, onceByPayment, toMovement, type FoundEntry } from './entries.repo';
import { entryOrigin, type EntryOrigin } from './entry-origin';
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

/** One refund of a spend: its own id (the entry's payment id, so it gives back once), the amount, the return and where it was made. */
export interface SpendRefund {
  paymentId: string;
  spent: FoundEntry;
  amountMinor: number;
  returnId: string;
  where: Omit<EntryOrigin, 'timeZone'>;
  at: Date;
}

/** What giving back to a spend came to: a refund under that id before, a reversed spend, a refund beyond what is left (refused), or what was given. */
export type SpendRefundOutcome =
  | { kind: 'earlier'; entry: FoundEntry }
  | { kind: 'reversed' }
  | { kind: 'over'; refundableMinor: number }
  | { kind: 'given'; givenMinor: number; movement: StoredValueMovement | null };

/**
 * Gives stored value back to the account a spend took it from, in the caller's transaction and
 * behind that account's lock (so refunds at once, and spends, take turns): nothing when a refund
 * entry with this id exists already or the spend was reversed; bonus money in the proportion the
 * spend took it; never more in all than the spend less its earlier refunds. A refund beyond
 * that is refused (`over`), or with `upToWhatIsLeft` given only what is left.
 */
export async function giveBackToSpend(tx: Db, chainId: string, refund: SpendRefund, upToWhatIsLeft: boolean): Promise<SpendRefundOutcome> {
  const { spent, at } = refund;
  const held = await lockAccount(tx, chainId, spent.accountId);
  const earlier = await findEntry(tx, chainId, refund.paymentId, 'refund');
  if (earlier) return { kind: 'earlier', entry: earlier };
  if (await findEntry(tx, chainId, spent.paymentId!, 'spend_reversal')) return { kind: 'reversed' };
  const [refunded] = await tx.select({ minor: sql<string>`coalesce(sum(${storedValueRefunds.amountMinor}), 0)`, bonus: sql<string>`coalesce(sum(${storedValueRefunds.bonusMinor}), 0)` })
    .from(storedValueRefunds).where(and(eq(storedValueRefunds.chainId, chainId), eq(storedValueRefunds.originalPaymentId, spent.paymentId!)));
  const [refundedMinor, refundedBonusMinor] = [Number(refunded!.minor), Number(refunded!.bonus)];
  const refundableMinor = -spent.amountMinor - refundedMinor;
  if (refund.amountMinor > refundableMinor && !upToWhatIsLeft) return { kind: 'over', refundableMinor };
  const givenMinor = Math.min(refund.amountMinor, refundableMinor);
  if (givenMinor <= 0) return { kind: 'given', givenMinor: 0, movement: null };
  const bonusMinor = refundBonus(-spent.amountMinor, -spent.bonusMinor, refundedMinor, refundedBonusMinor, givenMinor);
  const id = newId(() => at);
  const posted = await postStoredValue(tx, chainId, spent.accountId, givenMinor, {
    id, kind: 'refund', memberId: spent.memberId, cardId: spent.cardId, ...refund.where, paymentId: refund.paymentId, documentId: refund.returnId, at, bonusMinor, held,
  });
  await tx.insert(storedValueRefunds).values({ chainId, paymentId: refund.paymentId, originalPaymentId: spent.paymentId!, amountMinor: givenMinor, bonusMinor, entryId: id });
  return { kind: 'given', givenMinor, movement: toMovement({ ...spent, ...posted!, id, paymentId: refund.paymentId, createdAt: at }, 'refund') };
}

/**
 * Gives stored value back for a return (退货退回储值) online, from the till: to the account the
 * original spend took it from (`giveBackToSpend`), all of it or nothing. A refund id is used once;
 * a retry answers the first refund.
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
  const { timeZone: _zone, ...where } = await entryOrigin(db, device, body.cashierId);
  const at = clock();
  return onceByPayment(() => db.transaction(async (tx) => {
    const outcome = await giveBackToSpend(tx, chainId, { paymentId: body.paymentId, spent, amountMinor: body.amountMinor, returnId: body.returnId, where, at }, false);
    switch (outcome.kind) {
      case 'earlier': return sameRefund(tx, chainId, outcome.entry, body);
      case 'reversed': throw new AppError('CONFLICT', 'the payment was reversed: nothing of it is left to refund');
      case 'over': throw new AppError('REFUND_EXCEEDS_SPEND', 'the refund is more than what is left of the payment', { refundableMinor: outcome.refundableMinor });
      case 'given': return outcome.movement!;
    }
  }), replay);
}
