import { z } from 'zod';
import { IsoDateTime, LocalDate, SafeText, SearchText } from './common';
import { Birthday, CardNo, MemberRecord, MobilePhone, StoredCardNo } from './members';

/** A card's life: issued (not yet usable), active, lost (挂失), replaced (补卡), cancelled (注销, final). */
export const MemberCardStatus = z.enum(['issued', 'active', 'lost', 'replaced', 'cancelled']);
export type MemberCardStatus = z.infer<typeof MemberCardStatus>;

export const MemberGender = z.enum(['female', 'male', 'unspecified']);
export type MemberGender = z.infer<typeof MemberGender>;

/** One of a member's cards as the office sees it; never its PIN, only whether it has one. */
export const MemberCard = z.object({
  id: z.uuid(),
  cardNo: StoredCardNo,
  status: MemberCardStatus,
  hasPin: z.boolean(),
  pinLocked: z.boolean(),
  replacedByCardId: z.uuid().nullable(),
  issuedAt: IsoDateTime,
  statusChangedAt: IsoDateTime,
});
export type MemberCard = z.infer<typeof MemberCard>;

/** The account behind a member's cards (their own, or the parent's for a child card). */
export const MemberAccountSummary = z.object({
  id: z.uuid(),
  holderMemberId: z.uuid(),
  balanceMinor: z.number().int(),
  bonusMinor: z.number().int(),
  points: z.number().int(),
  receivableMinor: z.number().int(),
});
export type MemberAccountSummary = z.infer<typeof MemberAccountSummary>;

/** What the parent allows a child card per transaction and per business day; null is no limit. */
export const ChildLimits = z.object({
  childTxnLimitMinor: z.number().int().min(0).max(100_000_000).nullable(),
  childDayLimitMinor: z.number().int().min(0).max(100_000_000).nullable(),
});
export type ChildLimits = z.infer<typeof ChildLimits>;

export const MemberRelative = z.object({ id: z.uuid(), name: z.string(), cardNo: StoredCardNo.nullable() });
export const MemberChild = MemberRelative.extend(ChildLimits.shape);

/** A purchase of the member's (会员消费跟踪), in a store the caller may see. */
export const MemberSale = z.object({
  id: z.uuid(),
  receiptNo: z.string(),
  storeId: z.uuid(),
  completedAt: IsoDateTime,
  totalMinor: z.number().int(),
  itemCount: z.number().int(),
});

/** A member with everything the office's member page shows. `cardNo` is the active card's, null without one. */
export const MemberDetail = MemberRecord.extend({
  gender: MemberGender,
  consentToMessages: z.boolean(),
  tags: z.array(z.string()),
  paidUntil: LocalDate.nullable(),
  mergedIntoMemberId: z.uuid().nullable(),
  cards: z.array(MemberCard),
  account: MemberAccountSummary,
  parent: MemberRelative.nullable(),
  limits: ChildLimits,
  children: z.array(MemberChild),
  recentSales: z.array(MemberSale),
});
export type MemberDetail = z.infer<typeof MemberDetail>;

const Tag = SafeText.trim().min(1).max(20);

/** A profile change: only the fields given change; at least one. */
export const UpdateMemberBody = z
  .object({
    name: SafeText.trim().min(1).max(40),
    phone: MobilePhone.nullable(),
    birthday: Birthday.nullable(),
    gender: MemberGender,
    consentToMessages: z.boolean(),
    tags: z.array(Tag).max(20).refine((tags) => new Set(tags).size === tags.length, 'a tag is given once'),
    levelId: z.uuid(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change');
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

/** A new card for a member: a pre-printed card's number, or none for HQ to issue the next. */
export const IssueCardBody = z.object({ cardNo: CardNo.optional() });
export type IssueCardBody = z.infer<typeof IssueCardBody>;

/** The card a customer reports lost (挂失), by its number as the till or the office has it. */
export const ReportCardLostBody = z.object({ cardNo: CardNo });
export type ReportCardLostBody = z.infer<typeof ReportCardLostBody>;

/** A lost card replaced at the counter (补卡): the lost card's number and the new card's, swiped from the blank card handed over. */
export const ReplaceLostCardBody = z.object({ cardNo: CardNo, newCardNo: CardNo })
  .refine((b) => b.cardNo !== b.newCardNo, { message: 'the new card must be another card', path: ['newCardNo'] });
export type ReplaceLostCardBody = z.infer<typeof ReplaceLostCardBody>;

/** How a cancelled card's remaining stored value goes back to the member when the chain refunds it. */
export const RefundTender = z.enum(['cash', 'bank_card']);
export type RefundTender = z.infer<typeof RefundTender>;

export const CancelCardBody = z.object({
  /** Needed when the account holds a balance and the chain refunds it; ignored when the chain forfeits it. */
  refundTender: RefundTender.optional(),
});
export type CancelCardBody = z.infer<typeof CancelCardBody>;

/** A stored-value PIN of 4 to 6 digits; null clears it. */
export const CardPinBody = z.object({ pin: z.string().regex(/^\d{4,6}$/, 'a PIN is 4 to 6 digits').nullable() });
export type CardPinBody = z.infer<typeof CardPinBody>;

export const CardParams = z.object({ cardId: z.uuid({ message: 'must be a UUID' }) });

export const AttachChildBody = ChildLimits.extend({ parentMemberId: z.uuid() });
export type AttachChildBody = z.infer<typeof AttachChildBody>;

export const MergeMemberBody = z.object({ intoMemberId: z.uuid() });
export type MergeMemberBody = z.infer<typeof MergeMemberBody>;

/** Members that look like one person: the same mobile number, or the same name and birthday. */
export const DuplicateGroup = z.object({ reason: z.enum(['phone', 'name_birthday']), members: z.array(MemberRecord) });
export const DuplicateList = z.object({ groups: z.array(DuplicateGroup) });
export type DuplicateList = z.infer<typeof DuplicateList>;

export const DuplicatesQuery = z.object({ q: SearchText(40).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });
export type DuplicatesQuery = z.infer<typeof DuplicatesQuery>;

/** What the level job did. */
export const LevelJobResult = z.object({ upgraded: z.number().int(), downgraded: z.number().int(), expired: z.number().int() });
export type LevelJobResult = z.infer<typeof LevelJobResult>;

/** What a cancellation did: the card, whether the membership ended with it, and where the balance went. */
export const CancelCardResult = z.object({
  card: MemberCard,
  /** Cancelling the active (or lost) card ends the membership; an unused issued card goes alone. */
  membershipEnded: z.boolean(),
  /** The member's own money paid back by `refundTender`. */
  refundedMinor: z.number().int(),
  /** Bonus money on a refund, or the whole balance where the chain forfeits it. */
  forfeitedMinor: z.number().int(),
  refundTender: RefundTender.nullable(),
});
export type CancelCardResult = z.infer<typeof CancelCardResult>;
