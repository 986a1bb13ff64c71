import { z } from 'zod';
import { MinorSchema, NonNegativeMinor } from '../money/money';
import { IsoDateTime, LocalDate, SafeText } from './common';
import { CardNo } from './members';
import { pageOf } from './paging';

/** An amount of stored value that moves: at least one fen, at most ¥1,000,000. */
const PositiveMinor = MinorSchema.refine((v) => v >= 1 && v <= 100_000_000, 'must be between 1 and 100000000 minor units');

/** A card's stored-value PIN as the member types it on the PIN pad. */
export const CardPin = z.string().regex(/^\d{4,8}$/, 'a card PIN is 4 to 8 digits');

/** A till asks HQ to take stored value for a sale (authorise and capture, 储值消费); `paymentId` is the sale payment's id and the idempotency key. */
export const SpendBody = z.object({
  paymentId: z.uuid(),
  cardNo: CardNo,
  amountMinor: PositiveMinor,
  saleId: z.uuid(),
  pin: CardPin.optional(),
  /** The clerk at the till, a clerk of the till's store or of the whole chain. */
  cashierId: z.uuid().optional(),
});
export type SpendBody = z.infer<typeof SpendBody>;

export const StoredValueEntryKind = z.enum(['top_up', 'top_up_bonus', 'spend', 'spend_reversal', 'refund', 'transfer_out', 'transfer_in', 'adjustment', 'cancellation', 'receivable_settlement']);
export type StoredValueEntryKind = z.infer<typeof StoredValueEntryKind>;

/** What a spend, reversal or refund did: the entry, the amount (signed, credits positive), its bonus part and the account's balance after it. */
export const StoredValueMovement = z.object({
  entryId: z.uuid(),
  paymentId: z.uuid(),
  kind: StoredValueEntryKind,
  cardNo: CardNo,
  amountMinor: MinorSchema,
  bonusMinor: MinorSchema,
  balanceAfterMinor: NonNegativeMinor,
  at: IsoDateTime,
});
export type StoredValueMovement = z.infer<typeof StoredValueMovement>;

/** A till's payment id in a path: a stored-value spend or a points redemption it reverses. */
export const PaymentIdParams = z.object({ paymentId: z.uuid({ message: 'must be a UUID' }) });

/** Stored value given back for goods returned (退货退回储值), to the account the original spend took it from. */
export const RefundBody = z.object({
  /** The refund's own id, the idempotency key. */
  paymentId: z.uuid(),
  originalPaymentId: z.uuid(),
  amountMinor: PositiveMinor,
  returnId: z.uuid(),
  cashierId: z.uuid().optional(),
});
export type RefundBody = z.infer<typeof RefundBody>;

export const TopUpTender = z.enum(['cash', 'bank_card']);
export type TopUpTender = z.infer<typeof TopUpTender>;

/** A top-up (会员充值) at the counter or in the office; `paymentId` is the idempotency key. */
export const TopUpBody = z.object({
  paymentId: z.uuid(),
  cardNo: CardNo,
  amountMinor: PositiveMinor,
  tender: TopUpTender,
  /** The card terminal's reference for a bank card. */
  reference: SafeText.max(64).nullable().optional(),
  cashierId: z.uuid().optional(),
});
export type TopUpBody = z.infer<typeof TopUpBody>;

/** What a top-up slip (`TopUpSlipDocument`) prints beside the store and the cashier, which the till adds. */
export const TopUpSlipData = z.object({
  id: z.uuid(),
  at: IsoDateTime,
  cardNoMasked: z.string().min(4).max(32),
  memberName: z.string().max(40).nullable(),
  tender: TopUpTender,
  amountMinor: NonNegativeMinor,
  bonusMinor: NonNegativeMinor,
  balanceAfterMinor: NonNegativeMinor,
});
export type TopUpSlipData = z.infer<typeof TopUpSlipData>;

export const TopUpResult = z.object({
  entryId: z.uuid(),
  bonusEntryId: z.uuid().nullable(),
  rule: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  slip: TopUpSlipData,
});
export type TopUpResult = z.infer<typeof TopUpResult>;

/** A top-up bonus rule (充值赠送): top up at least `minTopUpMinor`, get `bonusMinor`, on store-local days from `startsOn` to `endsOn` (open when null). */
export const TopUpRuleBody = z.object({
  name: SafeText.trim().min(1).max(60),
  minTopUpMinor: PositiveMinor,
  bonusMinor: PositiveMinor,
  startsOn: LocalDate.nullable().default(null),
  endsOn: LocalDate.nullable().default(null),
  active: z.boolean().default(true),
}).refine((r) => r.startsOn === null || r.endsOn === null || r.startsOn <= r.endsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] });
export type TopUpRuleBody = z.infer<typeof TopUpRuleBody>;

export const TopUpRule = z.object({
  id: z.uuid(),
  name: z.string(),
  minTopUpMinor: NonNegativeMinor,
  bonusMinor: NonNegativeMinor,
  startsOn: LocalDate.nullable(),
  endsOn: LocalDate.nullable(),
  active: z.boolean(),
  updatedAt: IsoDateTime,
});
export type TopUpRule = z.infer<typeof TopUpRule>;

export const TopUpRuleList = z.object({ items: z.array(TopUpRule) });
export type TopUpRuleList = z.infer<typeof TopUpRuleList>;

/** An office correction of a balance (调账), signed; the account by its own id or by a member whose cards use it. */
export const StoredValueAdjustmentBody = z.object({
  accountId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  amountMinor: MinorSchema.refine((v) => v !== 0 && Math.abs(v) <= 100_000_000, 'must be non-zero and at most 100000000 minor units either way'),
  reason: SafeText.trim().min(1).max(200),
}).refine((b) => (b.accountId === undefined) !== (b.memberId === undefined), { message: 'give accountId or memberId, not both', path: ['accountId'] });
export type StoredValueAdjustmentBody = z.infer<typeof StoredValueAdjustmentBody>;

export const StoredValueAdjustmentStatus = z.enum(['pending', 'approved', 'rejected']);
export type StoredValueAdjustmentStatus = z.infer<typeof StoredValueAdjustmentStatus>;

export const StoredValueAdjustment = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  amountMinor: MinorSchema,
  reason: z.string(),
  status: StoredValueAdjustmentStatus,
  requestedBy: z.uuid(),
  requestedAt: IsoDateTime,
  decidedBy: z.uuid().nullable(),
  decidedAt: IsoDateTime.nullable(),
  /** The ledger entry, once approved (or at once when within the chain's threshold). */
  entryId: z.uuid().nullable(),
});
export type StoredValueAdjustment = z.infer<typeof StoredValueAdjustment>;

/** `GET /stored-value/adjustments`: newest first, by status (pending ones wait for a second HQ user) and by member. */
export const StoredValueAdjustmentsQuery = z.object({
  status: StoredValueAdjustmentStatus.optional(),
  memberId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type StoredValueAdjustmentsQuery = z.infer<typeof StoredValueAdjustmentsQuery>;

/** An adjustment as the office lists it: with the account's own member and the people who asked and decided. */
export const StoredValueAdjustmentListItem = StoredValueAdjustment.extend({
  memberId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  requestedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type StoredValueAdjustmentListItem = z.infer<typeof StoredValueAdjustmentListItem>;

export const StoredValueAdjustmentList = z.object({ items: z.array(StoredValueAdjustmentListItem), total: z.number().int().nonnegative() });
export type StoredValueAdjustmentList = z.infer<typeof StoredValueAdjustmentList>;

/** The chain's membership settings (会员参数); the defaults until HQ saves its own. */
export const MembershipSettings = z.object({
  bonusSpentFirst: z.boolean(),
  pinMaxTries: z.number().int().min(1).max(20),
  pinLockMinutes: z.number().int().min(1).max(10_080),
  adjustmentApprovalAboveMinor: NonNegativeMinor,
  offlineCardAllowanceMinor: NonNegativeMinor,
  offlineTillAllowanceMinor: NonNegativeMinor,
  cancelForfeitsBalance: z.boolean(),
});
export type MembershipSettings = z.infer<typeof MembershipSettings>;

export const defaultMembershipSettings: MembershipSettings = {
  bonusSpentFirst: false, pinMaxTries: 5, pinLockMinutes: 30, adjustmentApprovalAboveMinor: 50_000 as MembershipSettings['adjustmentApprovalAboveMinor'],
  offlineCardAllowanceMinor: 0 as MembershipSettings['offlineCardAllowanceMinor'], offlineTillAllowanceMinor: 0 as MembershipSettings['offlineTillAllowanceMinor'], cancelForfeitsBalance: false,
};

/** One ledger entry as the office reads it. */
export const StoredValueEntry = z.object({
  id: z.uuid(),
  kind: StoredValueEntryKind,
  amountMinor: MinorSchema,
  bonusMinor: MinorSchema,
  balanceAfterMinor: NonNegativeMinor,
  memberId: z.uuid().nullable(),
  storeId: z.uuid().nullable(),
  paymentId: z.uuid().nullable(),
  documentId: z.uuid().nullable(),
  reason: z.string().nullable(),
  approvedBy: z.uuid().nullable(),
  createdAt: IsoDateTime,
});
export type StoredValueEntry = z.infer<typeof StoredValueEntry>;

export const MemberIdParams = z.object({ memberId: z.uuid({ message: 'must be a UUID' }) });

export const StoredValueEntriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type StoredValueEntriesQuery = z.infer<typeof StoredValueEntriesQuery>;

/** A member's stored-value account and a page of its ledger, newest first; outside HQ, only the entries made in the caller's stores. */
export const MemberStoredValue = z.object({
  accountId: z.uuid(),
  balanceMinor: NonNegativeMinor,
  bonusMinor: NonNegativeMinor,
  receivableMinor: NonNegativeMinor,
  entries: z.array(StoredValueEntry),
  total: z.number().int(),
});
export type MemberStoredValue = z.infer<typeof MemberStoredValue>;

export const CardBalanceQuery = z.object({ cardNo: CardNo });

/** A balance enquiry (余额查询) at the till. */
export const CardBalance = z.object({
  cardNo: CardNo,
  balanceMinor: NonNegativeMinor,
  bonusMinor: NonNegativeMinor,
  /** Whether paying with the card needs its PIN. */
  pinRequired: z.boolean(),
  /** A child card's limits (附卡限额), null for no limit or a card on its own account. */
  childTxnLimitMinor: NonNegativeMinor.nullable(),
  childDayLimitMinor: NonNegativeMinor.nullable(),
});
export type CardBalance = z.infer<typeof CardBalance>;

/** Which receivables the office lists: the ones still owed, or the ones paid off. */
export const StoredValueReceivablesQuery = z.object({
  status: z.enum(['open', 'settled']).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type StoredValueReceivablesQuery = z.infer<typeof StoredValueReceivablesQuery>;

/**
 * What an offline stored-value payment took beyond the account's balance (应收储值): owed by the
 * account, which is blocked until a top-up pays it off. `settledMinor` is what is paid so far.
 */
export const StoredValueReceivable = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  cardNoMasked: z.string(),
  storeId: z.uuid(),
  storeCode: z.string(),
  storeNameZh: z.string(),
  storeNameEn: z.string(),
  saleId: z.uuid(),
  receiptNo: z.string(),
  paymentId: z.uuid(),
  amountMinor: NonNegativeMinor,
  settledMinor: NonNegativeMinor,
  createdAt: IsoDateTime,
  settledAt: IsoDateTime.nullable(),
});
export type StoredValueReceivable = z.infer<typeof StoredValueReceivable>;

export const StoredValueReceivableList = pageOf(StoredValueReceivable);
export type StoredValueReceivableList = z.infer<typeof StoredValueReceivableList>;
