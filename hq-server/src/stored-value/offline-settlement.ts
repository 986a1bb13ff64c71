import type { Sale } from '@pos/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DevicePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { memberAccounts, memberCards, storedValueEntries } from '../members/membership.tables';
import { loadNoticePlace, queueSpendNotice } from '../member-messages/money-notices';
import type { MessageRecipient } from '../member-messages/queue-message';
import { franchiseeOf } from '../points/points-cards.repo';
import { members } from '../pricing/pricing.tables';
import { lockAccount } from './entries.repo';
import { postStoredValue, type EntryContext, type PostedEntry } from './post-entry';
import { loadMembershipSettings } from './membership-settings.service';
import { splitOfflineDebit } from './offline-split';
import { storedValueReceivables } from './stored-value.tables';

/** Card states an offline payment settles against: active, or lost or replaced since the customer paid with it. */
const settleableStatuses = new Set(['active', 'lost', 'replaced']);

export type OfflineCard = { cardId: string; status: string; memberId: string; accountId: string; recipient: MessageRecipient & { id: string } };

/** The cards of the chain with these numbers, whatever their state, with the member and the account their stored value lives in. */
export async function offlineCards(db: Db, chainId: string, cardNos: readonly string[]): Promise<Map<string, OfflineCard>> {
  const numbers = [...new Set(cardNos)];
  if (numbers.length === 0) return new Map();
  const rows = await db
    .select({
      cardNo: memberCards.cardNo, cardId: memberCards.id, status: memberCards.status, memberId: members.id, accountId: members.accountId,
      phone: members.phone, consent: members.consentToMessages, active: members.active,
    })
    .from(memberCards)
    .innerJoin(members, and(eq(members.chainId, memberCards.chainId), eq(members.id, memberCards.memberId)))
    .where(and(eq(memberCards.chainId, chainId), inArray(memberCards.cardNo, numbers)));
  return new Map(rows.map(({ cardNo, phone, consent, active, ...card }) => [cardNo, { ...card, recipient: { id: card.memberId, phone, consent, active } }]));
}

export const isSettleable = (card: OfflineCard | undefined): card is OfflineCard => card !== undefined && settleableStatuses.has(card.status);

/** The stored-value payments of these sales a till took offline, with the card each names. */
export const offlinePayments = (sales: readonly Sale[]) =>
  sales.flatMap((sale) => sale.payments.flatMap((payment) => (payment.tender === 'stored_value' && payment.offlineCardNo !== undefined ? [{ sale, payment, cardNo: payment.offlineCardNo }] : [])));

/**
 * Settles the stored-value payments a till took offline (离线储值), in the transaction that inserts
 * their sales, so a resent sale settles nothing again. Each is debited from its card's account as
 * a `spend` entry keyed by the payment id (bonus part by the chain's order, as online spends
 * post it), as far as the balance goes; the shortfall becomes a
 * receivable that blocks the account until a top-up pays it off. The member is sent the spend
 * notice an online spend sends (with a low-balance one when it applies), once, as the payment's id
 * keys it. The accounts are locked in id
 * order before any is touched, so a batch and online spends on the same accounts take turns
 * without deadlock. A payment whose id the ledger already holds, or whose card HQ cannot settle
 * against, is left to the sale's payment check (`sale-payments-check.ts`). The sale is never refused.
 */
export async function settleOfflinePayments(tx: Db, chainId: string, device: DevicePrincipal, sales: readonly Sale[], at: Date): Promise<void> {
  const offline = offlinePayments(sales);
  if (offline.length === 0) return;
  const cards = await offlineCards(tx, chainId, offline.map((o) => o.cardNo));
  const posted = await tx.select({ paymentId: storedValueEntries.paymentId }).from(storedValueEntries)
    .where(and(eq(storedValueEntries.chainId, chainId), eq(storedValueEntries.kind, 'spend'), inArray(storedValueEntries.paymentId, offline.map((o) => o.payment.id))));
  const taken = new Set(posted.map((p) => p.paymentId));
  const toSettle = offline
    .flatMap((o) => {
      const card = cards.get(o.cardNo);
      return isSettleable(card) && !taken.has(o.payment.id) ? [{ ...o, card }] : [];
    })
    .sort((a, b) => a.card.accountId.localeCompare(b.card.accountId) || a.sale.completedAt.localeCompare(b.sale.completedAt) || a.payment.id.localeCompare(b.payment.id));
  if (toSettle.length === 0) return;
  for (const accountId of new Set(toSettle.map((o) => o.card.accountId))) await lockAccount(tx, chainId, accountId);
  const [{ bonusSpentFirst }, franchiseeId, place] = await Promise.all([
    loadMembershipSettings(tx, chainId), franchiseeOf(tx, chainId, device.storeId), loadNoticePlace(tx, chainId, device.storeId),
  ]);
  for (const { sale, payment, card } of toSettle) {
    const account = await lockAccount(tx, chainId, card.accountId);
    const { coveredMinor, shortfallMinor } = splitOfflineDebit(payment.amountMinor, account.balanceMinor);
    const where = { storeId: device.storeId, franchiseeId, deviceId: device.deviceId, actorId: sale.cashierId };
    if (coveredMinor > 0) {
      await postStoredValue(tx, chainId, card.accountId, -coveredMinor, {
        id: newId(() => at), kind: 'spend', memberId: card.memberId, cardId: card.cardId, ...where, paymentId: payment.id, documentId: sale.id, offline: true, at, bonusSpentFirst, held: account,
      });
    }
    await queueSpendNotice(tx, () => at, chainId, card.recipient, place, { paymentId: payment.id, amountMinor: payment.amountMinor, balanceMinor: account.balanceMinor - coveredMinor });
    if (shortfallMinor === 0) continue;
    await tx.update(memberAccounts)
      .set({ receivableMinor: sql`${memberAccounts.receivableMinor} + ${shortfallMinor}`, updatedAt: at })
      .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, card.accountId)));
    await tx.insert(storedValueReceivables).values({
      chainId, id: newId(() => at), accountId: card.accountId, cardId: card.cardId, saleId: sale.id, paymentId: payment.id,
      amountMinor: shortfallMinor, storeId: device.storeId, franchiseeId, createdAt: at,
    });
  }
}

/**
 * Pays off an account's receivables from money just credited to it, behind the account's lock
 * the caller holds: at most `availableMinor`, oldest receivable first, as one
 * `receivable_settlement` debit of the member's own money. The rows paid in full are marked
 * settled; when nothing is owed any more the account's cards are usable again. Answers the
 * entry, or null when the account owed nothing.
 */
export async function payOffReceivables(tx: Db, chainId: string, accountId: string, availableMinor: number, entry: Omit<EntryContext, 'kind'> & { at: Date }): Promise<PostedEntry | null> {
  const account = await lockAccount(tx, chainId, accountId);
  const payMinor = Math.min(account.receivableMinor, availableMinor, account.balanceMinor);
  if (payMinor <= 0) return null;
  const { at } = entry;
  const posted = (await postStoredValue(tx, chainId, accountId, -payMinor, { ...entry, kind: 'receivable_settlement', bonusSpentFirst: false }))!;
  await tx.update(memberAccounts)
    .set({ receivableMinor: sql`${memberAccounts.receivableMinor} - ${payMinor}`, updatedAt: at })
    .where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId)));
  const open = await tx.select({ id: storedValueReceivables.id, amountMinor: storedValueReceivables.amountMinor, settledMinor: storedValueReceivables.settledMinor })
    .from(storedValueReceivables)
    .where(and(eq(storedValueReceivables.chainId, chainId), eq(storedValueReceivables.accountId, accountId), isNull(storedValueReceivables.settledAt)))
    .orderBy(asc(storedValueReceivables.createdAt), asc(storedValueReceivables.id));
  let left = payMinor;
  for (const row of open) {
    if (left === 0) break;
    const paid = Math.min(left, row.amountMinor - row.settledMinor);
    left -= paid;
    const full = row.settledMinor + paid === row.amountMinor;
    await tx.update(storedValueReceivables)
      .set({ settledMinor: row.settledMinor + paid, ...(full ? { settledAt: at, settledByEntry: posted.entryId } : {}) })
      .where(and(eq(storedValueReceivables.chainId, chainId), eq(storedValueReceivables.id, row.id)));
  }
  return posted;
}
