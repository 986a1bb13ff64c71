import { describe, expect, it } from 'vitest';
import { PromotionRule, compileRules, minor } from '@pos/shared';
import { colaPromotion, ids } from '../../db/test-db.fixture';
import { addItem, emptyBasket, type ScannedItem } from './basket';
import { lineAdjustments, linePricingById, priceTillBasket } from './price-till-basket';

const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };
const at = '2025-03-01T10:00:00.000Z';
const facts = { categoryId: null, ancestorCategoryIds: [], brandId: null };
const pricing = (rules: readonly PromotionRule[]) => ({ rules: compileRules(rules), rounding: { unitMinor: 1, mode: 'half_up' } as const, member: null, vouchers: [], manualDiscounts: [] });
const cola: ScannedItem = { productId: ids.cola, barcode: '6901234567892', nameZh: '可乐', nameEn: 'Cola', unitPriceMinor: minor(350), ...facts };
const chips: ScannedItem = { productId: 'p-chips', barcode: '6901234567908', nameZh: '薯片', nameEn: 'Crisps', unitPriceMinor: minor(700), categoryId: 'snacks', ancestorCategoryIds: ['food'], brandId: 'crunch' };
const basket = addItem(addItem(addItem(emptyBasket, cola, 'l1', at), cola, 'l1', at), chips, 'l2', at);

const spend = PromotionRule.parse({
  id: 'spend-10', name: '满10减1', priority: 0, combination: 'stackable', group: null, validFrom: null, validTo: null,
  weekdays: [], hours: [], storeIds: [], memberLevelIds: [],
  kind: 'spend_threshold_off', args: { scope: { productIds: [], categoryIds: ['food'], brandIds: [] }, tiers: [{ minSpendMinor: 500, offMinor: 100 }], repeat: false },
});

describe('priceTillBasket', () => {
  it('gives each line its promotions by name, adding up to the line discount', () => {
    const priced = priceTillBasket(basket, place, at, pricing([colaPromotion.rule, spend]));
    const [colaLine, chipsLine] = lineAdjustments(priced);
    expect(colaLine).toEqual([{ ruleId: colaPromotion.id, ruleName: colaPromotion.rule.name, amountMinor: 70 }]);
    expect(chipsLine).toEqual([{ ruleId: 'spend-10', ruleName: '满10减1', amountMinor: 100 }]);
    expect(priced).toMatchObject({ subtotalMinor: 1400, discountMinor: 170, totalMinor: 1230, roundingMinor: 0, totalSavingMinor: 170 });
  });

  it('matches a rule on a parent category through the line facts', () => {
    const priced = priceTillBasket(basket, place, at, pricing([spend]));
    expect(linePricingById(priced).get('l2')).toEqual({ grossMinor: 700, netMinor: 600, adjustments: [{ ruleId: 'spend-10', ruleName: '满10减1', amountMinor: 100 }] });
  });

  it("prices under the sale's line ids when given them", () => {
    const priced = priceTillBasket(basket, place, at, pricing([]), ['s1', 's2']);
    expect(priced.lines.map((l) => l.lineId)).toEqual(['s1', 's2']);
    expect(priced.discountMinor).toBe(0);
  });
});
