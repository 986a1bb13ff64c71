import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { tender } from '../sales/sales.tables';
import { memberAccounts } from '../members/membership.tables';
import { chains } from '../org/org.tables';

/** Top-up bonus rules (充值赠送, "top up 500, get 50"): the largest bonus whose minimum a top-up reaches, on a store-local day within the dates. */
export const topUpRules = pgTable(
  'top_up_rules',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    minTopUpMinor: money('min_top_up_minor').notNull(),
    bonusMinor: money('bonus_minor').notNull(),
    /** First and last store-local day the rule runs, null for open-ended. */
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    check('top_up_rules_amounts', sql`${t.minTopUpMinor} > 0 and ${t.bonusMinor} > 0`),
    check('top_up_rules_dates', sql`${t.startsOn} is null or ${t.endsOn} is null or ${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const adjustmentStatus = pgEnum('stored_value_adjustment_status', ['pending', 'approved', 'rejected']);

/**
 * Office corrections of a stored-value balance (调账). One within the chain's threshold is
 * approved and posted when it is made; a larger one waits, pending, for a second office user,
 * and only their approval posts the ledger entry.
 */
export const storedValueAdjustments = pgTable(
  'stored_value_adjustments',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    reason: text('reason').notNull(),
    status: adjustmentStatus('status').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    entryId: uuid('entry_id'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('stored_value_adjustments_account').on(t.chainId, t.accountId, t.requestedAt),
    check('stored_value_adjustments_amount', sql`${t.amountMinor} <> 0`),
    foreignKey({ columns: [t.chainId, t.accountId], foreignColumns: [memberAccounts.chainId, memberAccounts.id] }),
  ],
);

/**
 * Which spend each stored-value refund gives back (the ledger entry keeps the return as its
 * document), so the refunds of one spend can never add up to more than it took.
 */
export const storedValueRefunds = pgTable(
  'stored_value_refunds',
  {
    chainId: chainId(),
    paymentId: uuid('payment_id').notNull(),
    originalPaymentId: uuid('original_payment_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    bonusMinor: money('bonus_minor').notNull(),
    entryId: uuid('entry_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.paymentId] }),
    index('stored_value_refunds_original').on(t.chainId, t.originalPaymentId),
    check('stored_value_refunds_amount', sql`${t.amountMinor} > 0 and ${t.bonusMinor} between 0 and ${t.amountMinor}`),
  ],
);

/**
 * Top-ups (会员充值) as the counter or the office took them: the tender and its reference, for the
 * drawer and the card terminal, and the rule that gave the bonus. The ledger holds the money;
 * this row answers a retried top-up with its first slip.
 */
export const storedValueTopUps = pgTable(
  'stored_value_top_ups',
  {
    chainId: chainId(),
    paymentId: uuid('payment_id').notNull(),
    accountId: uuid('account_id').notNull(),
    cardId: uuid('card_id').notNull(),
    tender: tender('tender').notNull(),
    reference: text('reference'),
    amountMinor: money('amount_minor').notNull(),
    bonusMinor: money('bonus_minor').notNull(),
    balanceAfterMinor: money('balance_after_minor').notNull(),
    ruleId: uuid('rule_id'),
    ruleName: text('rule_name'),
    entryId: uuid('entry_id').notNull(),
    bonusEntryId: uuid('bonus_entry_id'),
    storeId: uuid('store_id'),
    deviceId: uuid('device_id'),
    actorId: uuid('actor_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.paymentId] }),
    index('stored_value_top_ups_store_time').on(t.chainId, t.storeId, t.createdAt),
    check('stored_value_top_ups_amounts', sql`${t.amountMinor} > 0 and ${t.bonusMinor} >= 0`),
    check('stored_value_top_ups_tender', sql`${t.tender} in ('cash', 'bank_card')`),
  ],
);

/**
 * Receivables of offline stored-value payments (应收储值): what a payment a till took offline
 * asked beyond the account's balance when the sale reached HQ. The account's `receivable_minor`
 * is what its open rows still owe; a top-up pays them off oldest first (a `receivable_settlement`
 * entry), and the last one to be paid off unblocks the account's cards.
 */
export const storedValueReceivables = pgTable(
  'stored_value_receivables',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    cardId: uuid('card_id').notNull(),
    saleId: uuid('sale_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    /** Paid off so far; the row is settled when it reaches the amount. */
    settledMinor: money('settled_minor').notNull().default(0),
    storeId: uuid('store_id').notNull(),
    franchiseeId: uuid('franchisee_id'),
    createdAt: instant('created_at').notNull(),
    settledAt: instant('settled_at'),
    /** The settlement entry that paid off the last of it. */
    settledByEntry: uuid('settled_by_entry'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    uniqueIndex('stored_value_receivables_payment').on(t.chainId, t.paymentId),
    index('stored_value_receivables_account').on(t.chainId, t.accountId, t.createdAt),
    index('stored_value_receivables_time').on(t.chainId, t.createdAt),
    check('stored_value_receivables_amounts', sql`${t.amountMinor} > 0 and ${t.settledMinor} between 0 and ${t.amountMinor}`),
    check('stored_value_receivables_settled', sql`(${t.settledAt} is null) = (${t.settledMinor} < ${t.amountMinor})`),
    foreignKey({ columns: [t.chainId, t.accountId], foreignColumns: [memberAccounts.chainId, memberAccounts.id] }),
  ],
);
