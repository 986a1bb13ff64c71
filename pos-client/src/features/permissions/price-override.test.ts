import { describe, expect, it } from 'vitest';
import { compileRules, minor, priceBasket } from '@pos/shared';
import { overrideDiscount, parseNewPrice } from './price-override';

describe('price override', () => {
  it('takes a lower price, never a higher or unreadable one', () => {
    expect(parseNewPrice('2.80', minor(350), 2)).toEqual({ ok: true, unitPriceMinor: 280 });
    expect(parseNewPrice('0', minor(350), 2)).toEqual({ ok: true, unitPriceMinor: 0 });
    expect(parseNewPrice('3.50', minor(350), 2)).toEqual({ ok: false, code: 'PRICE_NOT_LOWER' });
    expect(parseNewPrice('abc', minor(350), 2)).toEqual({ ok: false, code: 'PRICE_INVALID' });
  });

  it('prices the line at the new price through the engine, for the quantity as it stands', () => {
    const override = { lineId: 'l1', unitPriceMinor: minor(280), discountId: 'd1', enteredBy: 'c1' };
    const line = { lineId: 'l1', productId: 'p1', quantity: 3, unitPriceMinor: minor(350), categoryId: null, ancestorCategoryIds: [], brandId: null, clerkId: null, weightGrams: null };
    const discount = overrideDiscount(override, line);
    expect(discount).toMatchObject({ id: 'd1', lineId: 'l1', kind: 'amount', value: 210, enteredBy: 'c1' });
    const context = { storeId: 's', instant: '2025-03-01T10:00:00.000Z', timeZone: 'Asia/Shanghai', member: null, vouchers: [], manualDiscounts: [discount], rounding: { unitMinor: 1 as const, mode: 'half_up' as const } };
    expect(priceBasket({ lines: [line] }, context, compileRules([])).lines[0]!.netMinor).toBe(840);
  });
});
