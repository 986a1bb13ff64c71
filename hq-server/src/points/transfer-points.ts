import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId } from '../ids';
import { lockPool, postPoints } from './post-points';
import { pointsLots } from './points.tables';

export interface PointsTransfer {
  points: number;
  outEntryId: string | null;
  inEntryId: string | null;
}

/**
 * Moves every point of one pool to another, in the caller's transaction (a card replaced into
 * another account, or a duplicate member merged, 补卡 and 合并): a `transfer_out` and a
 * `transfer_in` entry, the points keeping the days they were earned on, so they lapse as they
 * would have. Both pools are locked in id order, so two transfers between the same pools
 * cannot wait on each other. A pool with no points moves nothing and posts nothing.
 */
export async function transferPoints(tx: Db, chainId: string, fromAccountId: string, toAccountId: string, context: { memberId?: string | null; actorId?: string | null; reason?: string | null }, at: Date): Promise<PointsTransfer> {
  if (fromAccountId === toAccountId) throw new Error('a pool cannot transfer to itself');
  for (const id of [fromAccountId, toAccountId].sort()) await lockPool(tx, chainId, id);
  const days = await tx.select({ earnedOn: pointsLots.earnedOn, points: sql<string>`sum(${pointsLots.remaining})` }).from(pointsLots)
    .where(and(eq(pointsLots.chainId, chainId), eq(pointsLots.accountId, fromAccountId), gt(pointsLots.remaining, 0)))
    .groupBy(pointsLots.earnedOn).orderBy(asc(pointsLots.earnedOn));
  const lots = days.map((d) => ({ earnedOn: d.earnedOn, points: Number(d.points) }));
  const points = lots.reduce((sum, l) => sum + l.points, 0);
  if (points === 0) return { points: 0, outEntryId: null, inEntryId: null };
  const entry = { memberId: context.memberId ?? null, actorId: context.actorId ?? null, reason: context.reason ?? null };
  const outEntryId = newId(() => at);
  const inEntryId = newId(() => at);
  await postPoints(tx, chainId, fromAccountId, -points, { ...entry, id: outEntryId, kind: 'transfer_out' }, { at });
  await postPoints(tx, chainId, toAccountId, points, { ...entry, id: inEntryId, kind: 'transfer_in' }, { at, lots });
  return { points, outEntryId, inEntryId };
}
