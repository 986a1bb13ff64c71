import { storeLocalTime, type Promotion, type PromotionBody, type PromotionList, type PromotionListQuery } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { chains } from '../org/org.tables';
import { promotionState } from './promotion-state';
import { findPromotion, listPromotionRows, recordRevision, savedColumns, toPromotion } from './promotions.repo';
import { promotions } from './promotions.tables';
import { checkReferences } from './rule-references';

export async function createPromotion({ db, clock }: Deps, principal: Principal, body: PromotionBody): Promise<Promotion> {
  const { chainId } = principal;
  await checkReferences(db, chainId, body.rule);
  const now = clock();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(promotions).values({ chainId, id: body.rule.id, createdAt: now, ...savedColumns(body.status, body.rule, now) }).onConflictDoNothing().returning();
    if (!row) throw new AppError('CONFLICT', `promotion ${body.rule.id} exists; replace it with PUT /promotions/{id}`);
    await recordRevision(tx, row);
    const after = toPromotion(row);
    await recordAudit(tx, principal, clock, { entity: 'promotion', entityId: row.id, action: 'create', before: null, after });
    return after;
  });
}

export async function replacePromotion({ db, clock }: Deps, principal: Principal, body: PromotionBody): Promise<Promotion> {
  const { chainId } = principal;
  await checkReferences(db, chainId, body.rule);
  return db.transaction(async (tx) => {
    const old = await findPromotion(tx, chainId, body.rule.id);
    const [row] = await tx.update(promotions).set({ ...savedColumns(body.status, body.rule, clock()), revision: sql`${promotions.revision} + 1` })
      .where(and(eq(promotions.chainId, chainId), eq(promotions.id, body.rule.id))).returning();
    if (!row || !old) throw new AppError('NOT_FOUND', 'no such promotion');
    await recordRevision(tx, row);
    const after = toPromotion(row);
    await recordAudit(tx, principal, clock, { entity: 'promotion', entityId: row.id, action: 'update', before: toPromotion(old), after });
    return after;
  });
}

/** Archiving is how a promotion is deleted: the tills must hear of it, so the row stays with status `archived`. */
export async function archivePromotion({ db, clock }: Deps, principal: Principal, id: string): Promise<Promotion> {
  const { chainId } = principal;
  return db.transaction(async (tx) => {
    const old = await findPromotion(tx, chainId, id);
    const [row] = await tx.update(promotions).set({ status: 'archived', updatedAt: clock(), revision: sql`${promotions.revision} + 1` })
      .where(and(eq(promotions.chainId, chainId), eq(promotions.id, id))).returning();
    if (!row || !old) throw new AppError('NOT_FOUND', 'no such promotion');
    await recordRevision(tx, row);
    const after = toPromotion(row);
    await recordAudit(tx, principal, clock, { entity: 'promotion', entityId: row.id, action: 'archive', before: toPromotion(old), after });
    return after;
  });
}

export async function getPromotion(db: Db, chainId: string, id: string): Promise<Promotion> {
  const row = await findPromotion(db, chainId, id);
  if (!row) throw new AppError('NOT_FOUND', 'no such promotion');
  return toPromotion(row);
}

/** Promotions with where they stand at HQ's clock on the chain's wall clock; archived ones only when asked for. */
export async function listPromotions({ db, clock }: Deps, chainId: string, query: PromotionListQuery): Promise<PromotionList> {
  const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, chainId));
  const asOf = clock().toISOString();
  const localNow = storeLocalTime(asOf, chain!.timeZone).dateTime;
  const items = (await listPromotionRows(db, chainId)).map(toPromotion).map((p) => ({ ...p, state: promotionState(p, localNow) }));
  const wanted = query.state ? items.filter((p) => p.state === query.state) : items.filter((p) => p.state !== 'archived');
  return { items: wanted, asOf };
}
