import type { PriceListEntry, PricedProduct, ProductBarcode, ScaleItem, StoreAssortment } from './pricing.schemas';
import type { ScaleBarcodeLayout } from './scale-barcode.schemas';

export interface PriceBookInput {
  readonly products: readonly PricedProduct[];
  readonly prices: readonly PriceListEntry[];
  readonly assortments?: readonly StoreAssortment[];
  readonly barcodes?: readonly ProductBarcode[];
  readonly scaleItems?: readonly ScaleItem[];
  readonly scaleLayouts?: readonly ScaleBarcodeLayout[];
}

/** What pricing asks of a book's price list: a product's entries. A Map is one, and so is a store's layer over its chain's. */
export interface PriceEntriesByProduct {
  get(productId: string): readonly PriceListEntry[] | undefined;
}

/** The catalog indexed once for look-ups at every scan. Build it when the catalog changes. */
export interface PriceBook {
  readonly products: ReadonlyMap<string, PricedProduct>;
  readonly pricesByProduct: PriceEntriesByProduct;
  readonly assortments: ReadonlyMap<string, { readonly mode: StoreAssortment['mode']; readonly productIds: ReadonlySet<string> }>;
  readonly barcodes: ReadonlyMap<string, string>;
  readonly scaleItems: ReadonlyMap<string, string>;
  readonly scaleLayouts: readonly ScaleBarcodeLayout[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function compilePriceBook(input: PriceBookInput): PriceBook {
  return {
    products: new Map(input.products.map((product) => [product.id, product])),
    pricesByProduct: groupBy(input.prices, (entry) => entry.productId),
    assortments: new Map(
      (input.assortments ?? []).map((a) => [a.storeId, { mode: a.mode, productIds: new Set(a.productIds) }]),
    ),
    barcodes: new Map((input.barcodes ?? []).map((b) => [b.code, b.productId])),
    scaleItems: new Map((input.scaleItems ?? []).map((s) => [s.itemCode, s.productId])),
    scaleLayouts: input.scaleLayouts ?? [],
  };
}

export function storeCarries(book: PriceBook, storeId: string, productId: string): boolean {
  const assortment = book.assortments.get(storeId);
  if (!assortment) return true;
  const listed = assortment.productIds.has(productId);
  return assortment.mode === 'listed' ? listed : !listed;
}

/**
 * One store's book over its chain's (compiled without store entries or assortments): the chain's
 * products and entries shared, not copied, with the store's own price entries and assortment on
 * top. HQ keeps one chain book however many stores it prices for, and a small layer per store.
 */
export function storePriceBook(chain: PriceBook, storePrices: readonly PriceListEntry[], assortment: StoreAssortment | null): PriceBook {
  const own = groupBy(storePrices, (entry) => entry.productId);
  for (const [productId, entries] of own) entries.unshift(...(chain.pricesByProduct.get(productId) ?? []));
  return {
    ...chain,
    pricesByProduct: { get: (productId) => own.get(productId) ?? chain.pricesByProduct.get(productId) },
    assortments: assortment ? new Map([[assortment.storeId, { mode: assortment.mode, productIds: new Set(assortment.productIds) }]]) : chain.assortments,
  };
}
