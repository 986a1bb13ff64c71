import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const tiers = [{ minSpendMinor: 10_000, offMinor: 1000 }, { minSpendMinor: 20_000, offMinor: 3000 }];
const spend = (amounts: number[], repeat = false, categoryIds: string[] = []) =>
  priceBasket(
    basket(amounts.map((unitPriceMinor, i) => ({ lineId: `l${i}`, productId: `p${i}`, unitPriceMinor, categoryId: i === 0 ? 'shoes' : 'socks' }))),
    context(),
    [rule('spend_threshold_off', 'mj', { scope: scope({ categoryIds }), tiers, repeat })],
  );

describe('spend threshold, amount off', () => {
  it('gives nothing below the first tier', () => {
    expect(spend([9999]).totalMinor).toBe(9999);
  });

  it('gives the highest tier reached', () => {
    expect(spend([12_000]).totalMinor).toBe(11_000);
    expect(spend([15_000, 5000]).totalMinor).toBe(17_000);
  });

  it('spreads the amount over the lines by largest remainder', () => {
    const priced = spend([10_000, 5000]);
    expect(priced.lines.map((l) => l.discountMinor)).toEqual([667, 333]);
    expect(priced.adjustments).toMatchObject([{ ruleId: 'mj', lineId: null, amountMinor: 1000 }]);
  });

  it('repeats for every step spent when asked (每满)', () => {
    expect(spend([45_000], true).totalMinor).toBe(45_000 - 2 * 3000);
  });

  it('measures only its scope and takes the discount only from it', () => {
    const priced = spend([9000, 5000], false, ['shoes']);
    expect(priced.totalMinor).toBe(14_000);
    expect(spend([12_000, 5000], false, ['shoes']).lines.map((l) => l.netMinor)).toEqual([11_000, 5000]);
  });
});
