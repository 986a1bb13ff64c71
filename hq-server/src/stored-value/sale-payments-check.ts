import type { Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { storedValueEntries } from '../members/membership.tables';
import type { SaleDiscrepancy } from '../sales/reprice-sales';
import { isSettleable, offlineCards } from './offline-settlement';

/**
 * A sale paid partly with stored value that the ledger does not bear out: no spend under the
 * payment's id, a spend of another amount, or a spend reversed since. The customer has paid and
 * left, so the sale is accepted and the difference kept beside it with the pricing
 * discrepancies, where the office already looks at what a till claimed and HQ did not find;
 * `hqMinor` is the sale less what the ledger lacks. A payment a till took offline is settled
 * with the sale (`offline-settlement.ts`), by a debit and perhaps a receivable, so it is a
 * difference only when HQ knows no card of that number, or the card was never usable.
 */
export async function storedValueDiscrepancies(db: Db, chainId: string, sales: readonly Sale[]): Promise<Map<string, SaleDiscrepancy[]>> {
  const paid = sales.flatMap((sale) => sale.payments.filter((p) => p.tender === 'stored_value').map((payment) => ({ sale, payment })));
  const found = new Map<string, SaleDiscrepancy[]>();
  if (paid.length === 0) return found;
  const entries = await db.select({ paymentId: storedValueEntries.paymentId, kind: storedValueEntries.kind, amountMinor: storedValueEntries.amountMinor })
    .from(storedValueEntries)
    .where(and(eq(storedValueEntries.chainId, chainId), inArray(storedValueEntries.paymentId, paid.map((p) => p.payment.id)), inArray(storedValueEntries.kind, ['spend', 'spend_reversal'])));
  const spent = new Map(entries.filter((e) => e.kind === 'spend').map((e) => [e.paymentId, -e.amountMinor]));
  const reversed = new Set(entries.filter((e) => e.kind === 'spend_reversal').map((e) => e.paymentId));
  const cards = await offlineCards(db, chainId, paid.flatMap((p) => p.payment.offlineCardNo ?? []));
  for (const { sale, payment } of paid) {
    const captured = reversed.has(payment.id) ? 0 : (spent.get(payment.id) ?? 0);
    if (captured === payment.amountMinor) continue;
    const offline = payment.offlineCardNo !== undefined && !spent.has(payment.id);
    if (offline && isSettleable(cards.get(payment.offlineCardNo!))) continue;
    const problem = offline ? (cards.has(payment.offlineCardNo!) ? 'STORED_VALUE_OFFLINE_CARD_NOT_USABLE' : 'STORED_VALUE_OFFLINE_UNKNOWN_CARD')
      : !spent.has(payment.id) ? 'STORED_VALUE_NOT_AUTHORISED' : reversed.has(payment.id) ? 'STORED_VALUE_REVERSED' : 'STORED_VALUE_AMOUNT';
    const discrepancy = {
      lineId: null, tillMinor: sale.totalMinor, hqMinor: sale.totalMinor - (payment.amountMinor - captured),
      detail: { problem, paymentId: payment.id, tillAmountMinor: payment.amountMinor, ledgerAmountMinor: captured },
    };
    found.set(sale.id, [...(found.get(sale.id) ?? []), discrepancy]);
  }
  return found;
}
