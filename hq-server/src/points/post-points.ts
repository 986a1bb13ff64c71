import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId } from '../ids';
import { memberAccounts } from '../members/membership.tables';
import { pointsEntries, pointsLots } from './points.tables';

/** Who and what an entry belongs to, beside its points; the id and kind are required. */
export type PointsEntryContext = Omit<typeof pointsEntries.$inferInsert, 'chainId' | 'accountId' | 'points' | 'balanceAfter' | 'createdAt'>;

export interface PostingOptions {
  at: Date;
  /** The business day credited points count from for expiry (required for a credit without `lots`). */
  earnedOn?: string;
  /** A credit that keeps the days of the points it brings (a transfer): one lot per day, adding up to the credit. */
  lots?: readonly { earnedOn: string; points: number }[];
  /** A debit consumes this lot before the oldest ones (a return takes back from its sale's own lot first). */
  preferLotId?: string;
  /** A debit larger than the pool takes what there is instead of nothing (a take-back after the points were spent). */
  upToBalance?: boolean;
}

export type PostedPoints = { entryId: string; points: number; balanceAfter: number };

/** Locks a pool's row for the rest of the transaction and answers its points; throws for an account that does not exist. */
export async function lockPool(tx: Db, chainId: string, accountId: string): Promise<number> {
  const [account] = await tx.select({ points: memberAccounts.points }).from(memberAccounts)
    .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId))).for('update');
  if (!account) throw new Error(`points pool ${accountId} does not exist in chain ${chainId}`);
  return account.points;
}

/** Takes `points` from the pool's lots, the preferred one first and then the oldest, in one statement. */
async function consumeLots(tx: Db, chainId: string, accountId: string, points: number, preferLotId: string | null): Promise<void> {
  await tx.execute(sql`
    with open_lots as (
      select id, remaining, sum(remaining) over (order by (id = ${preferLotId}::uuid) is true desc, earned_on, id) - remaining as before
      from ${pointsLots} where chain_id = ${chainId} and account_id = ${accountId} and remaining > 0
    )
    update ${pointsLots} l set remaining = l.remaining - least(o.remaining, ${points}::bigint - o.before)
    from open_lots o where l.chain_id = ${chainId} and l.id = o.id and o.before < ${points}::bigint`);
}

/**
 * Posts one points entry and moves the pool's balance and lots with it, in the caller's
 * transaction: the pool's row is locked first, so two tills redeeming from one pool take turns
 * and the second sees the first's debit (every change of a pool's lots goes through here, under
 * that lock). A credit opens a lot dated `earnedOn`; a debit consumes lots oldest first. A debit
 * beyond the balance posts nothing and answers null, unless `upToBalance` lets it take what
 * there is. `points` is signed (credits positive).
 */
export async function postPoints(tx: Db, chainId: string, accountId: string, points: number, entry: PointsEntryContext, options: PostingOptions): Promise<PostedPoints | null> {
  const balance = await lockPool(tx, chainId, accountId);
  const moved = points < 0 && options.upToBalance ? -Math.min(-points, balance) : points;
  const balanceAfter = balance + moved;
  if (balanceAfter < 0) return null;
  const lots = moved > 0 ? options.lots ?? (options.earnedOn ? [{ earnedOn: options.earnedOn, points: moved }] : []) : [];
  if (moved > 0 && (lots.length === 0 || lots.reduce((sum, l) => sum + l.points, 0) !== moved || lots.some((l) => l.points <= 0))) {
    throw new Error('a points credit needs the days it counts from, adding up to it');
  }
  await tx.update(memberAccounts).set({ points: balanceAfter, updatedAt: options.at })
    .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId)));
  await tx.insert(pointsEntries).values({ ...entry, chainId, accountId, points: moved, balanceAfter, createdAt: options.at });
  if (lots.length) {
    await tx.insert(pointsLots).values(lots.map((lot, i) => ({ chainId, id: i === 0 ? entry.id : newId(() => options.at), accountId, earnedOn: lot.earnedOn, points: lot.points, remaining: lot.points })));
  }
  if (moved < 0) await consumeLots(tx, chainId, accountId, -moved, options.preferLotId ?? null);
  return { entryId: entry.id, points: moved, balanceAfter };
}
