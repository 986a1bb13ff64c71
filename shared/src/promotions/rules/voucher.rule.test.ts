import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const voucher = (fields: { minSpendMinor?: number; maxPerTicket?: number; validTo?: string } = {}) =>
  rule(
    'voucher',
    'v20',
    { scope: scope(), codes: ['A1', 'A2', 'A3'], faceValueMinor: 2000, minSpendMinor: fields.minSpendMinor ?? 10_000, maxPerTicket: fields.maxPerTicket ?? 2 },
    { validTo: fields.validTo ?? null },
  );
const spend = (unitPriceMinor: number, codes: string[], rules = [voucher()]) =>
  priceBasket(basket([{ lineId: 'l1', productId: 'p', unitPriceMinor }]), context({ vouchers: codes.map((code) => ({ code })) }), rules);

describe('voucher', () => {
  it('takes its face value off when the minimum spend is met', () => {
    const priced = spend(10_000, ['A1']);
    expect(priced.totalMinor).toBe(8000);
    expect(priced.vouchers).toEqual([{ code: 'A1', status: 'applied', ruleId: 'v20', amountMinor: 2000 }]);
    expect(priced.adjustments).toMatchObject([{ ruleId: 'v20', kind: 'voucher', reference: 'A1', amountMinor: 2000 }]);
  });

  it('says why a code gave nothing', () => {
    expect(spend(9999, ['A1']).vouchers[0]?.status).toBe('min_spend_not_met');
    expect(spend(10_000, ['ZZ']).vouchers[0]?.status).toBe('unknown_code');
    expect(spend(10_000, ['A1', 'A1']).vouchers[1]?.status).toBe('duplicate');
    expect(spend(10_000, ['A1', 'A2', 'A3']).vouchers[2]?.status).toBe('limit_reached');
    expect(spend(10_000, ['A1'], [voucher({ validTo: '2025-05-20' })]).vouchers[0]?.status).toBe('not_valid_now');
  });

  it('never takes more than is left to pay', () => {
    const priced = spend(2500, ['A1', 'A2'], [voucher({ minSpendMinor: 0 })]);
    expect(priced.totalMinor).toBe(0);
    expect(priced.vouchers.map((v) => v.amountMinor)).toEqual([2000, 500]);
  });
});
