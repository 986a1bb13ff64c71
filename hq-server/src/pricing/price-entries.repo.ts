import type { PriceEntry, PriceKind } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { prices } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Clock } from '../ids';
import { newId } from '../ids';

export interface NewPrice {
  productId: string;
  storeId: string | null;
  kind: PriceKind;
  memberLevelId: string | null;
  amountMinor: number;
  effectiveFrom: Date;
}

type PriceRow = typeof prices.$inferSelect;
/** The database or a transaction on it. */
export type Executor = Pick<Db, 'select' | 'insert' | 'update'>;

export function toPriceEntry(row: PriceRow): PriceEntry {
  return {
    id: row.id, productId: row.productId, storeId: row.storeId, kind: row.kind, memberLevelId: row.memberLevelId,
    amountMinor: row.amountMinor as PriceEntry['amountMinor'], effectiveFrom: row.effectiveFrom?.toISOString() ?? null, active: row.active,
  };
}

const keyOf = (p: { productId: string; storeId: string | null; kind: string; memberLevelId: string | null; effectiveFrom: Date | null }) =>
  [p.productId, p.storeId, p.kind, p.memberLevelId, p.effectiveFrom?.getTime()].join('|');

/**
 * Writes price entries in the caller's transaction. An active entry with the same product,
 * store, kind, level and start gets the new amount; anything else is a new entry, so the
 * prices that applied before stay on record and HQ can re-price older sales with them.
 */
export async function writePriceEntries(db: Executor, clock: Clock, chainId: string, entries: NewPrice[]): Promise<{ rows: PriceRow[]; created: number; updated: number }> {
  if (entries.length === 0) return { rows: [], created: 0, updated: 0 };
  const productIds = [...new Set(entries.map((e) => e.productId))];
  const existing = await db.select().from(prices).where(and(eq(prices.chainId, chainId), inArray(prices.productId, productIds), eq(prices.active, true)));
  const byKey = new Map(existing.map((row) => [keyOf(row), row]));
  const rows: PriceRow[] = [];
  const fresh: (typeof prices.$inferInsert)[] = [];
  for (const entry of entries) {
    const match = byKey.get(keyOf(entry));
    if (!match) {
      fresh.push({ chainId, id: newId(clock), ...entry });
      continue;
    }
    const [updated] = await db.update(prices).set({ amountMinor: entry.amountMinor })
      .where(and(eq(prices.chainId, chainId), eq(prices.id, match.id))).returning();
    rows.push(updated!);
  }
  for (let i = 0; i < fresh.length; i += 1000) rows.push(...(await db.insert(prices).values(fresh.slice(i, i + 1000)).returning()));
  return { rows, created: fresh.length, updated: entries.length - fresh.length };
}
