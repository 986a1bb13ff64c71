import {
  ancestorsOf, categoryParents, compilePriceBook, decodeScaleBarcode, defaultPricingSettings, resolveScan,
  type Category, type CategoryParents, type Clerk, type PriceBook, type PriceBookInput, type PriceListEntry, type PricingFailureCode, type Product, type ScaleBarcodeLayout, type StoreAssortment,
} from '@pos/shared';
import type { PulledAssortmentItem, PulledBarcode, PulledPrice, PulledPricingSettings, PulledStoreAssortment, TillDb } from '../../db/till-db';
import type { ScannedItem } from './basket';
import type { TillPricingPlace } from './price-till-basket';
import { priceEntryOf } from './pulled-prices';

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

/** A product, and what the engine needs to price it here: its prices and the store's assortment as far as it goes. */
interface ProductToPrice extends Named {
  prices: PriceListEntry[];
  assortments: StoreAssortment[];
}

/** What the till's database holds for a code: the chain's scale layouts and, when the code names a product, the product with what prices it here. */
export interface ScanRows {
  layouts: readonly ScaleBarcodeLayout[];
  found: (ProductToPrice & { ancestorCategoryIds: string[] }) | undefined;
}

/** What a scanned code is to the till: the clerks whose badge it is (工牌), and the rows of the item it names (null: not a product code). */
export interface ScanRead {
  badged: Clerk[];
  rows: ScanRows | null;
}

/** A scanner's code: 8 to 14 digits (EAN-8 to GTIN-14, scale labels among them). */
export const scanCodePattern = /^\d{8,14}$/;

/** One IndexedDB request, settled by its own result rather than by the end of its transaction. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the till database refused a read'));
  });
}

const scanTables = ['clerks', 'pricingSettings', 'barcodes', 'products', 'prices', 'storeAssortments', 'assortmentItems', 'categories'] as const;

/**
 * Everything a scanned code needs, read in one read-only transaction as plain IndexedDB requests:
 * first the clerks whose badge it is, the chain's scale layouts and the code's barcode row; then
 * the product it names with its prices and the store's assortment as far as it goes (a scale
 * label finds its product by item code first). Each round waits for its own results only, not
 * for the transaction to end, and goes around Dexie's promise machinery, which took half of the
 * time from the scanner's Enter to the priced line. The sell screen keeps the category tree in
 * memory; without it, it is read in the first round.
 */
export async function readScan(db: TillDb, code: string, storeId: string, categories?: CategoryParents): Promise<ScanRead> {
  const tx = db.backendDB().transaction([...scanTables], 'readonly');
  const table = (name: (typeof scanTables)[number]) => tx.objectStore(name);
  const itemCode = scanCodePattern.test(code);
  const [badged, settingsRows, barcode, categoryRows] = await Promise.all([
    settled(table('clerks').index('badgeCode').getAll(code)) as Promise<Clerk[]>,
    settled(table('pricingSettings').getAll(null, 1)) as Promise<PulledPricingSettings[]>,
    itemCode ? (settled(table('barcodes').get(code)) as Promise<PulledBarcode | undefined>) : undefined,
    categories ? undefined : (settled(table('categories').getAll()) as Promise<Category[]>),
  ]);
  if (!itemCode) return { badged, rows: null };
  const layouts = settingsRows[0]?.scaleLayouts ?? defaultPricingSettings.scaleLayouts;
  const label = decodeScaleBarcode(code, layouts);
  const productId = label.ok
    ? ((await settled(table('products').index('scaleItemCode').get(label.itemCode))) as Product | undefined)?.id
    : label.code === 'NOT_SCALE_BARCODE' ? barcode?.productId : undefined;
  if (!productId) return { badged, rows: { layouts, found: undefined } };
  const [product, priceRows, assortment, listed] = await Promise.all([
    settled(table('products').get(productId)) as Promise<Product | undefined>,
    settled(table('prices').index('productId').getAll(productId)) as Promise<PulledPrice[]>,
    settled(table('storeAssortments').get(storeId)) as Promise<PulledStoreAssortment | undefined>,
    settled(table('assortmentItems').get([storeId, productId])) as Promise<PulledAssortmentItem | undefined>,
  ]);
  if (!product) return { badged, rows: { layouts, found: undefined } };
  const link = label.ok ? { scaleItems: [{ itemCode: label.itemCode, productId }] } : { barcodes: [{ code, productId }] };
  return {
    badged,
    rows: {
      layouts,
      found: {
        product, link, prices: priceRows.map(priceEntryOf),
        assortments: assortment ? [{ storeId, mode: assortment.mode, productIds: listed ? [productId] : [] }] : [],
        ancestorCategoryIds: ancestorsOf(categories ?? categoryParents(categoryRows ?? []), product.categoryId),
      },
    },
  };
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
  return scannedItemOf((await readScan(db, code, place.storeId, categories)).rows!, code, place, now, memberLevelId);
}
