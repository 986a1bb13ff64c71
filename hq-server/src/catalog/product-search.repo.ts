import type { Product } from '@pos/shared';
import { and, asc, count, desc, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

/** The pinyin keys a search is compared with, or none when it is not pinyin-shaped. */
const pinyinKeysOf = (q: string): string => (pinyinShaped.test(q) ? pinyinQuery(q) : '');

/** Shorter than a trigram: such a text is looked for by its start (and two characters inside a Chinese name), never by a scan. */
const SHORT = 3;

/** How many matches of each kind a short search takes, walking its index in order and stopping there. */
const SHORT_SEARCH_MATCHES = 1000;

/** The ids of the chain's products one condition picks, as an arm of the candidates' `union all`. */
const productIds = (chainId: string, condition: SQL) => sql`select ${products.id} from ${products} where ${products.chainId} = ${chainId} and ${condition}`;

/** The chain's products whose `key` starts with `start`, walking its `collate "C"` index in order and stopping after `SHORT_SEARCH_MATCHES`. */
const byStart = (chainId: string, key: SQL, start: string) =>
  sql`(${productIds(chainId, sql`${key} collate "C" like ${`${escapeLike(start)}%`}`)} order by ${key} collate "C" limit ${SHORT_SEARCH_MATCHES})`;

/**
 * The ids a text search may mean, one arm per kind, each answered by its own index whatever the
 * catalog's size: a barcode by the barcodes' key, a scale item code by its unique key; a text of
 * three characters or more anywhere in the SKU and the names through their trigram indexes
 * (pg_trgm makes trigrams of Chinese characters in a UTF-8 locale), a pinyin-shaped one by its
 * initials' start and its pinyin anywhere; a shorter text by the start of each (SKU, names,
 * pinyin, initials) on its `collate "C"` index, and two characters inside a Chinese name by its
 * pairs of characters (`text_bigrams`), each such arm stopping after `SHORT_SEARCH_MATCHES`.
 */
function candidates(chainId: string, q: string): SQL {
  const keys = pinyinKeysOf(q);
  const arms: SQL[] = [productsWithBarcode(chainId, q), productIds(chainId, eq(products.scaleItemCode, q))];
  if ([...q].length >= SHORT) {
    const pattern = `%${escapeLike(q)}%`;
    arms.push(...[products.sku, products.nameZh, products.nameEn].map((column) => productIds(chainId, ilike(column, pattern))));
    if (keys) arms.push(productIds(chainId, like(products.pinyinInitials, `${keys}%`)), productIds(chainId, like(products.pinyin, `%${keys}%`)));
  } else {
    const start = q.toLowerCase();
    arms.push(...[products.sku, products.nameZh, products.nameEn].map((column) => byStart(chainId, sql`lower(${column})`, start)));
    if (keys) arms.push(byStart(chainId, sql`${products.pinyinInitials}`, keys), byStart(chainId, sql`${products.pinyin}`, keys));
    if ([...q].length === 2) arms.push(sql`(${productIds(chainId, sql`text_bigrams(${products.nameZh}) @> array[lower(${q})]`)} limit ${SHORT_SEARCH_MATCHES})`);
  }
  return sql.join(arms, sql` union all `);
}

/**
 * Which products a search means. A barcode-shaped search is answered from the barcodes' key
 * `(chain_id, code)` and the unique SKU. Other text gathers its candidates first (`candidates`,
 * one index per kind) as `id = any(array(…))`, a value computed once, so that the products are
 * then read by their key and never walked in SKU order with the text as a filter.
 */
export function matching(chainId: string, q: string | undefined): SQL | undefined {
  const inChain = eq(products.chainId, chainId);
  if (!q) return inChain;
  if (barcodeShaped.test(q)) {
    return and(inChain, inArray(products.id, sql`(${productsWithBarcode(chainId, q)} union select ${products.id} from ${products} where ${products.chainId} = ${chainId} and ${products.sku} = ${q})`));
  }
  return and(inChain, sql`${products.id} = any(array(${candidates(chainId, q)}))`);
}

/**
 * How well a product matches a search, for its order: 0 for its whole SKU, scale item code or a
 * barcode; 1 when the SKU, a name, the initials or the pinyin start with the text; 2 when it is
 * only inside. Worked out for each match, so only equalities and `starts_with`, no pattern.
 */
function relevance(chainId: string, q: string): SQL {
  const keys = pinyinKeysOf(q);
  const lowered = sql`lower(${q})`;
  const whole = or(sql`lower(${products.sku}) = ${lowered}`, eq(products.scaleItemCode, q), sql`${products.id} = any(array(${productsWithBarcode(chainId, q)}))`);
  const start = or(
    ...[products.sku, products.nameZh, products.nameEn].map((column) => sql`starts_with(lower(${column}), ${lowered})`),
    ...(keys ? [sql`starts_with(${products.pinyinInitials}, ${keys})`, sql`starts_with(${products.pinyin}, ${keys})`] : []),
  );
  return sql`case when ${whole} then 0 when ${start} then 1 else 2 end`;
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

/**
 * The order of a page: the column asked for, then SKU; unasked, a search's best matches first
 * (`relevance`) and SKU among equals, and without a search by SKU.
 */
export function searchOrder(chainId: string, q: string | undefined, sort: AnyPgColumn | undefined, order: 'asc' | 'desc' | undefined): SQL[] {
  const direction = order === 'desc' ? desc : asc;
  if (sort) return [direction(sort), asc(products.sku)];
  return q ? [asc(relevance(chainId, q)), asc(products.sku)] : [direction(products.sku)];
}

/** One page of the products a search means, best matches first unless a sort is asked for, each row with how many there are in all (a window over the same rows). */
export function productSearchQuery(db: Db, chainId: string, search: ProductSearch) {
  return db.select({ ...productColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(products).where(and(matching(chainId, search.q), search.within))
    .orderBy(...searchOrder(chainId, search.q, search.sort && searchSort[search.sort], search.order)).limit(search.limit).offset(search.offset);
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
