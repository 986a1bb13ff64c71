import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { stockLevels } from './stock.tables';
import { levelValueOnConflict, productCostAt } from './stock-value';

export interface Move {
  placeId: string;
  productId: string;
  /** Units on hand gained (or lost): written to the ledger as a movement with `reason`. */
  delta: number;
  /** Units on the way gained (or lost): the level's `in_transit`, beside the ledger. */
  inTransit: number;
  /**
   * What a unit gained cost, when the goods bring their own cost (received from a supplier): the
   * place's moving average takes it in. Without it units enter and leave at the average.
   */
  unitCostMinor?: number;
}

/** Why stock moved, for movements written here (sales and customer returns write their own at ingest). */
export type MoveReason = 'opening' | 'receipt' | 'supplier_return' | 'transfer_out' | 'transfer_in' | 'shipment_out' | 'shipment_in' | 'count' | 'damage' | 'adjustment';

/**
 * Writes movements (those with a quantity) and the levels beside them, in the caller's
 * transaction; with no `reason`, only stock on the way may change, as the ledger records none.
 * The levels are locked in (place, product) order, the order a sales batch locks them in, so
 * that the two wait for each other instead of deadlocking.
 */
export async function moveStock(tx: Db, chainId: string, moves: readonly Move[], reason: MoveReason | null, documentId: string, at: Date, deps: Pick<Deps, 'clock'>): Promise<void> {
  const moved = moves.filter((m) => m.delta !== 0);
  if (!reason && moved.length) throw new Error('stock on hand moves only with a reason the ledger records');
  if (reason && moved.length) {
    await tx.execute(sql`
      insert into stock_movements (chain_id, id, store_id, product_id, delta, reason, document_id, created_at)
      values ${sql.join(moved.map((m) => sql`(${chainId}, ${newId(deps.clock)}, ${m.placeId}, ${m.productId}, ${m.delta}, ${reason}, ${documentId}, ${at.toISOString()}::timestamptz)`), sql`, `)}`);
  }
  const levels = moves.filter((m) => m.delta !== 0 || m.inTransit !== 0).sort(byPlaceAndProduct);
  if (levels.some((m) => m.unitCostMinor !== undefined && m.delta < 0)) throw new Error('goods leave at the moving average, never at a cost of their own');
  await upsertLevels(tx, chainId, levels.filter((m) => m.unitCostMinor !== undefined), true, at);
  await upsertLevels(tx, chainId, levels.filter((m) => m.unitCostMinor === undefined), false, at);
}

/** Byte order of the ids, which is PostgreSQL's order of uuids. */
const byPlaceAndProduct = (a: Move, b: Move): number =>
  a.placeId < b.placeId ? -1 : a.placeId > b.placeId ? 1 : a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;

/**
 * Adds the moves to their levels, the value by `levelValueOnConflict`: each proposed row's value is
 * what its units entering are worth, at their own cost or, for a level with no average yet, at the
 * product's cost in force.
 */
async function upsertLevels(tx: Db, chainId: string, moves: readonly Move[], ownCost: boolean, at: Date): Promise<void> {
  if (moves.length === 0) return;
  const entering = (m: Move) => (m.delta <= 0 ? 0 : ownCost ? m.delta * m.unitCostMinor! : sql`${m.delta} * ${productCostAt(chainId, sql`${m.productId}::uuid`, at)}`);
  await tx.insert(stockLevels).values(moves.map((m) => ({ chainId, storeId: m.placeId, productId: m.productId, quantity: m.delta, inTransit: m.inTransit, valueMinor: entering(m), updatedAt: at })))
    .onConflictDoUpdate({
      target: [stockLevels.chainId, stockLevels.storeId, stockLevels.productId],
      set: {
        quantity: sql`${stockLevels.quantity} + excluded.quantity`, inTransit: sql`${stockLevels.inTransit} + excluded.in_transit`,
        valueMinor: levelValueOnConflict(ownCost), updatedAt: sql`excluded.updated_at`,
      },
    });
}
