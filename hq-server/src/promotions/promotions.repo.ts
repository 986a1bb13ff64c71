import { PromotionRule, type Promotion, type PromotionStatus } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { promotionRevisions, promotions } from './promotions.tables';

type PromotionRow = typeof promotions.$inferSelect;

/** Rules were validated on the way in; parsing again on the way out keeps the row's JSON honest. */
export function toPromotion(row: PromotionRow): Promotion {
  return { id: row.id, status: row.status, rule: PromotionRule.parse(row.rule), updatedAt: row.updatedAt.toISOString() };
}

/** The columns a save writes: the rule, and what the office lists and filters by, copied out of it. */
export function savedColumns(status: PromotionStatus, rule: PromotionRule, now: Date) {
  return { status, kind: rule.kind, name: rule.name, priority: rule.priority, validFrom: rule.validFrom, validTo: rule.validTo, rule, updatedAt: now };
}

export async function findPromotion(db: Db, chainId: string, id: string): Promise<PromotionRow | undefined> {
  const [row] = await db.select().from(promotions).where(and(eq(promotions.chainId, chainId), eq(promotions.id, id)));
  return row;
}

export async function listPromotionRows(db: Db, chainId: string): Promise<PromotionRow[]> {
  return db.select().from(promotions).where(eq(promotions.chainId, chainId)).orderBy(promotions.name, promotions.id);
}

/** Keeps the state a save left, in force from the instant of the save. */
export async function recordRevision(db: Db, row: PromotionRow): Promise<void> {
  await db.insert(promotionRevisions).values({
    chainId: row.chainId, promotionId: row.id, revision: row.revision, status: row.status, rule: row.rule, inForceFrom: row.updatedAt,
  });
}

/** Every revision of the chain's promotions, oldest first: what sales are priced again with, each as of when it was made. */
export async function loadRevisions(db: Db, chainId: string) {
  const rows = await db.select({ promotionId: promotionRevisions.promotionId, status: promotionRevisions.status, rule: promotionRevisions.rule, inForceFrom: promotionRevisions.inForceFrom })
    .from(promotionRevisions).where(eq(promotionRevisions.chainId, chainId))
    .orderBy(promotionRevisions.inForceFrom, promotionRevisions.promotionId, promotionRevisions.revision);
  return rows.map((r) => ({ promotionId: r.promotionId, active: r.status === 'active', rule: PromotionRule.parse(r.rule), inForceFrom: r.inForceFrom.getTime() }));
}

/** The chain's active rules as the engine takes them now: what the preview prices with. */
export async function loadActiveRules(db: Db, chainId: string): Promise<PromotionRule[]> {
  const rows = await db.select({ rule: promotions.rule }).from(promotions).where(and(eq(promotions.chainId, chainId), eq(promotions.status, 'active')));
  return rows.map((r) => PromotionRule.parse(r.rule));
}
