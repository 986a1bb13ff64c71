import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { categories, products } from '../catalog/catalog.tables';
import { stores } from '../org/org.tables';

/** A transfer is on its way once the sending store ships it, and done once the receiving store confirms what arrived. */
export const transferStatus = pgEnum('transfer_status', ['in_transit', 'received']);

/**
 * Goods sent from one store straight to another (门店间直调, 调拨单). Between stores of different
 * owners (two franchisees, or a franchisee and HQ) each line carries the transfer price the
 * receiver pays the sender; between stores of one owner it carries none.
 */
export const transfers = pgTable(
  'transfers',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    no: text('no').notNull(),
    fromStoreId: uuid('from_store_id').notNull(),
    toStoreId: uuid('to_store_id').notNull(),
    status: transferStatus('status').notNull(),
    /** The stores belong to different owners, so the lines are priced. */
    crossOwner: boolean('cross_owner').notNull(),
    note: text('note'),
    shippedBy: uuid('shipped_by').notNull(),
    shippedAt: instant('shipped_at').notNull(),
    receivedBy: uuid('received_by'),
    receivedAt: instant('received_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('transfers_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.fromStoreId], foreignColumns: [stores.chainId, stores.id] }),
    foreignKey({ columns: [t.chainId, t.toStoreId], foreignColumns: [stores.chainId, stores.id] }),
    check('transfers_two_stores', sql`${t.fromStoreId} <> ${t.toStoreId}`),
    index('transfers_from').on(t.chainId, t.fromStoreId, t.shippedAt),
    index('transfers_to').on(t.chainId, t.toStoreId, t.shippedAt),
  ],
);

/** What a transfer sends of a product, what arrived once confirmed, and its transfer price when the owners differ. */
export const transferLines = pgTable(
  'transfer_lines',
  {
    chainId: chainId(),
    transferId: uuid('transfer_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    received: integer('received'),
    unitPriceMinor: money('unit_price_minor'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.transferId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.transferId], foreignColumns: [transfers.chainId, transfers.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('transfer_lines_quantities', sql`${t.quantity} > 0 and (${t.received} is null or ${t.received} >= 0) and (${t.unitPriceMinor} is null or ${t.unitPriceMinor} >= 0)`),
  ],
);

/** What a count sheet covers: the whole store, one category (with its sub-categories), or one shelf (its products are those scanned there). */
export const stockCountScope = pgEnum('stock_count_scope', ['store', 'category', 'shelf']);
export const stockCountStatus = pgEnum('stock_count_status', ['open', 'posted', 'cancelled']);

/**
 * A stock count (盘点单). Its start is the instant the book is frozen at: each line's expected
 * quantity is the book at the start plus every movement that happened between the start and
 * the moment the line was counted, so sales during the count are neither lost nor taken twice.
 * One open count per store at a time, so no product is counted into two sheets at once.
 */
export const stockCounts = pgTable(
  'stock_counts',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    no: text('no').notNull(),
    storeId: uuid('store_id').notNull(),
    scope: stockCountScope('scope').notNull(),
    categoryId: uuid('category_id'),
    shelf: text('shelf'),
    status: stockCountStatus('status').notNull(),
    note: text('note'),
    startedBy: uuid('started_by').notNull(),
    startedAt: instant('started_at').notNull(),
    /** The manager who approved the differences and posted them to the ledger. */
    postedBy: uuid('posted_by'),
    postedAt: instant('posted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('stock_counts_chain_no').on(t.chainId, t.no),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    foreignKey({ columns: [t.chainId, t.categoryId], foreignColumns: [categories.chainId, categories.id] }),
    uniqueIndex('stock_counts_one_open').on(t.chainId, t.storeId).where(sql`${t.status} = 'open'`),
    index('stock_counts_store').on(t.chainId, t.storeId, t.startedAt),
    check('stock_counts_scope', sql`(${t.scope} = 'category') = (${t.categoryId} is not null) and (${t.scope} = 'shelf') = (${t.shelf} is not null)`),
  ],
);

/**
 * A product on a count sheet: the book at the count's start, what was counted and when, and at
 * posting what was expected at that moment and the difference that went to the ledger.
 */
export const stockCountLines = pgTable(
  'stock_count_lines',
  {
    chainId: chainId(),
    countId: uuid('count_id').notNull(),
    productId: uuid('product_id').notNull(),
    book: bigint('book', { mode: 'number' }).notNull(),
    counted: integer('counted'),
    countedAt: instant('counted_at'),
    expected: bigint('expected', { mode: 'number' }),
    difference: bigint('difference', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.countId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.countId], foreignColumns: [stockCounts.chainId, stockCounts.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('stock_count_lines_counted', sql`(${t.counted} is null) = (${t.countedAt} is null) and (${t.counted} is null or ${t.counted} >= 0)`),
  ],
);

/** How a store's product is replenished: up to an ideal stock when it falls to a minimum (理想库存补货), or one sent for each one sold (买一补一). */
export const replenishmentPolicy = pgEnum('replenishment_policy', ['ideal', 'sell_one_send_one']);

/**
 * A store's stock rule for a product (min, max, lead time): the replenishment suggestions read
 * it, and so does allocation, whose "ideal" is `max_quantity`. `last_asked_at` is when its last
 * suggestion became a requisition, so "sell one, send one" counts only what sold since.
 */
export const storeReplenishment = pgTable(
  'store_replenishment',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    productId: uuid('product_id').notNull(),
    policy: replenishmentPolicy('policy').notNull(),
    minQuantity: integer('min_quantity').notNull(),
    maxQuantity: integer('max_quantity').notNull(),
    leadTimeDays: integer('lead_time_days').notNull(),
    lastAskedAt: instant('last_asked_at'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.storeId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    index('store_replenishment_product').on(t.chainId, t.productId),
    check('store_replenishment_quantities', sql`${t.minQuantity} >= 0 and ${t.maxQuantity} >= ${t.minQuantity} and ${t.maxQuantity} <= 1000000 and ${t.leadTimeDays} between 0 and 365`),
  ],
);
