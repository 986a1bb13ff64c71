import type { DenominationCount, ShiftApproval, ShiftTotals } from '@pos/shared';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { chains, stores } from '../org/org.tables';

/** The chain's reasons for cash in and out (收支类别); tills pull them by change sequence. */
export const cashReasons = pgTable(
  'cash_reasons',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** `in`, `out` or `both`. */
    direction: text('direction').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), unique('cash_reasons_chain_code').on(t.chainId, t.code), index('cash_reasons_sync').on(t.chainId, t.changeSeq)],
);

/**
 * One row per shift opened on a till, from its `shift_open` document (the shift's id is that
 * document's): HQ knows a shift from the moment it opens.
 */
export const shifts = pgTable(
  'shifts',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    cashierId: uuid('cashier_id').notNull(),
    /** The store's calendar day the shift opened on. */
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    openedAt: instant('opened_at').notNull(),
    floatMinor: money('float_minor').notNull(),
    denominations: jsonb('denominations').$type<DenominationCount[] | null>(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('shifts_store_day').on(t.chainId, t.storeId, t.businessDate),
  ],
);

/** Cash put in or taken out of a till in a shift, with its reason; append-only like the sale facts. */
export const cashMovements = pgTable(
  'cash_movements',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    shiftId: uuid('shift_id').notNull(),
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    cashierId: uuid('cashier_id').notNull(),
    direction: text('direction').notNull(),
    reasonId: uuid('reason_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    note: text('note'),
    approval: jsonb('approval').$type<ShiftApproval | null>(),
    at: instant('at').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('cash_movements_shift').on(t.chainId, t.shiftId)],
);

/**
 * A shift's close with its blind count, from the `shift_close` document: one a shift. The Z
 * figures the till computed are kept whole in `totals`; the cash columns are for lists.
 */
export const shiftCloses = pgTable(
  'shift_closes',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    shiftId: uuid('shift_id').notNull(),
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    closedBy: uuid('closed_by').notNull(),
    closedAt: instant('closed_at').notNull(),
    countedCashMinor: money('counted_cash_minor').notNull(),
    expectedCashMinor: money('expected_cash_minor').notNull(),
    differenceMinor: money('difference_minor').notNull(),
    denominations: jsonb('denominations').$type<DenominationCount[] | null>(),
    totals: jsonb('totals').$type<ShiftTotals>().notNull(),
    approval: jsonb('approval').$type<ShiftApproval | null>(),
    /** Documents still waiting on the till when it closed; null from tills before it was kept. */
    documentsWaiting: integer('documents_waiting'),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), unique('shift_closes_one_per_shift').on(t.chainId, t.shiftId)],
);
