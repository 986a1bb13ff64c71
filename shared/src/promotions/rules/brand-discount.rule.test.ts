import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule } from '../testing/promotion-fixtures';

describe('brand discount', () => {
  it('discounts every product of the brand and nothing else', () => {
    const priced = priceBasket(
      basket([
        { lineId: 'l1', productId: 'shampoo', unitPriceMinor: 3000, brandId: 'acme' },
        { lineId: 'l2', productId: 'soap', unitPriceMinor: 800, brandId: 'other' },
      ]),
      context(),
      [rule('brand_discount', 'acme-5', { brandIds: ['acme'], offer: { type: 'amount_off', amountMinor: 500 }, unitLimit: null })],
    );
    expect(priced.lines.map((l) => l.netMinor)).toEqual([2500, 800]);
    expect(priced.adjustments).toMatchObject([{ ruleId: 'acme-5', kind: 'brand_discount', lineId: 'l1', amountMinor: 500 }]);
  });
});
