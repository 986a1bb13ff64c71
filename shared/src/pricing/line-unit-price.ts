import { minor, scaleMinor, type Minor } from '../money/money';
import type { PriceBook } from './price-book';
import type { PricingFailure } from './pricing-result';
import { resolvePrice, type PriceQuery } from './resolve-price';

/** What a basket line says of its own price: a weighed line carries its label's weight, or only its label's price. */
export interface PricedLineFacts {
  readonly unitPriceMinor: Minor;
  readonly weightGrams: number | null;
}

/**
 * The unit price a line is sold at for a customer at an instant, as till and HQ both
 * decide it: the price that applies per piece; for a weight label, the weight × the price
 * per kilogram that applies; a label with only a price keeps the price it printed.
 */
export function lineUnitPrice(book: PriceBook, query: PriceQuery, line: PricedLineFacts): { ok: true; unitPriceMinor: Minor } | PricingFailure {
  const price = resolvePrice(book, query);
  if (!price.ok) return price;
  if (!price.weighed) return { ok: true, unitPriceMinor: price.unitPriceMinor };
  return { ok: true, unitPriceMinor: line.weightGrams ? scaleMinor(price.unitPriceMinor, line.weightGrams, 1000) : minor(line.unitPriceMinor) };
}
