import type { MemberMessageSettings } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Clock } from '../ids';
import { chains, stores } from '../org/org.tables';
import { memberMessageSettingsOf } from './message-settings.service';
import { memberMessages, memberMessageSettings } from './member-messages.tables';
import { queueMessageTo, type MessageRecipient } from './queue-message';

/** A spend notice waits this long, so a sale abandoned at the counter (its spend reversed) sends none. */
export const SPEND_NOTICE_DELAY_MS = 120_000;

/** What a money notice needs besides its figures: the chain's message settings, its currency and the store's name (HQ's for the office). */
export interface NoticePlace {
  settings: MemberMessageSettings;
  currency: string;
  storeName: string;
}

/** The columns of a read that gives a `NoticePlace`, over `chains` with `stores` and `member_message_settings` left-joined (`noticePlaceJoins`). */
export const noticePlaceColumns = { currency: chains.currency, storeName: stores.nameZh, messageSettings: memberMessageSettings };

export const noticePlaceOf = (row: { currency: string; storeName: string | null; messageSettings: typeof memberMessageSettings.$inferSelect | null }): NoticePlace =>
  ({ settings: memberMessageSettingsOf(row.messageSettings), currency: row.currency, storeName: row.storeName ?? '总部' });

/** The joins behind `noticePlaceColumns`, from `chains`. */
export const storeOfChain = (storeId: string | null) => and(eq(stores.chainId, chains.id), storeId ? eq(stores.id, storeId) : sql`false`);
export const messageSettingsOfChain = eq(memberMessageSettings.chainId, chains.id);

/** One read for the place of a notice. */
export async function loadNoticePlace(db: Db, chainId: string, storeId: string | null): Promise<NoticePlace> {
  const [row] = await db.select(noticePlaceColumns).from(chains)
    .leftJoin(stores, storeOfChain(storeId)).leftJoin(memberMessageSettings, messageSettingsOfChain)
    .where(eq(chains.id, chainId));
  return row ? noticePlaceOf(row) : { settings: memberMessageSettingsOf(null), currency: 'CNY', storeName: '总部' };
}

/** The top-up notice (充值通知) of a payment, in the top-up's transaction. */
export async function queueTopUpNotice(tx: Db, clock: Clock, chainId: string, member: MessageRecipient & { id: string }, top: { paymentId: string; storeId: string | null; amountMinor: number; bonusMinor: number; balanceMinor: number }): Promise<void> {
  if (!member.active || !member.consent || !member.phone) return;
  const { settings, ...place } = await loadNoticePlace(tx, chainId, top.storeId);
  await queueMessageTo(tx, clock, chainId, member, settings, { kind: 'top_up', ...place, amountMinor: top.amountMinor, bonusMinor: top.bonusMinor, balanceMinor: top.balanceMinor }, `top_up:${top.paymentId}`);
}

/**
 * The spend notice (消费通知) of a payment, and a low-balance one when the spend left less than
 * the chain's threshold, in the spend's transaction; both wait `SPEND_NOTICE_DELAY_MS`. The
 * place and the member were read before the account's lock, so behind it this only writes, and
 * only what may go out.
 */
export async function queueSpendNotice(tx: Db, clock: Clock, chainId: string, member: MessageRecipient & { id: string }, { settings, ...place }: NoticePlace, spend: { paymentId: string; amountMinor: number; balanceMinor: number }): Promise<void> {
  const notBefore = new Date(clock().getTime() + SPEND_NOTICE_DELAY_MS);
  await Promise.all([
    queueMessageTo(tx, clock, chainId, member, settings, { kind: 'spend', ...place, amountMinor: spend.amountMinor, balanceMinor: spend.balanceMinor }, `spend:${spend.paymentId}`, notBefore),
    spend.balanceMinor < settings.lowBalanceBelowMinor
      && queueMessageTo(tx, clock, chainId, member, settings, { kind: 'low_balance', currency: place.currency, balanceMinor: spend.balanceMinor }, `low_balance:${spend.paymentId}`, notBefore),
  ]);
}

/** A reversed spend tells the member nothing: its notices are dropped while they still wait. */
export async function dropSpendNotices(tx: Db, chainId: string, paymentId: string): Promise<void> {
  for (const key of [`spend:${paymentId}`, `low_balance:${paymentId}`]) {
    await tx.delete(memberMessages).where(and(eq(memberMessages.chainId, chainId), eq(memberMessages.dedupeKey, key), eq(memberMessages.status, 'pending'), eq(memberMessages.attempts, 0)));
  }
}
