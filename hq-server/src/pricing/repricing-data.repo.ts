import type { PriceListEntry, StoreAssortment } from '@pos/shared';
import { and, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
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
 * What HQ needs to price any store's sales again, chain-wide: the products, the chain's price
 * entries that are active or were ended at a known instant (past ones too, since a sale is priced
 * as of when it was made), and the category tree for rules on parent categories.
 */
export async function loadChainRepricingRows(db: Db, chainId: string) {
  const [productRows, priceRows, categoryRows] = await Promise.all([
    db.select({ id: products.id, active: products.active, weighed: products.weighed, categoryId: products.categoryId, brandId: products.brandId, discontinuedFrom: products.discontinuedFrom })
      .from(products).where(eq(products.chainId, chainId)),
    priceEntries(db, chainId, isNull(prices.storeId)),
    db.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.chainId, chainId)),
  ]);
  return { productRows: productRows satisfies RepricingProduct[], priceEntries: priceRows, categoryRows };
}

/**
 * What one store adds: its own price entries, as the chain's are chosen (a store price cleared
 * after a sale still applies to it), and what it carries.
 */
export async function loadStoreRepricingRows(db: Db, chainId: string, storeId: string) {
  const [priceRows, assortmentRows, itemRows] = await Promise.all([
    priceEntries(db, chainId, eq(prices.storeId, storeId)),
    db.select({ mode: storeAssortments.mode }).from(storeAssortments).where(and(eq(storeAssortments.chainId, chainId), eq(storeAssortments.storeId, storeId))),
    db.select({ productId: assortmentItems.productId }).from(assortmentItems)
      .where(and(eq(assortmentItems.chainId, chainId), eq(assortmentItems.storeId, storeId), eq(assortmentItems.active, true))),
  ]);
  const [assortment] = assortmentRows.map(({ mode }): StoreAssortment => ({ storeId, mode, productIds: itemRows.map((r) => r.productId) }));
  return { priceEntries: priceRows, assortment: assortment ?? null };
}

/** The price entries of the chain that are in force or were ended at a known instant, of the rows `which` picks. */
async function priceEntries(db: Db, chainId: string, which: SQL): Promise<PriceListEntry[]> {
  const rows = await db.select({
    id: prices.id, productId: prices.productId, storeId: prices.storeId, kind: prices.kind, memberLevelId: prices.memberLevelId, amountMinor: prices.amountMinor,
    effectiveFrom: prices.effectiveFrom, effectiveUntil: prices.effectiveUntil,
  }).from(prices).where(and(eq(prices.chainId, chainId), or(eq(prices.active, true), isNotNull(prices.effectiveUntil)), which));
  return rows.map((p) => ({
    ...p, amountMinor: p.amountMinor as PriceListEntry['amountMinor'], effectiveFrom: p.effectiveFrom?.toISOString() ?? null,
    effectiveUntil: p.effectiveUntil?.toISOString() ?? null,
  }));
}

/** The newest change to the chain's pricing a till must have pulled to price as HQ does now: promotions, chain prices, settings. */
export async function latestChainPricingChange(db: Db, chainId: string): Promise<number> {
  const [row] = await query<{ seq: string | null }>(db, sql`select greatest(
    (select max(change_seq) from promotions where chain_id = ${chainId}),
    (select max(change_seq) from prices where chain_id = ${chainId} and store_id is null),
    (select max(change_seq) from chain_settings where chain_id = ${chainId}))::text as seq`);
  return Number(row?.seq ?? 0);
}

/** The newest change to one store's own prices. */
export async function latestStorePricingChange(db: Db, chainId: string, storeId: string): Promise<number> {
  const [row] = await query<{ seq: string | null }>(db, sql`select max(change_seq)::text as seq from prices where chain_id = ${chainId} and store_id = ${storeId}`);
  return Number(row?.seq ?? 0);
}
