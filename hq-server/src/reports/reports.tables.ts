import { bigint, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** Goods sold less goods back, at the product's cost in force when each moved (毛利 is sales less this). */
    costMinor: money('cost_minor').notNull().default(0),
    /** Net sales of goods with no cost on record: left out of the margin, so it is never overstated. */
    uncostedMinor: money('uncosted_minor').notNull().default(0),
    /** Goods' net sales less their cost, for goods with a cost: the same sum the product roll-up gives. */
    marginMinor: money('margin_minor').notNull().default(0),
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
    /** Units sold less units back. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /** Net of line discounts, less what was refunded for goods back. */
    salesMinor: money('sales_minor').notNull(),
    discountMinor: money('discount_minor').notNull().default(0),
    /** Tickets it was sold on. */
    tickets: integer('tickets').notNull().default(0),
    returnedQuantity: bigint('returned_quantity', { mode: 'number' }).notNull().default(0),
    returnsMinor: money('returns_minor').notNull().default(0),
    costMinor: money('cost_minor').notNull().default(0),
    uncostedMinor: money('uncosted_minor').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.storeId, t.businessDate, t.productId] })],
);

/** The figures the chain roll-ups of a product's sales keep, the store roll-up's less its store. */
function chainProductFigures() {
  return {
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    salesMinor: money('sales_minor').notNull(),
    discountMinor: money('discount_minor').notNull(),
    tickets: bigint('tickets', { mode: 'number' }).notNull(),
    returnedQuantity: bigint('returned_quantity', { mode: 'number' }).notNull(),
    returnsMinor: money('returns_minor').notNull(),
    costMinor: money('cost_minor').notNull(),
    uncostedMinor: money('uncosted_minor').notNull(),
  };
}

const chainProductDay = () => ({
  chainId: chainId(),
  businessDate: date('business_date', { mode: 'string' }).notNull(),
  productId: uuid('product_id').notNull(),
});

/**
 * The whole chain's sales of a product on a business day: `store_day_product_sales` summed over
 * the stores, so a month of the chain by category or product reads a row per product a day, not
 * one per store too. Every process's stores write their own store rows at once, so a chain row
 * kept at ingest would make them queue for its lock: instead triggers on the store roll-up append
 * each statement's change to `chain_day_product_changes`, and `foldChainRollUp` folds those in
 * here. A report reads both in one snapshot, so it is exact whenever folding last ran.
 */
export const chainDayProductSales = pgTable('chain_day_product_sales', { ...chainProductDay(), ...chainProductFigures() }, (t) => [
  primaryKey({ columns: [t.chainId, t.businessDate, t.productId] }),
]);

/**
 * The roll-ups filled from the ones they are made from, and when: a chain's roll-up of products is
 * read once its row is here. Migration 0041 writes it at once on a database with no sales yet; one
 * with sales has it filled by the first fold, outside the migration, so upgrading never holds up
 * ingest for as long as summing years of sales takes.
 */
export const rollUpFills = pgTable('roll_up_fills', {
  rollUp: text('roll_up').primaryKey(),
  filledAt: timestamp('filled_at', { withTimezone: true }).notNull(),
});

/**
 * Changes to the store roll-up of products not yet folded into `chain_day_product_sales` and
 * `store_group_month_product_sales`: appended, never updated. `store_id` is null on changes
 * appended before migration 0042, which the store groups' roll-up counts from the store roll-up
 * instead.
 */
export const chainDayProductChanges = pgTable('chain_day_product_changes', { ...chainProductDay(), ...chainProductFigures(), storeId: uuid('store_id') }, (t) => [
  index('chain_day_product_changes_day_idx').on(t.chainId, t.businessDate),
]);

export const storeGroupKind = pgEnum('store_group_kind', ['franchisee', 'region']);

/**
 * The sales of a product in a calendar month over the stores of a franchisee, or of a region (its
 * own stores, not those of the regions under it), as they are today: folded from
 * `chain_day_product_changes` with the chain's roll-ups, so a franchisee's or a region's month reads
 * a row per product, not one per store and day as well. When a store passes to another franchisee
 * or region, a trigger on `stores` (migration 0042) moves its months from the one to the other in
 * the same transaction. Read once its `roll_up_fills` row is written: the first fold fills it on a
 * database that held sales before it.
 */
export const storeGroupMonthProductSales = pgTable('store_group_month_product_sales', {
  chainId: chainId(),
  groupKind: storeGroupKind('group_kind').notNull(),
  groupId: uuid('group_id').notNull(),
  month: date('month', { mode: 'string' }).notNull(),
  productId: uuid('product_id').notNull(),
  ...chainProductFigures(),
}, (t) => [
  primaryKey({ columns: [t.chainId, t.groupKind, t.groupId, t.month, t.productId] }),
]);

/**
 * The whole chain's sales of a product in a calendar month (`month`: its first day):
 * `chain_day_product_sales` summed by month, so a month of the chain reads a row per product, not
 * one per product a day. Triggers on the day roll-up add each statement's change here (migration
 * 0042), so it holds the day roll-up's sums whoever folds into it, an older HQ during an upgrade too.
 */
export const chainMonthProductSales = pgTable('chain_month_product_sales', {
  chainId: chainId(),
  month: date('month', { mode: 'string' }).notNull(),
  productId: uuid('product_id').notNull(),
  ...chainProductFigures(),
}, (t) => [
  primaryKey({ columns: [t.chainId, t.month, t.productId] }),
]);

export const breakdownKind = pgEnum('sales_breakdown_kind', ['hour', 'clerk', 'member_level', 'tender']);

/**
 * Roll-up kept at ingest: a store's tickets of a business day broken down one way: by the hour
 * they were completed in (store time, `00`–`23`), by clerk credited (each line's net split by the
 * clerks' shares; `none` for lines no clerk took), by the member's level when the sale came in
 * (`none`: no member), or by tender (the amount paid with it). Returns are not broken down.
 */
export const salesBreakdowns = pgTable(
  'sales_breakdowns',
  {
    chainId: chainId(),
    kind: breakdownKind('kind').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    storeId: uuid('store_id').notNull(),
    key: text('key').notNull(),
    salesMinor: money('sales_minor').notNull(),
    discountMinor: money('discount_minor').notNull(),
    /** Tickets it has a part in: each ticket in one hour and one level, but in every tender and clerk it has. */
    tickets: integer('tickets').notNull(),
    /** Units: each line's split by shares for clerks; 0 for tenders. */
    items: bigint('items', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.kind, t.businessDate, t.storeId, t.key] })],
);

/**
 * Roll-up kept at ingest: what each promotion (by the rule id the till names on a line's
 * discounts, or on a gift line) gave away in a store on a business day, by product: its
 * discounts, and the gifts it handed out with their cost when given. Promotion return
 * (促销活动投资收益率) reads this beside the sales roll-ups.
 */
export const promotionDaySales = pgTable(
  'promotion_day_sales',
  {
    chainId: chainId(),
    ruleId: text('rule_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    storeId: uuid('store_id').notNull(),
    productId: uuid('product_id').notNull(),
    discountMinor: money('discount_minor').notNull(),
    giftUnits: bigint('gift_units', { mode: 'number' }).notNull(),
    /** The gifts at the product's cost in force when given; gifts of goods with no cost count nothing here. */
    giftCostMinor: money('gift_cost_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.ruleId, t.businessDate, t.storeId, t.productId] })],
);
