import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { products } from '../catalog/catalog.tables';
import { stores } from '../org/org.tables';
import { warehouses } from './stock.tables';

/**
 * A requisition's way through distribution: asked by the store (or pushed by HQ), allocated,
 * shipped, received; `cancelled` before it shipped. Short or over shows on its lines.
 */
export const requisitionStatus = pgEnum('requisition_status', ['asked', 'allocated', 'shipped', 'received', 'cancelled']);
/** A store asking for goods (门店要货), or HQ sending them unasked (总部配货). */
export const requisitionKind = pgEnum('requisition_kind', ['request', 'push']);

/** A store's request for goods from a warehouse (门店要货单), or HQ's push of goods to it. */
export const requisitions = pgTable(
  'requisitions',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    /** The document number people quote: `R` and a number counted per chain. */
    no: text('no').notNull(),
    storeId: uuid('store_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    kind: requisitionKind('kind').notNull(),
    status: requisitionStatus('status').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('requisitions_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    foreignKey({ columns: [t.chainId, t.warehouseId], foreignColumns: [warehouses.chainId, warehouses.id] }),
    index('requisitions_open').on(t.chainId, t.warehouseId, t.status, t.createdAt),
    index('requisitions_store').on(t.chainId, t.storeId, t.createdAt),
  ],
);

/** What a requisition asks of each product, and how far it got: allocated, shipped, received. */
export const requisitionLines = pgTable(
  'requisition_lines',
  {
    chainId: chainId(),
    requisitionId: uuid('requisition_id').notNull(),
    productId: uuid('product_id').notNull(),
    asked: integer('asked').notNull(),
    allocated: integer('allocated').notNull().default(0),
    shipped: integer('shipped').notNull().default(0),
    received: integer('received').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.requisitionId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.requisitionId], foreignColumns: [requisitions.chainId, requisitions.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    index('requisition_lines_product').on(t.chainId, t.productId),
    check('requisition_lines_quantities', sql`${t.asked} > 0 and ${t.allocated} >= 0 and ${t.shipped} >= 0 and ${t.received} >= 0`),
  ],
);

export const allocationStatus = pgEnum('allocation_status', ['draft', 'shipped', 'cancelled']);

/** One allocation run of a warehouse's stock over the open requisitions (配货单), adjusted by a manager before it ships. */
export const allocations = pgTable(
  'allocations',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    no: text('no').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    status: allocationStatus('status').notNull(),
    /** The requisitions the run served, oldest first: each store's quantities go to their lines in this order. */
    requisitionIds: uuid('requisition_ids').array().notNull(),
    /** The stores the run weighed, by id: a product's `stores` are places in this list. */
    storeIds: uuid('store_ids').array().notNull().default(sql`'{}'`),
    /** Each of those stores' place in the queue (1 first) when the run was made. */
    storePriorities: integer('store_priorities').array().notNull().default(sql`'{}'`),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    shippedAt: instant('shipped_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('allocations_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.warehouseId], foreignColumns: [warehouses.chainId, warehouses.id] }),
    index('allocations_warehouse').on(t.chainId, t.warehouseId, t.status),
  ],
);

/**
 * A product of an allocation: what the warehouse held for the run, what ships in all, and whether
 * a store got less than it needed. When the warehouse held all the asks came to
 * (`servesEveryAskInFull`) and no store has an ideal stock of it, every store gets what it asked,
 * read again from the run's requisitions, and the arrays stay null. Otherwise the rules weighed
 * the claims, and the arrays keep them side by side, one place per claiming store: what it asked,
 * its ideal stock (null when none), stock on hand and on the way then, and what the rules
 * proposed, so the why of each store is worked out again from the same figures. `quantity` is what
 * ships where a manager changed it, in the same places (`stores` and `asked` are then filled too).
 */
export const allocationProducts = pgTable(
  'allocation_products',
  {
    chainId: chainId(),
    allocationId: uuid('allocation_id').notNull(),
    productId: uuid('product_id').notNull(),
    packSize: integer('pack_size').notNull(),
    available: integer('available').notNull(),
    allocated: integer('allocated').notNull(),
    short: boolean('short').notNull(),
    claims: integer('claims').notNull(),
    stores: integer('stores').array(),
    asked: integer('asked').array(),
    ideal: integer('ideal').array(),
    onHand: integer('on_hand').array(),
    inTransit: integer('in_transit').array(),
    proposed: integer('proposed').array(),
    quantity: integer('quantity').array(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.allocationId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.allocationId], foreignColumns: [allocations.chainId, allocations.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('allocation_products_quantities', sql`${t.packSize} > 0 and ${t.available} >= 0 and ${t.allocated} >= 0 and ${t.claims} > 0`),
  ],
);

export const shipmentStatus = pgEnum('shipment_status', ['in_transit', 'received']);

/** Goods on their way from a warehouse to a store (配送单), and what the store counted when they came. */
export const shipments = pgTable(
  'shipments',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    no: text('no').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    storeId: uuid('store_id').notNull(),
    allocationId: uuid('allocation_id'),
    status: shipmentStatus('status').notNull(),
    shippedAt: instant('shipped_at').notNull(),
    shippedBy: uuid('shipped_by').notNull(),
    receivedAt: instant('received_at'),
    receivedBy: uuid('received_by'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('shipments_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('shipments_store').on(t.chainId, t.storeId, t.status),
  ],
);

/**
 * A product of a shipment: what left the warehouse, what the store received (null until it does),
 * and, for a franchisee's store, the transfer price (配送价) the franchisee pays a unit.
 */
export const shipmentLines = pgTable(
  'shipment_lines',
  {
    chainId: chainId(),
    shipmentId: uuid('shipment_id').notNull(),
    productId: uuid('product_id').notNull(),
    shipped: integer('shipped').notNull(),
    received: integer('received'),
    unitPriceMinor: money('unit_price_minor'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.shipmentId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.shipmentId], foreignColumns: [shipments.chainId, shipments.id] }),
    check('shipment_lines_quantities', sql`${t.shipped} > 0 and (${t.received} is null or ${t.received} >= 0) and (${t.unitPriceMinor} is null or ${t.unitPriceMinor} >= 0)`),
  ],
);

/** The last number given to each kind of a chain's documents (`R` requisitions, `A` allocations, `S` shipments), counted up in the writing transaction. */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    chainId: chainId(),
    kind: text('kind').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.kind] })],
);
