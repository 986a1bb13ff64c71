import { compilePriceBook, lineUnitPrice } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { BasketLine } from './basket';
import type { TillPricingPlace } from './price-till-basket';
import { priceEntriesOf } from './pulled-prices';

/**
 * Each line at the unit price that applies to this customer at this instant, decided from
 * the pulled prices by the shared `lineUnitPrice`, as HQ decides it again: a member's level
 * price once the member is found, a scheduled change that started since the scan. A label
 * with only a price keeps it; a line the catalog can no longer price keeps the price it had.
 */
export async function repriceLines(db: TillDb, lines: readonly BasketLine[], place: TillPricingPlace, instant: string, memberLevelId: string | null): Promise<BasketLine[]> {
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const [products, prices] = await Promise.all([db.products.bulkGet(productIds), priceEntriesOf(db, productIds)]);
  const book = compilePriceBook({ products: products.flatMap((p) => (p ? [{ id: p.id, active: p.active, weighed: p.weighed }] : [])), prices });
  return lines.map((line) => {
    const query = { productId: line.productId, storeId: place.storeId, memberLevelId, channel: 'retail' as const, instant, timeZone: place.timeZone };
    const price = lineUnitPrice(book, query, { unitPriceMinor: line.unitPriceMinor, weightGrams: line.weightGrams ?? null });
    return price.ok && price.unitPriceMinor !== line.unitPriceMinor ? { ...line, unitPriceMinor: price.unitPriceMinor } : line;
  });
}
