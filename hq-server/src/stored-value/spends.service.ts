import { businessDate, type SpendBody, type StoredValueMovement } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { dropSpendNotices, queueSpendNotice } from '../member-messages/money-notices';
import { memberAccounts, memberCards } from '../members/membership.tables';
import { salePayments } from '../sales/sales.tables';
import { members } from '../pricing/pricing.tables';
import { usableCard, type CardForMoney } from './card-for-money.repo';
import { checkCardPin } from './card-pin';
import { holdChildLimits } from './child-limits';
import { findEntry, lockAccount, onceByPayment, toMovement, type FoundEntry } from './entries.repo';
import { entryOrigin, notAClerkOfStore, type EntryOrigin } from './entry-origin';
import { postStoredValue } from './post-entry';
import { readSpendContext, type SpendContext } from './spend-context.repo';

/** A retried spend answers the first one; the same payment id for another card or amount is a mistake of the till. */
function sameSpend(first: FoundEntry, body: SpendBody): StoredValueMovement {
  if (first.cardNo !== body.cardNo || -first.amountMinor !== body.amountMinor || first.documentId !== body.saleId) {
    throw new AppError('CONFLICT', 'this payment id already took stored value for another card, amount or sale', { paymentId: body.paymentId });
  }
  return toMovement(first, 'spend');
}

/**
 * Locks the account for the rest of the transaction, reading with it what the debit is decided
 * on as it is once the lock is held: the balance, its bonus part and receivable, the card's
 * state and, for a child card, its limits.
 */
async function lockForSpend(tx: Db, chainId: string, found: CardForMoney) {
  const [locked] = await tx
    .select({
      balanceMinor: memberAccounts.balanceMinor, bonusMinor: memberAccounts.bonusMinor, receivableMinor: memberAccounts.receivableMinor,
      cardStatus: memberCards.status, perTxn: members.childTxnLimitMinor, perDay: members.childDayLimitMinor,
    })
    .from(memberAccounts)
    .innerJoin(memberCards, and(eq(memberCards.chainId, memberAccounts.chainId), eq(memberCards.id, found.card.id)))
    .innerJoin(members, and(eq(members.chainId, memberAccounts.chainId), eq(members.id, found.member.id)))
    .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, found.account.id)))
    .for('update', { of: memberAccounts });
  return locked!;
}

/**
 * The debit itself, in one transaction behind the account's lock: one read with the lock, a
 * child's spends of the day when it has a day limit, then the balance, the ledger entry and the
 * member's notices written together. A payment id racing itself meets the ledger's unique key.
 */
async function debit(tx: Db, chainId: string, found: CardForMoney, body: SpendBody, origin: EntryOrigin, context: SpendContext, at: Date): Promise<StoredValueMovement> {
  const account = await lockForSpend(tx, chainId, found);
  if (account.receivableMinor > 0) throw new AppError('ACCOUNT_BLOCKED', 'the card’s account owes a receivable and is blocked until it is settled', { receivableMinor: account.receivableMinor });
  if (account.cardStatus !== 'active') throw new AppError('CONFLICT', 'the card stopped being active while it was being charged', { status: account.cardStatus });
  if (found.member.parentMemberId !== null) {
    await holdChildLimits(tx, chainId, found.account.id, found.member.id, body.amountMinor, account, businessDate(at, origin.timeZone), origin.timeZone, at);
  }
  if (account.balanceMinor < body.amountMinor) throw new AppError('INSUFFICIENT_BALANCE', 'the card’s stored value is less than the amount', { availableMinor: account.balanceMinor });
  const { timeZone: _zone, ...where } = origin;
  const balanceMinor = account.balanceMinor - body.amountMinor;
  const [posted] = await Promise.all([
    postStoredValue(tx, chainId, found.account.id, -body.amountMinor, {
      id: newId(() => at), kind: 'spend', memberId: found.member.id, cardId: found.card.id, ...where, paymentId: body.paymentId, documentId: body.saleId, at,
      bonusSpentFirst: context.settings.bonusSpentFirst, held: account,
    }),
    queueSpendNotice(tx, () => at, chainId, found.member, context.notices, { paymentId: body.paymentId, amountMinor: body.amountMinor, balanceMinor }),
  ]);
  return { entryId: posted!.entryId, paymentId: body.paymentId, kind: 'spend', cardNo: body.cardNo, amountMinor: posted!.amountMinor, bonusMinor: posted!.bonusMinor, balanceAfterMinor: posted!.balanceAfterMinor, at: at.toISOString() } as StoredValueMovement;
}

/**
 * Authorises and captures a stored-value payment of a till (储值消费): a debit that never takes
 * the balance below zero, at most once per payment id however often the till retries. Before the
 * account is locked: one read (`readSpendContext`) and the PIN when the card has one (hashing
 * is slow). Behind the lock: three round trips.
 */
export async function spendStoredValue({ db, clock }: Deps, device: DevicePrincipal, body: SpendBody): Promise<StoredValueMovement> {
  const { chainId } = device;
  const replay = async () => {
    const first = await findEntry(db, chainId, body.paymentId, 'spend');
    return first && sameSpend(first, body);
  };
  const context = await readSpendContext(db, device, body);
  // A retry's first answer wins over any refusal.
  const earlier = context.spentBefore ? await replay() : undefined;
  if (earlier) return earlier;
  if (!context.cashierKnown) throw notAClerkOfStore();
  const found = usableCard(context.card);
  if (context.saleRecorded) {
    throw new AppError('CONFLICT', 'the sale is already recorded at HQ: a payment is taken before the sale completes', { saleId: body.saleId });
  }
  await checkCardPin(db, chainId, found.card, body.pin, context.settings, clock());
  const origin: EntryOrigin = { storeId: device.storeId, franchiseeId: context.franchiseeId, deviceId: device.deviceId, actorId: body.cashierId ?? null, timeZone: device.storeTimeZone };
  const at = clock();
  try {
    return await onceByPayment(() => db.transaction((tx) => debit(tx, chainId, found, body, origin, context, at)), replay);
  } catch (error) {
    // The same payment id may have been spent by a racing request while this one waited for the lock.
    const first = error instanceof AppError ? await replay() : undefined;
    if (first) return first;
    throw error;
  }
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
    const held = await lockAccount(tx, chainId, spent.accountId);
    const raced = await findEntry(tx, chainId, paymentId, 'spend_reversal');
    if (raced) return toMovement(raced, 'spend_reversal');
    const { timeZone: _zone, actorId: _actor, ...where } = origin;
    const posted = await postStoredValue(tx, chainId, spent.accountId, -spent.amountMinor, {
      id: newId(() => at), kind: 'spend_reversal', memberId: spent.memberId, cardId: spent.cardId, ...where, actorId: null, paymentId, documentId: spent.documentId, at, bonusMinor: -spent.bonusMinor, held,
    });
    await dropSpendNotices(tx, chainId, paymentId);
    return toMovement({ ...spent, ...posted!, id: posted!.entryId, createdAt: at }, 'spend_reversal');
  }), replay);
}
