import { z } from 'zod';
import { IsoDateTime, SafeText, SearchText } from './common';
import { MemberLevel } from './pricing-admin';
import { hasValidCheckDigit } from '../members/card-number';
import { CardNo, checkDigitMessage, StoredCardNo } from './card-no';

/** People type numbers with spaces, dashes and a leading +; none of them is part of the number. */
const compactNumber = (raw: string) => raw.replace(/[\s-]/g, '').replace(/^\+/, '');


export { CardNo, StoredCardNo };

/** A mainland China mobile number, 11 digits starting with 1; `+86 138-0013-8000` is taken as 13800138000. */
export const MobilePhone = z
  .string()
  .max(24)
  .transform(compactNumber)
  .pipe(z.string().regex(/^(?:86)?1[3-9]\d{9}$/, 'a mobile number is 11 digits starting with 1'))
  .transform((digits) => digits.slice(-11));

/**
 * What the cashier types, scans or swipes to find a member: a card number or a mobile number,
 * compacted to its digits. Which of the two it is, HQ decides: a card number first.
 */
export const MemberCode = z
  .string()
  .max(40)
  .transform(compactNumber)
  .pipe(z.string().regex(/^\d{6,19}$/, 'give a card number (6 to 19 digits) or a mobile number (11 digits starting with 1)'))
  .refine((code) => hasValidCheckDigit(code) || phoneInMemberCode(code) !== null, checkDigitMessage);

/** The mobile number a compacted member code can be read as: itself, or what follows the country code 86. */
export function phoneInMemberCode(code: string): string | null {
  return /^(?:86)?(1[3-9]\d{9})$/.exec(code)?.[1] ?? null;
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isBirthday(text: string): boolean {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [match[1] === undefined ? null : Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth[month - 1]!) return false;
  if (year === null) return true;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return year >= 1900 && (leap || month !== 2 || day !== 29);
}

/** MM-DD, or YYYY-MM-DD when the member gave the year (the engine's `MemberContext.birthday`); a day that exists. */
export const Birthday = z.string().refine(isBirthday, 'a birthday is a real day as MM-DD or YYYY-MM-DD');

/** The level as a member carries it: enough to show it and to price by it. */
export const MemberLevelRef = MemberLevel.pick({ id: true, code: true, nameZh: true, nameEn: true });
export type MemberLevelRef = z.infer<typeof MemberLevelRef>;

/** A member as the till gets one from a look-up: the phone masked (138****5678), never whole. */
export const FoundMember = z.object({
  id: z.uuid(),
  cardNo: StoredCardNo,
  name: z.string().min(1),
  phoneMasked: z.string().nullable(),
  level: MemberLevelRef,
  birthday: Birthday.nullable(),
});
export type FoundMember = z.infer<typeof FoundMember>;

/**
 * A member as the office sees one: inactive members too. `cardNo` is the active card's, null
 * while the member has none (a lost card not yet replaced, a cancelled membership).
 */
export const MemberRecord = FoundMember.extend({ cardNo: StoredCardNo.nullable(), active: z.boolean(), createdAt: IsoDateTime });
export type MemberRecord = z.infer<typeof MemberRecord>;

export const MemberLookupQuery = z.object({ code: MemberCode });
export type MemberLookupQuery = z.infer<typeof MemberLookupQuery>;

export const MemberSearchQuery = z.object({
  /**
   * The start of a card number, a whole mobile number or its last four digits, or part of a
   * name; absent lists every member. Other parts of a phone find nothing: the middle digits
   * stay hidden.
   */
  q: SearchText(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MemberSearchQuery = z.infer<typeof MemberSearchQuery>;

/** One page of members by card number, and how many match in all. */
export const MemberList = z.object({ items: z.array(MemberRecord), total: z.number().int() });
export type MemberList = z.infer<typeof MemberList>;

export const EnrolMemberBody = z.object({
  /** A pre-printed card's number; absent, HQ issues the next number of the chain. */
  cardNo: CardNo.optional(),
  name: SafeText.trim().min(1).max(40),
  phone: MobilePhone.nullable().default(null),
  levelId: z.uuid(),
  birthday: Birthday.nullable().default(null),
});
export type EnrolMemberBody = z.infer<typeof EnrolMemberBody>;
