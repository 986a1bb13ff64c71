import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { products } from '../catalog/catalog.tables';
import { suppliers } from '../suppliers/suppliers.tables';

export const purchaseOrderStatus = pgEnum('purchase_order_status', ['open', 'partly_received', 'received', 'cancelled']);

/** Why goods go back to their supplier (退货原因); `note` says more. */
export const supplierReturnReason = pgEnum('supplier_return_reason', ['damaged', 'expired', 'wrong_goods', 'overstock', 'recall', 'other']);

/**
 * A purchase order (采购订单): goods ordered from a supplier for one place, a store or a warehouse
 * (`place_id` names either, as in the stock ledger, so it keeps no foreign key to stores). The id
 * is made by the client, so a retry creates it once.
 */
export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    no: text('no').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    placeId: uuid('place_id').notNull(),
    status: purchaseOrderStatus('status').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('purchase_orders_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.supplierId], foreignColumns: [suppliers.chainId, suppliers.id] }),
    index('purchase_orders_place').on(t.chainId, t.placeId, t.createdAt),
  ],
);

/** What is ordered of a product, at the cost agreed for this order, and how much of it has arrived so far. */
export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    chainId: chainId(),
    purchaseOrderId: uuid('purchase_order_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitCostMinor: money('unit_cost_minor').notNull(),
    received: integer('received').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.purchaseOrderId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.purchaseOrderId], foreignColumns: [purchaseOrders.chainId, purchaseOrders.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('purchase_order_lines_quantity', sql`${t.quantity} > 0 and ${t.received} >= 0`),
    check('purchase_order_lines_cost', sql`${t.unitCostMinor} >= 0`),
    // A product on an order is kept for history (products.repo `hasHistory`): one index probe.
    index('purchase_order_lines_product').on(t.chainId, t.productId),
  ],
);

/**
 * A goods receipt (收货单): what arrived from a supplier at a place, against a purchase order or
 * none. Each line's goods join the place's stock (`receipt`) at the line's unit cost.
 */
export const goodsReceipts = pgTable(
  'goods_receipts',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    no: text('no').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    placeId: uuid('place_id').notNull(),
    purchaseOrderId: uuid('purchase_order_id'),
    note: text('note'),
    receivedBy: uuid('received_by').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('goods_receipts_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.supplierId], foreignColumns: [suppliers.chainId, suppliers.id] }),
    foreignKey({ columns: [t.chainId, t.purchaseOrderId], foreignColumns: [purchaseOrders.chainId, purchaseOrders.id] }),
    index('goods_receipts_place').on(t.chainId, t.placeId, t.receivedAt),
    index('goods_receipts_purchase_order').on(t.chainId, t.purchaseOrderId),
  ],
);

/**
 * A product received. `expected` is what the order still awaited of it when the goods came (0 for
 * a product the order did not name; null without an order), so the line's difference against the
 * order (short below zero, over above) stays as it was on the day.
 */
export const goodsReceiptLines = pgTable(
  'goods_receipt_lines',
  {
    chainId: chainId(),
    receiptId: uuid('receipt_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitCostMinor: money('unit_cost_minor').notNull(),
    expected: bigint('expected', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.receiptId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.receiptId], foreignColumns: [goodsReceipts.chainId, goodsReceipts.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('goods_receipt_lines_quantity', sql`${t.quantity} >= 0`),
    check('goods_receipt_lines_cost', sql`${t.unitCostMinor} >= 0`),
  ],
);

/** A supplier return (退货单): goods a place sends back to their supplier, leaving its stock (`supplier_return`). */
export const supplierReturns = pgTable(
  'supplier_returns',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    no: text('no').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    placeId: uuid('place_id').notNull(),
    reason: supplierReturnReason('reason').notNull(),
    note: text('note'),
    returnedBy: uuid('returned_by').notNull(),
    returnedAt: instant('returned_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('supplier_returns_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.supplierId], foreignColumns: [suppliers.chainId, suppliers.id] }),
    index('supplier_returns_place').on(t.chainId, t.placeId, t.returnedAt),
  ],
);

/** A product sent back, at the cost the supplier credits for it. */
export const supplierReturnLines = pgTable(
  'supplier_return_lines',
  {
    chainId: chainId(),
    returnId: uuid('return_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitCostMinor: money('unit_cost_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.returnId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.returnId], foreignColumns: [supplierReturns.chainId, supplierReturns.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('supplier_return_lines_quantity', sql`${t.quantity} > 0`),
    check('supplier_return_lines_cost', sql`${t.unitCostMinor} >= 0`),
  ],
);
