import type { PriceEntry, SetPriceBody } from '@pos/shared';
import { and, eq, gt } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { prices, products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { stores } from '../org/org.tables';
import { toPriceEntry, writePriceEntries } from './price-entries.repo';
import { memberLevels } from './pricing.tables';

async function checkReferences(db: Db, chainId: string, body: SetPriceBody): Promise<void> {
  const [product, store, level] = await Promise.all([
    db.$count(products, and(eq(products.chainId, chainId), eq(products.id, body.productId))),
    body.storeId ? db.$count(stores, and(eq(stores.chainId, chainId), eq(stores.id, body.storeId))) : 1,
    body.memberLevelId ? db.$count(memberLevels, and(eq(memberLevels.chainId, chainId), eq(memberLevels.id, body.memberLevelId))) : 1,
  ]);
  const problems = [
    ...(product ? [] : [{ path: 'productId', message: 'no such product' }]),
    ...(store ? [] : [{ path: 'storeId', message: 'no such store' }]),
    ...(level ? [] : [{ path: 'memberLevelId', message: 'no such member level' }]),
  ];
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'the price names rows HQ does not know', problems);
}

/** Sets a chain or store price now, or schedules it; a past start is refused so history stays as it was. */
export async function setPrice({ db, clock }: Deps, principal: Principal, body: SetPriceBody): Promise<PriceEntry> {
  const { chainId } = principal;
  const now = clock();
  const effectiveFrom = body.effectiveFrom === null ? now : new Date(body.effectiveFrom);
  if (effectiveFrom < now) {
    throw new AppError('VALIDATION_FAILED', 'invalid request body', [{ path: 'effectiveFrom', message: 'a scheduled change must be in the future; leave it empty for now' }]);
  }
  await checkReferences(db, chainId, body);
  return db.transaction(async (tx) => {
    const { rows, created } = await writePriceEntries(tx, clock, chainId, [{ ...body, effectiveFrom }]);
    const after = toPriceEntry(rows[0]!);
    await recordAudit(tx, principal, clock, { entity: 'price', entityId: after.id, action: created ? 'create' : 'update', before: null, after, storeId: body.storeId });
    return after;
  });
}

/** Cancels a scheduled price change; one already in force is replaced by setting a new price instead. */
export async function cancelScheduledPrice({ db, clock }: Deps, principal: Principal, id: string): Promise<PriceEntry> {
  const { chainId } = principal;
  const cancelled = await db.transaction(async (tx) => {
    const [row] = await tx.update(prices).set({ active: false, effectiveUntil: clock() })
      .where(and(eq(prices.chainId, chainId), eq(prices.id, id), eq(prices.active, true), gt(prices.effectiveFrom, clock())))
      .returning();
    if (!row) return null;
    const after = toPriceEntry(row);
    await recordAudit(tx, principal, clock, { entity: 'price', entityId: id, action: 'cancel', before: { ...after, active: true }, after, storeId: row.storeId });
    return after;
  });
  if (cancelled) return cancelled;
  const exists = await db.$count(prices, and(eq(prices.chainId, chainId), eq(prices.id, id)));
  if (!exists) throw new AppError('NOT_FOUND', 'no such price');
  throw new AppError('CONFLICT', 'only a scheduled change that has not started can be cancelled; set a new price instead');
}
