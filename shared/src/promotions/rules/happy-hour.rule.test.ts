import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const beer = basket([{ lineId: 'l1', productId: 'beer', unitPriceMinor: 1000, categoryId: 'beer', ancestorCategoryIds: [] }]);
const happyHour = rule('happy_hour', 'hh', {
  scope: scope({ categoryIds: ['beer'] }),
  offer: { type: 'fixed_price', priceMinor: 600 },
  windows: [{ from: '17:00', to: '19:00' }, { from: '22:00', to: '01:00' }],
  unitLimit: null,
});
const at = (instant: string) => priceBasket(beer, context({ instant }), [happyHour]).totalMinor;

describe('happy hour', () => {
  it('holds during its hours on the store clock', () => {
    expect(at('2025-05-21T17:00:00+08:00')).toBe(600);
    expect(at('2025-05-21T10:59:00Z')).toBe(600);
  });

  it('ends at the end of the window', () => {
    expect(at('2025-05-21T19:00:00+08:00')).toBe(1000);
    expect(at('2025-05-21T16:59:00+08:00')).toBe(1000);
  });

  it('runs past midnight when the window does', () => {
    expect(at('2025-05-22T00:30:00+08:00')).toBe(600);
    expect(at('2025-05-22T01:00:00+08:00')).toBe(1000);
  });
});
