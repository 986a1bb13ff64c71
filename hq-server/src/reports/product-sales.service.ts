import type { ProductSalesQuery, ProductSalesReport } from '@pos/shared';
import { and, asc, between, desc, eq, inArray, sql } from 'drizzle-orm';
import { categories, products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { storeInScope, storesInScope } from '../http/scope';
import { categoryCondition } from '../roles/visibility';
import { storeDayProductSales } from './reports.tables';

const sales = sql<number>`sum(${storeDayProductSales.salesMinor})`.mapWith(Number);
const quantity = sql<number>`sum(${storeDayProductSales.quantity})`.mapWith(Number);

/**
 * The best-selling products and each category's sales over a range, from the store × day × product
 * roll-up, for the stores in the caller's scope and only the products of the categories their role
 * sees (品类数据权限): a category-limited buyer reads their categories, HQ the whole chain.
 */
export async function productSalesReport(db: Db, principal: Principal, q: ProductSalesQuery): Promise<ProductSalesReport> {
  const storeIds = (q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal)).map((s) => s.id);
  const empty = { from: q.from, to: q.to, products: [], categories: [], totals: { salesMinor: 0 } };
  if (storeIds.length === 0) return empty;
  const where = and(
    eq(storeDayProductSales.chainId, principal.chainId),
    inArray(storeDayProductSales.storeId, storeIds),
    between(storeDayProductSales.businessDate, q.from, q.to),
    await categoryCondition(db, principal, products.categoryId),
  );
  const joined = and(eq(products.chainId, storeDayProductSales.chainId), eq(products.id, storeDayProductSales.productId));
  const [top, byCategory] = await Promise.all([
    db.select({ productId: products.id, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, categoryId: products.categoryId, quantity, salesMinor: sales })
      .from(storeDayProductSales).innerJoin(products, joined).where(where)
      .groupBy(products.id, products.sku, products.nameZh, products.nameEn, products.categoryId)
      .orderBy(desc(sales), asc(products.sku)).limit(q.limit),
    db.select({ categoryId: products.categoryId, nameZh: categories.nameZh, nameEn: categories.nameEn, salesMinor: sales })
      .from(storeDayProductSales).innerJoin(products, joined)
      .leftJoin(categories, and(eq(categories.chainId, products.chainId), eq(categories.id, products.categoryId)))
      .where(where)
      .groupBy(products.categoryId, categories.nameZh, categories.nameEn)
      .orderBy(desc(sales)),
  ]);
  return { from: q.from, to: q.to, products: top, categories: byCategory, totals: { salesMinor: byCategory.reduce((n, c) => n + c.salesMinor, 0) } };
}
