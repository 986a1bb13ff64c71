import { minor, type Minor } from '../money/money';
import type { Tender } from '../schemas/sales';
import type { CashMovement, ShiftTenderTotal, ShiftTotals } from '../schemas/shifts';
import { Tender as TenderSchema } from '../schemas/sales';

/**
 * One return or exchange made in the shift, by tender: what it paid back, and what an exchange
 * took beyond the goods coming back. A `Return` document has both.
 */
export interface ShiftRefund {
  refunds: readonly { tender: Tender; amountMinor: number }[];
  payments: readonly { tender: Tender; amountMinor: number }[];
}

/** What the shift reads of a sale: a `Sale` document has it all, and so does a sale HQ holds in rows. */
export interface ShiftSale {
  lines: readonly { quantity: number }[];
  payments: readonly { tender: Tender; amountMinor: number }[];
  subtotalMinor: number;
  discountMinor: number;
  roundingMinor: number;
}

/** Everything that happened in one shift on one till: its float and its own documents. */
export interface ShiftActivity {
  floatMinor: number;
  sales: readonly ShiftSale[];
  movements: readonly { direction: CashMovement['direction']; amountMinor: number }[];
  refunds?: readonly ShiftRefund[];
}

function byTender(payments: Iterable<{ tender: Tender; amountMinor: number }[]>): ShiftTenderTotal[] {
  const totals = new Map<Tender, { amountMinor: number; count: number }>();
  for (const document of payments) {
    const seen = new Set<Tender>();
    for (const { tender, amountMinor } of document) {
      const total = totals.get(tender) ?? { amountMinor: 0, count: 0 };
      total.amountMinor += amountMinor;
      if (!seen.has(tender)) total.count += 1;
      seen.add(tender);
      totals.set(tender, total);
    }
  }
  return TenderSchema.options.flatMap((tender) => {
    const total = totals.get(tender);
    return total ? [{ tender, amountMinor: minor(total.amountMinor), count: total.count }] : [];
  });
}

const sum = <T>(rows: readonly T[], of: (row: T) => number): Minor => minor(rows.reduce((total, row) => total + of(row), 0));
const cashOf = (tenders: readonly ShiftTenderTotal[]): Minor => minor(tenders.find((t) => t.tender === 'cash')?.amountMinor ?? 0);

/**
 * A shift's figures from its documents. A cash payment's amount is what stayed in the drawer
 * (the cash handed over less the change), so the cash the drawer should hold is
 * float + cash sales − cash refunds + cash in − cash out, where the refunds of returns and
 * exchanges are net of what exchanges took.
 */
export function shiftTotals({ floatMinor, sales, movements, refunds = [] }: ShiftActivity): ShiftTotals {
  const tenders = byTender(sales.map((s) => [...s.payments]));
  // An exchange the customer paid on counts against the refunds of its tender: cash it took stays in the drawer.
  const refundTenders = byTender(refunds.map((r) => [...r.refunds, ...r.payments.map((p) => ({ tender: p.tender, amountMinor: -p.amountMinor }))]));
  const grossMinor = sum(sales, (s) => s.subtotalMinor);
  const discountMinor = sum(sales, (s) => s.discountMinor);
  const roundingMinor = sum(sales, (s) => s.roundingMinor);
  const salesMinor = minor(grossMinor - discountMinor + roundingMinor);
  const refundsMinor = sum(refundTenders, (t) => t.amountMinor);
  const cashInMinor = sum(movements.filter((m) => m.direction === 'in'), (m) => m.amountMinor);
  const cashOutMinor = sum(movements.filter((m) => m.direction === 'out'), (m) => m.amountMinor);
  const cashSalesMinor = cashOf(tenders);
  const cashRefundsMinor = cashOf(refundTenders);
  return {
    ticketCount: sales.length,
    itemCount: sales.reduce((n, s) => n + s.lines.reduce((q, l) => q + l.quantity, 0), 0),
    grossMinor,
    discountMinor,
    roundingMinor,
    salesMinor,
    refundCount: refunds.length,
    refundsMinor,
    netMinor: minor(salesMinor - refundsMinor),
    byTender: tenders,
    refundsByTender: refundTenders,
    floatMinor: minor(floatMinor),
    cashSalesMinor,
    cashRefundsMinor,
    cashInMinor,
    cashOutMinor,
    cashMovementCount: movements.length,
    expectedCashMinor: minor(floatMinor + cashSalesMinor - cashRefundsMinor + cashInMinor - cashOutMinor),
  };
}
