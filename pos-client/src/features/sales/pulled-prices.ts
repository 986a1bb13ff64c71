import type { PriceListEntry } from '@pos/shared';
import type { PulledPrice, TillDb } from '../../db/till-db';

/** A pulled price as the shared price book takes it. */
export const priceEntryOf = (p: PulledPrice): PriceListEntry => ({
  id: p.id, productId: p.productId, storeId: p.storeId, kind: p.kind, memberLevelId: p.memberLevelId ?? null, amountMinor: p.amountMinor, effectiveFrom: p.effectiveFrom,
});

/** The pulled prices of some products as the shared price book takes them. */
export async function priceEntriesOf(db: TillDb, productIds: readonly string[]): Promise<PriceListEntry[]> {
  return (await db.prices.where('productId').anyOf([...productIds]).toArray()).map(priceEntryOf);
}
