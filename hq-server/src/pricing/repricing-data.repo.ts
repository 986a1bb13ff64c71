import type { PriceListEntry } from '@pos/shared';
import { and, eq, isNull, or } from 'drizzle-orm';
import { categories, prices, products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';

export interface RepricingProduct {
  id: string;
  active: boolean;
  weighed: boolean;
  categoryId: string | null;
  brand: string | null;
}

/**
 * What HQ needs to price sales of one store again: the products, every active price entry
 * for the chain and that store (past ones too, since a sale is priced as of when it was
 * made), and the category tree for rules on parent categories.
 */
export async function loadRepricingRows(db: Db, chainId: string, storeId: string) {
  const [productRows, priceRows, categoryRows] = await Promise.all([
    db.select({ id: products.id, active: products.active, weighed: products.weighed, categoryId: products.categoryId, brand: products.brand })
      .from(products).where(eq(products.chainId, chainId)),
    db.select({ id: prices.id, productId: prices.productId, storeId: prices.storeId, kind: prices.kind, memberLevelId: prices.memberLevelId, amountMinor: prices.amountMinor, effectiveFrom: prices.effectiveFrom })
      .from(prices).where(and(eq(prices.chainId, chainId), eq(prices.active, true), or(isNull(prices.storeId), eq(prices.storeId, storeId)))),
    db.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.chainId, chainId)),
  ]);
  const priceEntries: PriceListEntry[] = priceRows.map((p) => ({
    ...p, amountMinor: p.amountMinor as PriceListEntry['amountMinor'], effectiveFrom: p.effectiveFrom?.toISOString() ?? null,
  }));
  return { productRows: productRows satisfies RepricingProduct[], priceEntries, categoryRows };
}
