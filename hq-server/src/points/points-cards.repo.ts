import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { memberCards } from '../members/membership.tables';
import { stores } from '../org/org.tables';
import { members } from '../pricing/pricing.tables';

export interface CardHolder {
  cardNo: string;
  memberId: string;
  accountId: string;
}

/**
 * The member and points pool behind an active card of the chain. An unknown card is 404; a card
 * that exists but is not active answers `CARD_BLOCKED` with its status, so the till can say
 * plainly that the card was reported lost, replaced or cancelled.
 */
export async function activeCardHolder(db: Db, chainId: string, cardNo: string): Promise<CardHolder> {
  const [card] = await db.select({ status: memberCards.status, memberId: memberCards.memberId, accountId: members.accountId })
    .from(memberCards)
    .innerJoin(members, and(eq(members.chainId, memberCards.chainId), eq(members.id, memberCards.memberId)))
    .where(and(eq(memberCards.chainId, chainId), eq(memberCards.cardNo, cardNo)));
  if (!card) throw new AppError('NOT_FOUND', 'no member card has this number');
  if (card.status !== 'active') throw new AppError('CARD_BLOCKED', `the card is ${card.status}`, { status: card.status });
  return { cardNo, memberId: card.memberId, accountId: card.accountId };
}

/** The franchisee a store belongs to now, for the entries made there (null for a store HQ runs). */
export async function franchiseeOf(db: Db, chainId: string, storeId: string): Promise<string | null> {
  const [store] = await db.select({ franchiseeId: stores.franchiseeId }).from(stores).where(and(eq(stores.chainId, chainId), eq(stores.id, storeId)));
  return store?.franchiseeId ?? null;
}
