import type { StoredValueEntryKind, StoredValueMovement } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberAccounts, memberCards, storedValueEntries } from '../members/membership.tables';
import { sqlStateOf } from '../db/sql-state';

/** The entry a payment id made of one kind, with the number of the card it was made with. */
export async function findEntry(db: Db, chainId: string, paymentId: string, kind: StoredValueEntryKind) {
  const [row] = await db
    .select({
      id: storedValueEntries.id, accountId: storedValueEntries.accountId, memberId: storedValueEntries.memberId, cardId: storedValueEntries.cardId,
      amountMinor: storedValueEntries.amountMinor, bonusMinor: storedValueEntries.bonusMinor, balanceAfterMinor: storedValueEntries.balanceAfterMinor,
      storeId: storedValueEntries.storeId, documentId: storedValueEntries.documentId, paymentId: storedValueEntries.paymentId, createdAt: storedValueEntries.createdAt,
      cardNo: memberCards.cardNo,
    })
    .from(storedValueEntries)
    .innerJoin(memberCards, and(eq(memberCards.chainId, storedValueEntries.chainId), eq(memberCards.id, storedValueEntries.cardId)))
    .where(and(eq(storedValueEntries.chainId, chainId), eq(storedValueEntries.paymentId, paymentId), eq(storedValueEntries.kind, kind)));
  return row;
}

export type FoundEntry = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

export const toMovement = (entry: FoundEntry, kind: StoredValueEntryKind): StoredValueMovement => ({
  entryId: entry.id, paymentId: entry.paymentId!, kind, cardNo: entry.cardNo, amountMinor: entry.amountMinor as StoredValueMovement['amountMinor'],
  bonusMinor: entry.bonusMinor as StoredValueMovement['bonusMinor'], balanceAfterMinor: entry.balanceAfterMinor as StoredValueMovement['balanceAfterMinor'],
  at: entry.createdAt.toISOString(),
});

/** Locks an account's row for the rest of the transaction and reads it: every change to its stored value takes turns behind this. */
export async function lockAccount(tx: Db, chainId: string, accountId: string) {
  const [account] = await tx
    .select({ balanceMinor: memberAccounts.balanceMinor, bonusMinor: memberAccounts.bonusMinor, receivableMinor: memberAccounts.receivableMinor })
    .from(memberAccounts)
    .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId)))
    .for('update');
  return account!;
}

/**
 * Runs a payment's work; should a racing request with the same payment id have written first
 * (the ledger's unique payment key refuses the second), answers what `replay` finds instead.
 */
export async function onceByPayment<T>(work: () => Promise<T>, replay: () => Promise<T | undefined>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlStateOf(error) !== '23505') throw error;
    const first = await replay();
    if (first === undefined) throw error;
    return first;
  }
}
