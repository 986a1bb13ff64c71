import { minor, scaleMinor, type Minor } from '../money/money';
import type { PriceBook } from './price-book';
import { failure, type PricingFailure } from './pricing-result';
import { resolvePrice, type PriceQuery, type ResolvedPrice } from './resolve-price';
import { decodeScaleBarcode } from './scale-barcode';

export interface ScannedItem {
  readonly ok: true;
  readonly productId: string;
  readonly quantity: number;
  /** The price of one unit as it goes on the basket line: for weighed goods, the whole label. */
  readonly unitPriceMinor: Minor;
  readonly weightGrams: number | null;
  readonly price: ResolvedPrice | null;
}

type ScanQuery = Omit<PriceQuery, 'productId'>;

function priced(book: PriceBook, productId: string, query: ScanQuery): ResolvedPrice | PricingFailure {
  return resolvePrice(book, { ...query, productId });
}

function scanScaleLabel(book: PriceBook, code: string, query: ScanQuery): ScannedItem | PricingFailure | null {
  const label = decodeScaleBarcode(code, book.scaleLayouts);
  if (!label.ok) return label.code === 'NOT_SCALE_BARCODE' ? null : label;
  const productId = book.scaleItems.get(label.itemCode);
  if (!productId) return failure('ITEM_NOT_FOUND', `no product for scale item ${label.itemCode}`);
  const price = priced(book, productId, query);
  if (!price.ok) return price;
  if (label.value === 'price') {
    return { ok: true, productId, quantity: 1, unitPriceMinor: minor(label.amount), weightGrams: null, price };
  }
  const amount = scaleMinor(price.unitPriceMinor, label.amount, 1000);
  return { ok: true, productId, quantity: 1, unitPriceMinor: amount, weightGrams: label.amount, price };
}

/**
 * Turns a scanned code into what goes on a basket line: a scale label (price printed, or
 * weight × price per kilogram) or an ordinary product barcode at the price that applies.
 */
export function resolveScan(book: PriceBook, code: string, query: ScanQuery): ScannedItem | PricingFailure {
  if (!/^\d{8,14}$/.test(code)) return failure('BAD_BARCODE', 'a barcode is 8 to 14 digits');
  const scale = code.startsWith('2') ? scanScaleLabel(book, code, query) : null;
  if (scale) return scale;
  const productId = book.barcodes.get(code);
  if (!productId) return failure('ITEM_NOT_FOUND', `no product with barcode ${code}`);
  const price = priced(book, productId, query);
  if (!price.ok) return price;
  return { ok: true, productId, quantity: 1, unitPriceMinor: price.unitPriceMinor, weightGrams: null, price };
}
