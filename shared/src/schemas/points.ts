import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { IsoDateTime, LocalDate, SafeText } from './common';
import { CardNo } from './members';
import { pageOf } from './paging';

/** Most points one change may move: far beyond any sale, small enough that sums stay exact. */
export const MAX_POINTS = 1_000_000_000;
const Points = z.number().int().min(1).max(MAX_POINTS);

/**
 * When earned points lapse (积分清零): never, at the end of the calendar year they were earned
 * in (the chain's time zone), or a number of months after the day they were earned.
 */
export const PointsExpiryPolicy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('end_of_year') }),
  z.object({ kind: z.literal('after_months'), months: z.number().int().min(1).max(120) }),
]);
export type PointsExpiryPolicy = z.infer<typeof PointsExpiryPolicy>;

/** What the chain decides about points: how many points take ¥1 off (积分抵现), and when they lapse. */
export const PointsSettings = z.object({
  redeemPointsPerYuan: z.number().int().min(1).max(100_000),
  expiry: PointsExpiryPolicy,
});
export type PointsSettings = z.infer<typeof PointsSettings>;

export const defaultPointsSettings: PointsSettings = { redeemPointsPerYuan: 100, expiry: { kind: 'none' } };

/** A rate of earning in basis points of one point per yuan of net amount: 10000 earns 1 point per ¥1, 15000 earns 1.5. */
export const EarnRateBp = z.number().int().min(0).max(1_000_000);

/**
 * An earning rule (积分规则): the rate for a member level (null: every level) and a category
 * (null: every category; a category also covers the categories under it), over a span of
 * business days (null: open). For each line the most specific rule wins: the nearest category,
 * then a rule of the member's own level, then the one that started last.
 */
export const PointsRuleBody = z.object({
  name: SafeText.min(1).max(80),
  memberLevelId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  rateBp: EarnRateBp,
  validFrom: LocalDate.nullable(),
  validTo: LocalDate.nullable(),
  active: z.boolean().default(true),
}).refine((r) => r.validFrom === null || r.validTo === null || r.validFrom <= r.validTo, { path: ['validTo'], message: 'ends before it starts' });
export type PointsRuleBody = z.infer<typeof PointsRuleBody>;

export const PointsRule = z.object({
  id: z.uuid(),
  name: z.string(),
  memberLevelId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  rateBp: EarnRateBp,
  validFrom: LocalDate.nullable(),
  validTo: LocalDate.nullable(),
  active: z.boolean(),
  updatedAt: IsoDateTime,
});
export type PointsRule = z.infer<typeof PointsRule>;

/** The chain's active earning rules as a till holds them (`EarnRule`, without their labels), so a receipt can say what a sale earns. */
export const PointsEarning = z.object({
  chainId: z.uuid(),
  rules: z.array(PointsRule.pick({ id: true, memberLevelId: true, categoryId: true, rateBp: true, validFrom: true, validTo: true })),
});
export type PointsEarning = z.infer<typeof PointsEarning>;

export const PointsRuleList = z.object({ items: z.array(PointsRule) });
export type PointsRuleList = z.infer<typeof PointsRuleList>;

export const PointsEntryKind = z.enum([
  'earn', 'earn_reversal', 'redeem', 'redeem_reversal', 'redeem_refund', 'gift_redeem', 'expire', 'transfer_in', 'transfer_out', 'adjustment',
]);
export type PointsEntryKind = z.infer<typeof PointsEntryKind>;

/** `POST /points/redemptions`: a till pays part of a sale with points (积分抵现); `paymentId` is the sale's payment id and the idempotency key. */
export const RedeemPointsBody = z.object({
  paymentId: z.uuid(),
  saleId: z.uuid(),
  cardNo: CardNo,
  points: Points,
});
export type RedeemPointsBody = z.infer<typeof RedeemPointsBody>;

/** What a redemption took and what it is worth; the same answer for a retried request. */
export const PointsRedemption = z.object({
  paymentId: z.uuid(),
  points: z.number().int(),
  valueMinor: NonNegativeMinor,
  balanceAfter: z.number().int().min(0),
  reversed: z.boolean(),
});
export type PointsRedemption = z.infer<typeof PointsRedemption>;

/** `POST /points/gift-redemptions`: the office exchanges a member's points for a gift (积分换礼). */
export const GiftRedemptionBody = z.object({
  memberId: z.uuid(),
  points: Points,
  giftName: SafeText.min(1).max(80),
});
export type GiftRedemptionBody = z.infer<typeof GiftRedemptionBody>;

export const GiftRedemption = z.object({ entryId: z.uuid(), memberId: z.uuid(), points: z.number().int(), balanceAfter: z.number().int().min(0) });
export type GiftRedemption = z.infer<typeof GiftRedemption>;

/** `GET /points/balance?cardNo=`: a till's points enquiry for an active card. */
export const PointsBalanceQuery = z.object({ cardNo: CardNo });
export const PointsBalance = z.object({
  cardNo: CardNo,
  memberId: z.uuid(),
  points: z.number().int().min(0),
  /** What the whole balance would take off at the chain's rate. */
  valueMinor: NonNegativeMinor,
  redeemPointsPerYuan: z.number().int().min(1),
});
export type PointsBalance = z.infer<typeof PointsBalance>;

export const PointsEntry = z.object({
  id: z.uuid(),
  kind: PointsEntryKind,
  points: z.number().int(),
  balanceAfter: z.number().int(),
  memberId: z.uuid().nullable(),
  storeId: z.uuid().nullable(),
  saleId: z.uuid().nullable(),
  returnId: z.uuid().nullable(),
  paymentId: z.uuid().nullable(),
  reason: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type PointsEntry = z.infer<typeof PointsEntry>;

export const MemberPointsParams = z.object({ memberId: z.uuid({ message: 'must be a UUID' }) });
export const MemberPointsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `GET /members/{memberId}/points`: the pool the member's cards use, its entries newest first, and what lapses on which day. */
export const MemberPoints = z.object({
  memberId: z.uuid(),
  accountId: z.uuid(),
  points: z.number().int().min(0),
  entries: pageOf(PointsEntry),
  expiring: z.array(z.object({ expiresOn: LocalDate, points: z.number().int().min(1) })),
});
export type MemberPoints = z.infer<typeof MemberPoints>;
