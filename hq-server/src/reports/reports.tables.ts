import { bigint, date, foreignKey, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { chainId, money } from '../db/columns';
import { stores } from '../org/org.tables';

/** Roll-up kept at ingest: one row per store per business day. Reports read this, never raw lines. */
export const storeDaySales = pgTable(
  'store_day_sales',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    salesMinor: money('sales_minor').notNull(),
    discountMinor: money('discount_minor').notNull(),
    roundingMinor: money('rounding_minor').notNull().default(0),
    tickets: integer('tickets').notNull(),
    items: bigint('items', { mode: 'number' }).notNull(),
    /** Goods taken back (退货) on the day, already subtracted from `sales_minor` and `items`. */
    returnsMinor: money('returns_minor').notNull().default(0),
    returnCount: integer('return_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.storeId, t.businessDate] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
  ],
);

/** Roll-up kept at ingest: store × business day × product. */
export const storeDayProductSales = pgTable(
  'store_day_product_sales',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    productId: uuid('product_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    salesMinor: money('sales_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.storeId, t.businessDate, t.productId] })],
);
