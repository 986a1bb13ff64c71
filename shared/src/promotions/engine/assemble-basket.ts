import { minor } from '../../money/money';
import type { BasketLine } from '../promotions.schemas';
import type { Adjustment, GiftLine, LineDiscount, PricedLine } from '../priced-basket.types';
import type { Share } from './shares';
import type { Gift, TicketAmount } from './ticket-stage';

function adjustment(share: { source: Share['source']; amount: number }, lineId: string | null): Adjustment {
  const { ruleId, ruleName, kind, stage, enteredBy, reference } = share.source;
  return { ruleId, ruleName, kind, stage, lineId, amountMinor: minor(share.amount), enteredBy, reference };
}

/** Line adjustments one per share, ticket-level ones once each with their total. */
export function adjustmentsOf(lines: readonly BasketLine[], shares: readonly Share[], ticketAmounts: readonly TicketAmount[]): Adjustment[] {
  const perLine = shares.filter((s) => s.source.stage === 'line' || s.source.kind === 'manual_line');
  return [
    ...perLine.map((share) => adjustment(share, lines[share.lineIndex]!.lineId)),
    ...ticketAmounts.map((amount) => adjustment(amount, null)),
  ];
}

export function pricedLines(lines: readonly BasketLine[], gross: readonly number[], remaining: readonly number[], shares: readonly Share[], points: readonly number[]): PricedLine[] {
  const discounts: LineDiscount[][] = lines.map(() => []);
  for (const share of shares) {
    discounts[share.lineIndex]!.push({ ruleId: share.source.ruleId, stage: share.source.stage, amountMinor: minor(share.amount) });
  }
  return lines.map((line, i) => ({
    lineId: line.lineId,
    productId: line.productId,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    grossMinor: minor(gross[i]!),
    discountMinor: minor(gross[i]! - remaining[i]!),
    netMinor: minor(remaining[i]!),
    discounts: discounts[i]!,
    pointsMultiplierBp: points[i]!,
    clerkId: line.clerkId,
  }));
}

export function giftLines(gifts: readonly Gift[]): GiftLine[] {
  return gifts.map(({ rule, grant }, i) => ({
    lineId: `gift:${rule.id}:${i + 1}`,
    ruleId: rule.id,
    ruleName: rule.name,
    productId: grant.productId,
    quantity: grant.quantity,
    valueMinor: grant.valueMinor,
  }));
}
