import { averageCostMinor, type GoodsReceipt, type PurchaseOrder, type ReceivingPlace, type StockValuation, type SupplierReturn } from '@pos/shared';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope, storesInScope } from '../http/scope';
import { canSeeCost } from '../roles/visibility';
import { refuseUnlessHq } from './distribution.service';
import { warehouses } from './stock.tables';

const isHq = (principal: Principal) => principal.kind === 'office' && principal.role === 'hq_admin';

/** A place goods are received at: one of the caller's stores, or (HQ only) one of the chain's active warehouses; else 404 (or 403 for a warehouse). */
export async function placeInScope(db: Db, principal: Principal, placeId: string): Promise<ReceivingPlace> {
  const [warehouse] = await db.select({ id: warehouses.id, code: warehouses.code, nameZh: warehouses.nameZh, nameEn: warehouses.nameEn }).from(warehouses)
    .where(and(eq(warehouses.chainId, principal.chainId), eq(warehouses.id, placeId), eq(warehouses.active, true)));
  if (warehouse) {
    refuseUnlessHq(principal, 'receive goods at a warehouse');
    return { ...warehouse, kind: 'warehouse' };
  }
  const store = await storeInScope(db, principal, placeId);
  return { id: store.id, kind: 'store', code: store.code, nameZh: store.nameZh, nameEn: store.nameEn };
}

/** The places the caller receives goods at: its stores, and for HQ the active warehouses first. */
export async function placesInScope(db: Db, principal: Principal): Promise<ReceivingPlace[]> {
  const stores = (await storesInScope(db, principal)).map((s) => ({ id: s.id, kind: 'store' as const, code: s.code, nameZh: s.nameZh, nameEn: s.nameEn }));
  if (!isHq(principal)) return stores;
  const centres = await db.select({ id: warehouses.id, code: warehouses.code, nameZh: warehouses.nameZh, nameEn: warehouses.nameEn }).from(warehouses)
    .where(and(eq(warehouses.chainId, principal.chainId), eq(warehouses.active, true))).orderBy(warehouses.code);
  return [...centres.map((w) => ({ ...w, kind: 'warehouse' as const })), ...stores];
}

/** The documents' filter to the caller's places (or the one asked for, if it is one of them); null when the caller has none. */
async function placeFilter(db: Db, principal: Principal, alias: string, placeId: string | undefined): Promise<SQL | null> {
  const visible = (await placesInScope(db, principal)).map((p) => p.id);
  if (placeId && !visible.includes(placeId)) throw new AppError('NOT_FOUND', 'no such store');
  const ids = placeId ? [placeId] : visible;
  return ids.length ? sql`${sql.raw(alias)}.place_id = any(${uuidArray(ids)}::uuid[])` : null;
}

const instant = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const supplierRef = (alias: string) => sql.raw(`(select json_build_object('id', su.id, 'code', su.code, 'name', su.name) from suppliers su where su.chain_id = ${alias}.chain_id and su.id = ${alias}.supplier_id)`);
const placeRef = (alias: string) => sql.raw(`coalesce(
  (select json_build_object('id', s.id, 'kind', 'store', 'code', s.code, 'nameZh', s.name_zh, 'nameEn', s.name_en) from stores s where s.chain_id = ${alias}.chain_id and s.id = ${alias}.place_id),
  (select json_build_object('id', w.id, 'kind', 'warehouse', 'code', w.code, 'nameZh', w.name_zh, 'nameEn', w.name_en) from warehouses w where w.chain_id = ${alias}.chain_id and w.id = ${alias}.place_id))`);
const userName = (alias: string, column: string) => sql.raw(`coalesce((select u.name from users u where u.chain_id = ${alias}.chain_id and u.id = ${alias}.${column}), '')`);
/** A line's product as `ProductRef` fields, for lines aliased `l` joined to products `p`. */
const productFields = sql.raw(`'productId', l.product_id, 'sku', p.sku, 'nameZh', p.name_zh, 'nameEn', p.name_en,
  'barcode', (select min(b.code) from barcodes b where b.chain_id = l.chain_id and b.product_id = l.product_id and b.active)`);
/** A document's lines as a JSON array by SKU: each line's product (`productFields`) and the line's own `fields`, from `table` by its `key` to the document aliased `alias`. */
const linesOf = (table: string, key: string, alias: string, fields: string) => sql`(
  select json_agg(json_build_object(${productFields}, ${sql.raw(fields)}) order by p.sku)
    from ${sql.raw(table)} l join products p on p.chain_id = l.chain_id and p.id = l.product_id
   where l.chain_id = ${sql.raw(alias)}.chain_id and l.${sql.raw(key)} = ${sql.raw(alias)}.id)`;
const whereOf = (parts: (SQL | null)[]) => sql.join(parts.filter((p): p is SQL => p !== null), sql` and `);

type Head = { id: string; no: string; supplier: PurchaseOrder['supplier']; place: ReceivingPlace; note: string | null };
type Costed = { unitCostMinor: number | null; quantity: number };
/** Hides costs from a caller whose role does not see them (成本可见), and totals the document's value for one who does. */
const costed = <L extends Costed>(lines: L[], seeCost: boolean, units: (line: L) => number = (l) => l.quantity) => ({
  lines: lines.map((l) => ({ ...l, unitCostMinor: seeCost ? l.unitCostMinor : null })),
  valueMinor: seeCost ? lines.reduce((sum, l) => sum + units(l) * (l.unitCostMinor ?? 0), 0) : null,
});

type OrderRow = Head & { status: PurchaseOrder['status']; created_by: string; created_at: string; updated_at: string; lines: Omit<PurchaseOrder['lines'][number], 'outstanding'>[] | null };

export async function loadPurchaseOrders(db: Db, chainId: string, where: SQL, seeCost: boolean): Promise<PurchaseOrder[]> {
  const rows = await query<OrderRow>(db, sql`
    select o.id, o.no, o.status, o.note, ${supplierRef('o')} as supplier, ${placeRef('o')} as place, ${userName('o', 'created_by')} as created_by,
           ${instant('o.created_at')} as created_at, ${instant('o.updated_at')} as updated_at,
           ${linesOf('purchase_order_lines', 'purchase_order_id', 'o', "'quantity', l.quantity, 'received', l.received, 'unitCostMinor', l.unit_cost_minor")} as lines
    from purchase_orders o where o.chain_id = ${chainId} and ${where}
    order by o.created_at desc, o.no desc limit 200`);
  return rows.map((r) => ({
    id: r.id, no: r.no, supplier: r.supplier, place: r.place, status: r.status, note: r.note, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
    ...costed((r.lines ?? []).map((l) => ({ ...l, outstanding: Math.max(l.quantity - l.received, 0) })), seeCost),
  }));
}

type ReceiptRow = Head & { purchase_order: GoodsReceipt['purchaseOrder']; received_by: string; received_at: string; lines: Omit<GoodsReceipt['lines'][number], 'difference'>[] | null };

export async function loadGoodsReceipts(db: Db, chainId: string, where: SQL, seeCost: boolean): Promise<GoodsReceipt[]> {
  const rows = await query<ReceiptRow>(db, sql`
    select g.id, g.no, g.note, ${supplierRef('g')} as supplier, ${placeRef('g')} as place, ${userName('g', 'received_by')} as received_by, ${instant('g.received_at')} as received_at,
           (select json_build_object('id', o.id, 'no', o.no) from purchase_orders o where o.chain_id = g.chain_id and o.id = g.purchase_order_id) as purchase_order,
           ${linesOf('goods_receipt_lines', 'receipt_id', 'g', "'quantity', l.quantity, 'unitCostMinor', l.unit_cost_minor, 'expected', l.expected")} as lines
    from goods_receipts g where g.chain_id = ${chainId} and ${where}
    order by g.received_at desc, g.no desc limit 200`);
  return rows.map((r) => ({
    id: r.id, no: r.no, supplier: r.supplier, place: r.place, purchaseOrder: r.purchase_order, note: r.note, receivedBy: r.received_by, receivedAt: r.received_at,
    ...costed((r.lines ?? []).map((l) => ({ ...l, difference: l.expected === null ? null : l.quantity - l.expected })), seeCost),
  }));
}

type ReturnRow = Head & { reason: SupplierReturn['reason']; returned_by: string; returned_at: string; lines: SupplierReturn['lines'] | null };

export async function loadSupplierReturns(db: Db, chainId: string, where: SQL, seeCost: boolean): Promise<SupplierReturn[]> {
  const rows = await query<ReturnRow>(db, sql`
    select v.id, v.no, v.reason, v.note, ${supplierRef('v')} as supplier, ${placeRef('v')} as place, ${userName('v', 'returned_by')} as returned_by, ${instant('v.returned_at')} as returned_at,
           ${linesOf('supplier_return_lines', 'return_id', 'v', "'quantity', l.quantity, 'unitCostMinor', l.unit_cost_minor")} as lines
    from supplier_returns v where v.chain_id = ${chainId} and ${where}
    order by v.returned_at desc, v.no desc limit 200`);
  return rows.map((r) => ({
    id: r.id, no: r.no, supplier: r.supplier, place: r.place, reason: r.reason, note: r.note, returnedBy: r.returned_by, returnedAt: r.returned_at,
    ...costed(r.lines ?? [], seeCost),
  }));
}

type DocumentsQuery = { placeId?: string | undefined; supplierId?: string | undefined };
const filters = (alias: string, q: DocumentsQuery & { status?: string | undefined }) => [
  ...(q.supplierId ? [sql`${sql.raw(alias)}.supplier_id = ${q.supplierId}`] : []),
  ...(q.status ? [sql`${sql.raw(alias)}.status = ${q.status}`] : []),
];

/** The purchase orders of the caller's places, newest first, at most 200. */
export async function listPurchaseOrders(deps: Deps, principal: Principal, q: DocumentsQuery & { status?: PurchaseOrder['status'] | undefined }): Promise<PurchaseOrder[]> {
  const places = await placeFilter(deps.db, principal, 'o', q.placeId);
  if (!places) return [];
  return loadPurchaseOrders(deps.db, principal.chainId, whereOf([places, ...filters('o', q)]), await canSeeCost(deps.db, principal));
}

export async function listGoodsReceipts(deps: Deps, principal: Principal, q: DocumentsQuery): Promise<GoodsReceipt[]> {
  const places = await placeFilter(deps.db, principal, 'g', q.placeId);
  if (!places) return [];
  return loadGoodsReceipts(deps.db, principal.chainId, whereOf([places, ...filters('g', q)]), await canSeeCost(deps.db, principal));
}

export async function listSupplierReturns(deps: Deps, principal: Principal, q: DocumentsQuery): Promise<SupplierReturn[]> {
  const places = await placeFilter(deps.db, principal, 'v', q.placeId);
  if (!places) return [];
  return loadSupplierReturns(deps.db, principal.chainId, whereOf([places, ...filters('v', q)]), await canSeeCost(deps.db, principal));
}

/** One document of the caller's places, or 404. */
export async function documentInScope<T extends { place: { id: string } }>(deps: Deps, principal: Principal, id: string, load: (db: Db, chainId: string, where: SQL, seeCost: boolean) => Promise<T[]>, alias: string): Promise<T> {
  const [found] = await load(deps.db, principal.chainId, sql`${sql.raw(alias)}.id = ${id}`, await canSeeCost(deps.db, principal));
  const visible = (await placesInScope(deps.db, principal)).map((p) => p.id);
  if (!found || !visible.includes(found.place.id)) throw new AppError('NOT_FOUND', 'no such document');
  return found;
}

/** A place's stock at cost (at most 5,000 products): on hand, value and moving-average cost of a unit. */
export async function stockValuation(deps: Deps, principal: Principal, placeId: string, productId: string | undefined): Promise<StockValuation[]> {
  await placeInScope(deps.db, principal, placeId);
  const seeCost = await canSeeCost(deps.db, principal);
  const rows = await query<{ product_id: string; sku: string; name_zh: string; name_en: string; quantity: string; value_minor: string }>(deps.db, sql`
    select l.product_id, p.sku, p.name_zh, p.name_en, l.quantity::text, l.value_minor::text
    from stock_levels l join products p on p.chain_id = l.chain_id and p.id = l.product_id
    where l.chain_id = ${principal.chainId} and l.store_id = ${placeId} ${productId ? sql`and l.product_id = ${productId}` : sql``}
    order by p.sku limit 5000`);
  return rows.map((r) => {
    const level = { quantity: Number(r.quantity), valueMinor: Number(r.value_minor) };
    return {
      productId: r.product_id, sku: r.sku, nameZh: r.name_zh, nameEn: r.name_en, quantity: level.quantity,
      valueMinor: seeCost ? level.valueMinor : null, averageCostMinor: seeCost ? averageCostMinor(level) : null,
    };
  });
}
