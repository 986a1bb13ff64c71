import { businessDate, firstUnexpiredEarningDay } from '@pos/shared';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId, type Clock } from '../ids';
import { chains } from '../org/org.tables';
import { loadPointsSettings } from './points-settings.service';
import { lockPool, postPoints } from './post-points';
import { pointsLots } from './points.tables';

export interface ExpiryRun {
  /** The chain's business day the policy was applied on. */
  asOf: string;
  pools: number;
  points: number;
}

/** The pools holding points earned before `before`, the lapsed ones. */
async function poolsWithLapsedPoints(db: Db, chainId: string, before: string): Promise<string[]> {
  const rows = await db.selectDistinct({ accountId: pointsLots.accountId }).from(pointsLots)
    .where(and(eq(pointsLots.chainId, chainId), gt(pointsLots.remaining, 0), lt(pointsLots.earnedOn, before)));
  return rows.map((r) => r.accountId).sort();
}

/** Expires one pool's lapsed points in its own transaction, under the pool's lock; answers how many lapsed (0 when another run got there first). */
async function expirePool(db: Db, chainId: string, accountId: string, before: string, asOf: string, at: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await lockPool(tx, chainId, accountId);
    const [lapsed] = await tx.select({ points: sql<string>`coalesce(sum(${pointsLots.remaining}), 0)` }).from(pointsLots)
      .where(and(eq(pointsLots.chainId, chainId), eq(pointsLots.accountId, accountId), gt(pointsLots.remaining, 0), lt(pointsLots.earnedOn, before)));
    const points = Number(lapsed?.points ?? 0);
    if (points === 0) return 0;
    // Lapsed lots are the pool's oldest, so the oldest-first debit consumes exactly them.
    await postPoints(tx, chainId, accountId, -points, { id: newId(() => at), kind: 'expire', reason: `earned before ${before}, lapsed on ${asOf}` }, { at });
    return points;
  });
}

/**
 * Expires the points of every pool of the chain whose lots lapsed by `asOf` under the chain's
 * policy (积分清零), one pool per transaction. Safe to run twice and from several HQ processes at
 * once: each pool is judged again under its row lock, and a lot another run expired has nothing
 * left, so no point lapses twice.
 */
export async function expirePoints(db: Db, chainId: string, asOf: Date): Promise<ExpiryRun> {
  const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, chainId));
  if (!chain) throw new Error(`chain ${chainId} does not exist`);
  const day = businessDate(asOf, chain.timeZone);
  const before = firstUnexpiredEarningDay(day, (await loadPointsSettings(db, chainId)).expiry);
  const run = { asOf: day, pools: 0, points: 0 };
  if (before === null) return run;
  for (const accountId of await poolsWithLapsedPoints(db, chainId, before)) {
    const points = await expirePool(db, chainId, accountId, before, day, asOf);
    if (points > 0) {
      run.pools += 1;
      run.points += points;
    }
  }
  return run;
}

/** Runs the expiry for every chain; what `pnpm points:expire` and the daily schedule call. */
export async function expirePointsOfAllChains(db: Db, clock: Clock): Promise<(ExpiryRun & { chainId: string })[]> {
  const all = await db.select({ id: chains.id }).from(chains).orderBy(chains.id);
  const runs = [];
  for (const { id } of all) runs.push({ chainId: id, ...(await expirePoints(db, id, clock())) });
  return runs;
}
