import { bigint, foreignKey, index, pgEnum, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant } from '../db/columns';
import { products } from '../catalog/catalog.tables';
import { stores } from '../org/org.tables';

export const stockMovementReason = pgEnum('stock_movement_reason', ['sale', 'return', 'exchange']);

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

export const stockLevels = pgTable(
  'stock_levels',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.storeId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
  ],
);
