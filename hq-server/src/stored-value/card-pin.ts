import type { MembershipSettings } from '@pos/shared';
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { verifyPassword } from '../auth/secrets';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { memberCards } from '../members/membership.tables';
import type { CardForMoney } from './card-for-money.repo';

const lockedError = (until: Date) => new AppError('CARD_PIN_LOCKED', 'too many wrong PINs: the card refuses its PIN until the lock runs out', { lockedUntil: until.toISOString() });

/**
 * Checks a card's stored-value PIN when the card has one. A wrong PIN is counted by one
 * conditional UPDATE, so PINs tried at once on several tills are each counted, and the try that
 * reaches the chain's limit locks the card for its lock time; a locked card refuses even the
 * right PIN until then. A lock that has run out starts a fresh count.
 */
export async function checkCardPin(db: Db, chainId: string, card: CardForMoney['card'], pin: string | undefined, settings: MembershipSettings, now: Date): Promise<void> {
  if (card.pinHash === null) return;
  if (card.pinLockedUntil && card.pinLockedUntil > now) throw lockedError(card.pinLockedUntil);
  if (pin === undefined) throw new AppError('CARD_PIN_REQUIRED', 'this card pays with stored value only with its PIN');
  const thisCard = and(eq(memberCards.chainId, chainId), eq(memberCards.id, card.id));
  const notLocked = or(isNull(memberCards.pinLockedUntil), lte(memberCards.pinLockedUntil, now));
  if (await verifyPassword(pin, card.pinHash)) {
    await db.update(memberCards).set({ pinFailedTries: 0, pinLockedUntil: null }).where(and(thisCard, notLocked, or(gt(memberCards.pinFailedTries, 0), sql`${memberCards.pinLockedUntil} is not null`)));
    return;
  }
  const tries = sql`case when ${memberCards.pinLockedUntil} is not null then 1 else ${memberCards.pinFailedTries} + 1 end`;
  const lockUntil = new Date(now.getTime() + settings.pinLockMinutes * 60_000);
  const [counted] = await db.update(memberCards)
    .set({ pinFailedTries: tries, pinLockedUntil: sql`case when ${tries} >= ${settings.pinMaxTries} then ${lockUntil.toISOString()}::timestamptz else null end` })
    .where(and(thisCard, notLocked))
    .returning({ tries: memberCards.pinFailedTries, lockedUntil: memberCards.pinLockedUntil });
  if (!counted) {
    const [row] = await db.select({ lockedUntil: memberCards.pinLockedUntil }).from(memberCards).where(thisCard);
    throw lockedError(row?.lockedUntil ?? lockUntil);
  }
  if (counted.lockedUntil) throw lockedError(counted.lockedUntil);
  throw new AppError('CARD_PIN_WRONG', 'the card’s PIN is wrong', { triesLeft: settings.pinMaxTries - counted.tries });
}
