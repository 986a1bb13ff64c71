import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { memberAccounts, memberCards } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';

export interface CardForMoney {
  card: { id: string; cardNo: string; pinHash: string | null; pinFailedTries: number; pinLockedUntil: Date | null };
  member: { id: string; name: string; parentMemberId: string | null; childTxnLimitMinor: number | null; childDayLimitMinor: number | null; phone: string | null; consent: boolean; active: boolean };
  account: { id: string; balanceMinor: number; bonusMinor: number; receivableMinor: number };
}

const refusals = {
  lost: ['CARD_LOST', 'the card was reported lost'],
  replaced: ['CARD_REPLACED', 'the card was replaced by a new card'],
  cancelled: ['CARD_CANCELLED', 'the card was cancelled'],
  issued: ['CARD_NOT_ACTIVE', 'the card is issued but not activated yet'],
} as const;

/** The columns of a card with its member and the account its stored value lives in, over `member_cards` joined as `findCard` joins them. */
export const cardColumns = {
  card: { id: memberCards.id, cardNo: memberCards.cardNo, status: memberCards.status, pinHash: memberCards.pinHash, pinFailedTries: memberCards.pinFailedTries, pinLockedUntil: memberCards.pinLockedUntil },
  member: {
    id: members.id, name: members.name, parentMemberId: members.parentMemberId, childTxnLimitMinor: members.childTxnLimitMinor, childDayLimitMinor: members.childDayLimitMinor,
    phone: members.phone, consent: members.consentToMessages, active: members.active,
  },
  account: { id: memberAccounts.id, balanceMinor: memberAccounts.balanceMinor, bonusMinor: memberAccounts.bonusMinor, receivableMinor: memberAccounts.receivableMinor },
};

export const memberOfCard = and(eq(members.chainId, memberCards.chainId), eq(members.id, memberCards.memberId));
export const accountOfMember = and(eq(memberAccounts.chainId, members.chainId), eq(memberAccounts.id, members.accountId));

/** A card read with its member and account, in whatever state. */
export type CardRow = { card: CardForMoney['card'] & { status: keyof typeof refusals | 'active' } } & Omit<CardForMoney, 'card'>;

/** The card's row with its member and the account its stored value lives in (a child card's parent's); whatever the card's state. */
export async function findCard(db: Db, chainId: string, cardNo: string) {
  const [row] = await db
    .select(cardColumns)
    .from(memberCards)
    .innerJoin(members, memberOfCard)
    .innerJoin(memberAccounts, accountOfMember)
    .where(and(eq(memberCards.chainId, chainId), eq(memberCards.cardNo, cardNo)));
  return row;
}

/**
 * The card a till or the office moves stored value with: an active card of the chain whose
 * account owes no receivable (a top-up, which pays the receivable off, passes `owing: 'allowed'`).
 * A card in any other state is refused with a code of its own, so the till can say what happened
 * to it; an unknown card is 404.
 */
export async function cardForMoney(db: Db, chainId: string, cardNo: string, owing: 'refused' | 'allowed' = 'refused'): Promise<CardForMoney> {
  return usableCard(await findCard(db, chainId, cardNo), owing);
}

/** `cardForMoney`'s judgement of a card read by another query. */
export function usableCard(row: CardRow | null | undefined, owing: 'refused' | 'allowed' = 'refused'): CardForMoney {
  if (!row) throw new AppError('NOT_FOUND', 'no card of the chain has this number');
  const { status, ...card } = row.card;
  if (status !== 'active') {
    const [code, message] = refusals[status];
    throw new AppError(code, message, { status });
  }
  if (owing === 'refused' && row.account.receivableMinor > 0) {
    throw new AppError('ACCOUNT_BLOCKED', 'the card’s account owes a receivable from an offline debit and is blocked until it is settled', { receivableMinor: row.account.receivableMinor });
  }
  return { ...row, card };
}
