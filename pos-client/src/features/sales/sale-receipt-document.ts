import { creditedShares, maskCardNo, minor, type FoundMember, type Minor, type PairedDevice, type Sale } from '@pos/shared';
import type { ReceiptClerk, ReceiptMember, SaleReceiptDocument } from '@pos/shared/receipt/index';
import type { TillDb } from '../../db/till-db';
import type { TicketPayment } from './ticket';
import { toStoreLocalIso } from './store-local-iso';

const FOOTER = ['谢谢惠顾 欢迎再次光临', 'Thank you, see you again'];

/** What each promotion saved over the whole sale, in the order they first appear. */
export function promotionSavings(sale: Sale): { name: string; savedMinor: Minor }[] {
  const byRule = new Map<string, { name: string; saved: number }>();
  for (const adjustment of sale.lines.flatMap((line) => line.adjustments ?? [])) {
    const entry = byRule.get(adjustment.ruleId) ?? { name: (adjustment.ruleName || adjustment.ruleId).slice(0, 80), saved: 0 };
    entry.saved += adjustment.amountMinor;
    byRule.set(adjustment.ruleId, entry);
  }
  return [...byRule.values()].filter((p) => p.saved > 0).map((p) => ({ name: p.name, savedMinor: minor(p.saved) }));
}

/**
 * What the member's card holds after the sale's own payments from it, as HQ answered them (null
 * where the sale took none), and the points the sale earns (null when the till cannot tell).
 */
export interface CardAfterSale {
  storedValueMinor: number | null;
  points: number | null;
  pointsEarned?: number | null;
}

/** What the card holds after the ticket's payments from it: the latest answer HQ gave for each. */
export function cardAfterPayments(payments: readonly TicketPayment[]): CardAfterSale {
  const last = <K extends 'storedValueAfterMinor' | 'pointsAfter'>(key: K) => payments.findLast((p) => !p.declined && p.card?.[key] !== undefined)?.card?.[key] ?? null;
  return { storedValueMinor: last('storedValueAfterMinor'), points: last('pointsAfter') };
}

/**
 * The member as the receipt shows them: the card masked, the level in both languages, the points
 * the sale earns (by the rules HQ posts them with at ingest), and what the card holds after the
 * sale: stored value and points as HQ answered its card payments, the points earned added.
 */
export function receiptMemberOf(member: FoundMember, after: CardAfterSale = { storedValueMinor: null, points: null }): ReceiptMember {
  const level = member.level.nameZh === member.level.nameEn ? member.level.nameZh : `${member.level.nameZh} ${member.level.nameEn}`;
  const earned = after.pointsEarned ?? null;
  return {
    cardNoMasked: maskCardNo(member.cardNo),
    name: member.name.slice(0, 40), level: level.slice(0, 40), pointsEarned: earned,
    pointsBalance: after.points === null ? null : after.points + (earned ?? 0),
    storedValueBalanceMinor: after.storedValueMinor === null ? null : minor(after.storedValueMinor),
  };
}

/** The codes of the sales clerks the sale's lines are credited to, from the pulled clerks, for the receipt to print. */
export async function receiptClerksOf(db: TillDb, sale: Sale): Promise<ReceiptClerk[]> {
  const ids = [...new Set(sale.lines.flatMap((line) => creditedShares(line).map((s) => s.clerkId)))];
  if (ids.length === 0) return [];
  const clerks = await db.clerks.bulkGet(ids);
  return clerks.flatMap((clerk) => (clerk ? [{ id: clerk.id, code: clerk.code }] : []));
}

/**
 * The receipt of a sale as the bridge prints it and the browser shows it; a reprint says so on
 * the paper. The sale's total discount is the customer's total saving; the time is the store's.
 * A line credited to sales clerks prints their codes.
 */
export function saleReceiptDocument(
  sale: Sale, store: PairedDevice['store'], cashierName: string, reprint = false, member: ReceiptMember | null = null, clerks: readonly ReceiptClerk[] = [],
): SaleReceiptDocument {
  const name = store.nameZh === store.nameEn ? store.nameZh : `${store.nameZh} ${store.nameEn}`;
  return {
    kind: 'sale_receipt',
    store: { name: name.slice(0, 80), address: null, phone: null },
    cashierName: cashierName.slice(0, 40) || '—',
    // Both instants to whole seconds on the store's clock, so a sale rung up within one second still starts before it ends.
    sale: { ...sale, startedAt: toStoreLocalIso(sale.startedAt, store.timeZone), completedAt: toStoreLocalIso(sale.completedAt, store.timeZone) },
    member,
    promotions: promotionSavings(sale).slice(0, 50),
    footer: FOOTER,
    reprint,
    ...(clerks.length > 0 ? { clerks: clerks.slice(0, 100) } : {}),
  };
}

/** The drawer opens only when notes went into it. */
export const tookCash = (sale: Sale): boolean => sale.payments.some((payment) => payment.tender === 'cash' && payment.amountMinor > 0);
