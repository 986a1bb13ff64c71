import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { trigramIndex } from '../db/trigram-index';
import { chains } from '../org/org.tables';

/**
 * A card's life (卡状态): `issued` cards are printed and handed out but not yet usable;
 * `active` ones buy, earn and pay; `lost` (挂失) blocks at once; `replaced` (补卡) is the old card
 * once its successor exists; `cancelled` (注销) is final.
 */
export const memberCardStatus = pgEnum('member_card_status', ['issued', 'active', 'lost', 'replaced', 'cancelled']);

/**
 * Member cards (会员卡), three in one: member, points and stored-value card. A member holds any
 * number over time (replacements); issuing, activating and replacing keep one of them active,
 * and a merge (合并) brings the duplicate's active cards along, so a merged member may hold two. The card number carries a check
 * digit; the PIN, when the member set one, guards stored-value payments only.
 */
export const memberCards = pgTable(
  'member_cards',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    cardNo: text('card_no').notNull(),
    memberId: uuid('member_id').notNull(),
    status: memberCardStatus('status').notNull(),
    /** scrypt hash of the stored-value PIN, null when the card has none. */
    pinHash: text('pin_hash'),
    /** Wrong PINs since the last right one; the card refuses PINs until `pinLockedUntil` once it reaches the chain's limit. */
    pinFailedTries: integer('pin_failed_tries').notNull().default(0),
    pinLockedUntil: instant('pin_locked_until'),
    /** The card that replaced this one (补卡), set with status `replaced`. */
    replacedByCardId: uuid('replaced_by_card_id'),
    issuedAt: instant('issued_at').notNull(),
    /** Where the card was issued, null when HQ issued it. */
    issuedStoreId: uuid('issued_store_id'),
    statusChangedAt: instant('status_changed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    uniqueIndex('member_cards_chain_card_no').on(t.chainId, t.cardNo),
    /** The office's search by a card number's start (`members/members.repo.ts`). */
    trigramIndex('member_cards_card_no_trgm', t.cardNo),
    index('member_cards_member').on(t.chainId, t.memberId),
    check('member_cards_pin_tries', sql`${t.pinFailedTries} >= 0`),
  ],
);

/**
 * The money and points behind one or more cards (储值账户与积分池): a member's own, or a family's
 * or company's shared by a parent card and its children (主附卡). The balances are running totals
 * of the ledgers `stored_value_entries` and `points_entries`, written in the same transaction as
 * each entry; `pnpm ledger:verify` proves them equal.
 */
export const memberAccounts = pgTable(
  'member_accounts',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    /** The member who owns the account: the parent of a family. */
    holderMemberId: uuid('holder_member_id').notNull(),
    /** Stored value held, bonus money included. */
    balanceMinor: money('balance_minor').notNull().default(0),
    /** The part of `balanceMinor` that came as top-up bonuses (赠送金额). */
    bonusMinor: money('bonus_minor').notNull().default(0),
    points: money('points').notNull().default(0),
    /**
     * Set when an offline stored-value debit could not be settled (the account would have gone
     * below zero): the shortfall is a receivable and every card of the account is refused until
     * it is settled.
     */
    receivableMinor: money('receivable_minor').notNull().default(0),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    uniqueIndex('member_accounts_holder').on(t.chainId, t.holderMemberId),
    check('member_accounts_balance', sql`${t.balanceMinor} >= 0`),
    check('member_accounts_bonus', sql`${t.bonusMinor} between 0 and ${t.balanceMinor}`),
    check('member_accounts_points', sql`${t.points} >= 0`),
    check('member_accounts_receivable', sql`${t.receivableMinor} >= 0`),
  ],
);

export const storedValueEntryKind = pgEnum('stored_value_entry_kind', [
  'top_up',
  'top_up_bonus',
  'spend',
  'spend_reversal',
  'refund',
  'transfer_out',
  'transfer_in',
  'adjustment',
  'cancellation',
  'receivable_settlement',
]);

/**
 * The stored-value ledger (储值流水): append-only, one row per change of an account's balance,
 * signed (credits positive). `bonusMinor` is the part of the amount that is bonus money. Each
 * entry names the store and that store's franchisee when it was made, so stored value can be
 * settled between franchisees and HQ (储值跨店结算). A till's payment id keys its spend, so a
 * retried authorisation finds the first one instead of debiting again.
 */
export const storedValueEntries = pgTable(
  'stored_value_entries',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The member whose card made the change (a child's, for a child card), null for transfers and office adjustments of the account. */
    memberId: uuid('member_id'),
    cardId: uuid('card_id'),
    kind: storedValueEntryKind('kind').notNull(),
    amountMinor: money('amount_minor').notNull(),
    bonusMinor: money('bonus_minor').notNull().default(0),
    balanceAfterMinor: money('balance_after_minor').notNull(),
    storeId: uuid('store_id'),
    franchiseeId: uuid('franchisee_id'),
    deviceId: uuid('device_id'),
    /** The office user or the till's clerk who made it. */
    actorId: uuid('actor_id'),
    /** The till's payment id (spend, reversal, refund, top-up): the idempotency key with `kind`. */
    paymentId: uuid('payment_id'),
    /** The sale, return or top-up document it belongs to. */
    documentId: uuid('document_id'),
    /** Made by a till offline within the chain's allowance and settled when it reconnected. */
    offline: boolean('offline').notNull().default(false),
    reason: text('reason'),
    /** The second person who approved an adjustment above the chain's threshold. */
    approvedBy: uuid('approved_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('stored_value_entries_account').on(t.chainId, t.accountId, t.createdAt),
    uniqueIndex('stored_value_entries_payment').on(t.chainId, t.paymentId, t.kind).where(sql`${t.paymentId} is not null`),
    index('stored_value_entries_store_time').on(t.chainId, t.storeId, t.createdAt),
    check('stored_value_entries_bonus_within', sql`abs(${t.bonusMinor}) <= abs(${t.amountMinor})`),
    foreignKey({ columns: [t.chainId, t.accountId], foreignColumns: [memberAccounts.chainId, memberAccounts.id] }),
  ],
);

/** What the chain decides about membership money; one row per chain, defaults until HQ changes them. */
export const membershipSettings = pgTable('membership_settings', {
  chainId: uuid('chain_id').primaryKey().references(() => chains.id),
  /** Whether a spend takes bonus money before the member's own (else after it). */
  bonusSpentFirst: boolean('bonus_spent_first').notNull().default(false),
  pinMaxTries: integer('pin_max_tries').notNull().default(5),
  pinLockMinutes: integer('pin_lock_minutes').notNull().default(30),
  /** An adjustment larger than this needs a second person's approval. */
  adjustmentApprovalAboveMinor: money('adjustment_approval_above_minor').notNull().default(50_000),
  /** Offline stored-value allowance (离线储值额度): per card and per till in one offline spell; zero means online only. */
  offlineCardAllowanceMinor: money('offline_card_allowance_minor').notNull().default(0),
  offlineTillAllowanceMinor: money('offline_till_allowance_minor').notNull().default(0),
  /** On cancellation (注销) a remaining balance is forfeited instead of refunded. */
  cancelForfeitsBalance: boolean('cancel_forfeits_balance').notNull().default(false),
  updatedAt: instant('updated_at').notNull(),
  /** Tills pull the offline allowance from this row (`stored_value_allowance`). */
  changeSeq: changeSeq(),
}, (t) => [index('membership_settings_sync').on(t.chainId, t.changeSeq)]);

/**
 * How HQ numbers the cards it issues: the chain's prefix, then the next sequence number padded
 * to `width` digits, then the Luhn check digit. One row per chain, made on the first issue; the
 * sequence moves by an atomic update, so two issues never get one number.
 */
export const memberCardNumbering = pgTable('member_card_numbering', {
  chainId: uuid('chain_id').primaryKey().references(() => chains.id),
  prefix: text('prefix').notNull().default('8888'),
  width: integer('width').notNull().default(7),
  lastSequence: bigint('last_sequence', { mode: 'number' }).notNull().default(0),
}, (t) => [check('member_card_numbering_prefix', sql`${t.prefix} ~ '^[2-9][0-9]{1,7}$' and ${t.width} between 4 and 10`)]);

/** Each renewal of a paid membership (续费): the level, the paid-until date before and after, who did it. */
export const memberRenewals = pgTable(
  'member_renewals',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    memberId: uuid('member_id').notNull(),
    levelId: uuid('level_id').notNull(),
    paidUntilBefore: date('paid_until_before', { mode: 'string' }),
    paidUntilAfter: date('paid_until_after', { mode: 'string' }).notNull(),
    actorId: uuid('actor_id').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('member_renewals_member').on(t.chainId, t.memberId, t.at)],
);
