import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { chains } from '../org/org.tables';

export const memberMessageKind = pgEnum('member_message_kind', ['top_up', 'spend', 'low_balance', 'birthday', 'points_expiring', 'care_reminder', 'campaign']);
export const memberMessageStatus = pgEnum('member_message_status', ['pending', 'sent', 'failed']);

/**
 * The outbox of messages to members: queued in the transaction of what they tell (a top-up, a
 * spend) or by a daily job (greetings, reminders), then sent by the chain's provider. The text is
 * made when queued and kept, so the office sees exactly what went out. `dedupe_key` makes a job
 * that runs twice, or on two HQ processes at once, queue a message once.
 */
export const memberMessages = pgTable(
  'member_messages',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    memberId: uuid('member_id').notNull(),
    kind: memberMessageKind('kind').notNull(),
    /** The number it goes to, as it was when queued. */
    phone: text('phone').notNull(),
    text: text('text').notNull(),
    facts: jsonb('facts').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    status: memberMessageStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    providerRef: text('provider_ref'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    uniqueIndex('member_messages_dedupe').on(t.chainId, t.dedupeKey),
    index('member_messages_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('member_messages_chain_time').on(t.chainId, t.createdAt),
    index('member_messages_member').on(t.chainId, t.memberId),
  ],
);

/** Which messages a chain sends; defaults until HQ changes them. */
export const memberMessageSettings = pgTable('member_message_settings', {
  chainId: uuid('chain_id').primaryKey().references(() => chains.id),
  enabledKinds: text('enabled_kinds').array().notNull(),
  signature: text('signature').notNull(),
  lowBalanceBelowMinor: money('low_balance_below_minor').notNull(),
  careAfterMonths: integer('care_after_months').notNull(),
  pointsExpiryNoticeDays: integer('points_expiry_notice_days').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
