import type { Product } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/** A product the cashier can pick, with the barcode it is added by (null for one sold only by weight label). */
export interface ProductMatch {
  product: Product;
  barcode: string | null;
}

export const SEARCH_LIMIT = 20;

/** Which indexes a typed text is looked up in: each a prefix on one index, never a scan of the catalog. */
function lookups(db: TillDb, text: string) {
  const prefix = (index: string, value: string) => db.products.where(index).startsWith(value).limit(SEARCH_LIMIT).toArray();
  if (/^\d+$/.test(text)) {
    return [
      db.barcodes.where('code').startsWith(text).limit(SEARCH_LIMIT).toArray()
        .then(async (codes) => (await db.products.bulkGet(codes.map((c) => c.productId))).filter((p): p is Product => p !== undefined)),
      prefix('sku', text),
    ];
  }
  if (/^[a-z][a-z\s']*$/i.test(text)) {
    const letters = text.toLowerCase().replace(/[^a-z]/g, '');
    return [prefix('pinyinInitials', letters), prefix('pinyin', letters), prefix('sku', text.toUpperCase())];
  }
  return [prefix('nameZh', text), prefix('sku', text.toUpperCase())];
}

/**
 * Products whose pinyin initials (`kl` for 可乐), whole pinyin (`kele`), SKU, barcode or Chinese
 * name start with the typed text, initials first, at most `SEARCH_LIMIT`; each with the barcode it sells by.
 */
export async function searchProducts(db: TillDb, typed: string): Promise<ProductMatch[]> {
  const text = typed.trim();
  if (text === '') return [];
  const found = new Map<string, Product>();
  for (const batch of await Promise.all(lookups(db, text))) for (const product of batch) if (found.size < SEARCH_LIMIT) found.set(product.id, product);
  const products = [...found.values()];
  const codes = await db.barcodes.where('productId').anyOf(products.map((p) => p.id)).toArray();
  return products.map((product) => ({ product, barcode: codes.filter((c) => c.productId === product.id).map((c) => c.code).sort()[0] ?? null }));
}
