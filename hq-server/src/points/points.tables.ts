import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { memberAccounts } from '../members/membership.tables';
import { chains } from '../org/org.tables';

export const pointsEntryKind = pgEnum('points_entry_kind', [
  'earn', 'earn_reversal', 'redeem', 'redeem_reversal', 'redeem_refund', 'gift_redeem', 'expire', 'transfer_in', 'transfer_out', 'adjustment',
]);

/**
 * The points ledger (积分流水): append-only, one row per change of a pool (`member_accounts.points`),
 * signed (credits positive), written in the same transaction as the pool's balance. The document
 * behind an entry is its idempotency key with the kind: a sale earns once, a till's payment id
 * redeems and is reversed once, a return takes back and gives back once.
 */
export const pointsEntries = pgTable(
  'points_entries',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The member whose card or sale made the change (a child's, for a child card); null for a change of the pool as a whole. */
    memberId: uuid('member_id'),
    kind: pointsEntryKind('kind').notNull(),
    points: money('points').notNull(),
    balanceAfter: money('balance_after').notNull(),
    /** What a redemption took off the sale in fen, at the chain's rate when it was made; null for other kinds. */
    valueMinor: money('value_minor'),
    storeId: uuid('store_id'),
    franchiseeId: uuid('franchisee_id'),
    deviceId: uuid('device_id'),
    /** The office user who made it (gift redemption, adjustment). */
    actorId: uuid('actor_id'),
    saleId: uuid('sale_id'),
    returnId: uuid('return_id'),
    paymentId: uuid('payment_id'),
    reason: text('reason'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('points_entries_account').on(t.chainId, t.accountId, t.createdAt),
    index('points_entries_sale').on(t.chainId, t.saleId).where(sql`${t.saleId} is not null`),
    uniqueIndex('points_entries_earn').on(t.chainId, t.saleId).where(sql`${t.kind} = 'earn'`),
    uniqueIndex('points_entries_payment').on(t.chainId, t.paymentId, t.kind).where(sql`${t.kind} in ('redeem', 'redeem_reversal')`),
    uniqueIndex('points_entries_earn_reversal').on(t.chainId, t.returnId).where(sql`${t.kind} = 'earn_reversal'`),
    uniqueIndex('points_entries_redeem_refund').on(t.chainId, t.returnId, t.paymentId).where(sql`${t.kind} = 'redeem_refund'`),
    check('points_entries_balance', sql`${t.balanceAfter} >= 0`),
    foreignKey({ columns: [t.chainId, t.accountId], foreignColumns: [memberAccounts.chainId, memberAccounts.id] }),
  ],
);

/**
 * Points still held, by the day they came in (积分批次): every credit of a pool opens a lot, and
 * every debit (redemption, take-back, expiry, transfer out) consumes lots oldest first, so the
 * expiry job knows which points lapse. The lots' `remaining` always add up to the pool's points.
 */
export const pointsLots = pgTable(
  'points_lots',
  {
    chainId: chainId(),
    /** The id of the entry that opened the lot. */
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The business day the points came in, from which the chain's policy counts their expiry. */
    earnedOn: date('earned_on', { mode: 'string' }).notNull(),
    points: money('points').notNull(),
    remaining: money('remaining').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('points_lots_open').on(t.chainId, t.accountId, t.earnedOn).where(sql`${t.remaining} > 0`),
    index('points_lots_expiring').on(t.chainId, t.earnedOn).where(sql`${t.remaining} > 0`),
    check('points_lots_remaining', sql`${t.remaining} between 0 and ${t.points}`),
    foreignKey({ columns: [t.chainId, t.accountId], foreignColumns: [memberAccounts.chainId, memberAccounts.id] }),
  ],
);

/** Earning rules (积分规则): a rate by member level and category over a span of business days; see `PointsRuleBody`. */
export const pointsRules = pgTable(
  'points_rules',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    memberLevelId: uuid('member_level_id'),
    categoryId: uuid('category_id'),
    /** Basis points of one point per yuan of net amount. */
    rateBp: integer('rate_bp').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    check('points_rules_rate', sql`${t.rateBp} >= 0`),
    check('points_rules_span', sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`),
  ],
);

export const pointsExpiryKind = pgEnum('points_expiry_kind', ['none', 'end_of_year', 'after_months']);

/** What the chain decides about points; one row per chain, `defaultPointsSettings` until HQ saves them. */
export const pointsSettings = pgTable(
  'points_settings',
  {
    chainId: uuid('chain_id').primaryKey().references(() => chains.id),
    /** How many points take ¥1 off at the till. */
    redeemPointsPerYuan: integer('redeem_points_per_yuan').notNull(),
    expiryKind: pointsExpiryKind('expiry_kind').notNull(),
    /** For `after_months`: how many months after the earning day points lapse. */
    expiryMonths: integer('expiry_months'),
    updatedAt: instant('updated_at').notNull(),
    /** Stamped again whenever the chain's earning rules change too: tills pull the rules with this row (`points_earning`). */
    changeSeq: changeSeq(),
  },
  (t) => [
    index('points_settings_sync').on(t.chainId, t.changeSeq),
    check('points_settings_rate', sql`${t.redeemPointsPerYuan} > 0`),
    check('points_settings_months', sql`(${t.expiryKind} = 'after_months') = (${t.expiryMonths} is not null)`),
  ],
);
