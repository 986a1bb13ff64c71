import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, check, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { trigramIndex } from '../db/trigram-index';
import { chains } from '../org/org.tables';

export const levelRuleBasis = pgEnum('level_rule_basis', ['spend', 'points']);

/** Member levels (会员级别): member prices and promotions name them; tills pull them. */
export const memberLevels = pgTable(
  'member_levels',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
    /** Higher is better: the level job gives a member the highest-ranked level whose rule they meet. */
    rank: integer('rank').notNull().default(0),
    /**
     * What the level job measures for this level (会员升降级): the member's spend over the last
     * `rule_period_days`, or the account's points; null leaves the level to HQ's hand alone.
     */
    ruleBasis: levelRuleBasis('rule_basis'),
    /** The spend (minor units) or points a member needs to hold the level. */
    ruleThreshold: money('rule_threshold'),
    rulePeriodDays: integer('rule_period_days').notNull().default(365),
    /** The level a member falls back to when no rule holds them and when paid membership lapses; one per chain. */
    isDefault: boolean('is_default').notNull().default(false),
    /** Paid membership (付费会员): a renewal (续费) extends `members.paid_until` by this many months; null where the level is not sold. */
    paidPeriodMonths: integer('paid_period_months'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('member_levels_chain_code').on(t.chainId, t.code),
    index('member_levels_sync').on(t.chainId, t.changeSeq),
    uniqueIndex('member_levels_one_default').on(t.chainId).where(sql`${t.isDefault}`),
    check('member_levels_rule', sql`(${t.ruleBasis} is null) = (${t.ruleThreshold} is null) and ${t.rulePeriodDays} > 0 and (${t.ruleThreshold} is null or ${t.ruleThreshold} >= 0)`),
    check('member_levels_paid_period', sql`${t.paidPeriodMonths} is null or ${t.paidPeriodMonths} between 1 and 120`),
  ],
);

export const memberGender = pgEnum('member_gender', ['female', 'male', 'unspecified']);

/** A member (会员) as the till looks one up by card number (`member_cards`) or phone to price the basket. */
export const members = pgTable(
  'members',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    phone: text('phone'),
    name: text('name').notNull(),
    /** The name in toneless pinyin and its initials (张伟 → `zhangwei`, `zw`), made at HQ on enrolment; null until computed. */
    namePinyin: text('name_pinyin'),
    nameInitials: text('name_initials'),
    levelId: uuid('level_id').notNull(),
    /** MM-DD, or YYYY-MM-DD when the year was given. */
    birthday: text('birthday'),
    gender: memberGender('gender').notNull().default('unspecified'),
    /** Whether the member agreed to receive messages (短信通知); none is sent otherwise. */
    consentToMessages: boolean('consent_to_messages').notNull().default(false),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The stored value and points the member's cards use: their own, or their parent's for a child card (附卡). */
    accountId: uuid('account_id').notNull(),
    /** The parent member of a child card (主附卡), null for a member on their own account. */
    parentMemberId: uuid('parent_member_id'),
    /** What the parent allows a child card to spend of the shared stored value, per transaction and per business day; null is no limit. */
    childTxnLimitMinor: money('child_txn_limit_minor'),
    childDayLimitMinor: money('child_day_limit_minor'),
    /** Paid membership (付费会员): the last day it runs, null where the level is not sold. */
    paidUntil: date('paid_until', { mode: 'string' }),
    /** A duplicate merged (合并) into another member: inactive, its ledgers moved there. */
    mergedIntoMemberId: uuid('merged_into_member_id'),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('members_phone').on(t.chainId, t.phone),
    /** An active member's mobile number is theirs alone in the chain: a till finds them by it. */
    uniqueIndex('members_chain_active_phone').on(t.chainId, t.phone).where(sql`${t.active}`),
    /** The office's member search (`members/members.repo.ts`): name, pinyin, a phone's last four digits (card numbers: `member_cards`). */
    trigramIndex('members_name_trgm', t.name),
    trigramIndex('members_name_pinyin_trgm', t.namePinyin),
    trigramIndex('members_name_initials_trgm', t.nameInitials),
    trigramIndex('members_phone_trgm', t.phone),
    foreignKey({ columns: [t.chainId, t.levelId], foreignColumns: [memberLevels.chainId, memberLevels.id] }),
    index('members_account').on(t.chainId, t.accountId),
    index('members_parent').on(t.chainId, t.parentMemberId),
    check('members_child_limits', sql`(${t.childTxnLimitMinor} is null or ${t.childTxnLimitMinor} >= 0) and (${t.childDayLimitMinor} is null or ${t.childDayLimitMinor} >= 0)`),
  ],
);

/**
 * Where HQ's re-pricing of an ingested sale differs from the till's figure: one row per line
 * that differs and one (`line_id` null) for the ticket total. Append-only, written in the
 * same statement as the sale, without foreign keys (see sales.tables.ts).
 */
export const pricingDiscrepancies = pgTable(
  'pricing_discrepancies',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    saleId: uuid('sale_id').notNull(),
    storeId: uuid('store_id').notNull(),
    lineId: uuid('line_id'),
    tillMinor: money('till_minor').notNull(),
    hqMinor: money('hq_minor').notNull(),
    differenceMinor: money('difference_minor').notNull(),
    detail: jsonb('detail').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('pricing_discrepancies_sale').on(t.chainId, t.saleId),
    index('pricing_discrepancies_store_time').on(t.chainId, t.storeId, t.createdAt),
  ],
);
