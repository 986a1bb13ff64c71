import { compilePriceBook, resolvePrice } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { ScannedItem } from './basket';
import type { TillPricingPlace } from './price-till-basket';

export type ScanError = 'BARCODE_INVALID' | 'ITEM_NOT_FOUND' | 'PRICE_MISSING';
export type ScanResult = { ok: true; item: ScannedItem } | { ok: false; code: ScanError };

/** Every category above the given one, nearest first; a loop in the tree stops the walk. */
async function ancestorsOf(db: TillDb, categoryId: string | null): Promise<string[]> {
  const found: string[] = [];
  let id = categoryId === null ? null : ((await db.categories.get(categoryId))?.parentId ?? null);
  while (id !== null && !found.includes(id)) {
    found.push(id);
    id = (await db.categories.get(id))?.parentId ?? null;
  }
  return found;
}

/**
 * Looks a scanned or typed code up in the pulled catalog and prices it with the shared
 * engine for this store at this instant, as a walk-in customer.
 */
export async function findScannedItem(db: TillDb, input: string, place: TillPricingPlace, now: Date): Promise<ScanResult> {
  const code = input.trim();
  if (!/^\d{8,14}$/.test(code)) return { ok: false, code: 'BARCODE_INVALID' };
  const barcode = await db.barcodes.get(code);
  const product = barcode ? await db.products.get(barcode.productId) : undefined;
  if (!barcode || !product?.active) return { ok: false, code: 'ITEM_NOT_FOUND' };
  const prices = await db.prices.where('productId').equals(product.id).toArray();
  const book = compilePriceBook({
    products: [{ id: product.id, active: product.active, weighed: product.weighed }],
    prices: prices.map((p) => ({ id: p.id, productId: p.productId, storeId: p.storeId, kind: p.kind, memberLevelId: p.memberLevelId ?? null, amountMinor: p.amountMinor, effectiveFrom: p.effectiveFrom })),
  });
  const price = resolvePrice(book, { productId: product.id, storeId: place.storeId, memberLevelId: null, channel: 'retail', instant: now.toISOString(), timeZone: place.timeZone });
  if (!price.ok) return { ok: false, code: price.code === 'NO_PRICE' ? 'PRICE_MISSING' : 'ITEM_NOT_FOUND' };
  return {
    ok: true,
    item: {
      productId: product.id, barcode: code, nameZh: product.nameZh, nameEn: product.nameEn, unitPriceMinor: price.unitPriceMinor,
      categoryId: product.categoryId, ancestorCategoryIds: await ancestorsOf(db, product.categoryId), brandId: product.brand,
    },
  };
}
