import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';
import { pageOf, pageQuery } from './paging';

/**
 * Messages to members (短信自动通知会员): notices of their money (top-up, spend, a low balance),
 * greetings (birthday), points about to be cleared, and care reminders after months without a visit.
 */
export const MemberMessageKind = z.enum(['top_up', 'spend', 'low_balance', 'birthday', 'points_expiring', 'care_reminder']);
export type MemberMessageKind = z.infer<typeof MemberMessageKind>;

export const MemberMessageStatus = z.enum(['pending', 'sent', 'failed']);
export type MemberMessageStatus = z.infer<typeof MemberMessageStatus>;

const Minor = z.number().int();

/** What each kind of message says, beside the member: the facts its text is made from. */
export const MemberMessageFacts = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('top_up'), currency: z.string().length(3), amountMinor: Minor, bonusMinor: Minor, balanceMinor: Minor, storeName: z.string() }),
  z.object({ kind: z.literal('spend'), currency: z.string().length(3), amountMinor: Minor, balanceMinor: Minor, storeName: z.string() }),
  z.object({ kind: z.literal('low_balance'), currency: z.string().length(3), balanceMinor: Minor }),
  z.object({ kind: z.literal('birthday'), name: z.string() }),
  z.object({ kind: z.literal('points_expiring'), points: z.number().int().positive(), expiresOn: z.iso.date() }),
  z.object({ kind: z.literal('care_reminder'), name: z.string(), months: z.number().int().positive() }),
]);
export type MemberMessageFacts = z.infer<typeof MemberMessageFacts>;

/** A message as the office lists it: the phone masked, the text exactly as it was (or will be) sent. */
export const MemberMessage = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  phoneMasked: z.string(),
  kind: MemberMessageKind,
  text: z.string(),
  status: MemberMessageStatus,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
});
export type MemberMessage = z.infer<typeof MemberMessage>;

export const MemberMessageQuery = pageQuery(['createdAt'] as const).extend({
  status: MemberMessageStatus.optional(),
  kind: MemberMessageKind.optional(),
});
export type MemberMessageQuery = z.infer<typeof MemberMessageQuery>;

export const MemberMessageList = pageOf(MemberMessage);
export type MemberMessageList = z.infer<typeof MemberMessageList>;

/** Which messages the chain sends, and when: a kind left out is never queued. */
export const MemberMessageSettings = z.strictObject({
  enabledKinds: z.array(MemberMessageKind).max(MemberMessageKind.options.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'a kind is named once'),
  /** The chain's name in the message's 【signature】, as the SMS gateway registered it. */
  signature: SafeText.trim().min(2, 'at least 2 characters').max(16, 'at most 16 characters'),
  /** A spend that leaves less than this on the card also sends a low-balance notice. */
  lowBalanceBelowMinor: z.number().int().min(0).max(100_000_000),
  /** Care reminder after this many months without a purchase (会员关怀). */
  careAfterMonths: z.number().int().min(1).max(36),
  /** Points that will be cleared within this many days are announced. */
  pointsExpiryNoticeDays: z.number().int().min(1).max(180),
});
export type MemberMessageSettings = z.infer<typeof MemberMessageSettings>;

export const defaultMemberMessageSettings: MemberMessageSettings = {
  enabledKinds: ['top_up', 'spend', 'low_balance', 'birthday', 'points_expiring'],
  signature: '会员中心',
  lowBalanceBelowMinor: 2_000,
  careAfterMonths: 6,
  pointsExpiryNoticeDays: 30,
};
