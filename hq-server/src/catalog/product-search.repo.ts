import type { Product } from '@pos/shared';
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { barcodes, prices, products } from './catalog.tables';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function matching(chainId: string, q: string | undefined): SQL | undefined {
  const inChain = eq(products.chainId, chainId);
  if (!q) return inChain;
  const like = `%${escapeLike(q)}%`;
  const byBarcode = sql`exists (select 1 from ${barcodes} where ${barcodes.chainId} = ${products.chainId} and ${barcodes.productId} = ${products.id} and ${barcodes.code} = ${q})`;
  return and(inChain, or(ilike(products.sku, like), ilike(products.nameZh, like), ilike(products.nameEn, like), byBarcode));
}

/** The columns of a product in its wire shape. */
const productColumns = {
  id: products.id, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, categoryId: products.categoryId, brand: products.brand,
  unit: products.unit, weighed: products.weighed, scaleItemCode: products.scaleItemCode, active: products.active,
};

export async function findProducts(db: Db, chainId: string, q: string | undefined, page: number, pageSize: number): Promise<{ rows: Product[]; total: number }> {
  const where = matching(chainId, q);
  const [rows, [counted]] = await Promise.all([
    db.select(productColumns)
      .from(products).where(where).orderBy(asc(products.sku)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(products).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** The chain's products among some ids, by SKU; ids the chain does not have are left out. */
export function findProductsById(db: Db, chainId: string, ids: readonly string[]): Promise<Product[]> {
  return db.select(productColumns).from(products).where(and(eq(products.chainId, chainId), inArray(products.id, [...ids]))).orderBy(asc(products.sku));
}

/** Barcodes and active prices of some products; store prices only of the stores given. */
export async function findBarcodesAndPrices(db: Db, chainId: string, productIds: string[], storeIds: string[]) {
  if (productIds.length === 0) return { codes: [], entries: [] };
  const storeScope = storeIds.length ? or(isNull(prices.storeId), inArray(prices.storeId, storeIds)) : isNull(prices.storeId);
  const [codes, entries] = await Promise.all([
    db.select({ code: barcodes.code, productId: barcodes.productId }).from(barcodes)
      .where(and(eq(barcodes.chainId, chainId), inArray(barcodes.productId, productIds), eq(barcodes.active, true))).orderBy(barcodes.code),
    db.select().from(prices).where(and(eq(prices.chainId, chainId), inArray(prices.productId, productIds), eq(prices.active, true), storeScope))
      .orderBy(prices.productId, prices.effectiveFrom),
  ]);
  return { codes, entries };
}
