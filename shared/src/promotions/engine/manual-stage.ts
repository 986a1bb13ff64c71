import { minor, scaleMinor } from '../../money/money';
import type { ManualDiscount } from '../promotions.schemas';
import type { AdjustmentSource, Share } from './shares';
import { spread, type TicketAmount } from './ticket-stage';

function sourceOf(discount: ManualDiscount): AdjustmentSource {
  return {
    ruleId: `manual:${discount.id}`,
    ruleName: discount.reason ?? '折扣 Discount',
    kind: discount.lineId === null ? 'manual_ticket' : 'manual_line',
    stage: 'manual',
    exclusive: false,
    enteredBy: discount.enteredBy,
    reference: null,
  };
}

function amountOf(discount: ManualDiscount, base: number): number {
  if (base <= 0) return 0;
  return discount.kind === 'percent' ? scaleMinor(minor(base), discount.value, 10_000) : Math.min(discount.value, base);
}

/**
 * A cashier's line discount (销售折让) applies after the line's promotions, on what they
 * left. Returns the ids of discounts naming a line that is not in the basket.
 */
export function applyManualLineDiscounts(discounts: readonly ManualDiscount[], lineIds: readonly string[], remaining: number[], shares: Share[]): string[] {
  const ignored: string[] = [];
  for (const discount of discounts) {
    if (discount.lineId === null) continue;
    const lineIndex = lineIds.indexOf(discount.lineId);
    if (lineIndex < 0) {
      ignored.push(discount.id);
      continue;
    }
    const amount = amountOf(discount, remaining[lineIndex]!);
    if (amount <= 0) continue;
    remaining[lineIndex]! -= amount;
    shares.push({ source: sourceOf(discount), lineIndex, amount });
  }
  return ignored;
}

/** Stage 5: a cashier's ticket discount, on what remains of the whole ticket, spread over the lines. */
export function applyManualTicketDiscounts(discounts: readonly ManualDiscount[], remaining: number[], shares: Share[], amounts: TicketAmount[]): void {
  const all = remaining.map((_, i) => i);
  for (const discount of discounts) {
    if (discount.lineId !== null) continue;
    const amount = amountOf(discount, remaining.reduce((sum, v) => sum + v, 0));
    if (amount <= 0) continue;
    const source = sourceOf(discount);
    spread(source, all, amount, remaining, shares);
    amounts.push({ source, amount });
  }
}
