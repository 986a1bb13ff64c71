import {
  ancestorsOf, categoryParents, compilePriceBook, decodeScaleBarcode, resolveScan,
  type CategoryParents, type PriceBook, type PriceBookInput, type PriceListEntry, type PricingFailureCode, type Product, type ScaleBarcodeLayout, type StoreAssortment,
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

/** The chain's category tree as the till holds it, read whole: a few hundred small rows, where a walk up reads once per level. */
export async function categoryParentsOf(db: TillDb): Promise<CategoryParents> {
  return categoryParents(await db.categories.toArray());
}

/** A product and the catalog link the scanned code reached it by. */
interface Named {
  product: Product;
  link: Pick<PriceBookInput, 'barcodes' | 'scaleItems'>;
}

/** The store's assortment as far as one product goes: whether it is on the store's list. */
async function assortmentFor(db: TillDb, storeId: string, productId: string): Promise<StoreAssortment[]> {
  const [assortment, listed] = await Promise.all([db.storeAssortments.get(storeId), db.assortmentItems.get([storeId, productId])]);
  if (!assortment) return [];
  return [{ storeId, mode: assortment.mode, productIds: listed ? [productId] : [] }];
}

/** A product, and what the engine needs to price it here: its prices and the store's assortment as far as it goes. */
interface ProductToPrice extends Named {
  prices: PriceListEntry[];
  assortments: StoreAssortment[];
}

async function pricingReads(db: TillDb, storeId: string, productId: string) {
  return Promise.all([priceEntriesOf(db, [productId]), assortmentFor(db, storeId, productId)]);
}

/**
 * The one product a code names, with its prices: by scale item code when one of the chain's
 * layouts reads the code, else by barcode (`barcode`: the code's row, read beside the settings).
 * A barcode's row names its product, so the product and its prices are read together.
 */
async function productNamedBy(db: TillDb, code: string, storeId: string, layouts: readonly ScaleBarcodeLayout[], barcode: PulledBarcode | undefined): Promise<ProductToPrice | undefined> {
  const label = decodeScaleBarcode(code, layouts);
  if (label.ok) {
    const product = await db.products.where('scaleItemCode').equals(label.itemCode).first();
    if (!product) return undefined;
    const [prices, assortments] = await pricingReads(db, storeId, product.id);
    return { product, link: { scaleItems: [{ itemCode: label.itemCode, productId: product.id }] }, prices, assortments };
  }
  if (label.code !== 'NOT_SCALE_BARCODE' || !barcode) return undefined;
  const [product, [prices, assortments]] = await Promise.all([db.products.get(barcode.productId), pricingReads(db, storeId, barcode.productId)]);
  return product && { product, link: { barcodes: [{ code, productId: product.id }] }, prices, assortments };
}

/** What the till's database holds for a code: the chain's scale layouts and, when the code names a product, the product with what prices it here. */
export interface ScanRows {
  layouts: readonly ScaleBarcodeLayout[];
  found: (ProductToPrice & { ancestorCategoryIds: string[] }) | undefined;
}

/** A scanner's code: 8 to 14 digits (EAN-8 to GTIN-14, scale labels among them). */
export const scanCodePattern = /^\d{8,14}$/;

/**
 * The rows a code needs, read as a few rounds that do not wait on each other: a product barcode
 * waits on two rounds (a scale label on three), and every round is time the customer waits. The
 * sell screen keeps the category tree in memory; without it, it is read in the first round.
 */
export async function readScanRows(db: TillDb, code: string, storeId: string, categories?: CategoryParents): Promise<ScanRows> {
  const [{ scaleLayouts }, barcode, parents] = await Promise.all([loadPricingSettings(db), db.barcodes.get(code), categories ?? categoryParentsOf(db)]);
  const named = await productNamedBy(db, code, storeId, scaleLayouts, barcode);
  return { layouts: scaleLayouts, found: named && { ...named, ancestorCategoryIds: ancestorsOf(parents, named.product.categoryId) } };
}

/** A price book of just what one scan needs, so the shared engine decides it as it would with the whole catalog. */
function priceBookFor(layouts: readonly ScaleBarcodeLayout[], { product, link, prices, assortments }: ProductToPrice): PriceBook {
  return compilePriceBook({
    products: [{ id: product.id, active: product.active, weighed: product.weighed, discontinuedFrom: product.discontinuedFrom }],
    prices,
    assortments,
    ...link,
    scaleLayouts: layouts,
  });
}

/**
 * The basket item the rows make of a code, by the shared `resolveScan`, for this store at this
 * instant, for the member's level when a member was found (else as a walk-in customer): a scale
 * label in one of the chain's layouts (its printed price, or its weight × the price per
 * kilogram), or a product barcode at the price that applies. A product the store does not carry is refused.
 */
export function scannedItemOf({ layouts, found }: ScanRows, code: string, place: TillPricingPlace, now: Date, memberLevelId: string | null): ScanResult {
  if (!found) return { ok: false, code: 'ITEM_NOT_FOUND' };
  const scanned = resolveScan(priceBookFor(layouts, found), code, { storeId: place.storeId, memberLevelId, channel: 'retail', instant: now.toISOString(), timeZone: place.timeZone });
  if (!scanned.ok) return { ok: false, code: scanErrors[scanned.code] };
  const { product, ancestorCategoryIds } = found;
  return {
    ok: true,
    item: {
      productId: product.id, barcode: code, nameZh: product.nameZh, nameEn: product.nameEn, unitPriceMinor: scanned.unitPriceMinor, weightGrams: scanned.weightGrams,
      categoryId: product.categoryId, ancestorCategoryIds, brandId: product.brandId,
    },
  };
}

/** A scanned or typed code made a basket item (see `scannedItemOf`), its rows read from the till's database. */
export async function findScannedItem(
  db: TillDb, input: string, place: TillPricingPlace, now: Date, memberLevelId: string | null = null, categories?: CategoryParents,
): Promise<ScanResult> {
  const code = input.trim();
  if (!scanCodePattern.test(code)) return { ok: false, code: 'BARCODE_INVALID' };
  return scannedItemOf(await readScanRows(db, code, place.storeId, categories), code, place, now, memberLevelId);
}
