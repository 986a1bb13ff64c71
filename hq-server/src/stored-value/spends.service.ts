import { businessDate, type SpendBody, type StoredValueMovement } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { dropSpendNotices, queueSpendNotice } from '../member-messages/money-notices';
import { memberAccounts, memberCards } from '../members/membership.tables';
import { salePayments, sales } from '../sales/sales.tables';
import { cardForMoney, type CardForMoney } from './card-for-money.repo';
import { checkCardPin } from './card-pin';
import { holdChildLimits } from './child-limits';
import { findEntry, lockAccount, onceByPayment, toMovement, type FoundEntry } from './entries.repo';
import { entryOrigin, type EntryOrigin } from './entry-origin';
import { loadMembershipSettings } from './membership-settings.service';
import { postStoredValue } from './post-entry';

const settled = <T>(read: PromiseSettledResult<T>): T => {
  if (read.status === 'rejected') throw read.reason;
  return read.value;
};

/** A retried spend answers the first one; the same payment id for another card or amount is a mistake of the till. */
function sameSpend(first: FoundEntry, body: SpendBody): StoredValueMovement {
  if (first.cardNo !== body.cardNo || -first.amountMinor !== body.amountMinor || first.documentId !== body.saleId) {
    throw new AppError('CONFLICT', 'this payment id already took stored value for another card, amount or sale', { paymentId: body.paymentId });
  }
  return toMovement(first, 'spend');
}

/** Locks the account for the rest of the transaction, reading it and the card's state as they are once the lock is held. */
async function lockAccountAndCard(tx: Db, chainId: string, accountId: string, cardId: string) {
  const [locked] = await tx
    .select({ balanceMinor: memberAccounts.balanceMinor, receivableMinor: memberAccounts.receivableMinor, cardStatus: memberCards.status })
    .from(memberAccounts)
    .innerJoin(memberCards, and(eq(memberCards.chainId, memberAccounts.chainId), eq(memberCards.id, cardId)))
    .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId)))
    .for('update', { of: memberAccounts });
  return locked!;
}

/** The debit itself, in one transaction behind the account's lock: the receivable, the card, a child's limits, then the conditional debit. */
async function debit(tx: Db, chainId: string, found: CardForMoney, body: SpendBody, origin: EntryOrigin, bonusSpentFirst: boolean, at: Date): Promise<StoredValueMovement> {
  const account = await lockAccountAndCard(tx, chainId, found.account.id, found.card.id);
  const raced = await findEntry(tx, chainId, body.paymentId, 'spend');
  if (raced) return sameSpend(raced, body);
  if (account.receivableMinor > 0) throw new AppError('ACCOUNT_BLOCKED', 'the card’s account owes a receivable and is blocked until it is settled', { receivableMinor: account.receivableMinor });
  if (account.cardStatus !== 'active') throw new AppError('CONFLICT', 'the card stopped being active while it was being charged', { status: account.cardStatus });
  if (found.member.parentMemberId !== null) {
    await holdChildLimits(tx, chainId, found.account.id, found.member.id, body.amountMinor, businessDate(at, origin.timeZone), origin.timeZone, at);
  }
  const { timeZone: _zone, ...where } = origin;
  const posted = await postStoredValue(tx, chainId, found.account.id, -body.amountMinor, {
    id: newId(() => at), kind: 'spend', memberId: found.member.id, cardId: found.card.id, ...where, paymentId: body.paymentId, documentId: body.saleId, at, bonusSpentFirst,
  });
  if (!posted) throw new AppError('INSUFFICIENT_BALANCE', 'the card’s stored value is less than the amount', { availableMinor: account.balanceMinor });
  await queueSpendNotice(tx, () => at, chainId, found.member.id, { paymentId: body.paymentId, storeId: where.storeId, amountMinor: body.amountMinor, balanceMinor: posted.balanceAfterMinor });
  return { entryId: posted.entryId, paymentId: body.paymentId, kind: 'spend', cardNo: body.cardNo, amountMinor: posted.amountMinor, bonusMinor: posted.bonusMinor, balanceAfterMinor: posted.balanceAfterMinor, at: at.toISOString() } as StoredValueMovement;
}

/**
 * Authorises and captures a stored-value payment of a till (储值消费): a debit that never takes
 * the balance below zero, at most once per payment id however often the till retries. The PIN
 * is checked before the transaction (hashing is slow; the account stays unlocked meanwhile).
 */
export async function spendStoredValue({ db, clock }: Deps, device: DevicePrincipal, body: SpendBody): Promise<StoredValueMovement> {
  const { chainId } = device;
  const replay = async () => {
    const first = await findEntry(db, chainId, body.paymentId, 'spend');
    return first && sameSpend(first, body);
  };
  // Independent reads, at once: an authorisation's latency is what the till waits for. A retry's first answer wins over any refusal.
  const reads = await Promise.allSettled([
    replay(), entryOrigin(db, device, body.cashierId), cardForMoney(db, chainId, body.cardNo),
    db.$count(sales, and(eq(sales.chainId, chainId), eq(sales.id, body.saleId))), loadMembershipSettings(db, chainId),
  ] as const);
  const earlier = settled(reads[0]);
  if (earlier) return earlier;
  const [origin, found, recordedSales, settings] = [settled(reads[1]), settled(reads[2]), settled(reads[3]), settled(reads[4])];
  if (recordedSales > 0) {
    throw new AppError('CONFLICT', 'the sale is already recorded at HQ: a payment is taken before the sale completes', { saleId: body.saleId });
  }
  await checkCardPin(db, chainId, found.card, body.pin, settings, clock());
  const at = clock();
  return onceByPayment(() => db.transaction((tx) => debit(tx, chainId, found, body, origin, settings.bonusSpentFirst, at)), replay);
}

/**
 * Gives back a spend whose sale was abandoned before it completed (冲正): exactly what the spend
 * took, bonus part included, once. Only the store that took it may reverse it, and only until
 * the sale holding the payment reaches HQ; after that the way back is a refund.
 */
export async function reverseSpend({ db, clock }: Deps, device: DevicePrincipal, paymentId: string): Promise<StoredValueMovement> {
  const { chainId } = device;
  const spent = await findEntry(db, chainId, paymentId, 'spend');
  if (!spent || spent.storeId !== device.storeId) throw new AppError('NOT_FOUND', 'no stored-value payment of this store has this id');
  const replay = async () => {
    const first = await findEntry(db, chainId, paymentId, 'spend_reversal');
    return first && toMovement(first, 'spend_reversal');
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if ((await db.$count(salePayments, and(eq(salePayments.chainId, chainId), eq(salePayments.id, paymentId)))) > 0) {
    throw new AppError('PAYMENT_CAPTURED', 'the sale holding this payment is recorded at HQ: refund it instead');
  }
  const origin = await entryOrigin(db, device, undefined);
  const at = clock();
  return onceByPayment(() => db.transaction(async (tx) => {
    await lockAccount(tx, chainId, spent.accountId);
    const raced = await findEntry(tx, chainId, paymentId, 'spend_reversal');
    if (raced) return toMovement(raced, 'spend_reversal');
    const { timeZone: _zone, actorId: _actor, ...where } = origin;
    const posted = await postStoredValue(tx, chainId, spent.accountId, -spent.amountMinor, {
      id: newId(() => at), kind: 'spend_reversal', memberId: spent.memberId, cardId: spent.cardId, ...where, actorId: null, paymentId, documentId: spent.documentId, at, bonusMinor: -spent.bonusMinor,
    });
    await dropSpendNotices(tx, chainId, paymentId);
    return toMovement({ ...spent, ...posted!, id: posted!.entryId, createdAt: at }, 'spend_reversal');
  }), replay);
}
