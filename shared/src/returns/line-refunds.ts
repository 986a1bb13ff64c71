import { prorate } from '../money/prorate';
import { minor, type Minor } from '../money/money';
import type { Sale } from '../schemas/sales';

/**
 * What the customer paid for each line: its net as sold (after its share of promotions,
 * vouchers and ticket discounts) plus its share of the sale's cash rounding (抹零), split by
 * the largest-remainder method, so the lines add up to exactly what the payments took.
 */
export function linePaidAmounts(sale: Pick<Sale, 'lines' | 'roundingMinor'>): Map<string, Minor> {
  const shares = prorate(sale.lines.map((l) => l.netMinor), minor(sale.roundingMinor));
  return new Map(sale.lines.map((line, i) => [line.id, minor(line.netMinor + shares[i]!)]));
}

/**
 * The part of `paid` (for `quantity` units) that the first `units` units carry. Rounded down,
 * so that returning units one or many at a time refunds the same in total, and every unit back
 * refunds exactly `paid`.
 */
export function unitsShare(paid: Minor, quantity: number, units: number): Minor {
  if (units >= quantity) return paid;
  return minor(Math.floor((paid * units) / quantity));
}

/**
 * The refund for `units` more units of a line, when `before` units of it came back earlier:
 * the difference of the cumulative shares, so no order of partial returns refunds a fen more or
 * less than the line as paid.
 */
export function unitsRefund(paid: Minor, quantity: number, before: number, units: number): Minor {
  return minor(unitsShare(paid, quantity, before + units) - unitsShare(paid, quantity, before));
}
