import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { approvalColumns, chainId, instant, money } from '../db/columns';
import { stores } from '../org/org.tables';

export const tender = pgEnum('tender', ['cash', 'bank_card', 'stored_value', 'points', 'voucher']);

/**
 * One row per finished sale, keyed by the id the till made: the idempotency key of ingest.
 * The append-only fact tables below (lines, payments, and the stock ledger) carry no foreign
 * keys: ingest checks every reference before writing and writes a sale's header and lines in
 * one statement, and per-row foreign-key checks cost as much as the inserts themselves.
 */
export const sales = pgTable(
  'sales',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    cashierId: uuid('cashier_id').notNull(),
    receiptNo: text('receipt_no').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    startedAt: instant('started_at').notNull(),
    completedAt: instant('completed_at').notNull(),
    subtotalMinor: money('subtotal_minor').notNull(),
    discountMinor: money('discount_minor').notNull(),
    totalMinor: money('total_minor').notNull(),
    /** Cash rounding (抹零): what the customer paid minus `total_minor`. */
    roundingMinor: money('rounding_minor').notNull().default(0),
    changeMinor: money('change_minor').notNull(),
    itemCount: integer('item_count').notNull(),
    receivedAt: instant('received_at').notNull(),
    /** The till's shift the sale was rung up in; null for sales from before shifts. */
    shiftId: uuid('shift_id'),
    /** The member the sale was priced for (会员消费跟踪), null for a sale without one. */
    memberId: uuid('member_id'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('sales_store_day').on(t.chainId, t.storeId, t.businessDate),
    /** A till looks a receipt up by its number to take goods back (退货). */
    index('sales_receipt_no').on(t.chainId, t.receiptNo),
    index('sales_shift').on(t.chainId, t.shiftId),
    /** A member's history and the level job's spend over a period. */
    index('sales_member').on(t.chainId, t.memberId, t.completedAt),
    /** What a store's tills sent in a window: sales of a closed commission period that arrived after it closed. */
    index('sales_store_received').on(t.chainId, t.storeId, t.receivedAt),
  ],
);

export const saleLines = pgTable(
  'sale_lines',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    saleId: uuid('sale_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    barcode: text('barcode'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: money('unit_price_minor').notNull(),
    grossMinor: money('gross_minor').notNull(),
    discountMinor: money('discount_minor').notNull(),
    netMinor: money('net_minor').notNull(),
    clerkId: uuid('clerk_id'),
    /** For a gift (赠品) the promotion that gave it; the line's discount is then its whole value. */
    giftRuleId: text('gift_rule_id'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('sale_lines_sale').on(t.chainId, t.saleId),
    /** Whether a product was ever sold (a sold product is never deleted) is a look-up, not a scan of every line. */
    index('sale_lines_product').on(t.chainId, t.productId),
  ],
);

/**
 * Who each line is credited to (营业员) and by what share, in basis points of the line: one row
 * with 10000 for a line one clerk sold, two for a shared one, none for a line the cashier sold.
 * Written with the sale's lines; commission is worked out from it.
 */
export const saleLineClerks = pgTable(
  'sale_line_clerks',
  {
    chainId: chainId(),
    saleId: uuid('sale_id').notNull(),
    lineId: uuid('line_id').notNull(),
    clerkId: uuid('clerk_id').notNull(),
    shareBp: integer('share_bp').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.lineId, t.clerkId] }),
    index('sale_line_clerks_sale').on(t.chainId, t.saleId),
    index('sale_line_clerks_clerk').on(t.chainId, t.clerkId),
    check('sale_line_clerks_share', sql`${t.shareBp} between 1 and 10000`),
  ],
);

export const salePayments = pgTable(
  'sale_payments',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    saleId: uuid('sale_id').notNull(),
    tender: tender('tender').notNull(),
    amountMinor: money('amount_minor').notNull(),
    tenderedMinor: money('tendered_minor'),
    reference: text('reference'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('sale_payments_sale').on(t.chainId, t.saleId),
  ],
);

/**
 * Each voucher code redeemed (代金券核销): a code is good for one sale in the whole chain.
 * Written with the sale that spent it; a later sale presenting the same code is still taken,
 * since the customer has gone, and its difference is kept for the office.
 */
export const voucherRedemptions = pgTable(
  'voucher_redemptions',
  {
    chainId: chainId(),
    code: text('code').notNull(),
    saleId: uuid('sale_id').notNull(),
    storeId: uuid('store_id').notNull(),
    ruleId: text('rule_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    redeemedAt: instant('redeemed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.code] })],
);

/**
 * Each manager override the till recorded on a sale (a function key that needed a manager's PIN
 * on the spot): which key, for which line, who asked and who approved. Written with the sale.
 */
export const saleApprovals = pgTable(
  'sale_approvals',
  { ...approvalColumns(), saleId: uuid('sale_id').notNull() },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('sale_approvals_sale').on(t.chainId, t.saleId), index('sale_approvals_store').on(t.chainId, t.storeId, t.at)],
);
