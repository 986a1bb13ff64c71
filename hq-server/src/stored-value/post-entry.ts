import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberAccounts, storedValueEntries } from '../members/membership.tables';

/** Who and what an entry belongs to, beside its amount; every field but the kind is optional. */
export type EntryContext = Omit<typeof storedValueEntries.$inferInsert, 'chainId' | 'accountId' | 'amountMinor' | 'bonusMinor' | 'balanceAfterMinor' | 'createdAt'>;

export type PostedEntry = { entryId: string; balanceAfterMinor: number; bonusAfterMinor: number; amountMinor: number; bonusMinor: number };

/** An account's balance and bonus part as read behind its row lock. */
export type HeldAccount = { balanceMinor: number; bonusMinor: number };

async function lockFigures(tx: Db, chainId: string, accountId: string): Promise<HeldAccount> {
  const [account] = await tx
    .select({ balanceMinor: memberAccounts.balanceMinor, bonusMinor: memberAccounts.bonusMinor })
    .from(memberAccounts)
    .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId)))
    .for('update');
  if (!account) throw new Error(`stored-value account ${accountId} does not exist in chain ${chainId}`);
  return account;
}

/** How much of a debit comes from bonus money, given what the account holds and the chain's order. */
export function bonusPartOfDebit(debitMinor: number, balanceMinor: number, bonusMinor: number, bonusSpentFirst: boolean): number {
  const own = balanceMinor - bonusMinor;
  return bonusSpentFirst ? Math.min(bonusMinor, debitMinor) : Math.max(0, debitMinor - own);
}

/**
 * Posts one stored-value entry and moves the account's balance with it, in the caller's
 * transaction: the account row is locked first, so two tills on one account take turns and
 * the second sees the first's debit. A debit that would take the balance below zero posts
 * nothing and answers null. `amountMinor` is signed (credits positive); for a credit,
 * `bonusMinor` says how much of it is bonus money, and for a debit the bonus part is worked out
 * here from the chain's order (bonus first or last) unless the caller gives it. The
 * account's checks refuse bonus money beyond its balance. A caller that locked the account and
 * read its figures itself hands them in as `held`, and the row is not read again. The balance
 * and the entry are written in one go (pipelined), so the lock is held one round trip less.
 */
export async function postStoredValue(
  tx: Db,
  chainId: string,
  accountId: string,
  amountMinor: number,
  entry: EntryContext & { at: Date; bonusMinor?: number; bonusSpentFirst?: boolean; held?: HeldAccount },
): Promise<PostedEntry | null> {
  const account = entry.held ?? (await lockFigures(tx, chainId, accountId));
  const balanceAfterMinor = account.balanceMinor + amountMinor;
  if (balanceAfterMinor < 0) return null;
  const bonusMinor = entry.bonusMinor ?? (amountMinor < 0 ? -bonusPartOfDebit(-amountMinor, account.balanceMinor, account.bonusMinor, entry.bonusSpentFirst ?? false) : 0);
  const bonusAfterMinor = account.bonusMinor + bonusMinor;
  const { at, bonusSpentFirst: _order, bonusMinor: _bonus, held: _held, ...context } = entry;
  await Promise.all([
    tx.update(memberAccounts)
      .set({ balanceMinor: balanceAfterMinor, bonusMinor: bonusAfterMinor, updatedAt: at })
      .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId))),
    tx.insert(storedValueEntries).values({ ...context, chainId, accountId, amountMinor, bonusMinor, balanceAfterMinor, createdAt: at }),
  ]);
  return { entryId: context.id, balanceAfterMinor, bonusAfterMinor, amountMinor, bonusMinor };
}
