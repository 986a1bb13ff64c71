import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { storedValueEntries } from '../members/membership.tables';

const DAY_MS = 86_400_000;

/** A child card's limits per payment and per business day, null for none. */
export interface ChildLimits {
  perTxn: number | null;
  perDay: number | null;
}

/**
 * Refuses a child card's spend beyond what its parent allows (附卡限额): per transaction, and per
 * business day the child's spends less their reversals, by the calendar of the store's time
 * zone. Called behind the shared account's lock, so children spending at once take turns and
 * each sees the others' spends; the caller reads the limits with that lock, as the parent last
 * set them.
 */
export async function holdChildLimits(
  tx: Db, chainId: string, accountId: string, memberId: string, amountMinor: number, limits: ChildLimits, day: string, timeZone: string, at: Date,
): Promise<void> {
  if (limits.perTxn != null && amountMinor > limits.perTxn) {
    throw new AppError('CHILD_LIMIT_EXCEEDED', 'the amount is over the child card’s limit per payment', { limit: 'transaction', limitMinor: limits.perTxn, remainingMinor: limits.perTxn });
  }
  if (limits.perDay == null) return;
  const [spent] = await tx
    .select({ minor: sql<string>`coalesce(-sum(${storedValueEntries.amountMinor}), 0)` })
    .from(storedValueEntries)
    .where(and(
      eq(storedValueEntries.chainId, chainId), eq(storedValueEntries.accountId, accountId), eq(storedValueEntries.memberId, memberId),
      inArray(storedValueEntries.kind, ['spend', 'spend_reversal']),
      // A business day lies within a day and a half of now whatever the zone; the index narrows to that, the zone decides the day.
      gte(storedValueEntries.createdAt, new Date(at.getTime() - 2 * DAY_MS)),
      sql`(${storedValueEntries.createdAt} at time zone ${timeZone})::date = ${day}::date`,
    ));
  const spentToday = Number(spent?.minor ?? 0);
  if (spentToday + amountMinor > limits.perDay) {
    throw new AppError('CHILD_LIMIT_EXCEEDED', 'the amount is over what the child card may still spend today', { limit: 'day', limitMinor: limits.perDay, remainingMinor: Math.max(0, limits.perDay - spentToday) });
  }
}
