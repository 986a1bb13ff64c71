import { compilePriceBook, resolvePrice, type PriceBand, type PriceListEntry } from '@pos/shared';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { prices, storePriceBands } from '../catalog/catalog.tables';
import type { Db } from '../db/client';

/** A store id no entry carries, so only chain prices match. */
const CHAIN_ONLY = '';

export type RetailRow = typeof prices.$inferSelect;

/** Active retail entries (not member or wholesale) of some products: the chain's and one store's. */
export function retailEntries(db: Db, chainId: string, productIds: string[], storeId: string): Promise<RetailRow[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db.select().from(prices).where(and(
    eq(prices.chainId, chainId), inArray(prices.productId, productIds), eq(prices.active, true), eq(prices.kind, 'retail'),
    isNull(prices.memberLevelId), or(isNull(prices.storeId), eq(prices.storeId, storeId)),
  )).orderBy(prices.effectiveFrom);
}

/** The bands HQ set for some products, by product. */
export async function productBands(db: Db, chainId: string, productIds: string[]): Promise<Map<string, PriceBand>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.select({ productId: storePriceBands.productId, minMinor: storePriceBands.minMinor, maxMinor: storePriceBands.maxMinor })
    .from(storePriceBands).where(and(eq(storePriceBands.chainId, chainId), inArray(storePriceBands.productId, productIds)));
  return new Map(rows.map((r) => [r.productId, r]));
}

const toListEntry = (row: RetailRow): PriceListEntry => ({
  id: row.id, productId: row.productId, storeId: row.storeId, kind: 'retail', memberLevelId: null,
  amountMinor: row.amountMinor as PriceListEntry['amountMinor'], effectiveFrom: row.effectiveFrom?.toISOString() ?? null,
});

/** The chain's retail price of a product at an instant, in the store's time zone as tills read it; null when it has none then. */
export function chainPriceAt(rows: readonly RetailRow[], productId: string, instant: Date, timeZone: string): number | null {
  const chainRows = rows.filter((r) => r.productId === productId && r.storeId === null);
  const book = compilePriceBook({ products: [{ id: productId, active: true, weighed: false }], prices: chainRows.map(toListEntry) });
  const found = resolvePrice(book, { productId, storeId: CHAIN_ONLY, memberLevelId: null, channel: 'retail', instant: instant.toISOString(), timeZone });
  return found.ok ? found.unitPriceMinor : null;
}

/** A store's own entries of a product: the one in force at an instant (the latest started) and those starting after it. */
export function storeEntriesAt(rows: readonly RetailRow[], productId: string, storeId: string, instant: Date) {
  const own = rows.filter((r) => r.productId === productId && r.storeId === storeId);
  const started = own.filter((r) => (r.effectiveFrom?.getTime() ?? 0) <= instant.getTime());
  const current = started.reduce<RetailRow | null>((best, r) => (!best || (r.effectiveFrom?.getTime() ?? 0) >= (best.effectiveFrom?.getTime() ?? 0) ? r : best), null);
  return { current, scheduled: own.filter((r) => (r.effectiveFrom?.getTime() ?? 0) > instant.getTime()) };
}
