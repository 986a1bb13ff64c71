import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

describe('points multiplier', () => {
  it('gives each line the highest multiplier that reaches it and leaves prices alone', () => {
    const priced = priceBasket(
      basket([
        { lineId: 'l1', productId: 'p1', unitPriceMinor: 1000, brandId: 'acme' },
        { lineId: 'l2', productId: 'p2', unitPriceMinor: 1000 },
      ]),
      context(),
      [
        rule('points_multiplier', 'double', { scope: scope(), multiplierBp: 20_000 }),
        rule('points_multiplier', 'triple-acme', { scope: scope({ brandIds: ['acme'] }), multiplierBp: 30_000 }),
      ],
    );
    expect(priced.lines.map((l) => l.pointsMultiplierBp)).toEqual([30_000, 20_000]);
    expect(priced.totalMinor).toBe(2000);
  });
});
