import type { StoredValueAdjustmentList, StoredValueAdjustmentsQuery } from '@pos/shared';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { users } from '../org/org.tables';
import { members } from '../pricing/pricing.tables';
import { toAdjustment } from './adjustments.service';
import { storedValueAdjustments } from './stored-value.tables';

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/**
 * The chain's adjustments (调账) for HQ, newest first: pending ones are what a second HQ user
 * approves or rejects. Each names the account's own member (a family's account is its parent's)
 * and the people who asked and decided.
 */
export async function listAdjustments(db: Db, chainId: string, { status, memberId, limit, offset }: StoredValueAdjustmentsQuery): Promise<StoredValueAdjustmentList> {
  const filters: SQL[] = [eq(storedValueAdjustments.chainId, chainId)];
  if (status) filters.push(eq(storedValueAdjustments.status, status));
  if (memberId) {
    const [member] = await db.select({ accountId: members.accountId }).from(members).where(and(eq(members.chainId, chainId), eq(members.id, memberId)));
    if (!member) return { items: [], total: 0 };
    filters.push(eq(storedValueAdjustments.accountId, member.accountId));
  }
  const where = and(...filters);
  const [rows, [counted]] = await Promise.all([
    db.select({ adjustment: storedValueAdjustments, memberId: members.id, memberName: members.name, requestedByName: requester.name, decidedByName: decider.name })
      .from(storedValueAdjustments)
      .leftJoin(members, and(eq(members.chainId, storedValueAdjustments.chainId), eq(members.id, storedValueAdjustments.accountId)))
      .leftJoin(requester, and(eq(requester.chainId, storedValueAdjustments.chainId), eq(requester.id, storedValueAdjustments.requestedBy)))
      .leftJoin(decider, and(eq(decider.chainId, storedValueAdjustments.chainId), eq(decider.id, storedValueAdjustments.decidedBy)))
      .where(where).orderBy(desc(storedValueAdjustments.requestedAt), desc(storedValueAdjustments.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(storedValueAdjustments).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...toAdjustment(r.adjustment), memberId: r.memberId, memberName: r.memberName, requestedByName: r.requestedByName, decidedByName: r.decidedByName })),
    total: counted?.n ?? 0,
  };
}
