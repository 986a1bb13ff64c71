/**
 * Golden pricing cases, each worked out by hand. Run by shared/src/promotions/golden.test.ts
 * on the till's engine, and by HQ on ingest, so both sides price alike.
 *
 * Defaults: store `store-1`, Wednesday 2025-05-21 10:00 in Asia/Shanghai, no member, no
 * vouchers, no manual discounts, rounding to the fen half up. Rules: priority 0, stackable,
 * no date, weekday, hour, store or level restriction unless a case says so. Amounts in fen.
 */
import type { RuleCommon } from '../../shared/src/promotions/rule-common.schemas';
import type { ArgsOf, ContextInput, LineInput, RuleKindName } from '../../shared/src/promotions/testing/promotion-fixtures';

export type GoldenRule = { [K in RuleKindName]: { kind: K; id: string; args: ArgsOf<K>; common?: Partial<RuleCommon> } }[RuleKindName];

export interface PricingCase {
  readonly name: string;
  readonly lines: readonly LineInput[];
  readonly rules: readonly GoldenRule[];
  readonly context?: ContextInput;
  readonly expected: {
    readonly totalMinor: number;
    readonly payableMinor?: number;
    readonly lineNets?: readonly number[];
    readonly ruleIds?: readonly string[];
    readonly giftProductIds?: readonly string[];
    readonly voucherStatuses?: readonly string[];
    readonly pointsMultipliersBp?: readonly number[];
  };
}

const line = (lineId: string, productId: string, unitPriceMinor: number, quantity = 1, extra: Partial<LineInput> = {}): LineInput => ({
  lineId, productId, unitPriceMinor, quantity, ...extra,
});
const every: { productIds: string[]; categoryIds: string[]; brandIds: string[] } = { productIds: [], categoryIds: [], brandIds: [] };
const percent = (percentBp: number) => ({ type: 'percent_off' as const, percentBp });
const itemPercent = (id: string, percentBp: number, common?: Partial<RuleCommon>): GoldenRule => ({
  kind: 'item_discount', id, args: { productIds: ['tea'], offer: percent(percentBp), unitLimit: null }, common,
});
const tea10000 = [line('l1', 'tea', 10_000)];
const gold = { id: 'm1', levelId: 'gold', birthday: '1990-05-23' };
const voucherRule = (faceValueMinor: number, minSpendMinor: number, maxPerTicket = 1): GoldenRule => ({
  kind: 'voucher', id: 'v', args: { scope: every, codes: ['A1', 'A2'], faceValueMinor, minSpendMinor, maxPerTicket },
});
const threshold = (id: string, tiers: { minSpendMinor: number; offMinor: number }[], common?: Partial<RuleCommon>, scope = every, repeat = false): GoldenRule => ({
  kind: 'spend_threshold_off', id, args: { scope, tiers, repeat }, common,
});
const manual = (lineId: string | null, kind: 'percent' | 'amount', value: number) => ({ id: 'm', lineId, kind, value, enteredBy: 'clerk-1', reason: null });

export const pricingCases: readonly PricingCase[] = [
  // 1000×2 + 500 = 2500
  { name: 'no rules: the gross', lines: [line('l1', 'tea', 1000, 2), line('l2', 'cup', 500)], rules: [], expected: { totalMinor: 2500 } },
  // 3000 − 10 % = 2700
  { name: 'item percent off', lines: [line('l1', 'tea', 1000, 3)], rules: [itemPercent('r', 1000)], expected: { totalMinor: 2700 } },
  // 2000 − 150×2 = 1700
  { name: 'item amount off per unit', lines: [line('l1', 'tea', 1000, 2)], rules: [{ kind: 'item_discount', id: 'r', args: { productIds: ['tea'], offer: { type: 'amount_off', amountMinor: 150 }, unitLimit: null } }], expected: { totalMinor: 1700 } },
  // 799×2 = 1598
  { name: 'item fixed price', lines: [line('l1', 'tea', 1000, 2)], rules: [{ kind: 'item_discount', id: 'r', args: { productIds: ['tea'], offer: { type: 'fixed_price', priceMinor: 799 }, unitLimit: null } }], expected: { totalMinor: 1598 } },
  // 1500 off a 1000 line stops at 0
  { name: 'a line never goes below zero', lines: [line('l1', 'tea', 1000)], rules: [{ kind: 'item_discount', id: 'r', args: { productIds: ['tea'], offer: { type: 'amount_off', amountMinor: 1500 }, unitLimit: null } }], expected: { totalMinor: 0, lineNets: [0] } },
  // 999 × 12.5 % = 124.875 → 125; 999 − 125 = 874
  { name: 'percentages round half up', lines: [line('l1', 'tea', 999)], rules: [itemPercent('r', 1250)], expected: { totalMinor: 874 } },
  // cola 300 under drinks − 20 % = 240; bread 500 untouched: 740
  { name: 'category discount reaches child categories', lines: [line('l1', 'cola', 300, 1, { categoryId: 'soft', ancestorCategoryIds: ['drinks'] }), line('l2', 'bread', 500, 1, { categoryId: 'bakery' })], rules: [{ kind: 'category_discount', id: 'r', args: { categoryIds: ['drinks'], offer: percent(2000), unitLimit: null } }], expected: { totalMinor: 740, lineNets: [240, 500] } },
  // 3000 − 200 = 2800 acme; soap 800: 3600
  { name: 'brand discount', lines: [line('l1', 'shampoo', 3000, 1, { brandId: 'acme' }), line('l2', 'soap', 800, 1, { brandId: 'other' })], rules: [{ kind: 'brand_discount', id: 'r', args: { brandIds: ['acme'], offer: { type: 'amount_off', amountMinor: 200 }, unitLimit: null } }], expected: { totalMinor: 3600 } },
  // gold member: 500×2 = 1000
  { name: 'member special price for the level', lines: [line('l1', 'milk', 650, 2)], rules: [{ kind: 'member_price', id: 'r', args: { productIds: ['milk'], priceMinor: 500, unitLimit: null }, common: { memberLevelIds: ['gold'] } }], context: { member: gold }, expected: { totalMinor: 1000 } },
  // silver member does not get the gold price: 650×2 = 1300
  { name: 'member special price not for other levels', lines: [line('l1', 'milk', 650, 2)], rules: [{ kind: 'member_price', id: 'r', args: { productIds: ['milk'], priceMinor: 500, unitLimit: null }, common: { memberLevelIds: ['gold'] } }], context: { member: { ...gold, levelId: 'silver' } }, expected: { totalMinor: 1300 } },
  // 18:00 is inside 17:00–19:00: 600×2 = 1200
  { name: 'happy hour inside its hours', lines: [line('l1', 'beer', 1000, 2)], rules: [{ kind: 'happy_hour', id: 'r', args: { scope: { ...every, productIds: ['beer'] }, offer: { type: 'fixed_price', priceMinor: 600 }, windows: [{ from: '17:00', to: '19:00' }], unitLimit: null } }], context: { instant: '2025-05-21T18:00:00+08:00' }, expected: { totalMinor: 1200 } },
  // 10:00 is outside: 1000×2 = 2000
  { name: 'happy hour outside its hours', lines: [line('l1', 'beer', 1000, 2)], rules: [{ kind: 'happy_hour', id: 'r', args: { scope: { ...every, productIds: ['beer'] }, offer: { type: 'fixed_price', priceMinor: 600 }, windows: [{ from: '17:00', to: '19:00' }], unitLimit: null } }], expected: { totalMinor: 2000 } },
  // birthday 05-23 is within 3 days of 05-21: 8800 − 20 % = 7040
  { name: 'birthday week', lines: [line('l1', 'cake', 8800)], rules: [{ kind: 'birthday', id: 'r', args: { scope: every, offer: percent(2000), window: 'week', unitLimit: null } }], context: { member: gold }, expected: { totalMinor: 7040 } },
  // 7 units, sets of 3: 2 free; 5×500 = 2500
  { name: 'buy 2 get 1 free on one line', lines: [line('l1', 'a', 500, 7)], rules: [{ kind: 'buy_n_get_m', id: 'r', args: { scope: { ...every, productIds: ['a'] }, buy: 2, get: 1, rewardPercentBp: 10_000, maxApplications: null } }], expected: { totalMinor: 2500 } },
  // set (900, 700, 500): 500 free; z not in the group: 900 + 700 + 100 = 1700
  { name: 'mix and match, cheapest free', lines: [line('l1', 'a', 900), line('l2', 'b', 500), line('l3', 'c', 700), line('l4', 'z', 100)], rules: [{ kind: 'buy_n_get_m', id: 'r', args: { scope: { ...every, productIds: ['a', 'b', 'c'] }, buy: 2, get: 1, rewardPercentBp: 10_000, maxApplications: null } }], expected: { totalMinor: 1700, lineNets: [900, 0, 700, 100] } },
  // second unit half price: 1000 + 500 = 1500
  { name: 'buy 1 get 1 at 50 %', lines: [line('l1', 'a', 1000, 2)], rules: [{ kind: 'buy_n_get_m', id: 'r', args: { scope: { ...every, productIds: ['a'] }, buy: 1, get: 1, rewardPercentBp: 5000, maxApplications: null } }], expected: { totalMinor: 1500 } },
  // 6 units but at most 2 sets: 2 free, 4×1000 = 4000
  { name: 'buy N get M stops at its maximum sets', lines: [line('l1', 'a', 1000, 6)], rules: [{ kind: 'buy_n_get_m', id: 'r', args: { scope: { ...every, productIds: ['a'] }, buy: 1, get: 1, rewardPercentBp: 10_000, maxApplications: 2 } }], expected: { totalMinor: 4000 } },
  // 20 % first (priority 2): 8000; then 10 % of 8000: 7200
  { name: 'stacked percentages compound by priority', lines: tea10000, rules: [itemPercent('low', 1000, { priority: 1 }), itemPercent('high', 2000, { priority: 2 })], expected: { totalMinor: 7200, ruleIds: ['high', 'low'] } },
  // stack 10 % + 10 % saves 1900; exclusive 25 % saves 2500: 7500
  { name: 'exclusive rule wins when it saves more', lines: tea10000, rules: [itemPercent('s1', 1000), itemPercent('s2', 1000), itemPercent('solo', 2500, { combination: 'exclusive' })], expected: { totalMinor: 7500, ruleIds: ['solo'] } },
  // stack 15 % + 15 %: 8500 → 7225 saves 2775 > 2500: 7225
  { name: 'stack wins when it saves more', lines: tea10000, rules: [itemPercent('s1', 1500), itemPercent('s2', 1500), itemPercent('solo', 2500, { combination: 'exclusive' })], expected: { totalMinor: 7225, ruleIds: ['s1', 's2'] } },
  // best of group: 30 % beats 10 %; then 'other' 10 %: 7000 → 6300
  { name: 'best of a group, stacked with the rest', lines: tea10000, rules: [itemPercent('g-small', 1000, { combination: 'best_of', group: 'week' }), itemPercent('g-big', 3000, { combination: 'best_of', group: 'week' }), itemPercent('other', 1000)], expected: { totalMinor: 6300, ruleIds: ['g-big', 'other'] } },
  // equal saving: the higher priority wins: 8000 by 'b'
  { name: 'ties go to the higher priority', lines: tea10000, rules: [itemPercent('a', 2000, { combination: 'exclusive' }), itemPercent('b', 2000, { combination: 'exclusive', priority: 5 })], expected: { totalMinor: 8000, ruleIds: ['b'] } },
  // equal saving and priority: the smaller id wins: 8000 by 'a'
  { name: 'then to the smaller rule id', lines: tea10000, rules: [itemPercent('b', 2000, { combination: 'exclusive' }), itemPercent('a', 2000, { combination: 'exclusive' })], expected: { totalMinor: 8000, ruleIds: ['a'] } },
  // 20000 reaches the 200 tier: 3000 off, spread 15000:5000 → 2250 + 750
  { name: 'tiered spend threshold, spread by largest remainder', lines: [line('l1', 'coat', 15_000), line('l2', 'hat', 5000)], rules: [threshold('t', [{ minSpendMinor: 10_000, offMinor: 1000 }, { minSpendMinor: 20_000, offMinor: 3000 }])], expected: { totalMinor: 17_000, lineNets: [12_750, 4250] } },
  // 9999 < 10000: nothing
  { name: 'spend threshold not reached', lines: [line('l1', 'coat', 9999)], rules: [threshold('t', [{ minSpendMinor: 10_000, offMinor: 1000 }])], expected: { totalMinor: 9999 } },
  // every 100 get 10: 35000 → 3 × 1000 off = 32000
  { name: 'spend threshold repeated for every step', lines: [line('l1', 'coat', 35_000)], rules: [threshold('t', [{ minSpendMinor: 10_000, offMinor: 1000 }], undefined, every, true)], expected: { totalMinor: 32_000 } },
  // only shoes count and pay: 12000 − 1000 = 11000; socks 5000
  { name: 'spend threshold over a category only', lines: [line('l1', 'boot', 12_000, 1, { categoryId: 'shoes' }), line('l2', 'sock', 5000, 1, { categoryId: 'socks' })], rules: [threshold('t', [{ minSpendMinor: 10_000, offMinor: 1000 }], undefined, { ...every, categoryIds: ['shoes'] })], expected: { totalMinor: 16_000, lineNets: [11_000, 5000] } },
  // 10500 − 10 % = 9450 < 10000: the threshold is measured after line promotions
  { name: 'threshold measured on the net after line promotions', lines: [line('l1', 'tea', 10_500)], rules: [itemPercent('r', 1000), threshold('t', [{ minSpendMinor: 10_000, offMinor: 1000 }])], expected: { totalMinor: 9450, ruleIds: ['r'] } },
  // 30001 reaches 12 %: 3600.12 → 3600; 26401
  { name: 'tiered percent off the ticket', lines: [line('l1', 'coat', 30_001)], rules: [{ kind: 'spend_threshold_percent', id: 't', args: { scope: every, tiers: [{ minSpendMinor: 10_000, percentBp: 500 }, { minSpendMinor: 30_000, percentBp: 1200 }] } }], expected: { totalMinor: 26_401 } },
  // 20000 reaches the gift; nothing off: 20000 and an umbrella
  { name: 'spend X get a gift', lines: [line('l1', 'coat', 20_000)], rules: [{ kind: 'spend_gift', id: 'g', args: { scope: every, minSpendMinor: 20_000, gift: { productId: 'umbrella', quantity: 1, valueMinor: 3500 } } }], expected: { totalMinor: 20_000, giftProductIds: ['umbrella'] } },
  // exclusive pair: gift worth 3500 beats 1000 off: 20000 and the umbrella
  { name: 'a gift worth more beats money off when they exclude each other', lines: [line('l1', 'coat', 20_000)], rules: [threshold('t', [{ minSpendMinor: 20_000, offMinor: 1000 }], { combination: 'exclusive' }), { kind: 'spend_gift', id: 'g', args: { scope: every, minSpendMinor: 20_000, gift: { productId: 'umbrella', quantity: 1, valueMinor: 3500 } }, common: { combination: 'exclusive' } }], expected: { totalMinor: 20_000, giftProductIds: ['umbrella'], ruleIds: [] } },
  // 10000 reaches the minimum: 10000 − 2000 = 8000
  { name: 'voucher with minimum spend', lines: [line('l1', 'coat', 10_000)], rules: [voucherRule(2000, 10_000)], context: { vouchers: [{ code: 'A1' }] }, expected: { totalMinor: 8000, voucherStatuses: ['applied'] } },
  // 9999 < 10000: refused
  { name: 'voucher below its minimum spend', lines: [line('l1', 'coat', 9999)], rules: [voucherRule(2000, 10_000)], context: { vouchers: [{ code: 'A1' }] }, expected: { totalMinor: 9999, voucherStatuses: ['min_spend_not_met'] } },
  // a 2000 voucher on 1500 takes 1500: 0
  { name: 'voucher never takes more than is left', lines: [line('l1', 'tea', 1500)], rules: [voucherRule(2000, 0)], context: { vouchers: [{ code: 'A1' }] }, expected: { totalMinor: 0, voucherStatuses: ['applied'] } },
  // threshold first: 20000 − 3000 = 17000 < 18000, so the voucher's minimum is not met
  { name: 'voucher minimum measured after ticket promotions', lines: [line('l1', 'coat', 20_000)], rules: [threshold('t', [{ minSpendMinor: 20_000, offMinor: 3000 }]), voucherRule(2000, 18_000)], context: { vouchers: [{ code: 'A1' }] }, expected: { totalMinor: 17_000, voucherStatuses: ['min_spend_not_met'] } },
  // one per ticket: A1 takes 2000, A2 refused: 8000
  { name: 'one voucher of a campaign per ticket', lines: [line('l1', 'coat', 10_000)], rules: [voucherRule(2000, 0, 1)], context: { vouchers: [{ code: 'A1' }, { code: 'A2' }] }, expected: { totalMinor: 8000, voucherStatuses: ['applied', 'limit_reached'] } },
  // the same code twice counts once: 8000
  { name: 'a code counts once', lines: [line('l1', 'coat', 10_000)], rules: [voucherRule(2000, 0, 2)], context: { vouchers: [{ code: 'A1' }, { code: 'A1' }] }, expected: { totalMinor: 8000, voucherStatuses: ['applied', 'duplicate'] } },
  // manual 500 off l1 first: 9500 < 10000, no threshold: 9500
  { name: 'manual line discount comes before thresholds', lines: [line('l1', 'a', 6000), line('l2', 'b', 4000)], rules: [threshold('t', [{ minSpendMinor: 10_000, offMinor: 1000 }])], context: { manualDiscounts: [manual('l1', 'amount', 500)] }, expected: { totalMinor: 9500, ruleIds: ['manual:m'] } },
  // 10 % of 10000 = 1000, spread 600 + 400: 9000
  { name: 'manual ticket discount spread over lines', lines: [line('l1', 'a', 6000), line('l2', 'b', 4000)], rules: [], context: { manualDiscounts: [manual(null, 'percent', 1000)] }, expected: { totalMinor: 9000, lineNets: [5400, 3600] } },
  // 1299 rounded down to the yuan: pays 1200
  { name: 'cash rounding down to 1 yuan', lines: [line('l1', 'a', 1299)], rules: [], context: { rounding: { unitMinor: 100, mode: 'down' } }, expected: { totalMinor: 1299, payableMinor: 1200 } },
  // 1235 half up to 0.1: 1240
  { name: 'cash rounding half up to 0.1', lines: [line('l1', 'a', 1235)], rules: [], context: { rounding: { unitMinor: 10, mode: 'half_up' } }, expected: { totalMinor: 1235, payableMinor: 1240 } },
  // 1234 half up to 0.1: 1230
  { name: 'cash rounding half up rounds small remainders down', lines: [line('l1', 'a', 1234)], rules: [], context: { rounding: { unitMinor: 10, mode: 'half_up' } }, expected: { totalMinor: 1234, payableMinor: 1230 } },
  // 12000 − 10 % = 10800 + 1999 = 12799; −1000 = 11799; −500 = 11299; −100 = 11199; down to 0.1: 11190
  {
    name: 'every stage in order',
    lines: [line('l1', 'tea', 6000, 2), line('l2', 'cup', 1999)],
    rules: [itemPercent('ten', 1000), threshold('t', [{ minSpendMinor: 10_000, offMinor: 1000 }]), { kind: 'voucher', id: 'v5', args: { scope: every, codes: ['V5'], faceValueMinor: 500, minSpendMinor: 0, maxPerTicket: 1 } }],
    context: { vouchers: [{ code: 'V5' }], manualDiscounts: [manual(null, 'amount', 100)], rounding: { unitMinor: 10, mode: 'down' } },
    expected: { totalMinor: 11_199, payableMinor: 11_190, ruleIds: ['ten', 't', 'v5', 'manual:m'] },
  },
  // at most 3 units half price: l1 both (1000 off), l2 one of two (500 off): 1000 + 1500
  { name: 'quantity limit per ticket', lines: [line('l1', 'tea', 1000, 2), line('l2', 'tea', 1000, 2)], rules: [{ kind: 'item_discount', id: 'r', args: { productIds: ['tea'], offer: percent(5000), unitLimit: 3 } }], expected: { totalMinor: 2500, lineNets: [1000, 1500] } },
  // rule for store-2 only: nothing here
  { name: 'rule of another store', lines: [line('l1', 'tea', 1000)], rules: [itemPercent('r', 1000, { storeIds: ['store-2'] })], expected: { totalMinor: 1000 } },
  // ended the day before: nothing
  { name: 'expired rule', lines: [line('l1', 'tea', 1000)], rules: [itemPercent('r', 1000, { validTo: '2025-05-20' })], expected: { totalMinor: 1000 } },
  // weekends only, and this is a Wednesday: nothing
  { name: 'weekend-only rule on a Wednesday', lines: [line('l1', 'tea', 1000)], rules: [itemPercent('r', 1000, { weekdays: [6, 7] })], expected: { totalMinor: 1000 } },
  // exclusive BOGO frees one 1000 (saves 1000) vs 10 % on both (saves 200): 1000
  { name: 'exclusive multi-line deal against one-line discounts', lines: [line('l1', 'tea', 1000), line('l2', 'tea', 1000)], rules: [{ kind: 'buy_n_get_m', id: 'bogo', args: { scope: { ...every, productIds: ['tea'] }, buy: 1, get: 1, rewardPercentBp: 10_000, maxApplications: null }, common: { combination: 'exclusive' } }, itemPercent('ten', 1000)], expected: { totalMinor: 1000, lineNets: [1000, 0], ruleIds: ['bogo'] } },
  // 10 % first: 900 + 900; then BOGO frees the later 900: 900
  { name: 'stackable multi-line deal after one-line discounts', lines: [line('l1', 'tea', 1000), line('l2', 'tea', 1000)], rules: [{ kind: 'buy_n_get_m', id: 'bogo', args: { scope: { ...every, productIds: ['tea'] }, buy: 1, get: 1, rewardPercentBp: 10_000, maxApplications: null } }, itemPercent('ten', 1000)], expected: { totalMinor: 900, lineNets: [900, 0] } },
  // 1000 per kg off 550 g = 550: 4950 − 550 = 4400
  { name: 'weighed line, amount per kilogram', lines: [line('l1', 'tea', 4950, 1, { weightGrams: 550 })], rules: [{ kind: 'item_discount', id: 'r', args: { productIds: ['tea'], offer: { type: 'amount_off', amountMinor: 1000 }, unitLimit: null } }], expected: { totalMinor: 4400 } },
  // multipliers only: 1000 + 1000, acme triple, the other double
  { name: 'points multipliers leave prices alone', lines: [line('l1', 'p1', 1000, 1, { brandId: 'acme' }), line('l2', 'p2', 1000)], rules: [{ kind: 'points_multiplier', id: 'x2', args: { scope: every, multiplierBp: 20_000 } }, { kind: 'points_multiplier', id: 'x3', args: { scope: { ...every, brandIds: ['acme'] }, multiplierBp: 30_000 } }], expected: { totalMinor: 2000, pointsMultipliersBp: [30_000, 20_000] } },
  // best of group at ticket level: 10 % (2000) beats 1500 off: 18000
  { name: 'best of group among ticket promotions', lines: [line('l1', 'coat', 20_000)], rules: [threshold('off', [{ minSpendMinor: 0, offMinor: 1500 }], { combination: 'best_of', group: 'ticket' }), { kind: 'spend_threshold_percent', id: 'pct', args: { scope: every, tiers: [{ minSpendMinor: 0, percentBp: 1000 }] }, common: { combination: 'best_of', group: 'ticket' } }], expected: { totalMinor: 18_000, ruleIds: ['pct'] } },
];
