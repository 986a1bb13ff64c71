import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules } from './engine/compile-rules';
import { priceBasket } from './price-basket';
import type { PricedBasket } from './priced-basket.types';
import type { PricingContext } from './promotions.schemas';
import type { RuleCommon } from './rule-common.schemas';
import type { PromotionRule } from './rule-registry';
import { basket as toBasket, context, rule, scope, type LineInput } from './testing/promotion-fixtures';

const products = ['a', 'b', 'c', 'd', 'e'];
const categoryOf: Record<string, string> = { a: 'c1', b: 'c1', c: 'c2', d: 'c2', e: 'c3' };
const brandOf: Record<string, string | null> = { a: 'x', b: 'y', c: 'x', d: null, e: 'y' };

const lineArbitrary = (lineId: string) =>
  fc.record({ productId: fc.constantFrom(...products), unitPriceMinor: fc.integer({ min: 0, max: 5000 }), quantity: fc.integer({ min: 1, max: 4 }) }).map(
    (l): LineInput => ({ ...l, lineId, categoryId: categoryOf[l.productId]!, ancestorCategoryIds: ['root'], brandId: brandOf[l.productId]! }),
  );

const basketLinesArbitrary = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArbitrary(`l${i}`))));

const combinationArbitrary = fc.record({
  priority: fc.integer({ min: 0, max: 3 }),
  mode: fc.constantFrom('exclusive', 'stackable', 'stackable', 'best_of'),
  group: fc.constantFrom('g1', 'g2'),
});

const offerArbitrary = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }).map((percentBp) => ({ type: 'percent_off' as const, percentBp })),
  fc.integer({ min: 0, max: 2000 }).map((amountMinor) => ({ type: 'amount_off' as const, amountMinor })),
  fc.integer({ min: 0, max: 4000 }).map((priceMinor) => ({ type: 'fixed_price' as const, priceMinor })),
);

const targetArbitrary = fc.oneof(
  fc.subarray(products, { minLength: 1 }).map((productIds) => scope({ productIds })),
  fc.constantFrom('c1', 'c2', 'root').map((c) => scope({ categoryIds: [c] })),
  fc.constantFrom('x', 'y').map((b) => scope({ brandIds: [b] })),
);

type Stage = 'line' | 'ticket';

const lineRuleArbitrary = (id: string, common: Partial<RuleCommon>) =>
  fc.oneof(
    fc.record({ offer: offerArbitrary, productIds: fc.subarray(products, { minLength: 1 }), limit: fc.option(fc.integer({ min: 1, max: 5 })) }).map((a) =>
      rule('item_discount', id, { productIds: a.productIds, offer: a.offer, unitLimit: a.limit }, common),
    ),
    fc.record({ offer: offerArbitrary, c: fc.constantFrom('c1', 'c2', 'root') }).map((a) => rule('category_discount', id, { categoryIds: [a.c], offer: a.offer, unitLimit: null }, common)),
    fc.record({ offer: offerArbitrary, b: fc.constantFrom('x', 'y') }).map((a) => rule('brand_discount', id, { brandIds: [a.b], offer: a.offer, unitLimit: null }, common)),
    fc.record({ target: targetArbitrary, buy: fc.integer({ min: 1, max: 3 }), get: fc.integer({ min: 1, max: 2 }), reward: fc.integer({ min: 1, max: 10_000 }) }).map((a) =>
      rule('buy_n_get_m', id, { scope: a.target, buy: a.buy, get: a.get, rewardPercentBp: a.reward, maxApplications: null }, common),
    ),
  );

const ticketRuleArbitrary = (id: string, common: Partial<RuleCommon>) =>
  fc.oneof(
    fc.record({ target: fc.oneof(fc.constant(scope()), targetArbitrary), min: fc.integer({ min: 0, max: 20_000 }), off: fc.integer({ min: 0, max: 5000 }), repeat: fc.boolean() }).map((a) =>
      rule('spend_threshold_off', id, { scope: a.target, tiers: [{ minSpendMinor: a.min, offMinor: a.off }, { minSpendMinor: a.min * 2, offMinor: a.off * 2 }], repeat: a.repeat }, common),
    ),
    fc.record({ min: fc.integer({ min: 0, max: 20_000 }), pct: fc.integer({ min: 1, max: 5000 }) }).map((a) =>
      rule('spend_threshold_percent', id, { scope: scope(), tiers: [{ minSpendMinor: a.min, percentBp: a.pct }] }, common),
    ),
    fc.record({ min: fc.integer({ min: 0, max: 20_000 }), value: fc.integer({ min: 0, max: 3000 }) }).map((a) =>
      rule('spend_gift', id, { scope: scope(), minSpendMinor: a.min, gift: { productId: 'gift', quantity: 1, valueMinor: a.value } }, common),
    ),
  );

const ruleArbitrary = (index: number, stages: readonly Stage[]) =>
  fc.tuple(combinationArbitrary, fc.constantFrom(...stages)).chain(([c, stage]) => {
    const common: Partial<RuleCommon> = { priority: c.priority, combination: c.mode, group: c.mode === 'best_of' ? c.group : null };
    const id = `r${index}`;
    return stage === 'line' ? lineRuleArbitrary(id, common) : ticketRuleArbitrary(id, common);
  });

/** Up to `max` rules with unique ids, drawn from the given stages. */
const rulesArbitrary = (max: number, stages: readonly Stage[] = ['line', 'ticket']): fc.Arbitrary<PromotionRule[]> =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArbitrary(i, stages))));

const contextArbitrary: fc.Arbitrary<PricingContext> = fc
  .record({
    manual: fc.option(fc.record({ line: fc.boolean(), percent: fc.boolean(), value: fc.integer({ min: 0, max: 3000 }) })),
    unit: fc.constantFrom(1 as const, 10 as const, 100 as const),
    mode: fc.constantFrom('half_up' as const, 'down' as const),
  })
  .map(({ manual, unit, mode }) =>
    context({
      rounding: { unitMinor: unit, mode },
      manualDiscounts: manual
        ? [{ id: 'm', lineId: manual.line ? 'l0' : null, kind: manual.percent ? 'percent' : 'amount', value: manual.percent ? Math.min(manual.value, 10_000) : manual.value, enteredBy: 'c', reason: null }]
        : [],
    }),
  );


const runs = { numRuns: 300 };
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const value = (priced: PricedBasket) => priced.totalSavingMinor;

describe('priceBasket properties', () => {
  it('never gives a negative line, total or payable amount', () => {
    fc.assert(
      fc.property(basketLinesArbitrary, rulesArbitrary(6), contextArbitrary, (lines, rules, ctx) => {
        const priced = priceBasket(toBasket(lines), ctx, rules);
        expect(priced.lines.every((l) => l.netMinor >= 0 && l.discountMinor >= 0)).toBe(true);
        expect(priced.totalMinor).toBeGreaterThanOrEqual(0);
        expect(priced.payableMinor).toBeGreaterThanOrEqual(0);
      }),
      runs,
    );
  });

  it('makes the line nets add up to the total, with rounding kept apart', () => {
    fc.assert(
      fc.property(basketLinesArbitrary, rulesArbitrary(6), contextArbitrary, (lines, rules, ctx) => {
        const priced = priceBasket(toBasket(lines), ctx, rules);
        expect(sum(priced.lines.map((l) => l.netMinor))).toBe(priced.totalMinor);
        expect(sum(priced.lines.map((l) => l.grossMinor - l.discountMinor))).toBe(priced.totalMinor);
        expect(sum(priced.adjustments.map((a) => a.amountMinor))).toBe(priced.subtotalMinor - priced.totalMinor);
        expect(priced.payableMinor).toBe(priced.totalMinor + priced.roundingMinor);
        expect(priced.payableMinor % ctx.rounding.unitMinor).toBe(0);
        expect(Math.abs(priced.roundingMinor)).toBeLessThan(ctx.rounding.unitMinor);
      }),
      runs,
    );
  });

  it('gives the same result for the same inputs, whatever order the rules come in', () => {
    fc.assert(
      fc.property(basketLinesArbitrary, rulesArbitrary(6), contextArbitrary, (lines, rules, ctx) => {
        const first = priceBasket(toBasket(lines), ctx, compileRules(rules));
        expect(priceBasket(toBasket(lines), ctx, rules)).toEqual(first);
        expect(priceBasket(toBasket(lines), ctx, [...rules].reverse())).toEqual(first);
      }),
      runs,
    );
  });

  it('never combines an exclusive rule with another rule of its stage on a line', () => {
    fc.assert(
      fc.property(basketLinesArbitrary, rulesArbitrary(6), (lines, rules) => {
        const exclusive = new Set(rules.filter((r) => r.combination === 'exclusive').map((r) => r.id));
        const priced = priceBasket(toBasket(lines), context(), rules);
        for (const line of priced.lines) {
          for (const stage of ['line', 'ticket'] as const) {
            const ids = new Set(line.discounts.filter((d) => d.stage === stage).map((d) => d.ruleId));
            if ([...ids].some((id) => exclusive.has(id))) expect(ids.size).toBe(1);
          }
        }
      }),
      runs,
    );
  });

  // Gifts count at their value: the engine may trade money off for a gift worth as much. A group
  // deal under a spend threshold is left out: one more unit can move the deal's reward onto the
  // lines the threshold counts (see "a group deal's reward can take a threshold away" beside it).
  it('never raises what the customer pays for the other lines when an item is added', () => {
    const cost = (priced: PricedBasket) => priced.totalMinor - priced.giftValueMinor;
    const thresholds = new Set<string>(['spend_threshold_off', 'spend_threshold_percent', 'spend_gift']);
    const groupDealUnderThreshold = (rules: readonly PromotionRule[]) => rules.some((r) => r.kind === 'buy_n_get_m') && rules.some((r) => thresholds.has(r.kind));
    fc.assert(
      fc.property(basketLinesArbitrary, lineArbitrary('added'), rulesArbitrary(5), (lines, added, rules) => {
        fc.pre(!groupDealUnderThreshold(rules));
        const before = priceBasket(toBasket(lines), context(), rules);
        const after = priceBasket(toBasket([...lines, added]), context(), rules);
        expect(cost(after)).toBeLessThanOrEqual(cost(before) + added.unitPriceMinor * (added.quantity ?? 1));
      }),
      runs,
    );
  });

  it('chooses a combination at least as good for the customer as any one rule alone', () => {
    fc.assert(
      fc.property(basketLinesArbitrary, fc.constantFrom<('line' | 'ticket')[]>(['line'], ['ticket']).chain((s) => rulesArbitrary(5, s)), (lines, rules) => {
        const basket = toBasket(lines);
        const chosen = value(priceBasket(basket, context(), rules));
        for (const single of rules) expect(chosen).toBeGreaterThanOrEqual(value(priceBasket(basket, context(), [single])));
      }),
      runs,
    );
  });
});
