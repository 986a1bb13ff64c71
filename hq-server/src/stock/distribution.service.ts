import {
  allocateProduct, checkAdjustedAllocation,
  type Allocation, type AllocationAdjustBody, type AllocationClaim, type AllocationWhy, type StoreAllocation, type AllocationSummary, type ReceiveBody, type Requisition, type RequisitionBody, type RequisitionList, type Shipment,
} from '@pos/shared';
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { storeInScope, storesInScope } from '../http/scope';
import { newId } from '../ids';
import { products } from '../catalog/catalog.tables';
import { stores } from '../org/org.tables';
import { allocationLines, allocations, requisitionLines, requisitions, shipmentLines, shipments } from './distribution.tables';
import { nextNo } from './document-numbers';
import { moveStock } from './stock-ledger';
import { productCostsAt } from './stock-value';
import { stockLevels, warehouses } from './stock.tables';

/** A requisition asked (or allocated) and not shipped for longer than this is flagged (未配送单据提醒). */
export const OVERDUE_AFTER_HOURS = 48;
/** The place in the queue of a store HQ has not placed: the middle of 1–9, so HQ can put a store ahead or behind. */
export const DEFAULT_PRIORITY = 5;

type Tx = Db;

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
  lines: { productId: string; sku: string; nameZh: string; nameEn: string; asked: number; allocated: number; shipped: number; received: number }[];
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
  const overdueBefore = now.getTime() - OVERDUE_AFTER_HOURS * 3_600_000;
  return rows.map((r) => ({
    id: r.id, no: r.no, storeId: r.store_id, storeCode: r.store_code, warehouseId: r.warehouse_id, kind: r.kind, status: r.status, note: r.note, createdAt: r.created_at,
    overdue: (r.status === 'asked' || r.status === 'allocated') && Date.parse(r.created_at) < overdueBefore,
    lines: r.lines ?? [],
  }));
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

/** What a warehouse holds of each product less what draft allocations already hold back for their stores. */
async function availableAt(tx: Tx, chainId: string, warehouseId: string, productIds: readonly string[], exceptAllocation: string | null): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await query<{ product_id: string; available: string }>(tx, sql`
    with wanted as (select unnest(${uuidArray(productIds)}::uuid[]) as product_id),
    held as (
      select l.product_id, sum(l.quantity) as quantity from allocation_lines l
      join allocations a on a.chain_id = l.chain_id and a.id = l.allocation_id
      where a.chain_id = ${chainId} and a.warehouse_id = ${warehouseId} and a.status = 'draft' ${exceptAllocation ? sql`and a.id <> ${exceptAllocation}` : sql``}
        and l.product_id = any(${uuidArray(productIds)}::uuid[])
      group by l.product_id
    )
    select w.product_id, (coalesce(s.quantity, 0) - coalesce(h.quantity, 0))::text as available
    from wanted w
    left join stock_levels s on s.chain_id = ${chainId} and s.store_id = ${warehouseId} and s.product_id = w.product_id
    left join held h on h.product_id = w.product_id`);
  return new Map(rows.map((r) => [r.product_id, Math.max(0, Number(r.available))]));
}

/**
 * Moves a run's requisitions on: to `allocated` (or `shipped`) those the allocation gives
 * something, back to `asked` those it gives nothing, so the next run serves them again.
 */
async function settleStatuses(tx: Tx, chainId: string, requisitionIds: readonly string[], to: 'allocated' | 'shipped', at: Date): Promise<void> {
  const column = to === 'allocated' ? sql`l.allocated` : sql`l.shipped`;
  await tx.execute(sql`
    update requisitions r
       set status = (case when exists (select 1 from requisition_lines l where l.chain_id = r.chain_id and l.requisition_id = r.id and ${column} > 0)
                          then ${to} else 'asked' end)::requisition_status,
           updated_at = ${at.toISOString()}::timestamptz
     where r.chain_id = ${chainId} and r.id = any(${uuidArray(requisitionIds)}::uuid[]) and r.status in ('asked', 'allocated')`);
}

/** A store's quantity of a product, to be spread over its requisitions' lines. */
interface StoreQuantity {
  storeId: string;
  productId: string;
  quantity: number;
}

/**
 * Sets the requisition lines' `column` (allocated, shipped or received) from stores' quantities
 * of products: each filled line by line, oldest requisition first, up to what each asked; what is
 * left over (a pack rounded up, goods over) goes to the newest. One read and one write, however
 * many lines.
 */
async function spreadOverRequisitions(tx: Tx, chainId: string, requisitionIds: readonly string[], quantities: readonly StoreQuantity[], column: 'allocated' | 'shipped' | 'received'): Promise<void> {
  if (quantities.length === 0 || requisitionIds.length === 0) return;
  const lines = await query<{ requisition_id: string; store_id: string; product_id: string; asked: number }>(tx, sql`
    select l.requisition_id, r.store_id, l.product_id, l.asked
    from requisition_lines l join requisitions r on r.chain_id = l.chain_id and r.id = l.requisition_id
    where l.chain_id = ${chainId} and l.requisition_id = any(${uuidArray(requisitionIds)}::uuid[])
    order by r.store_id, l.product_id, r.created_at, r.no`);
  const byKey = new Map<string, typeof lines>();
  for (const l of lines) {
    const key = `${l.store_id}|${l.product_id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), l]);
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
  if (parts.length === 0) return;
  await tx.execute(sql`
    update requisition_lines l set ${sql.raw(column)} = x.quantity
    from json_to_recordset(${JSON.stringify(parts)}::json) as x(requisition_id uuid, product_id uuid, quantity int)
    where l.chain_id = ${chainId} and l.requisition_id = x.requisition_id and l.product_id = x.product_id`);
}

/**
 * Each product's claims on a run: every store's asks of it together, with the store's priority,
 * its stock on hand and on the way, and its ideal stock (理想库存: the most of its ideal-stock
 * replenishment rule, when it has one), which holds its need to the room below it. One row a
 * product, its claims in one text field, so millions of claims come back as thousands of rows.
 */
async function readClaims(tx: Tx, chainId: string, requisitionIds: readonly string[]): Promise<Map<string, { packSize: number; claims: AllocationClaim[] }>> {
  const rows = await query<{ product_id: string; pack_size: number; claims: string }>(tx, sql`
    select l.product_id, coalesce(pp.pack_size, 1) as pack_size,
           string_agg(concat_ws(' ', l.store_id, l.asked, coalesce(ss.allocation_priority, ${DEFAULT_PRIORITY}), coalesce(sl.quantity, 0), coalesce(sl.in_transit, 0),
                                coalesce(sr.max_quantity::text, '-')), ',') as claims
    from (select r.store_id, rl.product_id, sum(rl.asked)::int as asked
            from requisitions r join requisition_lines rl on rl.chain_id = r.chain_id and rl.requisition_id = r.id
           where r.chain_id = ${chainId} and r.id = any(${uuidArray(requisitionIds)}::uuid[])
           group by r.store_id, rl.product_id) l
    left join store_stock_settings ss on ss.chain_id = ${chainId} and ss.store_id = l.store_id
    left join stock_levels sl on sl.chain_id = ${chainId} and sl.store_id = l.store_id and sl.product_id = l.product_id
    left join product_packs pp on pp.chain_id = ${chainId} and pp.product_id = l.product_id
    left join store_replenishment sr on sr.chain_id = ${chainId} and sr.store_id = l.store_id and sr.product_id = l.product_id and sr.policy = 'ideal'
    group by l.product_id, pp.pack_size`);
  return new Map(rows.map((r) => [r.product_id, {
    packSize: r.pack_size,
    claims: r.claims.split(',').map((claim): AllocationClaim => {
      const [storeId, asked, priority, onHand, inTransit, ideal] = claim.split(' ');
      return { storeId: storeId!, priority: Number(priority), asked: Number(asked), ideal: ideal === '-' ? null : Number(ideal), onHand: Number(onHand), inTransit: Number(inTransit) };
    }),
  }]));
}

/** A store's proposal of a product and its why, flat: the database builds the why's document from the columns, many times faster than it reads one nested in each row. */
interface ProposedLine {
  store_id: string;
  product_id: string;
  pack_size: number;
  quantity: number;
  priority: number;
  asked: number | null;
  ideal: number | null;
  on_hand: number;
  in_transit: number;
  need: number;
  max_packs: number;
  outcome: AllocationWhy['outcome'];
  share_units: number | null;
}

const proposedLine = (productId: string, packSize: number, s: StoreAllocation): ProposedLine => ({
  store_id: s.storeId, product_id: productId, pack_size: packSize, quantity: s.quantity,
  priority: s.why.priority, asked: s.why.asked, ideal: s.why.ideal, on_hand: s.why.onHand, in_transit: s.why.inTransit,
  need: s.why.need, max_packs: s.why.maxPacks, outcome: s.why.outcome, share_units: s.why.shareUnits,
});

/** Rows sent in one statement: a run writes millions, and a statement of a thousand rows costs a round trip and its parameters' parsing each. */
const PROPOSED_LINES_PER_STATEMENT = 20_000;

/** Writes proposals (what ships starts as what the rules proposed), sent as one JSON document. */
async function insertProposedLines(tx: Tx, chainId: string, allocationId: string, rows: readonly ProposedLine[]): Promise<void> {
  await tx.execute(sql`
    insert into allocation_lines (chain_id, allocation_id, store_id, product_id, pack_size, proposed, quantity, why)
    select ${chainId}, ${allocationId}, x.store_id, x.product_id, x.pack_size, x.quantity, x.quantity,
           jsonb_build_object('priority', x.priority, 'asked', x.asked, 'ideal', x.ideal, 'onHand', x.on_hand, 'inTransit', x.in_transit,
                              'need', x.need, 'maxPacks', x.max_packs, 'outcome', x.outcome, 'shareUnits', x.share_units)
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(store_id uuid, product_id uuid, pack_size int, quantity int, priority int, asked int, ideal int,
                                                          on_hand bigint, in_transit bigint, need int, max_packs int, outcome text, share_units numeric)`);
}

/**
 * `spreadOverRequisitions` for a fresh run, in the database: the allocation's lines are the
 * quantities, so none cross the wire. Each line's part is what is left of its store's quantity
 * after the lines before it (oldest requisition first) up to what it asked; the newest takes
 * whatever is left.
 */
async function spreadAllocationOverRequisitions(tx: Tx, chainId: string, allocationId: string, requisitionIds: readonly string[]): Promise<void> {
  await tx.execute(sql`
    update requisition_lines l set allocated = x.quantity
    from (
      select rl.requisition_id, rl.product_id,
             case when row_number() over queue = count(*) over store_product then greatest(a.quantity - coalesce(sum(rl.asked) over before, 0), 0)
                  else least(greatest(a.quantity - coalesce(sum(rl.asked) over before, 0), 0), rl.asked) end as quantity
      from requisition_lines rl
      join requisitions r on r.chain_id = rl.chain_id and r.id = rl.requisition_id
      join allocation_lines a on a.chain_id = rl.chain_id and a.allocation_id = ${allocationId} and a.store_id = r.store_id and a.product_id = rl.product_id and a.quantity > 0
      where rl.chain_id = ${chainId} and rl.requisition_id = any(${uuidArray(requisitionIds)}::uuid[])
      window store_product as (partition by r.store_id, rl.product_id),
             queue as (store_product order by r.created_at, r.no),
             before as (queue rows between unbounded preceding and 1 preceding)
    ) x
    where l.chain_id = ${chainId} and l.requisition_id = x.requisition_id and l.product_id = x.product_id`);
}

/**
 * Allocates a warehouse's stock over its open requisitions (HQ only): each store's asks of a
 * product together are its claim, with its priority, stock on hand and on the way; each product
 * is shared by `allocateProduct` out of what the warehouse holds less what other drafts hold back.
 * The draft keeps every store's proposal and why; requisitions that got something are allocated,
 * the others stay asked for the next run. One run at a time per warehouse.
 */
export async function runAllocation(deps: Deps, principal: Principal, warehouseId: string): Promise<Allocation> {
  refuseUnlessHq(principal, 'allocate stock');
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  await warehouseOf(deps.db, chainId, warehouseId);
  const id = newId(deps.clock);
  await deps.db.transaction(async (tx) => {
    await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.chainId, chainId), eq(warehouses.id, warehouseId))).for('update');
    const [draft] = await tx.select({ no: allocations.no }).from(allocations)
      .where(and(eq(allocations.chainId, chainId), eq(allocations.warehouseId, warehouseId), eq(allocations.status, 'draft')));
    if (draft) throw new AppError('CONFLICT', `allocation ${draft.no} of this warehouse is still a draft: ship or cancel it first`, { no: draft.no });
    const open = await tx.select({ id: requisitions.id }).from(requisitions)
      .where(and(eq(requisitions.chainId, chainId), eq(requisitions.warehouseId, warehouseId), eq(requisitions.status, 'asked'))).orderBy(asc(requisitions.createdAt), asc(requisitions.no));
    if (open.length === 0) throw new AppError('CONFLICT', 'no requisition of this warehouse is waiting to be allocated');
    const requisitionIds = open.map((r) => r.id);
    const byProduct = await readClaims(tx, chainId, requisitionIds);
    const available = await availableAt(tx, chainId, warehouseId, [...byProduct.keys()], null);
    await tx.insert(allocations).values({ chainId, id, no: await nextNo(tx, chainId, 'A'), warehouseId, status: 'draft', requisitionIds, createdBy: office.userId, createdAt: deps.clock() });
    let rows: ProposedLine[] = [];
    for (const [productId, { packSize, claims: productClaims }] of byProduct) {
      const result = allocateProduct({ productId, available: available.get(productId) ?? 0, packSize, claims: productClaims });
      for (const s of result.stores) rows.push(proposedLine(productId, packSize, s));
      if (rows.length >= PROPOSED_LINES_PER_STATEMENT) {
        await insertProposedLines(tx, chainId, id, rows);
        rows = [];
      }
    }
    if (rows.length > 0) await insertProposedLines(tx, chainId, id, rows);
    await spreadAllocationOverRequisitions(tx, chainId, id, requisitionIds);
    await settleStatuses(tx, chainId, requisitionIds, 'allocated', deps.clock());
  });
  return loadAllocation(deps.db, chainId, id);
}

/** The chain's allocations, newest first, at most 100 (HQ only): each with how many stores and units it gives. */
export async function listAllocations(deps: Deps, principal: Principal, q: { warehouseId?: string | undefined; status?: Allocation['status'] | undefined }): Promise<AllocationSummary[]> {
  refuseUnlessHq(principal, 'read allocations');
  const chainId = principal.chainId;
  const rows = await deps.db.select({
    id: allocations.id, no: allocations.no, warehouseId: allocations.warehouseId, status: allocations.status, createdAt: allocations.createdAt, shippedAt: allocations.shippedAt,
    stores: sql<number>`(select count(distinct l.store_id)::int from allocation_lines l where l.chain_id = ${allocations.chainId} and l.allocation_id = ${allocations.id} and l.quantity > 0)`,
    units: sql<number>`(select coalesce(sum(l.quantity), 0)::int from allocation_lines l where l.chain_id = ${allocations.chainId} and l.allocation_id = ${allocations.id})`,
  }).from(allocations)
    .where(and(eq(allocations.chainId, chainId), ...(q.warehouseId ? [eq(allocations.warehouseId, q.warehouseId)] : []), ...(q.status ? [eq(allocations.status, q.status)] : [])))
    .orderBy(desc(allocations.createdAt), desc(allocations.no)).limit(100);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), shippedAt: r.shippedAt?.toISOString() ?? null }));
}

export async function loadAllocation(db: Db, chainId: string, id: string): Promise<Allocation> {
  const [head] = await db.select().from(allocations).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id)));
  if (!head) throw new AppError('NOT_FOUND', 'no such allocation');
  const lines = await db.select({
    storeId: allocationLines.storeId, storeCode: stores.code, productId: allocationLines.productId, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn,
    packSize: allocationLines.packSize, proposed: allocationLines.proposed, quantity: allocationLines.quantity, why: allocationLines.why,
  }).from(allocationLines)
    .innerJoin(stores, and(eq(stores.chainId, allocationLines.chainId), eq(stores.id, allocationLines.storeId)))
    .innerJoin(products, and(eq(products.chainId, allocationLines.chainId), eq(products.id, allocationLines.productId)))
    .where(and(eq(allocationLines.chainId, chainId), eq(allocationLines.allocationId, id)))
    .orderBy(products.sku, stores.code);
  const allocatedOf = new Map<string, number>();
  for (const l of lines) allocatedOf.set(l.productId, (allocatedOf.get(l.productId) ?? 0) + l.quantity);
  const held = head.status === 'draft' ? await availableAt(db, chainId, head.warehouseId, [...allocatedOf.keys()], id) : new Map<string, number>();
  const products_ = [...allocatedOf].map(([productId, allocated]) => ({ productId, available: head.status === 'draft' ? (held.get(productId) ?? 0) : allocated, allocated }));
  return {
    id: head.id, no: head.no, warehouseId: head.warehouseId, status: head.status, createdAt: head.createdAt.toISOString(), shippedAt: head.shippedAt?.toISOString() ?? null,
    products: products_, lines: lines.map((l) => ({ ...l, why: l.why as Allocation['lines'][number]['why'] })),
  };
}

/**
 * A manager changes what stores get before the allocation ships (HQ only): whole packs, stores
 * and products the draft already has, and per product no more than the warehouse holds less what
 * other drafts hold back. Nothing changes when anything is wrong.
 */
export async function adjustAllocation(deps: Deps, principal: Principal, id: string, body: AllocationAdjustBody): Promise<Allocation> {
  refuseUnlessHq(principal, 'change an allocation');
  const chainId = principal.chainId;
  await deps.db.transaction(async (tx) => {
    const [head] = await tx.select().from(allocations).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id))).for('update');
    if (!head) throw new AppError('NOT_FOUND', 'no such allocation');
    if (head.status !== 'draft') throw new AppError('CONFLICT', 'only a draft allocation may be changed');
    const lines = await tx.select().from(allocationLines).where(and(eq(allocationLines.chainId, chainId), eq(allocationLines.allocationId, id)));
    const key = (storeId: string, productId: string) => `${storeId}|${productId}`;
    const quantities = new Map(lines.map((l) => [key(l.storeId, l.productId), l.quantity]));
    const problems: { storeId: string | null; productId: string; code: string; message: string }[] = [];
    for (const l of body.lines) {
      if (!quantities.has(key(l.storeId, l.productId))) problems.push({ storeId: l.storeId, productId: l.productId, code: 'UNKNOWN_LINE', message: 'this allocation gives the store nothing of this product to change' });
      else quantities.set(key(l.storeId, l.productId), l.quantity);
    }
    const touched = [...new Set(body.lines.map((l) => l.productId))];
    const available = await availableAt(tx, chainId, head.warehouseId, touched, id);
    for (const productId of touched) {
      const ofProduct = lines.filter((l) => l.productId === productId);
      if (ofProduct.length === 0) continue;
      const asked = new Map(ofProduct.map((l) => [l.storeId, quantities.get(key(l.storeId, productId))!]));
      for (const p of checkAdjustedAllocation({ available: available.get(productId) ?? 0, packSize: ofProduct[0]!.packSize, storeIds: ofProduct.map((l) => l.storeId) }, asked)) problems.push({ ...p, productId });
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'the allocation cannot ship as changed', { problems });
    for (const l of body.lines) {
      await tx.update(allocationLines).set({ quantity: l.quantity })
        .where(and(eq(allocationLines.chainId, chainId), eq(allocationLines.allocationId, id), eq(allocationLines.storeId, l.storeId), eq(allocationLines.productId, l.productId)));
    }
    await spreadOverRequisitions(tx, chainId, head.requisitionIds, body.lines, 'allocated');
    await settleStatuses(tx, chainId, head.requisitionIds, 'allocated', deps.clock());
  });
  return loadAllocation(deps.db, chainId, id);
}

/**
 * Ships a draft allocation (HQ only): a shipment per store of what it gets, the goods leaving the
 * warehouse's stock (`shipment_out`) and on their way to each store (its `in_transit`), in one
 * transaction. Refused, with nothing written, when the warehouse no longer holds it all.
 */
export async function shipAllocation(deps: Deps, principal: Principal, id: string): Promise<Allocation> {
  refuseUnlessHq(principal, 'ship an allocation');
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    const [head] = await tx.select().from(allocations).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id))).for('update');
    if (!head) throw new AppError('NOT_FOUND', 'no such allocation');
    if (head.status !== 'draft') throw new AppError('CONFLICT', 'this allocation has shipped or was cancelled');
    const lines = (await tx.select().from(allocationLines).where(and(eq(allocationLines.chainId, chainId), eq(allocationLines.allocationId, id)))).filter((l) => l.quantity > 0);
    const perProduct = new Map<string, number>();
    for (const l of lines) perProduct.set(l.productId, (perProduct.get(l.productId) ?? 0) + l.quantity);
    const held = await query<{ product_id: string; quantity: string }>(tx, sql`
      select product_id, quantity::text from stock_levels
      where chain_id = ${chainId} and store_id = ${head.warehouseId} and product_id = any(${uuidArray([...perProduct.keys()])}::uuid[])
      order by product_id for update`);
    const short = [...perProduct].filter(([productId, q]) => Number(held.find((h) => h.product_id === productId)?.quantity ?? 0) < q).map(([productId]) => productId);
    if (short.length) throw new AppError('CONFLICT', 'the warehouse no longer holds all this allocation sends', { productIds: short });
    const prices = await transferPrices(tx, chainId, lines, at);

    const byStore = new Map<string, typeof lines>();
    for (const l of lines) byStore.set(l.storeId, [...(byStore.get(l.storeId) ?? []), l]);
    for (const [storeId, storeLines] of [...byStore].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const shipmentId = newId(deps.clock);
      await tx.insert(shipments).values({ chainId, id: shipmentId, no: await nextNo(tx, chainId, 'S'), warehouseId: head.warehouseId, storeId, allocationId: id, status: 'in_transit', shippedAt: at, shippedBy: office.userId });
      await tx.insert(shipmentLines).values(storeLines.map((l) => ({ chainId, shipmentId, productId: l.productId, shipped: l.quantity, unitPriceMinor: prices.get(storeId)?.get(l.productId) ?? null })));
      await moveStock(tx, chainId, storeLines.map((l) => ({ placeId: head.warehouseId, productId: l.productId, delta: -l.quantity, inTransit: 0 })), 'shipment_out', shipmentId, at, deps);
      await moveStock(tx, chainId, storeLines.map((l) => ({ placeId: storeId, productId: l.productId, delta: 0, inTransit: l.quantity })), null, shipmentId, at, deps);
      await spreadOverRequisitions(tx, chainId, head.requisitionIds, storeLines, 'shipped');
    }
    await settleStatuses(tx, chainId, head.requisitionIds, 'shipped', at);
    // Requisitions it sends nothing for wait for the next run, which serves them: they are no longer this allocation's.
    await tx.execute(sql`
      update allocations a set status = 'shipped', shipped_at = ${at.toISOString()}::timestamptz,
             requisition_ids = array(select r.id from requisitions r where r.chain_id = a.chain_id and r.id = any(a.requisition_ids) and r.status = 'shipped' order by r.created_at, r.no)
      where a.chain_id = ${chainId} and a.id = ${id}`);
  });
  return loadAllocation(deps.db, chainId, id);
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

/** Cancels a draft allocation (HQ only): its requisitions go back to asked, for the next run. */
export async function cancelAllocation(deps: Deps, principal: Principal, id: string): Promise<Allocation> {
  refuseUnlessHq(principal, 'cancel an allocation');
  const chainId = principal.chainId;
  await deps.db.transaction(async (tx) => {
    const [head] = await tx.select().from(allocations).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id))).for('update');
    if (!head) throw new AppError('NOT_FOUND', 'no such allocation');
    if (head.status !== 'draft') throw new AppError('CONFLICT', 'only a draft allocation may be cancelled');
    await tx.update(allocations).set({ status: 'cancelled' }).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id)));
    await tx.update(requisitionLines).set({ allocated: 0 }).where(and(eq(requisitionLines.chainId, chainId), inArray(requisitionLines.requisitionId, head.requisitionIds)));
    await settleStatuses(tx, chainId, head.requisitionIds, 'allocated', deps.clock());
  });
  return loadAllocation(deps.db, chainId, id);
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
  await deps.db.transaction(async (tx) => {
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
      await spreadOverRequisitions(tx, chainId, allocation!.requisitionIds, lines.map((l) => ({ storeId: head!.storeId, productId: l.productId, quantity: counted.get(l.productId)! })), 'received');
      await tx.execute(sql`
        update requisitions r set status = 'received', updated_at = ${at.toISOString()}::timestamptz
        where r.chain_id = ${chainId} and r.id = any(${uuidArray(allocation!.requisitionIds)}::uuid[]) and r.store_id = ${head!.storeId} and r.status = 'shipped'`);
    }
  });
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

