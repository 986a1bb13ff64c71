import type { PriceBand, PriceBandBody } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { products, storePriceBands } from '../catalog/catalog.tables';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { productBands } from './store-prices.repo';

/** Sets the band a product's store prices must fall in (HQ only); it replaces the chain's default band for that product. */
export async function setPriceBand({ db, clock }: Deps, principal: Principal, productId: string, body: PriceBandBody): Promise<PriceBand> {
  const { chainId } = principal;
  if (!(await db.$count(products, and(eq(products.chainId, chainId), eq(products.id, productId))))) throw new AppError('NOT_FOUND', 'no such product');
  return db.transaction(async (tx) => {
    const before = (await productBands(tx, chainId, [productId])).get(productId) ?? null;
    const set = { minMinor: body.minMinor, maxMinor: body.maxMinor, updatedAt: clock() };
    await tx.insert(storePriceBands).values({ chainId, productId, ...set }).onConflictDoUpdate({ target: [storePriceBands.chainId, storePriceBands.productId], set });
    const after = { productId, minMinor: body.minMinor, maxMinor: body.maxMinor };
    await recordAudit(tx, principal, clock, { entity: 'price_band', entityId: productId, action: before ? 'update' : 'create', before, after });
    return after;
  });
}

/** Removes a product's band, so its store prices follow the chain's default band again. */
export async function removePriceBand({ db, clock }: Deps, principal: Principal, productId: string): Promise<PriceBand> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(storePriceBands).where(and(eq(storePriceBands.chainId, principal.chainId), eq(storePriceBands.productId, productId)))
      .returning({ productId: storePriceBands.productId, minMinor: storePriceBands.minMinor, maxMinor: storePriceBands.maxMinor });
    if (!row) throw new AppError('NOT_FOUND', 'the product has no band of its own');
    await recordAudit(tx, principal, clock, { entity: 'price_band', entityId: productId, action: 'delete', before: row, after: null });
    return row;
  });
}
