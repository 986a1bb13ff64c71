import {
  allocateProduct, allocationInFull, checkAdjustedAllocation, servesEveryAskInFull,
  type Allocation, type AllocationAdjustBody, type AllocationClaim, type AllocationLine, type AllocationPageQuery, type AllocationProduct, type AllocationSummary, type StoreAllocation,
} from '@pos/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import { retryTransient } from '../db/sql-state';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { newId } from '../ids';
import { allocations, requisitions } from './distribution.tables';
import { DEFAULT_PRIORITY, draftQuantities, refuseUnlessHq, shipAllocationLines, warehouseOf } from './distribution.service';
import { nextNo } from './document-numbers';
import { warehouses } from './stock.tables';

type Tx = Db;

/** The first page of products an allocation answers with when it is made or changed. */
const FIRST_PAGE: AllocationPageQuery = { offset: 0, limit: 20, short: undefined, q: undefined };

/** Products written in one statement: each row carries its stores' figures as arrays, and small statements let the database write while the rules weigh the next. */
const PRODUCTS_PER_STATEMENT = 250;

/** The stores a run serves, by id (a product's `stores` are places in this list), with their places in the queue. */
interface RunStores {
  ids: string[];
  priorities: number[];
}

/**
 * Each store's asks of each product together (of some products only, when they are named): a
 * requisition line each where every store has one requisition, else summed per store and product.
 */
const claimsOf = (chainId: string, requisitionIds: readonly string[], severalPerStore: boolean, productIds?: readonly string[]) => {
  const where = sql`r.chain_id = ${chainId} and r.id = any(${uuidArray(requisitionIds)}::uuid[]) ${productIds ? sql`and rl.product_id = any(${uuidArray(productIds)}::uuid[])` : sql``}`;
  const from = sql`requisitions r join requisition_lines rl on rl.chain_id = r.chain_id and rl.requisition_id = r.id`;
  return severalPerStore
    ? sql`(select r.store_id, rl.product_id, sum(rl.asked)::int as asked from ${from} where ${where} group by r.store_id, rl.product_id)`
    : sql`(select r.store_id, rl.product_id, rl.asked from ${from} where ${where})`;
};

/** Per product of a run: its pack, how many stores claim it, the packs their asks come to, and what the warehouse holds. */
async function readProductTotals(tx: Tx, chainId: string, warehouseId: string, claims: ReturnType<typeof claimsOf>) {
  const rows = await query<{ product_id: string; pack_size: number; claims: number; packs_asked: string; held: number }>(tx, sql`
    select t.product_id, t.pack_size, t.claims, t.packs_asked::text, least(greatest(coalesce(w.quantity, 0), 0), 2147483647)::int as held
    from (select c.product_id, coalesce(pp.pack_size, 1) as pack_size, count(*)::int as claims,
                 sum((c.asked + coalesce(pp.pack_size, 1) - 1) / coalesce(pp.pack_size, 1)) as packs_asked
            from ${claims} c left join product_packs pp on pp.chain_id = ${chainId} and pp.product_id = c.product_id
           group by c.product_id, pp.pack_size) t
    left join stock_levels w on w.chain_id = ${chainId} and w.store_id = ${warehouseId} and w.product_id = t.product_id`);
  return rows.map((r) => ({ productId: r.product_id, packSize: r.pack_size, claims: r.claims, packsAsked: Number(r.packs_asked), available: r.held }));
}

/** The products any of the run's stores keeps at an ideal stock: their needs depend on what the stores hold, so the rules weigh them. */
async function productsWithIdealStock(tx: Tx, chainId: string, storeIds: readonly string[]): Promise<Set<string>> {
  const rows = await query<{ product_id: string }>(tx, sql`
    select distinct product_id from store_replenishment
    where chain_id = ${chainId} and policy = 'ideal' and store_id = any(${uuidArray(storeIds)}::uuid[])`);
  return new Set(rows.map((r) => r.product_id));
}

/**
 * The claims on the products the rules weigh: per product, each store's asks together, its stock
 * on hand and on the way, and its ideal stock (the most of its ideal-stock rule), one text field
 * a product, so a million claims come back as a few thousand rows (read by `claimsIn`).
 */
async function readWeighedClaims(tx: Tx, claims: ReturnType<typeof claimsOf>, chainId: string): Promise<Map<string, string>> {
  const rows = await query<{ product_id: string; claims: string }>(tx, sql`
    select c.product_id, string_agg(concat_ws(' ', c.store_id, c.asked, coalesce(sl.quantity, 0), coalesce(sl.in_transit, 0), coalesce(sr.max_quantity::text, '-')), ',') as claims
    from ${claims} c
    left join stock_levels sl on sl.chain_id = ${chainId} and sl.store_id = c.store_id and sl.product_id = c.product_id
    left join store_replenishment sr on sr.chain_id = ${chainId} and sr.store_id = c.store_id and sr.product_id = c.product_id and sr.policy = 'ideal'
    group by c.product_id`);
  return new Map(rows.map((r) => [r.product_id, r.claims]));
}

/** A product's claims from `readWeighedClaims`' text, each store with its place in the queue. */
const claimsIn = (text: string, priorityOf: ReadonlyMap<string, number>) => text.split(',').map((claim): AllocationClaim => {
  const [storeId, asked, onHand, inTransit, ideal] = claim.split(' ');
  return { storeId: storeId!, priority: priorityOf.get(storeId!)!, asked: Number(asked), ideal: ideal === '-' ? null : Number(ideal), onHand: Number(onHand), inTransit: Number(inTransit) };
});

/** A product's row as written: its arrays as PostgreSQL array text, null where the rules did not weigh it. */
interface ProductRow {
  product_id: string;
  pack_size: number;
  available: number;
  allocated: number;
  short: boolean;
  claims: number;
  stores: string | null;
  asked: string | null;
  ideal: string | null;
  on_hand: string | null;
  in_transit: string | null;
  proposed: string | null;
}

const arrayText = (values: readonly (number | null)[]) => `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

async function insertProducts(tx: Tx, chainId: string, allocationId: string, rows: readonly ProductRow[]): Promise<void> {
  await tx.execute(sql`
    insert into allocation_products (chain_id, allocation_id, product_id, pack_size, available, allocated, short, claims, stores, asked, ideal, on_hand, in_transit, proposed)
    select ${chainId}, ${allocationId}, x.product_id, x.pack_size, x.available, x.allocated, x.short, x.claims,
           x.stores::int[], x.asked::int[], x.ideal::int[], x.on_hand::int[], x.in_transit::int[], x.proposed::int[]
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(product_id uuid, pack_size int, available int, allocated int, short boolean, claims int,
                                                          stores text, asked text, ideal text, on_hand text, in_transit text, proposed text)`);
}

/**
 * Allocates a warehouse's stock over its waiting requisitions (HQ only). A product whose stock
 * covers every ask, each rounded up to packs (`servesEveryAskInFull`), and that no store keeps at
 * an ideal stock goes to every store in full: one row, no claim read one by one. The others are
 * weighed by `allocateProduct`, each store's claim (its asks together, its priority, stock on hand
 * and on the way, ideal stock) kept beside the proposal so its why can be told again. The draft
 * holds every waiting requisition (a manager may give a store left out some); those of stores
 * that get something are allocated, the others stay asked, and are served by the next run unless
 * this one ships them something. One draft per warehouse at a time. Answers with the totals and
 * the first page of products.
 */
export async function runAllocation(deps: Deps, principal: Principal, warehouseId: string): Promise<Allocation> {
  refuseUnlessHq(principal, 'allocate stock');
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  await warehouseOf(deps.db, chainId, warehouseId);
  const id = newId(deps.clock);
  await deps.db.transaction(async (tx) => {
    // One statement reads millions of claims: room to hash them in memory, and no compiling for a query run once.
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local jit = off`);
    await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.chainId, chainId), eq(warehouses.id, warehouseId))).for('update');
    const [draft] = await tx.select({ no: allocations.no }).from(allocations)
      .where(and(eq(allocations.chainId, chainId), eq(allocations.warehouseId, warehouseId), eq(allocations.status, 'draft')));
    if (draft) throw new AppError('CONFLICT', `allocation ${draft.no} of this warehouse is still a draft: ship or cancel it first`, { no: draft.no });
    const open = await query<{ id: string; store_id: string; priority: number }>(tx, sql`
      select r.id, r.store_id, coalesce(ss.allocation_priority, ${DEFAULT_PRIORITY}) as priority
      from requisitions r left join store_stock_settings ss on ss.chain_id = r.chain_id and ss.store_id = r.store_id
      where r.chain_id = ${chainId} and r.warehouse_id = ${warehouseId} and r.status = 'asked'
      order by r.created_at, r.no`);
    if (open.length === 0) throw new AppError('CONFLICT', 'no requisition of this warehouse is waiting to be allocated');
    const requisitionIds = open.map((r) => r.id);
    const priorityOf = new Map(open.map((r) => [r.store_id, r.priority]));
    const storeIds = [...priorityOf.keys()].sort();
    const run: RunStores = { ids: storeIds, priorities: storeIds.map((s) => priorityOf.get(s)!) };
    const severalPerStore = priorityOf.size < open.length;

    const totals = await readProductTotals(tx, chainId, warehouseId, claimsOf(chainId, requisitionIds, severalPerStore));
    const withIdeal = await productsWithIdealStock(tx, chainId, storeIds);
    const weighed = totals.filter((p) => withIdeal.has(p.productId) || !servesEveryAskInFull(p.available, p.packSize, p.packsAsked));
    const claims = weighed.length ? await readWeighedClaims(tx, claimsOf(chainId, requisitionIds, severalPerStore, weighed.map((p) => p.productId)), chainId) : new Map<string, string>();
    const placeOf = new Map(storeIds.map((s, i) => [s, i]));

    // Asked while the rules weigh: a store gets something when it asked for a product served in full, or the rules gave it some.
    const servedInFull = query<{ store_id: string }>(tx, sql`
      select r.store_id from requisitions r
      where r.chain_id = ${chainId} and r.id = any(${uuidArray(requisitionIds)}::uuid[])
        and exists (select 1 from requisition_lines rl where rl.chain_id = r.chain_id and rl.requisition_id = r.id and not (rl.product_id = any(${uuidArray([...claims.keys()])}::uuid[])))`);
    servedInFull.catch(() => undefined);
    await tx.insert(allocations).values({
      chainId, id, no: await nextNo(tx, chainId, 'A'), warehouseId, status: 'draft', requisitionIds, storeIds: run.ids, storePriorities: run.priorities,
      createdBy: office.userId, createdAt: deps.clock(),
    });
    // Products go to the database a few hundred at a time while the rules weigh the next: the connection pipelines the statements.
    const writing: Promise<void>[] = [];
    let batch: ProductRow[] = [];
    const write = (row: ProductRow | null) => {
      if (row) batch.push(row);
      if (batch.length === 0 || (row && batch.length < PRODUCTS_PER_STATEMENT)) return;
      const written = insertProducts(tx, chainId, id, batch);
      written.catch(() => undefined);
      writing.push(written);
      batch = [];
    };
    for (const p of totals) {
      if (claims.has(p.productId)) continue;
      write({
        product_id: p.productId, pack_size: p.packSize, available: p.available, allocated: p.packsAsked * p.packSize, short: false, claims: p.claims,
        stores: null, asked: null, ideal: null, on_hand: null, in_transit: null, proposed: null,
      });
    }
    const served = new Set<string>();
    for (const p of weighed) {
      const result = allocateProduct({ productId: p.productId, available: p.available, packSize: p.packSize, claims: claimsIn(claims.get(p.productId)!, priorityOf) });
      const stores = result.stores;
      for (const s of stores) if (s.quantity > 0) served.add(s.storeId);
      write({
        product_id: p.productId, pack_size: p.packSize, available: p.available, allocated: result.allocated, short: stores.some((s) => s.packs < s.why.maxPacks), claims: stores.length,
        stores: arrayText(stores.map((s) => placeOf.get(s.storeId)!)), asked: arrayText(stores.map((s) => s.why.asked)), ideal: arrayText(stores.map((s) => s.why.ideal)),
        on_hand: arrayText(stores.map((s) => s.why.onHand)), in_transit: arrayText(stores.map((s) => s.why.inTransit)), proposed: arrayText(stores.map((s) => s.quantity)),
      });
    }
    write(null);
    for (const r of await servedInFull) served.add(r.store_id);
    await Promise.all(writing);
    const servedRequisitions = open.filter((r) => served.has(r.store_id)).map((r) => r.id);
    if (servedRequisitions.length) {
      await tx.update(requisitions).set({ status: 'allocated', updatedAt: deps.clock() })
        .where(and(eq(requisitions.chainId, chainId), sql`${requisitions.id} = any(${uuidArray(servedRequisitions)}::uuid[])`));
    }
  });
  return loadAllocation(deps.db, chainId, id, FIRST_PAGE);
}

/** The chain's allocations, newest first, at most 100 (HQ only): each with how many stores it serves and units it sends. */
export async function listAllocations(deps: Deps, principal: Principal, q: { warehouseId?: string | undefined; status?: Allocation['status'] | undefined }): Promise<AllocationSummary[]> {
  refuseUnlessHq(principal, 'read allocations');
  const chainId = principal.chainId;
  const rows = await deps.db.select({
    id: allocations.id, no: allocations.no, warehouseId: allocations.warehouseId, status: allocations.status, createdAt: allocations.createdAt, shippedAt: allocations.shippedAt,
    stores: sql<number>`(select count(distinct r.store_id)::int from requisitions r where r.chain_id = ${allocations.chainId} and r.id = any(${allocations.requisitionIds}))`,
    units: sql<number>`(select coalesce(sum(p.allocated), 0)::int from allocation_products p where p.chain_id = ${allocations.chainId} and p.allocation_id = ${allocations.id})`,
  }).from(allocations)
    .where(and(eq(allocations.chainId, chainId), ...(q.warehouseId ? [eq(allocations.warehouseId, q.warehouseId)] : []), ...(q.status ? [eq(allocations.status, q.status)] : [])))
    .orderBy(desc(allocations.createdAt), desc(allocations.no)).limit(100);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), shippedAt: r.shippedAt?.toISOString() ?? null }));
}

/** A product of an allocation as stored: its arrays null unless the rules weighed it or a manager changed it. */
interface StoredProduct {
  product_id: string;
  sku: string;
  name_zh: string;
  name_en: string;
  pack_size: number;
  available: number;
  allocated: number;
  short: boolean;
  stores: number[] | null;
  asked: number[] | null;
  /** As JSON: the driver reads a null in an integer array as NaN. */
  ideal: (number | null)[] | null;
  on_hand: number[] | null;
  in_transit: number[] | null;
  proposed: number[] | null;
  quantity: number[] | null;
}

type Head = typeof allocations.$inferSelect;

/** Each store's asks of these products in the allocation's requisitions, together: the claims of products served in full, read again. */
async function askedInFull(db: Db, chainId: string, head: Head, productIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const asked = new Map<string, Map<string, number>>();
  if (productIds.length === 0 || head.requisitionIds.length === 0) return asked;
  const rows = await query<{ product_id: string; store_id: string; asked: number }>(db, sql`
    select rl.product_id, r.store_id, sum(rl.asked)::int as asked
    from requisitions r join requisition_lines rl on rl.chain_id = r.chain_id and rl.requisition_id = r.id
    where r.chain_id = ${chainId} and r.id = any(${uuidArray(head.requisitionIds)}::uuid[]) and rl.product_id = any(${uuidArray(productIds)}::uuid[])
    group by rl.product_id, r.store_id`);
  for (const r of rows) asked.set(r.product_id, (asked.get(r.product_id) ?? new Map<string, number>()).set(r.store_id, r.asked));
  return asked;
}

/**
 * Every claiming store's allocation of a product, in the order of its kept arrays (else the run's
 * store order), with its why worked out again: by the rules from the kept figures when they
 * weighed it, else all it asked.
 */
function storeAllocations(head: Head, p: StoredProduct, askedOf: ReadonlyMap<string, number> | undefined): StoreAllocation[] {
  const priorityOf = (place: number) => head.storePriorities[place] ?? DEFAULT_PRIORITY;
  if (p.stores && p.on_hand && p.in_transit && p.ideal && p.asked) {
    const { stores, asked, ideal, on_hand: onHand, in_transit: inTransit } = p;
    const claims = stores.map((place, i): AllocationClaim => ({ storeId: head.storeIds[place]!, priority: priorityOf(place), asked: asked[i]!, ideal: ideal[i] ?? null, onHand: onHand[i]!, inTransit: inTransit[i]! }));
    const byStore = new Map(allocateProduct({ productId: p.product_id, available: p.available, packSize: p.pack_size, claims }).stores.map((s) => [s.storeId, s]));
    return claims.map((c) => byStore.get(c.storeId)!);
  }
  if (p.stores && p.asked) {
    const asked = p.asked;
    return p.stores.map((place, i) => allocationInFull({ storeId: head.storeIds[place]!, priority: priorityOf(place), asked: asked[i]! }, p.pack_size));
  }
  return head.storeIds.flatMap((storeId, place) => {
    const asked = askedOf?.get(storeId);
    return asked === undefined ? [] : [allocationInFull({ storeId, priority: priorityOf(place), asked }, p.pack_size)];
  });
}

/** An allocation's totals and one page of its products (by SKU), each with every claiming store's proposal, quantity and why. */
export async function loadAllocation(db: Db, chainId: string, id: string, page: AllocationPageQuery): Promise<Allocation> {
  const [head] = await db.select().from(allocations).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id)));
  if (!head) throw new AppError('NOT_FOUND', 'no such allocation');
  const filter = sql.join([
    sql`ap.chain_id = ${chainId} and ap.allocation_id = ${id}`,
    ...(page.short ? [sql`ap.short`] : []),
    ...(page.q ? [sql`(p.sku ilike ${`%${page.q}%`} or p.name_zh ilike ${`%${page.q}%`} or p.name_en ilike ${`%${page.q}%`})`] : []),
  ], sql` and `);
  const [totals] = await query<{ products: number; claims: number; units: number; short: number; matching: number }>(db, sql`
    select count(*)::int as products, coalesce(sum(ap.claims), 0)::int as claims, coalesce(sum(ap.allocated), 0)::int as units, count(*) filter (where ap.short)::int as short,
           (select count(*)::int from allocation_products ap join products p on p.chain_id = ap.chain_id and p.id = ap.product_id where ${filter}) as matching
    from allocation_products ap where ap.chain_id = ${chainId} and ap.allocation_id = ${id}`);
  const rows = await query<StoredProduct>(db, sql`
    select ap.product_id, p.sku, p.name_zh, p.name_en, ap.pack_size, ap.available, ap.allocated, ap.short, ap.stores, ap.asked, to_json(ap.ideal) as ideal, ap.on_hand, ap.in_transit, ap.proposed, ap.quantity
    from allocation_products ap join products p on p.chain_id = ap.chain_id and p.id = ap.product_id
    where ${filter}
    order by p.sku, ap.product_id
    offset ${page.offset} limit ${page.limit}`);
  const codes = new Map((await query<{ id: string; code: string }>(db, sql`
    select id, code from stores where chain_id = ${chainId} and id = any(${uuidArray(head.storeIds)}::uuid[])`)).map((s) => [s.id, s.code]));
  const asked = await askedInFull(db, chainId, head, rows.filter((p) => !p.stores).map((p) => p.product_id));
  const items = rows.map((p): AllocationProduct => {
    const stores = storeAllocations(head, p, asked.get(p.product_id));
    const lines = stores.map((s, i): AllocationLine => ({
      storeId: s.storeId, storeCode: codes.get(s.storeId) ?? '', proposed: p.proposed?.[i] ?? s.quantity, quantity: p.quantity?.[i] ?? p.proposed?.[i] ?? s.quantity, why: s.why,
    })).sort((a, b) => a.storeCode.localeCompare(b.storeCode));
    return { productId: p.product_id, sku: p.sku, nameZh: p.name_zh, nameEn: p.name_en, packSize: p.pack_size, available: p.available, allocated: p.allocated, short: p.short, lines };
  });
  return {
    id: head.id, no: head.no, warehouseId: head.warehouseId, status: head.status, createdAt: head.createdAt.toISOString(), shippedAt: head.shippedAt?.toISOString() ?? null,
    totals: { products: totals!.products, stores: head.storeIds.length, claims: totals!.claims, units: totals!.units, productsShort: totals!.short },
    products: { items, total: totals!.matching, offset: page.offset, limit: page.limit },
  };
}

async function lockDraft(tx: Tx, chainId: string, id: string, doing: string): Promise<Head> {
  const [head] = await tx.select().from(allocations).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id))).for('update');
  if (!head) throw new AppError('NOT_FOUND', 'no such allocation');
  if (head.status !== 'draft') throw new AppError('CONFLICT', `only a draft allocation may be ${doing}`);
  return head;
}

/**
 * A manager changes what stores get before the allocation ships (HQ only): whole packs, stores
 * that claim the product in the draft, and per product no more than the warehouse holds now.
 * Nothing changes when anything is wrong.
 */
export async function adjustAllocation(deps: Deps, principal: Principal, id: string, body: AllocationAdjustBody): Promise<Allocation> {
  refuseUnlessHq(principal, 'change an allocation');
  const chainId = principal.chainId;
  await deps.db.transaction(async (tx) => {
    const head = await lockDraft(tx, chainId, id, 'changed');
    const productIds = [...new Set(body.lines.map((l) => l.productId))];
    const stored = await query<StoredProduct & { held: number }>(tx, sql`
      select ap.product_id, '' as sku, '' as name_zh, '' as name_en, ap.pack_size, ap.available, ap.allocated, ap.short, ap.stores, ap.asked, to_json(ap.ideal) as ideal, ap.on_hand, ap.in_transit, ap.proposed, ap.quantity,
             least(greatest(coalesce(w.quantity, 0), 0), 2147483647)::int as held
      from allocation_products ap
      left join stock_levels w on w.chain_id = ap.chain_id and w.store_id = ${head.warehouseId} and w.product_id = ap.product_id
      where ap.chain_id = ${chainId} and ap.allocation_id = ${id} and ap.product_id = any(${uuidArray(productIds)}::uuid[])
      for update of ap`);
    const asked = await askedInFull(tx, chainId, head, stored.filter((p) => !p.stores).map((p) => p.product_id));
    const placeOf = new Map(head.storeIds.map((s, i) => [s, i]));
    const problems: { storeId: string | null; productId: string; code: string; message: string }[] = [];
    const updates: { product_id: string; stores: string; asked: string; proposed: string; quantity: string; allocated: number }[] = [];
    for (const productId of productIds) {
      const p = stored.find((s) => s.product_id === productId);
      const changes = body.lines.filter((l) => l.productId === productId);
      if (!p) {
        for (const l of changes) problems.push({ storeId: l.storeId, productId, code: 'UNKNOWN_LINE', message: 'this allocation gives no store anything of this product' });
        continue;
      }
      const stores = storeAllocations(head, p, asked.get(productId));
      const quantities = new Map(stores.map((s, i) => [s.storeId, p.quantity?.[i] ?? p.proposed?.[i] ?? s.quantity]));
      for (const l of changes) {
        if (!quantities.has(l.storeId)) problems.push({ storeId: l.storeId, productId, code: 'UNKNOWN_LINE', message: 'this store does not claim this product in the allocation' });
        else quantities.set(l.storeId, l.quantity);
      }
      problems.push(...checkAdjustedAllocation({ available: p.held, packSize: p.pack_size, storeIds: stores.map((s) => s.storeId) }, quantities).map((x) => ({ ...x, productId })));
      updates.push({
        product_id: productId, stores: arrayText(stores.map((s) => placeOf.get(s.storeId)!)), asked: arrayText(stores.map((s) => s.why.asked)),
        proposed: arrayText(stores.map((s, i) => p.proposed?.[i] ?? s.quantity)), quantity: arrayText(stores.map((s) => quantities.get(s.storeId)!)),
        allocated: [...quantities.values()].reduce((sum, q) => sum + q, 0),
      });
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'the changes cannot ship as they are', { problems });
    await tx.execute(sql`
      update allocation_products ap set stores = x.stores::int[], asked = x.asked::int[], proposed = x.proposed::int[], quantity = x.quantity::int[], allocated = x.allocated
      from json_to_recordset(${JSON.stringify(updates)}::json) as x(product_id uuid, stores text, asked text, proposed text, quantity text, allocated int)
      where ap.chain_id = ${chainId} and ap.allocation_id = ${id} and ap.product_id = x.product_id`);
  });
  return loadAllocation(deps.db, chainId, id, FIRST_PAGE);
}

/**
 * Ships a draft allocation (HQ only): a shipment per store of what it gets, the goods leaving the
 * warehouse's stock (`shipment_out`) and on their way to each store (its `in_transit`), the
 * requisition lines marked allocated and shipped, in one transaction. Refused, with nothing
 * written, when the warehouse no longer holds it all.
 */
export async function shipAllocation(deps: Deps, principal: Principal, id: string): Promise<Allocation> {
  refuseUnlessHq(principal, 'ship an allocation');
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  await retryTransient(() => deps.db.transaction(async (tx) => {
    const head = await lockDraft(tx, chainId, id, 'shipped');
    await shipAllocationLines(deps, tx, office, head, await draftQuantities(tx, chainId, head));
  }));
  return loadAllocation(deps.db, chainId, id, FIRST_PAGE);
}

/** Cancels a draft allocation (HQ only): its requisitions go back to asked, for the next run. */
export async function cancelAllocation(deps: Deps, principal: Principal, id: string): Promise<Allocation> {
  refuseUnlessHq(principal, 'cancel an allocation');
  const chainId = principal.chainId;
  await deps.db.transaction(async (tx) => {
    const head = await lockDraft(tx, chainId, id, 'cancelled');
    await tx.update(allocations).set({ status: 'cancelled' }).where(and(eq(allocations.chainId, chainId), eq(allocations.id, id)));
    await tx.update(requisitions).set({ status: 'asked', updatedAt: deps.clock() })
      .where(and(eq(requisitions.chainId, chainId), eq(requisitions.status, 'allocated'), sql`${requisitions.id} = any(${uuidArray(head.requisitionIds)}::uuid[])`));
  });
  return loadAllocation(deps.db, chainId, id, FIRST_PAGE);
}
