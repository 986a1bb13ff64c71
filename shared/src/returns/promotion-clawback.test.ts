import { describe, expect, it } from 'vitest';
import { compileRules } from '../promotions/engine/compile-rules';
import { priceBasket } from '../promotions/price-basket';
import { basket, context, rule, scope } from '../promotions/testing/promotion-fixtures';
import { emptyReturnHistory } from '../schemas/returns';
import type { Sale } from '../schemas/sales';
import { planRefund } from './plan-refund';
import { promotionClawback } from './promotion-clawback';
import { fixtureId, fixtureSale } from './testing/return-fixtures';

const product = fixtureId(500);
const buyTwoGetOne = rule('buy_n_get_m', 'b2g1', { scope: scope({ productIds: [product] }), buy: 2, get: 1, rewardPercentBp: 10_000, maxApplications: null });
const rules = compileRules([buyTwoGetOne]);

/** Three at 10.00 under buy two get one free, as the engine priced them: the line nets 20.00. */
function promotedSale(quantity = 3): Sale {
  const priced = priceBasket(basket([{ lineId: fixtureId(100), productId: product, unitPriceMinor: 1000, quantity }]), context(), rules);
  const line = priced.lines[0]!;
  const sale = fixtureSale([{ unitPriceMinor: 1000, quantity, discountMinor: line.discountMinor }], [{ tender: 'cash', amountMinor: line.netMinor }]);
  return { ...sale, completedAt: '2025-05-21T10:00:00+08:00', lines: [{ ...sale.lines[0]!, adjustments: [{ ruleId: 'b2g1', ruleName: 'b2g1', amountMinor: line.discountMinor }] }] };
}

const clawback = (sale: Sale, kept: number) =>
  promotionClawback({ sale, timeZone: 'Asia/Shanghai', kept: new Map([[fixtureId(100), kept]]), rules, promotionRuleIds: new Set(['b2g1']), facts: new Map() });

describe('promotionClawback', () => {
  it('takes back the free unit’s benefit when one of three comes back, so that unit refunds nothing', () => {
    const sale = promotedSale();
    expect(sale.lines[0]!.netMinor).toBe(2000);
    const taken = clawback(sale, 2);
    expect(taken).toBe(667);
    const plan = planRefund({ sale, history: emptyReturnHistory, picks: [{ saleLineId: fixtureId(100), quantity: 1 }], clawbackMinor: taken, policy: { vouchersAsCash: false }, rounding: { unitMinor: 1, mode: 'half_up' } });
    expect(plan).toMatchObject({ ok: true, backMinor: 666, clawbackMinor: 666, refunds: [] });
  });

  it('takes back only what the kept units no longer earn, and nothing when everything comes back', () => {
    const six = promotedSale(6);
    expect(six.lines[0]!.discountMinor).toBe(2000);
    // Five kept earn one free unit where their share of the sale's two was 16.67.
    expect(clawback(six, 5)).toBe(667);
    expect(clawback(six, 3)).toBe(0);
    expect(clawback(promotedSale(), 0)).toBe(0);
  });

  it('leaves the cashier’s discounts and vouchers out of what it takes back', () => {
    const sale = promotedSale();
    const manual = { ...sale, lines: [{ ...sale.lines[0]!, adjustments: [{ ruleId: 'manual-1', ruleName: 'manual', amountMinor: sale.lines[0]!.discountMinor }] }] };
    expect(clawback(manual, 2)).toBe(0);
  });
});
