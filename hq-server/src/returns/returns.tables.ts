import { date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { approvalColumns, chainId, instant, money } from '../db/columns';
import { stores } from '../org/org.tables';
import { tender } from '../sales/sales.tables';

/**
 * One row per return or exchange (退换货) a till made, keyed by its id: the idempotency key of
 * ingest. The original sale may be another store's of the chain, or none (no receipt). The
 * child tables, like a sale's, carry no foreign keys: ingest checks references first.
 */
export const returns = pgTable(
  'returns',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    cashierId: uuid('cashier_id').notNull(),
    /** The till's shift the refund was paid from; null from a till that kept no shifts. */
    shiftId: uuid('shift_id'),
    returnNo: text('return_no').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    completedAt: instant('completed_at').notNull(),
    originalSaleId: uuid('original_sale_id'),
    /** The store that made the original sale (whose clerks' commission a return takes back), when HQ knows the sale. */
    originalStoreId: uuid('original_store_id'),
    originalReceiptNo: text('original_receipt_no'),
    reason: text('reason').notNull(),
    /** What the lines coming back refund, before any claw-back. */
    backMinor: money('back_minor').notNull(),
    clawbackMinor: money('clawback_minor').notNull(),
    /** An exchange's goods going out. */
    outMinor: money('out_minor').notNull(),
    creditMinor: money('credit_minor').notNull(),
    refundedMinor: money('refunded_minor').notNull(),
    paidMinor: money('paid_minor').notNull(),
    roundingMinor: money('rounding_minor').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('returns_store_day').on(t.chainId, t.storeId, t.businessDate),
    index('returns_original_sale').on(t.chainId, t.originalSaleId),
    index('returns_original_store_day').on(t.chainId, t.originalStoreId, t.businessDate),
  ],
);

export const returnLineDirection = pgEnum('return_line_direction', ['back', 'out']);

/** Lines coming back (`back`, naming the sale line, `amount_minor` the refund) and an exchange's lines going out (`out`, its net). */
export const returnLines = pgTable(
  'return_lines',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    returnId: uuid('return_id').notNull(),
    direction: returnLineDirection('direction').notNull(),
    saleLineId: uuid('sale_line_id'),
    productId: uuid('product_id').notNull(),
    barcode: text('barcode'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    quantity: integer('quantity').notNull(),
    amountMinor: money('amount_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('return_lines_return').on(t.chainId, t.returnId),
    index('return_lines_sale_line').on(t.chainId, t.saleLineId),
  ],
);

export const returnMoneyDirection = pgEnum('return_money_direction', ['refund', 'payment']);

/** Money back to the customer per tender (naming the sale's payment), or what they paid for an exchange. */
export const returnRefunds = pgTable(
  'return_refunds',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    returnId: uuid('return_id').notNull(),
    direction: returnMoneyDirection('direction').notNull(),
    tender: tender('tender').notNull(),
    amountMinor: money('amount_minor').notNull(),
    salePaymentId: uuid('sale_payment_id'),
    reference: text('reference'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('return_refunds_return').on(t.chainId, t.returnId), index('return_refunds_payment').on(t.chainId, t.salePaymentId)],
);

/** Each manager override (店长授权) on a return: the refund key, a return without receipt, or a refund above the chain's amount. */
export const returnApprovals = pgTable(
  'return_approvals',
  { ...approvalColumns(), returnId: uuid('return_id').notNull() },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('return_approvals_return').on(t.chainId, t.returnId), index('return_approvals_store').on(t.chainId, t.storeId, t.at)],
);

/**
 * What the office must look at about a return HQ took anyway, since the till had already paid the
 * customer: a sale line returned beyond what was sold across tills (`OVER_RETURN`), a tender
 * refunded beyond what it paid (`OVER_REFUND`), or stored value refunded that the card could not
 * be credited (`STORED_VALUE_REFUND`, why in `detail.reason`).
 */
export const returnDifferences = pgTable(
  'return_differences',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    returnId: uuid('return_id').notNull(),
    storeId: uuid('store_id').notNull(),
    problem: text('problem').notNull(),
    saleLineId: uuid('sale_line_id'),
    salePaymentId: uuid('sale_payment_id'),
    /** Units or minor units beyond what the sale allows. */
    excess: money('excess').notNull(),
    detail: jsonb('detail').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('return_differences_return').on(t.chainId, t.returnId), index('return_differences_store').on(t.chainId, t.storeId, t.createdAt)],
);
