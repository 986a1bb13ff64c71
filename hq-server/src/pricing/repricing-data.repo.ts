import type { PriceListEntry, StoreAssortment } from '@pos/shared';
import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { assortmentItems, categories, prices, products, storeAssortments } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import { query } from '../db/query';

export interface RepricingProduct {
  id: string;
  active: boolean;
  weighed: boolean;
  categoryId: string | null;
  brandId: string | null;
  discontinuedFrom: string | null;
}

/**
 * What HQ needs to price sales of one store again: the products, every price entry for the
 * chain and that store that is active or was ended at a known instant (past ones too, since a
 * sale is priced as of when it was made: a store price cleared after the sale still applies to
 * it), the category tree for rules on parent categories, and what the store carries.
 */
export async function loadRepricingRows(db: Db, chainId: string, storeId: string) {
  const [productRows, priceRows, categoryRows, assortmentRows, itemRows] = await Promise.all([
    db.select({ id: products.id, active: products.active, weighed: products.weighed, categoryId: products.categoryId, brandId: products.brandId, discontinuedFrom: products.discontinuedFrom })
      .from(products).where(eq(products.chainId, chainId)),
    db.select({
      id: prices.id, productId: prices.productId, storeId: prices.storeId, kind: prices.kind, memberLevelId: prices.memberLevelId, amountMinor: prices.amountMinor,
      effectiveFrom: prices.effectiveFrom, effectiveUntil: prices.effectiveUntil,
    }).from(prices).where(and(
      eq(prices.chainId, chainId), or(eq(prices.active, true), isNotNull(prices.effectiveUntil)), or(isNull(prices.storeId), eq(prices.storeId, storeId)),
    )),
    db.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.chainId, chainId)),
    db.select({ mode: storeAssortments.mode }).from(storeAssortments).where(and(eq(storeAssortments.chainId, chainId), eq(storeAssortments.storeId, storeId))),
    db.select({ productId: assortmentItems.productId }).from(assortmentItems)
      .where(and(eq(assortmentItems.chainId, chainId), eq(assortmentItems.storeId, storeId), eq(assortmentItems.active, true))),
  ]);
  const assortments: StoreAssortment[] = assortmentRows.map(({ mode }) => ({ storeId, mode, productIds: itemRows.map((r) => r.productId) }));
  const priceEntries: PriceListEntry[] = priceRows.map((p) => ({
    ...p, amountMinor: p.amountMinor as PriceListEntry['amountMinor'], effectiveFrom: p.effectiveFrom?.toISOString() ?? null,
    effectiveUntil: p.effectiveUntil?.toISOString() ?? null,
  }));
  return { productRows: productRows satisfies RepricingProduct[], priceEntries, categoryRows, assortments };
}

/** The newest change a till of the store must have pulled to price as HQ does now. */
export async function latestPricingChange(db: Db, chainId: string, storeId: string): Promise<number> {
  const [row] = await query<{ seq: string | null }>(db, sql`select greatest(
    (select max(change_seq) from promotions where chain_id = ${chainId}),
    (select max(change_seq) from prices where chain_id = ${chainId} and (store_id is null or store_id = ${storeId})),
    (select max(change_seq) from chain_settings where chain_id = ${chainId}))::text as seq`);
  return Number(row?.seq ?? 0);
}
