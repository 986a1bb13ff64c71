import { describe, expect, it } from 'vitest';
import type { PricedBasketBody } from '@pos/shared';
import { summarizePreview } from './preview-summary';

const line = (lineId: string, gross: number, discounts: { ruleId: string; amountMinor: number }[]) => ({
  lineId, productId: `p-${lineId}`, quantity: 1, unitPriceMinor: gross, grossMinor: gross, pointsMultiplierBp: 10_000, clerkId: null,
  discountMinor: discounts.reduce((n, d) => n + d.amountMinor, 0), netMinor: gross - discounts.reduce((n, d) => n + d.amountMinor, 0),
  discounts: discounts.map((d) => ({ ...d, stage: 'line' as const })),
});
const adjustment = (ruleId: string, ruleName: string, lineId: string | null, amountMinor: number) => ({
  ruleId, ruleName, kind: 'item_discount', stage: 'line' as const, lineId, amountMinor, enteredBy: null, reference: null,
});

const priced: PricedBasketBody = {
  lines: [line('a', 1_000, [{ ruleId: 'r1', amountMinor: 100 }, { ruleId: 'r2', amountMinor: 50 }]), line('b', 500, [{ ruleId: 'r2', amountMinor: 25 }])],
  adjustments: [adjustment('r1', 'Ten off', 'a', 100), adjustment('r2', 'Spend 10 get 0.75', null, 75)],
  gifts: [{ lineId: 'g1', ruleId: 'r3', ruleName: 'Free bag', productId: 'bag', quantity: 1, valueMinor: 200 }],
  vouchers: [], ignoredManualDiscountIds: [],
  subtotalMinor: 1_500, discountMinor: 175, totalMinor: 1_325, roundingMinor: 0, payableMinor: 1_325, totalSavingMinor: 375, giftValueMinor: 200,
};

describe('preview summary', () => {
  it('names the promotion behind every discount on a line', () => {
    const { lines } = summarizePreview(priced);
    expect(lines[0]!.discounts).toEqual([{ ruleName: 'Ten off', amountMinor: 100 }, { ruleName: 'Spend 10 get 0.75', amountMinor: 50 }]);
    expect(lines[1]!.discounts).toEqual([{ ruleName: 'Spend 10 get 0.75', amountMinor: 25 }]);
  });

  it('adds up each promotion’s saving, gifts by their value, to the basket’s total saving', () => {
    const { byPromotion } = summarizePreview(priced);
    expect(byPromotion).toEqual([
      { ruleName: 'Ten off', amountMinor: 100 },
      { ruleName: 'Spend 10 get 0.75', amountMinor: 75 },
      { ruleName: 'Free bag', amountMinor: 200 },
    ]);
    expect(byPromotion.reduce((n, p) => n + p.amountMinor, 0)).toBe(priced.totalSavingMinor);
  });
});
