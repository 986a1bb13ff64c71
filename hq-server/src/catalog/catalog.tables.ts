import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, pgEnum, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { trigramIndex } from '../db/trigram-index';
import { chains, stores } from '../org/org.tables';
import { memberLevels } from '../pricing/pricing.tables';
import { suppliers } from '../suppliers/suppliers.tables';

export const productUnit = pgEnum('product_unit', ['piece', 'kg', 'box', 'bottle', 'pack']);
export const priceKind = pgEnum('price_kind', ['retail', 'member', 'wholesale']);
/** A product's lifecycle: new and normal ones sell; a discontinued one sells until `discontinued_from`. */
export const productStatus = pgEnum('product_status', ['new', 'normal', 'discontinued']);

export const categories = pgTable(
  'categories',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('categories_chain_code').on(t.chainId, t.code),
    foreignKey({ columns: [t.chainId, t.parentId], foreignColumns: [t.chainId, t.id] }),
    index('categories_sync').on(t.chainId, t.changeSeq),
  ],
);

/** Brands (品牌) as the chain's own list; products and promotions name them by id. */
export const brands = pgTable(
  'brands',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), unique('brands_chain_code').on(t.chainId, t.code)],
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
    brandId: uuid('brand_id'),
    /** The main supplier; every supplier of the product is in `supplier_products`. */
    supplierId: uuid('supplier_id'),
    unit: productUnit('unit').notNull(),
    weighed: boolean('weighed').notNull().default(false),
    /** The item number the chain's scales print inside a 2x label (称重条码的商品码). */
    scaleItemCode: text('scale_item_code'),
    status: productStatus('status').notNull().default('normal'),
    /** The business date (in each store's time zone) from which a discontinued product no longer sells. */
    discontinuedFrom: date('discontinued_from', { mode: 'string' }),
    /** The Chinese name in pinyin, whole syllables without tones (可乐 → `kele`), made at HQ with each save. */
    pinyin: text('pinyin').notNull().default(''),
    /** The initials of that pinyin (可乐 → `kl`). */
    pinyinInitials: text('pinyin_initials').notNull().default(''),
    /** The chain's six custom attributes (六个自定义属性), named in `chain_settings.product_attribute_names`. */
    attribute1: text('attribute_1'),
    attribute2: text('attribute_2'),
    attribute3: text('attribute_3'),
    attribute4: text('attribute_4'),
    attribute5: text('attribute_5'),
    attribute6: text('attribute_6'),
    /** Deactivated, never deleted once sold: tills delete their copy, HQ keeps it for history. */
    active: boolean('active').notNull().default(true),
    updatedAt: instant('updated_at'),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('products_chain_sku').on(t.chainId, t.sku),
    unique('products_chain_scale_item').on(t.chainId, t.scaleItemCode),
    foreignKey({ columns: [t.chainId, t.categoryId], foreignColumns: [categories.chainId, categories.id] }),
    foreignKey({ columns: [t.chainId, t.brandId], foreignColumns: [brands.chainId, brands.id] }),
    foreignKey({ columns: [t.chainId, t.supplierId], foreignColumns: [suppliers.chainId, suppliers.id] }),
    check('products_discontinued_from', sql`${t.discontinuedFrom} is null or ${t.status} = 'discontinued'`),
    index('products_sync').on(t.chainId, t.changeSeq),
    index('products_category').on(t.chainId, t.categoryId),
    index('products_brand').on(t.chainId, t.brandId),
    /** The office's and the till-price screens' text search (`product-search.repo.ts`): a text of three characters or more anywhere. */
    trigramIndex('products_sku_trgm', t.sku),
    trigramIndex('products_name_zh_trgm', t.nameZh),
    trigramIndex('products_name_en_trgm', t.nameEn),
    trigramIndex('products_pinyin_trgm', t.pinyin),
    trigramIndex('products_pinyin_initials_trgm', t.pinyinInitials),
    /** Two characters inside a Chinese name (可乐 in 百事可乐), by its pairs of characters (`text_bigrams`, migration 0021). */
    index('products_name_zh_bigrams').using('gin', sql`text_bigrams(${t.nameZh})`),
    /**
     * A text's start, in byte order (`collate "C"`, so `like 'x%'` reads them whatever the
     * database's collation), walked in order so that a short search stops after its first matches.
     */
    index('products_sku_prefix').on(t.chainId, sql`lower(${t.sku}) collate "C"`),
    index('products_name_zh_prefix').on(t.chainId, sql`lower(${t.nameZh}) collate "C"`),
    index('products_name_en_prefix').on(t.chainId, sql`lower(${t.nameEn}) collate "C"`),
    index('products_pinyin_prefix').on(t.chainId, sql`${t.pinyin} collate "C"`),
    index('products_pinyin_initials').on(t.chainId, sql`${t.pinyinInitials} collate "C"`),
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
    /**
     * When the entry stopped applying: set as it is deactivated (a store price cleared, a scheduled
     * change cancelled), so HQ still prices a sale made before then with it. Null: never ended.
     */
    effectiveUntil: instant('effective_until'),
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

/**
 * A product's cost price (进价) as a dated history: the one in force at an instant is the latest
 * whose `effective_from` is not after it. Never updated; a new cost is a new row.
 */
export const productCosts = pgTable(
  'product_costs',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    productId: uuid('product_id').notNull(),
    supplierId: uuid('supplier_id'),
    amountMinor: money('amount_minor').notNull(),
    effectiveFrom: instant('effective_from').notNull(),
    enteredBy: uuid('entered_by'),
    enteredAt: instant('entered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    foreignKey({ columns: [t.chainId, t.supplierId], foreignColumns: [suppliers.chainId, suppliers.id] }),
    check('product_costs_not_negative', sql`${t.amountMinor} >= 0`),
    index('product_costs_product').on(t.chainId, t.productId, t.effectiveFrom),
  ],
);

/**
 * The band a store's own retail price (门店自主定价) must stay in, set by HQ per product. A product
 * without a row takes the chain's default band around its chain price (`chain_settings.store_price_band_bp`).
 */
export const storePriceBands = pgTable(
  'store_price_bands',
  {
    chainId: chainId(),
    productId: uuid('product_id').notNull(),
    minMinor: money('min_minor').notNull(),
    maxMinor: money('max_minor').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('store_price_bands_order', sql`0 <= ${t.minMinor} and ${t.minMinor} <= ${t.maxMinor}`),
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
