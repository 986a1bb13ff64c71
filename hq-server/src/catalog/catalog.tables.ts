import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { chains, stores } from '../org/org.tables';
import { memberLevels } from '../pricing/pricing.tables';

export const productUnit = pgEnum('product_unit', ['piece', 'kg', 'box', 'bottle', 'pack']);
export const priceKind = pgEnum('price_kind', ['retail', 'member', 'wholesale']);

export const categories = pgTable(
  'categories',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('categories_chain_code').on(t.chainId, t.code),
    foreignKey({ columns: [t.chainId, t.parentId], foreignColumns: [t.chainId, t.id] }),
    index('categories_sync').on(t.chainId, t.changeSeq),
  ],
);

export const products = pgTable(
  'products',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    sku: text('sku').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    categoryId: uuid('category_id'),
    brand: text('brand'),
    unit: productUnit('unit').notNull(),
    weighed: boolean('weighed').notNull().default(false),
    /** The item number the chain's scales print inside a 2x label (称重条码的商品码). */
    scaleItemCode: text('scale_item_code'),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('products_chain_sku').on(t.chainId, t.sku),
    unique('products_chain_scale_item').on(t.chainId, t.scaleItemCode),
    foreignKey({ columns: [t.chainId, t.categoryId], foreignColumns: [categories.chainId, categories.id] }),
    index('products_sync').on(t.chainId, t.changeSeq),
  ],
);

export const barcodes = pgTable(
  'barcodes',
  {
    chainId: chainId(),
    code: text('code').notNull(),
    productId: uuid('product_id').notNull(),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.code] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    index('barcodes_product').on(t.chainId, t.productId),
    index('barcodes_sync').on(t.chainId, t.changeSeq),
  ],
);

export const prices = pgTable(
  'prices',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    productId: uuid('product_id').notNull(),
    storeId: uuid('store_id'),
    kind: priceKind('kind').notNull(),
    memberLevelId: uuid('member_level_id'),
    amountMinor: money('amount_minor').notNull(),
    effectiveFrom: instant('effective_from'),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    foreignKey({ columns: [t.chainId, t.memberLevelId], foreignColumns: [memberLevels.chainId, memberLevels.id] }),
    check('prices_member_level_only_for_member', sql`${t.kind} = 'member' or ${t.memberLevelId} is null`),
    index('prices_product').on(t.chainId, t.productId),
    index('prices_sync').on(t.chainId, t.changeSeq),
  ],
);

export const assortmentMode = pgEnum('assortment_mode', ['listed', 'all_except']);

/** What a store carries (门店经营范围): only its listed products, or all but them. No row: the whole catalog. */
export const storeAssortments = pgTable(
  'store_assortments',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    mode: assortmentMode('mode').notNull(),
    updatedAt: instant('updated_at').notNull(),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.storeId] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('store_assortments_sync').on(t.chainId, t.changeSeq),
  ],
);

/** One product named by a store's assortment; a removed one stays with `active` false so tills hear of it. */
export const assortmentItems = pgTable(
  'assortment_items',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    productId: uuid('product_id').notNull(),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.storeId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [storeAssortments.chainId, storeAssortments.storeId] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    index('assortment_items_sync').on(t.chainId, t.changeSeq),
  ],
);
