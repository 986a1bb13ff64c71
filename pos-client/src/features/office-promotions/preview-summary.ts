import type { PricedBasketBody } from '@pos/shared';

export interface PreviewDiscount {
  ruleName: string;
  amountMinor: number;
}

export interface PreviewLine {
  lineId: string;
  productId: string;
  quantity: number;
  unitPriceMinor: number;
  grossMinor: number;
  netMinor: number;
  discounts: PreviewDiscount[];
}

/** Each line with the name of every promotion that took money off it, and each promotion's total saving. */
export function summarizePreview(priced: PricedBasketBody): { lines: PreviewLine[]; byPromotion: PreviewDiscount[] } {
  const names = new Map<string, string>();
  for (const a of priced.adjustments) names.set(a.ruleId, a.ruleName);
  for (const g of priced.gifts) names.set(g.ruleId, g.ruleName);
  const nameOf = (ruleId: string) => names.get(ruleId) ?? ruleId;
  const lines = priced.lines.map((line) => ({
    lineId: line.lineId,
    productId: line.productId,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    grossMinor: line.grossMinor,
    netMinor: line.netMinor,
    discounts: line.discounts.filter((d) => d.amountMinor !== 0).map((d) => ({ ruleName: nameOf(d.ruleId), amountMinor: d.amountMinor })),
  }));
  const totals = new Map<string, number>();
  for (const a of priced.adjustments) totals.set(a.ruleId, (totals.get(a.ruleId) ?? 0) + a.amountMinor);
  for (const g of priced.gifts) totals.set(g.ruleId, (totals.get(g.ruleId) ?? 0) + g.valueMinor);
  const byPromotion = [...totals].filter(([, amount]) => amount !== 0).map(([ruleId, amountMinor]) => ({ ruleName: nameOf(ruleId), amountMinor }));
  return { lines, byPromotion };
}
