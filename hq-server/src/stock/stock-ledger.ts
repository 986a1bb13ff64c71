import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { stockLevels } from './stock.tables';

export interface Move {
  placeId: string;
  productId: string;
  /** Units on hand gained (or lost): written to the ledger as a movement with `reason`. */
  delta: number;
  /** Units on the way gained (or lost): the level's `in_transit`, beside the ledger. */
  inTransit: number;
}

/**
 * Writes movements (those with a quantity) and the levels beside them, in the caller's
 * transaction; with no `reason`, only stock on the way may change, as the ledger records none.
 */
/** Why stock moved, for movements written here (sales and customer returns write their own at ingest). */
export type MoveReason = 'opening' | 'receipt' | 'supplier_return' | 'transfer_out' | 'transfer_in' | 'shipment_out' | 'shipment_in' | 'count' | 'damage' | 'adjustment';

export async function moveStock(tx: Db, chainId: string, moves: readonly Move[], reason: MoveReason | null, documentId: string, at: Date, deps: Pick<Deps, 'clock'>): Promise<void> {
  const moved = moves.filter((m) => m.delta !== 0);
  if (!reason && moved.length) throw new Error('stock on hand moves only with a reason the ledger records');
  if (reason && moved.length) {
    await tx.execute(sql`
      insert into stock_movements (chain_id, id, store_id, product_id, delta, reason, document_id, created_at)
      values ${sql.join(moved.map((m) => sql`(${chainId}, ${newId(deps.clock)}, ${m.placeId}, ${m.productId}, ${m.delta}, ${reason}, ${documentId}, ${at.toISOString()}::timestamptz)`), sql`, `)}`);
  }
  const levels = moves.filter((m) => m.delta !== 0 || m.inTransit !== 0);
  if (levels.length === 0) return;
  await tx.insert(stockLevels).values(levels.map((m) => ({ chainId, storeId: m.placeId, productId: m.productId, quantity: m.delta, inTransit: m.inTransit, updatedAt: at })))
    .onConflictDoUpdate({
      target: [stockLevels.chainId, stockLevels.storeId, stockLevels.productId],
      set: { quantity: sql`${stockLevels.quantity} + excluded.quantity`, inTransit: sql`${stockLevels.inTransit} + excluded.in_transit`, updatedAt: sql`excluded.updated_at` },
    });
}
