import { compilePriceBook, resolvePrice, type PriceEntry, type Product, type ProductPage, type ProductSearchQuery } from '@pos/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { storeInScope, storesInScope } from '../http/scope';
import { chains } from '../org/org.tables';
import { toPriceEntry } from '../pricing/price-entries.repo';
import { categoryCondition } from '../roles/visibility';
import { products } from './catalog.tables';
import { findBarcodesAndPrices, findProducts, findProductsById } from './product-search.repo';

/** A store id no entry carries, so only chain prices match. */
const CHAIN_ONLY = '';

/**
 * Products matching a search, a page at a time (the office's paging contract), each with its
 * barcodes, the prices the caller may see (the chain's and those of the stores in scope) and the
 * retail price that applies now; only products of the categories the caller's role sees. A store
 * outside the caller's scope is 404, as everywhere.
 */
export async function searchProducts({ db, clock }: Deps, principal: Principal, query: ProductSearchQuery): Promise<ProductPage> {
  const chosen = query.storeId ? await storeInScope(db, principal, query.storeId) : null;
  const visible = await storesInScope(db, principal);
  const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, principal.chainId));
  const within = await categoryCondition(db, principal, products.categoryId);
  const { rows, total } = await findProducts(db, principal.chainId, { ...query, within });
  const { codes, entries } = await findBarcodesAndPrices(db, principal.chainId, rows.map((p) => p.id), visible.map((s) => s.id));
  const priceEntries: PriceEntry[] = entries.map(toPriceEntry);
  const book = compilePriceBook({ products: rows, prices: priceEntries });
  const instant = clock().toISOString();
  const items = rows.map((product) => {
    const now = resolvePrice(book, {
      productId: product.id, storeId: chosen?.id ?? CHAIN_ONLY, memberLevelId: null, channel: 'retail', instant, timeZone: chosen?.timeZone ?? chain!.timeZone,
    });
    return {
      product,
      barcodes: codes.filter((c) => c.productId === product.id).map((c) => c.code),
      prices: priceEntries.filter((p) => p.productId === product.id),
      retailNowMinor: now.ok ? now.unitPriceMinor : null,
    };
  });
  return { items, total };
}

/** Products by id, so the office can name what a list holds by id (an assortment); as in search, only those of the categories the caller sees. */
export async function productsById(db: Db, principal: Principal, ids: readonly string[]): Promise<Product[]> {
  return findProductsById(db, principal.chainId, ids, await categoryCondition(db, principal, products.categoryId));
}
