import type { Product } from '@pos/shared';
import { and, asc, count, desc, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { barcodes, prices, products } from './catalog.tables';
import { escapeLike } from './escape-like';
import { pinyinQuery } from './pinyin';

/** What a scanner reads off a pack (EAN-8, UPC-A, EAN-13, ITF-14): such a search is a look-up, not a browse. */
const barcodeShaped = /^\d{8,14}$/;

/** The products a barcode names in a chain, through the barcodes' primary key. */
const productsWithBarcode = (chainId: string, code: string) =>
  sql`select ${barcodes.productId} from ${barcodes} where ${barcodes.chainId} = ${chainId} and ${barcodes.code} = ${code}`;

/** Latin letters (and the apostrophe or spaces people type between syllables) are read as pinyin too. */
const pinyinShaped = /^[A-Za-z][A-Za-z\s']*$/;

/** A Chinese name by its pinyin: the initials by their start (`kl` finds 可乐), the whole syllables anywhere (`kele` finds 可口可乐's `kekoukele`). */
function byPinyin(q: string): SQL | undefined {
  const keys = pinyinShaped.test(q) ? pinyinQuery(q) : '';
  return keys ? or(like(products.pinyinInitials, `${keys}%`), like(products.pinyin, `%${keys}%`)) : undefined;
}

/**
 * Which products a search means. A barcode-shaped search is answered from the barcodes' key
 * `(chain_id, code)` and the unique SKU, by index, whatever the catalog's size; other text is
 * looked for in SKUs, names and the names' pinyin through their trigram indexes (migration
 * 0013; a text too short to hold a trigram, such as two Chinese characters, is still a scan)
 * and in barcodes by key. The barcode arm is `= any(array(…))`, a value computed once, so that
 * every arm of the `or` can be an index scan and PostgreSQL combines them (a `BitmapOr`); an
 * `in (subquery)` arm would make it filter every product instead.
 */
export function matching(chainId: string, q: string | undefined): SQL | undefined {
  const inChain = eq(products.chainId, chainId);
  if (!q) return inChain;
  const byBarcode = productsWithBarcode(chainId, q);
  if (barcodeShaped.test(q)) {
    return and(inChain, inArray(products.id, sql`(${byBarcode} union select ${products.id} from ${products} where ${products.chainId} = ${chainId} and ${products.sku} = ${q})`));
  }
  const pattern = `%${escapeLike(q)}%`;
  return and(inChain, or(ilike(products.sku, pattern), ilike(products.nameZh, pattern), ilike(products.nameEn, pattern), byPinyin(q), sql`${products.id} = any(array(${byBarcode}))`));
}

/** The columns of a product in its wire shape. */
export const productColumns = {
  id: products.id, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, categoryId: products.categoryId, brandId: products.brandId,
  unit: products.unit, weighed: products.weighed, scaleItemCode: products.scaleItemCode, status: products.status,
  discontinuedFrom: products.discontinuedFrom, pinyin: products.pinyin, pinyinInitials: products.pinyinInitials, active: products.active,
};

/** What a product search asks for: the text, the page (`limit` rows from `offset`), the order, and the rows the caller may see. */
export interface ProductSearch {
  q?: string | undefined;
  limit: number;
  offset: number;
  sort?: 'sku' | 'nameZh' | 'nameEn' | undefined;
  order?: 'asc' | 'desc' | undefined;
  /** A further condition on the products, such as the categories the caller may see (`categoryCondition`). */
  within?: SQL | undefined;
}

const searchSort = { sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn };

/** One page of the products a search means, by SKU unless asked otherwise, each row with how many there are in all (a window over the same rows). */
export function productSearchQuery(db: Db, chainId: string, search: ProductSearch) {
  const direction = search.order === 'desc' ? desc : asc;
  return db.select({ ...productColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(products).where(and(matching(chainId, search.q), search.within))
    .orderBy(direction(searchSort[search.sort ?? 'sku']), asc(products.sku)).limit(search.limit).offset(search.offset);
}

/** One page of the products a search means and how many there are in all, in one statement. */
export async function findProducts(db: Db, chainId: string, search: ProductSearch): Promise<{ rows: Product[]; total: number }> {
  const found = await productSearchQuery(db, chainId, search);
  const rows = found.map(({ total: _total, ...product }) => product);
  if (found[0]) return { rows, total: found[0].total };
  // A page past the end has no row to carry the total; only then is it counted on its own.
  const [counted] = search.offset > 0 ? await db.select({ n: count() }).from(products).where(and(matching(chainId, search.q), search.within)) : [{ n: 0 }];
  return { rows, total: counted?.n ?? 0 };
}

/** The chain's products among some ids, by SKU; ids the chain does not have, or outside `within`, are left out. */
export function findProductsById(db: Db, chainId: string, ids: readonly string[], within?: SQL): Promise<Product[]> {
  return db.select(productColumns).from(products).where(and(eq(products.chainId, chainId), inArray(products.id, [...ids]), within)).orderBy(asc(products.sku));
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
