import type { PriceEntry, SetPriceBody } from '@pos/shared';
import { and, eq, gt } from 'drizzle-orm';
import { prices, products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Deps } from '../http/app-env';
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
export async function setPrice({ db, clock }: Deps, chainId: string, body: SetPriceBody): Promise<PriceEntry> {
  const now = clock();
  const effectiveFrom = body.effectiveFrom === null ? now : new Date(body.effectiveFrom);
  if (effectiveFrom < now) {
    throw new AppError('VALIDATION_FAILED', 'invalid request body', [{ path: 'effectiveFrom', message: 'a scheduled change must be in the future; leave it empty for now' }]);
  }
  await checkReferences(db, chainId, body);
  const { rows } = await db.transaction((tx) => writePriceEntries(tx, clock, chainId, [{ ...body, effectiveFrom }]));
  return toPriceEntry(rows[0]!);
}

/** Cancels a scheduled price change; one already in force is replaced by setting a new price instead. */
export async function cancelScheduledPrice({ db, clock }: Deps, chainId: string, id: string): Promise<PriceEntry> {
  const [row] = await db.update(prices).set({ active: false })
    .where(and(eq(prices.chainId, chainId), eq(prices.id, id), eq(prices.active, true), gt(prices.effectiveFrom, clock())))
    .returning();
  if (row) return toPriceEntry(row);
  const exists = await db.$count(prices, and(eq(prices.chainId, chainId), eq(prices.id, id)));
  if (!exists) throw new AppError('NOT_FOUND', 'no such price');
  throw new AppError('CONFLICT', 'only a scheduled change that has not started can be cancelled; set a new price instead');
}
