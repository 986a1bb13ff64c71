import { PromotionRule, type Promotion, type PromotionStatus } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { promotions } from './promotions.tables';

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

/** The chain's active rules as the engine takes them: what ingest and the preview price with. */
export async function loadActiveRules(db: Db, chainId: string): Promise<PromotionRule[]> {
  const rows = await db.select({ rule: promotions.rule }).from(promotions).where(and(eq(promotions.chainId, chainId), eq(promotions.status, 'active')));
  return rows.map((r) => PromotionRule.parse(r.rule));
}
