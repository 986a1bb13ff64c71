import { date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { stores } from '../org/org.tables';

/**
 * One row per use of a key that acts without a sale (a drawer opened with no sale, a ticket
 * voided, a receipt printed again), keyed by the id the till made: the idempotency key of ingest.
 * A manager's approval, when the clerk's role needed one, is kept on the row (one at most).
 */
export const tillEvents = pgTable(
  'till_events',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    /** A `TillEventKind`: `no_sale`, `void_ticket` or `reprint`. */
    event: text('event').notNull(),
    clerkId: uuid('clerk_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    completedAt: instant('completed_at').notNull(),
    /** What a voided ticket held; null for the other kinds. */
    lineCount: integer('line_count'),
    grossMinor: money('gross_minor'),
    netMinor: money('net_minor'),
    currency: text('currency'),
    /** The receipt a reprint printed again. */
    receiptNo: text('receipt_no'),
    approvalId: uuid('approval_id'),
    approvedBy: uuid('approved_by'),
    approvedAt: instant('approved_at'),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('till_events_store_day').on(t.chainId, t.storeId, t.businessDate),
  ],
);
