import {
  compilePriceBook, decodeScaleBarcode, resolveScan,
  type PriceBook, type PriceBookInput, type PricingFailureCode, type Product, type ScaleBarcodeLayout, type StoreAssortment,
} from '@pos/shared';
import type { PulledBarcode, TillDb } from '../../db/till-db';
import type { ScannedItem } from './basket';
import type { TillPricingPlace } from './price-till-basket';
import { loadPricingSettings } from './pricing-settings';
import { priceEntriesOf } from './pulled-prices';

export type ScanError = 'BARCODE_INVALID' | 'ITEM_NOT_FOUND' | 'PRICE_MISSING' | 'NOT_IN_ASSORTMENT' | 'PRODUCT_DISCONTINUED';
export type ScanResult = { ok: true; item: ScannedItem } | { ok: false; code: ScanError };

/** The engine's failures as the cashier is told them; an inactive product or a misread label reads as an unknown code, as before. */
const scanErrors: Record<PricingFailureCode, ScanError> = {
  BAD_BARCODE: 'ITEM_NOT_FOUND',
  NOT_SCALE_BARCODE: 'ITEM_NOT_FOUND',
  ITEM_NOT_FOUND: 'ITEM_NOT_FOUND',
  ITEM_INACTIVE: 'ITEM_NOT_FOUND',
  NOT_IN_ASSORTMENT: 'NOT_IN_ASSORTMENT',
  PRODUCT_DISCONTINUED: 'PRODUCT_DISCONTINUED',
  NO_PRICE: 'PRICE_MISSING',
};

/** Every category above the given one, nearest first; a loop in the tree stops the walk. */
export async function ancestorsOf(db: TillDb, categoryId: string | null): Promise<string[]> {
  const found: string[] = [];
  let id = categoryId === null ? null : ((await db.categories.get(categoryId))?.parentId ?? null);
  while (id !== null && !found.includes(id)) {
    found.push(id);
    id = (await db.categories.get(id))?.parentId ?? null;
  }
  return found;
}

/** A product and the catalog link the scanned code reached it by. */
interface Named {
  product: Product;
  link: Pick<PriceBookInput, 'barcodes' | 'scaleItems'>;
}

/**
 * The one product a code names: by scale item code when one of the chain's layouts reads the
 * code, else by barcode (`barcode`: the code's row, read beside the settings); both through an index.
 */
async function productNamedBy(db: TillDb, code: string, layouts: readonly ScaleBarcodeLayout[], barcode: PulledBarcode | undefined): Promise<Named | undefined> {
  const label = decodeScaleBarcode(code, layouts);
  if (label.ok) {
    const product = await db.products.where('scaleItemCode').equals(label.itemCode).first();
    return product && { product, link: { scaleItems: [{ itemCode: label.itemCode, productId: product.id }] } };
  }
  if (label.code !== 'NOT_SCALE_BARCODE') return undefined;
  const product = barcode && (await db.products.get(barcode.productId));
  return product && { product, link: { barcodes: [{ code, productId: product.id }] } };
}

/** The store's assortment as far as one product goes: whether it is on the store's list. */
async function assortmentFor(db: TillDb, storeId: string, productId: string): Promise<StoreAssortment[]> {
  const [assortment, listed] = await Promise.all([db.storeAssortments.get(storeId), db.assortmentItems.get([storeId, productId])]);
  if (!assortment) return [];
  return [{ storeId, mode: assortment.mode, productIds: listed ? [productId] : [] }];
}

/** A price book of just what one scan needs, so the shared engine decides it as it would with the whole catalog. */
async function priceBookFor(db: TillDb, storeId: string, layouts: readonly ScaleBarcodeLayout[], { product, link }: Named): Promise<PriceBook> {
  const [prices, assortments] = await Promise.all([priceEntriesOf(db, [product.id]), assortmentFor(db, storeId, product.id)]);
  return compilePriceBook({
    products: [{ id: product.id, active: product.active, weighed: product.weighed, discontinuedFrom: product.discontinuedFrom }],
    prices,
    assortments,
    ...link,
    scaleLayouts: layouts,
  });
}

/**
 * Turns a scanned or typed code into a basket item with the shared `resolveScan`, for this
 * store at this instant, for the member's level when a member was found (else as a walk-in
 * customer): a scale label in one of the chain's layouts
 * (its printed price, or its weight × the price per kilogram), or a product barcode at the
 * price that applies. A product the store does not carry is refused.
 */
export async function findScannedItem(db: TillDb, input: string, place: TillPricingPlace, now: Date, memberLevelId: string | null = null): Promise<ScanResult> {
  const code = input.trim();
  if (!/^\d{8,14}$/.test(code)) return { ok: false, code: 'BARCODE_INVALID' };
  // Reads that do not wait on each other go together: a scan waits on a few rounds of reads, not nine in a row.
  const [{ scaleLayouts }, barcode] = await Promise.all([loadPricingSettings(db), db.barcodes.get(code)]);
  const named = await productNamedBy(db, code, scaleLayouts, barcode);
  if (!named) return { ok: false, code: 'ITEM_NOT_FOUND' };
  const [book, ancestorCategoryIds] = await Promise.all([priceBookFor(db, place.storeId, scaleLayouts, named), ancestorsOf(db, named.product.categoryId)]);
  const scanned = resolveScan(book, code, { storeId: place.storeId, memberLevelId, channel: 'retail', instant: now.toISOString(), timeZone: place.timeZone });
  if (!scanned.ok) return { ok: false, code: scanErrors[scanned.code] };
  const { product } = named;
  return {
    ok: true,
    item: {
      productId: product.id, barcode: code, nameZh: product.nameZh, nameEn: product.nameEn, unitPriceMinor: scanned.unitPriceMinor, weightGrams: scanned.weightGrams,
      categoryId: product.categoryId, ancestorCategoryIds, brandId: product.brandId,
    },
  };
}
