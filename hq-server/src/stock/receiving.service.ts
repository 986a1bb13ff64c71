import type { GoodsReceipt, GoodsReceiptBody, PurchaseOrder, PurchaseOrderBody, SupplierReturn, SupplierReturnBody } from '@pos/shared';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import { retryTransient } from '../db/sql-state';
import type { Deps, OfficePrincipal, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { canSeeCost } from '../roles/visibility';
import { products } from '../catalog/catalog.tables';
import { supplierProducts, suppliers } from '../suppliers/suppliers.tables';
import { nextNo } from './document-numbers';
import { loadGoodsReceipts, loadPurchaseOrders, loadSupplierReturns, placeInScope } from './receiving.queries';
import { goodsReceiptLines, goodsReceipts, purchaseOrderLines, purchaseOrders, supplierReturnLines, supplierReturns } from './receiving.tables';
import { moveStock } from './stock-ledger';

type Line = { productId: string; quantity: number; unitCostMinor?: number | undefined };

/** The chain's active suppliers by code, for ordering and receiving. */
export async function receivingSuppliers(deps: Deps, principal: Principal) {
  officePrincipal(principal);
  return deps.db.select({ id: suppliers.id, code: suppliers.code, name: suppliers.name }).from(suppliers)
    .where(and(eq(suppliers.chainId, principal.chainId), eq(suppliers.active, true))).orderBy(suppliers.code);
}

async function supplierOf(db: Db, chainId: string, supplierId: string, activeOnly: boolean): Promise<void> {
  const [found] = await db.select({ active: suppliers.active }).from(suppliers).where(and(eq(suppliers.chainId, chainId), eq(suppliers.id, supplierId)));
  if (!found || (activeOnly && !found.active)) throw new AppError('NOT_FOUND', 'no such supplier');
}

async function refuseUnknownProducts(db: Db, chainId: string, lines: readonly Line[]): Promise<void> {
  const ids = lines.map((l) => l.productId);
  const known = new Set((await db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), inArray(products.id, ids)))).map((p) => p.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'some products are not the chain’s', { productIds: unknown });
}

/** Each line's unit cost: its own, else the one agreed (`agreed`, then the supplier's product list); a line with none is refused. */
async function costsOf(db: Db, chainId: string, supplierId: string, lines: readonly Line[], agreed: ReadonlyMap<string, number> = new Map()): Promise<Map<string, number>> {
  const listed = await db.select({ productId: supplierProducts.productId, cost: supplierProducts.costMinor }).from(supplierProducts)
    .where(and(eq(supplierProducts.chainId, chainId), eq(supplierProducts.supplierId, supplierId), eq(supplierProducts.active, true), inArray(supplierProducts.productId, lines.map((l) => l.productId))));
  const costs = new Map(lines.flatMap((l) => {
    const cost = l.unitCostMinor ?? agreed.get(l.productId) ?? listed.find((p) => p.productId === l.productId)?.cost;
    return cost === undefined ? [] : [[l.productId, cost] as const];
  }));
  const unpriced = lines.filter((l) => !costs.has(l.productId)).map((l) => l.productId);
  if (unpriced.length) throw new AppError('VALIDATION_FAILED', 'give a unit cost for the products with no cost agreed with the supplier', { productIds: unpriced });
  return costs;
}

/**
 * A document written under a client-made id: returns the one already written under it (a retry, or
 * two sends at once meeting on the primary key) instead of writing it twice, provided its place is
 * the caller's.
 */
async function once<T extends { place: { id: string } }>(office: OfficePrincipal, deps: Deps, load: () => Promise<T | undefined>, write: () => Promise<void>): Promise<T> {
  const earlier = await load();
  if (!earlier) {
    try {
      await write();
    } catch (error) {
      if (!(await load())) throw error;
    }
  }
  const document = (await load())!;
  await placeInScope(deps.db, office, document.place.id);
  return document;
}

const byId = (alias: string, id: string): SQL => sql`${sql.raw(alias)}.id = ${id}`;

/** Orders goods from a supplier for one of the caller's places (采购订单), each line at its cost or the one agreed with the supplier. */
export async function createPurchaseOrder(deps: Deps, principal: Principal, body: PurchaseOrderBody): Promise<PurchaseOrder> {
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  const seeCost = await canSeeCost(deps.db, office);
  const load = async () => (await loadPurchaseOrders(deps.db, chainId, byId('o', body.id), seeCost))[0];
  return once(office, deps, load, async () => {
    await placeInScope(deps.db, office, body.placeId);
    await supplierOf(deps.db, chainId, body.supplierId, true);
    await refuseUnknownProducts(deps.db, chainId, body.lines);
    const costs = await costsOf(deps.db, chainId, body.supplierId, body.lines);
    const at = deps.clock();
    await deps.db.transaction(async (tx) => {
      await tx.insert(purchaseOrders).values({
        chainId, id: body.id, no: await nextNo(tx, chainId, 'P'), supplierId: body.supplierId, placeId: body.placeId, status: 'open', note: body.note ?? null,
        createdBy: office.userId, createdAt: at, updatedAt: at,
      });
      await tx.insert(purchaseOrderLines).values(body.lines.map((l) => ({ chainId, purchaseOrderId: body.id, productId: l.productId, quantity: l.quantity, unitCostMinor: costs.get(l.productId)! })));
    });
  });
}

/** Cancels what a purchase order still awaits: an open order, or the rest of one partly received. */
export async function cancelPurchaseOrder(deps: Deps, principal: Principal, id: string): Promise<PurchaseOrder> {
  const office = officePrincipal(principal);
  const [found] = await deps.db.select({ placeId: purchaseOrders.placeId }).from(purchaseOrders).where(and(eq(purchaseOrders.chainId, office.chainId), eq(purchaseOrders.id, id)));
  if (!found) throw new AppError('NOT_FOUND', 'no such purchase order');
  await placeInScope(deps.db, office, found.placeId);
  const changed = await deps.db.update(purchaseOrders).set({ status: 'cancelled', updatedAt: deps.clock() })
    .where(and(eq(purchaseOrders.chainId, office.chainId), eq(purchaseOrders.id, id), inArray(purchaseOrders.status, ['open', 'partly_received']))).returning({ id: purchaseOrders.id });
  if (changed.length === 0) throw new AppError('CONFLICT', 'only an order still awaiting goods may be cancelled');
  return (await loadPurchaseOrders(deps.db, office.chainId, byId('o', id), await canSeeCost(deps.db, office)))[0]!;
}

/**
 * Receives goods from a supplier (收货) at one of the caller's places, against one of the
 * supplier's orders for that place or none: the goods join the place's stock (`receipt`) at each
 * line's cost, which the moving average takes in; against an order each line keeps what the order
 * still awaited, so its difference shows, and the order's lines and status move on. The order is
 * locked while it is received, so two receipts of it count its lines one after the other.
 */
export async function receiveGoods(deps: Deps, principal: Principal, body: GoodsReceiptBody): Promise<GoodsReceipt> {
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  const seeCost = await canSeeCost(deps.db, office);
  const load = async () => (await loadGoodsReceipts(deps.db, chainId, byId('g', body.id), seeCost))[0];
  return once(office, deps, load, async () => {
    await placeInScope(deps.db, office, body.placeId);
    await supplierOf(deps.db, chainId, body.supplierId, false);
    await refuseUnknownProducts(deps.db, chainId, body.lines);
    const ordered = body.purchaseOrderId ? await orderLinesOf(deps.db, chainId, body.purchaseOrderId, body) : null;
    const costs = await costsOf(deps.db, chainId, body.supplierId, body.lines, new Map((ordered ?? []).map((l) => [l.productId, l.unitCostMinor])));
    const at = deps.clock();
    await retryTransient(() => deps.db.transaction(async (tx) => {
      const awaited = body.purchaseOrderId ? await lockOrder(tx, chainId, body.purchaseOrderId) : null;
      await tx.insert(goodsReceipts).values({
        chainId, id: body.id, no: await nextNo(tx, chainId, 'G'), supplierId: body.supplierId, placeId: body.placeId, purchaseOrderId: body.purchaseOrderId ?? null,
        note: body.note ?? null, receivedBy: office.userId, receivedAt: at,
      });
      await tx.insert(goodsReceiptLines).values(body.lines.map((l) => ({
        chainId, receiptId: body.id, productId: l.productId, quantity: l.quantity, unitCostMinor: costs.get(l.productId)!, expected: awaited ? (awaited.get(l.productId) ?? 0) : null,
      })));
      if (body.purchaseOrderId) await recordOnOrder(tx, chainId, body.purchaseOrderId, body.lines, at);
      const arrived = body.lines.filter((l) => l.quantity > 0).sort((a, b) => a.productId.localeCompare(b.productId));
      await moveStock(tx, chainId, arrived.map((l) => ({ placeId: body.placeId, productId: l.productId, delta: l.quantity, inTransit: 0, unitCostMinor: costs.get(l.productId)! })), 'receipt', body.id, at, deps);
    }));
  });
}

/** An order's lines, when it is the supplier's order for this place. */
async function orderLinesOf(db: Db, chainId: string, orderId: string, body: GoodsReceiptBody) {
  const [order] = await db.select({ placeId: purchaseOrders.placeId, supplierId: purchaseOrders.supplierId }).from(purchaseOrders)
    .where(and(eq(purchaseOrders.chainId, chainId), eq(purchaseOrders.id, orderId)));
  if (!order || order.placeId !== body.placeId) throw new AppError('NOT_FOUND', 'no such purchase order for this place');
  if (order.supplierId !== body.supplierId) throw new AppError('VALIDATION_FAILED', 'the order is another supplier’s', { purchaseOrderId: orderId });
  return db.select({ productId: purchaseOrderLines.productId, unitCostMinor: purchaseOrderLines.unitCostMinor }).from(purchaseOrderLines)
    .where(and(eq(purchaseOrderLines.chainId, chainId), eq(purchaseOrderLines.purchaseOrderId, orderId)));
}

/** Locks an order still awaiting goods and answers what it awaits of each product. */
async function lockOrder(tx: Db, chainId: string, orderId: string): Promise<Map<string, number>> {
  const [head] = await tx.select({ status: purchaseOrders.status }).from(purchaseOrders).where(and(eq(purchaseOrders.chainId, chainId), eq(purchaseOrders.id, orderId))).for('update');
  if (head!.status !== 'open' && head!.status !== 'partly_received') throw new AppError('CONFLICT', 'this order was received in full or cancelled');
  const lines = await tx.select({ productId: purchaseOrderLines.productId, quantity: purchaseOrderLines.quantity, received: purchaseOrderLines.received }).from(purchaseOrderLines)
    .where(and(eq(purchaseOrderLines.chainId, chainId), eq(purchaseOrderLines.purchaseOrderId, orderId)));
  return new Map(lines.map((l) => [l.productId, Math.max(l.quantity - l.received, 0)]));
}

/** Adds what arrived to the order's lines; the order is received once every line has all it ordered, partly received once any has some. */
async function recordOnOrder(tx: Db, chainId: string, orderId: string, lines: readonly Line[], at: Date): Promise<void> {
  await tx.execute(sql`
    update purchase_order_lines l set received = l.received + x.quantity
    from json_to_recordset(${JSON.stringify(lines.map((l) => ({ productId: l.productId, quantity: l.quantity })))}::json) as x("productId" uuid, quantity int)
    where l.chain_id = ${chainId} and l.purchase_order_id = ${orderId} and l.product_id = x."productId"`);
  await tx.execute(sql`
    update purchase_orders o set updated_at = ${at.toISOString()}::timestamptz, status = (
      select case when bool_and(l.received >= l.quantity) then 'received' when bool_or(l.received > 0) then 'partly_received' else 'open' end::purchase_order_status
        from purchase_order_lines l where l.chain_id = o.chain_id and l.purchase_order_id = o.id)
    where o.chain_id = ${chainId} and o.id = ${orderId}`);
}

/**
 * Sends goods back to their supplier (退货) from one of the caller's places. A till may sell below
 * zero, because the customer is at the counter with the goods; goods sent back must be on the
 * shelf, so a return of more than the place has on hand is refused and nothing changes. The levels
 * are locked first, so a sale written at the same moment is counted before the check or after the
 * return. The goods leave at the place's moving average (the average of what stays does not
 * change); each line's cost is what the supplier credits, by default the cost agreed with them.
 */
export async function returnToSupplier(deps: Deps, principal: Principal, body: SupplierReturnBody): Promise<SupplierReturn> {
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  const seeCost = await canSeeCost(deps.db, office);
  const load = async () => (await loadSupplierReturns(deps.db, chainId, byId('v', body.id), seeCost))[0];
  return once(office, deps, load, async () => {
    await placeInScope(deps.db, office, body.placeId);
    await supplierOf(deps.db, chainId, body.supplierId, false);
    await refuseUnknownProducts(deps.db, chainId, body.lines);
    const costs = await costsOf(deps.db, chainId, body.supplierId, body.lines);
    const at = deps.clock();
    const lines = [...body.lines].sort((a, b) => a.productId.localeCompare(b.productId));
    await retryTransient(() => deps.db.transaction(async (tx) => {
      const onHand = await query<{ product_id: string; quantity: string }>(tx, sql`
        select product_id, quantity::text from stock_levels
         where chain_id = ${chainId} and store_id = ${body.placeId} and product_id = any(${uuidArray(lines.map((l) => l.productId))}::uuid[])
         order by product_id for update`);
      const held = new Map(onHand.map((r) => [r.product_id, Number(r.quantity)]));
      const short = lines.filter((l) => (held.get(l.productId) ?? 0) < l.quantity).map((l) => ({ productId: l.productId, onHand: held.get(l.productId) ?? 0, quantity: l.quantity }));
      if (short.length) throw new AppError('CONFLICT', 'more than the place has on hand cannot go back to the supplier', { lines: short });
      await tx.insert(supplierReturns).values({
        chainId, id: body.id, no: await nextNo(tx, chainId, 'V'), supplierId: body.supplierId, placeId: body.placeId, reason: body.reason, note: body.note ?? null,
        returnedBy: office.userId, returnedAt: at,
      });
      await tx.insert(supplierReturnLines).values(lines.map((l) => ({ chainId, returnId: body.id, productId: l.productId, quantity: l.quantity, unitCostMinor: costs.get(l.productId)! })));
      await moveStock(tx, chainId, lines.map((l) => ({ placeId: body.placeId, productId: l.productId, delta: -l.quantity, inTransit: 0 })), 'supplier_return', body.id, at, deps);
    }));
  });
}
