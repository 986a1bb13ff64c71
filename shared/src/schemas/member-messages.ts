import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';
import { pageOf, pageQuery } from './paging';

/**
 * Messages HQ sends members by itself (短信自动通知会员): notices of their money (top-up, spend, a
 * low balance), greetings (birthday), points about to be cleared, and care reminders after months
 * without a visit. The chain's settings name which of them go out.
 */
export const AutomaticMessageKind = z.enum(['top_up', 'spend', 'low_balance', 'birthday', 'points_expiring', 'care_reminder']);
export type AutomaticMessageKind = z.infer<typeof AutomaticMessageKind>;

/** Every message to members: the automatic ones, and the campaigns HQ writes to a list of members it picked in the member analysis (群发). */
export const MemberMessageKind = z.enum([...AutomaticMessageKind.options, 'campaign']);
export type MemberMessageKind = z.infer<typeof MemberMessageKind>;

/** The longest text HQ may write for a campaign, before the signature and the opt-out: with them, at most three SMS of 70 characters. */
export const CAMPAIGN_TEXT_MAX = 160;

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
  z.object({ kind: z.literal('campaign'), campaignId: z.uuid(), text: z.string(), sentBy: z.uuid() }),
]);
export type MemberMessageFacts = z.infer<typeof MemberMessageFacts>;
export type AutomaticMessageFacts = Exclude<MemberMessageFacts, { kind: 'campaign' }>;

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
  enabledKinds: z.array(AutomaticMessageKind).max(AutomaticMessageKind.options.length)
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
