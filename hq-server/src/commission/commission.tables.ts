import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { chains, clerks, stores } from '../org/org.tables';

/** The chain's commission cycle (结算周期): periods run from `cycle_start_day` of one month to the day before it in the next. */
export const commissionSettings = pgTable('commission_settings', {
  chainId: uuid('chain_id').primaryKey().references(() => chains.id),
  cycleStartDay: integer('cycle_start_day').notNull().default(1),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [check('commission_settings_start_day', sql`${t.cycleStartDay} between 1 and 28`)]);

/**
 * Versions of the chain's commission plan (提成方案), each in force over a span of business days
 * that no other version overlaps. The rules are kept whole as the plan editor saves them (zod
 * `CommissionRule[]`); a version periods were closed under is never changed again.
 */
export const commissionPlans = pgTable(
  'commission_plans',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    exclusions: jsonb('exclusions').notNull(),
    poolShare: text('pool_share').notNull(),
    gradeWeights: jsonb('grade_weights').notNull(),
    rules: jsonb('rules').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('commission_plans_span').on(t.chainId, t.validFrom),
    check('commission_plans_span', sql`${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`),
  ],
);

/**
 * Every sale line as commission reads it, written with the sale (`sales/write-sales.ts`) and
 * never changed: the sale's store, day, instants and member beside the line's facts and its
 * clerks' shares (largest first). Its primary key, written by hand in migration 0031 since
 * drizzle has no INCLUDE, is (chain, store, business day, completed, sale, line number) and
 * carries every other column: a store's period is one range of one index, read in the order
 * the lines were sold without touching the table, however the stores' sales interleave.
 */
export const commissionLines = pgTable(
  'commission_lines',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    lineId: uuid('line_id').notNull(),
    saleId: uuid('sale_id').notNull(),
    lineNo: integer('line_no').notNull(),
    completedAt: instant('completed_at').notNull(),
    receivedAt: instant('received_at').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    netMinor: money('net_minor').notNull(),
    discounted: boolean('discounted').notNull(),
    gift: boolean('gift').notNull(),
    memberId: uuid('member_id'),
    clerkIds: uuid('clerk_ids').array().notNull(),
    shareBps: integer('share_bps').array().notNull(),
  },
  (t) => [check('commission_lines_shares', sql`cardinality(${t.clerkIds}) = cardinality(${t.shareBps})`)],
);

/**
 * A counter (柜组) of a store: the categories it sells, whose lines pay its pool (公拥) when a
 * rule pools them or no clerk sold them. A line of no counter pays the store's own pool.
 */
export const counters = pgTable(
  'counters',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    categoryIds: uuid('category_ids').array().notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('counters_store_code').on(t.chainId, t.storeId, t.code),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
  ],
);

/** Who was on duty in a pool on a day, and for how long (出勤): a pool's takings of the day are divided among them. `pool_id` is a counter's id, or the store's for its own pool. */
export const commissionDuty = pgTable(
  'commission_duty',
  {
    chainId: chainId(),
    storeId: uuid('store_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    clerkId: uuid('clerk_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.poolId, t.date, t.clerkId] }),
    index('commission_duty_store').on(t.chainId, t.storeId, t.date),
    foreignKey({ columns: [t.chainId, t.clerkId], foreignColumns: [clerks.chainId, clerks.id] }),
    check('commission_duty_minutes', sql`${t.minutes} between 1 and 1440`),
  ],
);

export const commissionTargetKind = pgEnum('commission_target_kind', ['clerk', 'pool']);

/** Monthly sales targets (销售目标) of a clerk or a pool, by period. */
export const commissionTargets = pgTable(
  'commission_targets',
  {
    chainId: chainId(),
    periodKey: text('period_key').notNull(),
    kind: commissionTargetKind('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    storeId: uuid('store_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.periodKey, t.kind, t.subjectId] }),
    index('commission_targets_store').on(t.chainId, t.storeId, t.periodKey),
    check('commission_targets_amount', sql`${t.amountMinor} > 0`),
  ],
);

/**
 * A store's commission for a period: open while it is previewed and recomputed (`fingerprint`
 * says what its figures were worked from, so an unchanged store is not worked again), then
 * closed (营业员结算) with who closed it, and the month's sales as the tiers measured them, from
 * which a sale that arrives late is paid.
 */
export const commissionStorePeriods = pgTable(
  'commission_store_periods',
  {
    chainId: chainId(),
    periodKey: text('period_key').notNull(),
    storeId: uuid('store_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    computedAt: instant('computed_at').notNull(),
    /** `{ clerks: Record<id, minor>, pools: Record<id, minor> }` at the end of the period. */
    measures: jsonb('measures').notNull(),
    closedAt: instant('closed_at'),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.periodKey, t.storeId] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
  ],
);

export const commissionResultKind = pgEnum('commission_result_kind', ['sales', 'clawback', 'late_sale', 'pool_share', 'pool_total', 'unassigned', 'adjustment']);

/**
 * A store's commission for a period, per beneficiary and kind: a clerk's lines (`sales`), what
 * returns took back (`clawback`), sales of a closed period that arrived after it closed
 * (`late_sale`, `origin_period` theirs), the clerk's part of pools (`pool_share`); a pool's
 * takings (`pool_total`) and what no one on duty took (`unassigned`); and adjustments made after
 * a close (`adjustment`, with their reason). Worked out again while the period is open; fixed once closed.
 */
export const commissionResults = pgTable(
  'commission_results',
  {
    chainId: chainId(),
    periodKey: text('period_key').notNull(),
    storeId: uuid('store_id').notNull(),
    franchiseeId: uuid('franchisee_id'),
    beneficiaryKind: text('beneficiary_kind').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    kind: commissionResultKind('kind').notNull(),
    originPeriod: text('origin_period').notNull().default(''),
    /** The net sales (or units) the amount was worked from. */
    baseMinor: money('base_minor').notNull(),
    amountMinor: money('amount_minor').notNull(),
    lines: integer('lines').notNull(),
  },
  (t) => [
    primaryKey({ name: 'commission_results_pk', columns: [t.chainId, t.periodKey, t.storeId, t.beneficiaryKind, t.beneficiaryId, t.kind, t.originPeriod] }),
    index('commission_results_beneficiary').on(t.chainId, t.beneficiaryId, t.periodKey),
  ],
);

/** A change to a clerk's or pool's commission made by hand after a period closed, carried into an open period with its reason. */
export const commissionAdjustments = pgTable(
  'commission_adjustments',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    periodKey: text('period_key').notNull(),
    storeId: uuid('store_id').notNull(),
    beneficiaryKind: text('beneficiary_kind').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    reason: text('reason').notNull(),
    /** The closed period it corrects. */
    originPeriod: text('origin_period').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('commission_adjustments_store').on(t.chainId, t.storeId, t.periodKey)],
);
