import type { TillDb } from '../../db/till-db';
import type { ScannedItem } from './basket';
import { resolveUnitPrice } from './resolve-unit-price';

export type ScanError = 'BARCODE_INVALID' | 'ITEM_NOT_FOUND' | 'PRICE_MISSING';
export type ScanResult = { ok: true; item: ScannedItem } | { ok: false; code: ScanError };

/** Looks a scanned or typed code up in the pulled catalog and prices it for this store. */
export async function findScannedItem(db: TillDb, input: string, storeId: string, now: Date): Promise<ScanResult> {
  const code = input.trim();
  if (!/^\d{8,14}$/.test(code)) return { ok: false, code: 'BARCODE_INVALID' };
  const barcode = await db.barcodes.get(code);
  const product = barcode ? await db.products.get(barcode.productId) : undefined;
  if (!barcode || !product?.active) return { ok: false, code: 'ITEM_NOT_FOUND' };
  const prices = await db.prices.where('productId').equals(product.id).toArray();
  const unitPriceMinor = resolveUnitPrice(prices, storeId, now);
  if (unitPriceMinor === null) return { ok: false, code: 'PRICE_MISSING' };
  return { ok: true, item: { productId: product.id, barcode: code, nameZh: product.nameZh, nameEn: product.nameEn, unitPriceMinor } };
}
