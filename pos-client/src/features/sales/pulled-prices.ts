import type { PriceListEntry } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/** The pulled prices of some products as the shared price book takes them. */
export async function priceEntriesOf(db: TillDb, productIds: readonly string[]): Promise<PriceListEntry[]> {
  const prices = await db.prices.where('productId').anyOf([...productIds]).toArray();
  return prices.map((p) => ({ id: p.id, productId: p.productId, storeId: p.storeId, kind: p.kind, memberLevelId: p.memberLevelId ?? null, amountMinor: p.amountMinor, effectiveFrom: p.effectiveFrom }));
}
