import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const gift = rule('spend_gift', 'umbrella', { scope: scope(), minSpendMinor: 20_000, gift: { productId: 'umbrella', quantity: 1, valueMinor: 3500 } });

describe('spend X get a gift', () => {
  it('adds the gift line at no charge once the spend is reached', () => {
    const priced = priceBasket(basket([{ lineId: 'l1', productId: 'coat', unitPriceMinor: 20_000 }]), context(), [gift]);
    expect(priced.totalMinor).toBe(20_000);
    expect(priced.gifts).toEqual([{ lineId: 'gift:umbrella:1', ruleId: 'umbrella', ruleName: 'umbrella', productId: 'umbrella', quantity: 1, valueMinor: 3500 }]);
    expect(priced.giftValueMinor).toBe(3500);
    expect(priced.totalSavingMinor).toBe(3500);
  });

  it('gives nothing below the spend', () => {
    expect(priceBasket(basket([{ lineId: 'l1', productId: 'coat', unitPriceMinor: 19_999 }]), context(), [gift]).gifts).toEqual([]);
  });
});
