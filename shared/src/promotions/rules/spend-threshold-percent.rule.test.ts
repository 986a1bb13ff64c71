import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const tiers = [{ minSpendMinor: 10_000, percentBp: 500 }, { minSpendMinor: 30_000, percentBp: 1200 }];
const spend = (unitPriceMinor: number) =>
  priceBasket(basket([{ lineId: 'l1', productId: 'p', unitPriceMinor }]), context(), [rule('spend_threshold_percent', 'mz', { scope: scope(), tiers })]);

describe('spend threshold, percent off', () => {
  it('takes the percentage of the highest tier reached', () => {
    expect(spend(9999).totalMinor).toBe(9999);
    expect(spend(10_000).totalMinor).toBe(9500);
    expect(spend(30_001).totalMinor).toBe(26_401);
  });

  it('is measured on the net after line promotions', () => {
    const priced = priceBasket(
      basket([{ lineId: 'l1', productId: 'p', unitPriceMinor: 10_500 }]),
      context(),
      [
        rule('item_discount', 'item', { productIds: ['p'], offer: { type: 'amount_off', amountMinor: 1000 }, unitLimit: null }),
        rule('spend_threshold_percent', 'mz', { scope: scope(), tiers }),
      ],
    );
    expect(priced.totalMinor).toBe(9500);
  });
});
