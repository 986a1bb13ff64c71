import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, check, jsonb, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { trigramIndex } from '../db/trigram-index';
import { chains } from '../org/org.tables';

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
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('member_levels_chain_code').on(t.chainId, t.code),
    index('member_levels_sync').on(t.chainId, t.changeSeq),
  ],
);

export const memberGender = pgEnum('member_gender', ['female', 'male', 'unspecified']);

/** A member (会员) as the till looks one up by card number or phone to price the basket. */
export const members = pgTable(
  'members',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    cardNo: text('card_no').notNull(),
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
    unique('members_chain_card').on(t.chainId, t.cardNo),
    index('members_phone').on(t.chainId, t.phone),
    /** An active member's mobile number is theirs alone in the chain: a till finds them by it. */
    uniqueIndex('members_chain_active_phone').on(t.chainId, t.phone).where(sql`${t.active}`),
    /** The office's member search (`members/members.repo.ts`): card number's start, name, pinyin, a phone's last four digits. */
    trigramIndex('members_card_no_trgm', t.cardNo),
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
