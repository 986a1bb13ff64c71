import type { ReceiveBody, Requisition, RequisitionBody, RequisitionList, Shipment } from '@pos/shared';
import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import { retryTransient } from '../db/sql-state';
import type { Deps, OfficePrincipal, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { storeInScope, storesInScope } from '../http/scope';
import { newId } from '../ids';
import { products } from '../catalog/catalog.tables';
import { stores } from '../org/org.tables';
import { allocations, requisitionLines, requisitions, shipmentLines, shipments } from './distribution.tables';
import { nextNo } from './document-numbers';
import { moveStock } from './stock-ledger';
import { productCostsAt } from './stock-value';
import { stockLevels, warehouses } from './stock.tables';

/** A requisition asked (or allocated) and not shipped for longer than this is flagged (未配送单据提醒). */
export const OVERDUE_AFTER_HOURS = 48;
/** The place in the queue of a store HQ has not placed: the middle of 1–9, so HQ can put a store ahead or behind. */
export const DEFAULT_PRIORITY = 5;

type Tx = Db;
type AllocationHead = typeof allocations.$inferSelect;

export async function warehouseOf(db: Db, chainId: string, warehouseId: string): Promise<void> {
  const [found] = await db.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.chainId, chainId), eq(warehouses.id, warehouseId), eq(warehouses.active, true)));
  if (!found) throw new AppError('NOT_FOUND', 'no such warehouse');
}

export async function listWarehouses(db: Db, chainId: string) {
  return db.select({ id: warehouses.id, code: warehouses.code, nameZh: warehouses.nameZh, nameEn: warehouses.nameEn, active: warehouses.active })
    .from(warehouses).where(eq(warehouses.chainId, chainId)).orderBy(warehouses.code);
}

export const refuseUnlessHq = (principal: Principal, what: string) => {
  if (principal.kind !== 'office' || principal.role !== 'hq_admin') throw new AppError('FORBIDDEN', `only HQ may ${what}`);
};

/** A store asks a warehouse for goods, or HQ pushes goods to it; every product must be one of the chain's active ones. */
export async function createRequisition(deps: Deps, principal: Principal, body: RequisitionBody): Promise<Requisition> {
  const office = officePrincipal(principal);
  const { db, clock } = deps;
  await storeInScope(db, office, body.storeId);
  await warehouseOf(db, office.chainId, body.warehouseId);
  if (body.kind === 'push') refuseUnlessHq(office, 'push goods to a store');
  const ids = body.lines.map((l) => l.productId);
  const known = await db.select({ id: products.id }).from(products).where(and(eq(products.chainId, office.chainId), inArray(products.id, ids), eq(products.active, true)));
  const unknown = ids.filter((id) => !known.some((k) => k.id === id));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'some products are not the chain’s active products', { productIds: unknown });
  const id = newId(clock);
  const at = clock();
  await db.transaction(async (tx) => {
    await tx.insert(requisitions).values({
      chainId: office.chainId, id, no: await nextNo(tx, office.chainId, 'R'), storeId: body.storeId, warehouseId: body.warehouseId, kind: body.kind, status: 'asked',
      note: body.note ?? null, createdBy: office.userId, createdAt: at, updatedAt: at,
    });
    await tx.insert(requisitionLines).values(body.lines.map((l) => ({ chainId: office.chainId, requisitionId: id, productId: l.productId, asked: l.quantity })));
  });
  return (await loadRequisitions(db, office.chainId, sql`r.id = ${id}`, clock()))[0]!;
}

type RequisitionRow = {
  id: string; no: string; store_id: string; store_code: string; warehouse_id: string; kind: Requisition['kind']; status: Requisition['status']; note: string | null; created_at: string;
  lines: { productId: string; sku: string; nameZh: string; nameEn: string; asked: number; allocated: number; shipped: number; received: number }[] | null;
};

async function loadRequisitions(db: Db, chainId: string, where: SQL, now: Date): Promise<Requisition[]> {
  const rows = await query<RequisitionRow>(db, sql`
    select r.id, r.no, r.store_id, s.code as store_code, r.warehouse_id, r.kind, r.status, r.note,
           to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
           (select json_agg(json_build_object('productId', l.product_id, 'sku', p.sku, 'nameZh', p.name_zh, 'nameEn', p.name_en,
                                              'asked', l.asked, 'allocated', l.allocated, 'shipped', l.shipped, 'received', l.received) order by p.sku)
              from requisition_lines l join products p on p.chain_id = l.chain_id and p.id = l.product_id
             where l.chain_id = r.chain_id and l.requisition_id = r.id) as lines
    from requisitions r join stores s on s.chain_id = r.chain_id and s.id = r.store_id
    where r.chain_id = ${chainId} and ${where}
    order by r.created_at desc, r.no desc
    limit 200`);
  await showDraftAllocated(db, chainId, rows);
  const overdueBefore = now.getTime() - OVERDUE_AFTER_HOURS * 3_600_000;
  return rows.map((r) => ({
    id: r.id, no: r.no, storeId: r.store_id, storeCode: r.store_code, warehouseId: r.warehouse_id, kind: r.kind, status: r.status, note: r.note, createdAt: r.created_at,
    overdue: (r.status === 'asked' || r.status === 'allocated') && Date.parse(r.created_at) < overdueBefore,
    lines: r.lines ?? [],
  }));
}

/**
 * A requisition in a draft allocation is given nothing on its lines until the draft ships: what
 * the draft gives it (a store left out included, once a manager gives it some) is worked out
 * here, spread over its store's requisitions as shipping will.
 */
async function showDraftAllocated(db: Db, chainId: string, rows: RequisitionRow[]): Promise<void> {
  const inDraft = rows.filter((r) => r.status === 'allocated' || r.status === 'asked');
  if (inDraft.length === 0) return;
  const drafts = await db.select().from(allocations)
    .where(and(eq(allocations.chainId, chainId), eq(allocations.status, 'draft'), sql`${allocations.requisitionIds} && ${uuidArray(inDraft.map((r) => r.id))}::uuid[]`));
  for (const head of drafts) {
    const served = inDraft.filter((r) => head.requisitionIds.includes(r.id));
    const only = { storeIds: [...new Set(served.map((r) => r.store_id))], productIds: [...new Set(served.flatMap((r) => (r.lines ?? []).map((l) => l.productId)))] };
    const parts = spreadOverLines(await askedLines(db, chainId, head.requisitionIds, only), await draftQuantities(db, chainId, head, only));
    const given = new Map(parts.map((p) => [`${p.requisition_id}|${p.product_id}`, p.quantity]));
    for (const r of served) for (const l of r.lines ?? []) l.allocated = given.get(`${r.id}|${l.productId}`) ?? 0;
  }
}

/** The caller's stores' requisitions, newest first (at most 200), with those waiting too long flagged. */
export async function listRequisitions(deps: Deps, principal: Principal, q: { storeId?: string | undefined; warehouseId?: string | undefined; status?: Requisition['status'] | undefined }): Promise<RequisitionList> {
  const visible = (await storesInScope(deps.db, principal)).map((s) => s.id);
  if (q.storeId && !visible.includes(q.storeId)) throw new AppError('NOT_FOUND', 'no such store');
  const storeIds = q.storeId ? [q.storeId] : visible;
  if (storeIds.length === 0) return { items: [], overdueAfterHours: OVERDUE_AFTER_HOURS };
  const where = sql.join([
    sql`r.store_id = any(${uuidArray(storeIds)}::uuid[])`,
    ...(q.warehouseId ? [sql`r.warehouse_id = ${q.warehouseId}`] : []),
    ...(q.status ? [sql`r.status = ${q.status}`] : []),
  ], sql` and `);
  return { items: await loadRequisitions(deps.db, principal.chainId, where, deps.clock()), overdueAfterHours: OVERDUE_AFTER_HOURS };
}

/** Cancels a requisition not yet allocated (its store's people, or HQ). */
export async function cancelRequisition(deps: Deps, principal: Principal, id: string): Promise<Requisition> {
  const office = officePrincipal(principal);
  const [found] = await deps.db.select({ storeId: requisitions.storeId }).from(requisitions).where(and(eq(requisitions.chainId, office.chainId), eq(requisitions.id, id)));
  if (!found) throw new AppError('NOT_FOUND', 'no such requisition');
  await storeInScope(deps.db, office, found.storeId);
  const changed = await deps.db.update(requisitions).set({ status: 'cancelled', updatedAt: deps.clock() })
    .where(and(eq(requisitions.chainId, office.chainId), eq(requisitions.id, id), eq(requisitions.status, 'asked'))).returning({ id: requisitions.id });
  if (changed.length === 0) throw new AppError('CONFLICT', 'only a requisition still asked may be cancelled');
  return (await loadRequisitions(deps.db, office.chainId, sql`r.id = ${id}`, deps.clock()))[0]!;
}

/**
 * Moves a shipped run's requisitions on: to `shipped` those it sent something, back to `asked`
 * those it sent nothing, so the next run serves them again.
 */
async function settleShipped(tx: Tx, chainId: string, requisitionIds: readonly string[], at: Date): Promise<void> {
  await tx.execute(sql`
    update requisitions r
       set status = (case when exists (select 1 from requisition_lines l where l.chain_id = r.chain_id and l.requisition_id = r.id and l.shipped > 0)
                          then 'shipped' else 'asked' end)::requisition_status,
           updated_at = ${at.toISOString()}::timestamptz
     where r.chain_id = ${chainId} and r.id = any(${uuidArray(requisitionIds)}::uuid[]) and r.status in ('asked', 'allocated')`);
}

/** A store's quantity of a product, to be spread over its requisitions' lines. */
export interface StoreQuantity {
  storeId: string;
  productId: string;
  quantity: number;
}

interface AskedLine {
  requisition_id: string;
  store_id: string;
  product_id: string;
  asked: number;
}

/**
 * Each requisition line's part of stores' quantities of products: a store's lines of a product
 * filled oldest requisition first, up to what each asked; what is left over (a pack rounded up,
 * goods over) goes to the newest. `lines` come oldest first.
 */
function spreadOverLines(lines: readonly AskedLine[], quantities: readonly StoreQuantity[]) {
  const byKey = new Map<string, AskedLine[]>();
  for (const l of lines) {
    const key = `${l.store_id}|${l.product_id}`;
    const ofKey = byKey.get(key);
    if (ofKey) ofKey.push(l);
    else byKey.set(key, [l]);
  }
  const parts: { requisition_id: string; product_id: string; quantity: number }[] = [];
  for (const q of quantities) {
    const ofKey = byKey.get(`${q.storeId}|${q.productId}`) ?? [];
    let left = q.quantity;
    for (const [i, line] of ofKey.entries()) {
      const part = i === ofKey.length - 1 ? left : Math.min(left, line.asked);
      left -= part;
      parts.push({ requisition_id: line.requisition_id, product_id: line.product_id, quantity: part });
    }
  }
  return parts;
}

/** The lines of these requisitions, oldest requisition first, of the given stores and products only when they are named. */
async function askedLines(db: Db, chainId: string, requisitionIds: readonly string[], only?: { storeIds: readonly string[]; productIds: readonly string[] }): Promise<AskedLine[]> {
  return query<AskedLine>(db, sql`
    select l.requisition_id, r.store_id, l.product_id, l.asked
    from requisition_lines l join requisitions r on r.chain_id = l.chain_id and r.id = l.requisition_id
    where l.chain_id = ${chainId} and l.requisition_id = any(${uuidArray(requisitionIds)}::uuid[])
      ${only ? sql`and r.store_id = any(${uuidArray(only.storeIds)}::uuid[]) and l.product_id = any(${uuidArray(only.productIds)}::uuid[])` : sql``}
    order by r.store_id, l.product_id, r.created_at, r.no`);
}

/**
 * Sets the requisition lines' `columns` (allocated, shipped or received) from stores' quantities
 * of products, spread by `spreadOverLines`. One read and one write, however many lines.
 */
async function spreadOverRequisitions(tx: Tx, chainId: string, requisitionIds: readonly string[], quantities: readonly StoreQuantity[], columns: readonly ('allocated' | 'shipped' | 'received')[]): Promise<void> {
  if (quantities.length === 0 || requisitionIds.length === 0) return;
  const parts = spreadOverLines(await askedLines(tx, chainId, requisitionIds), quantities);
  if (parts.length === 0) return;
  await tx.execute(sql`
    update requisition_lines l set ${sql.join(columns.map((c) => sql`${sql.raw(c)} = x.quantity`), sql`, `)}
    from json_to_recordset(${JSON.stringify(parts)}::json) as x(requisition_id uuid, product_id uuid, quantity int)
    where l.chain_id = ${chainId} and l.requisition_id = x.requisition_id and l.product_id = x.product_id`);
}

/**
 * What the draft sends each store of each product, more than none: the kept quantities where the
 * rules weighed the product or a manager changed it, else what the store asked, in whole packs;
 * of some stores and products only, when they are named.
 */
export async function draftQuantities(tx: Tx, chainId: string, head: AllocationHead, only?: { storeIds: readonly string[]; productIds: readonly string[] }) {
  const ofProducts = only ? sql`and ap.product_id = any(${uuidArray(only.productIds)}::uuid[])` : sql``;
  const ofStores = (column: SQL) => (only ? sql`and ${column} = any(${uuidArray(only.storeIds)}::uuid[])` : sql``);
  return query<StoreQuantity>(tx, sql`
    select s.store_id as "storeId", ap.product_id as "productId", q.quantity
    from allocation_products ap
    cross join lateral unnest(ap.stores, coalesce(ap.quantity, ap.proposed)) as q(place, quantity)
    join unnest(${uuidArray(head.storeIds)}::uuid[]) with ordinality as s(store_id, place) on s.place = q.place + 1
    where ap.chain_id = ${chainId} and ap.allocation_id = ${head.id} and ap.stores is not null and q.quantity > 0 ${ofProducts} ${ofStores(sql`s.store_id`)}
    union all
    select r.store_id, rl.product_id, ((sum(rl.asked) + ap.pack_size - 1) / ap.pack_size * ap.pack_size)::int
    from allocation_products ap
    join requisition_lines rl on rl.chain_id = ap.chain_id and rl.product_id = ap.product_id and rl.requisition_id = any(${uuidArray(head.requisitionIds)}::uuid[])
    join requisitions r on r.chain_id = rl.chain_id and r.id = rl.requisition_id
    where ap.chain_id = ${chainId} and ap.allocation_id = ${head.id} and ap.stores is null ${ofProducts} ${ofStores(sql`r.store_id`)}
    group by r.store_id, rl.product_id, ap.pack_size`);
}

/**
 * Ships an allocation's quantities (its draft locked by the caller): a shipment per store, the
 * goods leaving the warehouse's stock (`shipment_out`) and on their way to each store (its
 * `in_transit`), the requisition lines given what was allocated and shipped. Refused, with nothing
 * written, when the warehouse no longer holds it all.
 */
export async function shipAllocationLines(deps: Deps, tx: Tx, office: OfficePrincipal, head: AllocationHead, lines: readonly StoreQuantity[]): Promise<void> {
  const chainId = office.chainId;
  const at = deps.clock();
  const perProduct = new Map<string, number>();
  for (const l of lines) perProduct.set(l.productId, (perProduct.get(l.productId) ?? 0) + l.quantity);
  const held = new Map((await query<{ product_id: string; quantity: string }>(tx, sql`
    select product_id, quantity::text from stock_levels
    where chain_id = ${chainId} and store_id = ${head.warehouseId} and product_id = any(${uuidArray([...perProduct.keys()])}::uuid[])
    order by product_id for update`)).map((h) => [h.product_id, Number(h.quantity)]));
  const short = [...perProduct].filter(([productId, q]) => (held.get(productId) ?? 0) < q).map(([productId]) => productId);
  if (short.length) throw new AppError('CONFLICT', 'the warehouse no longer holds all this allocation sends', { productIds: short });
  const prices = await transferPrices(tx, chainId, lines, at);

  const byStore = new Map<string, StoreQuantity[]>();
  for (const l of lines) {
    const ofStore = byStore.get(l.storeId);
    if (ofStore) ofStore.push(l);
    else byStore.set(l.storeId, [l]);
  }
  for (const [storeId, storeLines] of [...byStore].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shipmentId = newId(deps.clock);
    await tx.insert(shipments).values({ chainId, id: shipmentId, no: await nextNo(tx, chainId, 'S'), warehouseId: head.warehouseId, storeId, allocationId: head.id, status: 'in_transit', shippedAt: at, shippedBy: office.userId });
    await tx.insert(shipmentLines).values(storeLines.map((l) => ({ chainId, shipmentId, productId: l.productId, shipped: l.quantity, unitPriceMinor: prices.get(storeId)?.get(l.productId) ?? null })));
    await moveStock(tx, chainId, storeLines.map((l) => ({ placeId: head.warehouseId, productId: l.productId, delta: -l.quantity, inTransit: 0 })), 'shipment_out', shipmentId, at, deps);
    await moveStock(tx, chainId, storeLines.map((l) => ({ placeId: storeId, productId: l.productId, delta: 0, inTransit: l.quantity })), null, shipmentId, at, deps);
  }
  await spreadOverRequisitions(tx, chainId, head.requisitionIds, lines, ['allocated', 'shipped']);
  await settleShipped(tx, chainId, head.requisitionIds, at);
  // Requisitions it sends nothing for wait for the next run, which serves them: they are no longer this allocation's.
  await tx.execute(sql`
    update allocations a set status = 'shipped', shipped_at = ${at.toISOString()}::timestamptz,
           requisition_ids = array(select r.id from requisitions r where r.chain_id = a.chain_id and r.id = any(a.requisition_ids) and r.status = 'shipped' order by r.created_at, r.no)
    where a.chain_id = ${chainId} and a.id = ${head.id}`);
}

/**
 * What each franchisee's store pays a unit of what it is sent (配送价): the product's cost in force,
 * as for transfers between owners; HQ's own stores pay nothing. Refused, naming them, when a
 * product going to a franchisee's store has no cost, for then nothing could be billed for it.
 */
async function transferPrices(tx: Tx, chainId: string, lines: readonly { storeId: string; productId: string }[], at: Date): Promise<Map<string, Map<string, number>>> {
  const storeIds = [...new Set(lines.map((l) => l.storeId))];
  if (storeIds.length === 0) return new Map();
  const franchised = new Set((await tx.select({ id: stores.id }).from(stores)
    .where(and(eq(stores.chainId, chainId), inArray(stores.id, storeIds), isNotNull(stores.franchiseeId)))).map((s) => s.id));
  const sold = lines.filter((l) => franchised.has(l.storeId));
  const costs = await productCostsAt(tx, chainId, [...new Set(sold.map((l) => l.productId))], at);
  const unpriced = [...new Set(sold.filter((l) => !costs.has(l.productId)).map((l) => l.productId))];
  if (unpriced.length) throw new AppError('CONFLICT', 'goods sent to a franchisee’s store are sold at their cost, and these products have none: enter their cost first', { productIds: unpriced });
  const prices = new Map<string, Map<string, number>>();
  for (const l of sold) prices.set(l.storeId, (prices.get(l.storeId) ?? new Map()).set(l.productId, costs.get(l.productId)!));
  return prices;
}

async function loadShipments(db: Db, chainId: string, where: SQL): Promise<Shipment[]> {
  const rows = await query<{
    id: string; no: string; warehouse_id: string; store_id: string; store_code: string; allocation_id: string | null; status: Shipment['status']; shipped_at: string; received_at: string | null;
    lines: Shipment['lines'] | null;
  }>(db, sql`
    select sh.id, sh.no, sh.warehouse_id, sh.store_id, s.code as store_code, sh.allocation_id, sh.status,
           to_char(sh.shipped_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as shipped_at,
           to_char(sh.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as received_at,
           (select json_agg(json_build_object('productId', l.product_id, 'sku', p.sku, 'nameZh', p.name_zh, 'nameEn', p.name_en, 'shipped', l.shipped,
                                              'received', l.received, 'difference', l.received - l.shipped, 'unitPriceMinor', l.unit_price_minor) order by p.sku)
              from shipment_lines l join products p on p.chain_id = l.chain_id and p.id = l.product_id
             where l.chain_id = sh.chain_id and l.shipment_id = sh.id) as lines
    from shipments sh join stores s on s.chain_id = sh.chain_id and s.id = sh.store_id
    where sh.chain_id = ${chainId} and ${where}
    order by sh.shipped_at desc, sh.no desc
    limit 200`);
  return rows.map((r) => {
    const lines = r.lines ?? [];
    const sold = lines.some((l) => l.unitPriceMinor !== null);
    return {
      id: r.id, no: r.no, warehouseId: r.warehouse_id, storeId: r.store_id, storeCode: r.store_code, allocationId: r.allocation_id, status: r.status,
      shippedAt: r.shipped_at, receivedAt: r.received_at,
      valueMinor: sold ? lines.reduce((sum, l) => sum + (l.received ?? l.shipped) * (l.unitPriceMinor ?? 0), 0) : null,
      lines,
    };
  });
}

export async function listShipments(deps: Deps, principal: Principal, q: { storeId?: string | undefined; status?: Shipment['status'] | undefined }): Promise<Shipment[]> {
  const visible = (await storesInScope(deps.db, principal)).map((s) => s.id);
  if (q.storeId && !visible.includes(q.storeId)) throw new AppError('NOT_FOUND', 'no such store');
  const storeIds = q.storeId ? [q.storeId] : visible;
  if (storeIds.length === 0) return [];
  return loadShipments(deps.db, principal.chainId, sql.join([
    sql`sh.store_id = any(${uuidArray(storeIds)}::uuid[])`, ...(q.status ? [sql`sh.status = ${q.status}`] : []),
  ], sql` and `));
}

/**
 * The store records what arrived of a shipment (its people, or HQ): every product of it counted
 * once. What arrived joins the store's stock (`shipment_in`), the whole shipment leaves its stock
 * on the way, and short or over shows as the difference on each line. Received once only.
 */
export async function receiveShipment(deps: Deps, principal: Principal, id: string, body: ReceiveBody): Promise<Shipment> {
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  const at = deps.clock();
  const [found] = await deps.db.select({ storeId: shipments.storeId }).from(shipments).where(and(eq(shipments.chainId, chainId), eq(shipments.id, id)));
  if (!found) throw new AppError('NOT_FOUND', 'no such shipment');
  await storeInScope(deps.db, office, found.storeId);
  await retryTransient(() => deps.db.transaction(async (tx) => {
    const [head] = await tx.select().from(shipments).where(and(eq(shipments.chainId, chainId), eq(shipments.id, id))).for('update');
    if (head!.status !== 'in_transit') throw new AppError('CONFLICT', 'this shipment was received already');
    const lines = await tx.select().from(shipmentLines).where(and(eq(shipmentLines.chainId, chainId), eq(shipmentLines.shipmentId, id)));
    const counted = new Map(body.lines.map((l) => [l.productId, l.received]));
    const missing = lines.filter((l) => !counted.has(l.productId)).map((l) => l.productId);
    const extra = body.lines.filter((l) => !lines.some((s) => s.productId === l.productId)).map((l) => l.productId);
    if (missing.length || extra.length) throw new AppError('VALIDATION_FAILED', 'count every product of the shipment once, and no other', { missing, extra });
    for (const l of lines) {
      await tx.update(shipmentLines).set({ received: counted.get(l.productId)! })
        .where(and(eq(shipmentLines.chainId, chainId), eq(shipmentLines.shipmentId, id), eq(shipmentLines.productId, l.productId)));
    }
    await moveStock(tx, chainId, lines.map((l) => ({ placeId: head!.storeId, productId: l.productId, delta: counted.get(l.productId)!, inTransit: -l.shipped })), 'shipment_in', id, at, deps);
    await tx.update(shipments).set({ status: 'received', receivedAt: at, receivedBy: office.userId }).where(and(eq(shipments.chainId, chainId), eq(shipments.id, id)));
    if (head!.allocationId) {
      const [allocation] = await tx.select({ requisitionIds: allocations.requisitionIds }).from(allocations).where(and(eq(allocations.chainId, chainId), eq(allocations.id, head!.allocationId)));
      await spreadOverRequisitions(tx, chainId, allocation!.requisitionIds, lines.map((l) => ({ storeId: head!.storeId, productId: l.productId, quantity: counted.get(l.productId)! })), ['received']);
      await tx.execute(sql`
        update requisitions r set status = 'received', updated_at = ${at.toISOString()}::timestamptz
        where r.chain_id = ${chainId} and r.id = any(${uuidArray(allocation!.requisitionIds)}::uuid[]) and r.store_id = ${head!.storeId} and r.status = 'shipped'`);
    }
  }));
  return (await loadShipments(deps.db, chainId, sql`sh.id = ${id}`))[0]!;
}

/** A place's stock (one of the caller's stores, or for HQ also a warehouse), of one product or all it holds. */
export async function stockLevelsAt(deps: Deps, principal: Principal, placeId: string, productId: string | undefined) {
  const chainId = principal.chainId;
  const [warehouse] = await deps.db.select({ code: warehouses.code }).from(warehouses).where(and(eq(warehouses.chainId, chainId), eq(warehouses.id, placeId)));
  let code: string;
  if (warehouse) {
    refuseUnlessHq(principal, 'read a warehouse’s stock');
    code = warehouse.code;
  } else code = (await storeInScope(deps.db, principal, placeId)).code;
  const rows = await deps.db.select({
    productId: stockLevels.productId, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, quantity: stockLevels.quantity, inTransit: stockLevels.inTransit,
  }).from(stockLevels)
    .innerJoin(products, and(eq(products.chainId, stockLevels.chainId), eq(products.id, stockLevels.productId)))
    .where(and(eq(stockLevels.chainId, chainId), eq(stockLevels.storeId, placeId), ...(productId ? [eq(stockLevels.productId, productId)] : [])))
    .orderBy(products.sku).limit(5000);
  return rows.map((r) => ({ placeId, placeCode: code, ...r }));
}

/** At the till: this store's stock of a product, and what each other open store of the chain holds of it (库存查询). */
export async function tillStockLookup(deps: Deps, principal: Principal, productId: string) {
  if (principal.kind !== 'device') throw new AppError('FORBIDDEN', 'this endpoint is for tills');
  const chainId = principal.chainId;
  const [product] = await deps.db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), eq(products.id, productId)));
  if (!product) throw new AppError('NOT_FOUND', 'no such product');
  const rows = await deps.db.select({ storeId: stores.id, storeCode: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn, quantity: stockLevels.quantity, inTransit: stockLevels.inTransit })
    .from(stockLevels).innerJoin(stores, and(eq(stores.chainId, stockLevels.chainId), eq(stores.id, stockLevels.storeId)))
    .where(and(eq(stockLevels.chainId, chainId), eq(stockLevels.productId, productId), eq(stores.active, true)))
    .orderBy(desc(stockLevels.quantity), stores.code);
  const here = rows.find((r) => r.storeId === principal.storeId);
  return {
    productId,
    here: { quantity: here?.quantity ?? 0, inTransit: here?.inTransit ?? 0 },
    siblings: rows.filter((r) => r.storeId !== principal.storeId).slice(0, 50).map(({ storeId, storeCode, nameZh, nameEn, quantity }) => ({ storeId, storeCode, nameZh, nameEn, quantity })),
  };
}

