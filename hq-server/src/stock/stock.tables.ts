import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { products } from '../catalog/catalog.tables';
import { chains, stores } from '../org/org.tables';

/**
 * Why stock moved. Sales and customer returns come from the tills; goods sent from a warehouse
 * leave it as `shipment_out` and arrive as `shipment_in` with what the store counted.
 */
export const stockMovementReason = pgEnum('stock_movement_reason', [
  'sale', 'return', 'exchange', 'opening', 'receipt', 'supplier_return', 'transfer_out', 'transfer_in', 'shipment_out', 'shipment_in', 'count', 'damage', 'adjustment',
]);

/**
 * Where HQ keeps goods to send to stores (配送中心): a place in the stock ledger like a store,
 * but one that sells nothing and has no tills. Its stock is HQ's.
 */
export const warehouses = pgTable(
  'warehouses',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), unique('warehouses_chain_code').on(t.chainId, t.code)],
);

/** How a product goes out to stores (配送规格): in packs of `pack_size` units, never a part of one. */
export const productPacks = pgTable(
  'product_packs',
  {
    chainId: chainId(),
    productId: uuid('product_id').notNull(),
    packSize: integer('pack_size').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('product_packs_size', sql`${t.packSize} between 1 and 100000`),
  ],
);

/** A store's place in the queue when stock is short (配货优先级): 1 is served first. */
export const storeStockSettings = pgTable(
  'store_stock_settings',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    allocationPriority: integer('allocation_priority').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.storeId] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    check('store_stock_settings_priority', sql`${t.allocationPriority} between 1 and 9`),
  ],
);

/** The stock ledger: append-only, no foreign keys (see sales.tables.ts). `stock_levels` is its running balance, written in the same transaction. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    productId: uuid('product_id').notNull(),
    delta: bigint('delta', { mode: 'number' }).notNull(),
    reason: stockMovementReason('reason').notNull(),
    documentId: uuid('document_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('stock_movements_store_product').on(t.chainId, t.storeId, t.productId),
    index('stock_movements_document').on(t.chainId, t.documentId),
  ],
);

/**
 * The stock ledger's running balance per place (a store, or a warehouse: `store_id` names either)
 * and product, written in the same transaction as each movement; `in_transit` is what was shipped
 * to the store and is not received yet.
 *
 * `value_minor` is what the units on hand cost (库存金额), so the place's moving-average cost is
 * value / quantity; every writer moves it by the shared `stockValueAfter` rule. A till never
 * refuses a sale for want of stock, so a level can go below zero: units below zero were sold
 * before they were received and have no cost on hand, so the value is zero whenever the quantity
 * is not above zero (never negative), and goods received into such a hole are valued for the
 * units left above zero, at their own cost. `ledger:verify` checks both.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    inTransit: bigint('in_transit', { mode: 'number' }).notNull().default(0),
    valueMinor: money('value_minor').notNull().default(0),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.storeId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    index('stock_levels_product').on(t.chainId, t.productId),
  ],
);
