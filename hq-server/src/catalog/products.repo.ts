import type { ProductListPage, ProductListQuery, ProductRecord } from '@pos/shared';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import { barcodes, categories, products } from './catalog.tables';
import { withDescendants } from './category-tree';
import { matching, productColumns, searchOrder } from './product-search.repo';

/** A product row as the office sees it, before its barcodes are added. */
const recordColumns = {
  ...productColumns, supplierId: products.supplierId, updatedAt: products.updatedAt,
  attribute1: products.attribute1, attribute2: products.attribute2, attribute3: products.attribute3,
  attribute4: products.attribute4, attribute5: products.attribute5, attribute6: products.attribute6,
};

const selectRecords = (db: Db) => db.select(recordColumns).from(products);
type RecordRow = Awaited<ReturnType<typeof selectRecords>>[number];

function toRecord(row: RecordRow, codes: string[]): ProductRecord {
  const { attribute1, attribute2, attribute3, attribute4, attribute5, attribute6, updatedAt, ...rest } = row;
  return { ...rest, attributes: [attribute1, attribute2, attribute3, attribute4, attribute5, attribute6], barcodes: codes, updatedAt: updatedAt?.toISOString() ?? null };
}

const sortColumns = { sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, updatedAt: products.updatedAt, status: products.status };

async function categoryFilter(db: Db, chainId: string, categoryId: string | undefined): Promise<SQL | undefined> {
  if (!categoryId) return undefined;
  const tree = await db.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.chainId, chainId));
  return inArray(products.categoryId, withDescendants(tree, categoryId));
}

/** Active barcodes of some products, by product. */
export async function barcodesOf(db: Db, chainId: string, productIds: string[]): Promise<Map<string, string[]>> {
  const byProduct = new Map<string, string[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await db.select({ code: barcodes.code, productId: barcodes.productId }).from(barcodes)
    .where(and(eq(barcodes.chainId, chainId), inArray(barcodes.productId, productIds), eq(barcodes.active, true))).orderBy(barcodes.code);
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row.code]);
  return byProduct;
}

/**
 * One page of the chain's products by the office's filters and sort (a search's best matches first
 * when no sort is asked for, `searchOrder`), and how many match, the page and its count in one
 * statement; `within` narrows them further (the categories the caller sees).
 */
export async function listProductRecords(db: Db, chainId: string, q: ProductListQuery, within?: SQL): Promise<ProductListPage> {
  const where = and(
    matching(chainId, q.q),
    within,
    await categoryFilter(db, chainId, q.categoryId),
    q.brandId ? eq(products.brandId, q.brandId) : undefined,
    q.supplierId ? eq(products.supplierId, q.supplierId) : undefined,
    q.status ? inArray(products.status, q.status) : undefined,
    q.active === undefined ? undefined : eq(products.active, q.active),
  );
  const rows = await db.select({ ...recordColumns, total: sql<number>`count(*) over ()`.mapWith(Number) }).from(products).where(where)
    .orderBy(...searchOrder(chainId, q.q, q.sort && sortColumns[q.sort], q.order)).limit(q.limit).offset(q.offset);
  const total = rows[0]?.total ?? (q.offset > 0 ? await db.$count(products, where) : 0);
  const codes = await barcodesOf(db, chainId, rows.map((r) => r.id));
  return { items: rows.map(({ total: _total, ...row }) => toRecord(row, codes.get(row.id) ?? [])), total };
}

export async function findProductRecord(db: Db, chainId: string, id: string, within?: SQL): Promise<ProductRecord | undefined> {
  const [row] = await selectRecords(db).where(and(eq(products.chainId, chainId), eq(products.id, id), within));
  return row && toRecord(row, (await barcodesOf(db, chainId, [id])).get(id) ?? []);
}

/**
 * Whether any sale, stock level (there is one wherever the product ever moved), requisition or
 * purchase order names the product: such a product is kept for history. Each look-up is one index probe.
 */
export async function hasHistory(db: Db, chainId: string, productId: string): Promise<boolean> {
  const [row] = await query<{ used: boolean }>(db, sql`select exists (select 1 from sale_lines where chain_id = ${chainId} and product_id = ${productId})
    or exists (select 1 from stock_levels where chain_id = ${chainId} and product_id = ${productId})
    or exists (select 1 from requisition_lines where chain_id = ${chainId} and product_id = ${productId})
    or exists (select 1 from purchase_order_lines where chain_id = ${chainId} and product_id = ${productId}) as used`);
  return row?.used === true;
}
